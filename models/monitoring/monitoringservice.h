#pragma once
// MonitoringService: monitoring as one object for the composition root (console, CLI server).
// It owns the MetricsRegistry (give it to the HTTP server for /metrics and to the runtime through
// inferenceObserver()), and a worker thread that once a second samples process and machine
// resources, polls the inference engine's queue gauges, records the history (memory + the
// workspace's metrics.sqlite) and evaluates alert rules.
//
// For the console (ui/ never includes LibTorch or SQL): the read side is in memory and
// thread-safe — seriesKeys(), recent(), latest(), activeAlerts() — and sampled() delivers every
// second's new 1 s points so charts append incrementally. Longer windows (1 min / 1 h points from
// the database) and alert-rule edits run on the worker and answer by signal.
//
// One process per workspace persists history: the first to start takes metrics.sqlite.lock; a
// second one (e.g. the console while `modeldesk-cli serve` runs) keeps its history in memory.
//
// Threads: construct, configure, start() and stop() on one thread (the owner's); the read side,
// requestHistory() and the rule edits from any thread while running. The signals are emitted on
// the worker thread (AutoConnection to widgets queues them). Ownership: the owner; stop() (or the
// destructor) persists the open minute.

#include "alertengine.h"
#include "alertrule.h"
#include "historystore.h"
#include "metricshistory.h"
#include "metricsregistry.h"
#include "monitoringtypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <functional>
#include <memory>

namespace ModelDesk::Runtime {
class InferenceEngine;
class InferenceObserver;
} // namespace ModelDesk::Runtime

namespace ModelDesk::Monitoring {

struct MonitoringOptions
{
    QString databasePath; // <workspace>/metrics.sqlite; empty = memory only
    Clock clock;          // default: systemClock()
    bool sampleResources = true;
    QString procRoot = QStringLiteral("/proc");
    int intervalMs = 1000;
    HistoryOptions history;
};

class MonitoringService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitoringService)

public:
    explicit MonitoringService(MonitoringOptions options, QObject *parent = nullptr);
    ~MonitoringService() override;

    MetricsRegistry &metrics();
    // Set this on the runtime (DeploymentManager) before it serves.
    Runtime::InferenceObserver &inferenceObserver();
    // Polled once a second for queue depth, in-flight and failed state; may be null. Set it (or
    // nullptr, before the engine goes away) at any time from the owner thread: while running, the
    // change waits for a poll in progress, so after it returns the old engine is no longer used.
    void setInferenceEngine(const Runtime::InferenceEngine *engine);
    // Called on the worker thread for every fire/clear (e.g. ModelRegistry::recordAudit). Before start().
    void setAuditSink(AlertAuditSink sink);

    // Starts the worker. Sampling always starts; the returned error says why history is not
    // persisted (database cannot be opened or is damaged) — the service then runs memory-only.
    Status start();
    // Persists the open minute and joins the worker. Idempotent.
    void stop();
    bool isRunning() const;
    bool isPersistent() const; // history goes to metrics.sqlite (this process holds the lock)

    // Read side: any thread, in memory.
    QList<SeriesKey> seriesKeys() const;
    QList<HistoryPoint> recent(const SeriesKey &key, int seconds = 3600) const;
    QHash<SeriesKey, HistoryPoint> latest() const;
    QList<AlertEvent> activeAlerts() const;
    QList<AlertRule> alertRules() const;

    // Asynchronous, answered by historyReady(id, ...): Second resolution from memory, Minute/Hour
    // from metrics.sqlite. Returns the request id.
    quint64 requestHistory(const SeriesKey &key, Resolution resolution, qint64 fromSeconds, qint64 toSeconds);
    // Asynchronous rule edits, answered by alertRulesChanged() or alertRuleError().
    void addAlertRule(const AlertRule &rule);
    void removeAlertRule(const QString &name);

    // Runs one sampling tick on the worker now and waits for it (tests, and a final sample at stop).
    void sampleNow();

Q_SIGNALS:
    void sampled(qint64 second, const QList<ModelDesk::Monitoring::SeriesSample> &values);
    void historyReady(quint64 requestId, const ModelDesk::Monitoring::SeriesKey &key,
                      const QList<ModelDesk::Monitoring::HistoryPoint> &points, const QString &error);
    void alertFired(const ModelDesk::Monitoring::AlertEvent &event);
    void alertCleared(const ModelDesk::Monitoring::AlertEvent &event);
    void alertRulesChanged(const QList<ModelDesk::Monitoring::AlertRule> &rules);
    void alertRuleError(const QString &message);

private:
    struct Worker;
    MonitoringOptions m_options;
    std::unique_ptr<MetricsRegistry> m_registry;
    std::unique_ptr<Runtime::InferenceObserver> m_observer;
    std::unique_ptr<Worker> m_worker;
};

} // namespace ModelDesk::Monitoring
