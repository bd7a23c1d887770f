#include "artifactstore.h"

#include "artifactkeyring.h"
#include "core/faultinjection.h"
#include "core/names.h"
#include "sha256hasher.h"
#include "stagingfile.h"
#include "storedfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace ModelDesk::Artifacts {

namespace {

constexpr qint64 kChunk = 1 << 20; // 1 MiB: big enough for throughput, small enough for steady progress

// Names::isValidDigest's "$" also matches before a final "\n" (QRegularExpression/PCRE), so the
// length is checked too: a digest becomes a file name here.
bool isDigest(const QString &digest) { return digest.size() == 64 && Names::isValidDigest(digest); }

Status checkDigest(const QString &digest)
{
    if (!isDigest(digest))
        return fail(Error::invalid(
            QStringLiteral("invalid artifact digest '%1': expected 64 lower-case hex characters").arg(digest.left(80))));
    return {};
}

// "artifact <digest>" or "artifact <digest> of model 'x' version 3".
QString subject(const QString &digest, const QString &context)
{
    return context.isEmpty() ? QStringLiteral("artifact %1").arg(digest)
                             : QStringLiteral("artifact %1 of %2").arg(digest, context);
}

Error missing(const QString &digest, const QString &context, const QString &path)
{
    return Error::notFound(QStringLiteral("%1 is missing from the store (%2)").arg(subject(digest, context), path));
}

Error hashFailed() { return Error::internal(QStringLiteral("OpenSSL could not compute a SHA-256 digest")); }

// Streams `file` (already open) through the hasher, handing each chunk to `sink` (may be empty).
// Returns the hex digest.
Status openForReading(QFile &file)
{
    const QFileInfo info(file.fileName());
    if (!info.exists())
        return fail(Error::notFound(QStringLiteral("file '%1' does not exist").arg(file.fileName())));
    if (info.isDir())
        return fail(Error::invalid(QStringLiteral("'%1' is a folder, not a file").arg(file.fileName())));
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::io(QStringLiteral("cannot open '%1': %2").arg(file.fileName(), file.errorString())));
    return {};
}

// Opens the store file of a valid digest for reading; NotFound / Io naming the artifact.
Status openStored(QFile &file, const QString &digest, const QString &context)
{
    if (!QFileInfo(file.fileName()).isFile())
        return fail(missing(digest, context, file.fileName()));
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::io(QStringLiteral("cannot open %1: %2").arg(subject(digest, context), file.errorString())));
    return {};
}

// The form new files get: an unreadable setting fails the write rather than risk plaintext.
Result<StoredForm> formForNewFiles(const ArtifactKeyring *keyring)
{
    if (!keyring)
        return StoredForm::Plain;
    auto encrypt = keyring->encryptNewFiles();
    if (!encrypt)
        return fail(Error{encrypt.error().code,
                          QStringLiteral("cannot tell whether artifacts must be encrypted: %1").arg(encrypt.error().message)});
    return *encrypt ? StoredForm::Encrypted : StoredForm::Plain;
}

Result<StoredForm> formOfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::io(QStringLiteral("cannot open '%1': %2").arg(path, file.errorString())));
    auto info = inspectStoredFile(file);
    if (!info)
        return fail(info.error());
    return info->form;
}

// Makes a fully written staging file the store file for `digest`.
Result<StoredArtifact> commitStaged(const ArtifactStore &store, StagingFile &staging, const QString &digest, qint64 size,
                                    StoredForm form)
{
    if (digest.isEmpty())
        return fail(hashFailed());
    if (auto s = staging.sync(); !s)
        return fail(s.error());
    const QString destination = store.pathFor(digest);
    // Same content already stored in the wanted form: keep the existing file if it is intact (the
    // staging file is dropped); a damaged one, or one in the other form, is replaced atomically.
    if (QFileInfo(destination).isFile() && store.verify(digest)) {
        if (auto existing = formOfFile(destination); existing && *existing == form)
            return StoredArtifact{digest, size, destination};
    }
    if (auto s = staging.commitTo(destination); !s)
        return fail(s.error());
    return StoredArtifact{digest, size, destination};
}

} // namespace

ArtifactStore::ArtifactStore(QString root, QString tmpDir)
    : m_root(QDir::cleanPath(std::move(root)))
    , m_tmpDir(QDir::cleanPath(std::move(tmpDir)))
{
}

void ArtifactStore::setKeyring(std::shared_ptr<ArtifactKeyring> keyring) { m_keyring = std::move(keyring); }

QString ArtifactStore::pathFor(const QString &digest) const
{
    if (!isDigest(digest))
        return {};
    return m_root + QStringLiteral("/sha256/") + digest.left(2) + QLatin1Char('/') + digest;
}

bool ArtifactStore::contains(const QString &digest) const
{
    const QString path = pathFor(digest);
    return !path.isEmpty() && QFileInfo(path).isFile();
}

Result<StoredArtifact> ArtifactStore::putFile(const QString &sourcePath, const Progress &progress) const
{
    return store(sourcePath, {}, progress);
}

