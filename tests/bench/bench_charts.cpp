// GUI-thread cost of the live charts (ui/charts/TimeSeriesChart) at 1 Hz: 8 lines x 3600 points
// (an hour of 1 s points each), one new point per line per second, the chart repainted every tick.
// Measured: the GUI thread's CPU time (CLOCK_THREAD_CPUTIME_ID) over the whole run, divided by the
// wall-clock time: its busy share. The same run measures a naive chart for comparison: a bare
// QChartView whose QLineSeries get replace(all points) every tick, no windowing and no reduction.
//
//   bench_charts [--seconds N] [--series S] [--points P] [--window SECONDS] [--width W --height H]
//                [--simulate]
// --simulate runs the ticks back to back and reports busy = tick CPU / (ticks x 1 s), for a quick
// figure without waiting N seconds per mode. Runs offscreen unless QT_QPA_PLATFORM says otherwise.

#include "charts/timeserieschart.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <vector>

namespace {

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

struct Options
{
    int seconds = 10;
    int series = 8;
    int points = 3600;
    int windowSeconds = 3600;
    int width = 900;
    int height = 360;
    bool simulate = false;
};

struct Figures
{
    double busyPercent = 0;
    double meanTickMs = 0;
    double maxTickMs = 0;
    double updateMs = -1;
    int ticks = 0;
};

// A plausible latency-like signal: a base per line, noise, a rare spike.
double value(int line, qint64 second)
{
    const double base = 2.0 + line;
    const double wave = std::sin(double(second) / 37.0 + line) * 0.5;
    const double spike = (second * 7919 + line * 104729) % 997 == 0 ? 20.0 : 0.0;
    return base + wave + spike;
}

// One chart under test: fill once, then tick() appends one point per line and repaints.
class Subject
{
public:
    virtual ~Subject() = default;
    virtual QWidget *widget() = 0;
    virtual void fill(qint64 firstSecond, int points) = 0;
    virtual void tick(qint64 second) = 0;
    // CPU ms per tick spent before the repaint (data to series, axes), when measured separately.
    virtual double updateMsPerTick() const { return -1; }
};

class Optimized final : public Subject
{
public:
    explicit Optimized(const Options &o)
        : m_chart(QStringLiteral("Latency (TimeSeriesChart)"))
        , m_lines(o.series)
    {
        m_chart.setMaxPoints(o.points);
        m_chart.setXSpan(double(o.windowSeconds) * 1000.0);
        for (int i = 0; i < m_lines; ++i)
            m_chart.addLine(QString::number(i), QStringLiteral("line %1").arg(i));
    }
    QWidget *widget() override { return &m_chart; }
    void fill(qint64 first, int points) override
    {
        for (int i = 0; i < m_lines; ++i) {
            QList<QPointF> data;
            data.reserve(points);
            for (int p = 0; p < points; ++p)
                data.append(QPointF(double(first + p) * 1000.0, value(i, first + p)));
            m_chart.setPoints(QString::number(i), data);
        }
        m_chart.flush();
    }
    void tick(qint64 second) override
    {
        for (int i = 0; i < m_lines; ++i)
            m_chart.append(QString::number(i), double(second) * 1000.0, value(i, second));
        const double t0 = threadCpuSeconds();
        m_chart.flush();
        m_updateMs += (threadCpuSeconds() - t0) * 1000.0;
        ++m_ticks;
        m_chart.view()->viewport()->repaint();
    }
    double updateMsPerTick() const override { return m_ticks > 0 ? m_updateMs / m_ticks : 0; }

private:
    TimeSeriesChart m_chart;
    int m_lines;
    double m_updateMs = 0;
    int m_ticks = 0;
};

class Naive final : public Subject
{
public:
    explicit Naive(const Options &o)
        : m_cap(o.points)
        , m_window(o.windowSeconds)
    {
        m_chart = new QChart;
        m_chart->setTitle(QStringLiteral("Latency (naive replace)"));
        m_chart->setAnimationOptions(QChart::NoAnimation);
        m_x = new QDateTimeAxis;
        m_x->setFormat(QStringLiteral("HH:mm:ss"));
        m_y = new QValueAxis;
        m_chart->addAxis(m_x, Qt::AlignBottom);
        m_chart->addAxis(m_y, Qt::AlignLeft);
        for (int i = 0; i < o.series; ++i) {
            auto *s = new QLineSeries;
            s->setName(QStringLiteral("line %1").arg(i));
            QPen pen = s->pen();
            pen.setWidthF(1.5);
            s->setPen(pen);
            m_chart->addSeries(s);
            s->attachAxis(m_x);
            s->attachAxis(m_y);
            m_series.push_back(s);
            m_data.emplace_back();
        }
        m_view = std::make_unique<QChartView>(m_chart);
        m_view->setRenderHint(QPainter::Antialiasing);
    }
    QWidget *widget() override { return m_view.get(); }
    void fill(qint64 first, int points) override
    {
        for (size_t i = 0; i < m_series.size(); ++i) {
            for (int p = 0; p < points; ++p)
                m_data[i].append(QPointF(double(first + p) * 1000.0, value(int(i), first + p)));
            m_series[i]->replace(m_data[i]);
        }
        m_last = first + points - 1;
        setRanges();
    }
    void tick(qint64 second) override
    {
        for (size_t i = 0; i < m_series.size(); ++i) {
            m_data[i].append(QPointF(double(second) * 1000.0, value(int(i), second)));
            if (m_data[i].size() > m_cap)
                m_data[i].removeFirst();
            m_series[i]->replace(m_data[i]);
        }
        m_last = second;
        setRanges();
        m_view->viewport()->repaint();
    }

private:
    void setRanges()
    {
        double lo = 0, hi = 1;
        for (const QList<QPointF> &d : m_data)
            for (const QPointF &p : d)
                hi = std::max(hi, p.y());
        // The same window as the chart under test, but every point stays in the series.
        const qint64 from = std::max(qint64(m_data[0].first().x()), (m_last - m_window) * 1000);
        m_x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(m_last * 1000));
        m_y->setRange(lo, hi * 1.05);
    }

