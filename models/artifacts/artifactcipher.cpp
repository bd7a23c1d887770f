#include "artifactcipher.h"

#include <QtEndian>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstring>

namespace ModelDesk::Artifacts::Cipher {

namespace {

constexpr qsizetype kNonceSize = 12;
constexpr qsizetype kDigestSize = 32;
constexpr qsizetype kWrapAadSize = 84; // magic .. file nonce
constexpr qsizetype kChunkAadSize = kDigestSize + 8 + 1;

Error cryptoFailed(const char *what)
{
    return Error::internal(QStringLiteral("OpenSSL failed to %1").arg(QLatin1String(what)));
}

// AES-256-GCM context with a fixed key; each seal/open sets a fresh nonce.
class Gcm final
{
public:
    Gcm() : m_ctx(EVP_CIPHER_CTX_new()) {}
    ~Gcm() { EVP_CIPHER_CTX_free(m_ctx); }
    Gcm(const Gcm &) = delete;
    Gcm &operator=(const Gcm &) = delete;

    bool init(const unsigned char *key, bool encrypt)
    {
        if (!m_ctx)
            return false;
        const int ok = encrypt ? EVP_EncryptInit_ex(m_ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr)
                               : EVP_DecryptInit_ex(m_ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr);
        if (ok != 1 || EVP_CIPHER_CTX_ctrl(m_ctx, EVP_CTRL_GCM_SET_IVLEN, int(kNonceSize), nullptr) != 1)
            return false;
        return (encrypt ? EVP_EncryptInit_ex(m_ctx, nullptr, nullptr, key, nullptr)
                        : EVP_DecryptInit_ex(m_ctx, nullptr, nullptr, key, nullptr)) == 1;
    }

    // out receives plain.size() bytes of ciphertext, tag receives 16 bytes.
    bool seal(const unsigned char *nonce, QByteArrayView aad, QByteArrayView plain, unsigned char *out,
              unsigned char *tag)
    {
        int n = 0;
        if (EVP_EncryptInit_ex(m_ctx, nullptr, nullptr, nullptr, nonce) != 1)
            return false;
        if (!aad.isEmpty() && EVP_EncryptUpdate(m_ctx, nullptr, &n, bytes(aad), int(aad.size())) != 1)
            return false;
        if (!plain.isEmpty() && EVP_EncryptUpdate(m_ctx, out, &n, bytes(plain), int(plain.size())) != 1)
            return false;
        int tail = 0;
        if (EVP_EncryptFinal_ex(m_ctx, out + plain.size(), &tail) != 1)
            return false;
        return EVP_CIPHER_CTX_ctrl(m_ctx, EVP_CTRL_GCM_GET_TAG, int(tagSize), tag) == 1;
    }

