#include "marimport.h"

#include "artifacts/stagingfile.h"
#include "artifacts/ziparchive.h"
#include "core/names.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtEndian>

#include <zlib.h>

#include <functional>
#include <optional>

namespace ModelDesk::Registry {

namespace {

using Artifacts::ZipEntry;

const QByteArray kManifestName = QByteArrayLiteral("MAR-INF/MANIFEST.json");
constexpr quint64 kManifestLimit = 1 << 20;      // a manifest is a few hundred bytes
constexpr quint64 kSerializedLimit = 4ull << 30; // what the TorchScript validator reads at most
constexpr qint64 kChunk = 1 << 20;

QString printable(const QByteArray &name)
{
    QString text = QString::fromUtf8(name.left(200));
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char('?');
    }
    return name.size() > 200 ? text + QStringLiteral("...") : text;
}

// Names a naive extractor would write outside its folder (zip slip), or that no file system takes.
bool unsafeName(const QByteArray &name)
{
    if (name.isEmpty() || name.startsWith('/') || name.contains('\\') || name.contains('\0'))
        return true;
    if (name.size() >= 2 && name.at(1) == ':' && QChar::isLetter(uchar(name.at(0))))
        return true;
    for (const QByteArray &part : name.split('/')) {
        if (part == "..")
            return true;
    }
    return false;
}

// The archive, memory-mapped: entries are read in place, never copied whole.
class MappedArchive
{
public:
    Status open(const QString &path)
    {
        m_name = QFileInfo(path).fileName();
        const QFileInfo info(path);
        if (!info.exists())
            return fail(Error::notFound(QStringLiteral("no such file: %1").arg(path)));
        if (!info.isFile())
            return fail(Error::invalid(QStringLiteral("not a regular file: %1").arg(path)));
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::ReadOnly))
            return fail(Error::invalid(QStringLiteral("cannot read %1: %2").arg(path, m_file.errorString())));
        if (m_file.size() == 0)
            return fail(Error::invalid(QStringLiteral("%1: file is empty").arg(m_name)));
        const uchar *data = m_file.map(0, m_file.size());
        if (!data)
            return fail(Error::io(QStringLiteral("cannot map %1: %2").arg(path, m_file.errorString())));
        m_bytes = QByteArrayView(reinterpret_cast<const char *>(data), m_file.size());
        auto entries = Artifacts::readZipDirectory(m_bytes);
        if (!entries)
            return fail(Error::invalid(
                QStringLiteral("%1: not a TorchServe archive: %2").arg(m_name, entries.error().message)));
        m_entries = std::move(*entries);
        return {};
    }

    QString name() const { return m_name; }
    QByteArrayView bytes() const { return m_bytes; }
    const QList<ZipEntry> &entries() const { return m_entries; }

    const ZipEntry *find(const QByteArray &name) const
    {
        for (const ZipEntry &e : m_entries) {
            if (e.name == name)
                return &e;
        }
        return nullptr;
    }

private:
    QString m_name;
    QFile m_file;
    QByteArrayView m_bytes;
    QList<ZipEntry> m_entries;
};

using Sink = std::function<Status(QByteArrayView)>;

