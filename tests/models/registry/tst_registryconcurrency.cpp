// ModelRegistry across processes: several programs (console, CLI, server) share one registry file.
// The other processes are registry_writer (built next to this test).

#include "registry/modelregistry.h"
#include "registrytestutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QDeadlineTimer>
#include <algorithm>
#include <memory>

using namespace ModelDesk;
using namespace ModelDesk::Registry;
using namespace RegistryTest;

namespace {

std::unique_ptr<QProcess> startWriter(const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    p->setProgram(QStringLiteral(REGISTRY_WRITER));
    p->setArguments(args);
    p->start();
    return p;
}

// Version numbers a writer printed ("added 3 7 9").
QList<int> addedNumbers(QProcess &p)
{
    const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    QList<int> numbers;
    if (!out.startsWith(QLatin1String("added ")))
        return numbers;
    for (const QString &n : out.mid(6).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        numbers << n.toInt();
    return numbers;
}

} // namespace

class tst_RegistryConcurrency : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(QStringLiteral(REGISTRY_WRITER)), REGISTRY_WRITER); }

    void twoProcessesAndThisOneWriting()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        auto opened = ModelRegistry::open(path);
        REG_VERIFY(opened);
        ModelRegistry &reg = **opened;

        constexpr int perWriter = 40;
        auto a = startWriter({QStringLiteral("add"), path, QStringLiteral("shared"), QString::number(perWriter),
                              QStringLiteral("writer-a")});
        auto b = startWriter({QStringLiteral("add"), path, QStringLiteral("shared"), QString::number(perWriter),
                              QStringLiteral("writer-b")});
        QVERIFY(a->waitForStarted());
        QVERIFY(b->waitForStarted());

        // Keep writing while the other two run, so the three really compete for the write lock.
        // SQLite's busy handler polls, so a writer that re-takes the lock at once can starve the
        // others: pause a moment between writes, as a person or a program between actions would.
        QList<int> mine;
        QDeadlineTimer deadline(std::chrono::minutes(2));
        while (mine.size() < 20 || a->state() != QProcess::NotRunning || b->state() != QProcess::NotRunning) {
            auto v = reg.addVersion(QStringLiteral("shared"), newVersion(QStringLiteral("main-%1").arg(mine.size())),
                                    QStringLiteral("test"));
            REG_VERIFY(v);
            mine << v->version;
            QCoreApplication::processEvents();
            QThread::msleep(2);
            QVERIFY2(!deadline.hasExpired(), "the writers never finished");
        }
        for (QProcess *p : {a.get(), b.get()}) {
            QCOMPARE(p->state(), QProcess::NotRunning);
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, p->readAllStandardError().constData());
        }
        const QList<int> fromA = addedNumbers(*a), fromB = addedNumbers(*b);
        QCOMPARE(fromA.size(), perWriter);
        QCOMPARE(fromB.size(), perWriter);
        qInfo("this process wrote %lld versions while the two writers wrote %d each", qint64(mine.size()), perWriter);

        // Every number once, 1..total, each writer's numbers increasing.
        QList<int> all = mine + fromA + fromB;
        for (const QList<int> *list : std::initializer_list<const QList<int> *>{&mine, &fromA, &fromB})
            QVERIFY(std::is_sorted(list->begin(), list->end()));
        std::sort(all.begin(), all.end());
        const int total = static_cast<int>(all.size());
        for (int i = 0; i < total; ++i)
            QCOMPARE(all[i], i + 1);

        auto listed = reg.versions(QStringLiteral("shared"));
        REG_VERIFY(listed);
        QCOMPARE(listed->size(), total);
        QCOMPARE(listed->last().version, total);
        AuditQuery q;
        q.action = QStringLiteral("version.create");
        q.limit = 0;
        auto audit = reg.audit(q);
        REG_VERIFY(audit);
        QCOMPARE(audit->size(), total);
        int byA = 0;
        for (const AuditEntry &e : *audit)
            byA += e.actor == QLatin1String("writer-a") ? 1 : 0;
        QCOMPARE(byA, perWriter);
        auto problems = reg.checkIntegrity();
        REG_VERIFY(problems);
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    }

    void newFileOpenedByTwoProcessesAtOnce()
    {
        // Both race to create the schema: one migrates, the other finds it done under the lock.
        const QString path = m_dir.filePath(QStringLiteral("fresh.sqlite"));
        auto a = startWriter({QStringLiteral("add"), path, QStringLiteral("m"), QStringLiteral("10"), QStringLiteral("a")});
        auto b = startWriter({QStringLiteral("add"), path, QStringLiteral("m"), QStringLiteral("10"), QStringLiteral("b")});
        QVERIFY(a->waitForFinished(120000));
        QVERIFY(b->waitForFinished(120000));
        for (QProcess *p : {a.get(), b.get()})
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        auto reg = ModelRegistry::open(path);
        REG_VERIFY(reg);
        QCOMPARE((*reg)->schemaVersion(), ModelRegistry::latestSchemaVersion());
        auto listed = (*reg)->versions(QStringLiteral("m"));
        REG_VERIFY(listed);
        QCOMPARE(listed->size(), 20);
        QCOMPARE(listed->last().version, 20);
        QVERIFY((*reg)->checkIntegrity()->isEmpty());
    }

    void otherProcessSeesChangeCounterMove()
    {
        const QString path = m_dir.filePath(QStringLiteral("watched.sqlite"));
        auto opened = ModelRegistry::open(path);
        REG_VERIFY(opened);
        ModelRegistry &reg = **opened;

        auto watcher = startWriter({QStringLiteral("watch"), path, QStringLiteral("60000")});
        QVERIFY(watcher->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(watcher->canReadLine() || watcher->state() == QProcess::NotRunning, 60000);
        const QByteArray ready = watcher->readLine().trimmed();
        QVERIFY2(ready.startsWith("ready "), QByteArray(ready + watcher->readAllStandardError()).constData());

        REG_VERIFY(reg.createModel(QStringLiteral("m"), {}, {}, QStringLiteral("test")));
        QVERIFY(watcher->waitForFinished(60000));
        QVERIFY2(watcher->exitCode() == 0, watcher->readAllStandardError().constData());
        const QByteArray changed = watcher->readAllStandardOutput().trimmed();
        QVERIFY2(changed.startsWith("changed "), changed.constData());
        QCOMPARE(changed.mid(8).toLongLong(), *reg.changeCounter());
    }

    void thisProcessSeesOtherProcessWrite()
    {
        const QString path = m_dir.filePath(QStringLiteral("watched2.sqlite"));
        auto opened = ModelRegistry::open(path);
        REG_VERIFY(opened);
        ModelRegistry &reg = **opened;
        auto before = reg.changeCounter();
        REG_VERIFY(before);

        auto writer = startWriter({QStringLiteral("add"), path, QStringLiteral("m"), QStringLiteral("1"), QStringLiteral("cli")});
        QVERIFY(writer->waitForFinished(60000));
        QVERIFY2(writer->exitCode() == 0, writer->readAllStandardError().constData());
        auto after = reg.changeCounter();
        REG_VERIFY(after);
        QVERIFY(*after != *before);
        auto v = reg.latestVersion(QStringLiteral("m"));
        REG_VERIFY(v);
        QCOMPARE(v->createdBy, QStringLiteral("cli"));
    }
};

QTEST_GUILESS_MAIN(tst_RegistryConcurrency)
#include "tst_registryconcurrency.moc"
