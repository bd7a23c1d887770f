#pragma once
// TimeSeriesChart: a reusable live line chart on Qt Charts (QChartView + QLineSeries). The x axis is
// either wall-clock time (QDateTimeAxis; x = milliseconds since the epoch, UTC) or a plain number
// (QValueAxis; e.g. a training step). Used by the Monitoring and the Training page.
//
// Why it is more than a QChartView: Qt Charts recomputes the geometry of every point of a series
// on each change signal (append, remove, replace, axis range), so feeding it point by point costs
// O(points) per point. Here every line keeps its own capped data (the source of truth for tooltips
// and CSV), new points only mark the line dirty, and one flush per event-loop turn (or an explicit
// flush()) hands each dirty line to its QLineSeries once: only the points inside the visible x
// window, reduced to a min/max pair per two pixel columns when there are more than the plot can
// show, and the axes are set once. While hidden or paused the chart only collects data; showing or
// resuming it draws the latest state.
//
// Threads: GUI thread only. Ownership: a QWidget in the parent's tree.

#include "core/result.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>
#include <functional>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QTextStream;
class QTimer;
class QValueAxis;

class TimeSeriesChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeSeriesChart)

public:
    enum class XAxis
    {
        Time,  // x = milliseconds since the epoch; shown in local time
        Number // x = any number (step, epoch)
    };

    explicit TimeSeriesChart(const QString &title, XAxis xAxis = XAxis::Time, QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    QString title() const;
    XAxis xAxisKind() const { return m_xKind; }

    // Lines are named by a stable id (e.g. a series key); the label is what legend and tooltip say.
    // addLine() on an existing id only renames it.
    void addLine(const QString &id, const QString &label);
    void removeLine(const QString &id);
    void clearLines();
    bool hasLine(const QString &id) const;
    QStringList lineIds() const; // in the order they were added
    QString lineLabel(const QString &id) const;
    // A hidden line keeps collecting data but is not drawn, has no legend entry and does not count
    // for the y range (e.g. validation curves of a run without a validation split).
    void setLineVisible(const QString &id, bool visible);
    bool isLineVisible(const QString &id) const;
    // The line's QLineSeries, for styling (pen, point markers); nullptr for an unknown id. Its points
    // are replaced on every flush: feed data through append()/setPoints(), never the series.
    QLineSeries *series(const QString &id) const;

    // Points kept per line (oldest dropped first); default 3600. Applies to the next append.
    void setMaxPoints(int maxPoints);
    int maxPoints() const { return m_maxPoints; }
    // The x window shown: 0 = all data; otherwise [newest x - span, newest x] (a live window).
    // For XAxis::Time the span is in milliseconds.
    void setXSpan(double span);
    double xSpan() const { return m_xSpan; }

    // x must not go backwards within a line (a point older than the line's newest is dropped).
    void append(const QString &id, double x, double y);
    void append(const QString &id, const QList<QPointF> &points);
    // Replaces a line's data (e.g. a history query's answer); sorted by x, capped.
    void setPoints(const QString &id, const QList<QPointF> &points);
    // The line's data (what CSV exports), including points collected while paused or hidden.
    QList<QPointF> points(const QString &id) const;
    // What the line's QLineSeries holds now (after windowing and reduction).
    int shownPointCount(const QString &id) const;

    // Consecutive points further apart than this (x units) are not joined: the line shows a gap.
    // 0 (the default) joins every point.
    void setGapThreshold(double gap);
    double gapThreshold() const { return m_gap; }

    // Formats a y value for tooltips and CSV-free display, e.g. "1.2ms"; default: 4 significant digits.
    void setValueFormatter(std::function<QString(double)> formatter);
    void setYAxisTitle(const QString &title);
    void setXAxisTitle(const QString &title);
    // min < max fixes the y axis to [min, max] (e.g. accuracy on 0..1); otherwise (the default) it
    // follows the data.
    void setYRange(double min, double max);
    // XAxis::Number only: the x axis runs from 0 to a round number in three to five round steps
    // (1, 2, 2.5 or 5 x 10^k), so labels read 0, 1000, 2000 rather than 3, 636, 1269. Off by default.
    void setRoundXFromZero(bool on);
    // A text drawn in the middle of an empty plot ("No data yet ...").
    void setEmptyText(const QString &text);

    bool isPaused() const { return m_paused; }
    // Freezes the view: data is still collected, axes and lines stay as they are until resumed.
    void setPaused(bool paused);

    // Applies pending changes now (normally done once per event-loop turn). Does nothing while
    // paused or hidden (the pending state is kept).
    void flush();

    // Tooltip text for the data point nearest to x on a line: "label\nvalue\ntime".
    QString tooltipText(const QString &id, double x) const;

    // The chart as an image (QWidget::grab, so it works offscreen too).
    QImage image() const;
    ModelDesk::Status savePng(const QString &path) const;
    // CSV: "chart,series,x,value" with x as UTC ISO-8601 for time charts, then one row per point.
    void writeCsv(QTextStream &out, bool withHeader = true) const;
    ModelDesk::Status saveCsv(const QString &path) const;

    QChartView *view() const { return m_view; }
    QChart *chart() const { return m_chart; }

Q_SIGNALS:
    void pausedChanged(bool paused);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Line
    {
        QString label;
        QLineSeries *series = nullptr;
        bool visible = true;
        // data[head..] is the line; the dropped prefix is compacted once it is as long as the cap,
        // so dropping the oldest point is amortised O(1).
        QList<QPointF> data;
        qsizetype head = 0;
        qsizetype size() const { return data.size() - head; }
        const QPointF *begin() const { return data.constData() + head; }
        const QPointF *end() const { return data.constData() + data.size(); }
    };

    Line *line(const QString &id);
    const Line *line(const QString &id) const;
    void trim(Line &l);
    void scheduleFlush();
    void updateLegend();
    void updateAxes(double xMin, double xMax, double yMin, double yMax);
    QList<QPointF> visiblePoints(const Line &l, double xMin, double xMax, int buckets) const;
    QList<QPointF> reducedPoints(const Line &l, double xMin, double xMax, int buckets) const;
    QString formatX(double x) const;
    QString formatY(double y) const;
    void showTooltip(const QString &id, const QPointF &point, bool state);

    XAxis m_xKind;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_numberAxis = nullptr;
    QValueAxis *m_yAxis = nullptr;
    QTimer *m_flushTimer = nullptr;
    QHash<QString, Line> m_lines;
    QStringList m_order;
    std::function<QString(double)> m_formatter;
    QString m_emptyText;
    int m_maxPoints = 3600;
    double m_xSpan = 0;
    double m_gap = 0;
    double m_fixedYMin = 0;
    double m_fixedYMax = 0;
    bool m_roundX = false;
    bool m_paused = false;
    bool m_dirty = false;
};
