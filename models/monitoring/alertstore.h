#pragma once
// AlertStore: alert rules and the fire/clear log in metrics.sqlite. Rules live there (not in
// config.json) because the CLI, the console and the server all edit and read them while another
// process may be running: SQLite gives atomic edits across processes and PRAGMA data_version lets
// the running MonitoringService notice an edit within a second.
//
// Threads: the thread of its MetricsDatabase. Errors: AlreadyExists, NotFound, InvalidArgument
// (AlertRule::validate), Io.

#include "alertrule.h"
#include "metricsdatabase.h"

#include <QList>

namespace ModelDesk::Monitoring {

class AlertStore final
{
public:
    explicit AlertStore(MetricsDatabase &db);

    Result<QList<AlertRule>> rules() const;             // by name
    Status addRule(AlertRule rule, int64_t nowSeconds); // sets created
    Status removeRule(const QString &name);
    Status setEnabled(const QString &name, bool enabled);

    Status appendEvent(const AlertEvent &event);
    // Newest first; rule empty = all rules.
    Result<QList<AlertEvent>> events(int limit, const QString &rule = {}) const;
    // Events of series whose last event is "fired" (what was firing when the writer stopped).
    Result<QList<AlertEvent>> openEvents() const;

private:
    MetricsDatabase &m_db;
};

} // namespace ModelDesk::Monitoring
