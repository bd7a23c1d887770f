#pragma once
// CatalogWorker: runs ModelCatalog calls on the CatalogClient's worker thread. It lives in that
// thread; every public method is called there (queued by CatalogClient), except
// requestCancelImport(), which any thread may call. Results leave through signals, which
// CatalogClient forwards to the GUI thread as queued connections.
//
// It also polls registry().changeCounter() once a second so that changes made by another process
// (the CLI, the server) reach the console without a restart.

#include "core/modeltypes.h"
#include "registry/modelcatalog.h"

#include <QList>
#include <QObject>
#include <QString>
#include <atomic>
#include <functional>

class QTimer;

// What the console shows of the registry at one moment.
struct CatalogSnapshot
{
    QList<ModelDesk::ModelInfo> models;
    QList<ModelDesk::VersionInfo> versions;
    qint64 changeCounter = 0;
};
Q_DECLARE_METATYPE(CatalogSnapshot)

class CatalogWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogWorker)

public:
    // The catalog must outlive the worker (CatalogClient stops the thread before it goes).
    CatalogWorker(ModelDesk::Registry::ModelCatalog &catalog, QString actor);
    ~CatalogWorker() override;

    void startPolling(int intervalMs);
    void refresh();
    void loadAudit(const QString &model);
    void importFile(const ModelDesk::Registry::ImportRequest &request, quint64 serial);
    void setAlias(const QString &model, const QString &alias, int version);
    void removeAlias(const QString &model, const QString &alias);
    void setTag(const QString &model, int version, const QString &key, const QString &value);
    void removeTag(const QString &model, int version, const QString &key);
    void deleteVersion(const QString &model, int version);
    void deleteModel(const QString &model);
    void exportVersion(const QString &model, int version, const QString &destination);

    // Thread-safe: cancels the import with this serial (and any earlier one).
    void requestCancelImport(quint64 serial);

Q_SIGNALS:
    void snapshotReady(const CatalogSnapshot &snapshot);
    void auditReady(const QString &model, const QList<ModelDesk::AuditEntry> &entries);
    void importProgress(quint64 serial, qint64 done, qint64 total);
    void importFinished(quint64 serial, const ModelDesk::VersionInfo &version);
    void importFailed(quint64 serial, const QString &message, bool cancelled);
    void operationSucceeded(const QString &message);
    void operationFailed(const QString &message);
    // Errors nobody asked for (polling); CatalogClient reports each distinct one once.
    void backgroundError(const QString &message);

private:
    void poll();
    void emitSnapshot();
    // Runs a mutation, reports success or failure, refreshes the views on success.
    void mutate(const QString &failurePrefix, const QString &successMessage,
                const std::function<ModelDesk::Status()> &call);

    ModelDesk::Registry::ModelCatalog &m_catalog;
    const QString m_actor;
    QTimer *m_pollTimer = nullptr;
    qint64 m_lastCounter = -1;
    std::atomic<quint64> m_cancelUpTo{0};
};
