#pragma once
// Incremental SHA-256 over OpenSSL's EVP interface (hardware SHA extensions when the CPU has them).
// Private to the artifacts part. Not thread-safe: one hasher per stream.

#include "artifactstore.h"

#include "core/result.h"

#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <functional>
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

// Reads `file` from its current position to the end in 1 MiB chunks, hashing every byte and
// handing each chunk to `sink` when set; `progress`, when set, sees (done, total) and may cancel.
// The one read-and-hash loop of the store: plain reads, copies and verification all use it.
Result<QString> hashStream(QFile &file, const Progress &progress = {},
                           const std::function<Status(QByteArrayView)> &sink = {});

} // namespace ModelDesk::Artifacts
