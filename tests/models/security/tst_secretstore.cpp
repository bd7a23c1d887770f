// SecretStore against a real gnome-keyring over a real D-Bus session (a private one, see
// privatekeyring.h), and the states without one: no bus, a dead bus address, a bus without a Secret
// Service, a Secret Service without a keyring, a locked keyring, a daemon that stopped answering.

#include "privatekeyring.h"
#include "security/secretstore.h"

#include "resultmessage.h"
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ModelDesk;
using namespace ModelDesk::Security;

namespace {

// Child mode: report what a SecretStore sees in this process's environment, as one JSON line.
int probeMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    SecretStore::Options options;
    options.timeoutMs = 5000;
    SecretStore store(QDir::tempPath(), options);
    const KeychainState state = store.checkAvailabilityBlocking();
    const auto read = store.readBlocking(Secret::ModelMasterKey);
    const QJsonObject out{{QStringLiteral("available"), state.isAvailable()},
                          {QStringLiteral("reason"), reasonName(state.reason)},
                          {QStringLiteral("message"), state.message},
                          {QStringLiteral("read"), read ? QStringLiteral("ok") : Error::codeName(read.error().code)},
                          {QStringLiteral("read_message"), read ? QString() : read.error().message}};
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return 0;
}

// Owner of org.freedesktop.secrets on our private bus: the gnome-keyring-daemon this test started.
qint64 secretServicePid()
{
    QDBusReply<uint> pid = QDBusConnection::sessionBus().interface()->servicePid(QStringLiteral("org.freedesktop.secrets"));
    return pid.isValid() ? qint64(pid.value()) : -1;
}

} // namespace

