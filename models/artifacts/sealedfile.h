#pragma once
// SealedFile: one file outside the artifact store - a training run's checkpoint or exported model -
// kept in plaintext or in the encrypted format of artifactcipher.h, whichever the workspace's
// encryption setting asks for (docs/security.md, "Training runs").
//
// The 32-byte digest field of the format holds a *binding* instead of the plaintext digest:
//   SHA-256("ModelDesk sealed file v1" 0x00 context 0x00 plaintext SHA-256 (32 raw bytes))
// with a context such as "run <run id> model.pt". The binding is authenticated by the header's wrap
// tag and every chunk's AAD, so a file copied over another (another run's, another role's), moved,
// truncated or edited is refused; the plaintext digest the caller expects (checkpoint.json,
// export.json) is checked too. The context is not stored: the reader recomputes it from where the
// file is, which is what makes a moved file fail.
//
// Writes are atomic (QSaveFile: a temporary file next to the target, fsynced, renamed over it; then
// the folder is fsynced), so a crash leaves the old file or the new one, both readable; the reader
// tells the forms apart by the magic. Plaintext exists only in the caller's buffers: encryption
// happens while writing, decryption into memory.
//
// Threads: any thread; every call is blocking file I/O. Errors: Corrupt (tampered, truncated,
// moved, swapped, digest mismatch), Unavailable (encrypted and the workspace key is not there),
// Io. A policy that cannot be read fails a write: never plaintext by accident.

#include "artifactstore.h"

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>

namespace ModelDesk::Artifacts {

class ArtifactKeyring;

class SealedFile final
{
public:
    // `context` names the file's place and role (bound into the file); `subject` starts error
    // messages ("checkpoint-3.pt of run X"). A null keyring reads and writes plaintext only.
    SealedFile(QString path, QString context, QString subject, std::shared_ptr<ArtifactKeyring> keyring);

    // The binding stored in an encrypted file for this context and plaintext digest (hex).
    static QByteArray binding(const QString &context, const QString &sha256);

    // The form on disk, from the first bytes. NotFound when missing.
    Result<StoredForm> form() const;

    // Writes `plain` (whose SHA-256 is `sha256`, hex) atomically, encrypted when the keyring's policy
    // says so.
    Status write(QByteArrayView plain, const QString &sha256) const;

    // Reads the whole file into memory and checks it: its plaintext must hash to `sha256` and, when
    // encrypted, carry this context's binding. `sha256` may be empty when no record names the digest
    // (a leftover file): an encrypted file must then still be bound to this context and to its own
    // content. The caller wipes the bytes after use (secureWipe).
    Result<QByteArray> read(const QString &sha256) const;

    // Rewrites the file in `form` (streaming, verified while copying, atomically). Nothing to do
    // when it is already in that form. Fault points: "encryption:run:staged" (new file written, not
    // yet renamed) and "encryption:run:renamed".
    Status rewrite(StoredForm form, const QString &sha256) const;

private:
    QString m_path;
    QString m_context;
    QString m_subject;
    std::shared_ptr<ArtifactKeyring> m_keyring;
};

} // namespace ModelDesk::Artifacts
