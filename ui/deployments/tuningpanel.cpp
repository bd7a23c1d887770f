#include "tuningpanel.h"

#include "batchingform.h"
#include "deploymenttablemodel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>

using ModelDesk::VersionInfo;
using ModelDesk::Runtime::DeploymentStatus;

TuningPanel::TuningPanel(QWidget *parent)
    : QWidget(parent)
{
    m_tuningTarget = new QLabel(this);
    m_tuningTarget->setTextFormat(Qt::PlainText);

    m_knobs = new BatchingForm(this);
    m_applyKnobs = new QPushButton(tr("Apply Live"), this);
    m_applyKnobs->setToolTip(tr("Applied without dropping a request: batching at once; worker or thread changes start "
                                "new workers on the loaded model and drain the old ones"));
    m_revertKnobs = new QPushButton(tr("Revert"), this);
    connect(m_knobs, &BatchingForm::changed, this, [this] {
        m_knobsDirty = true;
        m_applyKnobs->setEnabled(!m_tuningFor.isEmpty());
        m_revertKnobs->setEnabled(true);
    });
    connect(m_applyKnobs, &QPushButton::clicked, this, &TuningPanel::applyKnobs);
    connect(m_revertKnobs, &QPushButton::clicked, this, [this] { refreshControls(true); });
    auto *knobsBox = new QGroupBox(tr("Batching, workers and access"), this);
    auto *knobsLayout = new QVBoxLayout(knobsBox);
    knobsLayout->addWidget(m_knobs);
    auto *knobsButtons = new QHBoxLayout;
    knobsButtons->addStretch(1);
    knobsButtons->addWidget(m_revertKnobs);
    knobsButtons->addWidget(m_applyKnobs);
    knobsLayout->addLayout(knobsButtons);
    knobsLayout->addStretch(1);

    m_canaryVersion = new QComboBox(this);
    m_canaryVersion->setToolTip(tr("The version that gets the canary share of routed traffic"));
    m_canarySlider = new QSlider(Qt::Horizontal, this);
    m_canarySlider->setRange(0, 50);
    m_canarySlider->setTickPosition(QSlider::TicksBelow);
    m_canarySlider->setTickInterval(5);
    m_canarySlider->setPageStep(5);
    m_canarySlider->setToolTip(tr("Share of routed traffic sent to the canary version, applied when you release the "
                                  "slider (0 removes the canary)"));
    m_canaryLabel = new QLabel(this);
    m_canaryLabel->setMinimumWidth(200);
    connect(m_canarySlider, &QSlider::valueChanged, this, [this](int v) {
        m_canaryLabel->setText(v == 0 ? tr("no canary") : tr("%1% canary, %2% primary").arg(v).arg(100 - v));
    });
    connect(m_canarySlider, &QSlider::sliderReleased, this, &TuningPanel::applyCanaryFromControls);
    // Keyboard and clicks on the groove change the value without a press/release pair.
    connect(m_canarySlider, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove)
            QTimer::singleShot(0, this, &TuningPanel::applyCanaryFromControls);
    });
    connect(m_canaryVersion, &QComboBox::activated, this, [this] {
        if (m_canarySlider->value() > 0)
            applyCanaryFromControls();
    });
    auto *canaryBox = new QGroupBox(tr("Canary"), this);
    auto *canaryLayout = new QVBoxLayout(canaryBox);
    auto *canaryRow = new QHBoxLayout;
    canaryRow->addWidget(new QLabel(tr("Version:"), canaryBox));
    canaryRow->addWidget(m_canaryVersion, 1);
    canaryLayout->addLayout(canaryRow);
    canaryLayout->addWidget(m_canarySlider);
    auto *scale = new QHBoxLayout;
    auto *low = new QLabel(tr("0%"), canaryBox);
    auto *high = new QLabel(tr("50%"), canaryBox);
    low->setEnabled(false);
    high->setEnabled(false);
    scale->addWidget(low);
    scale->addStretch(1);
    scale->addWidget(high);
    canaryLayout->addLayout(scale);
    canaryLayout->addWidget(m_canaryLabel);
    auto *canaryNote = new QLabel(tr("Both versions are loaded and warmed before traffic moves; compare them on the "
                                     "Monitoring page (per-version latency and errors)."),
                                  canaryBox);
    canaryNote->setWordWrap(true);
    canaryNote->setEnabled(false);
    canaryLayout->addWidget(canaryNote);
    canaryLayout->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addWidget(knobsBox, 3);
    columns->addWidget(canaryBox, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tuningTarget);
    layout->addLayout(columns, 1);
    refreshControls(true);
}

