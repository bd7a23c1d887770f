// TimeSeriesChart under offscreen: points fed in show up (in the QLineSeries and as drawn pixels),
// each line is capped, a live window shows only its span, long lines are reduced without losing a
// spike, pause freezes the view while data is still collected, a hidden chart catches up when shown,
// tooltips name the nearest point, and CSV / PNG exports hold what was fed.

#include "charts/timeserieschart.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QFile>
#include <QImage>
#include <QLegend>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QValueAxis>

namespace {

constexpr double kT0 = 1'700'000'000'000.0; // ms since the epoch

QLineSeries *seriesOf(TimeSeriesChart &chart, int index = 0)
{
    return qobject_cast<QLineSeries *>(chart.chart()->series().value(index));
}

// Pixels of the line's colour in the grabbed chart: a drawn line leaves many of them.
int linePixels(TimeSeriesChart &chart, const QColor &color)
{
    const QImage image = chart.image().convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QColor c(line[x]);
            if (std::abs(c.red() - color.red()) < 40 && std::abs(c.green() - color.green()) < 40
                && std::abs(c.blue() - color.blue()) < 40)
                ++n;
        }
    }
    return n;
}

} // namespace

class tst_TimeSeriesChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_chart = std::make_unique<TimeSeriesChart>(QStringLiteral("Latency"));
        m_chart->resize(700, 320);
        m_chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_chart.get()));
    }
    void cleanup() { m_chart.reset(); }

    void fedPointsAreShownAndDrawn()
    {
        TimeSeriesChart &c = *m_chart;
        c.addLine(QStringLiteral("a"), QStringLiteral("iris v1 p99"));
        const QColor color = seriesOf(c)->pen().color();
        const int before = linePixels(c, color);
        for (int i = 0; i < 60; ++i)
            c.append(QStringLiteral("a"), kT0 + i * 1000.0, 5 + (i % 7));
        c.flush();
        QCOMPARE(c.points(QStringLiteral("a")).size(), 60);
        QCOMPARE(c.shownPointCount(QStringLiteral("a")), 60);
        QCOMPARE(seriesOf(c)->at(59), QPointF(kT0 + 59000.0, 5 + (59 % 7)));
        // The axes follow the data once per flush.
        auto *x = qobject_cast<QDateTimeAxis *>(c.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QCOMPARE(x->max().toMSecsSinceEpoch(), qint64(kT0 + 59000.0));
        auto *y = qobject_cast<QValueAxis *>(c.chart()->axes(Qt::Vertical).value(0));
        QVERIFY(y->max() >= 11);
        QCOMPARE(y->min(), 0.0);
        // And the line is on screen.
        QTRY_VERIFY2(linePixels(c, color) > before + 100, qPrintable(QString::number(linePixels(c, color))));
    }

    void linesAreCapped()
    {
        TimeSeriesChart &c = *m_chart;
        c.setMaxPoints(100);
        c.addLine(QStringLiteral("a"), QStringLiteral("a"));
        for (int i = 0; i < 1000; ++i)
            c.append(QStringLiteral("a"), kT0 + i * 1000.0, i);
        c.flush();
        const QList<QPointF> points = c.points(QStringLiteral("a"));
        QCOMPARE(points.size(), 100);
        QCOMPARE(points.first().y(), 900.0);
        QCOMPARE(points.last().y(), 999.0);
        QVERIFY(c.shownPointCount(QStringLiteral("a")) <= 100);
        // setPoints caps too (keeps the newest) and sorts.
        QList<QPointF> history;
        for (int i = 300; i > 0; --i)
            history.append(QPointF(kT0 + i * 60000.0, i));
        c.setPoints(QStringLiteral("a"), history);
        QCOMPARE(c.points(QStringLiteral("a")).size(), 100);
        QCOMPARE(c.points(QStringLiteral("a")).first().y(), 201.0);
        QCOMPARE(c.points(QStringLiteral("a")).last().y(), 300.0);
    }

    void pointsGoingBackOrNotFiniteAreDropped()
    {
        TimeSeriesChart &c = *m_chart;
        c.addLine(QStringLiteral("a"), QStringLiteral("a"));
        c.append(QStringLiteral("a"), kT0 + 1000, 1);
        c.append(QStringLiteral("a"), kT0, 2);
        c.append(QStringLiteral("a"), kT0 + 2000, std::numeric_limits<double>::quiet_NaN());
        c.append(QStringLiteral("nope"), kT0 + 3000, 1);
        QCOMPARE(c.points(QStringLiteral("a")).size(), 1);
    }

    void liveWindowShowsOnlyItsSpan()
    {
        TimeSeriesChart &c = *m_chart;
        c.setXSpan(300 * 1000.0);
        c.addLine(QStringLiteral("a"), QStringLiteral("a"));
        for (int i = 0; i < 3600; ++i)
            c.append(QStringLiteral("a"), kT0 + i * 1000.0, i % 10);
        c.flush();
        QCOMPARE(c.points(QStringLiteral("a")).size(), 3600); // all kept (CSV, a wider window)
        const int shown = c.shownPointCount(QStringLiteral("a"));
        QVERIFY2(shown > 0 && shown <= 302, qPrintable(QString::number(shown)));
        auto *x = qobject_cast<QDateTimeAxis *>(c.chart()->axes(Qt::Horizontal).value(0));
        QCOMPARE(x->max().toMSecsSinceEpoch() - x->min().toMSecsSinceEpoch(), qint64(300 * 1000));
    }

    void longLinesAreReducedKeepingSpikes()
    {
        TimeSeriesChart &c = *m_chart;
        c.resize(400, 300);
        c.addLine(QStringLiteral("a"), QStringLiteral("a"));
        for (int i = 0; i < 3600; ++i)
            c.append(QStringLiteral("a"), kT0 + i * 1000.0, i == 1234 ? 500.0 : 1.0 + (i % 3));
        c.flush();
        const int shown = c.shownPointCount(QStringLiteral("a"));
        QVERIFY2(shown < 1000, qPrintable(QString::number(shown)));
        const QList<QPointF> drawn = seriesOf(c)->points();
        QVERIFY(std::any_of(drawn.cbegin(), drawn.cend(), [](const QPointF &p) { return p.y() == 500.0; }));
        QVERIFY(std::any_of(drawn.cbegin(), drawn.cend(), [](const QPointF &p) { return p.y() == 1.0; }));
        QVERIFY(std::is_sorted(drawn.cbegin(), drawn.cend(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    }

    void gapsInTheDataAreNotBridged()
    {
        TimeSeriesChart &c = *m_chart;
        c.addLine(QStringLiteral("a"), QStringLiteral("a"));
        for (int i : {0, 1, 2, 3, 20, 21, 22})
            c.append(QStringLiteral("a"), kT0 + i * 1000.0, 5);
        c.flush();
        QCOMPARE(c.shownPointCount(QStringLiteral("a")), 7); // joined by default
        c.setGapThreshold(5000);
        c.flush();
        const QList<QPointF> drawn = seriesOf(c)->points();
        QCOMPARE(drawn.size(), 8);
        QVERIFY(std::isnan(drawn[4].y())); // the break between 3 s and 20 s
        QCOMPARE(drawn[4].x(), kT0 + 11500.0);
        QCOMPARE(c.points(QStringLiteral("a")).size(), 7); // the data itself has no NaN
        auto *y = qobject_cast<QValueAxis *>(c.chart()->axes(Qt::Vertical).value(0));
        QVERIFY(std::isfinite(y->max()) && y->max() >= 5);
    }

    void pauseFreezesTheViewButKeepsCollecting()
    {
        TimeSeriesChart &c = *m_chart;
        c.addLine(QStringLiteral("a"), QStringLiteral("a"));
        for (int i = 0; i < 10; ++i)
            c.append(QStringLiteral("a"), kT0 + i * 1000.0, i);
        c.flush();
        QCOMPARE(c.shownPointCount(QStringLiteral("a")), 10);
        auto *x = qobject_cast<QDateTimeAxis *>(c.chart()->axes(Qt::Horizontal).value(0));
        const QDateTime frozenMax = x->max();

        QSignalSpy paused(&c, &TimeSeriesChart::pausedChanged);
        c.setPaused(true);
        QCOMPARE(paused.count(), 1);
        for (int i = 10; i < 20; ++i)
            c.append(QStringLiteral("a"), kT0 + i * 1000.0, i);
        c.flush();
        QCoreApplication::processEvents();
        QCOMPARE(c.shownPointCount(QStringLiteral("a")), 10);
        QCOMPARE(x->max(), frozenMax);
        QCOMPARE(c.points(QStringLiteral("a")).size(), 20);

        c.setPaused(false);
        QTRY_COMPARE(c.shownPointCount(QStringLiteral("a")), 20);
        QCOMPARE(x->max().toMSecsSinceEpoch(), qint64(kT0 + 19000));
    }

    void hiddenChartCatchesUpWhenShown()
    {
        TimeSeriesChart &c = *m_chart;
        c.addLine(QStringLiteral("a"), QStringLiteral("a"));
        c.hide();
        for (int i = 0; i < 30; ++i)
            c.append(QStringLiteral("a"), kT0 + i * 1000.0, i);
        c.flush();
        QCOMPARE(c.shownPointCount(QStringLiteral("a")), 0);
        c.show();
        QTRY_COMPARE(c.shownPointCount(QStringLiteral("a")), 30);
    }

    void tooltipNamesTheNearestPoint()
    {
        TimeSeriesChart &c = *m_chart;
        c.addLine(QStringLiteral("a"), QStringLiteral("iris v1 p99"));
        c.setValueFormatter([](double v) { return QString(QString::number(v) + QStringLiteral("ms")); });
        c.append(QStringLiteral("a"), kT0, 3);
        c.append(QStringLiteral("a"), kT0 + 1000, 7);
        const QString text = c.tooltipText(QStringLiteral("a"), kT0 + 900);
        const QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("iris v1 p99"));
        QCOMPARE(lines[1], QStringLiteral("7ms"));
        QCOMPARE(lines[2], QDateTime::fromMSecsSinceEpoch(qint64(kT0 + 1000)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QVERIFY(c.tooltipText(QStringLiteral("a"), kT0 - 5000).contains(QStringLiteral("3ms")));
    }

    void csvHasHeaderAndOneRowPerPoint()
    {
        TimeSeriesChart &c = *m_chart;
        c.addLine(QStringLiteral("a"), QStringLiteral("iris v1 p50"));
        c.addLine(QStringLiteral("b"), QStringLiteral("iris, v2"));
        for (int i = 0; i < 5; ++i) {
            c.append(QStringLiteral("a"), kT0 + i * 1000.0, i * 0.5);
            c.append(QStringLiteral("b"), kT0 + i * 1000.0, i);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.csv"));
        QVERIFY(c.saveCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 10);
        QCOMPARE(lines[0], QStringLiteral("chart,series,time,value"));
        QCOMPARE(lines[1], QStringLiteral("Latency,iris v1 p50,2023-11-14T22:13:20.000Z,0"));
        QCOMPARE(lines[10], QStringLiteral("Latency,\"iris, v2\",2023-11-14T22:13:24.000Z,4"));
        QVERIFY(!c.saveCsv(dir.filePath(QStringLiteral("missing/dir/x.csv"))));
    }

    void numberAxisForSteps()
    {
        TimeSeriesChart steps(QStringLiteral("Loss"), TimeSeriesChart::XAxis::Number);
        steps.resize(500, 300);
        steps.show();
        QVERIFY(QTest::qWaitForWindowExposed(&steps));
        steps.addLine(QStringLiteral("train"), QStringLiteral("train loss"));
        for (int step = 1; step <= 50; ++step)
            steps.append(QStringLiteral("train"), step, 2.0 / step);
        steps.flush();
        QCOMPARE(steps.shownPointCount(QStringLiteral("train")), 50);
        auto *x = qobject_cast<QValueAxis *>(steps.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QCOMPARE(x->min(), 1.0);
        QCOMPARE(x->max(), 50.0);
        QString csv;
        QTextStream out(&csv);
        steps.writeCsv(out);
        QVERIFY(csv.startsWith(QStringLiteral("chart,series,x,value\nLoss,train loss,1,2\n")));
    }

    void trainingOptions()
    {
        // What the Training page asks for: round x steps from 0, a fixed y range, a hidden line.
        TimeSeriesChart acc(QStringLiteral("Accuracy"), TimeSeriesChart::XAxis::Number);
        acc.resize(500, 300);
        acc.show();
        QVERIFY(QTest::qWaitForWindowExposed(&acc));
        acc.addLine(QStringLiteral("train"), QStringLiteral("train"));
        acc.addLine(QStringLiteral("val"), QStringLiteral("validation"));
        acc.setRoundXFromZero(true);
        acc.setYRange(0, 1);
        acc.setXAxisTitle(QStringLiteral("step"));
        acc.setPoints(QStringLiteral("train"), {{3, 0.5}, {2532, 0.9}});
        acc.setPoints(QStringLiteral("val"), {{3, 7.0}, {2532, 9.0}});
        acc.setLineVisible(QStringLiteral("val"), false);
        acc.flush();
        auto *x = qobject_cast<QValueAxis *>(acc.chart()->axes(Qt::Horizontal).value(0));
        auto *y = qobject_cast<QValueAxis *>(acc.chart()->axes(Qt::Vertical).value(0));
        QVERIFY(x && y);
        QCOMPARE(x->min(), 0.0);
        QCOMPARE(x->max(), 3000.0); // 0, 1000, 2000, 3000
        QCOMPARE(x->tickCount(), 4);
        QCOMPARE(x->titleText(), QStringLiteral("step"));
        QCOMPARE(y->min(), 0.0);
        QCOMPARE(y->max(), 1.0);
        QVERIFY(!acc.isLineVisible(QStringLiteral("val")));
        QVERIFY(!acc.series(QStringLiteral("val"))->isVisible());
        QVERIFY(!acc.chart()->legend()->isVisible()); // one line left to show
        QCOMPARE(acc.points(QStringLiteral("val")).size(), 2); // still collected

        // Back to automatic: the hidden line does not stretch the y axis, showing it again does.
        acc.setYRange(0, 0);
        acc.flush();
        QVERIFY(y->max() < 2);
        acc.setLineVisible(QStringLiteral("val"), true);
        acc.flush();
        QVERIFY(y->max() >= 9);
        QVERIFY(acc.chart()->legend()->isVisible());
        QVERIFY(acc.series(QStringLiteral("val"))->isVisible());
        QVERIFY(!acc.series(QStringLiteral("nope")));
    }

    void pngExportIsAnImage()
    {
        TimeSeriesChart &c = *m_chart;
        c.addLine(QStringLiteral("a"), QStringLiteral("a"));
        for (int i = 0; i < 20; ++i)
            c.append(QStringLiteral("a"), kT0 + i * 1000.0, i);
        c.flush();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(c.savePng(path));
        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), c.size() * c.devicePixelRatio());
    }

    void removedLinesLeaveTheChart()
    {
        TimeSeriesChart &c = *m_chart;
        c.addLine(QStringLiteral("a"), QStringLiteral("a"));
        c.addLine(QStringLiteral("b"), QStringLiteral("b"));
        QVERIFY(c.chart()->legend()->isVisible());
        c.addLine(QStringLiteral("a"), QStringLiteral("renamed"));
        QCOMPARE(c.lineLabel(QStringLiteral("a")), QStringLiteral("renamed"));
        QCOMPARE(c.lineIds(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        c.removeLine(QStringLiteral("a"));
        QCOMPARE(c.chart()->series().size(), 1);
        QVERIFY(!c.hasLine(QStringLiteral("a")));
        c.clearLines();
        QVERIFY(c.chart()->series().isEmpty());
    }

private:
    std::unique_ptr<TimeSeriesChart> m_chart;
};

QTEST_MAIN(tst_TimeSeriesChart)
#include "tst_timeserieschart.moc"
