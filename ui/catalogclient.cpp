#include "catalogclient.h"

#include <QMetaObject>
#include <limits>

CatalogClient::CatalogClient(ModelDesk::Registry::ModelCatalog &catalog, QString actor, int pollIntervalMs,
                             QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_workspacePath(catalog.workspace().root())
{
    qRegisterMetaType<CatalogSnapshot>();
    qRegisterMetaType<ModelDesk::VersionInfo>();
    qRegisterMetaType<QList<ModelDesk::AuditEntry>>();

    m_thread.setObjectName(QStringLiteral("CatalogWorker"));
    m_worker = new CatalogWorker(catalog, std::move(actor));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    // Worker signals arrive here queued (the worker lives in another thread); `this` is the context,
    // so nothing is delivered after the client is gone.
    connect(m_worker, &CatalogWorker::snapshotReady, this, [this](const CatalogSnapshot &snapshot) {
        m_snapshot = snapshot;
        m_lastBackgroundError.clear();
        Q_EMIT snapshotReady(snapshot);
    });
    connect(m_worker, &CatalogWorker::auditReady, this, &CatalogClient::auditReady);
    connect(m_worker, &CatalogWorker::importProgress, this, [this](quint64 serial, qint64 done, qint64 total) {
        if (serial == m_activeImport)
            Q_EMIT importProgress(done, total);
    });
    connect(m_worker, &CatalogWorker::importFinished, this, [this](quint64 serial, const ModelDesk::VersionInfo &v) {
        if (serial == m_activeImport)
            m_activeImport = 0;
        Q_EMIT importFinished(v);
    });
    connect(m_worker, &CatalogWorker::importFailed, this, [this](quint64 serial, const QString &message, bool cancelled) {
        if (serial == m_activeImport)
            m_activeImport = 0;
        Q_EMIT importFailed(message, cancelled);
    });
    connect(m_worker, &CatalogWorker::operationSucceeded, this, &CatalogClient::operationSucceeded);
    connect(m_worker, &CatalogWorker::operationFailed, this, &CatalogClient::operationFailed);
    connect(m_worker, &CatalogWorker::backgroundError, this, [this](const QString &message) {
        // Polling runs every second: say it once, not sixty times a minute.
        if (message == m_lastBackgroundError)
            return;
        m_lastBackgroundError = message;
        Q_EMIT backgroundError(message);
    });

    m_thread.start();
    m_running = true;
    if (pollIntervalMs > 0)
        post([pollIntervalMs](CatalogWorker *w) { w->startPolling(pollIntervalMs); });
    refresh();
}

CatalogClient::~CatalogClient()
{
    shutdown();
}

void CatalogClient::shutdown()
{
    if (!m_running)
        return;
    m_running = false;
    // A running import checks the cancel flag between chunks, so the wait below stays short.
    m_worker->requestCancelImport(std::numeric_limits<quint64>::max());
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr; // deleted by deleteLater when the thread finished
}

template <typename Fn>
void CatalogClient::post(Fn &&fn)
{
    if (!m_running)
        return;
    CatalogWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, fn = std::forward<Fn>(fn)]() { fn(worker); }, Qt::QueuedConnection);
}

void CatalogClient::refresh()
{
    post([](CatalogWorker *w) { w->refresh(); });
}

void CatalogClient::loadAudit(const QString &model)
{
    post([model](CatalogWorker *w) { w->loadAudit(model); });
}

bool CatalogClient::importFile(const ModelDesk::Registry::ImportRequest &request)
{
    if (!m_running || m_activeImport != 0)
        return false;
    const quint64 serial = ++m_importSerial;
    m_activeImport = serial;
    Q_EMIT importStarted(request.sourcePath, request.model);
    post([request, serial](CatalogWorker *w) { w->importFile(request, serial); });
    return true;
}

void CatalogClient::cancelImport()
{
    if (m_running && m_activeImport != 0)
        m_worker->requestCancelImport(m_activeImport);
}

void CatalogClient::setAlias(const QString &model, const QString &alias, int version)
{
    post([=](CatalogWorker *w) { w->setAlias(model, alias, version); });
}

void CatalogClient::removeAlias(const QString &model, const QString &alias)
{
    post([=](CatalogWorker *w) { w->removeAlias(model, alias); });
}

void CatalogClient::setTag(const QString &model, int version, const QString &key, const QString &value)
{
    post([=](CatalogWorker *w) { w->setTag(model, version, key, value); });
}

void CatalogClient::removeTag(const QString &model, int version, const QString &key)
{
    post([=](CatalogWorker *w) { w->removeTag(model, version, key); });
}

void CatalogClient::deleteVersion(const QString &model, int version)
{
    post([=](CatalogWorker *w) { w->deleteVersion(model, version); });
}

void CatalogClient::deleteModel(const QString &model)
{
    post([=](CatalogWorker *w) { w->deleteModel(model); });
}

void CatalogClient::exportVersion(const QString &model, int version, const QString &destination)
{
    post([=](CatalogWorker *w) { w->exportVersion(model, version, destination); });
}
