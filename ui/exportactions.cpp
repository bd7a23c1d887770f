#include "exportactions.h"

#include "catalogclient.h"
#include "uiformat.h"

#include "core/workspace.h"
#include "registry/clusterexport.h"
#include "registry/modelcatalog.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

using namespace ModelDesk;

namespace {

QString versionRef(const VersionInfo &v) { return QString(v.model + u':' + QString::number(v.version)); }

// Same rule as the CLI's --decrypt consent: the stored file is encrypted, or the workspace encrypts
// its artifacts (the plaintext on disk would then be the only unencrypted copy).
Result<bool> encryptedAtRest(const Registry::ModelCatalog &catalog, const VersionInfo &version)
{
    auto form = catalog.store().storedForm(version.digest);
    if (!form)
        return fail(form.error());
    if (*form == Artifacts::StoredForm::Encrypted)
        return true;
    auto settings = catalog.registry().settings(QString::fromLatin1(Registry::encryptionEnabledSetting));
    if (!settings)
        return fail(settings.error());
    return settings->value(QString::fromLatin1(Registry::encryptionEnabledSetting)) == QLatin1String("true");
}

} // namespace

ExportActions::ExportActions(CatalogClient &client, Selection selection, QWidget *dialogParent)
    : QObject(dialogParent), m_client(client), m_selection(std::move(selection)), m_dialogParent(dialogParent)
{
    setObjectName(QStringLiteral("exportActions"));
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(m_dialogParent, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_askText = [this](const QString &title, const QString &label) -> std::optional<QString> {
        QInputDialog dialog(m_dialogParent);
        dialog.setWindowTitle(title);
        dialog.setLabelText(label);
        // The prompt is a sentence with an example: wrap it instead of making the dialog screen-wide.
        if (auto *text = dialog.findChild<QLabel *>()) {
            text->setWordWrap(true);
            text->setMinimumWidth(440); // the dialog's layout sizes it to its contents
        }
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.textValue();
    };
    m_menu = new QMenu(tr("E&xport"), dialogParent);
    m_menu->setObjectName(QStringLiteral("exportMenu"));
    m_menu->setIcon(QIcon(QStringLiteral(":/icons/export.svg")));
    m_torchScript = m_menu->addAction(tr("&TorchScript File…"), this, [this] { chooseAndExport(Kind::TorchScript); });
    m_torchScript->setToolTip(tr("Save the version's TorchScript file (plain, loadable by torch.jit.load)"));
    m_triton = m_menu->addAction(tr("T&riton Repository…"), this, [this] { chooseAndExport(Kind::Triton); });
    m_triton->setToolTip(tr("Write <folder>/<model>/config.pbtxt and <version>/model.pt for Triton Inference Server"));
    m_kserve = m_menu->addAction(tr("&KServe Manifest…"), this, [this] { chooseAndExport(Kind::KServe); });
    m_kserve->setToolTip(tr("Write a KServe InferenceService manifest (YAML) for this version"));
    connect(m_menu, &QMenu::aboutToShow, this, &ExportActions::updateEnabled);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &ExportActions::onFinished);
}

