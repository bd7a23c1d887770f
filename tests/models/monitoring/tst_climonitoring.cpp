// The real modeldesk-cli on a workspace whose metrics.sqlite holds recorded history:
// `metrics` (table, --json, --csv, filters) and `alerts list|add|remove|events`.

#include "monitoring/historystore.h"
#include "monitoring/metricsdatabase.h"
#include "monitoring/metricshistory.h"

#include "../../cli/clitestutil.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace ModelDesk;
using namespace ModelDesk::Monitoring;

class tst_CliMonitoring : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ws;
    int64_t m_minute = 0; // first recorded minute

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(cliPath()), "MODELDESK_CLI does not point at modeldesk-cli");
        m_ws = m_dir.filePath(QStringLiteral("ws"));
        QVERIFY(QDir().mkpath(m_ws));
        // Ten minutes of history ending two minutes ago, recorded by a fake-clock history: iris:3
        // answers 50 requests a second at 200 us, and in one second 50 at 20 ms; one in 100 fails.
        const int64_t now = QDateTime::currentSecsSinceEpoch();
        m_minute = (now - now % 60) - 12 * 60;
        int64_t nowMs = 0;
        auto db = MetricsDatabase::open(m_ws + QStringLiteral("/metrics.sqlite"));
        QVERIFY(db.has_value());
        HistoryStore store(**db);
        MetricsHistory history([&nowMs] { return nowMs; }, &store);
        DeploymentMetrics iris(QStringLiteral("iris"), 3);
        for (int64_t s = m_minute; s <= m_minute + 600; ++s) {
            nowMs = s * 1000 + 3;
            const bool slow = s == m_minute + 30;
            for (int i = 0; i < 50; ++i)
                iris.recordRequest((s * 50 + i) % 100 == 0 ? Outcome::ServerError : Outcome::Success, 20, 100,
                                   slow ? 20'000 : 200, 2);
            MetricsInput in;
            in.deployments << iris.snapshot();
            ResourceSample r;
            r.residentBytes = 300 * 1024 * 1024;
            r.processCpuPercent = 25;
            r.machineCpuPercent = 40;
            r.memoryUsedBytes = int64_t(4) << 30;
            r.memoryAvailableBytes = int64_t(12) << 30;
            in.resources = r;
            history.ingest(in);
        }
        QCOMPARE(history.lastError(), QString());
    }

    void metricsJson()
    {
        const CliRun r = runCli(m_ws, {QStringLiteral("metrics"), QStringLiteral("--window"),
                                       QStringLiteral("1h"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(QStringLiteral("resolution_seconds")).toInt(), 60);
        const QJsonArray deps = o.value(QStringLiteral("deployments")).toArray();
        QCOMPARE(deps.size(), 1);
        const QJsonObject iris = deps.first().toObject();
        QCOMPARE(iris.value(QStringLiteral("deployment")).toString(), QStringLiteral("iris"));
        QCOMPARE(iris.value(QStringLiteral("version")).toInt(), 3);
        QCOMPARE(iris.value(QStringLiteral("requests")).toInt(), 600 * 50); // ten whole minutes
        QCOMPARE(
            iris.value(QStringLiteral("outcomes")).toObject().value(QStringLiteral("server_error")).toInt(),
            300);
        QVERIFY(std::abs(iris.value(QStringLiteral("error_rate_percent")).toDouble() - 1.0) < 1e-9);
        QVERIFY(std::abs(iris.value(QStringLiteral("requests_per_second")).toDouble() - 50.0) < 1e-6);
        // 29950 requests at 200 us, 50 at 20 ms: p99 stays in the (150, 200] us bucket.
        const double p99 = iris.value(QStringLiteral("latency_p99_seconds")).toDouble();
        QVERIFY2(p99 > 150e-6 && p99 <= 200e-6, qPrintable(QString::number(p99)));
        const QJsonArray gauges = o.value(QStringLiteral("gauges")).toArray();
        bool sawRss = false;
        for (const QJsonValue &g : gauges) {
            if (g.toObject().value(QStringLiteral("series")).toString() ==
                QLatin1String("process_rss_bytes")) {
                sawRss = true;
                QCOMPARE(g.toObject().value(QStringLiteral("max")).toDouble(), 300.0 * 1024 * 1024);
            }
        }
        QVERIFY(sawRss);
    }

    void metricsSeriesPointsAndFilters()
    {
        CliRun r = runCli(m_ws, {QStringLiteral("metrics"), QStringLiteral("--deployment"),
                                 QStringLiteral("iris"), QStringLiteral("--series"),
                                 QStringLiteral("latency_p99"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray series = r.json().object().value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), 1);
        const QJsonArray points = series.first().toObject().value(QStringLiteral("points")).toArray();
        QCOMPARE(points.size(), 10);
        // The first minute holds the slow second: its max is that second's p99 (20 ms bucket).
        QVERIFY(points.first().toObject().value(QStringLiteral("max")).toDouble() > 0.015);

        r = runCli(m_ws, {QStringLiteral("metrics"), QStringLiteral("--deployment"), QStringLiteral("other"),
                          QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json().object().value(QStringLiteral("deployments")).toArray().isEmpty());

        r = runCli(m_ws, {QStringLiteral("metrics"), QStringLiteral("--window"), QStringLiteral("5x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("not a duration")));
        r = runCli(m_ws, {QStringLiteral("metrics"), QStringLiteral("--series"), QStringLiteral("nope"),
                          QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        r = runCli(m_ws, {QStringLiteral("metrics"), QStringLiteral("--json"), QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 2);
    }

    void metricsCsv()
    {
        const CliRun r = runCli(m_ws, {QStringLiteral("metrics"), QStringLiteral("--csv"),
                                       QStringLiteral("--series"), QStringLiteral("requests_per_second"),
                                       QStringLiteral("--window"), QStringLiteral("24h")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 QStringLiteral("time,series,deployment,version,run,value,min,max,mean,samples"));
        QCOMPARE(lines.size(), 11);
        const QStringList f = lines.at(1).split(QLatin1Char(','));
        QCOMPARE(f.at(0), QDateTime::fromSecsSinceEpoch(m_minute, Qt::UTC).toString(Qt::ISODate));
        QCOMPARE(f.at(1), QStringLiteral("requests_per_second"));
        QCOMPARE(f.at(2), QStringLiteral("iris"));
        QVERIFY(std::abs(f.at(5).toDouble() - 50.0) < 1e-6);
    }

    void metricsTable()
    {
        const CliRun r = runCli(m_ws, {QStringLiteral("metrics")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("P99")) && r.out.contains(QLatin1String("iris")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("300.0MiB")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("1%")), qPrintable(r.out));
    }

    void emptyWorkspace()
    {
        const QString ws = m_dir.filePath(QStringLiteral("empty"));
        CliRun r = runCli(ws, {QStringLiteral("metrics")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("no metrics recorded yet")));
        r = runCli(ws, {QStringLiteral("alerts"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QFile::exists(ws + QStringLiteral("/metrics.sqlite"))); // reading creates nothing
        r = runCli(ws, {QStringLiteral("metrics"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().object().value(QStringLiteral("recorded")).toBool(true), false);
    }

    void alertsLifecycle()
    {
        const QStringList add{
            QStringLiteral("alerts"),       QStringLiteral("add"),      QStringLiteral("--name"),
            QStringLiteral("p99-high"),     QStringLiteral("--series"), QStringLiteral("latency_p99"),
            QStringLiteral("--deployment"), QStringLiteral("iris"),     QStringLiteral("--above"),
            QStringLiteral("5ms"),          QStringLiteral("--for"),    QStringLiteral("30s")};
        CliRun r = runCli(m_ws, add);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("latency_p99{deployment=iris} > 5ms for 30s")));
        r = runCli(m_ws, add);
        QCOMPARE(r.exitCode, 4); // exists

        r = runCli(m_ws,
                   {QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("--name"),
                    QStringLiteral("mem"), QStringLiteral("--series"), QStringLiteral("process_rss_bytes"),
                    QStringLiteral("--above"), QStringLiteral("5ms")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("not a valid threshold")));
        r = runCli(m_ws, {QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("--name"),
                          QStringLiteral("mem"), QStringLiteral("--series"),
                          QStringLiteral("process_rss_bytes"), QStringLiteral("--above"),
                          QStringLiteral("2GiB"), QStringLiteral("--below"), QStringLiteral("1GiB")});
        QCOMPARE(r.exitCode, 2);
        r = runCli(m_ws,
                   {QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("--name"),
                    QStringLiteral("mem"), QStringLiteral("--series"), QStringLiteral("process_rss_bytes"),
                    QStringLiteral("--above"), QStringLiteral("2GiB")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        r = runCli(m_ws, {QStringLiteral("alerts"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rules = r.json().array();
        QCOMPARE(rules.size(), 2);
        const QJsonObject mem = rules.at(0).toObject();
        QCOMPARE(mem.value(QStringLiteral("name")).toString(), QStringLiteral("mem"));
        QCOMPARE(mem.value(QStringLiteral("threshold")).toDouble(), 2.0 * 1024 * 1024 * 1024);
        const QJsonObject p99 = rules.at(1).toObject();
        QCOMPARE(p99.value(QStringLiteral("threshold")).toDouble(), 0.005);
        QCOMPARE(p99.value(QStringLiteral("for_seconds")).toInt(), 30);
        QCOMPARE(p99.value(QStringLiteral("deployment")).toString(), QStringLiteral("iris"));
        QVERIFY(p99.value(QStringLiteral("firing")).toArray().isEmpty());

        r = runCli(m_ws, {QStringLiteral("alerts"), QStringLiteral("disable"), QStringLiteral("mem")});
        QCOMPARE(r.exitCode, 0);
        r = runCli(m_ws, {QStringLiteral("alerts"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("p99-high")) && r.out.contains(QLatin1String("no")),
                 qPrintable(r.out));

        r = runCli(m_ws, {QStringLiteral("alerts"), QStringLiteral("remove"), QStringLiteral("p99-high")});
        QCOMPARE(r.exitCode, 0);
        r = runCli(m_ws, {QStringLiteral("alerts"), QStringLiteral("remove"), QStringLiteral("p99-high")});
        QCOMPARE(r.exitCode, 3);
        r = runCli(m_ws, {QStringLiteral("alerts"), QStringLiteral("events"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json().isArray());

        // The edits are in the audit trail.
        r = runCli(m_ws, {QStringLiteral("audit"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QStringList actions;
        for (const QJsonValue &e : r.json().array())
            actions << e.toObject().value(QStringLiteral("action")).toString();
        QVERIFY2(actions.contains(QStringLiteral("alert.add")) &&
                     actions.contains(QStringLiteral("alert.remove")),
                 qPrintable(actions.join(QLatin1Char(','))));
    }
};

QTEST_GUILESS_MAIN(tst_CliMonitoring)
#include "tst_climonitoring.moc"