void TuningPanel::setTarget(const std::optional<DeploymentStatus> &status, const QList<VersionInfo> &versions)
{
    m_status = status;
    m_versions = versions;
    refreshControls(false);
}

void TuningPanel::refreshControls(bool force)
{
    const std::optional<DeploymentStatus> &status = m_status;
    const QString name = status ? status->spec.name : QString();
    if (name != m_tuningFor)
        force = true;
    m_tuningFor = name;
    m_tuningTarget->setText(status ? tr("Settings of endpoint %1 (%2), applied live.").arg(name, status->spec.model)
                                   : tr("Select a deployment to tune it."));
    m_knobs->setEnabled(status.has_value());
    m_canarySlider->setEnabled(status.has_value());
    m_canaryVersion->setEnabled(status.has_value());
    if (!status) {
        m_applyKnobs->setEnabled(false);
        m_revertKnobs->setEnabled(false);
        return;
    }
    // Edits in progress are not overwritten by the 1 Hz refresh.
    if (force || !m_knobsDirty) {
        m_knobs->setValues(status->spec.batching, status->spec.isPublic);
        m_knobsDirty = false;
        m_applyKnobs->setEnabled(false);
        m_revertKnobs->setEnabled(false);
    }
    if (!m_canarySlider->isSliderDown()) {
        const int primary = DeploymentTableModel::primaryVersion(*status);
        QList<int> candidates;
        for (const VersionInfo &v : m_versions) {
            if (v.version != primary)
                candidates << v.version;
        }
        QList<int> listed;
        for (int i = 0; i < m_canaryVersion->count(); ++i)
            listed << m_canaryVersion->itemData(i).toInt();
        if (listed != candidates || force) {
            m_canaryVersion->clear();
            for (int v : candidates)
                m_canaryVersion->addItem(tr("v%1").arg(v), v);
        }
        if (status->spec.canaryVersion) {
            const int at = m_canaryVersion->findData(*status->spec.canaryVersion);
            if (at >= 0)
                m_canaryVersion->setCurrentIndex(at);
        }
        m_canarySlider->blockSignals(true);
        m_canarySlider->setValue(status->spec.canaryVersion ? std::min(50, status->spec.canaryPercent) : 0);
        m_canarySlider->blockSignals(false);
        const int v = m_canarySlider->value();
        m_canaryLabel->setText(v == 0 ? tr("no canary") : tr("%1% canary, %2% primary").arg(v).arg(100 - v));
        const bool any = m_canaryVersion->count() > 0;
        m_canarySlider->setEnabled(any);
        m_canaryVersion->setEnabled(any);
        if (!any)
            m_canaryLabel->setText(tr("The model has no other version to use as a canary."));
    }
}

void TuningPanel::applyKnobs()
{
    if (m_tuningFor.isEmpty())
        return;
    m_knobsDirty = false;
    m_applyKnobs->setEnabled(false);
    m_revertKnobs->setEnabled(false);
    Q_EMIT configureRequested(m_tuningFor, m_knobs->batching(), m_knobs->isPublic());
}

void TuningPanel::applyCanaryFromControls()
{
    const std::optional<DeploymentStatus> &status = m_status;
    if (!status)
        return;
    const int percent = m_canarySlider->value();
    const QVariant version = m_canaryVersion->currentData();
    const bool same = percent == 0 ? !status->spec.canaryVersion
                                   : status->spec.canaryVersion && version.isValid()
                                         && *status->spec.canaryVersion == version.toInt() && status->spec.canaryPercent == percent;
    if (same)
        return;
    Q_EMIT canaryRequested(status->spec.name, version.isValid() ? std::optional<int>(version.toInt()) : std::nullopt, percent);
}