Result<StoredArtifact> ArtifactStore::putFile(const QString &sourcePath, const QString &expectedDigest,
                                              const Progress &progress) const
{
    if (auto s = checkDigest(expectedDigest); !s)
        return fail(s.error());
    return store(sourcePath, expectedDigest, progress);
}

Result<StoredArtifact> ArtifactStore::store(const QString &sourcePath, const QString &expectedDigest,
                                            const Progress &progress) const
{
    QFile source(sourcePath);
    if (auto s = openForReading(source); !s)
        return fail(s.error());
    auto form = formForNewFiles(m_keyring.get());
    if (!form)
        return fail(form.error());
    StagingFile staging(m_tmpDir);
    if (auto s = staging.open(); !s)
        return fail(s.error());
    StoredFileWriter writer(staging);
    if (*form == StoredForm::Encrypted) {
        // The digest is bound into the file before its first chunk: hash first when not given.
        QString digest = expectedDigest;
        if (digest.isEmpty()) {
            auto hashed = sha256File(sourcePath);
            if (!hashed)
                return fail(hashed.error());
            digest = *hashed;
        }
        auto key = requireKey(m_keyring.get(), QStringLiteral("'%1'").arg(QFileInfo(sourcePath).fileName()),
                              QStringLiteral("store"));
        if (!key)
            return fail(key.error());
        if (auto s = writer.beginEncrypted(*key, digest, source.size()); !s)
            return fail(s.error());
    }
    qint64 size = 0;
    const auto digest = hashStream(source, progress, [&](QByteArrayView chunk) {
        size += chunk.size();
        return writer.write(chunk);
    });
    if (!digest)
        return fail(digest.error().code == Error::Code::Conflict
                        ? Error::conflict(QStringLiteral("'%1' changed while it was being stored; try again")
                                              .arg(QFileInfo(sourcePath).fileName()))
                        : digest.error()); // the staging file goes with `staging`
    if (auto s = writer.finish(); !s)
        return fail(s.error().code == Error::Code::Conflict
                        ? Error::conflict(QStringLiteral("'%1' changed while it was being stored; try again")
                                              .arg(QFileInfo(sourcePath).fileName()))
                        : s.error());
    if (!expectedDigest.isEmpty() && *digest != expectedDigest)
        return fail(Error::conflict(
            QStringLiteral("'%1' changed while it was being stored; try again").arg(QFileInfo(sourcePath).fileName())));
    return commitStaged(*this, staging, *digest, size, writer.form());
}

Result<StoredArtifact> ArtifactStore::putBytes(const QByteArray &bytes) const
{
    auto form = formForNewFiles(m_keyring.get());
    if (!form)
        return fail(form.error());
    const QString digest = sha256(bytes);
    StagingFile staging(m_tmpDir);
    if (auto s = staging.open(); !s)
        return fail(s.error());
    StoredFileWriter writer(staging);
    if (*form == StoredForm::Encrypted) {
        auto key = requireKey(m_keyring.get(), subject(digest, {}), QStringLiteral("store"));
        if (!key)
            return fail(key.error());
        if (auto s = writer.beginEncrypted(*key, digest, bytes.size()); !s)
            return fail(s.error());
    }
    for (qsizetype offset = 0; offset < bytes.size(); offset += kChunk) {
        if (auto s = writer.write(QByteArrayView(bytes).sliced(offset, qMin<qsizetype>(kChunk, bytes.size() - offset))); !s)
            return fail(s.error());
    }
    if (auto s = writer.finish(); !s)
        return fail(s.error());
    return commitStaged(*this, staging, digest, bytes.size(), writer.form());
}

Result<QByteArray> ArtifactStore::read(const QString &digest, const QString &context) const
{
    if (auto s = checkDigest(digest); !s)
        return fail(s.error());
    QFile file(pathFor(digest));
    if (auto s = openStored(file, digest, context); !s)
        return fail(s.error());
    auto info = inspectStoredFile(file);
    if (!info)
        return fail(info.error());
    QByteArray bytes;
    bytes.reserve(qsizetype(info->plainSize));
    auto status = streamPlaintext(file, digest, m_keyring.get(), subject(digest, context), [&](QByteArrayView chunk) -> Status {
        bytes.append(chunk);
        return {};
    });
    if (!status) {
        secureWipe(bytes); // may hold authenticated chunks of a file that failed later
        return fail(status.error());
    }
    return bytes;
}

Status ArtifactStore::verify(const QString &digest, const QString &context) const
{
    if (auto s = checkDigest(digest); !s)
        return s;
    QFile file(pathFor(digest));
    if (auto s = openStored(file, digest, context); !s)
        return s;
    return streamPlaintext(file, digest, m_keyring.get(), subject(digest, context), {});
}

