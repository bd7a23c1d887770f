#pragma once
// AlertRulesDialog: the alert rules of this workspace in a table (name, condition, description) with
// Add (AlertRuleDialog) and Remove (after a confirmation). Edits go to MonitoringService, which
// applies them on its worker and answers with alertRulesChanged() or alertRuleError(); the table
// follows the answers, so it also shows rules added meanwhile by the CLI.
//
// Threads: GUI thread. Ownership: the service must outlive the dialog.

#include "monitoring/alertrule.h"

#include <QDialog>

namespace ModelDesk::Monitoring {
class MonitoringService;
}
class QLabel;
class QPushButton;
class QTableWidget;

class AlertRulesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertRulesDialog)

public:
    // deployments: offered in the new-rule form.
    AlertRulesDialog(ModelDesk::Monitoring::MonitoringService &service, const QStringList &deployments,
                     QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    void showRules(const QList<ModelDesk::Monitoring::AlertRule> &rules);

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);

private:
    void addRule();
    void removeSelected();

    ModelDesk::Monitoring::MonitoringService &m_service;
    QStringList m_deployments;
    QTableWidget *m_table = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_remove = nullptr;
    QString m_pending; // the rule of the edit waiting for the service's answer
    bool m_pendingAdd = false;
};
