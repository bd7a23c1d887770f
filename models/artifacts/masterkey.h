#pragma once
// MasterKey: the workspace's 32-byte model-encryption key. It never encrypts artifact bytes itself:
// it wraps the random data key of each encrypted artifact (AES-256-GCM, see artifactcipher.h and
// docs/security.md). It lives in the OS keychain (Security::SecretStore) or, wrapped by a key derived
// from a passphrase, in the registry; the process holds it in memory only.
//
// Value type, cheap to copy (copies share one buffer); the key bytes are wiped (OPENSSL_cleanse)
// when the last copy goes away. Immutable, so safe to share between threads.

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>

namespace ModelDesk::Artifacts {

class MasterKey final
{
public:
    static constexpr qsizetype keySize = 32;
    static constexpr qsizetype idSize = 16;

    MasterKey() = default; // a null key
    // 32 bytes from OpenSSL's RAND_bytes. Internal if the random generator fails.
    static Result<MasterKey> generate();
    // InvalidArgument unless exactly 32 bytes.
    static Result<MasterKey> fromBytes(QByteArrayView bytes);

    bool isNull() const { return !d; }
    // A copy of the key bytes, to hand to a keychain. Wipe it with secureWipe() after use.
    QByteArray bytes() const;
    const unsigned char *data() const;
    // Key identifier: the first 16 bytes of HMAC-SHA256(key, "ModelDesk master key id v1"). Stored
    // in every encrypted file's header and in the registry, so a wrong key is named, not guessed at;
    // it reveals nothing about the key.
    QByteArray id() const;
    QString idHex() const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

// Overwrites the bytes (OPENSSL_cleanse, which the optimizer cannot drop) and clears the array.
// For buffers we own that held plaintext or key material. A shared (implicitly copied) QByteArray
// is detached first by Qt, so wipe only arrays you hold the only copy of.
void secureWipe(QByteArray &bytes);

} // namespace ModelDesk::Artifacts
