#include "catalogworker.h"

#include "uiformat.h"

#include <QTimer>
#include <exception>

using ModelDesk::Error;
using ModelDesk::Status;

namespace {

// No exception may cross the thread boundary: the core returns Result<T>, but a bad_alloc or a bug
// must become a reported error, not a terminated console.
template <typename Fn>
void guarded(Fn &&fn, const std::function<void(const QString &)> &onError)
{
    try {
        fn();
    } catch (const std::exception &e) {
        onError(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        onError(QStringLiteral("unknown exception"));
    }
}

} // namespace

CatalogWorker::CatalogWorker(ModelDesk::Registry::ModelCatalog &catalog, QString actor)
    : m_catalog(catalog)
    , m_actor(std::move(actor))
{
}

CatalogWorker::~CatalogWorker() = default;

void CatalogWorker::startPolling(int intervalMs)
{
    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this); // created here so it belongs to the worker thread
        connect(m_pollTimer, &QTimer::timeout, this, &CatalogWorker::poll);
    }
    m_pollTimer->start(intervalMs);
}

void CatalogWorker::poll()
{
    guarded([this] {
        const auto counter = m_catalog.registry().changeCounter();
        if (!counter) {
            Q_EMIT backgroundError(tr("Cannot watch the registry for changes: %1").arg(UiFormat::errorText(counter.error())));
            return;
        }
        if (*counter != m_lastCounter)
            emitSnapshot();
    }, [this](const QString &what) { Q_EMIT backgroundError(tr("Registry poll failed: %1").arg(what)); });
}

void CatalogWorker::refresh()
{
    guarded([this] { emitSnapshot(); },
            [this](const QString &what) { Q_EMIT operationFailed(tr("Refresh failed: %1").arg(what)); });
}

void CatalogWorker::emitSnapshot()
{
    auto &registry = m_catalog.registry();
    // Read the counter first: a change that lands while we list is then seen by the next poll.
    const auto counter = registry.changeCounter();
    auto models = registry.models();
    if (!models) {
        Q_EMIT backgroundError(tr("Cannot list models: %1").arg(UiFormat::errorText(models.error())));
        return;
    }
    auto versions = registry.allVersions();
    if (!versions) {
        Q_EMIT backgroundError(tr("Cannot list versions: %1").arg(UiFormat::errorText(versions.error())));
        return;
    }
    CatalogSnapshot snapshot;
    snapshot.models = std::move(*models);
    snapshot.versions = std::move(*versions);
    snapshot.changeCounter = counter ? *counter : -1;
    m_lastCounter = snapshot.changeCounter;
    Q_EMIT snapshotReady(snapshot);
}

void CatalogWorker::loadAudit(const QString &model)
{
    guarded([&] {
        ModelDesk::AuditQuery query;
        query.target = model;
        query.limit = 200;
        auto entries = m_catalog.registry().audit(query);
        if (!entries) {
            Q_EMIT operationFailed(tr("Cannot read the audit log of '%1': %2").arg(model, UiFormat::errorText(entries.error())));
            return;
        }
        // A prefix match on "abc" also matches "abcd:1"; keep only this model's entries.
        QList<ModelDesk::AuditEntry> own;
        for (const auto &e : std::as_const(*entries)) {
            const QStringView rest = QStringView(e.target).mid(model.size());
            if (e.target.startsWith(model) && (rest.isEmpty() || rest.startsWith(u':') || rest.startsWith(u'@')))
                own << e;
        }
        Q_EMIT auditReady(model, own);
    }, [&](const QString &what) { Q_EMIT operationFailed(tr("Cannot read the audit log: %1").arg(what)); });
}