    QChart *m_chart = nullptr;
    QDateTimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    std::unique_ptr<QChartView> m_view;
    std::vector<QLineSeries *> m_series;
    std::vector<QList<QPointF>> m_data;
    qsizetype m_cap;
    qint64 m_window;
    qint64 m_last = 0;
};

Figures run(Subject &subject, const Options &o)
{
    QWidget *w = subject.widget();
    w->resize(o.width, o.height);
    w->show();
    const qint64 start = QDateTime::currentSecsSinceEpoch() - o.points;
    subject.fill(start, o.points);
    QCoreApplication::processEvents();
    w->repaint();

    Figures f;
    std::vector<double> ticks;
    qint64 second = start + o.points;
    auto oneTick = [&] {
        const double t0 = threadCpuSeconds();
        subject.tick(second++);
        ticks.push_back((threadCpuSeconds() - t0) * 1000.0);
    };

    if (o.simulate) {
        for (int i = 0; i < o.seconds; ++i)
            oneTick();
        double sum = 0;
        for (double t : ticks)
            sum += t;
        f.busyPercent = sum / (double(o.seconds) * 1000.0) * 100.0;
    } else {
        // Real 1 Hz: everything the GUI thread does in the meantime counts (event loop, timers).
        QEventLoop loop;
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(1000);
        QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
            oneTick();
            if (int(ticks.size()) >= o.seconds)
                loop.quit();
        });
        QElapsedTimer wall;
        const double cpu0 = threadCpuSeconds();
        wall.start();
        timer.start();
        loop.exec();
        const double cpu = threadCpuSeconds() - cpu0;
        f.busyPercent = cpu / (double(wall.nsecsElapsed()) * 1e-9) * 100.0;
    }
    f.ticks = int(ticks.size());
    for (double t : ticks) {
        f.meanTickMs += t / double(ticks.size());
        f.maxTickMs = std::max(f.maxTickMs, t);
    }
    f.updateMs = subject.updateMsPerTick();
    w->hide();
    return f;
}

void print(const char *name, const Figures &f)
{
    std::printf("%-6s busy %6.2f%% of the GUI thread; tick (update + repaint) mean %6.2f ms, max %6.2f ms (%d ticks)",
                name, f.busyPercent, f.meanTickMs, f.maxTickMs, f.ticks);
    if (f.updateMs >= 0)
        std::printf("; update part %.2f ms", f.updateMs);
    std::printf("\n");
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        auto next = [&](int &target) {
            if (i + 1 < args.size())
                target = args[++i].toInt();
        };
        if (a == QLatin1String("--seconds"))
            next(o.seconds);
        else if (a == QLatin1String("--series"))
            next(o.series);
        else if (a == QLatin1String("--points"))
            next(o.points);
        else if (a == QLatin1String("--window"))
            next(o.windowSeconds);
        else if (a == QLatin1String("--width"))
            next(o.width);
        else if (a == QLatin1String("--height"))
            next(o.height);
        else if (a == QLatin1String("--simulate"))
            o.simulate = true;
        else {
            std::fprintf(stderr, "bench_charts: unknown option %s\n", qPrintable(a));
            return 2;
        }
    }
    o.seconds = std::max(1, o.seconds);
    std::printf("bench_charts: %d series x %d points, %d s window, %dx%d px, %d ticks at 1 Hz%s, platform %s\n", o.series,
                o.points, o.windowSeconds, o.width, o.height, o.seconds, o.simulate ? " (simulated)" : "",
                qPrintable(QGuiApplication::platformName()));

    Figures optimized, naive;
    {
        Optimized subject(o);
        optimized = run(subject, o);
    }
    {
        Naive subject(o);
        naive = run(subject, o);
    }
    print("chart", optimized);
    print("naive", naive);
    std::printf("naive / chart: %.1fx GUI-thread time; target busy <= 5%%: %s\n",
                optimized.busyPercent > 0 ? naive.busyPercent / optimized.busyPercent : 0.0,
                optimized.busyPercent <= 5.0 ? "met" : "NOT met");
    return 0;
}
