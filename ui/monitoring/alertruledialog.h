#pragma once
// AlertRuleDialog: the form for a new alert rule — name, series (any catalogue series), an optional
// deployment and version for per-deployment series, above/below a threshold typed in the series'
// unit ("5ms", "2.5%", "512MiB"), for how long, and a description. OK stays disabled until the rule
// is valid; the reason is shown under the form in the same words the CLI uses.
//
// Threads: GUI thread.

#include "monitoring/alertrule.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

class AlertRuleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertRuleDialog)

public:
    // deployments: names offered in the deployment box (it stays editable).
    explicit AlertRuleDialog(const QStringList &deployments, QWidget *parent = nullptr);

    // The rule as entered, or the reason it is not valid yet.
    ModelDesk::Result<ModelDesk::Monitoring::AlertRule> rule() const;

    // For tests and presets.
    void setName(const QString &name);
    void setSeries(const QString &series);
    void setDeployment(const QString &deployment);
    void setComparison(ModelDesk::Monitoring::AlertRule::Comparison comparison);
    void setThreshold(const QString &text);
    void setFor(const QString &text);
    void setDescription(const QString &text);
    QString validationMessage() const;

private:
    void validate();
    void seriesChanged();

    QLineEdit *m_name = nullptr;
    QComboBox *m_series = nullptr;
    QComboBox *m_deployment = nullptr;
    QSpinBox *m_version = nullptr;
    QComboBox *m_comparison = nullptr;
    QLineEdit *m_threshold = nullptr;
    QLineEdit *m_for = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