void CatalogWorker::importFile(const ModelDesk::Registry::ImportRequest &request, quint64 serial)
{
    guarded([&] {
        const auto progress = [this, serial](qint64 done, qint64 total) {
            Q_EMIT importProgress(serial, done, total);
            return m_cancelUpTo.load() < serial;
        };
        if (m_cancelUpTo.load() >= serial) {
            Q_EMIT importFailed(serial, tr("Import cancelled."), true);
            return;
        }
        auto version = m_catalog.importFile(request, m_actor, progress);
        if (!version) {
            const bool cancelled = version.error().code == Error::Code::Cancelled;
            Q_EMIT importFailed(serial,
                                cancelled ? tr("Import cancelled.") : UiFormat::errorText(version.error()),
                                cancelled);
            return;
        }
        Q_EMIT importFinished(serial, *version);
        emitSnapshot();
    }, [&](const QString &what) { Q_EMIT importFailed(serial, what, false); });
}

void CatalogWorker::requestCancelImport(quint64 serial)
{
    quint64 current = m_cancelUpTo.load();
    while (current < serial && !m_cancelUpTo.compare_exchange_weak(current, serial)) {
    }
}

void CatalogWorker::mutate(const QString &failurePrefix, const QString &successMessage,
                           const std::function<Status()> &call)
{
    guarded([&] {
        const Status status = call();
        if (!status) {
            Q_EMIT operationFailed(QString(failurePrefix + QStringLiteral(": ") + UiFormat::errorText(status.error())));
            return;
        }
        Q_EMIT operationSucceeded(successMessage);
        emitSnapshot();
    }, [&](const QString &what) { Q_EMIT operationFailed(QString(failurePrefix + QStringLiteral(": ") + what)); });
}

void CatalogWorker::setAlias(const QString &model, const QString &alias, int version)
{
    mutate(tr("Cannot set alias '%1' on %2:%3").arg(alias, model).arg(version),
           tr("Alias %1@%2 now points at version %3.").arg(model, alias).arg(version),
           [&] { return m_catalog.registry().setAlias(model, alias, version, m_actor); });
}

void CatalogWorker::removeAlias(const QString &model, const QString &alias)
{
    mutate(tr("Cannot remove alias %1@%2").arg(model, alias), tr("Alias %1@%2 removed.").arg(model, alias),
           [&] { return m_catalog.registry().removeAlias(model, alias, m_actor); });
}

void CatalogWorker::setTag(const QString &model, int version, const QString &key, const QString &value)
{
    mutate(tr("Cannot set tag '%1' on %2:%3").arg(key, model).arg(version),
           tr("Tag %1=%2 set on %3:%4.").arg(key, value, model).arg(version),
           [&] { return m_catalog.registry().setTag(model, version, key, value, m_actor); });
}

void CatalogWorker::removeTag(const QString &model, int version, const QString &key)
{
    mutate(tr("Cannot remove tag '%1' from %2:%3").arg(key, model).arg(version),
           tr("Tag '%1' removed from %2:%3.").arg(key, model).arg(version),
           [&] { return m_catalog.registry().removeTag(model, version, key, m_actor); });
}

void CatalogWorker::deleteVersion(const QString &model, int version)
{
    mutate(tr("Cannot delete %1:%2").arg(model).arg(version), tr("Deleted %1:%2.").arg(model).arg(version),
           [&] { return m_catalog.deleteVersion(model, version, m_actor); });
}

void CatalogWorker::deleteModel(const QString &model)
{
    mutate(tr("Cannot delete model '%1'").arg(model), tr("Deleted model '%1' and all its versions.").arg(model),
           [&] { return m_catalog.deleteModel(model, m_actor); });
}

void CatalogWorker::exportVersion(const QString &model, int version, const QString &destination)
{
    guarded([&] {
        const auto info = m_catalog.registry().version(model, version);
        if (!info) {
            Q_EMIT operationFailed(tr("Cannot export %1:%2: %3").arg(model).arg(version).arg(UiFormat::errorText(info.error())));
            return;
        }
        const Status status = m_catalog.exportVersion(*info, destination);
        if (!status) {
            Q_EMIT operationFailed(tr("Cannot export %1:%2: %3").arg(model).arg(version).arg(UiFormat::errorText(status.error())));
            return;
        }
        Q_EMIT operationSucceeded(tr("Exported %1:%2 to %3.").arg(model).arg(version).arg(destination));
    }, [&](const QString &what) { Q_EMIT operationFailed(tr("Cannot export %1:%2: %3").arg(model).arg(version).arg(what)); });
}
