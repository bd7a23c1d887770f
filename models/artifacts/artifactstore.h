#pragma once
// Content-addressed artifact store: artifacts/sha256/<first two hex>/<digest>.
//
// Threads: all methods are safe to call from any thread; they do file I/O, so not on the GUI thread.
// Writes are atomic: bytes go to a temporary file in the workspace, are fsynced, hashed, verified and
// renamed into place; an existing file with the same digest is reused (after verification).
// Reads verify the SHA-256 of what they return; a mismatch is Error::Corrupt naming the artifact.
//
// Encryption at rest (docs/security.md): with a keyring whose policy says so, new files are written
// AES-256-GCM encrypted (artifactcipher.h). A digest is always the SHA-256 of the plaintext, so names,
// registry rows and verify() do not change. Every read detects the form of the file by its magic and
// decrypts in memory: read() returns plaintext, exportTo() writes plaintext to the destination the
// caller names, and plaintext is never written anywhere else. A store without a keyring reads and
// writes plaintext and fails (Unavailable) on encrypted files.

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace ModelDesk::Artifacts {

class ArtifactKeyring;

enum class StoredForm { Plain, Encrypted };

struct StoredArtifact
{
    QString digest;   // lower-case hex SHA-256
    qint64 size = 0;
    QString path;     // absolute path of the stored file
};

// Progress callback: bytes done, bytes total. Return false to cancel.
using Progress = std::function<bool(qint64 done, qint64 total)>;

class ArtifactStore final
{
public:
    // root = <workspace>/artifacts, tmpDir = a folder on the same file system for atomic renames.
    ArtifactStore(QString root, QString tmpDir);

    // Encryption: set once, before the store is shared between threads. Null: plaintext only.
    void setKeyring(std::shared_ptr<ArtifactKeyring> keyring);
    std::shared_ptr<ArtifactKeyring> keyring() const { return m_keyring; }

    // Copies a file into the store (streaming, hashing as it goes).
    Result<StoredArtifact> putFile(const QString &sourcePath, const Progress &progress = {}) const;
    // Same, for a source whose digest the caller has already computed: an encrypted file needs the
    // digest before its first byte (it is bound into every chunk). Conflict when the source no longer
    // hashes to `expectedDigest` (it changed meanwhile); nothing is stored then.
    Result<StoredArtifact> putFile(const QString &sourcePath, const QString &expectedDigest,
                                   const Progress &progress) const;
    // Stores bytes held in memory.
    Result<StoredArtifact> putBytes(const QByteArray &bytes) const;

    bool contains(const QString &digest) const;
    QString pathFor(const QString &digest) const; // where the digest lives (whether or not it exists)

    // Reads and verifies the whole artifact. `context` (e.g. "model 'x' version 3") goes into errors.
    Result<QByteArray> read(const QString &digest, const QString &context = {}) const;
    // Re-hashes the stored file; Corrupt when it differs, NotFound when missing.
    Status verify(const QString &digest, const QString &context = {}) const;
    // Copies a verified artifact to `destination` atomically.
    Status exportTo(const QString &digest, const QString &destination, const QString &context = {}) const;

    // How the file of `digest` is stored, from its first bytes. NotFound when missing.
    Result<StoredForm> storedForm(const QString &digest) const;
    // Rewrites the file of `digest` in `form` (encrypting or decrypting it) through a staging file:
    // written, fsynced, verified, then renamed over the old file, so a crash at any point leaves either
    // the old file or the new one, both readable. Nothing to do when it is already in that form.
    Status rewrite(const QString &digest, StoredForm form, const QString &context = {}) const;

    Status remove(const QString &digest) const;
    // Every digest present on disk (for doctor's orphan check).
    Result<QStringList> list() const;
    // Deletes leftover temporary files from interrupted writes; returns how many were removed.
    int cleanTemporaryFiles() const;

    // SHA-256 of a file, streaming.
    static Result<QString> sha256File(const QString &path, const Progress &progress = {});
    static QString sha256(const QByteArray &bytes);

private:
    Result<StoredArtifact> store(const QString &sourcePath, const QString &expectedDigest, const Progress &progress) const;

    QString m_root;
    QString m_tmpDir;
    std::shared_ptr<ArtifactKeyring> m_keyring;
};

} // namespace ModelDesk::Artifacts
