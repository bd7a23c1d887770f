#pragma once
// PassphraseKey: the documented fallback when there is no secure store (docs/security.md). The
// workspace master key is wrapped with AES-256-GCM under a key derived from a passphrase with
// PBKDF2-HMAC-SHA256 (OpenSSL, at least 600 000 iterations, 16-byte random salt); the wrapped form
// (salt, iterations, nonce, ciphertext, tag, key id) is stored in the workspace's registry settings.
// Nothing stored there opens the key without the passphrase.
//
// Threads: pure functions, any thread; derivation takes about half a second by design, so not on
// the GUI thread. Errors: InvalidArgument (passphrase too short, malformed stored form),
// Unauthenticated (wrong passphrase), Internal (OpenSSL failed).

#include "artifacts/masterkey.h"
#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace ModelDesk::Security {

struct WrappedMasterKey
{
    int iterations = 0;
    QByteArray salt;         // 16 bytes
    QByteArray nonce;        // 12 bytes
    QByteArray ciphertext;   // 32 bytes of key + 16 bytes of GCM tag
    QByteArray keyId;        // MasterKey::id() of the wrapped key

    // {"kdf":"pbkdf2-hmac-sha256","iterations":N,"salt":b64,"nonce":b64,"wrapped":b64,"key_id":hex}
    QString toJson() const;
    static Result<WrappedMasterKey> fromJson(const QString &text);
};

namespace PassphraseKey {

inline constexpr int minIterations = 600000;
inline constexpr int minPassphraseLength = 8;

// InvalidArgument for a passphrase shorter than minPassphraseLength characters (UTF-8 bytes).
Status checkPassphrase(QByteArrayView passphrase);
Result<WrappedMasterKey> wrap(const Artifacts::MasterKey &key, QByteArrayView passphrase, int iterations = minIterations);
Result<Artifacts::MasterKey> unwrap(const WrappedMasterKey &wrapped, QByteArrayView passphrase);

} // namespace PassphraseKey
} // namespace ModelDesk::Security
