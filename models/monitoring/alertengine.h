#pragma once
// AlertEngine: evaluates alert rules against the newest 1 s value of every matching series, once a
// second. A rule's condition must hold on every evaluation for `forSeconds` before it fires (like
// Prometheus' `for`); it clears by itself on the first evaluation where the condition no longer
// holds or the series has gone quiet (no point for staleSeconds, e.g. a latency with no traffic).
// One rule without a deployment filter watches each deployment version separately.
//
// Signals fired()/cleared() carry the rule, series, value and time; the audit sink (optional) is
// called for both so the owner can write ModelRegistry::recordAudit records. No I/O of its own, so
// tests drive it with made-up values and times.
//
// Threads: lives on the thread that calls evaluate() (MonitoringService's worker); connect to its
// signals with queued connections from other threads. active()/rules() are thread-safe.

#include "alertrule.h"
#include "monitoringtypes.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <functional>

namespace ModelDesk::Monitoring {

// (action, target, detail): action "alert.fired" or "alert.cleared", target the rule name, detail
// the event message. Called on the evaluating thread.
using AlertAuditSink =
    std::function<void(const QString &action, const QString &target, const QString &detail)>;

class AlertEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertEngine)

public:
    explicit AlertEngine(QObject *parent = nullptr);

    // Replaces the rules. Alerts of rules that were removed, disabled or changed clear at once.
    void setRules(const QList<AlertRule> &rules, int64_t nowSeconds);
    QList<AlertRule> rules() const;
    // What is firing now.
    QList<AlertEvent> active() const;

    void setAuditSink(AlertAuditSink sink);
    void setStaleSeconds(int seconds) { m_staleSeconds = seconds; }

    // One evaluation at nowSeconds against the newest point of each series.
    void evaluate(int64_t nowSeconds, const QHash<SeriesKey, HistoryPoint> &latest);

Q_SIGNALS:
    void fired(const ModelDesk::Monitoring::AlertEvent &event);
    void cleared(const ModelDesk::Monitoring::AlertEvent &event);

private:
    struct State
    {
        int64_t pendingSince = -1;
        bool firing = false;
        AlertEvent firedEvent;
    };
    using StateKey = QPair<QString, SeriesKey>; // (rule, series)

    void emitEvent(const AlertRule &rule, const SeriesKey &series, bool firing, double value, int64_t now,
                   const QString &why = {});

    mutable QMutex m_mutex; // m_rules and m_states for the thread-safe getters
    QList<AlertRule> m_rules;
    QHash<StateKey, State> m_states;
    AlertAuditSink m_audit;
    int m_staleSeconds = 5;
};

} // namespace ModelDesk::Monitoring