    // out receives cipher.size() bytes; false when the tag does not authenticate (out is then wiped).
    bool open(const unsigned char *nonce, QByteArrayView aad, QByteArrayView cipher, const unsigned char *tag,
              unsigned char *out)
    {
        int n = 0;
        bool ok = EVP_DecryptInit_ex(m_ctx, nullptr, nullptr, nullptr, nonce) == 1
            && (aad.isEmpty() || EVP_DecryptUpdate(m_ctx, nullptr, &n, bytes(aad), int(aad.size())) == 1)
            && (cipher.isEmpty() || EVP_DecryptUpdate(m_ctx, out, &n, bytes(cipher), int(cipher.size())) == 1)
            && EVP_CIPHER_CTX_ctrl(m_ctx, EVP_CTRL_GCM_SET_TAG, int(tagSize), const_cast<unsigned char *>(tag)) == 1;
        int tail = 0;
        ok = ok && EVP_DecryptFinal_ex(m_ctx, out + cipher.size(), &tail) == 1;
        if (!ok && !cipher.isEmpty())
            OPENSSL_cleanse(out, size_t(cipher.size()));
        return ok;
    }

private:
    static const unsigned char *bytes(QByteArrayView v) { return reinterpret_cast<const unsigned char *>(v.data()); }
    EVP_CIPHER_CTX *m_ctx = nullptr;
};

// A byte buffer that is wiped when it goes away: chunk plaintext and data keys live in these.
struct SecureBuffer
{
    QByteArray bytes;
    explicit SecureBuffer(qsizetype size = 0) : bytes(size, Qt::Uninitialized) {}
    ~SecureBuffer() { secureWipe(bytes); }
    SecureBuffer(const SecureBuffer &) = delete;
    SecureBuffer &operator=(const SecureBuffer &) = delete;
    unsigned char *data() { return reinterpret_cast<unsigned char *>(bytes.data()); }
};

QByteArray chunkNonce(const QByteArray &fileNonce, qint64 index)
{
    QByteArray nonce = fileNonce;
    uchar counter[8];
    qToBigEndian(quint64(index), counter);
    for (int i = 0; i < 8; ++i)
        nonce[4 + i] = char(uchar(nonce[4 + i]) ^ counter[i]);
    return nonce;
}

QByteArray chunkAad(const QByteArray &digest, qint64 index, bool final)
{
    QByteArray aad = digest;
    aad.resize(kChunkAadSize);
    qToBigEndian(quint64(index), reinterpret_cast<uchar *>(aad.data()) + kDigestSize);
    aad[kDigestSize + 8] = final ? '\1' : '\0';
    return aad;
}

const unsigned char *u(const QByteArray &b) { return reinterpret_cast<const unsigned char *>(b.constData()); }

QByteArray randomBytes(qsizetype n)
{
    QByteArray b(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(b.data()), int(n)) != 1)
        return {};
    return b;
}

Status readExactly(QIODevice &in, char *out, qint64 n, const char *what)
{
    qint64 done = 0;
    while (done < n) {
        const qint64 got = in.read(out + done, n - done);
        if (got < 0)
            return fail(Error::io(QStringLiteral("cannot read the encrypted file: %1").arg(in.errorString())));
        if (got == 0)
            return fail(Error::corrupt(QStringLiteral("the encrypted file is truncated (in %1)").arg(QLatin1String(what))));
        done += got;
    }
    return {};
}

} // namespace

qint64 Header::chunkCount() const
{
    return plainSize == 0 ? 1 : (plainSize + chunkSize - 1) / chunkSize;
}

qint64 Header::encryptedFileSize() const { return headerSize + plainSize + chunkCount() * tagSize; }

QByteArray Header::encode() const
{
    QByteArray out(headerSize, '\0');
    uchar *p = reinterpret_cast<uchar *>(out.data());
    std::memcpy(p, magic, magicSize);
    qToBigEndian(formatVersion, p + 8);
    qToBigEndian(quint16(headerSize), p + 10);
    qToBigEndian(quint32(chunkSize), p + 12);
    qToBigEndian(quint64(plainSize), p + 16);
    std::memcpy(p + 24, digest.constData(), kDigestSize);
    std::memcpy(p + 56, keyId.constData(), MasterKey::idSize);
    std::memcpy(p + 72, fileNonce.constData(), kNonceSize);
    std::memcpy(p + 84, wrapNonce.constData(), kNonceSize);
    std::memcpy(p + 96, wrappedKey.constData(), MasterKey::keySize);
    std::memcpy(p + 128, wrapTag.constData(), tagSize);
    return out;
}

bool hasMagic(QByteArrayView firstBytes)
{
    return firstBytes.size() >= magicSize && std::memcmp(firstBytes.data(), magic, magicSize) == 0;
}

Result<Header> parseHeader(QByteArrayView bytes)
{
    if (bytes.size() < headerSize || !hasMagic(bytes))
        return fail(Error::corrupt(QStringLiteral("not an encrypted ModelDesk artifact (header missing or cut)")));
    const uchar *p = reinterpret_cast<const uchar *>(bytes.data());
    const quint16 version = qFromBigEndian<quint16>(p + 8);
    if (version != formatVersion)
        return fail(Error::corrupt(
            QStringLiteral("encrypted artifact format %1 is not supported by this ModelDesk (it reads format %2)").arg(version).arg(formatVersion)));
    if (qFromBigEndian<quint16>(p + 10) != headerSize)
        return fail(Error::corrupt(QStringLiteral("the encrypted artifact header has a wrong size field")));
    Header h;
    h.chunkSize = qFromBigEndian<quint32>(p + 12);
    const quint64 plain = qFromBigEndian<quint64>(p + 16);
    if (h.chunkSize < minChunkSize || h.chunkSize > maxChunkSize)
        return fail(Error::corrupt(QStringLiteral("the encrypted artifact header has an invalid chunk size %1").arg(h.chunkSize)));
    if (plain > (quint64(1) << 50))
        return fail(Error::corrupt(QStringLiteral("the encrypted artifact header has an invalid size")));
    h.plainSize = qint64(plain);
    auto slice = [&](qsizetype at, qsizetype n) { return QByteArray(bytes.data() + at, n); };
    h.digest = slice(24, kDigestSize);
    h.keyId = slice(56, MasterKey::idSize);
    h.fileNonce = slice(72, kNonceSize);
    h.wrapNonce = slice(84, kNonceSize);
    h.wrappedKey = slice(96, MasterKey::keySize);
    h.wrapTag = slice(128, tagSize);
    return h;
}