// Streams one entry's bytes to `sink`, checking the declared size (a zip bomb stops at it) and the
// CRC-32. readZipDirectory already checked that the local header and data lie inside the file.
Status readEntry(const MappedArchive &archive, const ZipEntry &e, const Sink &sink)
{
    const QByteArrayView bytes = archive.bytes();
    const QString label = archive.name() + QLatin1Char(':') + printable(e.name);
    if (e.flags & 0x1)
        return fail(Error::unsupported(
            QStringLiteral("%1 is encrypted; encrypted archives are not supported").arg(label)));
    if (e.method != 0 && e.method != 8)
        return fail(Error::unsupported(
            QStringLiteral("%1 uses zip compression method %2; only stored and deflate are "
                           "supported")
                .arg(label)
                .arg(e.method)));
    const char *base = bytes.data();
    const quint64 at = e.localHeaderOffset;
    const quint64 dataAt =
        at + 30 + qFromLittleEndian<quint16>(base + at + 26) + qFromLittleEndian<quint16>(base + at + 28);
    quint32 expectedCrc = qFromLittleEndian<quint32>(base + at + 14);
    if (e.flags & 0x8) {
        // Sizes and CRC follow the data in a descriptor, with or without its optional signature.
        const quint64 d = dataAt + e.compressedSize;
        if (d + 8 > quint64(bytes.size()))
            return fail(Error::corrupt(QStringLiteral("%1: truncated data descriptor").arg(label)));
        const bool signature = qFromLittleEndian<quint32>(base + d) == 0x08074b50;
        expectedCrc = qFromLittleEndian<quint32>(base + d + (signature ? 4 : 0));
    }
    const QByteArrayView data = bytes.sliced(qsizetype(dataAt), qsizetype(e.compressedSize));

    uLong crc = crc32(0L, Z_NULL, 0);
    quint64 total = 0;
    auto deliver = [&](QByteArrayView chunk) -> Status {
        total += quint64(chunk.size());
        if (total > e.uncompressedSize)
            return fail(Error::corrupt(QStringLiteral("%1 inflates past its declared size of %2 bytes")
                                           .arg(label)
                                           .arg(e.uncompressedSize)));
        crc = crc32(crc, reinterpret_cast<const Bytef *>(chunk.data()), uInt(chunk.size()));
        return sink(chunk);
    };

    if (e.method == 0) {
        for (qsizetype off = 0; off < data.size(); off += kChunk) {
            if (auto s = deliver(data.sliced(off, std::min<qsizetype>(kChunk, data.size() - off))); !s)
                return s;
        }
    } else {
        z_stream zs{};
        if (inflateInit2(&zs, -MAX_WBITS) != Z_OK)
            return fail(Error::internal(QStringLiteral("zlib inflateInit2 failed")));
        QByteArray out(kChunk, Qt::Uninitialized);
        qsizetype fed = 0;
        int rc = Z_OK;
        Status status;
        while (rc != Z_STREAM_END && status) {
            if (zs.avail_in == 0 && fed < data.size()) {
                const qsizetype n = std::min<qsizetype>(qsizetype(1) << 30, data.size() - fed);
                zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data() + fed));
                zs.avail_in = uInt(n);
                fed += n;
            }
            zs.next_out = reinterpret_cast<Bytef *>(out.data());
            zs.avail_out = uInt(out.size());
            rc = inflate(&zs, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END) {
                // Z_BUF_ERROR with no input left: the compressed data ends before the deflate stream does.
                status = fail(
                    Error::corrupt(QStringLiteral("%1: compressed data is corrupt or truncated").arg(label)));
                break;
            }
            const qsizetype produced = out.size() - qsizetype(zs.avail_out);
            if (produced > 0)
                status = deliver(QByteArrayView(out.constData(), produced));
        }
        inflateEnd(&zs);
        if (!status)
            return status;
    }
    if (total != e.uncompressedSize)
        return fail(Error::corrupt(QStringLiteral("%1 holds %2 bytes, not the %3 its header declares")
                                       .arg(label)
                                       .arg(total)
                                       .arg(e.uncompressedSize)));
    if (quint32(crc) != expectedCrc)
        return fail(
            Error::corrupt(QStringLiteral("%1: CRC-32 mismatch (the archive is damaged)").arg(label)));
    return {};
}

QString jsonString(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

Result<MarManifest> parseManifest(const MappedArchive &archive)
{
    // Every name is checked, not only the ones used: an archive built to escape is refused whole.
    QSet<QByteArray> seen;
    for (const ZipEntry &e : archive.entries()) {
        if (unsafeName(e.name))
            return fail(
                Error::invalid(QStringLiteral("%1: archive entry '%2' escapes the archive; refusing it")
                                   .arg(archive.name(), printable(e.name))));
        if (seen.contains(e.name))
            return fail(Error::invalid(QStringLiteral("%1: archive entry '%2' appears twice")
                                           .arg(archive.name(), printable(e.name))));
        seen.insert(e.name);
    }
    const ZipEntry *entry = archive.find(kManifestName);
    if (!entry)
        return fail(Error::invalid(
            QStringLiteral("%1: not a TorchServe archive (no MAR-INF/MANIFEST.json)").arg(archive.name())));
    if (entry->uncompressedSize > kManifestLimit)
        return fail(Error::invalid(
            QStringLiteral("%1: MAR-INF/MANIFEST.json is larger than 1 MiB").arg(archive.name())));
    QByteArray json;
    if (auto s = readEntry(archive, *entry,
                           [&json](QByteArrayView chunk) -> Status {
                               json.append(chunk);
                               return {};
                           });
        !s)
        return fail(s.error());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return fail(Error::invalid(QStringLiteral("%1: MAR-INF/MANIFEST.json is not a JSON object (%2)")
                                       .arg(archive.name(), error.error == QJsonParseError::NoError
                                                                ? QStringLiteral("wrong type")
                                                                : error.errorString())));
    const QJsonObject root = doc.object();
    const QJsonObject model = root.value(QLatin1String("model")).toObject();
    if (model.isEmpty())
        return fail(Error::invalid(
            QStringLiteral("%1: MAR-INF/MANIFEST.json has no \"model\" object").arg(archive.name())));
    MarManifest m;
    m.modelName = jsonString(model, "modelName");
    m.modelVersion = jsonString(model, "modelVersion");
    m.serializedFile = jsonString(model, "serializedFile");
    m.modelFile = jsonString(model, "modelFile");
    m.handler = jsonString(model, "handler");
    m.description = jsonString(model, "description");
    m.runtime = jsonString(root, "runtime");
    m.archiverVersion = jsonString(root, "archiverVersion");
    m.createdOn = jsonString(root, "createdOn");
    return m;
}

} // namespace

