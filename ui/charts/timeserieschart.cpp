#include "timeserieschart.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

using ModelDesk::Status;

namespace {

// Above this many points per pixel column pair the line is reduced to min/max pairs: the plot
// cannot show more, and Qt Charts' cost grows with the points it is given.
constexpr int kPixelsPerBucket = 2;

QString csvField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QString(QLatin1Char('"') + quoted + QLatin1Char('"'));
}

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString &title, XAxis xAxis, QWidget *parent)
    : QWidget(parent)
    , m_xKind(xAxis)
    , m_chart(new QChart)
    , m_flushTimer(new QTimer(this))
{
    m_chart->setTitle(title);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setVisible(false);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);

    QFont titleFont = m_chart->titleFont();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);

    if (m_xKind == XAxis::Time) {
        m_timeAxis = new QDateTimeAxis(this);
        m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
        m_timeAxis->setTickCount(6);
        m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
        const QDateTime now = QDateTime::currentDateTime();
        m_timeAxis->setRange(now.addSecs(-300), now);
    } else {
        m_numberAxis = new QValueAxis(this);
        m_numberAxis->setLabelFormat(QStringLiteral("%g"));
        m_numberAxis->setRange(0, 1);
        m_chart->addAxis(m_numberAxis, Qt::AlignBottom);
    }
    m_yAxis = new QValueAxis(this);
    m_yAxis->setLabelFormat(QStringLiteral("%g"));
    m_yAxis->setRange(0, 1);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(180);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(0);
    connect(m_flushTimer, &QTimer::timeout, this, &TimeSeriesChart::flush);
}

TimeSeriesChart::~TimeSeriesChart() = default;

QString TimeSeriesChart::title() const
{
    return m_chart->title();
}

TimeSeriesChart::Line *TimeSeriesChart::line(const QString &id)
{
    auto it = m_lines.find(id);
    return it == m_lines.end() ? nullptr : &it.value();
}

const TimeSeriesChart::Line *TimeSeriesChart::line(const QString &id) const
{
    auto it = m_lines.constFind(id);
    return it == m_lines.cend() ? nullptr : &it.value();
}

void TimeSeriesChart::addLine(const QString &id, const QString &label)
{
    if (Line *existing = line(id)) {
        existing->label = label;
        existing->series->setName(label);
        return;
    }
    Line l;
    l.label = label;
    l.series = new QLineSeries(this);
    l.series->setName(label);
    m_chart->addSeries(l.series);
    // After addSeries: the theme has given the line its colour; a pen set before would stay black.
    QPen pen = l.series->pen();
    pen.setWidthF(1.5);
    l.series->setPen(pen);
    l.series->attachAxis(m_timeAxis ? static_cast<QAbstractAxis *>(m_timeAxis) : m_numberAxis);
    l.series->attachAxis(m_yAxis);
    connect(l.series, &QLineSeries::hovered, this,
            [this, id](const QPointF &point, bool state) { showTooltip(id, point, state); });
    m_lines.insert(id, std::move(l));
    m_order.append(id);
    updateLegend();
    scheduleFlush();
}

void TimeSeriesChart::removeLine(const QString &id)
{
    auto it = m_lines.find(id);
    if (it == m_lines.end())
        return;
    m_chart->removeSeries(it->series);
    delete it->series;
    m_lines.erase(it);
    m_order.removeAll(id);
    updateLegend();
    scheduleFlush();
}

void TimeSeriesChart::updateLegend()
{
    // A row under the plot reads best for a few lines; more would be cut to "f...", so they go
    // into a column on the right. Tooltips give the full name of a cut entry either way.
    QLegend *legend = m_chart->legend();
    qsizetype shown = 0;
    for (const QString &id : std::as_const(m_order)) {
        const Line &l = m_lines[id];
        for (QLegendMarker *marker : legend->markers(l.series))
            marker->setVisible(l.visible);
        shown += l.visible ? 1 : 0;
    }
    legend->setVisible(shown > 1);
    legend->setShowToolTips(true);
    legend->setAlignment(shown > 4 ? Qt::AlignRight : Qt::AlignBottom);
}

void TimeSeriesChart::setLineVisible(const QString &id, bool visible)
{
    Line *l = line(id);
    if (!l || l->visible == visible)
        return;
    l->visible = visible;
    l->series->setVisible(visible);
    updateLegend();
    scheduleFlush();
}

bool TimeSeriesChart::isLineVisible(const QString &id) const
{
    const Line *l = line(id);
    return l && l->visible;
}

QLineSeries *TimeSeriesChart::series(const QString &id) const
{
    const Line *l = line(id);
    return l ? l->series : nullptr;
}

void TimeSeriesChart::clearLines()
{
    for (const QString &id : QStringList(m_order))
        removeLine(id);
}

