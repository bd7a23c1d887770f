// modeldesk-cli train / runs / datasets / sweep as a user runs them: real processes, a real
// workspace, exit codes, JSON, errors on stderr, and a run cancelled from another process
// (`runs cancel`) and by Ctrl-C, then resumed to its full epoch count.

#include "../models/training/trainingtestdata.h"
#include "clitestutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <csignal>

class tst_CliTraining : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_csv;
    QString m_slowCsv;

    QStringList trainArgs(const QString &csv, int epochs) const
    {
        return {QStringLiteral("train"), QStringLiteral("--data"), csv, QStringLiteral("--hidden"), QStringLiteral("16"),
                QStringLiteral("--epochs"), QString::number(epochs), QStringLiteral("--batch-size"), QStringLiteral("16"),
                QStringLiteral("--lr"), QStringLiteral("0.01")};
    }

    // Starts `train` in the background and waits until its first epoch is checkpointed (or it ended).
    static void startAndWaitForCheckpoint(QProcess &train, const QString &ws, const QStringList &args, QString *runId)
    {
        train.start(cliPath(), QStringList{QStringLiteral("--workspace"), ws} + args);
        QVERIFY(train.waitForStarted(10000));
        const QDir runs(ws + QStringLiteral("/runs"));
        auto checkpointed = [&] {
            for (const QString &id : runs.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                if (QFile::exists(runs.filePath(id) + QStringLiteral("/checkpoint.json"))) {
                    *runId = id;
                    return true;
                }
            }
            return train.state() == QProcess::NotRunning;
        };
        QTRY_VERIFY_WITH_TIMEOUT(checkpointed(), 120000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(cliPath()), "MODELDESK_CLI must point at modeldesk-cli");
        m_csv = m_tmp.filePath(QStringLiteral("blobs.csv"));
        QVERIFY(TrainingTestData::writeFile(m_csv, TrainingTestData::blobsCsv(300)));
        // Enough batches per epoch that a run lasts a few seconds: time to cancel it mid-way.
        m_slowCsv = m_tmp.filePath(QStringLiteral("slow.csv"));
        QVERIFY(TrainingTestData::writeFile(m_slowCsv, TrainingTestData::blobsCsv(3000, 4, 3, true, 3)));
    }

    void trainRegistersAndReports()
    {
        QTemporaryDir ws;
        CliRun r = runCli(ws.path(), trainArgs(m_csv, 3) << QStringLiteral("--register") << QStringLiteral("blobs")
                                                          << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // no terminal: no progress bar
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("finished"));
        QCOMPARE(o.value(QStringLiteral("epochs_done")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("blobs"));
        QCOMPARE(o.value(QStringLiteral("version")).toInt(), 1);
        const QJsonObject metrics = o.value(QStringLiteral("metrics")).toObject();
        QVERIFY(metrics.value(QStringLiteral("test_accuracy")).toDouble() > 0.9);
        QCOMPARE(metrics.value(QStringLiteral("test_confusion_matrix")).toArray().size(), 3);
        const QString runId = o.value(QStringLiteral("run_id")).toString();

        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("show"), QStringLiteral("blobs:1"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(runId));

        r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().array().size(), 1);
        QCOMPARE(r.json().array().first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("finished"));

        r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("show"), runId});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("state    finished")));
        QVERIFY(r.out.contains(QLatin1String("version  blobs:1")));
        QVERIFY(r.out.contains(QLatin1String("EPOCH  TRAIN LOSS")));

        r = runCli(ws.path(), {QStringLiteral("datasets"), QStringLiteral("show"), QStringLiteral("blobs"),
                               QStringLiteral("--sample"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject d = r.json().object();
        QCOMPARE(d.value(QStringLiteral("rows")).toInt(), 300);
        QCOMPARE(d.value(QStringLiteral("sample")).toArray().size(), 2);

        // Train again from the registered dataset by name; human output this time.
        r = runCli(ws.path(), trainArgs(QStringLiteral("blobs"), 1));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("test accuracy ")));
        QVERIFY(r.out.contains(QLatin1String("majority-class baseline 0.3")));
        const QString second = r.out.section(QLatin1Char(' '), 1, 1);
        r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("register"), second, QStringLiteral("blobs")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QLatin1String("registered blobs:2")));
    }

    void badInputFailsWithOneLineAndExitCode()
    {
        QTemporaryDir ws;
        const QString bad = m_tmp.filePath(QStringLiteral("nonnumeric.csv"));
        QVERIFY(TrainingTestData::writeFile(bad, "a,b,label\n1,2,x\n3,oops,y\n"));
        CliRun r = runCli(ws.path(), trainArgs(bad, 1) << QStringLiteral("--register") << QStringLiteral("x"));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("modeldesk-cli: %1:3: column 2 ('b'): 'oops' is not a number\n").arg(bad));
        QVERIFY(r.out.isEmpty());
        r = runCli(ws.path(), {QStringLiteral("datasets"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.json().array().size(), 0);
        r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.json().array().size(), 0);

        r = runCli(ws.path(), trainArgs(m_tmp.filePath(QStringLiteral("missing.csv")), 1));
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QLatin1String("no such file, folder or dataset name")));
        r = runCli(ws.path(), trainArgs(m_csv, 1) << QStringLiteral("--lr") << QStringLiteral("fast"));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("modeldesk-cli: --lr: 'fast' is not a number\n"));
        r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 3);
    }

    void cancelFromAnotherProcessThenResume()
    {
        QTemporaryDir ws;
        const int epochs = 60;
        QProcess train;
        QString runId;
        startAndWaitForCheckpoint(train, ws.path(), trainArgs(m_slowCsv, epochs) << QStringLiteral("--json"), &runId);
        QVERIFY(!runId.isEmpty());
        QVERIFY2(train.state() == QProcess::Running, "the run ended before it could be cancelled");

        CliRun r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("cancel"), runId, QStringLiteral("--wait")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(train.waitForFinished(120000));
        QCOMPARE(train.exitCode(), 130);
        const QJsonObject cancelled = QJsonDocument::fromJson(train.readAllStandardOutput()).object();
        QCOMPARE(cancelled.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
        const int done = cancelled.value(QStringLiteral("epochs_done")).toInt();
        QVERIFY(done >= 1 && done < epochs);

        r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("show"), runId, QStringLiteral("--json")});
        QCOMPARE(r.json().object().value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(r.json().object().value(QStringLiteral("epochs_done")).toInt(), done);

        r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("resume"), runId, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().object().value(QStringLiteral("state")).toString(), QStringLiteral("finished"));
        QCOMPARE(r.json().object().value(QStringLiteral("epochs_done")).toInt(), epochs);
        r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("cancel"), runId});
        QCOMPARE(r.exitCode, 4); // already finished
    }

    void ctrlCCancelsCleanly()
    {
        QTemporaryDir ws;
        QProcess train;
        QString runId;
        startAndWaitForCheckpoint(train, ws.path(), trainArgs(m_slowCsv, 60), &runId);
        QVERIFY(!runId.isEmpty());
        QVERIFY2(train.state() == QProcess::Running, "the run ended before it could be interrupted");
        ::kill(pid_t(train.processId()), SIGINT);
        QVERIFY(train.waitForFinished(120000));
        QCOMPARE(train.exitStatus(), QProcess::NormalExit);
        QCOMPARE(train.exitCode(), 130);
        QVERIFY(QString::fromUtf8(train.readAllStandardError()).contains(QLatin1String("cancelled after")));
        CliRun r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.json().array().first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    }

    void sweepComparesTrials()
    {
        QTemporaryDir ws;
        CliRun r = runCli(ws.path(), QStringList{QStringLiteral("sweep")} + trainArgs(m_csv, 2).mid(1)
                                  + QStringList{QStringLiteral("--param"), QStringLiteral("lr=0.00001,0.01"),
                                                QStringLiteral("--register"), QStringLiteral("best"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(QStringLiteral("trials")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("best_trial")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("best"));
        r = runCli(ws.path(), {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.json().array().size(), 2);
        r = runCli(ws.path(), QStringList{QStringLiteral("sweep")} + trainArgs(m_csv, 2).mid(1)
                                  + QStringList{QStringLiteral("--param"), QStringLiteral("depth=3")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(tst_CliTraining)
#include "tst_clitraining.moc"