ExportActions::~ExportActions()
{
    // The job uses the catalog; the page (and with it this object) goes before the catalog does.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void ExportActions::updateEnabled()
{
    const std::optional<VersionInfo> v = m_selection ? m_selection() : std::nullopt;
    const bool enabled = v && v->version > 0 && !isBusy();
    for (QAction *a : {m_torchScript, m_triton, m_kserve})
        a->setEnabled(enabled);
}

void ExportActions::chooseAndExport(Kind kind)
{
    const std::optional<VersionInfo> v = m_selection ? m_selection() : std::nullopt;
    if (!v || v->version == 0)
        return;
    if (isBusy()) {
        Q_EMIT error(tr("Another export is still running; try again when it has finished."));
        return;
    }
    const QString base = m_lastDirectory.isEmpty() ? QDir::homePath() : m_lastDirectory;
    switch (kind) {
    case Kind::TorchScript: {
        const QString file = QFileDialog::getSaveFileName(
            m_dialogParent, tr("Export %1 as TorchScript").arg(versionRef(*v)),
            QDir(base).filePath(QString(v->model + QStringLiteral("-v") + QString::number(v->version) + QStringLiteral(".pt"))),
            tr("TorchScript models (*.pt);;All files (*)"));
        if (file.isEmpty())
            return;
        m_lastDirectory = QFileInfo(file).absolutePath();
        exportTorchScript(*v, file);
        return;
    }
    case Kind::Triton: {
        const QString dir = QFileDialog::getExistingDirectory(
            m_dialogParent, tr("Triton model repository for %1 (the model folder goes inside)").arg(versionRef(*v)), base);
        if (dir.isEmpty())
            return;
        m_lastDirectory = dir;
        exportTriton(*v, dir);
        return;
    }
    case Kind::KServe: {
        const QString file = QFileDialog::getSaveFileName(
            m_dialogParent, tr("KServe manifest for %1").arg(versionRef(*v)),
            QDir(base).filePath(Registry::kserveServiceName(v->model) + QStringLiteral(".yaml")),
            tr("YAML manifests (*.yaml *.yml);;All files (*)"));
        if (file.isEmpty())
            return;
        m_lastDirectory = QFileInfo(file).absolutePath();
        exportKServe(*v, file);
        return;
    }
    }
}

bool ExportActions::exportTorchScript(const VersionInfo &version, const QString &file)
{
    return start(Kind::TorchScript, version, file, false, false);
}

std::optional<TensorSpec> ExportActions::parseTensorSpec(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    TensorSpec spec;
    spec.dtype = trimmed.left(colon).trimmed().toUpper();
    if (Registry::tritonDataType(spec.dtype).isEmpty())
        return std::nullopt;
    const QStringList dims = trimmed.mid(colon + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (dims.isEmpty())
        return std::nullopt;
    for (const QString &d : dims) {
        bool ok = false;
        const qint64 n = d.trimmed().toLongLong(&ok);
        if (!ok || n == 0 || n < -1)
            return std::nullopt;
        spec.shape << n;
    }
    return spec;
}

bool ExportActions::askMissingTensors(const VersionInfo &version, const QList<TensorSpec> &known, const QString &kind,
                                      QList<TensorSpec> *overrides)
{
    overrides->clear();
    for (qsizetype i = 0; i < known.size(); ++i) {
        const TensorSpec &t = known[i];
        if (!t.dtype.isEmpty() && !t.shape.isEmpty()) {
            overrides->append(TensorSpec{});
            continue;
        }
        const bool input = kind == QLatin1String("input");
        QString label = (input ? tr("%1 does not record the data type and dims of input %2 ('%3'). Give them as "
                                    "DTYPE:DIMS, -1 for the batch dimension, e.g. FP32:-1,784")
                               : tr("%1 does not record the data type and dims of output %2 ('%3'). Give them as "
                                    "DTYPE:DIMS, -1 for the batch dimension, e.g. FP32:-1,10"))
                            .arg(versionRef(version))
                            .arg(i)
                            .arg(t.name);
        for (;;) {
            const std::optional<QString> answer = m_askText(tr("Triton Tensor Type"), label);
            if (!answer)
                return false;
            if (const std::optional<TensorSpec> spec = parseTensorSpec(*answer)) {
                overrides->append(*spec);
                break;
            }
            label = tr("'%1' is not DTYPE:DIMS: a type such as FP32, INT64 or BOOL, then dims that are -1 or positive, "
                       "e.g. FP32:-1,784. %2 %3 ('%4') of %5:")
                        .arg(answer->left(60), input ? tr("Input") : tr("Output"))
                        .arg(i)
                        .arg(t.name, versionRef(version));
        }
    }
    return true;
}

bool ExportActions::exportTriton(const VersionInfo &version, const QString &repositoryDir)
{
    if (isBusy())
        return false;
    if (!askMissingTensors(version, version.signature.inputs, QStringLiteral("input"), &m_inputs)
        || !askMissingTensors(version, version.signature.outputs, QStringLiteral("output"), &m_outputs)) {
        Q_EMIT info(tr("Triton export of %1 cancelled.").arg(versionRef(version)));
        Q_EMIT finished(false);
        return true;
    }
    bool overwrite = false;
    if (QFileInfo::exists(QDir(repositoryDir).filePath(version.model))) {
        if (!m_confirm(tr("Replace Model Folder"),
                       tr("%1 already has a folder '%2'. Replace it with version %3?\n\nThe new folder is written "
                          "beside it first, so the old one stays if the export fails.")
                           .arg(QDir::toNativeSeparators(repositoryDir), version.model)
                           .arg(version.version))) {
            Q_EMIT info(tr("Triton export of %1 cancelled: the model folder exists.").arg(versionRef(version)));
            Q_EMIT finished(false);
            return true;
        }
        overwrite = true;
    }
    return start(Kind::Triton, version, repositoryDir, false, overwrite);
}

bool ExportActions::exportKServe(const VersionInfo &version, const QString &manifestFile)
{
    // The manifest names where the model is, it holds no model bytes: nothing to decrypt.
    return start(Kind::KServe, version, manifestFile, true, false);
}

bool ExportActions::start(Kind kind, const VersionInfo &version, const QString &target, bool plaintextConfirmed,
                          bool overwrite)
{
    if (isBusy())
        return false;
    m_kind = kind;
    m_version = version;
    m_target = target;
    m_overwrite = overwrite;
    if (kind != Kind::Triton) {
        m_inputs.clear();
        m_outputs.clear();
    }
    Registry::ModelCatalog &catalog = m_client.catalog();
    const QString actor = currentOsUser();
    const QList<TensorSpec> inputs = m_inputs;
    const QList<TensorSpec> outputs = m_outputs;
    // Runs on a pool thread: only values and the thread-safe catalog are captured, no widget.
    m_watcher.setFuture(QtConcurrent::run([&catalog, kind, version, target, plaintextConfirmed, overwrite, actor, inputs,
                                           outputs]() -> Outcome {
        Outcome out;
        const QString ref = versionRef(version);
        if (!plaintextConfirmed) {
            Result<bool> encrypted = encryptedAtRest(catalog, version);
            if (!encrypted) {
                out.message = tr("Cannot export %1: %2").arg(ref, UiFormat::errorText(encrypted.error()));
                return out;
            }
            if (*encrypted) {
                out.needsPlaintextConsent = true;
                return out;
            }
        }
        switch (kind) {
        case Kind::TorchScript: {
            const Status s = catalog.exportVersion(version, target);
            out.ok = s.has_value();
            out.message = out.ok ? tr("Exported %1 to %2.").arg(ref, QDir::toNativeSeparators(target))
                                 : tr("Cannot export %1: %2").arg(ref, UiFormat::errorText(s.error()));
            return out;
        }
        case Kind::Triton: {
            Registry::TritonExportOptions options;
            options.outputDir = target;
            options.overwrite = overwrite;
            options.allowPlaintextOfEncrypted = plaintextConfirmed;
            options.actor = actor;
            options.inputs = inputs;
            options.outputs = outputs;
            Names::ModelRef mref;
            mref.name = version.model;
            mref.version = version.version;
            auto written = Registry::exportTritonRepository(catalog, {mref}, options);
            if (!written) {
                out.message = tr("Cannot export %1 for Triton: %2").arg(ref, UiFormat::errorText(written.error()));
                return out;
            }
            const Registry::TritonModelExport &m = written->first();
            out.ok = true;
            out.message = tr("Wrote the Triton model %1 to %2 (max_batch_size %3%4).")
                              .arg(ref, QDir::toNativeSeparators(m.directory))
                              .arg(m.maxBatchSize)
                              .arg(m.deployment.isEmpty()
                                       ? QString()
                                       : tr(", batching from deployment '%1'").arg(m.deployment));
            return out;
        }
        case Kind::KServe: {
            Names::ModelRef mref;
            mref.name = version.model;
            mref.version = version.version;
            auto manifest = Registry::kserveManifest(catalog, mref, {});
            if (!manifest) {
                out.message = tr("Cannot write a KServe manifest for %1: %2").arg(ref, UiFormat::errorText(manifest.error()));
                return out;
            }
            QSaveFile file(target);
            if (!file.open(QIODevice::WriteOnly) || file.write(manifest->yaml.toUtf8()) < 0 || !file.commit()) {
                out.message = tr("Cannot write the KServe manifest %1: %2").arg(QDir::toNativeSeparators(target), file.errorString());
                return out;
            }
            out.ok = true;
            out.message = tr("Wrote the KServe manifest for %1 (InferenceService '%2') to %3.")
                              .arg(ref, manifest->serviceName, QDir::toNativeSeparators(target));
            if (!manifest->note.isEmpty())
                out.message += QLatin1Char(' ') + manifest->note;
            return out;
        }
        }
        return out;
    }));
    return true;
}

void ExportActions::onFinished()
{
    const Outcome outcome = m_watcher.result();
    if (outcome.needsPlaintextConsent) {
        const QString where = QDir::toNativeSeparators(m_kind == Kind::Triton ? QDir(m_target).filePath(m_version.model) : m_target);
        const bool yes = m_confirm(tr("Write Plaintext Model"),
                                   tr("%1 is encrypted at rest. %2 needs plain TorchScript, so the export writes the "
                                      "model unencrypted to:\n\n%3\n\nAnyone who can read that place can read the model. "
                                      "Write it?")
                                       .arg(versionRef(m_version),
                                            m_kind == Kind::Triton ? tr("Triton") : tr("A TorchScript file"), where));
        if (!yes) {
            Q_EMIT info(tr("Export of %1 cancelled: it stays encrypted only.").arg(versionRef(m_version)));
            Q_EMIT finished(false);
            return;
        }
        start(m_kind, m_version, m_target, true, m_overwrite);
        return;
    }
    if (outcome.ok)
        Q_EMIT info(outcome.message);
    else
        Q_EMIT error(outcome.message);
    Q_EMIT finished(outcome.ok);
}
