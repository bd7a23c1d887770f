#include "metricshistory.h"

#include "seriescatalog.h"

#include "core/logging.h"

#include <QMutex>
#include <QMutexLocker>
#include <algorithm>
#include <cmath>
#include <vector>

namespace ModelDesk::Monitoring {

namespace {

using DeploymentKey = QPair<QString, int>;

// Fixed-capacity ring of (second, value).
class SecondRing
{
public:
    explicit SecondRing(int capacity = 3600) : m_buf(size_t(std::max(1, capacity))) {}

    void push(int64_t t, double v)
    {
        m_buf[m_head] = {t, v};
        m_head = (m_head + 1) % m_buf.size();
        m_size = std::min(m_size + 1, m_buf.size());
    }

    QList<HistoryPoint> points(int64_t from) const
    {
        QList<HistoryPoint> out;
        const size_t start = (m_head + m_buf.size() - m_size) % m_buf.size();
        for (size_t i = 0; i < m_size; ++i) {
            const auto &[t, v] = m_buf[(start + i) % m_buf.size()];
            if (t >= from)
                out << HistoryPoint{t, v, v, v, v, 1};
        }
        return out;
    }

    int64_t newest() const
    {
        return m_size == 0 ? 0 : m_buf[(m_head + m_buf.size() - 1) % m_buf.size()].first;
    }

private:
    std::vector<std::pair<int64_t, double>> m_buf;
    size_t m_head = 0;
    size_t m_size = 0;
};

struct MinuteStat
{
    double min = 0, max = 0, sum = 0;
    int n = 0;

    void add(double v)
    {
        if (n == 0) {
            min = max = v;
        } else {
            min = std::min(min, v);
            max = std::max(max, v);
        }
        sum += v;
        ++n;
    }
};

SeriesKey deploymentSeries(const QString &name, const DeploymentSnapshot &d)
{
    return SeriesKey{name, d.deployment, d.version, {}};
}

} // namespace

MetricsInput MetricsInput::from(const MetricsRegistry &registry)
{
    return MetricsInput{registry.deploymentSnapshots(), registry.resources(), registry.trainingValues()};
}

struct MetricsHistory::Private
{
    Clock clock;
    HistoryOptions options;

    mutable QMutex mutex; // rings and latest: read from other threads
    QHash<SeriesKey, SecondRing> rings;
    QHash<SeriesKey, HistoryPoint> latest;

    // Owner thread only.
    int64_t lastSecond = -1;
    int64_t lastMs = 0;
    QHash<DeploymentKey, TrafficCounts> previous;
    int64_t minute = -1;
    QHash<SeriesKey, MinuteStat> minuteStats;
    QHash<DeploymentKey, TrafficRow> minuteTraffic;
    int64_t lastPruneHour = -1;
    QString lastError;

    void record(QList<SeriesSample> &out, const SeriesKey &key, int64_t t, double v)
    {
        if (!std::isfinite(v))
            return;
        {
            QMutexLocker lock(&mutex);
            auto it = rings.find(key);
            if (it == rings.end())
                it = rings.insert(key, SecondRing(options.ringSeconds));
            it->push(t, v);
            latest.insert(key, HistoryPoint{t, v, v, v, v, 1});
        }
        minuteStats[key].add(v);
        out << SeriesSample{key, v};
    }

    Status persistMinute(HistoryStore *store, int64_t nowSecond)
    {
        if (minute < 0 || !store)
            return {};
        QList<PointRow> points;
        points.reserve(minuteStats.size());
        for (auto it = minuteStats.cbegin(); it != minuteStats.cend(); ++it) {
            const MinuteStat &s = it.value();
            HistoryPoint p{minute, s.sum / s.n, s.min, s.max, s.sum / s.n, s.n};
            const auto info = seriesInfo(it.key().name);
            if (info && info->kind == SeriesKind::Traffic) {
                const auto t = minuteTraffic.constFind(DeploymentKey(it.key().deployment, it.key().version));
                if (t != minuteTraffic.cend()) {
                    if (const auto v = trafficValue(it.key().name, t->counts, t->seconds))
                        p.value = *v;
                }
            }
            points << PointRow{it.key(), p};
        }
        QList<TrafficRow> traffic = minuteTraffic.values();
        for (TrafficRow &row : traffic)
            row.t = minute;
        Status s = store->writeMinute(minute, points, traffic);
        const int64_t hour = nowSecond / 3600;
        if (s && hour != lastPruneHour) {
            s = store->prune(nowSecond, options.retention);
            if (s)
                lastPruneHour = hour;
        }
        return s;
    }

