// The console's start (ui/startup): WorkspaceOpener opens the workspace and its registry on a worker
// thread and reports on the GUI thread; StartupWindow says what is being opened and lets the operator
// give up. The slow case is real: a TCP server that accepts the registry connection and never
// answers, as a stopped PostgreSQL host would.

#include "startup/startupwindow.h"
#include "startup/workspaceopener.h"

#include "registry/modelcatalog.h"
#include "registry/modelregistry.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using ModelDesk::Registry::CatalogOptions;

class tst_Startup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        qunsetenv("MODELDESK_REGISTRY_URL");
    }

    void opensAWorkspaceOffTheGuiThread()
    {
        QTemporaryDir dir;
        WorkspaceOpener opener;
        QSignalSpy opened(&opener, &WorkspaceOpener::opened);
        QSignalSpy failed(&opener, &WorkspaceOpener::failed);
        opener.open(dir.path() + QStringLiteral("/ws"), {});
        QCOMPARE(opener.directory(), dir.path() + QStringLiteral("/ws"));
        QVERIFY(opener.registryDisplay().isEmpty());
        QVERIFY(opened.wait(20000));
        QCOMPARE(failed.count(), 0);
        auto catalog = opener.takeCatalog();
        QVERIFY(catalog);
        // The catalog works from this thread too (its own connection).
        auto models = catalog->registry().models();
        QVERIFY2(models, models ? "" : qPrintable(models.error().message));
        QVERIFY(models->isEmpty());
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/ws/registry.sqlite")));
        QVERIFY(!opener.takeCatalog()); // once
    }

    void reportsWhichPartFailed()
    {
        QTemporaryDir dir;
        // A file where the workspace folder should be.
        const QString notADir = dir.path() + QStringLiteral("/file");
        QFile f(notADir);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        {
            WorkspaceOpener opener;
            QSignalSpy failed(&opener, &WorkspaceOpener::failed);
            opener.open(notADir, {});
            QVERIFY(failed.wait(20000));
            QCOMPARE(failed.at(0).at(0).value<WorkspaceOpener::Part>(), WorkspaceOpener::Part::Workspace);
            QVERIFY(!failed.at(0).at(1).toString().isEmpty());
            QVERIFY(!opener.takeCatalog());
        }
        {
            // A registry URL that is not one.
            WorkspaceOpener opener;
            QSignalSpy failed(&opener, &WorkspaceOpener::failed);
            CatalogOptions options;
            options.registryUrl = QStringLiteral("mysql://me@localhost/x");
            opener.open(dir.path() + QStringLiteral("/ws"), options);
            QVERIFY(failed.wait(20000));
            QCOMPARE(failed.at(0).at(0).value<WorkspaceOpener::Part>(), WorkspaceOpener::Part::Registry);
            QVERIFY2(failed.at(0).at(1).toString().contains(QLatin1String("unsupported registry URL")),
                     qPrintable(failed.at(0).at(1).toString()));
        }
    }

    // While the registry server keeps the connection waiting, the GUI thread runs its event loop;
    // when the server drops it, the failure names the registry without the password.
    void guiThreadRunsWhileTheRegistryConnects()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        CatalogOptions options;
        options.registryUrl = QStringLiteral("postgresql://me:hidden@127.0.0.1:%1/registry?connect_timeout=60")
                                  .arg(silent.serverPort());
        WorkspaceOpener opener;
        QSignalSpy failed(&opener, &WorkspaceOpener::failed);
        QSignalSpy opened(&opener, &WorkspaceOpener::opened);
        opener.open(dir.path() + QStringLiteral("/ws"), options);
        QVERIFY2(opener.registryDisplay().startsWith(QStringLiteral("postgresql://me@127.0.0.1:%1/registry").arg(silent.serverPort())),
                 qPrintable(opener.registryDisplay()));

        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(10);
        // The connection arrives (accepted by this thread's event loop) and gets no answer.
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 20000);
        const int ticksAtConnect = ticks;
        QTRY_VERIFY(ticks >= ticksAtConnect + 5);
        QVERIFY(opener.isRunning());
        QCOMPARE(failed.count() + opened.count(), 0);

        QTcpSocket *client = silent.nextPendingConnection();
        QVERIFY(client);
        client->abort();
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.at(0).at(0).value<WorkspaceOpener::Part>(), WorkspaceOpener::Part::Registry);
        const QString message = failed.at(0).at(1).toString();
        QVERIFY2(message.contains(QLatin1String("postgresql://me@127.0.0.1")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("hidden")), qPrintable(message));
    }

    // Quitting while the registry connects: the opener's destructor waits for the worker, which
    // gives up when the server goes away.
    void destroyedWhileConnecting()
    {
        auto silent = std::make_unique<QTcpServer>();
        QVERIFY(silent->listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        CatalogOptions options;
        options.registryUrl = QStringLiteral("postgresql://me@127.0.0.1:%1/registry?connect_timeout=60").arg(silent->serverPort());
        auto opener = std::make_unique<WorkspaceOpener>();
        QSignalSpy failed(opener.get(), &WorkspaceOpener::failed);
        opener->open(dir.path() + QStringLiteral("/ws"), options);
        QTRY_VERIFY_WITH_TIMEOUT(silent->hasPendingConnections(), 20000);
        silent->nextPendingConnection()->abort();
        opener.reset(); // waits; delivers nothing
        QCOMPARE(failed.count(), 0);
    }

    void startupWindowSaysWhatItOpens()
    {
        StartupWindow window(QStringLiteral("/data/ws"), QStringLiteral("postgresql://team@db:5432/registry"));
        QVERIFY(window.statusText().contains(QLatin1String("/data/ws")));
        QVERIFY(window.statusText().contains(QLatin1String("postgresql://team@db:5432/registry")));
        StartupWindow local(QStringLiteral("/data/ws"), QString());
        QVERIFY(local.statusText().contains(QLatin1String("/data/ws")));
        QVERIFY(!local.statusText().contains(QLatin1String("registry at")));
        QVERIFY(window.windowTitle().contains(QLatin1String("ModelDesk")));

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.grab().isNull());
        QSignalSpy quit(&window, &StartupWindow::quitRequested);
        window.quitButton()->click();
        QCOMPARE(quit.count(), 1);
        QVERIFY(!window.isVisible());

        // Closing it because the console is up is not a request to quit.
        local.show();
        QSignalSpy quitLocal(&local, &StartupWindow::quitRequested);
        local.dismiss();
        QVERIFY(!local.isVisible());
        QCOMPARE(quitLocal.count(), 0);
    }
};

QTEST_MAIN(tst_Startup)
#include "tst_startup.moc"
