#include "workspaceopener.h"

#include "registry/registrydialect.h"

#include <QtConcurrent/QtConcurrentRun>

using ModelDesk::Registry::CatalogOptions;
using ModelDesk::Registry::ModelCatalog;

WorkspaceOpener::WorkspaceOpener(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &WorkspaceOpener::deliver);
}

WorkspaceOpener::~WorkspaceOpener()
{
    // The work captures nothing of this object, but its result (a catalog) must not outlive the
    // process's orderly shutdown on a pool thread.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void WorkspaceOpener::open(const QString &directory, const CatalogOptions &options)
{
    Q_ASSERT(!m_watcher.isRunning());
    m_directory = ModelDesk::Workspace::resolveDirectory(directory);
    // What the start-up window names while waiting: a registry URL given on the command line or in the
    // environment, without its password. (A URL in config.json is read by the worker.)
    const QString location = ModelCatalog::registryLocationOverride(options.registryUrl);
    m_registryDisplay.clear();
    if (ModelDesk::Registry::Dialect::isPostgresUrl(location)) {
        if (auto parsed = ModelDesk::Registry::Dialect::parseLocation(location))
            m_registryDisplay = parsed->display;
    }
    m_watcher.setFuture(QtConcurrent::run(&WorkspaceOpener::openBlocking, directory, options));
}

bool WorkspaceOpener::isRunning() const
{
    return m_watcher.isRunning();
}

std::unique_ptr<ModelCatalog> WorkspaceOpener::takeCatalog()
{
    return std::move(m_catalog);
}

std::shared_ptr<WorkspaceOpener::Outcome> WorkspaceOpener::openBlocking(QString directory, CatalogOptions options)
{
    auto outcome = std::make_shared<Outcome>();
    auto workspace = ModelDesk::Workspace::open(directory);
    if (!workspace) {
        outcome->failedPart = Part::Workspace;
        outcome->message = workspace.error().message;
        return outcome;
    }
    auto catalog = ModelCatalog::open(*workspace, options);
    if (!catalog) {
        outcome->failedPart = Part::Registry;
        outcome->message = catalog.error().message;
        return outcome;
    }
    outcome->catalog = std::move(*catalog);
    return outcome;
}

void WorkspaceOpener::deliver()
{
    const std::shared_ptr<Outcome> outcome = m_watcher.result();
    if (!outcome->catalog) {
        Q_EMIT failed(outcome->failedPart, outcome->message);
        return;
    }
    m_catalog = std::move(outcome->catalog);
    Q_EMIT opened();
}
