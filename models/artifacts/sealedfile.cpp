#include "sealedfile.h"

#include "artifactcipher.h"
#include "artifactkeyring.h"
#include "core/faultinjection.h"
#include "sha256hasher.h"
#include "stagingfile.h"
#include "storedfile.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSaveFile>

namespace ModelDesk::Artifacts {

namespace {

constexpr qsizetype kChunk = 1 << 20;

Error swapped(const QString &subject)
{
    return Error::corrupt(QStringLiteral("%1 is not the file it should be: it was encrypted for another run or file "
                                         "(moved or swapped)")
                              .arg(subject));
}

Error mismatch(const QString &subject, const QString &expected, const QString &found)
{
    return Error::corrupt(QStringLiteral("%1 does not match its recorded digest: expected sha256 %2, found %3")
                              .arg(subject, expected, found));
}

Status openForReading(QFile &file, const QString &subject)
{
    if (!QFileInfo(file.fileName()).isFile())
        return fail(Error::notFound(QStringLiteral("%1 is missing (%2)").arg(subject, file.fileName())));
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::io(QStringLiteral("cannot open %1: %2").arg(subject, file.errorString())));
    return {};
}

// Opens the file and reads its header (plaintext or which encrypted form).
Result<StoredFileInfo> openInspected(QFile &file, const QString &subject)
{
    if (auto s = openForReading(file, subject); !s)
        return fail(s.error());
    return inspectStoredFile(file);
}

// Streams the verified plaintext of an open file to `sink` (may be empty). On error the sink may
// have received bytes: the caller discards them.
Status streamPlain(QFile &file, const QString &sha256, const QString &context, const ArtifactKeyring *keyring,
                   const QString &subject, const Cipher::Sink &sink)
{
    const QByteArray first = file.peek(Cipher::headerSize);
    if (!Cipher::hasMagic(first)) {
        // Plaintext (written before encryption was turned on, or with it off): the digest decides.
        auto found = hashStream(file, {}, sink);
        if (!found)
            return fail(found.error());
        if (!sha256.isEmpty() && *found != sha256)
            return fail(mismatch(subject, sha256, *found));
        return {};
    }
    auto header = Cipher::parseHeader(first);
    if (!header)
        return fail(Error::corrupt(QStringLiteral("%1 is corrupt: %2").arg(subject, header.error().message)));
    // With a recorded digest the binding is known before the first byte is decrypted.
    const QByteArray expected = sha256.isEmpty() ? header->digest : SealedFile::binding(context, sha256);
    if (header->digest != expected)
        return fail(swapped(subject));
    auto decrypted = decryptHashed(file, keyring, expected, subject, sink);
    if (!decrypted)
        return fail(decrypted.error());
    const QString found = *decrypted;
    if (sha256.isEmpty()) {
        // No record to compare with: the file must at least have been sealed for this place and
        // this content.
        if (SealedFile::binding(context, found) != header->digest)
            return fail(swapped(subject));
        return {};
    }
    if (found != sha256)
        return fail(mismatch(subject, sha256, found));
    return {};
}

Status ioError(const QString &what, const QString &subject, const QSaveFile &out)
{
    return fail(Error::io(QStringLiteral("cannot %1 %2: %3").arg(what, subject, out.errorString())));
}

// Encrypting (key set) or plaintext writer into an open QSaveFile.
class Writer final
{
public:
    explicit Writer(QSaveFile &out) : m_out(out) {}
    Status begin(const MasterKey &key, const QByteArray &binding, qint64 plainSize)
    {
        auto e = Cipher::Encryptor::begin(key, binding, plainSize, [this](QByteArrayView bytes) { return raw(bytes); });
        if (!e)
            return fail(e.error());
        m_encryptor = std::move(*e);
        return {};
    }
    Status write(QByteArrayView plain) { return m_encryptor ? m_encryptor->write(plain) : raw(plain); }
    Status finish() { return m_encryptor ? m_encryptor->finish() : Status(); }

private:
    Status raw(QByteArrayView bytes)
    {
        if (m_out.write(bytes.data(), bytes.size()) != bytes.size())
            return fail(Error::io(QStringLiteral("cannot write '%1': %2").arg(m_out.fileName(), m_out.errorString())));
        return {};
    }
    QSaveFile &m_out;
    std::unique_ptr<Cipher::Encryptor> m_encryptor;
};

Status commit(QSaveFile &out, const QString &subject)
{
    // QSaveFile::commit() fsyncs the new file before renaming it over the old one; the folder is
    // synced after, so the rename itself survives a power cut.
    if (!out.commit())
        return ioError(QStringLiteral("write"), subject, out);
    return StagingFile::syncDirectory(QFileInfo(out.fileName()).absolutePath());
}

} // namespace

