#include "alertrulesdialog.h"

#include "alertruledialog.h"

#include "monitoring/monitoringservice.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

using namespace ModelDesk::Monitoring;

AlertRulesDialog::AlertRulesDialog(MonitoringService &service, const QStringList &deployments, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_deployments(deployments)
    , m_table(new QTableWidget(this))
    , m_error(new QLabel(this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
{
    setWindowTitle(tr("Alert Rules"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Fires when"), tr("Description")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto *intro = new QLabel(tr("A rule fires when a series stays above or below its threshold for the given time, and "
                                "clears by itself when the condition ends. Firing alerts show on the Monitoring page, "
                                "in the banner and the log, and are recorded in the audit trail."),
                             this);
    intro->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_error->hide();

    auto *add = new QPushButton(tr("&Add…"), this);
    connect(add, &QPushButton::clicked, this, &AlertRulesDialog::addRule);
    connect(m_remove, &QPushButton::clicked, this, &AlertRulesDialog::removeSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
    m_remove->setEnabled(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(m_remove);
    row->addStretch(1);
    row->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addLayout(row);

    // The service answers edits asynchronously; report them once they took effect.
    connect(&m_service, &MonitoringService::alertRulesChanged, this, [this](const QList<AlertRule> &rules) {
        showRules(rules);
        const bool present = std::any_of(rules.cbegin(), rules.cend(), [this](const AlertRule &r) { return r.name == m_pending; });
        if (!m_pending.isEmpty() && present == m_pendingAdd) {
            Q_EMIT info(m_pendingAdd ? tr("Alert rule %1 added.").arg(m_pending) : tr("Alert rule %1 removed.").arg(m_pending));
            m_pending.clear();
        }
    });
    connect(&m_service, &MonitoringService::alertRuleError, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
        if (!m_pending.isEmpty())
            Q_EMIT error(tr("Alert rule %1 not changed: %2").arg(m_pending, message));
        m_pending.clear();
    });
    showRules(m_service.alertRules());
    resize(720, 380);
}

void AlertRulesDialog::showRules(const QList<AlertRule> &rules)
{
    m_table->setRowCount(0);
    for (const AlertRule &r : rules) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *name = new QTableWidgetItem(r.name);
        name->setData(Qt::UserRole, r.name);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(r.conditionText()));
        m_table->setItem(row, 2, new QTableWidgetItem(r.description));
    }
    m_table->resizeColumnsToContents();
    if (rules.isEmpty()) {
        m_table->setRowCount(1);
        auto *hint = new QTableWidgetItem(tr("No rules yet: click Add to watch a series, e.g. latency_p99 above 50ms for 30s."));
        hint->setFlags(Qt::NoItemFlags);
        m_table->setItem(0, 0, hint);
        m_table->setSpan(0, 0, 1, 3);
    } else {
        m_table->clearSpans();
    }
}

void AlertRulesDialog::addRule()
{
    AlertRuleDialog form(m_deployments, this);
    if (form.exec() != QDialog::Accepted)
        return;
    const auto rule = form.rule();
    if (!rule)
        return; // OK is disabled while invalid
    m_error->hide();
    m_pending = rule->name;
    m_pendingAdd = true;
    m_service.addAlertRule(*rule);
}

void AlertRulesDialog::removeSelected()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return;
    const QString name = m_table->item(selected.first()->row(), 0)->data(Qt::UserRole).toString();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Remove Alert Rule"),
                              tr("Remove the alert rule '%1'? If it is firing, its alert clears.").arg(name))
        != QMessageBox::Yes)
        return;
    m_error->hide();
    m_pending = name;
    m_pendingAdd = false;
    m_service.removeAlertRule(name);
}
