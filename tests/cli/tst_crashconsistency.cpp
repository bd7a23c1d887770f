// kill -9 a real modeldesk-cli while it imports (or deletes) a large file, at every step of the write;
// reopen; doctor passes; there is never a half version: either no version or a whole, verified one.

#include "../models/training/trainingtestdata.h"
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

    void killDuringTraining_data()
    {
        QTest::addColumn<QString>("point");
        QTest::newRow("new checkpoint written, not recorded") << QStringLiteral("train:checkpoint:written");
        QTest::newRow("checkpoint recorded, old not removed") << QStringLiteral("train:checkpoint:recorded");
        QTest::newRow("model exported, not registered") << QStringLiteral("train:exported");
    }

    void killDuringTraining()
    {
        QFETCH(QString, point);
        QTemporaryDir ws;
        const QString csv = ws.filePath(QStringLiteral("blobs.csv"));
        QVERIFY(TrainingTestData::writeFile(csv, TrainingTestData::blobsCsv(300)));
        const QStringList train{QStringLiteral("train"), QStringLiteral("--data"), csv, QStringLiteral("--hidden"),
                                QStringLiteral("16"), QStringLiteral("--epochs"), QStringLiteral("3"),
                                QStringLiteral("--batch-size"), QStringLiteral("16"), QStringLiteral("--lr"),
                                QStringLiteral("0.01"), QStringLiteral("--register"), QStringLiteral("blobs"),
                                QStringLiteral("--json")};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MODELDESK_FAULT_POINT"), point);
        const CliRun killed = runCli(ws.path(), train, env);
        QCOMPARE(killed.status, QProcess::CrashExit);

        // Reopen: doctor passes, no version of the model is visible (nothing was registered).
        const CliRun doctor = runCli(ws.path(), {QStringLiteral("doctor")});
        QVERIFY2(doctor.exitCode == 0, qPrintable(doctor.out + doctor.err));
        QCOMPARE(versionCount(ws.path()), 0);
        QCOMPARE(artifactFiles(ws.path()), 0);
        CliRun runs = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(runs.exitCode, 0);
        QCOMPARE(runs.json().array().size(), 1);
        const QString runId = runs.json().array().first().toObject().value(QStringLiteral("id")).toString();

        // The run resumes from its last recorded checkpoint, finishes and registers the model.
        const CliRun resumed = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("resume"), runId, QStringLiteral("--json")});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.out + resumed.err));
        const QJsonObject o = resumed.json().object();
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("finished"));
        QCOMPARE(o.value(QStringLiteral("epochs_done")).toInt(), 3);
        QCOMPARE(runCli(ws.path(), {QStringLiteral("doctor")}).exitCode, 0);
        // One checkpoint file is left (the recorded one), whatever the kill left behind.
        const QStringList checkpoints = QDir(ws.path() + QStringLiteral("/runs/") + runId)
                                            .entryList({QStringLiteral("checkpoint-*.pt")}, QDir::Files);
        QCOMPARE(checkpoints.size(), 1);
    }

    void killDuringDeploymentChange_data()
    {
        QTest::addColumn<QString>("point");
        QTest::addColumn<int>("versionAfter");
        QTest::newRow("row written, not committed") << QStringLiteral("deployment:saving") << 1;
        QTest::newRow("committed") << QStringLiteral("deployment:saved") << 2;
    }

    void killDuringDeploymentChange()
    {
        REQUIRE_TEST_MODELS();
        QFETCH(QString, point);
        QFETCH(int, versionAfter);
        QTemporaryDir ws;
        for (int i = 0; i < 2; ++i)
            QCOMPARE(runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("import"), testModel(QStringLiteral("linear.pt")),
                                        QStringLiteral("--name"), QStringLiteral("lin")}).exitCode, 0);
        QCOMPARE(runCli(ws.path(), {QStringLiteral("deploy"), QStringLiteral("lin:1"), QStringLiteral("--name"), QStringLiteral("web")}).exitCode, 0);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MODELDESK_FAULT_POINT"), point);
        const CliRun killed = runCli(ws.path(), {QStringLiteral("swap"), QStringLiteral("web"), QStringLiteral("2")}, env);
        QCOMPARE(killed.status, QProcess::CrashExit);

        QCOMPARE(runCli(ws.path(), {QStringLiteral("doctor")}).exitCode, 0);
        const CliRun list = runCli(ws.path(), {QStringLiteral("deployments"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray deployments = list.json().isArray() ? list.json().array()
                                                             : list.json().object().value(QStringLiteral("deployments")).toArray();
        QCOMPARE(deployments.size(), 1);
        const QJsonObject web = deployments.first().toObject();
        const QJsonObject spec = web.contains(QStringLiteral("spec")) ? web.value(QStringLiteral("spec")).toObject() : web;
        QCOMPARE(spec.value(QStringLiteral("version")).toInt(), versionAfter);
        // And the definition can still be changed.
        QCOMPARE(runCli(ws.path(), {QStringLiteral("swap"), QStringLiteral("web"), QStringLiteral("1")}).exitCode, 0);
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
