// TrainingFormWidget, second half: reading the fields into a TrainingConfig, showing what is wrong
// next to each field, and the data / network preview on the worker thread.
#include "trainingformwidget.h"

#include "classnames.h"
#include "core/names.h"
#include "training/dataset.h"

#include <QComboBox>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

using namespace ModelDesk;
using ModelDesk::Training::TrainingConfig;

namespace {

// "128,64" -> {128, 64}; nullopt when a part is not a whole number.
std::optional<QList<int>> parseIntList(const QString &text)
{
    QList<int> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = part.trimmed().toInt(&ok);
        if (!ok)
            return std::nullopt;
        out.append(v);
    }
    return out;
}

// Accepts the C locale's "0.001" and "1e-3" as well as the user's locale ("0,001").
std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    double v = text.trimmed().toDouble(&ok);
    if (!ok)
        v = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

} // namespace

TrainingConfig TrainingFormWidget::collect(QHash<QWidget *, QString> &errors, QString &general) const
{
    const QString arch = m_arch->currentData().toString();
    TrainingConfig c = TrainingConfig::defaultsFor(arch);
    c.data.kind = m_kind->currentData().toString();
    c.data.path = m_path->text().trimmed();
    c.data.labelColumn = m_labelColumn->currentText().trimmed();
    c.data.textColumn = m_textColumn->currentText().trimmed();
    for (const QString &t : m_topics->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        c.data.topics.append(t.trimmed());
    c.data.dataset = m_datasetName->text().trimmed();
    c.data.validationFraction = m_validationFraction->value();
    c.data.testFraction = m_testFraction->value();
    // Only the fields of the chosen kind count (a label column typed for a CSV means nothing to IDX).
    const QString kind = !c.data.kind.isEmpty() ? c.data.kind : m_preview ? m_preview->kind : QString();
    if (kind == QLatin1String("idx") || kind == QLatin1String("fortunes"))
        c.data.labelColumn.clear();
    if (kind != QLatin1String("text-csv"))
        c.data.textColumn.clear();
    if (kind != QLatin1String("fortunes"))
        c.data.topics.clear();

    if (c.data.path.isEmpty())
        errors.insert(m_path, tr("Choose the data: a CSV file, an IDX folder or a fortunes folder."));
    else if (!QFileInfo::exists(c.data.path))
        errors.insert(m_path, tr("%1: no such file or folder.").arg(c.data.path));
    if (!c.data.dataset.isEmpty()) {
        if (auto ok = Names::checkName(c.data.dataset, QStringLiteral("dataset")); !ok)
            errors.insert(m_datasetName, ok.error().message);
    }

    c.arch = arch;
    if (arch != QLatin1String("cnn")) {
        const auto hidden = parseIntList(m_hidden->text());
        if (!hidden)
            errors.insert(m_hidden, tr("Write whole numbers separated by commas, e.g. 128 or 256,128."));
        else if (hidden->isEmpty() && arch == QLatin1String("textcnn"))
            c.hidden = {0};
        else
            c.hidden = *hidden;
    }
    c.activation = m_activation->currentData().toString();
    c.dropout = m_dropout->value();
    c.embeddingDim = m_embedding->value();
    if (arch == QLatin1String("cnn")) {
        const auto channels = parseIntList(m_channels->text());
        if (!channels || channels->size() != 2)
            errors.insert(m_channels, tr("Give two channel counts, e.g. 32,64."));
        else
            c.channels = *channels;
    }

    c.optimizer = m_optimizer->currentData().toString();
    c.momentum = m_momentum->value();
    c.nesterov = m_nesterov->isChecked();
    if (const auto lr = parseNumber(m_lr->text()))
        c.learningRate = *lr;
    else
        errors.insert(m_lr, tr("'%1' is not a number (e.g. 0.001 or 1e-3).").arg(m_lr->text()));
    const QString wd = m_weightDecay->text().trimmed();
    if (wd.isEmpty())
        c.weightDecay = 0;
    else if (const auto v = parseNumber(wd))
        c.weightDecay = *v;
    else
        errors.insert(m_weightDecay, tr("'%1' is not a number (e.g. 0 or 1e-4).").arg(wd));
    c.batchSize = m_batch->value();
    c.epochs = m_epochs->value();
    c.schedule = m_schedule->currentData().toString();
    c.stepSize = m_stepSize->value();
    c.gamma = m_gamma->value();
    c.gradientClip = m_gradClip->value();
    c.patience = m_patience->value();
    c.monitor = m_monitor->currentData().toString();
    c.seed = quint64(m_seed->value());
    c.threads = m_threads->value();

    if (m_register->isChecked()) {
        c.registerAs = m_modelName->text().trimmed();
        if (c.registerAs.isEmpty())
            errors.insert(m_modelName, tr("Name the model to register the result under (or untick \"Register\")."));
        else if (auto ok = Names::checkName(c.registerAs, QStringLiteral("model")); !ok)
            errors.insert(m_modelName, ok.error().message);
        c.description = m_description->text().trimmed();
    }

    // Per-step points: about 300 over the run, so short runs draw curves and long ones stay light.
    if (m_preview && m_preview->trainRows > 0) {
        const qint64 stepsPerEpoch = (m_preview->trainRows + c.batchSize - 1) / c.batchSize;
        c.logEverySteps = int(std::clamp<qint64>(stepsPerEpoch * c.epochs / 300, 1, 20));
    }

    // The library's own checks catch the combinations (Nesterov without SGD momentum, ...); its
    // message goes under the field it names.
    if (errors.isEmpty()) {
        if (auto ok = c.validate(); !ok) {
            const QString m = ok.error().message;
            const QList<std::pair<QString, QWidget *>> owners{
                {QStringLiteral("learning rate"), m_lr},      {QStringLiteral("nesterov"), m_momentum},
                {QStringLiteral("momentum"), m_momentum},     {QStringLiteral("weight decay"), m_weightDecay},
                {QStringLiteral("hidden"), m_hidden},         {QStringLiteral("text classifier"), m_hidden},
                {QStringLiteral("channels"), m_channels},     {QStringLiteral("early stopping"), m_patience},
                {QStringLiteral("validation fraction"), m_validationFraction},
                {QStringLiteral("test fraction"), m_validationFraction},
                {QStringLiteral("dataset"), m_datasetName},   {QStringLiteral("model"), m_modelName},
            };
            QWidget *owner = nullptr;
            for (const auto &[word, field] : owners) {
                if (m.contains(word, Qt::CaseInsensitive)) {
                    owner = field;
                    break;
                }
            }
            if (owner)
                errors.insert(owner, m);
            else
                general = m;
        }
    }
    return c;
}

Result<TrainingConfig> TrainingFormWidget::config() const
{
    QHash<QWidget *, QString> errors;
    QString general;
    TrainingConfig c = collect(errors, general);
    if (!errors.isEmpty())
        return fail(Error::invalid(errors.constBegin().value()));
    if (!general.isEmpty())
        return fail(Error::invalid(general));
    return c;
}

bool TrainingFormWidget::isStartAllowed() const
{
    return !m_running && m_errors.isEmpty() && m_generalError->text().isEmpty();
}

void TrainingFormWidget::setFieldError(QWidget *field, const QString &message)
{
    if (QLabel *label = m_errorLabels.value(field)) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
}

QString TrainingFormWidget::fieldError(QWidget *field) const { return m_errors.value(field); }

QString TrainingFormWidget::dataError() const { return m_errors.value(m_path); }

void TrainingFormWidget::revalidate()
{
    if (m_applyingDefaults)
        return;
    QHash<QWidget *, QString> errors;
    QString general;
    collect(errors, general);
    // What the data preview found counts as much as what the fields say.
    if (!errors.contains(m_path)) {
        if (!m_runError.isEmpty())
            errors.insert(m_path, m_runError);
        else if (m_preview && !m_preview->dataError.isEmpty())
            errors.insert(m_path, m_preview->dataError);
    }
    if (m_preview && !m_preview->archError.isEmpty() && m_preview->dataError.isEmpty())
        errors.insert(m_arch, m_preview->archError);
    m_errors = errors;
    for (auto it = m_errorLabels.constBegin(); it != m_errorLabels.constEnd(); ++it)
        setFieldError(it.key(), errors.value(it.key()));
    m_generalError->setText(general);
    m_generalError->setVisible(!general.isEmpty());
    m_start->setEnabled(isStartAllowed());
    m_start->setToolTip(m_running ? tr("A training run is in progress; one run at a time.")
                        : !errors.isEmpty() ? tr("Fix the fields marked in red first.")
                                            : tr("Train on a worker thread; the console stays usable."));
}

void TrainingFormWidget::setRunInProgress(bool running, int threads)
{
    m_running = running;
    m_activeThreads = running ? threads : 0;
    // The job reads the data itself: let the preview's copy go (Fashion-MNIST is ~50 MB) instead
    // of holding both; a preview in flight keeps the old cache alive until it ends.
    if (running)
        m_cache = TrainingQueries::makeDatasetCache();
    revalidate();
}

void TrainingFormWidget::showRunError(const QString &message)
{
    m_runError = message;
    revalidate();
}

void TrainingFormWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The first preview waits until the page is seen: reading Fashion-MNIST at start-up for a page
    // nobody opened would waste a second of CPU and memory.
    if (!m_shown) {
        m_shown = true;
        startPreview();
    }
}

