#pragma once
// RunDirectory: a training run's folder, <workspace>/runs/<id>/, and the controls other processes
// use on a run:
//   lock                 QLockFile held by the process that trains the run; a lock left by a process
//                        that died is stale, so "running" with no live holder means "interrupted"
//   cancel               marker file: `runs cancel` (any process) creates it; the training job polls
//                        for it between batches (at most every 200 ms), stops, and removes it
//   checkpoint.json,     the last completed epoch (see Trainer::saveCheckpoint)
//   checkpoint-<n>.pt
//   model.pt, export.json  the exported TorchScript and the version metadata to register it with
//   train.log            one line per epoch and event, for people
// Value type; any thread; every operation is file I/O.

#include "core/result.h"
#include "core/workspace.h"

#include <QLockFile>
#include <QString>

#include <memory>
#include <optional>

namespace ModelDesk::Training {

class RunDirectory
{
public:
    // A new id: "<yyyyMMdd-HHmmss>-<4 hex>", UTC, valid under the name rules.
    static QString newRunId();
    // Validates the id (name rules) and returns the folder; creates it when `create`.
    static Result<RunDirectory> open(const Workspace &workspace, const QString &runId, bool create = false);

    QString runId() const { return m_runId; }
    QString path() const { return m_path; }
    QString filePath(const QString &name) const { return m_path + QLatin1Char('/') + name; }
    QString modelPath() const { return filePath(QStringLiteral("model.pt")); }
    QString exportInfoPath() const { return filePath(QStringLiteral("export.json")); }

    Status requestCancel() const;
    bool cancelRequested() const;
    void clearCancelRequest() const;

    // Takes the run's lock (Conflict naming the holder's pid when a live process holds it).
    Result<std::unique_ptr<QLockFile>> lock() const;
    // Pid of a live process holding the lock, if any.
    std::optional<qint64> activePid() const;

    // Appends a time-stamped line to train.log (best effort: a log is not worth failing a run for).
    void log(const QString &line) const;

private:
    QString m_runId;
    QString m_path;
};

} // namespace ModelDesk::Training
