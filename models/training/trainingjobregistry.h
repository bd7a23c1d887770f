#pragma once
// TrainingJobRegistry: the training jobs running in this process, so that a view can follow a job it
// did not start (the console's Training page shows the live curves of the first-run demo's job).
// Whoever starts a TrainingJob adds it here before starting it; a view connects to jobAdded() and
// subscribes to the job's own signals (which carry the run id), so it misses no point of the run.
//
// Threads: a QObject of the owner's thread (the console's GUI thread): add(), the accessors and the
// signals live there. The jobs' own signals come from their pool threads; the registry hears
// started/finished queued. Ownership: the registry does not own the jobs; a job deleted before it
// finished simply leaves the registry (QPointer).

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace ModelDesk::Training {

class TrainingJob;

class TrainingJobRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingJobRegistry)

public:
    explicit TrainingJobRegistry(QObject *parent = nullptr);
    ~TrainingJobRegistry() override;

    // Call before the job is started (jobAdded subscribers then see every signal of the run).
    void add(TrainingJob *job);
    // The jobs added and not finished yet, in the order added.
    QList<TrainingJob *> jobs() const;
    // The running job that trains `runId` (known from its started signal on), or nullptr.
    TrainingJob *jobForRun(const QString &runId) const;
    // The run a job trains (empty until it started).
    QString runIdOf(const TrainingJob *job) const;

Q_SIGNALS:
    void jobAdded(ModelDesk::Training::TrainingJob *job);
    void jobStarted(ModelDesk::Training::TrainingJob *job, const QString &runId);
    // Emitted once per job, whatever the end state; runId is empty when no run was created.
    void jobFinished(ModelDesk::Training::TrainingJob *job, const QString &runId);

private:
    struct Entry
    {
        QPointer<TrainingJob> job;
        QString runId;
    };
    void prune();

    QList<Entry> m_entries;
};

} // namespace ModelDesk::Training