Status ArtifactStore::exportTo(const QString &digest, const QString &destination, const QString &context) const
{
    if (auto s = checkDigest(digest); !s)
        return s;
    if (destination.isEmpty())
        return fail(Error::invalid(QStringLiteral("no destination file given for the export")));
    const QFileInfo target(destination);
    if (target.isDir())
        return fail(Error::invalid(
            QStringLiteral("cannot export to '%1': it is a folder; give a file name").arg(destination)));
    if (!QFileInfo(target.absolutePath()).isDir())
        return fail(Error::notFound(
            QStringLiteral("cannot export to '%1': folder '%2' does not exist").arg(destination, target.absolutePath())));
    QFile source(pathFor(digest));
    if (auto s = openStored(source, digest, context); !s)
        return s;

    // QSaveFile writes next to the destination and renames on commit (fsyncing first), so the
    // destination is either the old file or the complete, verified artifact - never a prefix.
    QSaveFile out(destination);
    if (!out.open(QIODevice::WriteOnly))
        return fail(Error::io(QStringLiteral("cannot write '%1': %2").arg(destination, out.errorString())));
    auto status = streamPlaintext(source, digest, m_keyring.get(), subject(digest, context), [&](QByteArrayView chunk) -> Status {
        if (out.write(chunk.data(), chunk.size()) != chunk.size())
            return fail(Error::io(QStringLiteral("cannot write '%1': %2").arg(destination, out.errorString())));
        return {};
    });
    if (!status) {
        out.cancelWriting();
        return status;
    }
    if (!out.commit())
        return fail(Error::io(QStringLiteral("cannot write '%1': %2").arg(destination, out.errorString())));
    return StagingFile::syncDirectory(target.absolutePath());
}

Result<StoredForm> ArtifactStore::storedForm(const QString &digest) const
{
    if (auto s = checkDigest(digest); !s)
        return fail(s.error());
    const QString path = pathFor(digest);
    if (!QFileInfo(path).isFile())
        return fail(missing(digest, {}, path));
    return formOfFile(path);
}

Status ArtifactStore::rewrite(const QString &digest, StoredForm form, const QString &context) const
{
    if (auto s = checkDigest(digest); !s)
        return s;
    const QString path = pathFor(digest);
    QFile file(path);
    if (auto s = openStored(file, digest, context); !s)
        return s;
    auto info = inspectStoredFile(file);
    if (!info)
        return fail(info.error());
    if (info->form == form)
        return {};
    StagingFile staging(m_tmpDir);
    if (auto s = staging.open(); !s)
        return s;
    StoredFileWriter writer(staging);
    if (form == StoredForm::Encrypted) {
        auto key = requireKey(m_keyring.get(), subject(digest, context), QStringLiteral("encrypt"));
        if (!key)
            return fail(key.error());
        if (auto s = writer.beginEncrypted(*key, digest, info->plainSize); !s)
            return s;
    }
    // The old file is verified while it is copied: a damaged artifact is reported, not converted.
    if (auto s = streamPlaintext(file, digest, m_keyring.get(), subject(digest, context),
                                 [&](QByteArrayView chunk) { return writer.write(chunk); });
        !s)
        return s;
    if (auto s = writer.finish(); !s)
        return s;
    if (auto s = staging.sync(); !s)
        return s;
    faultPoint("encryption:staged");
    // Deleted meanwhile (its last version went away): do not bring it back.
    if (!QFileInfo(path).isFile())
        return {};
    if (auto s = staging.commitTo(path); !s)
        return s;
    faultPoint("encryption:renamed");
    return {};
}

Status ArtifactStore::remove(const QString &digest) const
{
    if (auto s = checkDigest(digest); !s)
        return s;
    const QString path = pathFor(digest);
    if (!QFileInfo(path).isFile())
        return fail(missing(digest, {}, path));
    QFile file(path);
    if (!file.remove())
        return fail(Error::io(QStringLiteral("cannot remove '%1': %2").arg(path, file.errorString())));
    const QString shard = QFileInfo(path).absolutePath();
    // rmdir only succeeds on an empty folder, so a concurrent put into the same shard is safe
    // (its rename recreates the folder if needed).
    QDir().rmdir(shard);
    return StagingFile::syncDirectory(QFileInfo(shard).absolutePath());
}

Result<QStringList> ArtifactStore::list() const
{
    static const QRegularExpression shardName(QStringLiteral("^[0-9a-f]{2}$"));
    const QDir base(m_root + QStringLiteral("/sha256"));
    if (!base.exists())
        return QStringList{};
    if (!QFileInfo(base.path()).isReadable())
        return fail(Error::io(QStringLiteral("cannot read the artifact folder '%1'").arg(base.path())));
    QStringList digests;
    const QStringList shards = base.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QString &shard : shards) {
        if (!shardName.match(shard).hasMatch())
            continue;
        const QStringList files = QDir(base.filePath(shard)).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        for (const QString &name : files) {
            if (isDigest(name) && name.startsWith(shard))
                digests.append(name);
        }
    }
    return digests;
}

int ArtifactStore::cleanTemporaryFiles() const { return StagingFile::removeStale(m_tmpDir); }

Result<QString> ArtifactStore::sha256File(const QString &path, const Progress &progress)
{
    QFile file(path);
    if (auto s = openForReading(file); !s)
        return fail(s.error());
    return hashStream(file, progress);
}

QString ArtifactStore::sha256(const QByteArray &bytes)
{
    Sha256Hasher hasher;
    hasher.addData(bytes);
    return hasher.hexDigest();
}

} // namespace ModelDesk::Artifacts
