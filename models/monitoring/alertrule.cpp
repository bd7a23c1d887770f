#include "alertrule.h"

#include "monitoringformat.h"
#include "seriescatalog.h"

#include "core/names.h"

#include <QDateTime>
#include <cmath>

namespace ModelDesk::Monitoring {

QString comparisonName(AlertRule::Comparison c)
{
    return c == AlertRule::Comparison::Above ? QStringLiteral("above") : QStringLiteral("below");
}

Status AlertRule::validate() const
{
    if (Status s = Names::checkName(name, QStringLiteral("alert")); !s)
        return s;
    const auto info = seriesInfo(series);
    if (!info)
        return fail(Error::invalid(
            QStringLiteral("unknown series '%1' (see docs/monitoring.md for the list)").arg(series)));
    if (info->scope != SeriesScope::Deployment && (!deployment.isEmpty() || version != 0))
        return fail(Error::invalid(
            QStringLiteral("series '%1' is not per deployment: drop --deployment/--version").arg(series)));
    if (!deployment.isEmpty()) {
        if (Status s = Names::checkName(deployment, QStringLiteral("deployment")); !s)
            return s;
    }
    if (version < 0)
        return fail(Error::invalid(QStringLiteral("version must be positive")));
    if (!std::isfinite(threshold))
        return fail(Error::invalid(QStringLiteral("threshold must be a finite number")));
    if (forSeconds < 0 || forSeconds > 7 * 86400)
        return fail(Error::invalid(QStringLiteral("'for' must be between 0s and 7d")));
    if (description.size() > 500)
        return fail(Error::invalid(QStringLiteral("description is longer than 500 characters")));
    return {};
}

bool AlertRule::matches(const SeriesKey &key) const
{
    if (key.name != series)
        return false;
    if (!deployment.isEmpty() && key.deployment != deployment)
        return false;
    return version == 0 || key.version == version;
}

QString AlertRule::conditionText() const
{
    const auto info = seriesInfo(series);
    const SeriesUnit unit = info ? info->unit : SeriesUnit::Count;
    const SeriesKey key{series, deployment, version, {}};
    QString text = key.toString() +
                   (comparison == Comparison::Above ? QStringLiteral(" > ") : QStringLiteral(" < ")) +
                   formatValue(threshold, unit);
    if (forSeconds > 0)
        text += QStringLiteral(" for ") + formatDuration(forSeconds);
    return text;
}

QJsonObject AlertRule::toJson() const
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("series"), series},
        {QStringLiteral("deployment"), deployment},
        {QStringLiteral("version"), version},
        {QStringLiteral("comparison"), comparisonName(comparison)},
        {QStringLiteral("threshold"), threshold},
        {QStringLiteral("for_seconds"), forSeconds},
        {QStringLiteral("enabled"), enabled},
        {QStringLiteral("description"), description},
        {QStringLiteral("condition"), conditionText()},
        {QStringLiteral("created"), QDateTime::fromSecsSinceEpoch(created, Qt::UTC).toString(Qt::ISODate)}};
}

QJsonObject AlertEvent::toJson() const
{
    return QJsonObject{
        {QStringLiteral("rule"), rule},
        {QStringLiteral("series"), series.name},
        {QStringLiteral("deployment"), series.deployment},
        {QStringLiteral("version"), series.version},
        {QStringLiteral("event"), firing ? QStringLiteral("fired") : QStringLiteral("cleared")},
        {QStringLiteral("value"), std::isfinite(value) ? QJsonValue(value) : QJsonValue()},
        {QStringLiteral("threshold"), threshold},
        {QStringLiteral("time"), QDateTime::fromSecsSinceEpoch(time, Qt::UTC).toString(Qt::ISODate)},
        {QStringLiteral("message"), message}};
}

} // namespace ModelDesk::Monitoring