bool TimeSeriesChart::hasLine(const QString &id) const
{
    return m_lines.contains(id);
}

QStringList TimeSeriesChart::lineIds() const
{
    return m_order;
}

QString TimeSeriesChart::lineLabel(const QString &id) const
{
    const Line *l = line(id);
    return l ? l->label : QString();
}

void TimeSeriesChart::setMaxPoints(int maxPoints)
{
    m_maxPoints = std::max(2, maxPoints);
}

void TimeSeriesChart::setXSpan(double span)
{
    m_xSpan = std::max(0.0, span);
    scheduleFlush();
}

void TimeSeriesChart::trim(Line &l)
{
    const qsizetype excess = l.size() - m_maxPoints;
    if (excess > 0)
        l.head += excess;
    if (l.head >= m_maxPoints) {
        l.data.remove(0, l.head);
        l.head = 0;
    }
}

void TimeSeriesChart::append(const QString &id, double x, double y)
{
    Line *l = line(id);
    if (!l || !std::isfinite(x) || !std::isfinite(y))
        return;
    if (l->size() > 0 && x < l->data.constLast().x())
        return;
    l->data.append(QPointF(x, y));
    trim(*l);
    scheduleFlush();
}

void TimeSeriesChart::append(const QString &id, const QList<QPointF> &points)
{
    for (const QPointF &p : points)
        append(id, p.x(), p.y());
}

void TimeSeriesChart::setPoints(const QString &id, const QList<QPointF> &points)
{
    Line *l = line(id);
    if (!l)
        return;
    l->data.clear();
    l->head = 0;
    for (const QPointF &p : points) {
        if (std::isfinite(p.x()) && std::isfinite(p.y()))
            l->data.append(p);
    }
    std::stable_sort(l->data.begin(), l->data.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    trim(*l);
    scheduleFlush();
}

QList<QPointF> TimeSeriesChart::points(const QString &id) const
{
    const Line *l = line(id);
    return l ? QList<QPointF>(l->begin(), l->end()) : QList<QPointF>();
}

int TimeSeriesChart::shownPointCount(const QString &id) const
{
    const Line *l = line(id);
    return l ? int(l->series->count()) : 0;
}

void TimeSeriesChart::setGapThreshold(double gap)
{
    m_gap = std::max(0.0, gap);
    scheduleFlush();
}

void TimeSeriesChart::setValueFormatter(std::function<QString(double)> formatter)
{
    m_formatter = std::move(formatter);
}

void TimeSeriesChart::setYAxisTitle(const QString &title)
{
    m_yAxis->setTitleText(title);
}

void TimeSeriesChart::setXAxisTitle(const QString &title)
{
    if (m_timeAxis)
        m_timeAxis->setTitleText(title);
    else
        m_numberAxis->setTitleText(title);
}

void TimeSeriesChart::setYRange(double min, double max)
{
    m_fixedYMin = min;
    m_fixedYMax = max;
    scheduleFlush();
}

void TimeSeriesChart::setRoundXFromZero(bool on)
{
    m_roundX = on;
    scheduleFlush();
}

void TimeSeriesChart::setEmptyText(const QString &text)
{
    m_emptyText = text;
    scheduleFlush();
}

void TimeSeriesChart::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused)
        scheduleFlush();
    Q_EMIT pausedChanged(paused);
}

void TimeSeriesChart::scheduleFlush()
{
    m_dirty = true;
    if (!m_paused && !m_flushTimer->isActive())
        m_flushTimer->start();
}

void TimeSeriesChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        scheduleFlush();
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The reduction depends on the plot's width.
    scheduleFlush();
}

QList<QPointF> TimeSeriesChart::visiblePoints(const Line &l, double xMin, double xMax, int buckets) const
{
    QList<QPointF> points = reducedPoints(l, xMin, xMax, buckets);
    if (m_gap <= 0 || points.size() < 2)
        return points;
    // Qt Charts ends a line at a NaN point: a stretch without data (no request in those seconds)
    // shows as a gap instead of a straight line across it.
    QList<QPointF> broken;
    broken.reserve(points.size() + 8);
    broken.append(points.first());
    for (qsizetype i = 1; i < points.size(); ++i) {
        if (points[i].x() - points[i - 1].x() > m_gap)
            broken.append(QPointF((points[i].x() + points[i - 1].x()) / 2, std::numeric_limits<double>::quiet_NaN()));
        broken.append(points[i]);
    }
    return broken;
}