Result<Header> readHeader(QIODevice &in)
{
    QByteArray bytes(headerSize, Qt::Uninitialized);
    if (auto s = readExactly(in, bytes.data(), headerSize, "the header"); !s)
        return fail(s.error());
    auto header = parseHeader(bytes);
    if (!header)
        return header;
    if (!in.isSequential() && in.size() != header->encryptedFileSize()) {
        return fail(Error::corrupt(
            in.size() < header->encryptedFileSize()
                ? QStringLiteral("the encrypted file is truncated: %1 bytes instead of %2").arg(in.size()).arg(header->encryptedFileSize())
                : QStringLiteral("the encrypted file has %1 unexpected bytes after its last chunk").arg(in.size() - header->encryptedFileSize())));
    }
    return header;
}

// ---- Encryptor ------------------------------------------------------------------------------------------

struct Encryptor::Private
{
    Header header;
    Sink sink;
    Gcm gcm;
    SecureBuffer plain;     // the chunk being filled
    qsizetype filled = 0;
    QByteArray out;         // ciphertext + tag of one chunk
    qint64 index = 0;
    qint64 total = 0;       // plaintext bytes taken so far
    bool finished = false;
};

Encryptor::Encryptor() : d(std::make_unique<Private>()) {}
Encryptor::~Encryptor() = default;

Result<std::unique_ptr<Encryptor>> Encryptor::begin(const MasterKey &key, QByteArrayView digest, qint64 plainSize,
                                                    Sink sink, qint64 chunkSize)
{
    if (key.isNull())
        return fail(Error::internal(QStringLiteral("no master key to encrypt with")));
    if (digest.size() != kDigestSize || plainSize < 0 || chunkSize < minChunkSize || chunkSize > maxChunkSize)
        return fail(Error::internal(QStringLiteral("invalid arguments for artifact encryption")));
    std::unique_ptr<Encryptor> e(new Encryptor);
    Header &h = e->d->header;
    h.chunkSize = chunkSize;
    h.plainSize = plainSize;
    h.digest = digest.toByteArray();
    h.keyId = key.id();
    h.fileNonce = randomBytes(kNonceSize);
    h.wrapNonce = randomBytes(kNonceSize);
    SecureBuffer dataKey(MasterKey::keySize);
    if (h.fileNonce.isEmpty() || h.wrapNonce.isEmpty()
        || RAND_bytes(dataKey.data(), int(MasterKey::keySize)) != 1)
        return fail(Error::internal(QStringLiteral("OpenSSL's random generator failed: cannot encrypt")));

    // Wrap the data key; its AAD is every header field before the wrap nonce, so the tag covers them.
    h.wrappedKey = QByteArray(MasterKey::keySize, Qt::Uninitialized);
    h.wrapTag = QByteArray(tagSize, Qt::Uninitialized);
    {
        const QByteArray aad = h.encode().left(kWrapAadSize);
        Gcm wrap;
        if (!wrap.init(key.data(), true)
            || !wrap.seal(u(h.wrapNonce), aad, dataKey.bytes, reinterpret_cast<unsigned char *>(h.wrappedKey.data()),
                          reinterpret_cast<unsigned char *>(h.wrapTag.data())))
            return fail(cryptoFailed("wrap a data key"));
    }
    if (!e->d->gcm.init(dataKey.data(), true))
        return fail(cryptoFailed("set up AES-256-GCM"));
    e->d->sink = std::move(sink);
    e->d->plain.bytes = QByteArray(qsizetype(chunkSize), Qt::Uninitialized);
    e->d->out = QByteArray(qsizetype(chunkSize + tagSize), Qt::Uninitialized);
    if (auto s = e->d->sink(h.encode()); !s)
        return fail(s.error());
    return e;
}

