#pragma once
// ExportActions: the Models page's Export submenu for a version — TorchScript file…, Triton
// repository…, KServe manifest… (the same exports as `modeldesk-cli models export` / `export triton` /
// `export kserve`, models/registry/clusterexport.h).
//
// Threads: the dialogs run on the GUI thread; every export runs on a QtConcurrent pool thread (file and
// database I/O) and its outcome comes back by a QFutureWatcher to info()/error() (the log panel).
// Encrypted models: Triton and KServe need plain TorchScript, so before writing plaintext of a version
// that is encrypted at rest the user confirms (a message box; tests replace it with setConfirmer).
// Lifetime: the destructor waits for a running export (they are bounded file writes), so the catalog
// is never used after the page is gone.

#include "core/modeltypes.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

class CatalogClient;
class QAction;
class QMenu;
class QWidget;

class ExportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportActions)

public:
    using Selection = std::function<std::optional<ModelDesk::VersionInfo>()>;
    // Asked on the GUI thread; true to go on. Default: a QMessageBox on the dialog parent.
    using Confirmer = std::function<bool(const QString &title, const QString &text)>;
    // Asks for one line of text on the GUI thread; nullopt when the user cancels. Default: QInputDialog.
    using TextAsker = std::function<std::optional<QString>(const QString &title, const QString &label)>;

    // `dialogParent` parents the dialogs and this object; `selection` gives the version to export.
    ExportActions(CatalogClient &client, Selection selection, QWidget *dialogParent);
    ~ExportActions() override;

    QMenu *menu() const { return m_menu; }
    QAction *torchScriptAction() const { return m_torchScript; }
    QAction *tritonAction() const { return m_triton; }
    QAction *kserveAction() const { return m_kserve; }
    bool isBusy() const { return m_watcher.isRunning(); }
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    void setTextAsker(TextAsker asker) { m_askText = std::move(asker); }

    // "FP32:-1,784" -> dtype FP32, shape [-1, 784]; nullopt when it is not DTYPE:DIMS with a data type
    // Triton knows and dimensions that are -1 or positive.
    static std::optional<ModelDesk::TensorSpec> parseTensorSpec(const QString &text);

    // The exports without their file dialogs (the menu entries ask for the place first). Each checks
    // encryption (and an existing Triton model folder) first and asks before writing plaintext or
    // replacing; Triton also asks for the data type and dims of every tensor the registry does not
    // know (imported TorchScript records neither). False when another export is still running.
    bool exportTorchScript(const ModelDesk::VersionInfo &version, const QString &file);
    bool exportTriton(const ModelDesk::VersionInfo &version, const QString &repositoryDir);
    bool exportKServe(const ModelDesk::VersionInfo &version, const QString &manifestFile);

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);
    // After every attempt (success, failure or declined), for tests and busy indicators.
    void finished(bool ok);

private:
    enum class Kind { TorchScript, Triton, KServe };
    struct Outcome
    {
        bool ok = false;
        bool needsPlaintextConsent = false; // stopped before writing: the version is encrypted at rest
        QString message;
    };

    void chooseAndExport(Kind kind);
    bool start(Kind kind, const ModelDesk::VersionInfo &version, const QString &target, bool plaintextConfirmed,
               bool overwrite);
    // Fills the tensors the signature leaves open by asking; false when the user cancelled.
    bool askMissingTensors(const ModelDesk::VersionInfo &version, const QList<ModelDesk::TensorSpec> &known,
                           const QString &kind, QList<ModelDesk::TensorSpec> *overrides);
    void onFinished();
    void updateEnabled();

    CatalogClient &m_client;
    Selection m_selection;
    QWidget *m_dialogParent = nullptr;
    Confirmer m_confirm;
    TextAsker m_askText;
    QMenu *m_menu = nullptr;
    QAction *m_torchScript = nullptr;
    QAction *m_triton = nullptr;
    QAction *m_kserve = nullptr;
    QString m_lastDirectory;

    // The running export, to ask and start again after a consent.
    QFutureWatcher<Outcome> m_watcher;
    Kind m_kind = Kind::TorchScript;
    ModelDesk::VersionInfo m_version;
    QString m_target;
    bool m_overwrite = false;
    QList<ModelDesk::TensorSpec> m_inputs;  // Triton overrides for this export
    QList<ModelDesk::TensorSpec> m_outputs;
};
