// ResourceSampler on a made-up procfs (exact arithmetic) and on the real one (sane values).

#include "monitoring/resourcesampler.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace ModelDesk::Monitoring;

class tst_ResourceSampler : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    static constexpr qint64 kBoot = 1'700'000'000;

    void write(const QString &relative, const QByteArray &content)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

    void writeState(int utime, int stime, const QByteArray &cpuLine)
    {
        // A command name with spaces and parentheses: fields are counted from the last ')'.
        write(QStringLiteral("1234/stat"),
              QByteArray("1234 (my (weird) app) S 1 1234 1234 0 -1 4194304 100 0 0 0 ") +
                  QByteArray::number(utime) + ' ' + QByteArray::number(stime) +
                  " 0 0 20 0 7 0 1000 123456789 512 18446744073709551615 0\n");
        write(QStringLiteral("stat"),
              cpuLine + "cpu0 1 0 1 1 0 0 0 0 0 0\ncpu1 1 0 1 1 0 0 0 0 0 0\nintr 1\nbtime " +
                  QByteArray::number(kBoot) + "\nprocesses 5\n");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        write(QStringLiteral("1234/status"), "Name:\tmy app\nVmRSS:\t    2048 kB\nThreads:\t7\n");
        write(QStringLiteral("1234/limits"),
              "Limit                     Soft Limit           Hard Limit           Units     \n"
              "Max open files            1024                 4096                 files     \n");
        for (const char *fd : {"0", "1", "2", "3"})
            write(QStringLiteral("1234/fd/") + QLatin1String(fd), "");
        write(QStringLiteral("meminfo"),
              "MemTotal:        1000000 kB\nMemFree:          100000 kB\nMemAvailable:     250000 kB\n");
    }

    void fakeProcfsArithmetic()
    {
        ResourceSampler sampler(m_dir.path(), QStringLiteral("1234"), 100);
        writeState(100, 50, "cpu  1000 0 500 8000 500 0 0 0 0 0\n");
        // The process started 10 s after boot (1000 ticks) and has been alive 15 s: 1.5 s CPU = 10 %.
        const qint64 t0 = (kBoot + 10 + 15) * 1000;
        const auto first = sampler.sample(t0);
        QVERIFY2(first.has_value(), first ? "" : qPrintable(first.error().message));
        QCOMPARE(first->processCpuSeconds, 1.5);
        QCOMPARE(first->processCpuPercent, 10.0);
        QCOMPARE(first->startTimeSeconds, double(kBoot + 10));
        QCOMPARE(first->machineCpuPercent, 15.0); // since boot: 1500 busy of 10000
        QCOMPARE(first->cpuCount, 2);
        QCOMPARE(first->threads, 7);
        QCOMPARE(first->residentBytes, qint64(2048) * 1024);
        QCOMPARE(first->virtualBytes, qint64(123456789));
        QCOMPARE(first->openFds, 4);
        QCOMPARE(first->maxFds, qint64(1024));
        QCOMPARE(first->memoryTotalBytes, qint64(1000000) * 1024);
        QCOMPARE(first->memoryAvailableBytes, qint64(250000) * 1024);
        QCOMPARE(first->memoryUsedBytes, qint64(750000) * 1024);

        // 2 s later: 1.5 s more CPU = 75 % of a core; the machine was 700 of 1000 ticks busy.
        writeState(200, 100, "cpu  1600 0 600 8200 600 0 0 0 0 0\n");
        const auto second = sampler.sample(t0 + 2000);
        QVERIFY(second.has_value());
        QCOMPARE(second->processCpuPercent, 75.0);
        QCOMPARE(second->machineCpuPercent, 70.0);
    }

    void missingProcfsIsAnError()
    {
        ResourceSampler sampler(m_dir.filePath(QStringLiteral("nowhere")));
        const auto s = sampler.sample(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().code, ModelDesk::Error::Code::Io);
    }

    void realProcfsIsSane()
    {
        ResourceSampler sampler;
        const auto first = sampler.sample(QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(first.has_value(), first ? "" : qPrintable(first.error().message));
        volatile double sink = 0;
        for (int i = 0; i < 20'000'000; ++i) // some CPU time for the second sample to see
            sink = sink + i * 0.5;
        const auto s = sampler.sample(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(s.has_value());
        QVERIFY2(s->residentBytes > 1024 * 1024, qPrintable(QString::number(s->residentBytes)));
        QVERIFY(s->virtualBytes >= s->residentBytes);
        QVERIFY(s->threads >= 1);
        QVERIFY(s->openFds >= 3);
        QVERIFY(s->maxFds >= s->openFds);
        QCOMPARE(s->cpuCount, int(::sysconf(_SC_NPROCESSORS_CONF)));
        QVERIFY(s->processCpuSeconds > 0);
        QVERIFY(s->processCpuPercent >= 0 && s->processCpuPercent <= 100.0 * s->cpuCount + 1);
        QVERIFY(s->machineCpuPercent >= 0 && s->machineCpuPercent <= 100.0);
        QVERIFY(s->memoryTotalBytes > s->memoryAvailableBytes && s->memoryAvailableBytes > 0);
        QCOMPARE(s->memoryUsedBytes, s->memoryTotalBytes - s->memoryAvailableBytes);
        const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
        QVERIFY2(s->startTimeSeconds > now - 3600 && s->startTimeSeconds <= now + 1,
                 qPrintable(QString::number(now - s->startTimeSeconds)));
    }
};

QTEST_GUILESS_MAIN(tst_ResourceSampler)
#include "tst_resourcesampler.moc"
