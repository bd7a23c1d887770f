// The passphrase fallback: PBKDF2-HMAC-SHA256 (>= 600 000 iterations, random salt) wrapping the
// master key with AES-256-GCM; wrong passphrases and edited parameters are refused.

#include "security/passphrasekey.h"

#include "resultmessage.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ModelDesk;
using namespace ModelDesk::Security;

class tst_PassphraseKey : public QObject
{
    Q_OBJECT

    Artifacts::MasterKey m_key;

private Q_SLOTS:
    void initTestCase() { m_key = *Artifacts::MasterKey::generate(); }

    void wrapAndUnwrap()
    {
        auto wrapped = PassphraseKey::wrap(m_key, "correct horse battery");
        QVERIFY2(wrapped, qPrintable(errorOf(wrapped)));
        QVERIFY(wrapped->iterations >= 600000);
        QCOMPARE(wrapped->salt.size(), 16);
        QCOMPARE(wrapped->keyId, m_key.id());
        // The stored form survives its JSON trip and holds no key bytes.
        const QString json = wrapped->toJson();
        QVERIFY(!json.toLatin1().contains(m_key.bytes().toBase64()));
        QVERIFY(!json.toLatin1().contains(m_key.bytes().toHex()));
        QCOMPARE(QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("kdf")).toString(),
                 QStringLiteral("pbkdf2-hmac-sha256"));
        auto parsed = WrappedMasterKey::fromJson(json);
        QVERIFY(parsed);
        auto key = PassphraseKey::unwrap(*parsed, "correct horse battery");
        QVERIFY2(key, qPrintable(errorOf(key)));
        QCOMPARE(key->bytes(), m_key.bytes());

        auto wrong = PassphraseKey::unwrap(*parsed, "correct horse battery!");
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, Error::Code::Unauthenticated);
        QCOMPARE(PassphraseKey::unwrap(*parsed, "").error().code, Error::Code::Unauthenticated);
    }

    void saltAndNonceAreFresh()
    {
        auto a = PassphraseKey::wrap(m_key, "same passphrase");
        auto b = PassphraseKey::wrap(m_key, "same passphrase");
        QVERIFY(a && b);
        QVERIFY(a->salt != b->salt);
        QVERIFY(a->ciphertext != b->ciphertext);
    }

    void shortPassphraseRefused()
    {
        auto w = PassphraseKey::wrap(m_key, "short");
        QVERIFY(!w);
        QCOMPARE(w.error().code, Error::Code::InvalidArgument);
        QVERIFY(w.error().message.contains(QStringLiteral("at least 8")));
    }

    // Parameters are authenticated: lowering the work factor or swapping the salt does not help.
    void editedParametersRefused()
    {
        auto w = PassphraseKey::wrap(m_key, "correct horse battery");
        QVERIFY(w);
        QJsonObject o = QJsonDocument::fromJson(w->toJson().toUtf8()).object();
        o.insert(QStringLiteral("iterations"), 1000);
        QCOMPARE(WrappedMasterKey::fromJson(QString::fromUtf8(QJsonDocument(o).toJson())).error().code, Error::Code::InvalidArgument);

        WrappedMasterKey more = *w;
        more.iterations += 1;
        QCOMPARE(PassphraseKey::unwrap(more, "correct horse battery").error().code, Error::Code::Unauthenticated);
        WrappedMasterKey salted = *w;
        salted.salt[0] = char(salted.salt[0] ^ 1);
        QCOMPARE(PassphraseKey::unwrap(salted, "correct horse battery").error().code, Error::Code::Unauthenticated);
        QCOMPARE(WrappedMasterKey::fromJson(QStringLiteral("{}")).error().code, Error::Code::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(tst_PassphraseKey)
#include "tst_passphrasekey.moc"
