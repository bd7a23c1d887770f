#include "monitoringservice.h"

#include "alertstore.h"
#include "inferencemetricsobserver.h"
#include "metricsdatabase.h"
#include "resourcesampler.h"

#include "core/logging.h"

#include <QLockFile>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <atomic>

namespace ModelDesk::Monitoring {

struct MonitoringService::Worker
{
    MonitoringService *q = nullptr;
    QThread thread;
    QObject *context = nullptr; // lives on `thread`; every job runs through it
    const Runtime::InferenceEngine *engine = nullptr;
    AlertAuditSink audit;
    std::atomic<quint64> nextRequest{1};
    std::atomic<bool> running{false};
    std::atomic<bool> persistent{false};
    std::atomic<MetricsHistory *> historyPtr{nullptr}; // for the read side
    std::atomic<AlertEngine *> alertsPtr{nullptr};

    // Worker-thread objects.
    QTimer *timer = nullptr;
    std::unique_ptr<QLockFile> lock;
    std::unique_ptr<MetricsDatabase> db;
    std::unique_ptr<HistoryStore> historyStore;
    std::unique_ptr<AlertStore> alertStore;
    std::unique_ptr<MetricsHistory> history;
    std::unique_ptr<ResourceSampler> sampler;
    AlertEngine *alerts = nullptr;
    int64_t dataVersion = -1;
    bool samplerWarned = false;

    const MonitoringOptions &options() const { return q->m_options; }
    int64_t nowSeconds() const { return options().clock() / 1000; }

    Status init()
    {
        Status result;
        if (!options().databasePath.isEmpty()) {
            Result<std::unique_ptr<MetricsDatabase>> opened = MetricsDatabase::open(options().databasePath);
            if (opened) {
                db = std::move(*opened);
                alertStore = std::make_unique<AlertStore>(*db);
                lock = std::make_unique<QLockFile>(options().databasePath + QStringLiteral(".lock"));
                lock->setStaleLockTime(0); // stale = its process is gone, however old
                if (lock->tryLock(0)) {
                    historyStore = std::make_unique<HistoryStore>(*db);
                    persistent = true;
                } else {
                    qint64 pid = 0;
                    QString host, app;
                    lock->getLockInfo(&pid, &host, &app);
                    qCInfo(lcMonitoring).noquote()
                        << QStringLiteral("metrics history of this workspace is recorded by %1 (pid %2); "
                                          "this process keeps "
                                          "its history in memory")
                               .arg(app)
                               .arg(pid);
                    lock.reset();
                }
            } else {
                result = fail(opened.error());
                qCWarning(lcMonitoring).noquote()
                    << "metrics history is memory-only:" << opened.error().message;
            }
        }
        history = std::make_unique<MetricsHistory>(options().clock, historyStore.get(), options().history);
        historyPtr = history.get();
        if (options().sampleResources)
            sampler = std::make_unique<ResourceSampler>(options().procRoot);

        alerts = new AlertEngine(context);
        alerts->setAuditSink(audit);
        QObject::connect(alerts, &AlertEngine::fired, q, &MonitoringService::alertFired,
                         Qt::DirectConnection);
        QObject::connect(alerts, &AlertEngine::cleared, q, &MonitoringService::alertCleared,
                         Qt::DirectConnection);
        if (persistent) {
            auto store = [this](const AlertEvent &e) {
                if (Status s = alertStore->appendEvent(e); !s)
                    qCWarning(lcMonitoring).noquote() << "alert event not recorded:" << s.error().message;
            };
            QObject::connect(alerts, &AlertEngine::fired, context, store, Qt::DirectConnection);
            QObject::connect(alerts, &AlertEngine::cleared, context, store, Qt::DirectConnection);
            closeStaleEvents();
        }
        alertsPtr = alerts;
        reloadRules(true);

        timer = new QTimer(context);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        QObject::connect(timer, &QTimer::timeout, context, [this] {
            tick();
            schedule();
        });
        schedule();
        return result;
    }

    // Fires still open when the previous recorder stopped would otherwise show as firing forever.
    void closeStaleEvents()
    {
        const auto open = alertStore->openEvents();
        if (!open)
            return;
        for (AlertEvent e : *open) {
            e.firing = false;
            e.value = std::numeric_limits<double>::quiet_NaN();
            e.time = nowSeconds();
            e.message = QStringLiteral("alert %1 cleared: %2 (monitoring restarted)")
                            .arg(e.rule, e.series.toString());
            (void)alertStore->appendEvent(e);
        }
    }

