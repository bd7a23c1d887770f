#pragma once
// RunFiles: how a training run's weight files - runs/<id>/checkpoint-<n>.pt and runs/<id>/model.pt -
// are written and read. With the workspace's encryption at rest on they are encrypted like
// artifacts (SealedFile), each bound to "run <id> <file name>" and to the SHA-256 of its
// plaintext, which checkpoint.json ("sha256") and export.json ("sha256") record; with it off, or
// for files written before it was turned on, they are plain torch files checked against the same
// digests. Plaintext never reaches the disk while encryption is on: the trainer serialises into
// memory and the bytes are encrypted while written; reads decrypt into memory (the caller wipes).
//
// The run id in the binding is the name of the folder the file is in (runs/<id>/ is named by the
// run id), so a file copied into another run's folder, or over another role's file, is refused.
//
// Value type; any thread; every call is blocking file I/O. A default-constructed RunFiles (no
// keyring) reads and writes plaintext and refuses encrypted files (Unavailable).

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <memory>

namespace ModelDesk::Artifacts {
class ArtifactKeyring;
class SealedFile;
} // namespace ModelDesk::Artifacts

namespace ModelDesk::Artifacts {

class RunFiles final
{
public:
    explicit RunFiles(std::shared_ptr<ArtifactKeyring> keyring = {});

    // Atomic write (QSaveFile, fsync), encrypted when the workspace says so; a setting or key that
    // cannot be read fails the write.
    Status write(const QString &path, QByteArrayView plain, const QString &sha256) const;
    // Reads and checks (digest; binding when encrypted). `sha256` empty: no record names it (see
    // SealedFile::read). Corrupt names the file and what is wrong.
    Result<QByteArray> read(const QString &path, const QString &sha256) const;
    // The file as a SealedFile (for status and re-encryption).
    SealedFile sealed(const QString &path) const;

    // "checkpoint-3.pt of run <id>": how errors name a run file.
    static QString subject(const QString &path);
    // "run <id> <file name>": what an encrypted run file is bound to.
    static QString context(const QString &path);

    // Every weight file under `runsRoot` (<workspace>/runs) with the digest its record names (empty
    // when none does: a checkpoint left behind by a crash, a model exported before export.json
    // recorded its digest).
    struct Entry
    {
        QString path;
        QString sha256;
    };
    static QList<Entry> list(const QString &runsRoot);

private:
    std::shared_ptr<ArtifactKeyring> m_keyring;
};

} // namespace ModelDesk::Artifacts