Status Encryptor::sealChunk(bool final)
{
    const QByteArrayView plain(d->plain.bytes.constData(), d->filled);
    auto *out = reinterpret_cast<unsigned char *>(d->out.data());
    if (!d->gcm.seal(u(chunkNonce(d->header.fileNonce, d->index)), chunkAad(d->header.digest, d->index, final), plain,
                     out, out + d->filled))
        return fail(cryptoFailed("encrypt a chunk"));
    const qsizetype n = d->filled + tagSize;
    d->filled = 0;
    ++d->index;
    return d->sink(QByteArrayView(d->out.constData(), n));
}

Status Encryptor::write(QByteArrayView plain)
{
    if (d->finished)
        return fail(Error::internal(QStringLiteral("write after finish")));
    if (d->total + plain.size() > d->header.plainSize)
        return fail(Error::conflict(QStringLiteral("the source grew while it was being encrypted")));
    d->total += plain.size();
    while (!plain.isEmpty()) {
        // A full chunk is sealed only when more bytes follow, so the last chunk is always the final one.
        if (d->filled == d->header.chunkSize) {
            if (auto s = sealChunk(false); !s)
                return s;
        }
        const qsizetype take = qMin<qsizetype>(plain.size(), qsizetype(d->header.chunkSize) - d->filled);
        std::memcpy(d->plain.bytes.data() + d->filled, plain.data(), size_t(take));
        d->filled += take;
        plain = plain.sliced(take);
    }
    return {};
}

Status Encryptor::finish()
{
    if (d->finished)
        return fail(Error::internal(QStringLiteral("finish called twice")));
    d->finished = true;
    if (d->total != d->header.plainSize)
        return fail(Error::conflict(QStringLiteral("the source shrank while it was being encrypted")));
    return sealChunk(true);
}

// ---- decryption -----------------------------------------------------------------------------------------

Status decrypt(QIODevice &in, const MasterKey &key, QByteArrayView expectedDigest, const Sink &sink)
{
    auto header = readHeader(in);
    if (!header)
        return fail(header.error());
    const Header &h = *header;
    if (h.digest != expectedDigest)
        return fail(Error::corrupt(QStringLiteral("the file holds the encrypted artifact %1, not this one (moved or swapped)")
                                       .arg(h.digestHex())));
    if (key.isNull())
        return fail(Error::internal(QStringLiteral("no master key to decrypt with")));
    if (h.keyId != key.id())
        return fail(Error::corrupt(QStringLiteral("it was encrypted with another master key (key id %1, this workspace's key is %2)")
                                       .arg(QString::fromLatin1(h.keyId.toHex()), key.idHex())));

    SecureBuffer dataKey(MasterKey::keySize);
    {
        const QByteArray aad = h.encode().left(kWrapAadSize);
        Gcm unwrap;
        if (!unwrap.init(key.data(), false))
            return fail(cryptoFailed("set up AES-256-GCM"));
        if (!unwrap.open(u(h.wrapNonce), aad, h.wrappedKey, u(h.wrapTag), dataKey.data()))
            return fail(Error::corrupt(QStringLiteral("its header failed authentication (tampered header or wrong key)")));
    }
    Gcm gcm;
    if (!gcm.init(dataKey.data(), false))
        return fail(cryptoFailed("set up AES-256-GCM"));

    const qint64 chunks = h.chunkCount();
    QByteArray cipher(qsizetype(h.chunkSize + tagSize), Qt::Uninitialized);
    SecureBuffer plain(qsizetype(h.chunkSize));
    qint64 left = h.plainSize;
    for (qint64 i = 0; i < chunks; ++i) {
        const bool final = i == chunks - 1;
        const qsizetype n = qsizetype(qMin(left, h.chunkSize));
        if (auto s = readExactly(in, cipher.data(), n + tagSize, "a chunk"); !s)
            return s;
        if (!gcm.open(u(chunkNonce(h.fileNonce, i)), chunkAad(h.digest, i, final), QByteArrayView(cipher.constData(), n),
                      u(cipher) + n, plain.data()))
            return fail(Error::corrupt(QStringLiteral("chunk %1 of %2 failed authentication (tampered, reordered or truncated)")
                                           .arg(i + 1)
                                           .arg(chunks)));
        if (auto s = sink(QByteArrayView(plain.bytes.constData(), n)); !s)
            return s;
        left -= n;
    }
    char extra = 0;
    if (in.read(&extra, 1) > 0)
        return fail(Error::corrupt(QStringLiteral("the encrypted file has unexpected bytes after its last chunk")));
    return {};
}

} // namespace ModelDesk::Artifacts::Cipher