    void schedule()
    {
        const int interval = std::max(10, options().intervalMs);
        // Just after the next interval boundary of the clock, so 1 s points land one per second.
        const int64_t now = options().clock();
        const int delay = int(interval - ((now % interval) + interval) % interval) + 5;
        timer->start(delay);
    }

    void teardown()
    {
        if (timer)
            timer->stop();
        if (history && historyStore) {
            if (Status s = history->flush(); !s)
                qCWarning(lcMonitoring).noquote()
                    << "last minute of metrics history not saved:" << s.error().message;
        }
        alertsPtr = nullptr;
        historyPtr = nullptr;
        delete alerts;
        alerts = nullptr;
        delete timer;
        timer = nullptr;
        history.reset();
        sampler.reset();
        historyStore.reset();
        alertStore.reset();
        db.reset();
        lock.reset();
        persistent = false;
    }

    void reloadRules(bool force)
    {
        if (!alertStore)
            return;
        const Result<int64_t> version = db->dataVersion();
        if (!force && version && *version == dataVersion)
            return;
        dataVersion = version ? *version : -1;
        const auto rules = alertStore->rules();
        if (!rules) {
            qCWarning(lcMonitoring).noquote() << "alert rules not loaded:" << rules.error().message;
            return;
        }
        if (*rules == alerts->rules())
            return;
        alerts->setRules(*rules, nowSeconds());
        Q_EMIT q->alertRulesChanged(*rules);
    }

    void tick()
    {
        const int64_t nowMs = options().clock();
        if (sampler) {
            if (const Result<ResourceSample> r = sampler->sample(nowMs)) {
                q->m_registry->setResources(*r);
            } else if (!samplerWarned) {
                samplerWarned = true;
                qCWarning(lcMonitoring).noquote() << "resource sampling unavailable:" << r.error().message;
            }
        }
        if (engine)
            static_cast<InferenceMetricsObserver *>(q->m_observer.get())->pollEngine(*engine);
        const QList<SeriesSample> samples = history->ingest(MetricsInput::from(*q->m_registry));
        if (samples.isEmpty())
            return;
        const int64_t second = nowMs / 1000;
        reloadRules(false);
        alerts->evaluate(second, history->latest());
        Q_EMIT q->sampled(second, samples);
    }

