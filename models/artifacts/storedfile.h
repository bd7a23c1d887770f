#pragma once
// Reading and writing one store file in either form, plaintext or encrypted (artifactcipher.h).
// Private to the artifacts part: ArtifactStore's read/verify/export/put/rewrite all go through here,
// so every path verifies the digest of the plaintext and detects the form by the file's magic.

#include "artifactcipher.h"
#include "artifactkeyring.h"
#include "artifactstore.h"
#include "sha256hasher.h"
#include "stagingfile.h"

#include <QFile>
#include <memory>

namespace ModelDesk::Artifacts {

// What the first bytes of an open store file say (the file position is left at 0).
struct StoredFileInfo
{
    StoredForm form = StoredForm::Plain;
    qint64 plainSize = 0;            // from the header when encrypted, else the file size
};
Result<StoredFileInfo> inspectStoredFile(QFile &file);

// Streams the plaintext of an open store file to `sink` (may be empty) and checks that it hashes to
// `digest`. `subject` ("artifact <digest> of model 'x' version 3") starts every error message.
// Errors: Corrupt (digest mismatch, failed authentication, moved file), Unavailable (encrypted and no
// master key), Io. On error the sink may have received bytes: the caller discards them.
Status streamPlaintext(QFile &file, const QString &digest, const ArtifactKeyring *keyring, const QString &subject,
                       const Cipher::Sink &sink);

// Decrypts an open encrypted file whose header binds `binding`, streaming the plaintext to `sink`
// (may be empty) and hashing it; returns the plaintext's SHA-256 (hex). Errors start with `subject`:
// Corrupt (failed authentication, truncation), Unavailable (no master key), Io. Shared by the
// artifact store and SealedFile (training runs' files).
Result<QString> decryptHashed(QFile &file, const ArtifactKeyring *keyring, const QByteArray &binding,
                              const QString &subject, const Cipher::Sink &sink);

// Writes plaintext into a staging file, as it is or encrypted.
class StoredFileWriter final
{
public:
    explicit StoredFileWriter(StagingFile &staging);
    ~StoredFileWriter();
    // Before the first write. digest: lower-case hex; plainSize: exact byte count to come.
    Status beginEncrypted(const MasterKey &key, const QString &digest, qint64 plainSize);
    Status write(QByteArrayView plain);
    Status finish();
    StoredForm form() const { return m_encryptor ? StoredForm::Encrypted : StoredForm::Plain; }

private:
    StagingFile &m_staging;
    std::unique_ptr<Cipher::Encryptor> m_encryptor;
};

// The master key for writing or reading encrypted files; when there is none, Unavailable:
// "cannot <what> <subject>: it is encrypted at rest and <why>" (what: "read", "decrypt", "store", "encrypt").
Result<MasterKey> requireKey(const ArtifactKeyring *keyring, const QString &subject, const QString &what);

} // namespace ModelDesk::Artifacts