class tst_SecretStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString workspace(const QString &name) const
    {
        const QString path = m_dir.path() + QLatin1Char('/') + name;
        QDir().mkpath(path);
        return path;
    }

    static QJsonObject runProbe(const QProcessEnvironment &env, const QStringList &wrapper = {})
    {
        QProcess p;
        QProcessEnvironment e = env;
        e.insert(QStringLiteral("MODELDESK_SECRETSTORE_PROBE"), QStringLiteral("1"));
        p.setProcessEnvironment(e);
        const QString self = QCoreApplication::applicationFilePath();
        if (wrapper.isEmpty())
            p.start(self, {});
        else
            p.start(wrapper.first(), wrapper.mid(1) + QStringList{self});
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {{QStringLiteral("error"), QStringLiteral("probe child did not finish")}};
        }
        // A D-Bus-activated daemon shares the child's stdout: the probe's line is the last JSON one.
        const QByteArray out = p.readAllStandardOutput();
        QJsonObject o;
        for (const QByteArray &line : out.split('\n')) {
            const QJsonObject candidate = QJsonDocument::fromJson(line.trimmed()).object();
            if (!candidate.isEmpty())
                o = candidate;
        }
        if (o.isEmpty())
            return {{QStringLiteral("error"), QString::fromUtf8(out + p.readAllStandardError())}};
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "no private D-Bus session: see privatekeyring.h");
        QVERIFY2(secretServicePid() > 0, "gnome-keyring-daemon is not running on the private bus");
    }

    void keyNamesAreScopedByWorkspace()
    {
        const QString a = workspace(QStringLiteral("a"));
        const QString b = workspace(QStringLiteral("b"));
        const QString name = SecretStore::keyName(a, Secret::ModelMasterKey);
        QVERIFY2(QRegularExpression(QStringLiteral("^workspace-[0-9a-f]{16}/model-master-key$")).match(name).hasMatch(),
                 qPrintable(name));
        QVERIFY(name != SecretStore::keyName(b, Secret::ModelMasterKey));
        QVERIFY(name != SecretStore::keyName(a, Secret::AdminToken));
        // The same folder by another spelling or through a symlink is the same workspace.
        QCOMPARE(SecretStore::keyName(a + QStringLiteral("/../a/."), Secret::ModelMasterKey), name);
        QVERIFY(QFile::link(a, m_dir.path() + QStringLiteral("/link")));
        QCOMPARE(SecretStore::keyName(m_dir.path() + QStringLiteral("/link"), Secret::ModelMasterKey), name);
        QCOMPARE(secretName(Secret::TlsKeyPassphrase), QStringLiteral("tls-key-passphrase"));
        QCOMPARE(*parseSecretName(QStringLiteral("admin-token")), Secret::AdminToken);
        QCOMPARE(parseSecretName(QStringLiteral("password")).error().code, Error::Code::InvalidArgument);
    }

    void availableWithAnUnlockedKeyring()
    {
        SecretStore store(workspace(QStringLiteral("a")));
        QCOMPARE(store.state().availability, KeychainState::Availability::Unknown);
        QSignalSpy changed(&store, &SecretStore::stateChanged);
        const KeychainState state = store.checkAvailabilityBlocking();
        QVERIFY2(state.isAvailable(), qPrintable(state.message));
        QCOMPARE(state.reason, KeychainState::Reason::None);
        QCOMPARE(changed.size(), 1);
        QVERIFY(store.state().isAvailable());
    }

    void writeReadRemove()
    {
        SecretStore store(workspace(QStringLiteral("a")));
        // Length from the array (25 bytes): a hand-counted 27 read past the literal (found by ASan).
        static const char raw[] = "\x00\x01\xfe key bytes \x00 with NULs";
        const QByteArray value(raw, qsizetype(sizeof(raw) - 1));
        QVERIFY(store.writeBlocking(Secret::ModelMasterKey, value));
        auto read = store.readBlocking(Secret::ModelMasterKey);
        QVERIFY2(read, qPrintable(errorOf(read)));
        QCOMPARE(*read, value);
        // Overwrite, then remove; removing what is gone is fine.
        QVERIFY(store.writeBlocking(Secret::ModelMasterKey, QByteArrayLiteral("second")));
        QCOMPARE(*store.readBlocking(Secret::ModelMasterKey), QByteArrayLiteral("second"));
        QVERIFY(store.removeBlocking(Secret::ModelMasterKey));
        auto gone = store.readBlocking(Secret::ModelMasterKey);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, Error::Code::NotFound);
        QVERIFY2(gone.error().message.contains(store.keyName(Secret::ModelMasterKey)), qPrintable(errorOf(gone)));
        QVERIFY(store.removeBlocking(Secret::ModelMasterKey));
    }

    void workspacesAndSecretsDoNotClash()
    {
        SecretStore a(workspace(QStringLiteral("a")));
        SecretStore b(workspace(QStringLiteral("b")));
        QVERIFY(a.writeBlocking(Secret::AdminToken, QByteArrayLiteral("token-a")));
        QVERIFY(b.writeBlocking(Secret::AdminToken, QByteArrayLiteral("token-b")));
        QVERIFY(a.writeBlocking(Secret::TlsKeyPassphrase, QByteArrayLiteral("tls-a")));
        QCOMPARE(*a.readBlocking(Secret::AdminToken), QByteArrayLiteral("token-a"));
        QCOMPARE(*b.readBlocking(Secret::AdminToken), QByteArrayLiteral("token-b"));
        QCOMPARE(*a.readBlocking(Secret::TlsKeyPassphrase), QByteArrayLiteral("tls-a"));
        QCOMPARE(b.readBlocking(Secret::TlsKeyPassphrase).error().code, Error::Code::NotFound);
        QVERIFY(a.removeBlocking(Secret::AdminToken));
        QCOMPARE(*b.readBlocking(Secret::AdminToken), QByteArrayLiteral("token-b"));
    }

    // The secret must be in the keyring only: nothing under HOME (no insecure QSettings fallback).
    void valueNeverStoredInPlaintext()
    {
        SecretStore store(workspace(QStringLiteral("plain")));
        const QByteArray value = QByteArrayLiteral("unmistakable-secret-value-7f3a9c");
        QVERIFY(store.writeBlocking(Secret::TlsKeyPassphrase, value));
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ++files;
            const QByteArray content = f.readAll();
            QVERIFY2(!content.contains(value) && !content.contains(value.toBase64()), qPrintable(f.fileName()));
        }
        QVERIFY(files > 0); // the keyring file itself
    }

    void callbacksAreQueuedAndDieWithTheirContext()
    {
        SecretStore store(workspace(QStringLiteral("a")));
        QVERIFY(store.writeBlocking(Secret::AdminToken, QByteArrayLiteral("x")));
        bool called = false;
        store.read(Secret::AdminToken, this, [&](Result<QByteArray> r) {
            QVERIFY(r);
            called = true;
        });
        QVERIFY(!called); // never from inside the call
        QTRY_VERIFY(called);

        auto *context = new QObject;
        bool orphanCalled = false;
        store.read(Secret::AdminToken, context, [&](Result<QByteArray>) { orphanCalled = true; });
        delete context;
        // A later request finishes after the first one (QtKeychain runs jobs in order).
        QVERIFY(store.readBlocking(Secret::AdminToken));
        QCoreApplication::processEvents();
        QVERIFY(!orphanCalled);
    }

    void noSessionBus_data()
    {
        QTest::addColumn<QString>("address"); // empty: unset
        QTest::newRow("unset") << QString();
        QTest::newRow("dead socket") << QStringLiteral("unix:path=/nonexistent/modeldesk-test-bus");
    }
    void noSessionBus()
    {
        QFETCH(QString, address);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY")); // no X11 autolaunch of a bus
        if (address.isEmpty())
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        else
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
        const QJsonObject probe = runProbe(env);
        QVERIFY2(!probe.contains(QStringLiteral("error")), qPrintable(probe.value(QStringLiteral("error")).toString()));
        QCOMPARE(probe.value(QStringLiteral("available")).toBool(), false);
        QCOMPARE(probe.value(QStringLiteral("reason")).toString(), QStringLiteral("no-session-bus"));
        QVERIFY(probe.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("no secure store: ")));
        QCOMPARE(probe.value(QStringLiteral("read")).toString(), QStringLiteral("unavailable"));
    }

    // A bus whose configuration knows no services at all: nothing can provide org.freedesktop.secrets.
    void noSecretService()
    {
        const QString config = m_dir.path() + QStringLiteral("/bare-bus.conf");
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>\n"
                "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        f.close();
        const QJsonObject probe = runProbe(QProcessEnvironment::systemEnvironment(),
                                           {QStringLiteral("dbus-run-session"), QStringLiteral("--config-file=") + config,
                                            QStringLiteral("--")});
        QVERIFY2(!probe.contains(QStringLiteral("error")), qPrintable(probe.value(QStringLiteral("error")).toString()));
        QCOMPARE(probe.value(QStringLiteral("reason")).toString(), QStringLiteral("no-secret-service"));
        QCOMPARE(probe.value(QStringLiteral("read")).toString(), QStringLiteral("unavailable"));
    }

    // A standard session bus starts gnome-keyring on demand, but with an empty HOME there is no
    // default keyring: creating one would need a prompt, so it is reported, not waited for.
    void secretServiceWithoutKeyring()
    {
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.remove(QStringLiteral("DISPLAY"));
        // Not our private daemon's: the new bus must start its own.
        env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        const QJsonObject probe = runProbe(env, {QStringLiteral("dbus-run-session"), QStringLiteral("--")});
        QVERIFY2(!probe.contains(QStringLiteral("error")), qPrintable(probe.value(QStringLiteral("error")).toString()));
        QCOMPARE(probe.value(QStringLiteral("available")).toBool(), false);
        QCOMPARE(probe.value(QStringLiteral("reason")).toString(), QStringLiteral("no-keyring"));
        QCOMPARE(probe.value(QStringLiteral("read")).toString(), QStringLiteral("unavailable"));
    }

    // The Secret Service owns its name but does not answer (stopped): the deadline ends the wait.
    void stuckSecretServiceTimesOut()
    {
        const qint64 pid = secretServicePid();
        QVERIFY(pid > 0);
        SecretStore::Options options;
        options.timeoutMs = 1500;
        SecretStore store(workspace(QStringLiteral("a")), options);
        QVERIFY(store.writeBlocking(Secret::AdminToken, QByteArrayLiteral("before")));
        QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
        auto read = store.readBlocking(Secret::AdminToken);
        const KeychainState stuck = store.state();
        QCOMPARE(::kill(pid_t(pid), SIGCONT), 0);
        QVERIFY(!read);
        QCOMPARE(read.error().code, Error::Code::Timeout);
        QCOMPARE(stuck.reason, KeychainState::Reason::TimedOut);
        QVERIFY2(stuck.message.contains(QStringLiteral("did not answer")), qPrintable(stuck.message));
        // Once it answers again, so does the store.
        SecretStore::Options patient;
        patient.timeoutMs = 20000;
        SecretStore again(workspace(QStringLiteral("a")), patient);
        auto later = again.readBlocking(Secret::AdminToken);
        QVERIFY2(later, qPrintable(errorOf(later)));
        QCOMPARE(*later, QByteArrayLiteral("before"));
    }

    // Last: it leaves the keyring locked. Reported at once as "locked" rather than hanging, and never
    // as "not found" (which would invite creating a new key over the old one).
    void lockedKeyringIsReported()
    {
        SecretStore::Options options;
        options.timeoutMs = 60000; // a hang would show as a timeout, not as "locked"
        SecretStore store(workspace(QStringLiteral("a")), options);
        QVERIFY(store.writeBlocking(Secret::ModelMasterKey, QByteArrayLiteral("locked-away")));

        QDBusMessage lock = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
                                                           QStringLiteral("/org/freedesktop/secrets"),
                                                           QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
        lock << QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default"))});
        const QDBusMessage reply = QDBusConnection::sessionBus().call(lock);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));

        auto read = store.readBlocking(Secret::ModelMasterKey);
        QVERIFY(!read);
        QCOMPARE(read.error().code, Error::Code::Unavailable);
        QCOMPARE(store.state().reason, KeychainState::Reason::Locked);
        QVERIFY2(read.error().message.contains(QStringLiteral("locked")), qPrintable(errorOf(read)));

        // With the unlock prompt allowed (GUI), the prompt cannot show here and the keyring stays
        // locked: still "locked", not "not found".
        options.allowUnlockPrompt = true;
        SecretStore interactive(workspace(QStringLiteral("a")), options);
        auto prompted = interactive.readBlocking(Secret::ModelMasterKey);
        QVERIFY(!prompted);
        QVERIFY2(prompted.error().code != Error::Code::NotFound, qPrintable(errorOf(prompted)));
        QCOMPARE(interactive.state().reason, KeychainState::Reason::Locked);
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("MODELDESK_SECRETSTORE_PROBE"))
        return probeMain(argc, argv);
    TestKeyring::enterPrivateSession(argc, argv);
    QCoreApplication app(argc, argv);
    tst_SecretStore tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_secretstore.moc"