    template <typename F> void post(F &&job)
    {
        QMetaObject::invokeMethod(context, std::forward<F>(job), Qt::QueuedConnection);
    }
};

MonitoringService::MonitoringService(MonitoringOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_registry(std::make_unique<MetricsRegistry>()),
      m_worker(std::make_unique<Worker>())
{
    qRegisterMetaType<ModelDesk::Monitoring::SeriesKey>();
    qRegisterMetaType<ModelDesk::Monitoring::HistoryPoint>();
    qRegisterMetaType<ModelDesk::Monitoring::SeriesSample>();
    qRegisterMetaType<QList<ModelDesk::Monitoring::SeriesSample>>();
    qRegisterMetaType<QList<ModelDesk::Monitoring::HistoryPoint>>();
    qRegisterMetaType<QList<ModelDesk::Monitoring::AlertRule>>();
    qRegisterMetaType<ModelDesk::Monitoring::AlertEvent>();
    if (!m_options.clock)
        m_options.clock = systemClock();
    m_observer = std::make_unique<InferenceMetricsObserver>(*m_registry);
    m_worker->q = this;
    m_worker->thread.setObjectName(QStringLiteral("modeldesk-monitoring"));
}

MonitoringService::~MonitoringService()
{
    stop();
}

MetricsRegistry &MonitoringService::metrics()
{
    return *m_registry;
}

Runtime::InferenceObserver &MonitoringService::inferenceObserver()
{
    return *m_observer;
}

void MonitoringService::setInferenceEngine(const Runtime::InferenceEngine *engine)
{
    Worker &w = *m_worker;
    if (!w.running) {
        w.engine = engine;
        return;
    }
    QMetaObject::invokeMethod(
        w.context, [&w, engine] { w.engine = engine; }, Qt::BlockingQueuedConnection);
}

void MonitoringService::setAuditSink(AlertAuditSink sink)
{
    m_worker->audit = std::move(sink);
}

Status MonitoringService::start()
{
    Worker &w = *m_worker;
    if (w.running)
        return {};
    w.context = new QObject;
    w.thread.start();
    w.context->moveToThread(&w.thread);
    Status result;
    QMetaObject::invokeMethod(
        w.context, [&w, &result] { result = w.init(); }, Qt::BlockingQueuedConnection);
    w.running = true;
    return result;
}

void MonitoringService::stop()
{
    Worker &w = *m_worker;
    if (!w.running)
        return;
    QMetaObject::invokeMethod(
        w.context, [&w] { w.teardown(); }, Qt::BlockingQueuedConnection);
    w.thread.quit();
    w.thread.wait();
    delete w.context;
    w.context = nullptr;
    w.running = false;
}

bool MonitoringService::isRunning() const
{
    return m_worker->running;
}

bool MonitoringService::isPersistent() const
{
    return m_worker->persistent;
}

QList<SeriesKey> MonitoringService::seriesKeys() const
{
    const MetricsHistory *h = m_worker->historyPtr.load();
    return h ? h->keys() : QList<SeriesKey>();
}

QList<HistoryPoint> MonitoringService::recent(const SeriesKey &key, int seconds) const
{
    const MetricsHistory *h = m_worker->historyPtr.load();
    return h ? h->recent(key, m_options.clock() / 1000 - seconds) : QList<HistoryPoint>();
}

QHash<SeriesKey, HistoryPoint> MonitoringService::latest() const
{
    const MetricsHistory *h = m_worker->historyPtr.load();
    return h ? h->latest() : QHash<SeriesKey, HistoryPoint>();
}

QList<AlertEvent> MonitoringService::activeAlerts() const
{
    const AlertEngine *a = m_worker->alertsPtr.load();
    return a ? a->active() : QList<AlertEvent>();
}

QList<AlertRule> MonitoringService::alertRules() const
{
    const AlertEngine *a = m_worker->alertsPtr.load();
    return a ? a->rules() : QList<AlertRule>();
}

quint64 MonitoringService::requestHistory(const SeriesKey &key, Resolution resolution, qint64 from, qint64 to)
{
    const quint64 id = m_worker->nextRequest.fetch_add(1);
    if (!m_worker->running) {
        QMetaObject::invokeMethod(
            this,
            [this, id, key] {
                Q_EMIT historyReady(id, key, {}, QStringLiteral("monitoring is not running"));
            },
            Qt::QueuedConnection);
        return id;
    }
    m_worker->post([this, id, key, resolution, from, to] {
        if (!m_worker->history) { // stopped meanwhile
            Q_EMIT historyReady(id, key, {}, QStringLiteral("monitoring is not running"));
            return;
        }
        const auto points = m_worker->history->query(key, resolution, from, to);
        Q_EMIT historyReady(id, key, points ? *points : QList<HistoryPoint>(),
                            points ? QString() : points.error().message);
    });
    return id;
}

void MonitoringService::addAlertRule(const AlertRule &rule)
{
    if (!m_worker->running)
        return;
    m_worker->post([this, rule] {
        Worker &w = *m_worker;
        if (!w.alerts)
            return;          // stopped meanwhile
        if (!w.alertStore) { // memory-only: the rules live as long as the process
            if (Status s = rule.validate(); !s) {
                Q_EMIT alertRuleError(s.error().message);
                return;
            }
            QList<AlertRule> rules = w.alerts->rules();
            for (const AlertRule &r : rules) {
                if (r.name == rule.name) {
                    Q_EMIT alertRuleError(QStringLiteral("alert rule '%1' already exists").arg(rule.name));
                    return;
                }
            }
            AlertRule added = rule;
            added.created = w.nowSeconds();
            rules << added;
            w.alerts->setRules(rules, w.nowSeconds());
            Q_EMIT alertRulesChanged(rules);
            return;
        }
        if (Status s = w.alertStore->addRule(rule, w.nowSeconds()); !s) {
            Q_EMIT alertRuleError(s.error().message);
            return;
        }
        w.reloadRules(true);
    });
}

void MonitoringService::removeAlertRule(const QString &name)
{
    if (!m_worker->running)
        return;
    m_worker->post([this, name] {
        Worker &w = *m_worker;
        if (!w.alerts)
            return; // stopped meanwhile
        if (!w.alertStore) {
            QList<AlertRule> rules = w.alerts->rules();
            const auto removed = rules.removeIf([&](const AlertRule &r) { return r.name == name; });
            if (removed == 0) {
                Q_EMIT alertRuleError(QStringLiteral("no alert rule named '%1'").arg(name));
                return;
            }
            w.alerts->setRules(rules, w.nowSeconds());
            Q_EMIT alertRulesChanged(rules);
            return;
        }
        if (Status s = w.alertStore->removeRule(name); !s) {
            Q_EMIT alertRuleError(s.error().message);
            return;
        }
        w.reloadRules(true);
    });
}

void MonitoringService::sampleNow()
{
    if (!m_worker->running)
        return;
    QMetaObject::invokeMethod(
        m_worker->context, [this] { m_worker->tick(); }, Qt::BlockingQueuedConnection);
}

} // namespace ModelDesk::Monitoring
