#include "alertruledialog.h"

#include "monitoring/monitoringformat.h"
#include "monitoring/seriescatalog.h"

#include "core/names.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace ModelDesk;
using namespace ModelDesk::Monitoring;

namespace {

QString thresholdExample(SeriesUnit unit)
{
    switch (unit) {
    case SeriesUnit::Seconds:
        return AlertRuleDialog::tr("e.g. 5ms, 250us or 0.5s");
    case SeriesUnit::Percent:
        return AlertRuleDialog::tr("e.g. 2.5%");
    case SeriesUnit::Bytes:
        return AlertRuleDialog::tr("e.g. 512MiB or 2GB");
    case SeriesUnit::PerSecond:
        return AlertRuleDialog::tr("e.g. 100 (per second)");
    case SeriesUnit::Count:
        return AlertRuleDialog::tr("a number");
    }
    return {};
}

} // namespace

AlertRuleDialog::AlertRuleDialog(const QStringList &deployments, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_series(new QComboBox(this))
    , m_deployment(new QComboBox(this))
    , m_version(new QSpinBox(this))
    , m_comparison(new QComboBox(this))
    , m_threshold(new QLineEdit(this))
    , m_for(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New Alert Rule"));
    m_name->setPlaceholderText(tr("e.g. iris-slow (a-z, 0-9, '.', '_', '-')"));
    for (const SeriesInfo &s : seriesCatalog()) {
        m_series->addItem(QString(s.name + QStringLiteral(" — ") + s.description), s.name);
        m_series->setItemData(m_series->count() - 1, s.description, Qt::ToolTipRole);
    }
    m_series->setCurrentIndex(m_series->findData(QStringLiteral("latency_p99")));
    m_deployment->setEditable(true);
    m_deployment->addItem(QString());
    m_deployment->addItems(deployments);
    m_deployment->lineEdit()->setPlaceholderText(tr("every deployment"));
    m_version->setRange(0, 1000000);
    m_version->setSpecialValueText(tr("every version"));
    m_comparison->addItem(tr("above"), int(AlertRule::Comparison::Above));
    m_comparison->addItem(tr("below"), int(AlertRule::Comparison::Below));
    m_for->setText(QStringLiteral("30s"));
    m_for->setPlaceholderText(tr("e.g. 0s, 30s, 5m"));
    m_description->setPlaceholderText(tr("optional: what to do when it fires"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28;"));

    auto *condition = new QHBoxLayout;
    condition->addWidget(m_comparison);
    condition->addWidget(m_threshold, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Series:"), m_series);
    form->addRow(tr("&Deployment:"), m_deployment);
    form->addRow(tr("&Version:"), m_version);
    form->addRow(tr("Fires when:"), condition); // a layout row takes no buddy, so no mnemonic
    form->addRow(tr("For at &least:"), m_for);
    form->addRow(tr("D&escription:"), m_description);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_series, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::seriesChanged);
    for (QLineEdit *edit : {m_name, m_threshold, m_for, m_description})
        connect(edit, &QLineEdit::textChanged, this, &AlertRuleDialog::validate);
    connect(m_deployment, &QComboBox::currentTextChanged, this, &AlertRuleDialog::validate);
    connect(m_version, &QSpinBox::valueChanged, this, &AlertRuleDialog::validate);
    seriesChanged();
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

void AlertRuleDialog::seriesChanged()
{
    const auto info = seriesInfo(m_series->currentData().toString());
    const bool perDeployment = info && info->scope == SeriesScope::Deployment;
    m_deployment->setEnabled(perDeployment);
    m_version->setEnabled(perDeployment);
    if (info)
        m_threshold->setPlaceholderText(thresholdExample(info->unit));
    validate();
}

Result<AlertRule> AlertRuleDialog::rule() const
{
    AlertRule r;
    r.name = m_name->text().trimmed();
    // In form order, so the message is about the first field that needs attention.
    if (r.name.isEmpty())
        return fail(Error::invalid(tr("Enter a name for the rule.")));
    if (Status s = Names::checkName(r.name, QStringLiteral("alert rule")); !s)
        return fail(s.error());
    r.series = m_series->currentData().toString();
    const auto info = seriesInfo(r.series);
    if (!info)
        return fail(Error::invalid(tr("Choose a series.")));
    if (info->scope == SeriesScope::Deployment) {
        r.deployment = m_deployment->currentText().trimmed();
        r.version = m_version->value();
    }
    r.comparison = AlertRule::Comparison(m_comparison->currentData().toInt());
    if (m_threshold->text().trimmed().isEmpty())
        return fail(Error::invalid(tr("Enter a threshold (%1).").arg(thresholdExample(info->unit))));
    const Result<double> threshold = parseThreshold(m_threshold->text(), info->unit);
    if (!threshold)
        return fail(threshold.error());
    r.threshold = *threshold;
    const Result<int64_t> duration = parseDuration(m_for->text().trimmed().isEmpty() ? QStringLiteral("0") : m_for->text());
    if (!duration)
        return fail(duration.error());
    r.forSeconds = int(*duration);
    r.description = m_description->text().trimmed();
    if (Status s = r.validate(); !s)
        return fail(s.error());
    return r;
}

QString AlertRuleDialog::validationMessage() const
{
    const auto r = rule();
    return r ? QString() : r.error().message;
}

void AlertRuleDialog::validate()
{
    const QString message = validationMessage();
    // Nothing typed yet is not an error: stay quiet until the user has entered something.
    const bool untouched = m_name->text().isEmpty() && m_threshold->text().isEmpty();
    m_error->setText(untouched ? QString() : message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty());
}

void AlertRuleDialog::setName(const QString &name)
{
    m_name->setText(name);
}

void AlertRuleDialog::setSeries(const QString &series)
{
    m_series->setCurrentIndex(m_series->findData(series));
}

void AlertRuleDialog::setDeployment(const QString &deployment)
{
    m_deployment->setEditText(deployment);
}

void AlertRuleDialog::setComparison(AlertRule::Comparison comparison)
{
    m_comparison->setCurrentIndex(m_comparison->findData(int(comparison)));
}

void AlertRuleDialog::setThreshold(const QString &text)
{
    m_threshold->setText(text);
}

void AlertRuleDialog::setFor(const QString &text)
{
    m_for->setText(text);
}

void AlertRuleDialog::setDescription(const QString &text)
{
    m_description->setText(text);
}
