#pragma once
// AlertRule: "series <above|below> threshold for N seconds", optionally limited to a deployment
// (and version); AlertEvent: one firing or clearing of a rule on one series.
// Plain values; thresholds are in the series' base unit (seconds, percent, bytes, count).

#include "monitoringtypes.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace ModelDesk::Monitoring {

struct AlertRule
{
    enum class Comparison
    {
        Above,
        Below
    };

    QString name;       // unique; a validated name (Names::checkName: a-z, 0-9, ".", "_", "-")
    QString series;     // a catalogue series name or training_<metric>
    QString deployment; // empty = every deployment that has the series (deployment series only)
    int version = 0;    // 0 = every version
    Comparison comparison = Comparison::Above;
    double threshold = 0;
    int forSeconds = 0; // the condition must hold this long before the alert fires
    bool enabled = true;
    QString description;
    int64_t created = 0; // seconds since the epoch

    // InvalidArgument naming the field: unknown series, bad name, deployment filter on a process
    // series, negative duration, non-finite threshold.
    Status validate() const;
    bool matches(const SeriesKey &key) const;
    bool holds(double value) const
    {
        return comparison == Comparison::Above ? value > threshold : value < threshold;
    }
    // "latency_p99{deployment=iris} > 5ms for 30s"
    QString conditionText() const;
    QJsonObject toJson() const;

    friend bool operator==(const AlertRule &, const AlertRule &) = default;
};

QString comparisonName(AlertRule::Comparison c); // "above", "below"

struct AlertEvent
{
    QString rule;
    SeriesKey series;
    bool firing = true; // false: cleared
    double value = 0;   // the value that fired it or ended it (NaN when the series went quiet)
    double threshold = 0;
    int64_t time = 0; // seconds since the epoch
    QString message;  // one line for logs, banners and the audit trail

    QJsonObject toJson() const;
};

} // namespace ModelDesk::Monitoring

Q_DECLARE_METATYPE(ModelDesk::Monitoring::AlertRule)
Q_DECLARE_METATYPE(ModelDesk::Monitoring::AlertEvent)