SealedFile::SealedFile(QString path, QString context, QString subject, std::shared_ptr<ArtifactKeyring> keyring)
    : m_path(std::move(path))
    , m_context(std::move(context))
    , m_subject(std::move(subject))
    , m_keyring(std::move(keyring))
{
}

QByteArray SealedFile::binding(const QString &context, const QString &sha256)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArrayView("ModelDesk sealed file v1", 24));
    h.addData(QByteArrayView("\0", 1));
    h.addData(context.toUtf8());
    h.addData(QByteArrayView("\0", 1));
    h.addData(QByteArray::fromHex(sha256.toLatin1()));
    return h.result();
}

Result<StoredForm> SealedFile::form() const
{
    QFile file(m_path);
    auto info = openInspected(file, m_subject);
    if (!info)
        return fail(info.error());
    return info->form;
}

Status SealedFile::write(QByteArrayView plain, const QString &sha256) const
{
    bool encrypt = false;
    if (m_keyring) {
        auto policy = m_keyring->encryptNewFiles();
        if (!policy)
            return fail(Error{policy.error().code, QStringLiteral("cannot tell whether %1 must be encrypted: %2")
                                                       .arg(m_subject, policy.error().message)});
        encrypt = *policy;
    }
    MasterKey key;
    if (encrypt) {
        auto loaded = requireKey(m_keyring.get(), m_subject, QStringLiteral("store"));
        if (!loaded)
            return fail(loaded.error());
        key = *loaded;
    }
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return ioError(QStringLiteral("write"), m_subject, out);
    Writer writer(out);
    if (encrypt) {
        if (auto s = writer.begin(key, binding(m_context, sha256), plain.size()); !s)
            return s;
    }
    for (qsizetype offset = 0; offset < plain.size(); offset += kChunk) {
        if (auto s = writer.write(plain.sliced(offset, qMin<qsizetype>(kChunk, plain.size() - offset))); !s)
            return s;
    }
    if (auto s = writer.finish(); !s)
        return s;
    return commit(out, m_subject);
}

Result<QByteArray> SealedFile::read(const QString &sha256) const
{
    QFile file(m_path);
    auto info = openInspected(file, m_subject);
    if (!info)
        return fail(info.error());
    QByteArray bytes;
    bytes.reserve(qsizetype(info->plainSize));
    auto status = streamPlain(file, sha256, m_context, m_keyring.get(), m_subject, [&](QByteArrayView chunk) -> Status {
        bytes.append(chunk);
        return {};
    });
    if (!status) {
        secureWipe(bytes); // authenticated chunks of a file that failed later
        return fail(status.error());
    }
    return bytes;
}

Status SealedFile::rewrite(StoredForm form, const QString &sha256) const
{
    QFile file(m_path);
    auto info = openInspected(file, m_subject);
    if (!info)
        return fail(info.error());
    if (info->form == form)
        return {};
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return ioError(QStringLiteral("write"), m_subject, out);
    Writer writer(out);
    if (form == StoredForm::Encrypted) {
        // The digest is bound into the header: without a record, hash the plaintext first.
        QString digest = sha256;
        if (digest.isEmpty()) {
            auto hashed = hashStream(file);
            if (!hashed)
                return fail(hashed.error());
            digest = *hashed;
            file.seek(0);
        }
        auto key = requireKey(m_keyring.get(), m_subject, QStringLiteral("encrypt"));
        if (!key)
            return fail(key.error());
        if (auto s = writer.begin(*key, binding(m_context, digest), info->plainSize); !s)
            return s;
        // The old file is verified while it is copied: a damaged one is reported, not converted.
        if (auto s = streamPlain(file, digest, m_context, m_keyring.get(), m_subject,
                                 [&](QByteArrayView chunk) { return writer.write(chunk); });
            !s)
            return s;
    } else {
        if (auto s = streamPlain(file, sha256, m_context, m_keyring.get(), m_subject,
                                 [&](QByteArrayView chunk) { return writer.write(chunk); });
            !s)
            return s;
    }
    if (auto s = writer.finish(); !s)
        return s;
    if (!out.flush())
        return ioError(QStringLiteral("write"), m_subject, out);
    faultPoint("encryption:run:staged");
    // Deleted meanwhile (a newer checkpoint replaced it): do not bring it back.
    if (!QFileInfo(m_path).isFile()) {
        out.cancelWriting();
        return {};
    }
    if (auto s = commit(out, m_subject); !s)
        return s;
    faultPoint("encryption:run:renamed");
    return {};
}

} // namespace ModelDesk::Artifacts
