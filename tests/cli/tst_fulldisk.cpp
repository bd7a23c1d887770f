// A full disk, for real: the workspace lives on a small tmpfs mounted for the test (needs root
// with CAP_SYS_ADMIN, as CI runs; skipped otherwise - tst_artifactstore simulates ENOSPC with a
// file-size limit everywhere). An import too large for the disk, a registry write and a training
// run on a full disk each fail with one clear line and a non-zero exit, leave no partial file and
// no partial version, and the registry passes doctor and SQLite's integrity check afterwards.

#include "../models/training/trainingtestdata.h"
#include "clitestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>

class tst_FullDisk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_mountPoint;
    bool m_mounted = false;
    QString m_ws;
    QString m_csv;

    static bool run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    // Fills the file system up to `leaveKiB` free.
    QString fill(qint64 leaveKiB)
    {
        const QString path = m_mountPoint.filePath(QStringLiteral("filler"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        const QByteArray block(4096, '\0');
        for (;;) {
            QStorageInfo disk(m_mountPoint.path());
            disk.refresh();
            if (disk.bytesAvailable() <= leaveKiB * 1024 || f.write(block) != block.size())
                break;
            f.flush();
        }
        return path;
    }

    int versionCount()
    {
        const CliRun r = runCli(m_ws, {QStringLiteral("models"), QStringLiteral("list"), QStringLiteral("--json")});
        int n = 0;
        for (const QJsonValue &m : r.json().array())
            n += int(m.toObject().value(QStringLiteral("versions")).toArray().size());
        return n;
    }

    void checkIntact(int versions)
    {
        const CliRun doctor = runCli(m_ws, {QStringLiteral("doctor")});
        QVERIFY2(doctor.exitCode == 0, qPrintable(doctor.out + doctor.err));
        QCOMPARE(versionCount(), versions);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
            db.setDatabaseName(m_ws + QStringLiteral("/registry.sqlite"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
        QVERIFY(QDir(m_ws + QStringLiteral("/tmp")).entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty());
    }

    static bool oneClearLine(const CliRun &r, const QString &needle)
    {
        const QString err = r.err.trimmed();
        return !err.isEmpty() && err.count(QLatin1Char('\n')) == 0 && err.contains(needle, Qt::CaseInsensitive);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(cliPath()), "MODELDESK_CLI must point at modeldesk-cli");
        if (!run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                           QStringLiteral("size=16m"), QStringLiteral("tmpfs"), m_mountPoint.path()}))
            QSKIP("cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)");
        m_mounted = true;
        m_ws = m_mountPoint.filePath(QStringLiteral("ws"));
        m_csv = QDir::temp().filePath(QStringLiteral("tst_fulldisk-blobs.csv"));
        QVERIFY(TrainingTestData::writeFile(m_csv, TrainingTestData::blobsCsv(300)));
    }

    void cleanupTestCase()
    {
        QFile::remove(m_csv);
        if (m_mounted)
            QVERIFY(run(QStringLiteral("umount"), {m_mountPoint.path()}));
    }

    void importLargerThanTheDisk()
    {
        REQUIRE_TEST_MODELS();
        QCOMPARE(runCli(m_ws, {QStringLiteral("models"), QStringLiteral("import"), testModel(QStringLiteral("linear.pt")),
                               QStringLiteral("--name"), QStringLiteral("lin")}).exitCode, 0);
        // 64 MB into 16 MB.
        const CliRun big = runCli(m_ws, {QStringLiteral("models"), QStringLiteral("import"), testModel(QStringLiteral("large.pt")),
                                         QStringLiteral("--name"), QStringLiteral("big")});
        QVERIFY(big.exitCode != 0);
        QVERIFY2(oneClearLine(big, QStringLiteral("no space left")), qPrintable(big.err));
        checkIntact(1);
    }

    void registryWriteOnAFullDisk()
    {
        const QString filler = fill(0);
        QVERIFY(!filler.isEmpty());
        const CliRun tag = runCli(m_ws, {QStringLiteral("models"), QStringLiteral("tag"), QStringLiteral("lin:1"),
                                         QStringLiteral("stage=prod")});
        QVERIFY(tag.exitCode != 0);
        QVERIFY2(oneClearLine(tag, QStringLiteral("full")), qPrintable(tag.err));
        QVERIFY(QFile::remove(filler));
        checkIntact(1);
        // Space again: the same write works.
        QCOMPARE(runCli(m_ws, {QStringLiteral("models"), QStringLiteral("tag"), QStringLiteral("lin:1"),
                               QStringLiteral("stage=prod")}).exitCode, 0);
    }

    void trainingOnAFullDisk()
    {
        const QString filler = fill(32);
        QVERIFY(!filler.isEmpty());
        const CliRun train = runCli(m_ws, {QStringLiteral("train"), QStringLiteral("--data"), m_csv, QStringLiteral("--hidden"),
                                           QStringLiteral("512"), QStringLiteral("--epochs"), QStringLiteral("2"),
                                           QStringLiteral("--register"), QStringLiteral("blobs")});
        QVERIFY(train.exitCode != 0);
        QVERIFY2(oneClearLine(train, QStringLiteral("full")) || oneClearLine(train, QStringLiteral("no space left")),
                 qPrintable(train.err));
        QVERIFY(QFile::remove(filler));
        checkIntact(1); // no version of "blobs"
    }
};

QTEST_GUILESS_MAIN(tst_FullDisk)
#include "tst_fulldisk.moc"
