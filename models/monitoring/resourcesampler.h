#pragma once
// ResourceSampler: reads this process's and the machine's resource use from procfs
// (/proc/self/stat, /proc/self/status, /proc/self/fd, /proc/self/limits, /proc/stat, /proc/meminfo).
// CPU percentages are over the interval since the previous sample; the first sample gives the
// average since the process (or the machine) started. MonitoringService calls sample() once a
// second on its worker thread and hands the result to MetricsRegistry and the history.
//
// Threads: one thread at a time (it keeps the previous CPU counters). Errors: Io when procfs cannot
// be read (not Linux, or a sandbox without /proc); a field that is missing stays at its default.

#include "core/result.h"

#include <QString>
#include <cstdint>

namespace ModelDesk::Monitoring {

struct ResourceSample
{
    int64_t timeMs = 0;
    // This process.
    double processCpuSeconds = 0; // user + system since start
    double processCpuPercent = 0; // 100 = one core busy (like top)
    int64_t residentBytes = 0;    // VmRSS
    int64_t virtualBytes = 0;
    int threads = 0;
    int openFds = 0;
    int64_t maxFds = 0;          // soft RLIMIT_NOFILE, 0 when unknown
    double startTimeSeconds = 0; // since the epoch
    // The machine.
    double machineCpuPercent = 0; // 0..100 of all cores
    int cpuCount = 0;
    int64_t memoryTotalBytes = 0;
    int64_t memoryAvailableBytes = 0;
    int64_t memoryUsedBytes = 0; // total - available
};

class ResourceSampler final
{
public:
    // procRoot and the process entry are injectable so tests can feed fixed procfs files;
    // ticksPerSecond 0 = sysconf(_SC_CLK_TCK).
    explicit ResourceSampler(QString procRoot = QStringLiteral("/proc"),
                             QString process = QStringLiteral("self"), long ticksPerSecond = 0);

    Result<ResourceSample> sample(int64_t nowMs);

private:
    QString m_procRoot;
    QString m_process;
    double m_ticksPerSecond;
    bool m_havePrevious = false;
    int64_t m_previousTimeMs = 0;
    double m_previousProcessCpu = 0;
    uint64_t m_previousBusy = 0;
    uint64_t m_previousTotal = 0;
};

} // namespace ModelDesk::Monitoring
