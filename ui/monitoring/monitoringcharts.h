#pragma once
// MonitoringCharts: the Monitoring page's grid of TimeSeriesCharts — latency p50/p95/p99,
// throughput, errors, queue time, batch size (one line per chosen deployment version and series),
// process CPU and memory, machine CPU and memory — for one time window:
//  - 5 min / 1 h: live. Filled from MonitoringService::recent() (1 s points kept in memory) when
//    the window or the chosen versions change, then one point per line per second from addSamples()
//    (the service's sampled() signal).
//  - 24 h / 7 d: 1 min / 1 h points from the persisted history via requestHistory() (asynchronous,
//    answered on the service's worker), refreshed once a minute.
// Values are shown in a readable unit (latency in ms, memory in MiB); tooltips format them back
// with the series' own unit.
//
// Threads: GUI thread; the service's read side is thread-safe and in memory. Ownership: the
// service must outlive the widget.

#include "charts/timeserieschart.h"

#include "monitoring/monitoringtypes.h"
#include "monitoring/seriescatalog.h"

#include <QHash>
#include <QList>
#include <QWidget>

namespace ModelDesk::Monitoring {
class MonitoringService;
}
class QGridLayout;
class QTimer;

// One deployment version whose lines are drawn.
struct VersionRef
{
    QString deployment;
    int version = 0;
    friend bool operator==(const VersionRef &, const VersionRef &) = default;
};

class MonitoringCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitoringCharts)

public:
    enum class Window
    {
        FiveMinutes,
        OneHour,
        OneDay,
        SevenDays
    };
    static qint64 windowSeconds(Window window);
    static bool isLive(Window window) { return window == Window::FiveMinutes || window == Window::OneHour; }

    explicit MonitoringCharts(ModelDesk::Monitoring::MonitoringService &service, QWidget *parent = nullptr);

    void setWindow(Window window);
    Window window() const { return m_window; }
    // The deployment versions drawn in the per-deployment charts (canary versions side by side).
    void setVersions(const QList<VersionRef> &versions);
    QList<VersionRef> versions() const { return m_versions; }
    // Hides the per-deployment charts (no deployment yet); machine and process charts stay.
    void setDeploymentChartsVisible(bool visible);

    // One second's new points (MonitoringService::sampled). Ignored by the long windows.
    void addSamples(qint64 second, const QList<ModelDesk::Monitoring::SeriesSample> &samples);

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // Chart ids: "latency", "throughput", "errors", "queue", "batch", "process_cpu",
    // "process_memory", "machine_cpu", "machine_memory".
    TimeSeriesChart *chart(const QString &id) const;
    QList<TimeSeriesChart *> visibleCharts() const;
    // The line id (series key text) of a series in its chart.
    static QString lineId(const ModelDesk::Monitoring::SeriesKey &key) { return key.toString(); }

    // PNG of the visible charts as laid out; CSV of their lines (chart,series,time,value).
    ModelDesk::Status savePng(const QString &path);
    ModelDesk::Status saveCsv(const QString &path) const;

Q_SIGNALS:
    // A history query failed (e.g. the database could not be read); one line for the log.
    void historyError(const QString &message);

private:
    struct Spec
    {
        QString id;
        QString title;
        QStringList series;  // catalogue names
        QStringList labels;  // line label suffix per series ("p99"), empty when one series
        ModelDesk::Monitoring::SeriesUnit unit;
        double scale = 1;    // catalogue unit -> shown unit
        QString axisTitle;
        bool perDeployment = true;
    };
    struct LineRef
    {
        TimeSeriesChart *chart = nullptr;
        ModelDesk::Monitoring::SeriesKey key;
        double scale = 1;
    };

    void rebuildLines(bool reload);
    void load(const LineRef &line);
    void requestAllHistory();
    void applyHistory(quint64 id, const ModelDesk::Monitoring::SeriesKey &key,
                      const QList<ModelDesk::Monitoring::HistoryPoint> &points, const QString &error);
    void relayout();

    ModelDesk::Monitoring::MonitoringService &m_service;
    QList<Spec> m_specs;
    QHash<QString, TimeSeriesChart *> m_charts;
    QHash<QString, LineRef> m_lines; // by line id, across charts
    QHash<quint64, QString> m_pending; // history request id -> line id
    QList<VersionRef> m_versions;
    QGridLayout *m_grid = nullptr;
    QTimer *m_historyTimer = nullptr;
    Window m_window = Window::FiveMinutes;
    bool m_deploymentCharts = true;
    bool m_paused = false;
};
