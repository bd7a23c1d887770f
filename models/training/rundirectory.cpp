#include "rundirectory.h"

#include "core/names.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

#include <csignal>

namespace ModelDesk::Training {

namespace {
const QString CancelMarker = QStringLiteral("cancel");
const QString LockName = QStringLiteral("lock");
} // namespace

QString RunDirectory::newRunId()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QLatin1Char('-')
           + QStringLiteral("%1").arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
}

Result<RunDirectory> RunDirectory::open(const Workspace &workspace, const QString &runId, bool create)
{
    if (auto ok = Names::checkName(runId, QStringLiteral("run")); !ok)
        return fail(ok.error());
    RunDirectory r;
    r.m_runId = runId;
    r.m_path = workspace.runsDir() + QLatin1Char('/') + runId;
    if (create && !QDir().mkpath(r.m_path))
        return fail(Error::io(QStringLiteral("cannot create the run folder %1").arg(r.m_path)));
    return r;
}

Status RunDirectory::requestCancel() const
{
    QSaveFile f(filePath(CancelMarker));
    if (!f.open(QIODevice::WriteOnly))
        return fail(Error::io(QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString())));
    f.write(QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + '\n');
    if (!f.commit())
        return fail(Error::io(QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString())));
    return {};
}

bool RunDirectory::cancelRequested() const { return QFile::exists(filePath(CancelMarker)); }

void RunDirectory::clearCancelRequest() const { QFile::remove(filePath(CancelMarker)); }

Result<std::unique_ptr<QLockFile>> RunDirectory::lock() const
{
    auto lock = std::make_unique<QLockFile>(filePath(LockName));
    lock->setStaleLockTime(0); // never stale by age: a training can run for days; only a dead holder is stale
    // A short wait: `runs list` in another process may be probing the lock at this very moment.
    if (!lock->tryLock(1000)) {
        if (lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host, app;
            lock->getLockInfo(&pid, &host, &app);
            return fail(Error::conflict(QStringLiteral("run %1 is being trained by another process (pid %2)").arg(m_runId).arg(pid)));
        }
        return fail(Error::io(QStringLiteral("cannot lock run %1 in %2").arg(m_runId, m_path)));
    }
    return lock;
}

std::optional<qint64> RunDirectory::activePid() const
{
    if (!QFile::exists(filePath(LockName)))
        return std::nullopt;
    QLockFile probe(filePath(LockName));
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock(); // nobody held it (or the holder died): not active
        return std::nullopt;
    }
    qint64 pid = 0;
    QString host, app;
    if (probe.getLockInfo(&pid, &host, &app))
        return pid;
    return std::nullopt;
}

void RunDirectory::log(const QString &line) const
{
    QFile f(filePath(QStringLiteral("train.log")));
    if (f.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        f.write((QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + QLatin1Char(' ') + line + QLatin1Char('\n')).toUtf8());
}

} // namespace ModelDesk::Training
