#pragma once
// TrainingFormWidget: the new-run form of the Training page. Dataset (kind, path, label / text
// columns with a preview of the first records and the header detection, topics, split fractions),
// architecture (MLP, text classifier, small CNN) with the parameter count on the chosen data before
// training, optimizer and hyper-parameters (sensible defaults per architecture), early stopping,
// seed, threads, and "register as a version" with a validated model name.
//
// Every change is checked at once: a wrong field shows its reason under the field and disables
// Start. The data and the network are checked by a preview on a worker thread (the data is read
// as training reads it, nothing is registered; a bad file shows file, line, column and why).
// GUI thread only; the preview worker never touches widgets.

#include "core/result.h"
#include "training/trainingconfig.h"
#include "trainingqueries.h"

#include <QFutureWatcher>
#include <QHash>
#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;
class QToolButton;

class TrainingFormWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingFormWidget)

public:
    static QString defaultDataPath(); // Fashion-MNIST when Debian's dataset-fashion-mnist is installed

    explicit TrainingFormWidget(QWidget *parent = nullptr);
    ~TrainingFormWidget() override;

    // The run the form describes, or the first problem (the same one shown next to its field).
    ModelDesk::Result<ModelDesk::Training::TrainingConfig> config() const;
    bool isStartAllowed() const;

    // While a run is in progress Start stays disabled (one training at a time). `threads` is the
    // running job's intra-op thread count: previews use it, because thread settings are process-wide.
    void setRunInProgress(bool running, int threads = 0);
    // A data or configuration error reported by a run that could not start, shown under the data path.
    void showRunError(const QString &message);

    // Widgets, for the page and tests.
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *pathEdit() const { return m_path; }
    QComboBox *labelColumnBox() const { return m_labelColumn; }
    QComboBox *archBox() const { return m_arch; }
    QLineEdit *hiddenEdit() const { return m_hidden; }
    QLineEdit *learningRateEdit() const { return m_lr; }
    QSpinBox *batchSizeSpin() const { return m_batch; }
    QSpinBox *epochsSpin() const { return m_epochs; }
    QSpinBox *seedSpin() const { return m_seed; }
    QCheckBox *registerCheck() const { return m_register; }
    QLineEdit *modelNameEdit() const { return m_modelName; }
    QPushButton *startButton() const { return m_start; }
    QLabel *parameterCountLabel() const { return m_parameters; }
    QTableWidget *previewTable() const { return m_previewTable; }
    // The message under a field (empty when it is fine).
    QString fieldError(QWidget *field) const;
    QString dataError() const;
    // A preview is scheduled (fields changed moments ago), running, or queued behind one.
    bool isPreviewPending() const;
    const std::optional<TrainingQueries::DataPreview> &preview() const { return m_preview; }

Q_SIGNALS:
    void startRequested(const ModelDesk::Training::TrainingConfig &config);
    // A preview finished (the data summary and parameter count are up to date).
    void previewUpdated();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QGroupBox *buildDataGroup();
    QGroupBox *buildArchitectureGroup();
    QGroupBox *buildOptimizerGroup();
    QGroupBox *buildOutputGroup();
    QLabel *addErrorLabel(QFormLayout *form, QWidget *field);
    QLabel *buddyLabel(const QString &text, QWidget *buddy);
    void setFieldError(QWidget *field, const QString &message);

    void applyArchitectureDefaults();
    void updateVisibility();
    void chooseFile();
    void chooseFolder();
    // Reads every field into a config; fills `errors` (field -> message) for those that are wrong.
    ModelDesk::Training::TrainingConfig collect(QHash<QWidget *, QString> &errors, QString &general) const;
    void revalidate();
    void schedulePreview();
    void startPreview();
    void applyPreview(const TrainingQueries::DataPreview &preview, quint64 generation);

    QComboBox *m_kind = nullptr;
    QLineEdit *m_path = nullptr;
    QToolButton *m_browse = nullptr;
    QComboBox *m_labelColumn = nullptr;
    QComboBox *m_textColumn = nullptr;
    QLineEdit *m_topics = nullptr;
    QLineEdit *m_datasetName = nullptr;
    QDoubleSpinBox *m_validationFraction = nullptr;
    QDoubleSpinBox *m_testFraction = nullptr;
    QLabel *m_dataSummary = nullptr;
    QTableWidget *m_previewTable = nullptr;

    QComboBox *m_arch = nullptr;
    QLineEdit *m_hidden = nullptr;
    QComboBox *m_activation = nullptr;
    QDoubleSpinBox *m_dropout = nullptr;
    QSpinBox *m_embedding = nullptr;
    QLineEdit *m_channels = nullptr;
    QLabel *m_parameters = nullptr;

    QComboBox *m_optimizer = nullptr;
    QLineEdit *m_lr = nullptr;
    QDoubleSpinBox *m_momentum = nullptr;
    QCheckBox *m_nesterov = nullptr;
    QLineEdit *m_weightDecay = nullptr;
    QSpinBox *m_batch = nullptr;
    QSpinBox *m_epochs = nullptr;
    QComboBox *m_schedule = nullptr;
    QSpinBox *m_stepSize = nullptr;
    QDoubleSpinBox *m_gamma = nullptr;
    QDoubleSpinBox *m_gradClip = nullptr;
    QSpinBox *m_patience = nullptr;
    QComboBox *m_monitor = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_threads = nullptr;

    QCheckBox *m_register = nullptr;
    QLineEdit *m_modelName = nullptr;
    QLineEdit *m_description = nullptr;

    QLabel *m_generalError = nullptr;
    QPushButton *m_start = nullptr;

    QHash<QWidget *, QLabel *> m_errorLabels;
    QHash<QWidget *, QWidget *> m_rowLabels;   // field -> its label in the form (hidden together)
    QHash<QWidget *, QString> m_errors;        // as last validated
    QString m_suggestedModelName;              // what the form filled in (replaced while unchanged)
    QString m_runError;                        // from a run that could not start, until the data changes

    QTimer *m_previewTimer = nullptr;
    QThreadPool m_previewPool;                 // one thread: previews run one after the other
    QFutureWatcher<TrainingQueries::DataPreview> m_previewWatcher;
    std::shared_ptr<TrainingQueries::DatasetCache> m_cache;
    std::optional<TrainingQueries::DataPreview> m_preview;
    QString m_previewKey;                      // the config the current preview describes
    quint64 m_previewGeneration = 0;
    bool m_previewRunning = false;
    bool m_previewQueued = false;
    bool m_shown = false;
    bool m_running = false;
    int m_activeThreads = 0;
    bool m_applyingDefaults = false;
};
