#include "alertstore.h"

#include <QSqlQuery>
#include <QVariant>
#include <cmath>
#include <limits>

namespace ModelDesk::Monitoring {

namespace {

AlertEvent eventFrom(const QSqlQuery &q)
{
    AlertEvent e;
    e.rule = q.value(0).toString();
    e.series = SeriesKey{q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(), {}};
    e.firing = q.value(4).toString() == QLatin1String("fired");
    e.value = q.value(5).isNull() ? std::numeric_limits<double>::quiet_NaN() : q.value(5).toDouble();
    e.threshold = q.value(6).toDouble();
    e.time = q.value(7).toLongLong();
    e.message = q.value(8).toString();
    return e;
}

const char *const kEventColumns = "rule, series, deployment, version, event, value, threshold, at, message";

} // namespace

AlertStore::AlertStore(MetricsDatabase &db) : m_db(db) {}

Result<QList<AlertRule>> AlertStore::rules() const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT name, series, deployment, version, comparison, threshold, for_seconds,"
                       " enabled, description, created FROM alert_rules ORDER BY name"));
    if (!q)
        return fail(q.error());
    QList<AlertRule> out;
    while (q->next()) {
        AlertRule r;
        r.name = q->value(0).toString();
        r.series = q->value(1).toString();
        r.deployment = q->value(2).toString();
        r.version = q->value(3).toInt();
        r.comparison = q->value(4).toString() == QLatin1String("below") ? AlertRule::Comparison::Below
                                                                        : AlertRule::Comparison::Above;
        r.threshold = q->value(5).toDouble();
        r.forSeconds = q->value(6).toInt();
        r.enabled = q->value(7).toBool();
        r.description = q->value(8).toString();
        r.created = q->value(9).toLongLong();
        out << r;
    }
    return out;
}

Status AlertStore::addRule(AlertRule rule, int64_t nowSeconds)
{
    if (Status s = rule.validate(); !s)
        return s;
    rule.created = nowSeconds;
    return m_db.transaction([&]() -> Status {
        auto exists = m_db.exec(QStringLiteral("SELECT 1 FROM alert_rules WHERE name = ?"), {rule.name});
        if (!exists)
            return fail(exists.error());
        if (exists->next())
            return fail(Error::exists(QStringLiteral("alert rule '%1' already exists").arg(rule.name)));
        exists->finish();
        auto r = m_db.exec(
            QStringLiteral("INSERT INTO alert_rules(name, series, deployment, version, comparison, threshold,"
                           " for_seconds, enabled, description, created)"
                           " VALUES (?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, COALESCE(?, ''), ?)"),
            {rule.name, rule.series, rule.deployment, rule.version, comparisonName(rule.comparison),
             rule.threshold, rule.forSeconds, rule.enabled, rule.description, qint64(rule.created)});
        if (!r)
            return fail(r.error());
        return {};
    });
}

Status AlertStore::removeRule(const QString &name)
{
    auto r = m_db.exec(QStringLiteral("DELETE FROM alert_rules WHERE name = ?"), {name});
    if (!r)
        return fail(r.error());
    if (r->numRowsAffected() == 0)
        return fail(Error::notFound(QStringLiteral("no alert rule named '%1'").arg(name)));
    return {};
}

Status AlertStore::setEnabled(const QString &name, bool enabled)
{
    auto r = m_db.exec(QStringLiteral("UPDATE alert_rules SET enabled = ? WHERE name = ?"), {enabled, name});
    if (!r)
        return fail(r.error());
    if (r->numRowsAffected() == 0)
        return fail(Error::notFound(QStringLiteral("no alert rule named '%1'").arg(name)));
    return {};
}

Status AlertStore::appendEvent(const AlertEvent &e)
{
    auto r = m_db.exec(
        QStringLiteral(
            "INSERT INTO alert_events(%1) VALUES (?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, COALESCE(?, ''))")
            .arg(QLatin1String(kEventColumns)),
        {e.rule, e.series.name, e.series.deployment, e.series.version,
         e.firing ? QStringLiteral("fired") : QStringLiteral("cleared"),
         std::isfinite(e.value) ? QVariant(e.value) : QVariant(), e.threshold, qint64(e.time), e.message});
    if (!r)
        return fail(r.error());
    return {};
}

Result<QList<AlertEvent>> AlertStore::events(int limit, const QString &rule) const
{
    QString sql = QStringLiteral("SELECT %1 FROM alert_events").arg(QLatin1String(kEventColumns));
    QVariantList binds;
    if (!rule.isEmpty()) {
        sql += QStringLiteral(" WHERE rule = ?");
        binds << rule;
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << std::max(0, limit);
    auto q = m_db.exec(sql, binds);
    if (!q)
        return fail(q.error());
    QList<AlertEvent> out;
    while (q->next())
        out << eventFrom(*q);
    return out;
}

Result<QList<AlertEvent>> AlertStore::openEvents() const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT %1 FROM alert_events e WHERE e.id IN ("
                       " SELECT max(id) FROM alert_events GROUP BY rule, series, deployment, version)"
                       " AND e.event = 'fired' ORDER BY e.id")
            .arg(QLatin1String(kEventColumns)));
    if (!q)
        return fail(q.error());
    QList<AlertEvent> out;
    while (q->next())
        out << eventFrom(*q);
    return out;
}

} // namespace ModelDesk::Monitoring
