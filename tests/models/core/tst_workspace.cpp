#include "core/workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;

class tst_Workspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resolutionOrder()
    {
        QTemporaryDir a, b;
        qputenv("MODELDESK_WORKSPACE", b.path().toLocal8Bit());
        QCOMPARE(Workspace::resolveDirectory(a.path()), QDir(a.path()).absolutePath());
        QCOMPARE(Workspace::resolveDirectory(), QDir(b.path()).absolutePath());
        qunsetenv("MODELDESK_WORKSPACE");
        QVERIFY(Workspace::resolveDirectory().endsWith(QLatin1String("ModelDesk/workspace")));
    }

    void openCreatesLayout()
    {
        QTemporaryDir tmp;
        const QString root = tmp.path() + QStringLiteral("/ws");
        const auto ws = Workspace::open(root);
        QVERIFY2(ws.has_value(), ws ? "" : qPrintable(ws.error().message));
        QVERIFY(QDir(ws->artifactsDir() + QStringLiteral("/sha256")).exists());
        QVERIFY(QDir(ws->runsDir()).exists());
        QCOMPARE(ws->registryPath(), ws->root() + QStringLiteral("/registry.sqlite"));
    }

    void openRefusesFile()
    {
        QTemporaryDir tmp;
        QFile f(tmp.path() + QStringLiteral("/file"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const auto ws = Workspace::open(f.fileName());
        QVERIFY(!ws.has_value());
        QCOMPARE(ws.error().code, Error::Code::InvalidArgument);
    }

    void pathInside_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << QStringLiteral("runs/abc/ckpt.pt") << true;
        QTest::newRow("dotdot") << QStringLiteral("../etc/passwd") << false;
        QTest::newRow("inner dotdot") << QStringLiteral("runs/../../x") << false;
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << false;
        QTest::newRow("backslash") << QStringLiteral("runs\\..\\..\\x") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("symlink escape") << QStringLiteral("runs/evil/x") << false;
    }
    void pathInside()
    {
        QFETCH(QString, relative);
        QFETCH(bool, ok);
        QTemporaryDir tmp, outside;
        auto ws = Workspace::open(tmp.path());
        QVERIFY(ws.has_value());
        QVERIFY(QFile::link(outside.path(), ws->runsDir() + QStringLiteral("/evil")));
        const auto p = ws->pathInside(relative);
        QCOMPARE(p.has_value(), ok);
        if (ok)
            QVERIFY(p->startsWith(ws->root() + QLatin1Char('/')));
    }

    void configRoundTrip()
    {
        QTemporaryDir tmp;
        auto ws = Workspace::open(tmp.path());
        QVERIFY(ws.has_value());
        QCOMPARE(ws->readConfig().value(), QJsonObject{});
        QJsonObject cfg{{QStringLiteral("language"), QStringLiteral("zh_CN")}};
        QVERIFY(ws->writeConfig(cfg).has_value());
        QCOMPARE(ws->readConfig().value(), cfg);
        QFile f(ws->configPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{not json");
        f.close();
        QCOMPARE(ws->readConfig().error().code, Error::Code::Corrupt);
    }
};

QTEST_GUILESS_MAIN(tst_Workspace)
#include "tst_workspace.moc"
