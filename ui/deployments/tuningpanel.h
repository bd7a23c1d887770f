#pragma once
// TuningPanel: the live settings of the selected deployment — batching, workers, threads, queue,
// timeouts, idle unload and access (applied with "Apply Live"; edits in progress survive the
// page's 1 Hz refresh), and the canary: another version of the model and its share of routed
// traffic (0-50%, applied when the slider is released; 0 removes it). It only asks: the page runs
// the runtime calls. GUI thread only.

#include "core/modeltypes.h"
#include "runtime/inferenceengine.h"

#include <QList>
#include <QWidget>
#include <optional>

class BatchingForm;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;

class TuningPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TuningPanel)

public:
    explicit TuningPanel(QWidget *parent = nullptr);

    // The selected deployment (nullopt: none) and the registry versions of its model.
    void setTarget(const std::optional<ModelDesk::Runtime::DeploymentStatus> &status,
                   const QList<ModelDesk::VersionInfo> &versions);

    BatchingForm *knobs() const { return m_knobs; }
    QSlider *canarySlider() const { return m_canarySlider; }
    QComboBox *canaryVersionBox() const { return m_canaryVersion; }

Q_SIGNALS:
    void configureRequested(const QString &name, const ModelDesk::Runtime::BatchingConfig &batching, bool isPublic);
    void canaryRequested(const QString &name, std::optional<int> version, int percent);

private:
    void refreshControls(bool force);
    void applyKnobs();
    void applyCanaryFromControls();

    std::optional<ModelDesk::Runtime::DeploymentStatus> m_status;
    QList<ModelDesk::VersionInfo> m_versions;
    QLabel *m_tuningTarget = nullptr;
    BatchingForm *m_knobs = nullptr;
    QPushButton *m_applyKnobs = nullptr;
    QPushButton *m_revertKnobs = nullptr;
    bool m_knobsDirty = false;
    QString m_tuningFor;
    QComboBox *m_canaryVersion = nullptr;
    QSlider *m_canarySlider = nullptr;
    QLabel *m_canaryLabel = nullptr;
};
