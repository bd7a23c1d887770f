#include "resourcesampler.h"

#include <QByteArrayList>
#include <QDir>
#include <QFile>
#include <utility>

#include <unistd.h>

namespace ModelDesk::Monitoring {

namespace {

Result<QByteArray> readProcFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::io(QStringLiteral("cannot read %1: %2").arg(path, f.errorString())));
    return f.readAll(); // procfs reports size 0; readAll reads to EOF anyway
}

// "Key:   value unit" lines of /proc/meminfo and /proc/self/status.
int64_t keyedNumber(const QByteArray &text, const QByteArray &key)
{
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith(key) || line.size() <= key.size() || line.at(key.size()) != ':')
            continue;
        const QByteArrayList parts = line.mid(key.size() + 1).simplified().split(' ');
        if (parts.isEmpty())
            return 0;
        const int64_t value = parts.first().toLongLong();
        const bool kb = parts.size() > 1 && parts.at(1).toLower() == "kb";
        return kb ? value * 1024 : value;
    }
    return 0;
}

struct MachineCpu
{
    uint64_t busy = 0;
    uint64_t total = 0;
    int cpus = 0;
    int64_t bootTime = 0;
};

MachineCpu parseStat(const QByteArray &text)
{
    MachineCpu m;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("cpu ")) {
            const QByteArrayList f = line.simplified().split(' ');
            // cpu user nice system idle iowait irq softirq steal (guest time is inside user).
            uint64_t v[8] = {};
            for (int i = 0; i < 8 && i + 1 < f.size(); ++i)
                v[i] = f.at(i + 1).toULongLong();
            const uint64_t idle = v[3] + v[4];
            m.busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
            m.total = m.busy + idle;
        } else if (line.startsWith("cpu")) {
            ++m.cpus;
        } else if (line.startsWith("btime ")) {
            m.bootTime = line.mid(6).trimmed().toLongLong();
        }
    }
    return m;
}

int64_t softFdLimit(const QByteArray &limits)
{
    for (const QByteArray &line : limits.split('\n')) {
        if (!line.startsWith("Max open files"))
            continue;
        const QByteArrayList f = line.mid(int(sizeof("Max open files")) - 1).simplified().split(' ');
        return f.isEmpty() ? 0 : f.first().toLongLong(); // "unlimited" gives 0
    }
    return 0;
}

} // namespace

ResourceSampler::ResourceSampler(QString procRoot, QString process, long ticksPerSecond)
    : m_procRoot(std::move(procRoot)), m_process(std::move(process)),
      m_ticksPerSecond(double(ticksPerSecond > 0 ? ticksPerSecond : ::sysconf(_SC_CLK_TCK)))
{
    if (m_ticksPerSecond <= 0)
        m_ticksPerSecond = 100;
}

Result<ResourceSample> ResourceSampler::sample(int64_t nowMs)
{
    const QString self = m_procRoot + QLatin1Char('/') + m_process;
    ResourceSample s;
    s.timeMs = nowMs;

    const Result<QByteArray> stat = readProcFile(self + QStringLiteral("/stat"));
    if (!stat)
        return fail(stat.error());
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const qsizetype close = stat->lastIndexOf(')');
    const QByteArrayList f = stat->mid(close + 1).simplified().split(' ');
    // f[0] is field 3 (state): utime 14, stime 15, num_threads 20, starttime 22, vsize 23.
    if (close < 0 || f.size() < 21)
        return fail(Error::io(QStringLiteral("unexpected format of %1/stat").arg(self)));
    s.processCpuSeconds = double(f.at(11).toULongLong() + f.at(12).toULongLong()) / m_ticksPerSecond;
    s.threads = f.at(17).toInt();
    const double startTicks = f.at(19).toDouble();
    s.virtualBytes = f.at(20).toLongLong();

    if (const Result<QByteArray> status = readProcFile(self + QStringLiteral("/status"))) {
        s.residentBytes = keyedNumber(*status, "VmRSS");
        if (const int64_t t = keyedNumber(*status, "Threads"); t > 0)
            s.threads = int(t);
    }
    const QDir fdDir(self + QStringLiteral("/fd"));
    // Sockets and pipes are dangling links: QDir::System lists them too.
    s.openFds =
        int(fdDir.entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot).size());
    if (const Result<QByteArray> limits = readProcFile(self + QStringLiteral("/limits")))
        s.maxFds = softFdLimit(*limits);

    const Result<QByteArray> machineStat = readProcFile(m_procRoot + QStringLiteral("/stat"));
    if (!machineStat)
        return fail(machineStat.error());
    const MachineCpu cpu = parseStat(*machineStat);
    s.cpuCount = cpu.cpus;
    s.startTimeSeconds = double(cpu.bootTime) + startTicks / m_ticksPerSecond;

    const Result<QByteArray> meminfo = readProcFile(m_procRoot + QStringLiteral("/meminfo"));
    if (!meminfo)
        return fail(meminfo.error());
    s.memoryTotalBytes = keyedNumber(*meminfo, "MemTotal");
    s.memoryAvailableBytes = keyedNumber(*meminfo, "MemAvailable");
    s.memoryUsedBytes = std::max<int64_t>(0, s.memoryTotalBytes - s.memoryAvailableBytes);

    if (m_havePrevious && nowMs > m_previousTimeMs) {
        const double wall = double(nowMs - m_previousTimeMs) / 1000.0;
        s.processCpuPercent = std::max(0.0, (s.processCpuSeconds - m_previousProcessCpu) / wall * 100.0);
    } else {
        const double alive = double(nowMs) / 1000.0 - s.startTimeSeconds;
        s.processCpuPercent = alive > 0 ? s.processCpuSeconds / alive * 100.0 : 0.0;
    }
    const uint64_t busy = m_havePrevious && cpu.busy >= m_previousBusy ? cpu.busy - m_previousBusy : cpu.busy;
    const uint64_t total =
        m_havePrevious && cpu.total >= m_previousTotal ? cpu.total - m_previousTotal : cpu.total;
    s.machineCpuPercent = total > 0 ? double(busy) * 100.0 / double(total) : 0.0;

    m_havePrevious = true;
    m_previousTimeMs = nowMs;
    m_previousProcessCpu = s.processCpuSeconds;
    m_previousBusy = cpu.busy;
    m_previousTotal = cpu.total;
    return s;
}

} // namespace ModelDesk::Monitoring