bool isMarArchive(const QString &path)
{
    MappedArchive archive;
    return archive.open(path) && archive.find(kManifestName) != nullptr;
}

Result<MarManifest> readMarManifest(const QString &path)
{
    MappedArchive archive;
    if (auto s = archive.open(path); !s)
        return fail(s.error());
    return parseManifest(archive);
}

Result<VersionInfo> importMarArchive(ModelCatalog &catalog, const ImportRequest &request,
                                     const QString &actor, const Artifacts::Progress &progress)
{
    if (auto s = Names::checkName(request.model, QStringLiteral("model")); !s)
        return fail(s.error());
    MappedArchive archive;
    if (auto s = archive.open(request.sourcePath); !s)
        return fail(s.error());
    auto manifest = parseManifest(archive);
    if (!manifest)
        return fail(manifest.error());
    const QString name = archive.name();
    if (manifest->isEagerMode())
        return fail(Error::unsupported(
            QStringLiteral(
                "%1 is an eager-mode archive (Python model file '%2' + weights '%3'): rebuilding that model "
                "needs Python, and ModelDesk runs TorchScript only. Save the model with torch.jit.script or "
                "torch.jit.trace + torch.jit.save and archive the .pt without --model-file")
                .arg(name, manifest->modelFile, manifest->serializedFile)));
    if (manifest->serializedFile.isEmpty())
        return fail(Error::invalid(
            QStringLiteral("%1: the manifest names no serializedFile (no model to import)").arg(name)));
    const QByteArray inner = manifest->serializedFile.toUtf8();
    if (unsafeName(inner))
        return fail(Error::invalid(QStringLiteral("%1: serializedFile '%2' escapes the archive; refusing it")
                                       .arg(name, manifest->serializedFile)));
    const ZipEntry *entry = archive.find(inner);
    if (!entry)
        return fail(
            Error::invalid(QStringLiteral("%1: the manifest names '%2' but the archive has no such entry")
                               .arg(name, manifest->serializedFile)));
    if (entry->uncompressedSize > kSerializedLimit)
        return fail(
            Error{Error::Code::TooLarge,
                  QStringLiteral("%1: '%2' is larger than 4 GiB").arg(name, manifest->serializedFile)});
    if (entry->uncompressedSize == 0)
        return fail(Error::invalid(QStringLiteral("%1: '%2' is empty").arg(name, manifest->serializedFile)));

    // Extraction is the first third of the progress; importFile reports hashing and copying.
    const qint64 size = qint64(entry->uncompressedSize);
    const qint64 total = size * 3;
    Artifacts::StagingFile staging(catalog.workspace().tmpDir());
    if (auto s = staging.open(); !s)
        return fail(s.error());
    qint64 written = 0;
    auto status = readEntry(archive, *entry, [&](QByteArrayView chunk) -> Status {
        if (auto s = staging.write(chunk); !s)
            return s;
        written += chunk.size();
        if (progress && !progress(written, total))
            return fail(Error::cancelled());
        return {};
    });
    if (!status)
        return fail(status.error());
    if (auto s = staging.sync(); !s)
        return fail(s.error());

    const QString source = name + QLatin1Char(':') + manifest->serializedFile;
    ImportRequest r = request;
    r.sourcePath = staging.path();
    r.lineage.source = source;
    if (r.description.isEmpty())
        r.description = manifest->description;
    auto put = [&r](const char *key, const QString &value) {
        if (!value.isEmpty() && !r.params.contains(QLatin1String(key)))
            r.params.insert(QLatin1String(key), value);
    };
    put("torchserve_model_name", manifest->modelName);
    put("torchserve_model_version", manifest->modelVersion);
    put("torchserve_handler", manifest->handler);
    put("torchserve_archiver_version", manifest->archiverVersion);
    Artifacts::Progress importProgress;
    if (progress)
        importProgress = [&progress, size](qint64 done, qint64 t) { return progress(size + done, size + t); };
    auto version = catalog.importFile(r, actor, importProgress);
    if (!version) {
        // Errors name the file they were about: say the archive entry, not the staging file.
        Error e = version.error();
        e.message.replace(staging.path(), source);
        e.message.replace(QFileInfo(staging.path()).fileName(), source);
        return fail(e);
    }
    return version;
}

} // namespace ModelDesk::Registry