bool TrainingFormWidget::isPreviewPending() const
{
    return m_previewRunning || m_previewQueued || m_previewTimer->isActive();
}

void TrainingFormWidget::schedulePreview()
{
    revalidate();
    if (m_shown)
        m_previewTimer->start();
}

void TrainingFormWidget::startPreview()
{
    if (m_previewRunning) {
        m_previewQueued = true;
        return;
    }
    m_previewQueued = false;
    QHash<QWidget *, QString> errors;
    QString general;
    TrainingConfig c = collect(errors, general);
    if (c.data.path.isEmpty() || !QFileInfo::exists(c.data.path)) {
        m_preview.reset();
        m_dataSummary->clear();
        m_parameters->setText(tr("shown once the data is chosen"));
        m_previewTable->hide();
        revalidate();
        return;
    }
    // The preview's network only needs sane numbers; the fields' own errors are shown anyway.
    if (!c.validate()) {
        const TrainingConfig d = TrainingConfig::defaultsFor(c.arch);
        c.learningRate = d.learningRate;
        c.weightDecay = 0;
        c.nesterov = false;
        c.patience = 0;
        c.registerAs.clear();
        c.data.dataset.clear();
    }
    if (m_activeThreads > 0)
        c.threads = m_activeThreads;
    const QString key = QString::fromUtf8(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact));
    m_previewRunning = true;
    const quint64 generation = ++m_previewGeneration;
    m_parameters->setText(tr("computing…"));
    auto cache = m_cache;
    m_previewWatcher.setProperty("generation", generation);
    m_previewKey = key;
    m_previewWatcher.setFuture(QtConcurrent::run(&m_previewPool, [c, cache] { return TrainingQueries::previewData(c, *cache); }));
}