QList<QPointF> TimeSeriesChart::reducedPoints(const Line &l, double xMin, double xMax, int buckets) const
{
    // The first point before the window too, so the line enters from the left edge.
    const QPointF *first = std::lower_bound(l.begin(), l.end(), xMin,
                                            [](const QPointF &p, double x) { return p.x() < x; });
    if (first != l.begin())
        --first;
    const QPointF *last = l.end();
    const qsizetype n = last - first;
    if (n <= 2 * qsizetype(buckets) || buckets <= 0)
        return QList<QPointF>(first, last);

    // Min/max per bucket, in x order, so spikes survive the reduction. Buckets are aligned to
    // multiples of their width, so a point stays in its bucket as the window slides (no shimmer).
    const double width = (xMax - xMin) / buckets;
    QList<QPointF> out;
    out.reserve(2 * buckets + 4);
    const QPointF *p = first;
    while (p != last) {
        const double bucketEnd = (std::floor(p->x() / width) + 1) * width;
        const QPointF *lo = p;
        const QPointF *hi = p;
        const QPointF *q = p;
        for (; q != last && q->x() < bucketEnd; ++q) {
            if (q->y() < lo->y())
                lo = q;
            if (q->y() > hi->y())
                hi = q;
        }
        if (lo == hi) {
            out.append(*lo);
        } else if (lo->x() <= hi->x()) {
            out.append(*lo);
            out.append(*hi);
        } else {
            out.append(*hi);
            out.append(*lo);
        }
        p = q;
    }
    return out;
}

void TimeSeriesChart::flush()
{
    m_flushTimer->stop();
    if (m_paused || !isVisible())
        return; // keep m_dirty: showEvent()/setPaused(false) come back here
    m_dirty = false;

    double newest = -std::numeric_limits<double>::infinity();
    double oldest = std::numeric_limits<double>::infinity();
    for (const Line &l : std::as_const(m_lines)) {
        if (l.size() > 0) {
            newest = std::max(newest, l.data.constLast().x());
            oldest = std::min(oldest, l.begin()->x());
        }
    }
    const bool empty = !std::isfinite(newest);
    double xMax = empty ? double(QDateTime::currentMSecsSinceEpoch()) : newest;
    double xMin = m_xSpan > 0 ? xMax - m_xSpan : (empty ? xMax - 1 : oldest);
    if (m_xKind == XAxis::Number && empty) {
        xMin = 0;
        xMax = 1;
    }
    if (xMax <= xMin)
        xMax = xMin + (m_xKind == XAxis::Time ? 1000 : 1);

    const int buckets = std::max(16, int(m_chart->plotArea().width()) / kPixelsPerBucket);
    double yMin = std::numeric_limits<double>::infinity();
    double yMax = -std::numeric_limits<double>::infinity();
    QList<QList<QPointF>> shown;
    shown.reserve(m_order.size());
    for (const QString &id : std::as_const(m_order)) {
        Line &l = m_lines[id];
        shown.append(visiblePoints(l, xMin, xMax, buckets));
        for (const QPointF &p : std::as_const(shown.last())) {
            if (l.visible && p.x() >= xMin && !std::isnan(p.y())) {
                yMin = std::min(yMin, p.y());
                yMax = std::max(yMax, p.y());
            }
        }
        // Qt Charts rebuilds a series' path and hover shape on every axis range change: empty the
        // series first, so the new ranges cost nothing and each line is rebuilt once, below.
        l.series->clear();
    }
    updateAxes(xMin, xMax, yMin, yMax);
    for (qsizetype i = 0; i < m_order.size(); ++i)
        m_lines[m_order[i]].series->replace(shown[i]);

    if (empty && !m_emptyText.isEmpty()) {
        auto *label = m_view->findChild<QLabel *>(QStringLiteral("emptyText"));
        if (!label) {
            label = new QLabel(m_view);
            label->setObjectName(QStringLiteral("emptyText"));
            label->setAlignment(Qt::AlignCenter);
            label->setWordWrap(true);
            label->setEnabled(false);
        }
        label->setText(m_emptyText);
        label->setGeometry(m_view->rect().adjusted(40, 40, -20, -40));
        label->show();
    } else if (auto *label = m_view->findChild<QLabel *>(QStringLiteral("emptyText"))) {
        label->hide();
    }
}

