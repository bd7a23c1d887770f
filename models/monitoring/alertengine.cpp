#include "alertengine.h"

#include "monitoringformat.h"
#include "seriescatalog.h"

#include "core/logging.h"

#include <QMutexLocker>
#include <cmath>
#include <limits>

namespace ModelDesk::Monitoring {

AlertEngine::AlertEngine(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ModelDesk::Monitoring::AlertEvent>();
    qRegisterMetaType<ModelDesk::Monitoring::AlertRule>();
}

void AlertEngine::setAuditSink(AlertAuditSink sink)
{
    m_audit = std::move(sink);
}

QList<AlertRule> AlertEngine::rules() const
{
    QMutexLocker lock(&m_mutex);
    return m_rules;
}

QList<AlertEvent> AlertEngine::active() const
{
    QMutexLocker lock(&m_mutex);
    QList<AlertEvent> out;
    for (const State &s : m_states) {
        if (s.firing)
            out << s.firedEvent;
    }
    std::sort(out.begin(), out.end(), [](const AlertEvent &a, const AlertEvent &b) {
        return std::tie(a.rule, a.series) < std::tie(b.rule, b.series);
    });
    return out;
}

void AlertEngine::setRules(const QList<AlertRule> &rules, int64_t nowSeconds)
{
    QList<std::pair<AlertRule, SeriesKey>> toClear;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_states.begin(); it != m_states.end();) {
            const AlertRule *old = nullptr;
            for (const AlertRule &r : m_rules) {
                if (r.name == it.key().first)
                    old = &r;
            }
            const auto now = std::find_if(rules.cbegin(), rules.cend(),
                                          [&](const AlertRule &r) { return r.name == it.key().first; });
            const bool kept = old && now != rules.cend() && *now == *old && now->enabled;
            if (kept) {
                ++it;
                continue;
            }
            if (it->firing && old)
                toClear.push_back({*old, it.key().second});
            it = m_states.erase(it);
        }
        m_rules = rules;
    }
    for (const auto &[rule, series] : toClear)
        emitEvent(rule, series, false, std::numeric_limits<double>::quiet_NaN(), nowSeconds,
                  QStringLiteral("rule changed"));
}

void AlertEngine::evaluate(int64_t now, const QHash<SeriesKey, HistoryPoint> &latest)
{
    struct Pending
    {
        AlertRule rule;
        SeriesKey series;
        bool firing;
        double value;
        QString why;
    };
    QList<Pending> events;
    {
        QMutexLocker lock(&m_mutex);
        for (const AlertRule &rule : std::as_const(m_rules)) {
            if (!rule.enabled)
                continue;
            for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
                if (!rule.matches(it.key()))
                    continue;
                const bool fresh = now - it->t <= m_staleSeconds;
                const bool holds = fresh && rule.holds(it->value);
                State &state = m_states[StateKey(rule.name, it.key())];
                if (holds) {
                    if (state.pendingSince < 0)
                        state.pendingSince = it->t;
                    if (!state.firing && now - state.pendingSince >= rule.forSeconds) {
                        state.firing = true;
                        events << Pending{rule, it.key(), true, it->value, {}};
                    }
                } else {
                    state.pendingSince = -1;
                    if (state.firing) {
                        state.firing = false;
                        events << Pending{rule, it.key(), false,
                                          fresh ? it->value : std::numeric_limits<double>::quiet_NaN(),
                                          fresh ? QString() : QStringLiteral("no data")};
                    }
                }
            }
        }
        // A series that disappeared entirely (its deployment was retired) clears too.
        for (auto it = m_states.begin(); it != m_states.end();) {
            if (latest.contains(it.key().second)) {
                ++it;
                continue;
            }
            if (it->firing) {
                for (const AlertRule &rule : std::as_const(m_rules)) {
                    if (rule.name == it.key().first)
                        events << Pending{rule, it.key().second, false,
                                          std::numeric_limits<double>::quiet_NaN(),
                                          QStringLiteral("series gone")};
                }
            }
            it = m_states.erase(it);
        }
    }
    for (const Pending &p : events)
        emitEvent(p.rule, p.series, p.firing, p.value, now, p.why);
}

void AlertEngine::emitEvent(const AlertRule &rule, const SeriesKey &series, bool firing, double value,
                            int64_t now, const QString &why)
{
    const auto info = seriesInfo(rule.series);
    const SeriesUnit unit = info ? info->unit : SeriesUnit::Count;
    AlertEvent e;
    e.rule = rule.name;
    e.series = series;
    e.firing = firing;
    e.value = value;
    e.threshold = rule.threshold;
    e.time = now;
    const QString condition =
        (rule.comparison == AlertRule::Comparison::Above ? QStringLiteral("> ") : QStringLiteral("< ")) +
        formatValue(rule.threshold, unit);
    if (firing) {
        e.message = QStringLiteral("alert %1 fired: %2 is %3 (%4%5)")
                        .arg(rule.name, series.toString(), formatValue(value, unit), condition,
                             rule.forSeconds > 0 ? QStringLiteral(" for ") + formatDuration(rule.forSeconds)
                                                 : QString());
    } else {
        e.message = QStringLiteral("alert %1 cleared: %2 %3")
                        .arg(rule.name, series.toString(),
                             why.isEmpty() ? QStringLiteral("is ") + formatValue(value, unit)
                                           : QStringLiteral("(%1)").arg(why));
    }
    {
        QMutexLocker lock(&m_mutex);
        if (firing)
            m_states[StateKey(rule.name, series)].firedEvent = e;
    }
    if (firing)
        qCWarning(lcMonitoring).noquote() << e.message;
    else
        qCInfo(lcMonitoring).noquote() << e.message;
    if (m_audit)
        m_audit(firing ? QStringLiteral("alert.fired") : QStringLiteral("alert.cleared"), rule.name,
                e.message);
    if (firing)
        Q_EMIT fired(e);
    else
        Q_EMIT cleared(e);
}

} // namespace ModelDesk::Monitoring
