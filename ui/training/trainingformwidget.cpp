#include "trainingformwidget.h"

#include "core/names.h"
#include "training/dataset.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>


using namespace ModelDesk;
using ModelDesk::Training::TrainingConfig;

namespace {

const auto kErrorStyle = QStringLiteral("color: #c01c28;");

QString numberText(double v) { return QString::number(v, 'g', 6); }

QString joinInts(const QList<int> &values)
{
    QStringList parts;
    for (int v : values)
        parts.append(QString::number(v));
    return parts.join(QLatin1Char(','));
}

} // namespace

QString TrainingFormWidget::defaultDataPath()
{
    const QString fashion = QStringLiteral("/usr/share/datasets/fashion-mnist");
    return QFileInfo(fashion).isDir() ? fashion : QString();
}

TrainingFormWidget::TrainingFormWidget(QWidget *parent)
    : QWidget(parent), m_cache(TrainingQueries::makeDatasetCache())
{
    m_previewPool.setMaxThreadCount(1);
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250); // settle typing before reading a file again
    connect(m_previewTimer, &QTimer::timeout, this, &TrainingFormWidget::startPreview);
    connect(&m_previewWatcher, &QFutureWatcher<TrainingQueries::DataPreview>::finished, this, [this] {
        const quint64 generation = m_previewWatcher.property("generation").toULongLong();
        applyPreview(m_previewWatcher.result(), generation);
    });

    m_generalError = new QLabel(this);
    m_generalError->setWordWrap(true);
    m_generalError->setStyleSheet(kErrorStyle);
    m_generalError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_generalError->hide();
    m_start = new QPushButton(QIcon(QStringLiteral(":/icons/training.svg")), tr("&Start Training"), this);
    m_start->setDefault(true);
    connect(m_start, &QPushButton::clicked, this, [this] {
        auto c = config();
        if (c && isStartAllowed())
            Q_EMIT startRequested(*c);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addWidget(buildDataGroup());
    layout->addWidget(buildArchitectureGroup());
    layout->addWidget(buildOptimizerGroup());
    layout->addWidget(buildOutputGroup());
    layout->addWidget(m_generalError);
    layout->addWidget(m_start);
    layout->addStretch(1);

    applyArchitectureDefaults();
    updateVisibility();
    revalidate();
}

TrainingFormWidget::~TrainingFormWidget()
{
    // A preview may still read a file: it owns copies of what it needs; wait for it so the pool's
    // thread does not outlive the application objects.
    m_previewTimer->stop();
    m_previewPool.waitForDone();
}

QLabel *TrainingFormWidget::buddyLabel(const QString &text, QWidget *buddy)
{
    // QFormLayout only makes a buddy for a widget field; rows holding a layout need their own label.
    auto *label = new QLabel(text, this);
    label->setBuddy(buddy);
    return label;
}

QLabel *TrainingFormWidget::addErrorLabel(QFormLayout *form, QWidget *field)
{
    auto *label = new QLabel(this);
    label->setWordWrap(true);
    label->setStyleSheet(kErrorStyle);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    form->addRow(QString(), label);
    m_errorLabels.insert(field, label);
    return label;
}

QGroupBox *TrainingFormWidget::buildDataGroup()
{
    auto *box = new QGroupBox(tr("Data"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_kind = new QComboBox(box);
    m_kind->addItem(tr("Detect from the path"), QString());
    m_kind->addItem(tr("CSV table (numbers + label)"), QStringLiteral("csv"));
    m_kind->addItem(tr("Text CSV (text + label)"), QStringLiteral("text-csv"));
    m_kind->addItem(tr("IDX images (e.g. Fashion-MNIST)"), QStringLiteral("idx"));
    m_kind->addItem(tr("Fortunes topics (text)"), QStringLiteral("fortunes"));
    form->addRow(tr("&Kind:"), m_kind);

    m_path = new QLineEdit(defaultDataPath(), box);
    m_path->setPlaceholderText(tr("A CSV file, an IDX folder or a fortunes folder"));
    m_path->setClearButtonEnabled(true);
    m_browse = new QToolButton(box);
    m_browse->setText(tr("Browse…"));
    m_browse->setPopupMode(QToolButton::MenuButtonPopup);
    auto *browseMenu = new QMenu(m_browse);
    browseMenu->addAction(tr("Choose a &File (CSV)…"), this, &TrainingFormWidget::chooseFile);
    browseMenu->addAction(tr("Choose a F&older (IDX, fortunes)…"), this, &TrainingFormWidget::chooseFolder);
    m_browse->setMenu(browseMenu);
    connect(m_browse, &QToolButton::clicked, this, [this] {
        const QString kind = m_kind->currentData().toString();
        if (kind == QLatin1String("idx") || kind == QLatin1String("fortunes") || QFileInfo(m_path->text()).isDir())
            chooseFolder();
        else
            chooseFile();
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->setContentsMargins(0, 0, 0, 0);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    form->addRow(buddyLabel(tr("&Path:"), m_path), pathRow);
    addErrorLabel(form, m_path);

    m_labelColumn = new QComboBox(box);
    m_labelColumn->setEditable(true);
    m_labelColumn->setInsertPolicy(QComboBox::NoInsert);
    m_labelColumn->lineEdit()->setPlaceholderText(tr("automatic (label, class, target, y, else the last)"));
    form->addRow(tr("&Label column:"), m_labelColumn);
    m_rowLabels.insert(m_labelColumn, form->labelForField(m_labelColumn));
    m_textColumn = new QComboBox(box);
    m_textColumn->setEditable(true);
    m_textColumn->setInsertPolicy(QComboBox::NoInsert);
    m_textColumn->lineEdit()->setPlaceholderText(tr("automatic (text, else the other column)"));
    form->addRow(tr("&Text column:"), m_textColumn);
    m_rowLabels.insert(m_textColumn, form->labelForField(m_textColumn));
    m_topics = new QLineEdit(box);
    m_topics->setPlaceholderText(ModelDesk::Training::defaultFortuneTopics().join(QLatin1Char(',')));
    m_topics->setToolTip(tr("Topic files of the fortunes folder to use, comma-separated; empty: the default nine."));
    form->addRow(tr("Topics:"), m_topics);
    m_rowLabels.insert(m_topics, form->labelForField(m_topics));

    m_datasetName = new QLineEdit(box);
    m_datasetName->setPlaceholderText(tr("from the path"));
    m_datasetName->setToolTip(tr("The name the data is registered under (lineage of the trained versions)."));
    form->addRow(tr("Dataset &name:"), m_datasetName);
    addErrorLabel(form, m_datasetName);

    const TrainingConfig defaults;
    m_validationFraction = new QDoubleSpinBox(box);
    m_validationFraction->setRange(0, 0.85);
    m_validationFraction->setSingleStep(0.05);
    m_validationFraction->setDecimals(2);
    m_validationFraction->setValue(defaults.data.validationFraction);
    m_testFraction = new QDoubleSpinBox(box);
    m_testFraction->setRange(0, 0.85);
    m_testFraction->setSingleStep(0.05);
    m_testFraction->setDecimals(2);
    m_testFraction->setValue(defaults.data.testFraction);
    m_testFraction->setToolTip(tr("Ignored when the data has its own test files (IDX t10k-*)."));
    auto *fractions = new QHBoxLayout;
    fractions->setContentsMargins(0, 0, 0, 0);
    fractions->addWidget(new QLabel(tr("validation"), box));
    fractions->addWidget(m_validationFraction);
    fractions->addWidget(new QLabel(tr("test"), box));
    fractions->addWidget(m_testFraction);
    fractions->addStretch(1);
    form->addRow(buddyLabel(tr("Split:"), m_validationFraction), fractions);
    addErrorLabel(form, m_validationFraction);

    m_dataSummary = new QLabel(box);
    m_dataSummary->setWordWrap(true);
    m_dataSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_dataSummary);
    m_previewTable = new QTableWidget(box);
    m_previewTable->setObjectName(QStringLiteral("csvPreview"));
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_previewTable->verticalHeader()->hide();
    m_previewTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_previewTable->setMaximumHeight(150);
    m_previewTable->setWordWrap(false);
    m_previewTable->hide();
    form->addRow(m_previewTable);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_runError.clear();
        updateVisibility();
        schedulePreview();
    });
    for (QLineEdit *e : {m_path, m_topics}) {
        connect(e, &QLineEdit::textChanged, this, [this] {
            m_runError.clear();
            schedulePreview();
        });
    }
    for (QComboBox *c : {m_labelColumn, m_textColumn}) {
        connect(c, &QComboBox::currentTextChanged, this, [this] {
            m_runError.clear();
            schedulePreview();
        });
    }
    connect(m_datasetName, &QLineEdit::textChanged, this, &TrainingFormWidget::revalidate);
    for (QDoubleSpinBox *s : {m_validationFraction, m_testFraction})
        connect(s, &QDoubleSpinBox::valueChanged, this, &TrainingFormWidget::schedulePreview);
    return box;
}

QGroupBox *TrainingFormWidget::buildArchitectureGroup()
{
    auto *box = new QGroupBox(tr("Architecture"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_arch = new QComboBox(box);
    m_arch->addItem(tr("MLP (numbers, images)"), QStringLiteral("mlp"));
    m_arch->addItem(tr("Text classifier (embedding bag)"), QStringLiteral("textcnn"));
    m_arch->addItem(tr("Small CNN (28×28 images)"), QStringLiteral("cnn"));
    form->addRow(tr("Net&work:"), m_arch);
    addErrorLabel(form, m_arch);

    m_hidden = new QLineEdit(box);
    m_hidden->setToolTip(tr("Sizes of the hidden layers, comma-separated (e.g. 256,128). Text classifier: one size, 0 = none."));
    form->addRow(tr("&Hidden sizes:"), m_hidden);
    m_rowLabels.insert(m_hidden, form->labelForField(m_hidden));
    addErrorLabel(form, m_hidden);
    m_activation = new QComboBox(box);
    m_activation->addItem(QStringLiteral("ReLU"), QStringLiteral("relu"));
    m_activation->addItem(QStringLiteral("tanh"), QStringLiteral("tanh"));
    m_activation->addItem(QStringLiteral("GELU"), QStringLiteral("gelu"));
    form->addRow(tr("&Activation:"), m_activation);
    m_rowLabels.insert(m_activation, form->labelForField(m_activation));
    m_dropout = new QDoubleSpinBox(box);
    m_dropout->setRange(0, 0.95);
    m_dropout->setSingleStep(0.05);
    m_dropout->setDecimals(2);
    form->addRow(tr("Dr&opout:"), m_dropout);
    m_embedding = new QSpinBox(box);
    m_embedding->setRange(1, 4096);
    form->addRow(tr("Embedding si&ze:"), m_embedding);
    m_rowLabels.insert(m_embedding, form->labelForField(m_embedding));
    m_channels = new QLineEdit(box);
    m_channels->setToolTip(tr("Channels of the two convolution blocks, e.g. 32,64."));
    form->addRow(tr("&Channels:"), m_channels);
    m_rowLabels.insert(m_channels, form->labelForField(m_channels));
    addErrorLabel(form, m_channels);

    m_parameters = new QLabel(box);
    m_parameters->setObjectName(QStringLiteral("parameterCount"));
    m_parameters->setWordWrap(true);
    form->addRow(tr("Parameters:"), m_parameters);

    connect(m_arch, &QComboBox::currentIndexChanged, this, [this] {
        applyArchitectureDefaults();
        updateVisibility();
        schedulePreview();
    });
    for (QLineEdit *e : {m_hidden, m_channels})
        connect(e, &QLineEdit::textChanged, this, &TrainingFormWidget::schedulePreview);
    connect(m_activation, &QComboBox::currentIndexChanged, this, &TrainingFormWidget::revalidate);
    connect(m_dropout, &QDoubleSpinBox::valueChanged, this, &TrainingFormWidget::revalidate);
    connect(m_embedding, &QSpinBox::valueChanged, this, &TrainingFormWidget::schedulePreview);
    return box;
}

QGroupBox *TrainingFormWidget::buildOptimizerGroup()
{
    auto *box = new QGroupBox(tr("Optimization"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_optimizer = new QComboBox(box);
    m_optimizer->addItem(QStringLiteral("Adam"), QStringLiteral("adam"));
    m_optimizer->addItem(QStringLiteral("AdamW"), QStringLiteral("adamw"));
    m_optimizer->addItem(tr("SGD"), QStringLiteral("sgd"));
    form->addRow(tr("Optimize&r:"), m_optimizer);
    m_momentum = new QDoubleSpinBox(box);
    m_momentum->setRange(0, 0.999);
    m_momentum->setDecimals(3);
    m_momentum->setSingleStep(0.05);
    m_nesterov = new QCheckBox(tr("Nesterov"), box);
    auto *sgdRow = new QHBoxLayout;
    sgdRow->setContentsMargins(0, 0, 0, 0);
    sgdRow->addWidget(m_momentum);
    sgdRow->addWidget(m_nesterov);
    sgdRow->addStretch(1);
    form->addRow(buddyLabel(tr("Momentum:"), m_momentum), sgdRow);
    m_rowLabels.insert(m_momentum, form->labelForField(sgdRow));
    addErrorLabel(form, m_momentum);

    m_lr = new QLineEdit(box);
    m_lr->setToolTip(tr("Learning rate, e.g. 0.001 or 1e-3."));
    form->addRow(tr("Learn&ing rate:"), m_lr);
    addErrorLabel(form, m_lr);
    m_weightDecay = new QLineEdit(box);
    form->addRow(tr("Weight &decay:"), m_weightDecay);
    addErrorLabel(form, m_weightDecay);
    m_batch = new QSpinBox(box);
    m_batch->setRange(1, 65536);
    form->addRow(tr("&Batch size:"), m_batch);
    m_epochs = new QSpinBox(box);
    m_epochs->setRange(1, 100000);
    form->addRow(tr("&Epochs:"), m_epochs);

    m_schedule = new QComboBox(box);
    m_schedule->addItem(tr("constant"), QStringLiteral("constant"));
    m_schedule->addItem(tr("step decay"), QStringLiteral("step"));
    m_schedule->addItem(tr("cosine"), QStringLiteral("cosine"));
    m_stepSize = new QSpinBox(box);
    m_stepSize->setRange(1, 100000);
    m_stepSize->setPrefix(tr("every "));
    m_stepSize->setSuffix(tr(" epoch(s)"));
    m_gamma = new QDoubleSpinBox(box);
    m_gamma->setRange(0.01, 1);
    m_gamma->setSingleStep(0.05);
    m_gamma->setPrefix(tr("× "));
    auto *scheduleRow = new QHBoxLayout;
    scheduleRow->setContentsMargins(0, 0, 0, 0);
    scheduleRow->addWidget(m_schedule);
    scheduleRow->addWidget(m_stepSize);
    scheduleRow->addWidget(m_gamma);
    scheduleRow->addStretch(1);
    form->addRow(buddyLabel(tr("Sched&ule:"), m_schedule), scheduleRow);

    m_gradClip = new QDoubleSpinBox(box);
    m_gradClip->setRange(0, 1000);
    m_gradClip->setDecimals(2);
    m_gradClip->setSpecialValueText(tr("off"));
    m_gradClip->setToolTip(tr("Clip the gradients' global L2 norm to this value; 0 = off."));
    form->addRow(tr("&Gradient clipping:"), m_gradClip);

    m_patience = new QSpinBox(box);
    m_patience->setRange(0, 1000);
    m_patience->setSpecialValueText(tr("off"));
    m_patience->setSuffix(tr(" epoch(s)"));
    m_monitor = new QComboBox(box);
    m_monitor->addItem(tr("validation accuracy"), QStringLiteral("validation_accuracy"));
    m_monitor->addItem(tr("validation loss"), QStringLiteral("validation_loss"));
    auto *stopRow = new QHBoxLayout;
    stopRow->setContentsMargins(0, 0, 0, 0);
    stopRow->addWidget(m_patience);
    stopRow->addWidget(m_monitor, 1);
    form->addRow(buddyLabel(tr("Earl&y stopping:"), m_patience), stopRow);
    addErrorLabel(form, m_patience);

    m_seed = new QSpinBox(box);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("Same seed, data and threads give the same model."));
    m_threads = new QSpinBox(box);
    m_threads->setRange(1, std::min(256, std::max(1, QThread::idealThreadCount())));
    m_threads->setToolTip(tr("Intra-op threads used by the training (ATen and OpenBLAS)."));
    auto *seedRow = new QHBoxLayout;
    seedRow->setContentsMargins(0, 0, 0, 0);
    seedRow->addWidget(m_seed);
    seedRow->addWidget(new QLabel(tr("threads"), box));
    seedRow->addWidget(m_threads);
    seedRow->addStretch(1);
    form->addRow(buddyLabel(tr("Seed:"), m_seed), seedRow);

    const TrainingConfig defaults;
    m_seed->setValue(int(defaults.seed));
    m_threads->setValue(std::min(m_threads->maximum(), defaults.threads));
    m_momentum->setValue(defaults.momentum);
    m_stepSize->setValue(defaults.stepSize);
    m_gamma->setValue(defaults.gamma);

    connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        revalidate();
    });
    connect(m_schedule, &QComboBox::currentIndexChanged, this, &TrainingFormWidget::updateVisibility);
    for (QLineEdit *e : {m_lr, m_weightDecay})
        connect(e, &QLineEdit::textChanged, this, &TrainingFormWidget::revalidate);
    for (QSpinBox *s : {m_batch, m_epochs, m_patience, m_stepSize, m_threads})
        connect(s, &QSpinBox::valueChanged, this, &TrainingFormWidget::revalidate);
    connect(m_seed, &QSpinBox::valueChanged, this, &TrainingFormWidget::schedulePreview); // the split follows the seed
    for (QDoubleSpinBox *s : {m_momentum, m_gamma, m_gradClip})
        connect(s, &QDoubleSpinBox::valueChanged, this, &TrainingFormWidget::revalidate);
    connect(m_nesterov, &QCheckBox::toggled, this, &TrainingFormWidget::revalidate);
    connect(m_monitor, &QComboBox::currentIndexChanged, this, &TrainingFormWidget::revalidate);
    return box;
}

QGroupBox *TrainingFormWidget::buildOutputGroup()
{
    auto *box = new QGroupBox(tr("Result"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_register = new QCheckBox(tr("Register as a new model &version when done"), box);
    m_register->setChecked(true);
    form->addRow(m_register);
    m_modelName = new QLineEdit(box);
    m_modelName->setPlaceholderText(tr("model name, e.g. fashion-mlp"));
    form->addRow(tr("&Model:"), m_modelName);
    addErrorLabel(form, m_modelName);
    m_description = new QLineEdit(box);
    m_description->setPlaceholderText(tr("optional; default: architecture, data, run and accuracy"));
    form->addRow(tr("Description:"), m_description);
    connect(m_register, &QCheckBox::toggled, this, [this] {
        updateVisibility();
        revalidate();
    });
    connect(m_modelName, &QLineEdit::textChanged, this, &TrainingFormWidget::revalidate);
    return box;
}

void TrainingFormWidget::applyArchitectureDefaults()
{
    m_applyingDefaults = true;
    const TrainingConfig d = TrainingConfig::defaultsFor(m_arch->currentData().toString());
    m_hidden->setText(joinInts(d.hidden));
    m_activation->setCurrentIndex(std::max(0, m_activation->findData(d.activation)));
    m_dropout->setValue(d.dropout);
    m_embedding->setValue(d.embeddingDim);
    m_channels->setText(joinInts(d.channels));
    m_optimizer->setCurrentIndex(std::max(0, m_optimizer->findData(d.optimizer)));
    m_lr->setText(numberText(d.learningRate));
    m_weightDecay->setText(numberText(d.weightDecay));
    m_batch->setValue(d.batchSize);
    m_epochs->setValue(d.epochs);
    m_schedule->setCurrentIndex(std::max(0, m_schedule->findData(d.schedule)));
    m_gradClip->setValue(d.gradientClip);
    m_patience->setValue(d.patience);
    m_monitor->setCurrentIndex(std::max(0, m_monitor->findData(d.monitor)));
    m_applyingDefaults = false;
}

void TrainingFormWidget::updateVisibility()
{
    const QString arch = m_arch->currentData().toString();
    QString kind = m_kind->currentData().toString();
    if (kind.isEmpty() && m_preview)
        kind = m_preview->kind;
    auto show = [this](QWidget *field, bool visible) {
        field->setVisible(visible);
        if (QWidget *label = m_rowLabels.value(field))
            label->setVisible(visible);
    };
    const bool csvLike = kind.isEmpty() || kind == QLatin1String("csv") || kind == QLatin1String("text-csv");
    show(m_labelColumn, csvLike);
    show(m_textColumn, kind == QLatin1String("text-csv"));
    show(m_topics, kind == QLatin1String("fortunes"));
    show(m_hidden, arch != QLatin1String("cnn"));
    show(m_activation, arch != QLatin1String("textcnn"));
    show(m_embedding, arch == QLatin1String("textcnn"));
    show(m_channels, arch == QLatin1String("cnn"));
    const bool sgd = m_optimizer->currentData().toString() == QLatin1String("sgd");
    m_momentum->setEnabled(sgd);
    m_nesterov->setEnabled(sgd);
    if (!sgd)
        m_nesterov->setChecked(false);
    const bool step = m_schedule->currentData().toString() == QLatin1String("step");
    m_stepSize->setVisible(step);
    m_gamma->setVisible(step);
    m_modelName->setEnabled(m_register->isChecked());
    m_description->setEnabled(m_register->isChecked());
}

void TrainingFormWidget::chooseFile()
{
    const QString start = m_path->text().isEmpty() ? QDir::homePath() : QFileInfo(m_path->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a CSV File"), start,
                                                      tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!file.isEmpty())
        m_path->setText(file);
}

void TrainingFormWidget::chooseFolder()
{
    const QString start = m_path->text().isEmpty() ? QStringLiteral("/usr/share") : m_path->text();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a Data Folder"), start);
    if (!folder.isEmpty())
        m_path->setText(folder);
}

