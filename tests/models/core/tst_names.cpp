#include "core/names.h"

#include <QTest>

using namespace ModelDesk;

class tst_Names : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("mnist") << true;
        QTest::newRow("digits first") << QStringLiteral("1model") << true;
        QTest::newRow("dots dashes") << QStringLiteral("fashion-mnist.v2_x") << true;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("upper") << QStringLiteral("Model") << false;
        QTest::newRow("leading dash") << QStringLiteral("-m") << false;
        QTest::newRow("leading dot") << QStringLiteral(".m") << false;
        QTest::newRow("dotdot") << QStringLiteral("a..b") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
        QTest::newRow("percent") << QStringLiteral("%2e%2e") << false;
        QTest::newRow("backslash") << QStringLiteral("a\\..\\b") << false;
        QTest::newRow("unicode") << QStringLiteral("模型") << false;
        QTest::newRow("trailing newline") << QStringLiteral("model\n") << false;
    }
    void validNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(Names::isValidName(name), valid);
        QCOMPARE(Names::checkName(name, QStringLiteral("model")).has_value(), valid);
    }

    void modelRef_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("alias");
        QTest::newRow("name") << QStringLiteral("m") << true << QStringLiteral("m") << 0 << QString();
        QTest::newRow("version") << QStringLiteral("m:3") << true << QStringLiteral("m") << 3 << QString();
        QTest::newRow("alias") << QStringLiteral("m@production") << true << QStringLiteral("m") << 0
                               << QStringLiteral("production");
        QTest::newRow("zero") << QStringLiteral("m:0") << false << QString() << 0 << QString();
        QTest::newRow("negative") << QStringLiteral("m:-1") << false << QString() << 0 << QString();
        QTest::newRow("leading zero") << QStringLiteral("m:01") << false << QString() << 0 << QString();
        QTest::newRow("text version") << QStringLiteral("m:latest") << false << QString() << 0 << QString();
        QTest::newRow("both") << QStringLiteral("m:1@a") << false << QString() << 0 << QString();
        QTest::newRow("bad alias") << QStringLiteral("m@../x") << false << QString() << 0 << QString();
        QTest::newRow("bad name") << QStringLiteral("../m:1") << false << QString() << 0 << QString();
    }
    void modelRef()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const auto ref = Names::parseModelRef(text);
        QCOMPARE(ref.has_value(), ok);
        if (!ok) {
            QCOMPARE(ref.error().code, Error::Code::InvalidArgument);
            QVERIFY(!ref.error().message.isEmpty());
            return;
        }
        QFETCH(QString, name);
        QFETCH(int, version);
        QFETCH(QString, alias);
        QCOMPARE(ref->name, name);
        QCOMPARE(ref->version.value_or(0), version);
        QCOMPARE(ref->alias, alias);
        QCOMPARE(ref->toString(), text);
    }

    void digests()
    {
        QVERIFY(Names::isValidDigest(QString(64, QLatin1Char('a'))));
        QVERIFY(!Names::isValidDigest(QString(63, QLatin1Char('a'))));
        QVERIFY(!Names::isValidDigest(QString(64, QLatin1Char('a')) + QLatin1Char('\n')));
        QVERIFY(!Names::isValidDigest(QString(64, QLatin1Char('A'))));
        QVERIFY(!Names::isValidDigest(QStringLiteral("../") + QString(61, QLatin1Char('a'))));
    }

    void tagValues()
    {
        QVERIFY(Names::checkTagValue(QStringLiteral("any text, even 中文")).has_value());
        QVERIFY(!Names::checkTagValue(QString(257, QLatin1Char('x'))).has_value());
        QVERIFY(!Names::checkTagValue(QStringLiteral("a\nb")).has_value());
    }
};

QTEST_GUILESS_MAIN(tst_Names)
#include "tst_names.moc"