    void closeMinute(HistoryStore *store, int64_t nowSecond)
    {
        if (Status s = persistMinute(store, nowSecond); !s) {
            if (lastError != s.error().message)
                qCWarning(lcMonitoring).noquote() << "metrics history not persisted:" << s.error().message;
            lastError = s.error().message;
        } else {
            lastError.clear();
        }
        minuteStats.clear();
        minuteTraffic.clear();
        // Memory bound: forget series that have had no point for a whole ring.
        QMutexLocker lock(&mutex);
        for (auto it = rings.begin(); it != rings.end();) {
            if (it->newest() < nowSecond - options.ringSeconds) {
                latest.remove(it.key());
                it = rings.erase(it);
            } else {
                ++it;
            }
        }
    }
};

MetricsHistory::MetricsHistory(Clock clock, HistoryStore *store, HistoryOptions options)
    : d(std::make_unique<Private>()), m_store(store)
{
    d->clock = clock ? std::move(clock) : systemClock();
    d->options = options;
}

MetricsHistory::~MetricsHistory() = default;

QList<SeriesSample> MetricsHistory::ingest(const MetricsInput &input)
{
    const int64_t nowMs = d->clock();
    const int64_t second = nowMs >= 0 ? nowMs / 1000 : (nowMs - 999) / 1000;
    if (second <= d->lastSecond)
        return {};
    // Rates use the real interval, capped so a stalled or resumed process does not spread a
    // minute's requests over days (or divide by zero).
    const double elapsed =
        d->lastSecond < 0 ? 1.0 : std::clamp(double(nowMs - d->lastMs) / 1000.0, 0.001, 60.0);
    const int64_t minute = second - ((second % 60) + 60) % 60;
    if (d->minute >= 0 && minute != d->minute)
        d->closeMinute(m_store, second);
    d->minute = minute;

    QList<SeriesSample> out;
    QHash<DeploymentKey, TrafficCounts> seen;
    for (const DeploymentSnapshot &dep : input.deployments) {
        const DeploymentKey key(dep.deployment, dep.version);
        const TrafficCounts delta = dep.traffic.since(d->previous.value(key));
        seen.insert(key, dep.traffic);
        TrafficRow &acc = d->minuteTraffic[key];
        acc.deployment = dep.deployment;
        acc.version = dep.version;
        acc.seconds += elapsed;
        acc.counts += delta;
        for (const SeriesInfo &info : seriesCatalog()) {
            if (info.kind != SeriesKind::Traffic)
                continue;
            if (const auto v = trafficValue(info.name, delta, elapsed))
                d->record(out, deploymentSeries(info.name, dep), second, *v);
        }
        d->record(out, deploymentSeries(QStringLiteral("queue_depth"), dep), second, double(dep.queueDepth));
        d->record(out, deploymentSeries(QStringLiteral("in_flight"), dep), second, double(dep.inFlight));
        d->record(out, deploymentSeries(QStringLiteral("deployment_failed"), dep), second,
                  dep.failed ? 1.0 : 0.0);
    }
    d->previous = std::move(seen); // retired deployments drop out

    if (input.resources) {
        const ResourceSample &r = *input.resources;
        auto put = [&](const char *name, double v) {
            d->record(out, SeriesKey{QString::fromLatin1(name), {}, 0, {}}, second, v);
        };
        put("process_cpu_percent", r.processCpuPercent);
        put("process_rss_bytes", double(r.residentBytes));
        put("process_threads", r.threads);
        put("process_open_fds", r.openFds);
        put("machine_cpu_percent", r.machineCpuPercent);
        put("machine_memory_used_bytes", double(r.memoryUsedBytes));
        put("machine_memory_available_bytes", double(r.memoryAvailableBytes));
    }
    for (const TrainingValue &t : input.training)
        d->record(out, SeriesKey{QStringLiteral("training_") + t.metric, {}, 0, t.run}, second, t.value);

    d->lastSecond = second;
    d->lastMs = nowMs;
    return out;
}

Status MetricsHistory::flush()
{
    if (d->minute < 0)
        return {};
    Status s = d->persistMinute(m_store, std::max<int64_t>(d->lastSecond, 0));
    if (!s)
        d->lastError = s.error().message;
    return s;
}

QString MetricsHistory::lastError() const
{
    return d->lastError;
}

QList<SeriesKey> MetricsHistory::keys() const
{
    QMutexLocker lock(&d->mutex);
    QList<SeriesKey> out = d->rings.keys();
    std::sort(out.begin(), out.end());
    return out;
}

QList<HistoryPoint> MetricsHistory::recent(const SeriesKey &key, int64_t fromSecond) const
{
    QMutexLocker lock(&d->mutex);
    const auto it = d->rings.constFind(key);
    return it == d->rings.cend() ? QList<HistoryPoint>() : it->points(fromSecond);
}

QHash<SeriesKey, HistoryPoint> MetricsHistory::latest() const
{
    QMutexLocker lock(&d->mutex);
    return d->latest;
}

Result<QList<HistoryPoint>> MetricsHistory::query(const SeriesKey &key, Resolution resolution, int64_t from,
                                                  int64_t to) const
{
    if (resolution == Resolution::Second) {
        QList<HistoryPoint> points = recent(key, from);
        points.erase(
            std::remove_if(points.begin(), points.end(), [to](const HistoryPoint &p) { return p.t >= to; }),
            points.end());
        return points;
    }
    if (!m_store)
        return QList<HistoryPoint>();
    return m_store->points(key, resolution, from, to);
}

} // namespace ModelDesk::Monitoring
