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

} // namespace ModelDesk::Artifacts
