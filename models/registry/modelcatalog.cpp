#include "modelcatalog.h"

#include "artifacts/artifactkeyring.h"
#include "artifacts/torchscriptinspector.h"
#include "core/faultinjection.h"
#include "core/logging.h"
#include "core/platforminfo.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

#include <cerrno>
#include <signal.h>

namespace ModelDesk::Registry {

namespace {

qint64 ownPid() { return QCoreApplication::applicationPid(); }

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == ownPid())
        return true;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// How long another machine's pending row is taken as a writer still at work. Its pid cannot be
// asked about from here; an import or a delete takes minutes at most, so a day-old row is a leftover
// of a host that died (or was switched off) mid-write.
constexpr qint64 otherHostPendingSeconds = 24 * 3600;

bool isThisHost(const ModelRegistry::PendingArtifact &p)
{
    // Rows written before schema 4 have no host: judged by pid, as they were.
    return p.host.isEmpty() || p.host == hostIdentity();
}

bool writerAlive(const ModelRegistry::PendingArtifact &p)
{
    if (isThisHost(p))
        return processAlive(p.pid);
    return !p.since.isValid() || p.since.secsTo(QDateTime::currentDateTimeUtc()) < otherHostPendingSeconds;
}

QString versionContext(const QString &model, int version)
{
    return QStringLiteral("model '%1' version %2").arg(model).arg(version);
}

// Inspection results fill in what the caller did not know; explicit metadata (for example the input
// shapes a trainer knows) wins over what can be read from the TorchScript file.
void mergeInspection(NewVersion &v, const Artifacts::TorchScriptInfo &info)
{
    if (v.signature.inputs.isEmpty())
        v.signature.inputs = info.signature.inputs;
    if (v.signature.outputs.isEmpty())
        v.signature.outputs = info.signature.outputs;
    if (v.signature.schema.isEmpty())
        v.signature.schema = info.signature.schema;
    if (v.parameterCount == 0)
        v.parameterCount = info.parameterCount;
}

} // namespace

struct ModelCatalog::Private
{
    Workspace workspace;
    CatalogOptions options;
    std::unique_ptr<ModelRegistry> registry;
    std::unique_ptr<Artifacts::ArtifactStore> store;

    // Removes the artifact file of a failed or interrupted write (this process's, or that of the dead
    // writer (host, pid) of a leftover row) unless a version references it or another live writer, on this or
    // another host, is still working on the same digest.
    void discardUnreferenced(const QString &digest, const QString &host, qint64 pid)
    {
        auto referenced = registry->isDigestReferenced(digest);
        bool otherWriter = false;
        if (auto pending = registry->pending()) {
            for (const auto &p : *pending) {
                if (p.digest == digest && !(p.host == host && p.pid == pid) && writerAlive(p))
                    otherWriter = true;
            }
        }
        if (referenced && !*referenced && !otherWriter) {
            if (auto removed = store->remove(digest); !removed && removed.error().code != Error::Code::NotFound)
                qCWarning(lcRegistry).noquote() << "could not remove artifact" << digest << removed.error().message;
        }
        (void)registry->removePending(digest, host, pid);
    }

    void discardUnreferenced(const QString &digest) { discardUnreferenced(digest, hostIdentity(), ownPid()); }

    // Leftovers of processes that died while importing or deleting (kill -9, power loss).
    QStringList cleanDeadPending()
    {
        QStringList cleaned;
        auto pending = registry->pending();
        if (!pending)
            return cleaned;
        for (const auto &p : *pending) {
            if (writerAlive(p))
                continue;
            discardUnreferenced(p.digest, p.host, p.pid);
            cleaned << (isThisHost(p) ? QStringLiteral("removed leftover of an interrupted %1 (artifact %2, process %3)")
                                            .arg(p.operation, p.digest.left(12))
                                            .arg(p.pid)
                                      : QStringLiteral("removed leftover of an interrupted %1 on another host (artifact %2, "
                                                       "host %3, process %4, since %5)")
                                            .arg(p.operation, p.digest.left(12), p.host.left(16))
                                            .arg(p.pid)
                                            .arg(p.since.toString(Qt::ISODate)));
        }
        return cleaned;
    }