void TrainingFormWidget::applyPreview(const TrainingQueries::DataPreview &p, quint64 generation)
{
    m_previewRunning = false;
    if (generation != m_previewGeneration || m_previewQueued) {
        startPreview();
        return;
    }
    m_preview = p;
    const QLocale locale;

    // Columns of the table for the label / text column choosers (keep what the user typed).
    for (QComboBox *box : {m_labelColumn, m_textColumn}) {
        const QString current = box->currentText();
        QStringList items{QString()};
        items.append(p.columns);
        QStringList existing;
        for (int i = 0; i < box->count(); ++i)
            existing.append(box->itemText(i));
        if (existing != items) {
            const QSignalBlocker block(box);
            box->clear();
            box->addItems(items);
            box->setCurrentText(current);
        }
    }

    // Sensible architecture for the data: text needs the text classifier, numbers cannot use it.
    const QString arch = m_arch->currentData().toString();
    const bool text = p.kind == QLatin1String("text-csv") || p.kind == QLatin1String("fortunes");
    if (p.dataError.isEmpty() && !p.kind.isEmpty()) {
        if (text && arch != QLatin1String("textcnn"))
            m_arch->setCurrentIndex(m_arch->findData(QStringLiteral("textcnn")));
        else if (!text && arch == QLatin1String("textcnn"))
            m_arch->setCurrentIndex(m_arch->findData(QStringLiteral("mlp")));
        else if (p.kind != QLatin1String("idx") && arch == QLatin1String("cnn"))
            m_arch->setCurrentIndex(m_arch->findData(QStringLiteral("mlp")));
        if (m_arch->currentData().toString() != arch)
            return; // the change scheduled a new preview
    }

    // A model name to start from ("fashion-mnist-mlp"), until the operator types another one.
    if (p.dataError.isEmpty()) {
        const QString suggested = QStringLiteral("%1-%2").arg(ModelDesk::Training::defaultDatasetName(m_path->text().trimmed()),
                                                              m_arch->currentData().toString());
        if (Names::isValidName(suggested)) {
            const QString current = m_modelName->text().trimmed();
            if (current.isEmpty() || current == m_suggestedModelName)
                m_modelName->setText(suggested);
            m_suggestedModelName = suggested;
        }
    }

    if (!p.dataError.isEmpty()) {
        m_dataSummary->setText(tr("The data cannot be used (see above)."));
        m_parameters->setText(tr("shown once the data can be read"));
    } else {
        QString shape;
        if (p.kind == QLatin1String("idx"))
            shape = tr("%1×%2 images").arg(p.imageHeight).arg(p.imageWidth);
        else if (p.kind == QLatin1String("csv"))
            shape = tr("%n feature(s), label column '%1'", nullptr, int(p.features)).arg(p.labelColumn);
        else
            shape = tr("texts, label column '%1'").arg(p.kind == QLatin1String("fortunes") ? tr("topic") : p.labelColumn);
        QStringList balance;
        for (int i = 0; i < p.classNames.size() && i < 12; ++i)
            balance.append(QStringLiteral("%1 %2").arg(ClassNames::display(p.classNames[i]), locale.toString(p.classCounts.value(i))));
        if (p.classNames.size() > 12)
            balance.append(QStringLiteral("…"));
        QString summary = tr("<b>%1</b> rows, %2; <b>%n</b> classes (%3).", nullptr, int(p.classNames.size()))
                              .arg(locale.toString(p.rows), shape, balance.join(QStringLiteral(", ")).toHtmlEscaped());
        summary += QStringLiteral("<br>")
                   + tr("Split: %1 train / %2 validation / %3 test.")
                         .arg(locale.toString(p.trainRows), locale.toString(p.validationRows), locale.toString(p.testRows));
        if (p.isCsv)
            summary += QStringLiteral("<br>")
                       + (p.hasHeader ? tr("Header row detected: the first line names the columns.")
                                      : tr("No header row: the first line is data; columns are numbered."));
        m_dataSummary->setText(summary);
        if (!p.archError.isEmpty())
            m_parameters->setText(tr("–"));
        else
            m_parameters->setText(tr("<b>%1</b> trainable parameters").arg(locale.toString(p.parameterCount)));
        m_parameters->setToolTip(p.architecture);
    }

    // The first records, with the label column marked, so the operator sees what the loader sees.
    if (p.isCsv && !p.firstRows.isEmpty()) {
        m_previewTable->clear();
        m_previewTable->setColumnCount(int(p.columns.size()));
        m_previewTable->setRowCount(int(p.firstRows.size()));
        m_previewTable->setHorizontalHeaderLabels(p.columns);
        const int labelIndex = int(p.columns.indexOf(p.labelColumn));
        for (int r = 0; r < p.firstRows.size(); ++r) {
            for (int col = 0; col < p.firstRows[r].size() && col < p.columns.size(); ++col) {
                auto *item = new QTableWidgetItem(p.firstRows[r][col]);
                if (col == labelIndex) {
                    QFont f = item->font();
                    f.setBold(true);
                    item->setFont(f);
                }
                m_previewTable->setItem(r, col, item);
            }
        }
        if (labelIndex >= 0) {
            if (QTableWidgetItem *header = m_previewTable->horizontalHeaderItem(labelIndex))
                header->setText(tr("%1 (label)").arg(p.columns[labelIndex]));
        }
        m_previewTable->show();
    } else {
        m_previewTable->hide();
    }
    updateVisibility();
    revalidate();
    Q_EMIT previewUpdated();
}
