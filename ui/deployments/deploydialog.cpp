#include "deploydialog.h"

#include "batchingform.h"
#include "uiformat.h"

#include "core/names.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using ModelDesk::Runtime::DeploymentSpec;

// Target entries carry either a version number (int) or an alias (QString) as their item data.

DeployDialog::DeployDialog(const CatalogSnapshot &snapshot, const QStringList &existingEndpoints, QWidget *parent)
    : QDialog(parent)
    , m_snapshot(snapshot)
    , m_existing(existingEndpoints)
{
    setWindowTitle(tr("Deploy a Model Version"));

    m_model = new QComboBox(this);
    for (const ModelDesk::ModelInfo &m : std::as_const(m_snapshot.models)) {
        if (m.versionCount > 0)
            m_model->addItem(m.name);
    }
    m_model->setToolTip(tr("A model of the registry"));
    m_target = new QComboBox(this);
    m_target->setToolTip(tr("A pinned version, or an alias: the deployment follows the alias when it moves"));
    m_endpoint = new QLineEdit(this);
    m_endpoint->setPlaceholderText(tr("endpoint name, e.g. fashion"));
    m_endpoint->setToolTip(tr("The name clients use: /v2/models/<name>/infer. Lower-case letters, digits, '.', '_' "
                              "and '-', up to 64 characters."));
    m_sticky = new QLineEdit(this);
    m_sticky->setPlaceholderText(tr("optional, e.g. X-User-Id"));
    m_sticky->setToolTip(tr("With a canary: requests with the same value of this header always reach the same version"));

    auto *what = new QFormLayout;
    what->addRow(tr("&Model:"), m_model);
    what->addRow(tr("&Version:"), m_target);
    what->addRow(tr("&Endpoint:"), m_endpoint);
    what->addRow(tr("Canary sticky header:"), m_sticky);

    m_batching = new BatchingForm(this);
    // New deployments start from the defaults chosen on the Settings page (its keys), else the runtime's.
    const QSettings settings;
    ModelDesk::Runtime::BatchingConfig defaults;
    defaults.maxBatchSize = settings.value(QStringLiteral("deploy/maxBatch"), defaults.maxBatchSize).toInt();
    defaults.maxQueueDelayUs = settings.value(QStringLiteral("deploy/maxDelayUs"), defaults.maxQueueDelayUs).toInt();
    defaults.workers = settings.value(QStringLiteral("deploy/workers"), defaults.workers).toInt();
    defaults.intraOpThreads = settings.value(QStringLiteral("deploy/intraOpThreads"), defaults.intraOpThreads).toInt();
    if (ModelDesk::Runtime::checkBatchingConfig(defaults))
        m_batching->setValues(defaults, false);
    auto *how = new QGroupBox(tr("Batching, workers and access"), this);
    auto *howLayout = new QVBoxLayout(how);
    howLayout->addWidget(m_batching);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Deploy"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(what);
    layout->addWidget(how);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_model, &QComboBox::currentTextChanged, this, [this](const QString &model) {
        fillTargets();
        if (!m_endpointEdited)
            m_endpoint->setText(model);
        validate();
    });
    connect(m_target, &QComboBox::currentIndexChanged, this, &DeployDialog::validate);
    connect(m_endpoint, &QLineEdit::textEdited, this, [this] { m_endpointEdited = true; });
    connect(m_endpoint, &QLineEdit::textChanged, this, &DeployDialog::validate);
    connect(m_sticky, &QLineEdit::textChanged, this, &DeployDialog::validate);
    connect(m_batching, &BatchingForm::changed, this, &DeployDialog::validate);

    fillTargets();
    m_endpoint->setText(m_model->currentText());
    validate();
}

void DeployDialog::fillTargets()
{
    const QString model = m_model->currentText();
    m_target->clear();
    QList<ModelDesk::VersionInfo> versions;
    for (const ModelDesk::VersionInfo &v : std::as_const(m_snapshot.versions)) {
        if (v.model == model && v.version > 0)
            versions << v;
    }
    std::sort(versions.begin(), versions.end(), [](const auto &a, const auto &b) { return a.version > b.version; });
    // Aliases first: following 'production' is what an operator usually wants.
    int preferred = -1;
    for (const ModelDesk::VersionInfo &v : std::as_const(versions)) {
        for (const QString &alias : v.aliases) {
            m_target->addItem(tr("@%1 (now v%2, followed when it moves)").arg(alias).arg(v.version), alias);
            if (alias == QLatin1String("production"))
                preferred = m_target->count() - 1;
        }
    }
    for (const ModelDesk::VersionInfo &v : std::as_const(versions)) {
        QString text = tr("v%1 — %2").arg(v.version).arg(UiFormat::dateTime(v.created));
        const QJsonValue accuracy = v.metrics.value(QStringLiteral("test_accuracy"));
        if (accuracy.isDouble())
            text += tr(", test accuracy %1").arg(accuracy.toDouble(), 0, 'f', 4);
        m_target->addItem(text, v.version);
        if (preferred < 0)
            preferred = m_target->count() - 1;
    }
    if (preferred >= 0)
        m_target->setCurrentIndex(preferred);
}

void DeployDialog::select(const QString &model, int version)
{
    const int index = m_model->findText(model);
    if (index < 0)
        return;
    m_model->setCurrentIndex(index);
    if (version > 0) {
        const int target = m_target->findData(version);
        if (target >= 0)
            m_target->setCurrentIndex(target);
    }
}

bool DeployDialog::selectAlias(const QString &alias)
{
    const int target = m_target->findData(alias);
    if (target < 0)
        return false;
    m_target->setCurrentIndex(target);
    return true;
}

DeploymentSpec DeployDialog::spec() const
{
    DeploymentSpec s;
    s.name = m_endpoint->text().trimmed();
    s.model = m_model->currentText();
    const QVariant target = m_target->currentData();
    if (target.typeId() == QMetaType::QString)
        s.alias = target.toString();
    else if (target.isValid())
        s.version = target.toInt();
    s.stickyHeader = m_sticky->text().trimmed();
    s.batching = m_batching->batching();
    s.isPublic = m_batching->isPublic();
    return s;
}

QString DeployDialog::problem() const
{
    if (m_model->count() == 0)
        return tr("The registry has no model version yet: import or train one on the Models or Training page.");
    if (!m_target->currentData().isValid())
        return tr("Choose a version or an alias.");
    if (auto s = ModelDesk::Names::checkName(m_endpoint->text().trimmed(), QStringLiteral("endpoint name")); !s)
        return UiFormat::errorText(s.error());
    if (auto s = spec().validate(); !s)
        return UiFormat::errorText(s.error());
    return {};
}

void DeployDialog::validate()
{
    const QString why = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
    QPalette palette = m_message->palette();
    if (!why.isEmpty()) {
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
        m_message->setText(why);
    } else {
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
        const QString name = m_endpoint->text().trimmed();
        if (m_existing.contains(name))
            m_message->setText(tr("Endpoint '%1' exists: deploying updates it — a changed version is hot-swapped with "
                                  "no failed request, and the batching settings are applied.")
                                   .arg(name));
        else
            m_message->setText(tr("The model loads and warms up in the background; the table shows its progress. "
                                  "Clients call it at /v2/models/%1/infer.")
                                   .arg(name));
    }
    m_message->setPalette(palette);
}