    // Untrusted bytes go to a child process. An encrypted artifact's plaintext reaches it through a
    // pipe (decrypted in memory here), never through a file.
    Result<Artifacts::TorchScriptInfo> validateInChild(const QString &digest, const QString &path, const QString &name)
    {
        auto form = store->storedForm(digest);
        if (!form)
            return fail(form.error());
        if (*form == Artifacts::StoredForm::Plain)
            return Artifacts::inspectInChildProcess(options.validatorExecutable, path, options.validatorTimeoutSeconds,
                                                    options.validatorMemoryLimitMiB);
        auto bytes = store->read(digest, name);
        if (!bytes)
            return fail(bytes.error());
        auto info = Artifacts::inspectBytesInChildProcess(options.validatorExecutable, *bytes, name,
                                                          options.validatorTimeoutSeconds, options.validatorMemoryLimitMiB);
        Artifacts::secureWipe(*bytes);
        return info;
    }

    Result<VersionInfo> commitStored(const QString &model, const QString &digest, NewVersion meta,
                                     const Artifacts::TorchScriptInfo &info, const QString &actor)
    {
        mergeInspection(meta, info);
        meta.digest = digest;
        auto version = registry->addVersionClearingPending(model, meta, actor, true);
        if (!version)
            discardUnreferenced(digest);
        return version;
    }
};

ModelCatalog::ModelCatalog() : d(std::make_unique<Private>()) {}
ModelCatalog::~ModelCatalog() = default;

Result<std::unique_ptr<ModelCatalog>> ModelCatalog::open(const Workspace &workspace, const CatalogOptions &options)
{
    std::unique_ptr<ModelCatalog> catalog(new ModelCatalog);
    catalog->d->workspace = workspace;
    catalog->d->options = options;
    Result<QString> location = registryLocation(workspace, options.registryUrl);
    if (!location)
        return fail(location.error());
    auto registry = ModelRegistry::open(*location);
    if (!registry)
        return fail(registry.error());
    catalog->d->registry = std::move(*registry);
    catalog->d->store = std::make_unique<Artifacts::ArtifactStore>(workspace.artifactsDir(), workspace.tmpDir());
    // Encryption at rest: the setting is read before every write (another process may change it); the
    // key is loaded on first need. The registry outlives the store's keyring (both owned by Private).
    ModelRegistry *reg = catalog->d->registry.get();
    Artifacts::ArtifactKeyring::KeyLoader loader;
    if (options.masterKeyLoader)
        loader = [reg, load = options.masterKeyLoader]() { return load(*reg); };
    catalog->d->store->setKeyring(std::make_shared<Artifacts::ArtifactKeyring>(
        [reg]() -> Result<bool> {
            auto values = reg->settings(QString::fromLatin1(encryptionEnabledSetting));
            if (!values)
                return fail(values.error());
            return values->value(QString::fromLatin1(encryptionEnabledSetting)) == QLatin1String("true");
        },
        std::move(loader)));
    for (const QString &line : catalog->d->cleanDeadPending())
        qCInfo(lcRegistry).noquote() << line;
    return catalog;
}

QString ModelCatalog::registryLocationOverride(const QString &explicitUrl)
{
    return explicitUrl.isEmpty() ? qEnvironmentVariable("MODELDESK_REGISTRY_URL") : explicitUrl;
}

Result<QString> ModelCatalog::registryLocation(const Workspace &workspace, const QString &explicitUrl)
{
    if (const QString chosen = registryLocationOverride(explicitUrl); !chosen.isEmpty())
        return chosen;
    Result<QJsonObject> config = workspace.readConfig();
    if (!config)
        return fail(config.error());
    const QJsonValue url = config->value(QStringLiteral("registry")).toObject().value(QStringLiteral("url"));
    if (url.isUndefined() || url.isNull() || url.toString().isEmpty())
        return workspace.registryPath();
    if (!url.isString())
        return fail(Error::invalid(QStringLiteral("%1: \"registry\": {\"url\": ...} must be a string").arg(workspace.configPath())));
    const QString text = url.toString();
    // config.json is plain text that gets copied around; a password there would leak.
    if (QUrl(text).password().size() > 0 || text.contains(QLatin1String("password="), Qt::CaseInsensitive))
        return fail(Error::invalid(QStringLiteral("%1: the registry URL must not contain a password: put it in PGPASSWORD "
                                                  "or ~/.pgpass").arg(workspace.configPath())));
    return text;
}

