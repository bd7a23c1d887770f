#include "trainingjobregistry.h"

#include "trainingjob.h"

namespace ModelDesk::Training {

TrainingJobRegistry::TrainingJobRegistry(QObject *parent) : QObject(parent) {}

TrainingJobRegistry::~TrainingJobRegistry() = default;

void TrainingJobRegistry::add(TrainingJob *job)
{
    if (!job)
        return;
    prune();
    for (const Entry &e : std::as_const(m_entries)) {
        if (e.job == job)
            return;
    }
    m_entries.append(Entry{job, {}});
    // Queued: the job emits on its pool thread; `this` as context drops them if the registry goes.
    connect(job, &TrainingJob::started, this, [this, job](const QString &runId, const QString &) {
        for (Entry &e : m_entries) {
            if (e.job == job)
                e.runId = runId;
        }
        Q_EMIT jobStarted(job, runId);
    });
    connect(job, &TrainingJob::finished, this, [this, job](const TrainingOutcome &outcome) {
        m_entries.removeIf([job](const Entry &e) { return e.job == job || e.job.isNull(); });
        Q_EMIT jobFinished(job, outcome.runId);
    });
    Q_EMIT jobAdded(job);
}

QList<TrainingJob *> TrainingJobRegistry::jobs() const
{
    QList<TrainingJob *> out;
    for (const Entry &e : m_entries) {
        if (e.job)
            out.append(e.job.data());
    }
    return out;
}

TrainingJob *TrainingJobRegistry::jobForRun(const QString &runId) const
{
    if (runId.isEmpty())
        return nullptr;
    for (const Entry &e : m_entries) {
        if (e.job && e.runId == runId)
            return e.job.data();
    }
    return nullptr;
}

QString TrainingJobRegistry::runIdOf(const TrainingJob *job) const
{
    for (const Entry &e : m_entries) {
        if (e.job == job)
            return e.runId;
    }
    return {};
}

void TrainingJobRegistry::prune()
{
    m_entries.removeIf([](const Entry &e) { return e.job.isNull(); });
}

} // namespace ModelDesk::Training
