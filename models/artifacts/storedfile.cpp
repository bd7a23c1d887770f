#include "storedfile.h"

namespace ModelDesk::Artifacts {

namespace {


Error prefixed(const QString &subject, const Error &e) { return Error{e.code, subject + QStringLiteral(": ") + e.message}; }

Error mismatch(const QString &subject, const QString &digest, const QString &found)
{
    return Error::corrupt(QStringLiteral("%1 is corrupt: expected sha256 %2, found %3").arg(subject, digest, found));
}

} // namespace

Result<StoredFileInfo> inspectStoredFile(QFile &file)
{
    const QByteArray first = file.peek(Cipher::headerSize);
    StoredFileInfo info;
    info.plainSize = file.size();
    if (Cipher::hasMagic(first)) {
        if (auto header = Cipher::parseHeader(first)) {
            info.form = StoredForm::Encrypted;
            info.plainSize = header->plainSize;
        }
    }
    return info;
}

Result<MasterKey> requireKey(const ArtifactKeyring *keyring, const QString &subject, const QString &what)
{
    Result<MasterKey> key = keyring ? keyring->masterKey()
                                    : Result<MasterKey>(fail(Error{Error::Code::Unavailable,
                                                                   QStringLiteral("no master key is configured")}));
    if (!key)
        // The loader's code says what to do (wrong passphrase, timeout, ...); "no such keychain entry"
        // is not about the artifact, which does exist.
        return fail(Error{key.error().code == Error::Code::NotFound ? Error::Code::Unavailable : key.error().code,
                          QStringLiteral("cannot %1 %2: %3 and %4")
                              .arg(what, subject,
                                   what == QLatin1String("read") || what == QLatin1String("decrypt")
                                       ? QStringLiteral("it is encrypted at rest")
                                       : QStringLiteral("encryption at rest is on"),
                                   key.error().message)});
    return key;
}

Result<QString> decryptHashed(QFile &file, const ArtifactKeyring *keyring, const QByteArray &binding,
                              const QString &subject, const Cipher::Sink &sink)
{
    auto key = requireKey(keyring, subject, QStringLiteral("read"));
    if (!key)
        return fail(key.error());
    Sha256Hasher hasher;
    auto status = Cipher::decrypt(file, *key, binding, [&](QByteArrayView chunk) -> Status {
        hasher.addData(chunk);
        return sink ? sink(chunk) : Status();
    });
    if (!status)
        return fail(status.error().code == Error::Code::Corrupt
                        ? Error::corrupt(QStringLiteral("%1 is corrupt: %2").arg(subject, status.error().message))
                        : prefixed(subject, status.error()));
    const QString found = hasher.hexDigest();
    if (found.isEmpty())
        return fail(Error::internal(QStringLiteral("OpenSSL could not compute a SHA-256 digest")));
    return found;
}

Status streamPlaintext(QFile &file, const QString &digest, const ArtifactKeyring *keyring, const QString &subject,
                       const Cipher::Sink &sink)
{
    const QByteArray first = file.peek(Cipher::headerSize);
    const QByteArray rawDigest = QByteArray::fromHex(digest.toLatin1());
    if (Cipher::hasMagic(first)) {
        auto header = Cipher::parseHeader(first);
        if (header && header->digest == rawDigest) {
            auto found = decryptHashed(file, keyring, rawDigest, subject, sink);
            if (!found)
                return fail(found.error());
            // Authenticated encryption already vouches for the bytes; the digest check costs little and
            // also covers a bug in how the file was written.
            if (*found != digest)
                return fail(mismatch(subject, digest, *found));
            return {};
        }
        // A plaintext artifact may begin with the magic by chance; it still has to hash right.
        auto found = hashStream(file, {}, sink);
        if (!found)
            return fail(found.error());
        if (*found == digest)
            return {};
        if (header)
            return fail(Error::corrupt(QStringLiteral("%1 is corrupt: the file holds the encrypted artifact %2 (moved or swapped)")
                                           .arg(subject, header->digestHex())));
        return fail(mismatch(subject, digest, *found));
    }
    auto found = hashStream(file, {}, sink);
    if (!found)
        return fail(found.error());
    if (*found != digest)
        return fail(mismatch(subject, digest, *found));
    return {};
}

StoredFileWriter::StoredFileWriter(StagingFile &staging) : m_staging(staging) {}
StoredFileWriter::~StoredFileWriter() = default;

Status StoredFileWriter::beginEncrypted(const MasterKey &key, const QString &digest, qint64 plainSize)
{
    auto encryptor = Cipher::Encryptor::begin(key, QByteArray::fromHex(digest.toLatin1()), plainSize,
                                              [this](QByteArrayView bytes) { return m_staging.write(bytes); });
    if (!encryptor)
        return fail(encryptor.error());
    m_encryptor = std::move(*encryptor);
    return {};
}

Status StoredFileWriter::write(QByteArrayView plain)
{
    return m_encryptor ? m_encryptor->write(plain) : m_staging.write(plain);
}

Status StoredFileWriter::finish()
{
    return m_encryptor ? m_encryptor->finish() : Status();
}

} // namespace ModelDesk::Artifacts
