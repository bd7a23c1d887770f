// kill -9 a real modeldesk-cli while it imports (or deletes) a large file, at every step of the write;
// reopen; doctor passes; there is never a half version: either no version or a whole, verified one.

#include "clitestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

class tst_CrashConsistency : public QObject
{
    Q_OBJECT

    static int versionCount(const QString &ws)
    {
        const CliRun r = runCli(ws, {QStringLiteral("models"), QStringLiteral("list"), QStringLiteral("--json")});
        int n = 0;
        for (const QJsonValue &m : r.json().array())
            n += int(m.toObject().value(QStringLiteral("versions")).toArray().size());
        return n;
    }

    static int artifactFiles(const QString &ws)
    {
        int n = 0;
        QDir dir(ws + QStringLiteral("/artifacts/sha256"));
        for (const QString &sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            n += int(QDir(dir.filePath(sub)).entryList(QDir::Files).size());
        return n;
    }

private Q_SLOTS:
    void killDuringImport_data()
    {
        QTest::addColumn<QString>("point");
        QTest::addColumn<int>("versionsAfter");
        QTest::newRow("after hashing") << QStringLiteral("import:hashed") << 1;
        QTest::newRow("after pending row") << QStringLiteral("import:pending") << 1;
        QTest::newRow("copy 10%") << QStringLiteral("import:copy:10") << 1;
        QTest::newRow("copy 60%") << QStringLiteral("import:copy:60") << 1;
        QTest::newRow("copy 99%") << QStringLiteral("import:copy:99") << 1;
        QTest::newRow("after copy") << QStringLiteral("import:copied") << 1;
        QTest::newRow("after validation") << QStringLiteral("import:validated") << 1;
        QTest::newRow("after commit") << QStringLiteral("import:committed") << 2;
    }
    void killDuringImport()
    {
        REQUIRE_TEST_MODELS();
        QFETCH(QString, point);
        QFETCH(int, versionsAfter);
        QTemporaryDir ws;
        QCOMPARE(runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("import"), testModel(QStringLiteral("linear.pt")),
                                    QStringLiteral("--name"), QStringLiteral("big")}).exitCode, 0);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MODELDESK_FAULT_POINT"), point);
        const CliRun killed = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("import"),
                                                 testModel(QStringLiteral("large.pt")), QStringLiteral("--name"),
                                                 QStringLiteral("big")}, env);
        QCOMPARE(killed.status, QProcess::CrashExit);

        // Reopen: doctor passes (it cleans leftovers of the dead process and says so).
        const CliRun doctor = runCli(ws.path(), {QStringLiteral("doctor"), QStringLiteral("--json")});
        QVERIFY2(doctor.exitCode == 0, qPrintable(doctor.out + doctor.err));
        QCOMPARE(versionCount(ws.path()), versionsAfter);
        QCOMPARE(artifactFiles(ws.path()), versionsAfter);
        QCOMPARE(QDir(ws.path() + QStringLiteral("/tmp")).entryList(QDir::Files | QDir::NoDotAndDotDot).size() > 0
                     ? runCli(ws.path(), {QStringLiteral("doctor"), QStringLiteral("--fix")}).exitCode
                     : 0,
                 0);

        // Every version is whole: it exports and its bytes match what was imported.
        if (versionsAfter == 2) {
            const QString out = ws.path() + QStringLiteral("/check.pt");
            QCOMPARE(runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("export"), QStringLiteral("big:2"),
                                        QStringLiteral("--out"), out}).exitCode, 0);
            QCOMPARE(QFileInfo(out).size(), QFileInfo(testModel(QStringLiteral("large.pt"))).size());
        }
        // And the registry keeps working: the next import gets the next number.
        const CliRun again = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("import"),
                                                testModel(QStringLiteral("mlp.pt")), QStringLiteral("--name"),
                                                QStringLiteral("big"), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.json().object().value(QStringLiteral("version")).toInt() > versionsAfter - 1);
        QCOMPARE(runCli(ws.path(), {QStringLiteral("doctor")}).exitCode, 0);
    }

    void killDuringDelete()
    {
        REQUIRE_TEST_MODELS();
        QTemporaryDir ws;
        QCOMPARE(runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("import"), testModel(QStringLiteral("linear.pt")),
                                    QStringLiteral("--name"), QStringLiteral("m")}).exitCode, 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MODELDESK_FAULT_POINT"), QStringLiteral("delete:committed"));
        const CliRun killed = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("delete"), QStringLiteral("m:1")}, env);
        QCOMPARE(killed.status, QProcess::CrashExit);
        const CliRun doctor = runCli(ws.path(), {QStringLiteral("doctor")});
        QVERIFY2(doctor.exitCode == 0, qPrintable(doctor.out + doctor.err));
        QCOMPARE(versionCount(ws.path()), 0);
        QCOMPARE(artifactFiles(ws.path()), 0);
    }

    // Not at a named point: kill while the copy is visibly under way, observed from outside.
    void killObservedMidCopy()
    {
        REQUIRE_TEST_MODELS();
        QTemporaryDir ws;
        QCOMPARE(runCli(ws.path(), {QStringLiteral("doctor")}).exitCode, 0); // creates the workspace
        QProcess p;
        p.start(cliPath(), {QStringLiteral("--workspace"), ws.path(), QStringLiteral("models"), QStringLiteral("import"),
                            testModel(QStringLiteral("large.pt")), QStringLiteral("--name"), QStringLiteral("big")});
        QVERIFY(p.waitForStarted());
        const QString tmp = ws.path() + QStringLiteral("/tmp");
        // Poll the workspace's temporary folder until the copy has begun (or the import finished).
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(tmp).entryList(QDir::Files).isEmpty() || p.state() == QProcess::NotRunning, 60000);
        p.kill();
        p.waitForFinished();
        const CliRun doctor = runCli(ws.path(), {QStringLiteral("doctor"), QStringLiteral("--fix")});
        QVERIFY2(doctor.exitCode == 0, qPrintable(doctor.out + doctor.err));
        QVERIFY(versionCount(ws.path()) <= 1);
        QCOMPARE(artifactFiles(ws.path()), versionCount(ws.path()));
        QCOMPARE(runCli(ws.path(), {QStringLiteral("doctor")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(tst_CrashConsistency)
#include "tst_crashconsistency.moc"
