#pragma once
// MetricsDatabase: the workspace's metrics.sqlite — persisted history (HistoryStore) and alert
// rules and events (AlertStore). A separate file from registry.sqlite because its write pattern
// (a batch every minute, retention deletes, synchronous=NORMAL: losing the last minute of history
// in a power cut is acceptable, losing a registry commit is not) differs, and because it can be
// deleted to reset history without touching a model.
//
// WAL, synchronous=NORMAL, auto_vacuum=INCREMENTAL (pruned pages are given back to the file
// system), busy timeout 5 s. Schema migrations are numbered (PRAGMA user_version); a newer schema
// than this program knows is refused.
//
// Threads: one thread. A MetricsDatabase and the stores on it are used by the thread that opened
// it (a QSqlDatabase connection belongs to its thread); several processes may open the same file.

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <functional>
#include <memory>

namespace ModelDesk::Monitoring {

class MetricsDatabase final
{
public:
    static constexpr int schemaVersion = 1;

    // Opens or creates the file and migrates it. Io when it cannot be opened, Corrupt when it is not
    // a metrics database or newer than us.
    static Result<std::unique_ptr<MetricsDatabase>> open(const QString &path);
    ~MetricsDatabase();
    MetricsDatabase(const MetricsDatabase &) = delete;
    MetricsDatabase &operator=(const MetricsDatabase &) = delete;

    const QString &path() const { return m_path; }
    QSqlDatabase connection() const;

    // Prepares and runs one statement with positional (?) bindings; forward-only.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {}) const;
    // Runs body in one BEGIN IMMEDIATE transaction; commits on success, rolls back on failure.
    Status transaction(const std::function<Status()> &body) const;
    // Changes when another connection (another process) committed; cheap, poll it.
    Result<int64_t> dataVersion() const;
    // Gives freed pages back to the file system (after retention deletes).
    Status vacuum() const;

private:
    MetricsDatabase(QString path, QString connectionName);
    Status migrate() const;

    QString m_path;
    QString m_connectionName;
};

// The metrics database of a workspace: <root>/metrics.sqlite.
QString metricsDatabasePath(const QString &workspaceRoot);

} // namespace ModelDesk::Monitoring
