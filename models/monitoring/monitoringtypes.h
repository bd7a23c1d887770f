#pragma once
// Value types shared by the monitoring part: request outcomes, series keys and points, the clock.
// All are plain, copyable, torch-free and usable across threads (queued signals carry them).

#include "core/result.h"

#include <QHashFunctions>
#include <QList>
#include <QMetaType>
#include <QString>
#include <array>
#include <cstdint>
#include <functional>

namespace ModelDesk::Monitoring {

// What happened to one inference request, as counted by modeldesk_inference_requests_total{outcome}.
enum class Outcome : uint8_t
{
    Success,
    ClientError,
    ServerError,
    Rejected,
    Timeout
};
constexpr int outcomeCount = 5;
constexpr std::array<Outcome, outcomeCount> allOutcomes{
    Outcome::Success, Outcome::ClientError, Outcome::ServerError, Outcome::Rejected, Outcome::Timeout};

// "success", "client_error", "server_error", "rejected", "timeout" (the label values).
QString outcomeName(Outcome outcome);

// How an error of the runtime counts: bad input and auth are the client's (client_error), a full
// queue or a not-ready model is `rejected`, Timeout is `timeout`, anything else is ours (server_error).
Outcome outcomeFor(Error::Code code);

// Wall-clock time in milliseconds since the Unix epoch (UTC). Injected everywhere time matters, so
// tests drive history, downsampling, retention and alerts with a fake clock.
using Clock = std::function<int64_t()>;
Clock systemClock();

// One time series of the history. `name` is a history series name from the catalogue
// (seriescatalog.h: "latency_p99", "process_rss_bytes", ...); deployment/version are set for the
// per-deployment series, `run` for training series; the rest are empty/0.
struct SeriesKey
{
    QString name;
    QString deployment;
    int version = 0;
    QString run;

    // "latency_p99{deployment=iris,version=3}", "process_cpu_percent", "training_loss{run=r1}".
    QString toString() const;
    friend bool operator==(const SeriesKey &, const SeriesKey &) = default;
    friend bool operator<(const SeriesKey &a, const SeriesKey &b);
};

inline size_t qHash(const SeriesKey &k, size_t seed = 0) noexcept
{
    return qHashMulti(seed, k.name, k.deployment, k.version, k.run);
}

// One point of a series. At 1 s resolution min = max = mean = value and samples = 1. Downsampled
// points (1 min, 1 h) keep the min/max/mean of the 1 s values they cover; `value` is the mean for
// gauges and rates, and for percentiles, error rates and histogram means it is recomputed from the
// summed request counts and histogram buckets of the whole interval (a p99 of a minute is not the
// mean of 60 per-second p99s). `t` is the start of the interval in seconds since the epoch.
struct HistoryPoint
{
    int64_t t = 0;
    double value = 0;
    double min = 0;
    double max = 0;
    double mean = 0;
    int samples = 0;

    friend bool operator==(const HistoryPoint &, const HistoryPoint &) = default;
};

// The newest 1 s value of a series, as MonitoringService::sampled delivers them.
struct SeriesSample
{
    SeriesKey key;
    double value = 0;
};

enum class Resolution
{
    Second = 1,
    Minute = 60,
    Hour = 3600
};

} // namespace ModelDesk::Monitoring

Q_DECLARE_METATYPE(ModelDesk::Monitoring::SeriesKey)
Q_DECLARE_METATYPE(ModelDesk::Monitoring::HistoryPoint)
Q_DECLARE_METATYPE(ModelDesk::Monitoring::SeriesSample)
