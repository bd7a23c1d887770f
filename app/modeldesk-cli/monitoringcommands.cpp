// metrics and alerts: the monitoring face of modeldesk-cli. Both read the workspace's
// metrics.sqlite (written by whichever process serves: `modeldesk-cli serve` or the console), so
// they work while that process runs and after it stopped.

#include "clicontext.h"

#include "monitoring/alertstore.h"
#include "monitoring/historystore.h"
#include "monitoring/metricsdatabase.h"
#include "monitoring/metricssummary.h"
#include "monitoring/monitoringformat.h"
#include "monitoring/seriescatalog.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <cmath>

namespace ModelDesk::Cli {

namespace {

using namespace ModelDesk::Monitoring;

QString localTime(int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString isoTime(int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString value(const std::optional<double> &v, SeriesUnit unit)
{
    return v ? formatValue(*v, unit) : QStringLiteral("-");
}

// metrics.sqlite of the workspace; nullptr (and no error) when nothing was ever recorded and
// `create` is false, so read-only commands do not leave an empty database behind.
Result<std::unique_ptr<MetricsDatabase>> openMetrics(CliContext &ctx, bool create)
{
    auto ws = ctx.workspace();
    if (!ws)
        return fail(ws.error());
    const QString path = metricsDatabasePath(ws->root());
    if (!create && !QFileInfo::exists(path))
        return std::unique_ptr<MetricsDatabase>();
    return MetricsDatabase::open(path);
}

void writeSeriesTable(CliContext &ctx, const WindowSummary &summary)
{
    QList<QStringList> rows;
    for (const GaugeSummary &g : summary.gauges) {
        const auto info = seriesInfo(g.key.name);
        const SeriesUnit unit = info ? info->unit : SeriesUnit::Count;
        rows << QStringList{g.key.toString(), formatValue(g.aggregate.min, unit),
                            formatValue(g.aggregate.mean, unit), formatValue(g.aggregate.max, unit)};
    }
    if (!rows.isEmpty())
        ctx.printTable(
            {QStringLiteral("SERIES"), QStringLiteral("MIN"), QStringLiteral("MEAN"), QStringLiteral("MAX")},
            rows);
}

int metrics(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Show the recorded metrics of the workspace over a time "
                                               "window: per deployment version requests, rate, error "
                                               "rate, latency percentiles (recomputed from histogram "
                                               "buckets), queue and compute p99 and mean batch size; "
                                               "process and machine CPU and memory. --json adds the points "
                                               "of the --series given; --csv prints points."));
    p.addOption({QStringLiteral("deployment"), QStringLiteral("Only this deployment."), QStringLiteral("D")});
    p.addOption({QStringLiteral("version"), QStringLiteral("Only this version (with --deployment)."),
                 QStringLiteral("V")});
    p.addOption({QStringLiteral("window"),
                 QStringLiteral("How far back: 5m, 1h (default), 24h, 7d, 90d, ..."), QStringLiteral("W"),
                 QStringLiteral("1h")});
    p.addOption({QStringLiteral("resolution"),
                 QStringLiteral("Points of 1m or 1h (default: 1m for windows up to 7d, else 1h)."),
                 QStringLiteral("R")});
    p.addOption({QStringLiteral("series"),
                 QStringLiteral("A series for --json/--csv points (repeatable; default for --csv: all). "
                                "See docs/monitoring.md."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("Print the points as CSV.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("metrics"), args, &code))
        return code;
    if (!p.positionalArguments().isEmpty())
        return ctx.usageError(QStringLiteral("metrics takes no arguments (see --help)"));
    const bool json = p.isSet(QStringLiteral("json"));
    const bool csv = p.isSet(QStringLiteral("csv"));
    if (json && csv)
        return ctx.usageError(QStringLiteral("--json and --csv exclude each other"));
    const auto window = parseDuration(p.value(QStringLiteral("window")));
    if (!window)
        return ctx.fail(window.error());
    if (*window <= 0)
        return ctx.usageError(QStringLiteral("--window must be longer than 0s"));
    Resolution resolution = resolutionForWindow(*window);
    if (p.isSet(QStringLiteral("resolution"))) {
        const QString r = p.value(QStringLiteral("resolution"));
        if (r == QLatin1String("1m"))
            resolution = Resolution::Minute;
        else if (r == QLatin1String("1h"))
            resolution = Resolution::Hour;
        else
            return ctx.usageError(QStringLiteral("--resolution is 1m or 1h, not '%1'").arg(r));
    }
    const QString deployment = p.value(QStringLiteral("deployment"));
    int version = 0;
    if (p.isSet(QStringLiteral("version"))) {
        bool ok = false;
        version = p.value(QStringLiteral("version")).toInt(&ok);
        if (!ok || version <= 0)
            return ctx.usageError(QStringLiteral("--version must be a positive number"));
        if (deployment.isEmpty())
            return ctx.usageError(QStringLiteral("--version needs --deployment"));
    }
    const QStringList seriesNames = p.values(QStringLiteral("series"));
    for (const QString &name : seriesNames) {
        if (!seriesInfo(name))
            return ctx.fail(
                Error::invalid(QStringLiteral("unknown series '%1' (see docs/monitoring.md)").arg(name)));
    }

    const int64_t now = QDateTime::currentSecsSinceEpoch();
    const int64_t from = now - *window;
    const int64_t to = now + 1;
    auto db = openMetrics(ctx, false);
    if (!db)
        return ctx.fail(db.error());
    std::optional<HistoryStore> store;
    WindowSummary summary;
    summary.from = from;
    summary.to = to;
    summary.resolution = resolution;
    if (*db) {
        store.emplace(**db);
        auto s = summarizeWindow(*store, from, to, resolution, deployment);
        if (!s)
            return ctx.fail(s.error());
        summary = std::move(*s);
    }
    if (version > 0) {
        summary.deployments.removeIf([version](const DeploymentSummary &d) { return d.version != version; });
        summary.gauges.removeIf([version](const GaugeSummary &g) {
            return !g.key.deployment.isEmpty() && g.key.version != version;
        });
    }

    // Series whose points are printed (--csv: all of the filter by default; --json: only --series).
    QList<SeriesKey> pointKeys;
    if (store && (csv || !seriesNames.isEmpty())) {
        const auto keys = store->seriesKeys();
        if (!keys)
            return ctx.fail(keys.error());
        for (const SeriesKey &k : *keys) {
            if (!seriesNames.isEmpty() && !seriesNames.contains(k.name))
                continue;
            if (!k.deployment.isEmpty() && !deployment.isEmpty() && k.deployment != deployment)
                continue;
            if (version > 0 && !k.deployment.isEmpty() && k.version != version)
                continue;
            pointKeys << k;
        }
    }

    if (csv) {
        writeCsvHeader(ctx.out());
        for (const SeriesKey &k : std::as_const(pointKeys)) {
            const auto points = store->points(k, resolution, from, to);
            if (!points)
                return ctx.fail(points.error());
            writeCsvRows(ctx.out(), k, *points);
        }
        ctx.out().flush();
        return 0;
    }
    if (json) {
        QJsonObject o = summary.toJson();
        o.insert(QStringLiteral("window_seconds"), double(*window));
        o.insert(QStringLiteral("recorded"), bool(*db));
        if (!seriesNames.isEmpty()) {
            QJsonArray series;
            for (const SeriesKey &k : std::as_const(pointKeys)) {
                const auto points = store->points(k, resolution, from, to);
                if (!points)
                    return ctx.fail(points.error());
                QJsonArray ps;
                for (const HistoryPoint &pt : *points) {
                    ps.append(QJsonObject{{QStringLiteral("time"), isoTime(pt.t)},
                                          {QStringLiteral("value"), pt.value},
                                          {QStringLiteral("min"), pt.min},
                                          {QStringLiteral("max"), pt.max},
                                          {QStringLiteral("mean"), pt.mean},
                                          {QStringLiteral("samples"), pt.samples}});
                }
                series.append(QJsonObject{{QStringLiteral("series"), k.name},
                                          {QStringLiteral("deployment"), k.deployment},
                                          {QStringLiteral("version"), k.version},
                                          {QStringLiteral("run"), k.run},
                                          {QStringLiteral("unit"), unitName(seriesInfo(k.name)->unit)},
                                          {QStringLiteral("points"), ps}});
            }
            o.insert(QStringLiteral("series"), series);
        }
        ctx.printJson(o);
        return 0;
    }

    if (!*db) {
        ctx.out() << "no metrics recorded yet in this workspace; they are recorded while 'modeldesk-cli "
                     "serve' or the "
                     "console runs\n";
        ctx.out().flush();
        return 0;
    }
    ctx.out() << "last " << formatDuration(*window) << " (" << localTime(from) << " to " << localTime(now)
              << "), " << (resolution == Resolution::Minute ? "1 min" : "1 h") << " points; the current "
              << (resolution == Resolution::Minute ? "minute" : "hour") << " is not included yet\n\n";
    if (summary.deployments.isEmpty()) {
        ctx.out() << "no deployment traffic in this window\n\n";
    } else {
        QList<QStringList> rows;
        for (const DeploymentSummary &d : std::as_const(summary.deployments)) {
            rows << QStringList{d.deployment,
                                d.version > 0 ? QString::number(d.version) : QStringLiteral("-"),
                                QString::number(d.traffic.requestCount()),
                                formatValue(d.requestsPerSecond, SeriesUnit::PerSecond),
                                value(d.errorRatePercent, SeriesUnit::Percent),
                                value(d.latencyP50, SeriesUnit::Seconds),
                                value(d.latencyP95, SeriesUnit::Seconds),
                                value(d.latencyP99, SeriesUnit::Seconds),
                                value(d.queueP99, SeriesUnit::Seconds),
                                value(d.computeP99, SeriesUnit::Seconds),
                                value(d.batchSizeMean, SeriesUnit::Count)};
        }
        ctx.printTable({QStringLiteral("DEPLOYMENT"), QStringLiteral("VERSION"), QStringLiteral("REQUESTS"),
                        QStringLiteral("RATE"), QStringLiteral("ERRORS"), QStringLiteral("P50"),
                        QStringLiteral("P95"), QStringLiteral("P99"), QStringLiteral("QUEUE P99"),
                        QStringLiteral("COMPUTE P99"), QStringLiteral("BATCH")},
                       rows);
        ctx.out() << '\n';
    }
    writeSeriesTable(ctx, summary);
    ctx.out().flush();
    return 0;
}

// ---- alerts ------------------------------------------------------------------------------------

void auditAlertChange(CliContext &ctx, const QString &action, const QString &target, const QString &detail)
{
    // The rule is already stored; a failed audit write is reported, not undone.
    auto catalog = ctx.catalog();
    Status s;
    if (catalog)
        s = (*catalog)->registry().recordAudit(ctx.actor(), action, target, detail);
    else
        s = fail(catalog.error());
    if (!s)
        ctx.err() << "modeldesk-cli: warning: audit record not written: " << s.error().message << '\n';
}

int alertsList(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List alert rules and whether each is firing."));
    p.addOption({QStringLiteral("json"),
                 QStringLiteral("Print JSON: an array of rules, each with \"firing\" events.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("alerts list"), args, &code))
        return code;
    if (!p.positionalArguments().isEmpty())
        return ctx.usageError(QStringLiteral("alerts list takes no arguments"));
    auto db = openMetrics(ctx, false);
    if (!db)
        return ctx.fail(db.error());
    QList<AlertRule> rules;
    QList<AlertEvent> open;
    if (*db) {
        AlertStore store(**db);
        auto r = store.rules();
        if (!r)
            return ctx.fail(r.error());
        rules = *r;
        auto o = store.openEvents();
        if (!o)
            return ctx.fail(o.error());
        open = *o;
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const AlertRule &rule : std::as_const(rules)) {
            QJsonObject o = rule.toJson();
            QJsonArray firing;
            for (const AlertEvent &e : std::as_const(open)) {
                if (e.rule == rule.name)
                    firing.append(e.toJson());
            }
            o.insert(QStringLiteral("firing"), firing);
            out.append(o);
        }
        ctx.printJson(out);
        return 0;
    }
    if (rules.isEmpty()) {
        ctx.out() << "no alert rules; add one with: modeldesk-cli alerts add --name NAME --series SERIES "
                     "--above X\n";
        ctx.out().flush();
        return 0;
    }
    QList<QStringList> rows;
    for (const AlertRule &rule : std::as_const(rules)) {
        QStringList firing;
        for (const AlertEvent &e : std::as_const(open)) {
            if (e.rule != rule.name)
                continue;
            QString where;
            if (!e.series.deployment.isEmpty())
                where = e.series.deployment + QLatin1Char(':') + QString::number(e.series.version) +
                        QLatin1Char(' ');
            firing << where + QStringLiteral("since ") + localTime(e.time);
        }
        rows << QStringList{rule.name, rule.conditionText(),
                            rule.enabled ? QStringLiteral("yes") : QStringLiteral("no"),
                            firing.isEmpty() ? QStringLiteral("ok")
                                             : QStringLiteral("FIRING ") + firing.join(QStringLiteral(", "))};
    }
    ctx.printTable({QStringLiteral("NAME"), QStringLiteral("CONDITION"), QStringLiteral("ENABLED"),
                    QStringLiteral("STATE")},
                   rows);
    return 0;
}

int alertsAdd(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Add an alert rule. It fires when the series stays above (or "
                                               "below) the threshold for the --for duration and "
                                               "clears by itself when the condition ends. Thresholds take "
                                               "the series' unit: 5ms, 250us, 2.5%, 512MiB, 1GB, "
                                               "100/s. A running server picks the rule up within a second."));
    p.addOption({QStringLiteral("name"), QStringLiteral("Rule name (a-z, 0-9, '.', '_', '-')."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("series"),
                 QStringLiteral("Series, e.g. latency_p99, error_rate_percent, process_rss_bytes."),
                 QStringLiteral("SERIES")});
    p.addOption({QStringLiteral("deployment"), QStringLiteral("Only this deployment (default: each one)."),
                 QStringLiteral("D")});
    p.addOption({QStringLiteral("version"), QStringLiteral("Only this version."), QStringLiteral("V")});
    p.addOption(
        {QStringLiteral("above"), QStringLiteral("Fire when the value is above X."), QStringLiteral("X")});
    p.addOption(
        {QStringLiteral("below"), QStringLiteral("Fire when the value is below X."), QStringLiteral("X")});
    p.addOption({QStringLiteral("for"), QStringLiteral("How long the condition must hold (default 0s)."),
                 QStringLiteral("DURATION"), QStringLiteral("0s")});
    p.addOption({QStringLiteral("description"), QStringLiteral("Free text shown with the rule."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("disabled"), QStringLiteral("Store the rule disabled.")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the rule as JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("alerts add"), args, &code))
        return code;
    if (!p.positionalArguments().isEmpty())
        return ctx.usageError(QStringLiteral("alerts add takes options only (see --help)"));
    if (!p.isSet(QStringLiteral("name")) || !p.isSet(QStringLiteral("series")))
        return ctx.usageError(QStringLiteral("alerts add needs --name and --series"));
    if (p.isSet(QStringLiteral("above")) == p.isSet(QStringLiteral("below")))
        return ctx.usageError(QStringLiteral("alerts add needs exactly one of --above X or --below X"));
    AlertRule rule;
    rule.name = p.value(QStringLiteral("name"));
    rule.series = p.value(QStringLiteral("series"));
    rule.deployment = p.value(QStringLiteral("deployment"));
    const auto info = seriesInfo(rule.series);
    if (!info)
        return ctx.fail(
            Error::invalid(QStringLiteral("unknown series '%1' (see docs/monitoring.md)").arg(rule.series)));
    if (p.isSet(QStringLiteral("version"))) {
        bool ok = false;
        rule.version = p.value(QStringLiteral("version")).toInt(&ok);
        if (!ok || rule.version <= 0)
            return ctx.usageError(QStringLiteral("--version must be a positive number"));
    }
    rule.comparison =
        p.isSet(QStringLiteral("above")) ? AlertRule::Comparison::Above : AlertRule::Comparison::Below;
    const auto threshold = parseThreshold(
        p.value(p.isSet(QStringLiteral("above")) ? QStringLiteral("above") : QStringLiteral("below")),
        info->unit);
    if (!threshold)
        return ctx.fail(threshold.error());
    rule.threshold = *threshold;
    const auto forSeconds = parseDuration(p.value(QStringLiteral("for")));
    if (!forSeconds)
        return ctx.fail(forSeconds.error());
    rule.forSeconds = int(*forSeconds);
    rule.description = p.value(QStringLiteral("description"));
    rule.enabled = !p.isSet(QStringLiteral("disabled"));
    if (Status s = rule.validate(); !s)
        return ctx.fail(s.error());

    auto db = openMetrics(ctx, true);
    if (!db)
        return ctx.fail(db.error());
    AlertStore store(**db);
    if (Status s = store.addRule(rule, QDateTime::currentSecsSinceEpoch()); !s)
        return ctx.fail(s.error());
    auditAlertChange(ctx, QStringLiteral("alert.add"), rule.name, rule.conditionText());
    if (p.isSet(QStringLiteral("json"))) {
        const auto rules = store.rules();
        for (const AlertRule &r : rules ? *rules : QList<AlertRule>()) {
            if (r.name == rule.name)
                ctx.printJson(r.toJson());
        }
    } else {
        ctx.out() << "added alert " << rule.name << ": " << rule.conditionText()
                  << (rule.enabled ? "" : " (disabled)") << '\n';
        ctx.out().flush();
    }
    return 0;
}

int alertsNamed(CliContext &ctx, const QStringList &args, const QString &sub)
{
    QCommandLineParser p;
    const QString what =
        sub == QLatin1String("remove")   ? QStringLiteral("Remove an alert rule (a firing alert clears).")
        : sub == QLatin1String("enable") ? QStringLiteral("Enable an alert rule.")
                                         : QStringLiteral("Disable an alert rule (a firing alert clears).");
    p.setApplicationDescription(what);
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Rule name."));
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("alerts ") + sub, args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("alerts %1 needs exactly one NAME").arg(sub));
    const QString name = p.positionalArguments().first();
    auto db = openMetrics(ctx, false);
    if (!db)
        return ctx.fail(db.error());
    if (!*db)
        return ctx.fail(Error::notFound(QStringLiteral("no alert rule named '%1'").arg(name)));
    AlertStore store(**db);
    Status s = sub == QLatin1String("remove") ? store.removeRule(name)
                                              : store.setEnabled(name, sub == QLatin1String("enable"));
    if (!s)
        return ctx.fail(s.error());
    auditAlertChange(ctx, QStringLiteral("alert.") + sub, name, {});
    ctx.out() << (sub == QLatin1String("remove")   ? "removed"
                  : sub == QLatin1String("enable") ? "enabled"
                                                   : "disabled")
              << " alert " << name << '\n';
    ctx.out().flush();
    return 0;
}

int alertsEvents(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Show when alerts fired and cleared, newest first."));
    p.addOption({QStringLiteral("rule"), QStringLiteral("Only this rule."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("At most N events (default 50)."),
                 QStringLiteral("N"), QStringLiteral("50")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("alerts events"), args, &code))
        return code;
    bool ok = false;
    const int limit = p.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        return ctx.usageError(QStringLiteral("--limit must be a positive number"));
    auto db = openMetrics(ctx, false);
    if (!db)
        return ctx.fail(db.error());
    QList<AlertEvent> events;
    if (*db) {
        AlertStore store(**db);
        auto e = store.events(limit, p.value(QStringLiteral("rule")));
        if (!e)
            return ctx.fail(e.error());
        events = *e;
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const AlertEvent &e : std::as_const(events))
            out.append(e.toJson());
        ctx.printJson(out);
        return 0;
    }
    if (events.isEmpty()) {
        ctx.out() << "no alert events\n";
        ctx.out().flush();
        return 0;
    }
    QList<QStringList> rows;
    for (const AlertEvent &e : std::as_const(events))
        rows << QStringList{localTime(e.time), e.firing ? QStringLiteral("fired") : QStringLiteral("cleared"),
                            e.message};
    ctx.printTable({QStringLiteral("TIME"), QStringLiteral("EVENT"), QStringLiteral("MESSAGE")}, rows);
    return 0;
}

int alerts(CliContext &ctx, const QStringList &args)
{
    static const QList<QPair<QString, QString>> subcommands = {
        {QStringLiteral("list"), QStringLiteral("list rules and what is firing")},
        {QStringLiteral("add"), QStringLiteral("add a rule (--name --series --above|--below [--for])")},
        {QStringLiteral("remove"), QStringLiteral("remove a rule")},
        {QStringLiteral("enable"), QStringLiteral("enable a rule")},
        {QStringLiteral("disable"), QStringLiteral("disable a rule")},
        {QStringLiteral("events"), QStringLiteral("when alerts fired and cleared")},
    };
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        ctx.out() << "Usage: modeldesk-cli alerts <subcommand> [options]\n\nSubcommands:\n";
        for (const auto &[name, summary] : subcommands)
            ctx.out() << "  " << name.leftJustified(9) << summary << '\n';
        ctx.out().flush();
        return args.isEmpty() ? 2 : 0;
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list"))
        return alertsList(ctx, rest);
    if (sub == QLatin1String("add"))
        return alertsAdd(ctx, rest);
    if (sub == QLatin1String("remove") || sub == QLatin1String("enable") || sub == QLatin1String("disable"))
        return alertsNamed(ctx, rest, sub);
    if (sub == QLatin1String("events"))
        return alertsEvents(ctx, rest);
    return ctx.usageError(QStringLiteral("unknown alerts subcommand '%1'").arg(sub));
}

} // namespace

void addMonitoringCommands(CommandList &commands)
{
    commands << Command{QStringLiteral("metrics"),
                        QStringLiteral("show recorded latency, traffic, errors and resource use"), metrics}
             << Command{QStringLiteral("alerts"),
                        QStringLiteral("list, add, remove alert rules; show alert events"), alerts};
}

} // namespace ModelDesk::Cli