const Workspace &ModelCatalog::workspace() const { return d->workspace; }
ModelRegistry &ModelCatalog::registry() const { return *d->registry; }
const Artifacts::ArtifactStore &ModelCatalog::store() const { return *d->store; }

Result<VersionInfo> ModelCatalog::importFile(const ImportRequest &request, const QString &actor,
                                             const Artifacts::Progress &progress)
{
    if (auto s = Names::checkName(request.model, QStringLiteral("model")); !s)
        return fail(s.error());
    const QFileInfo source(request.sourcePath);
    if (!source.exists())
        return fail(Error::notFound(QStringLiteral("no such file: %1").arg(request.sourcePath)));
    if (!source.isFile())
        return fail(Error::invalid(QStringLiteral("not a regular file: %1").arg(request.sourcePath)));
    if (!source.isReadable())
        return fail(Error::invalid(QStringLiteral("cannot read %1: permission denied").arg(request.sourcePath)));
    if (source.size() == 0)
        return fail(Error::invalid(QStringLiteral("%1: file is empty").arg(source.fileName())));

    // Pass 1 hashes the source so the digest can be marked pending before any file appears in the
    // store; pass 2 copies (and re-hashes: a file changed in between is refused).
    const qint64 total = source.size() * 2;
    auto halfProgress = [&](qint64 offset) -> Artifacts::Progress {
        if (!progress)
            return {};
        return [&progress, offset, total](qint64 done, qint64) { return progress(offset + done, total); };
    };
    auto digest = Artifacts::ArtifactStore::sha256File(request.sourcePath, halfProgress(0));
    if (!digest)
        return fail(digest.error());
    faultPoint("import:hashed");
    if (auto s = d->registry->addPending(*digest, QStringLiteral("import")); !s)
        return fail(s.error());
    faultPoint("import:pending");
    const qint64 half = source.size();
    auto copyProgress = [&](qint64 done, qint64 total) {
        faultPointProgress("import:copy", total > 0 ? int(done * 100 / total) : 100);
        return progress ? progress(half + done, half + total) : true;
    };
    auto stored = d->store->putFile(request.sourcePath, *digest, copyProgress);
    if (!stored) {
        d->discardUnreferenced(*digest);
        return fail(stored.error());
    }
    if (stored->digest != *digest) {
        d->discardUnreferenced(stored->digest);
        d->discardUnreferenced(*digest);
        return fail(Error::conflict(QStringLiteral("%1 changed while it was being imported; try again").arg(source.fileName())));
    }
    faultPoint("import:copied");

    // Validate exactly the stored bytes. Untrusted files go to a child process: a crafted file that
    // crashes LibTorch's loader must not take the console or the server down.
    Result<Artifacts::TorchScriptInfo> info = d->options.validatorExecutable.isEmpty()
        ? [&]() -> Result<Artifacts::TorchScriptInfo> {
              auto bytes = d->store->read(stored->digest, source.fileName());
              if (!bytes)
                  return fail(bytes.error());
              auto inspected = Artifacts::inspectBytes(*bytes);
              Artifacts::secureWipe(*bytes);
              return inspected;
          }()
        : d->validateInChild(stored->digest, stored->path, source.fileName());
    if (!info) {
        d->discardUnreferenced(stored->digest);
        Error e = info.error();
        if (!e.message.startsWith(source.fileName()))
            e.message = source.fileName() + QStringLiteral(": ") + e.message;
        return fail(e);
    }
    faultPoint("import:validated");

    if (request.modelTask.size() > 0 || request.description.size() > 0) {
        // Create the model with its task and description up front when it is new (addVersion would
        // create it bare): the first import's description is what `models list` shows for the model.
        if (auto existing = d->registry->model(request.model); !existing && existing.error().code == Error::Code::NotFound) {
            auto created = d->registry->createModel(request.model, request.description, request.modelTask, actor);
            if (!created && created.error().code != Error::Code::AlreadyExists) {
                d->discardUnreferenced(stored->digest);
                return fail(created.error());
            }
        }
    }

    NewVersion meta;
    meta.size = stored->size;
    meta.format = QStringLiteral("torchscript");
    meta.metrics = request.metrics;
    meta.params = request.params;
    meta.lineage = request.lineage;
    if (meta.lineage.source.isEmpty())
        meta.lineage.source = source.fileName();
    meta.description = request.description;
    auto version = d->commitStored(request.model, stored->digest, meta, *info, actor);
    if (version)
        faultPoint("import:committed");
    return version;
}

