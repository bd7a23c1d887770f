#include "sha256hasher.h"

#include <openssl/evp.h>

namespace ModelDesk::Artifacts {

struct Sha256Hasher::Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Sha256Hasher::Sha256Hasher()
    : m_context(std::make_unique<Context>())
{
    m_failed = m_context->ctx == nullptr || EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr) != 1;
}

Sha256Hasher::~Sha256Hasher() = default;

void Sha256Hasher::addData(QByteArrayView data)
{
    if (m_failed || data.isEmpty())
        return;
    m_failed = EVP_DigestUpdate(m_context->ctx, data.data(), static_cast<size_t>(data.size())) != 1;
}

QString Sha256Hasher::hexDigest()
{
    if (m_failed)
        return {};
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // A finished context cannot take more data; mark it so a second call reports failure.
    m_failed = true;
    if (EVP_DigestFinal_ex(m_context->ctx, md, &length) != 1 || length != 32)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(md), length).toHex());
}

Result<QString> hashStream(QFile &file, const Progress &progress, const std::function<Status(QByteArrayView)> &sink)
{
    Sha256Hasher hasher;
    const qint64 total = file.size();
    qint64 done = 0;
    constexpr qint64 kChunk = 1 << 20;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return fail(Error::io(QStringLiteral("cannot read '%1': %2").arg(file.fileName(), file.errorString())));
        if (n == 0)
            break;
        const QByteArrayView chunk(buffer.constData(), n);
        hasher.addData(chunk);
        if (sink) {
            if (auto s = sink(chunk); !s)
                return fail(s.error());
        }
        done += n;
        if (progress && !progress(done, qMax(total, done)))
            return fail(Error::cancelled());
    }
    if (done == 0 && progress && !progress(0, 0))
        return fail(Error::cancelled());
    const QString digest = hasher.hexDigest();
    if (digest.isEmpty())
        return fail(Error::internal(QStringLiteral("OpenSSL could not compute a SHA-256 digest")));
    return digest;
}

} // namespace ModelDesk::Artifacts
