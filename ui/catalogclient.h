#pragma once
// CatalogClient: the console's only way to the ModelCatalog. Catalog calls block on SQL and file
// I/O, so they run on a worker thread owned by this object; results come back as queued signals
// on the GUI thread. Calls are asynchronous and run in the order they were made.
//
// It also carries the console's registry of running training jobs (trainingJobs()), shared the same
// way by every page and the first-run demo.
//
// Ownership: the catalog is not owned and must outlive the client; the destructor cancels a running
// import and stops the thread (waiting for the current call), so destroy the client first.
// Errors: operationFailed / importFailed carry one line a person can read; backgroundError reports
// each distinct polling error once (until polling succeeds again).

#include "catalogworker.h"

#include "core/modeltypes.h"
#include "registry/modelcatalog.h"
#include "training/trainingjobregistry.h"

#include <QObject>
#include <QString>
#include <QThread>

class CatalogClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogClient)

public:
    // pollIntervalMs: how often the registry's change counter is checked (0 disables polling).
    explicit CatalogClient(ModelDesk::Registry::ModelCatalog &catalog, QString actor, int pollIntervalMs = 1000,
                           QObject *parent = nullptr);
    ~CatalogClient() override;

    QString workspacePath() const { return m_workspacePath; }
    // The catalog itself, for jobs that run on a pool of their own (ExportActions); it is thread-safe
    // and blocking: never call it on the GUI thread.
    ModelDesk::Registry::ModelCatalog &catalog() const { return m_catalog; }
    bool isImporting() const { return m_activeImport != 0; }
    const CatalogSnapshot &snapshot() const { return m_snapshot; } // last one received
    // The training jobs running in this console, whoever started them (the Training page, the
    // first-run demo): a job's starter adds it, views follow it. GUI thread.
    ModelDesk::Training::TrainingJobRegistry &trainingJobs() { return m_trainingJobs; }

    void refresh();
    void loadAudit(const QString &model);
    // Returns false (and does nothing) while another import runs.
    bool importFile(const ModelDesk::Registry::ImportRequest &request);
    void cancelImport();
    void setAlias(const QString &model, const QString &alias, int version);
    void removeAlias(const QString &model, const QString &alias);
    void setTag(const QString &model, int version, const QString &key, const QString &value);
    void removeTag(const QString &model, int version, const QString &key);
    void deleteVersion(const QString &model, int version);
    void deleteModel(const QString &model);
    void exportVersion(const QString &model, int version, const QString &destination);

    // Stops the worker thread (idempotent); later calls are ignored.
    void shutdown();

Q_SIGNALS:
    void snapshotReady(const CatalogSnapshot &snapshot);
    void auditReady(const QString &model, const QList<ModelDesk::AuditEntry> &entries);
    void importStarted(const QString &sourcePath, const QString &model);
    void importProgress(qint64 done, qint64 total);
    void importFinished(const ModelDesk::VersionInfo &version);
    void importFailed(const QString &message, bool cancelled);
    void operationSucceeded(const QString &message);
    void operationFailed(const QString &message);
    void backgroundError(const QString &message);

private:
    template <typename Fn>
    void post(Fn &&fn);

    ModelDesk::Registry::ModelCatalog &m_catalog;
    QString m_workspacePath;
    QThread m_thread;
    CatalogWorker *m_worker = nullptr; // lives in m_thread, deleted there when it finishes
    CatalogSnapshot m_snapshot;
    ModelDesk::Training::TrainingJobRegistry m_trainingJobs;
    quint64 m_importSerial = 0;
    quint64 m_activeImport = 0;
    QString m_lastBackgroundError;
    bool m_running = false;
};