Result<VersionInfo> ModelCatalog::addVersionFromBytes(const QString &model, const QByteArray &bytes,
                                                      const NewVersion &meta, const QString &actor)
{
    if (auto s = Names::checkName(model, QStringLiteral("model")); !s)
        return fail(s.error());
    auto info = Artifacts::inspectBytes(bytes);
    if (!info)
        return fail(info.error());
    const QString digest = Artifacts::ArtifactStore::sha256(bytes);
    if (auto s = d->registry->addPending(digest, QStringLiteral("import")); !s)
        return fail(s.error());
    auto stored = d->store->putBytes(bytes);
    if (!stored) {
        d->discardUnreferenced(digest);
        return fail(stored.error());
    }
    NewVersion v = meta;
    v.size = stored->size;
    if (v.format.isEmpty())
        v.format = QStringLiteral("torchscript");
    return d->commitStored(model, stored->digest, v, *info, actor);
}

Result<VersionInfo> ModelCatalog::resolve(const Names::ModelRef &ref) const
{
    if (ref.version)
        return d->registry->version(ref.name, *ref.version);
    if (!ref.alias.isEmpty())
        return d->registry->resolve(ref.name, ref.alias);
    return d->registry->latestVersion(ref.name);
}

Result<VersionInfo> ModelCatalog::resolve(const QString &refText) const
{
    auto ref = Names::parseModelRef(refText);
    if (!ref)
        return fail(ref.error());
    return resolve(*ref);
}

Result<QByteArray> ModelCatalog::readArtifact(const VersionInfo &version) const
{
    return d->store->read(version.digest, versionContext(version.model, version.version));
}

Status ModelCatalog::exportVersion(const VersionInfo &version, const QString &destination) const
{
    return d->store->exportTo(version.digest, destination, versionContext(version.model, version.version));
}

Status ModelCatalog::deleteVersion(const QString &model, int version, const QString &actor)
{
    auto freed = d->registry->deleteVersion(model, version, actor);
    if (!freed)
        return fail(freed.error());
    faultPoint("delete:committed");
    if (!freed->isEmpty())
        d->discardUnreferenced(*freed);
    return {};
}

Status ModelCatalog::deleteModel(const QString &model, const QString &actor)
{
    auto freed = d->registry->deleteModel(model, actor);
    if (!freed)
        return fail(freed.error());
    for (const QString &digest : *freed)
        d->discardUnreferenced(digest);
    return {};
}

Result<DoctorReport> ModelCatalog::doctor(bool fix)
{
    DoctorReport report;
    report.fixed = d->cleanDeadPending();

    auto integrity = d->registry->checkIntegrity();
    if (!integrity)
        return fail(integrity.error());
    report.problems << *integrity;

    auto models = d->registry->models();
    if (!models)
        return fail(models.error());
    report.modelsChecked = int(models->size());

    auto versions = d->registry->allVersions();
    if (!versions)
        return fail(versions.error());
    QSet<QString> referenced;
    for (const VersionInfo &v : *versions) {
        ++report.versionsChecked;
        referenced.insert(v.digest);
        if (auto ok = d->store->verify(v.digest, versionContext(v.model, v.version)); !ok)
            report.problems << ok.error().message;
    }

    QSet<QString> inProgress;
    if (auto pending = d->registry->pending()) {
        for (const auto &p : *pending)
            inProgress.insert(p.digest);
    }
    auto files = d->store->list();
    if (!files)
        return fail(files.error());
    for (const QString &digest : *files) {
        ++report.artifactsChecked;
        if (referenced.contains(digest) || inProgress.contains(digest))
            continue;
        if (fix) {
            if (auto removed = d->store->remove(digest); removed)
                report.fixed << QStringLiteral("removed orphan artifact %1").arg(digest);
            else
                report.problems << removed.error().message;
        } else {
            report.problems << QStringLiteral("orphan artifact %1 is not referenced by any version (run doctor --fix to remove it)")
                                   .arg(digest);
        }
    }
    if (fix) {
        if (const int n = d->store->cleanTemporaryFiles(); n > 0)
            report.fixed << QStringLiteral("removed %1 temporary file(s) of interrupted writes").arg(n);
    }
    return report;
}

} // namespace ModelDesk::Registry