void TimeSeriesChart::updateAxes(double xMin, double xMax, double yMin, double yMax)
{
    if (m_timeAxis) {
        const double span = xMax - xMin;
        m_timeAxis->setFormat(span <= 2 * 3600 * 1000.0    ? QStringLiteral("HH:mm:ss")
                              : span <= 2 * 86400 * 1000.0 ? QStringLiteral("ddd HH:mm")
                                                           : QStringLiteral("dd MMM"));
        // As many time labels as fit (about 110 px each), so a narrow plot is not cut to "16:...".
        const int ticks = std::clamp(int(m_chart->plotArea().width() / 110), 2, 6);
        if (m_timeAxis->tickCount() != ticks)
            m_timeAxis->setTickCount(ticks);
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xMin)), QDateTime::fromMSecsSinceEpoch(qint64(xMax)));
    } else if (m_roundX) {
        const double high = std::max(xMax, 10.0);
        const double raw = high / 4;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        double step = 10 * magnitude;
        for (double m : {1.0, 2.0, 2.5, 5.0}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        const int ticks = std::max(1, int(std::ceil(high / step - 1e-9)));
        m_numberAxis->setRange(0, ticks * step);
        if (m_numberAxis->tickCount() != ticks + 1)
            m_numberAxis->setTickCount(ticks + 1);
    } else {
        m_numberAxis->setRange(xMin, xMax);
    }
    const bool fixed = m_fixedYMin < m_fixedYMax;
    if (fixed) {
        yMin = m_fixedYMin;
        yMax = m_fixedYMax;
    }
    if (!std::isfinite(yMin)) {
        yMin = 0;
        yMax = 1;
    }
    // Rates, latencies and sizes are never negative: start at zero so a flat line reads as what it is.
    if (!fixed && yMin >= 0)
        yMin = 0;
    if (yMax <= yMin)
        yMax = yMin + (yMin == 0 ? 1 : std::abs(yMin) * 0.1);
    if (!fixed)
        yMax += (yMax - yMin) * 0.05;
    if (m_yAxis->min() != yMin || m_yAxis->max() != yMax) {
        m_yAxis->setRange(yMin, yMax);
        if (!fixed)
            m_yAxis->applyNiceNumbers();
        // Qt Charts sizes the label column from the range's ends: with "%g", "10" fits and "7.5"
        // is cut to "7.". One number of decimals for every label keeps them all as wide as the ends.
        const double step = (m_yAxis->max() - m_yAxis->min()) / std::max(1, m_yAxis->tickCount() - 1);
        int decimals = 0;
        while (decimals < 6 && std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
            ++decimals;
        m_yAxis->setLabelFormat(QString(QStringLiteral("%.") + QString::number(decimals) + QLatin1Char('f')));
    }
}

QString TimeSeriesChart::formatX(double x) const
{
    if (m_xKind == XAxis::Time)
        return QDateTime::fromMSecsSinceEpoch(qint64(x)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return QString::number(x, 'g', 10);
}

QString TimeSeriesChart::formatY(double y) const
{
    return m_formatter ? m_formatter(y) : QString::number(y, 'g', 4);
}

QString TimeSeriesChart::tooltipText(const QString &id, double x) const
{
    const Line *l = line(id);
    if (!l || l->size() == 0)
        return {};
    const QPointF *it = std::lower_bound(l->begin(), l->end(), x, [](const QPointF &p, double v) { return p.x() < v; });
    if (it == l->end() || (it != l->begin() && std::abs((it - 1)->x() - x) < std::abs(it->x() - x)))
        --it;
    return QString(l->label + QLatin1Char('\n') + formatY(it->y()) + QLatin1Char('\n') + formatX(it->x()));
}

void TimeSeriesChart::showTooltip(const QString &id, const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), tooltipText(id, point.x()), m_view);
}

QImage TimeSeriesChart::image() const
{
    return const_cast<TimeSeriesChart *>(this)->grab().toImage();
}

Status TimeSeriesChart::savePng(const QString &path) const
{
    const QImage img = image();
    if (img.isNull() || !img.save(path, "PNG"))
        return ModelDesk::fail(ModelDesk::Error::io(tr("could not write the image %1").arg(path)));
    return {};
}

void TimeSeriesChart::writeCsv(QTextStream &out, bool withHeader) const
{
    if (withHeader)
        out << (m_xKind == XAxis::Time ? "chart,series,time,value\n" : "chart,series,x,value\n");
    const QString chartName = csvField(title());
    for (const QString &id : m_order) {
        const Line &l = m_lines[id];
        const QString prefix = chartName + QLatin1Char(',') + csvField(l.label) + QLatin1Char(',');
        for (const QPointF *p = l.begin(); p != l.end(); ++p) {
            out << prefix;
            if (m_xKind == XAxis::Time)
                out << QDateTime::fromMSecsSinceEpoch(qint64(p->x()), Qt::UTC).toString(Qt::ISODateWithMs);
            else
                out << QString::number(p->x(), 'g', 12);
            out << ',' << QString::number(p->y(), 'g', 10) << '\n';
        }
    }
}

Status TimeSeriesChart::saveCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return ModelDesk::fail(ModelDesk::Error::io(tr("could not write %1: %2").arg(path, file.errorString())));
    QTextStream out(&file);
    writeCsv(out);
    out.flush();
    if (!file.commit())
        return ModelDesk::fail(ModelDesk::Error::io(tr("could not write %1: %2").arg(path, file.errorString())));
    return {};
}
