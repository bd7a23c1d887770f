#pragma once
// Incremental SHA-256 over OpenSSL's EVP interface (hardware SHA extensions when the CPU has them).
// Private to the artifacts part. Not thread-safe: one hasher per stream.

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace ModelDesk::Artifacts {

class Sha256Hasher final
{
public:
    Sha256Hasher();
    ~Sha256Hasher();
    Sha256Hasher(const Sha256Hasher &) = delete;
    Sha256Hasher &operator=(const Sha256Hasher &) = delete;

    void addData(QByteArrayView data);
    // Lower-case hex digest; finishes the hash. Empty if OpenSSL failed (callers report Internal).
    QString hexDigest();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
    bool m_failed = false;
};

} // namespace ModelDesk::Artifacts
