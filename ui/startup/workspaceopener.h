#pragma once
// WorkspaceOpener: opens the workspace folder and its model registry on a worker thread, so the
// console's window (and the start-up window before it) stay responsive while the registry connects
// and migrates: a PostgreSQL server across the network, a first start that creates the schema, or an
// SQLite file on a slow disk. The result comes back on the GUI thread as opened() or failed().
//
//   WorkspaceOpener opener;
//   connect(&opener, &WorkspaceOpener::opened, ...);   // then takeCatalog()
//   opener.open(dir, options);
//
// The destructor waits for a call still running (the registry connection then closes on this thread,
// which RegistryDatabase allows), so quitting during a slow connect cannot leave a thread behind.

#include "core/workspace.h"
#include "registry/modelcatalog.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

class WorkspaceOpener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceOpener)

public:
    explicit WorkspaceOpener(QObject *parent = nullptr);
    ~WorkspaceOpener() override;

    // Starts opening `directory` ("" = MODELDESK_WORKSPACE, else the app-data folder) and the registry
    // chosen by `options.registryUrl` / MODELDESK_REGISTRY_URL / config.json. One call per opener.
    void open(const QString &directory, const ModelDesk::Registry::CatalogOptions &options);
    bool isRunning() const;

    // The folder that is being opened, and the PostgreSQL registry's URL without its password when the
    // command line or the environment names one ("" otherwise); known as soon as open() is called.
    QString directory() const { return m_directory; }
    QString registryDisplay() const { return m_registryDisplay; }

    // After opened(): the catalog, once (the caller owns it from then on).
    std::unique_ptr<ModelDesk::Registry::ModelCatalog> takeCatalog();

    enum class Part { Workspace, Registry };
    Q_ENUM(Part)

Q_SIGNALS:
    void opened();
    // `part` is what failed to open, `message` the one-line reason.
    void failed(WorkspaceOpener::Part part, const QString &message);

private:
    struct Outcome
    {
        std::unique_ptr<ModelDesk::Registry::ModelCatalog> catalog;
        Part failedPart = Part::Workspace;
        QString message;
    };
    static std::shared_ptr<Outcome> openBlocking(QString directory, ModelDesk::Registry::CatalogOptions options);
    void deliver();

    QFutureWatcher<std::shared_ptr<Outcome>> m_watcher;
    std::unique_ptr<ModelDesk::Registry::ModelCatalog> m_catalog;
    QString m_directory;
    QString m_registryDisplay;
};
