#pragma once
// The encrypted artifact file format (docs/security.md, "File format"). Private to the artifacts
// part: ArtifactStore reads and writes through it.
//
//   offset size  field (integers big-endian)
//   0      8     magic "MDKCRYPT"
//   8      2     format version (1)
//   10     2     header size (144)
//   12     4     chunk size: plaintext bytes per chunk (1 MiB when written here)
//   16     8     plaintext size
//   24     32    plaintext SHA-256: the artifact's digest, i.e. its file name in the store
//   56     16    master key id (MasterKey::id)
//   72     12    file nonce (random)
//   84     12    wrap nonce (random)
//   96     32    data key, encrypted with the master key (AES-256-GCM, AAD = bytes 0..84)
//   128    16    GCM tag of the wrapped data key
//   144    ...   chunks: ciphertext (chunk size; the last one shorter, possibly empty) + 16-byte tag
//
// Each file has its own random data key. Chunk i is AES-256-GCM with nonce = file nonce with its last
// 8 bytes XORed with i (big-endian), and AAD = digest (32 raw bytes) | i (8 bytes) | final flag
// (1 byte, 1 on the last chunk only). The wrap tag authenticates every header field, so:
//  - a changed byte anywhere fails a tag;
//  - chunks swapped or dropped fail (index in nonce and AAD), and a cut after any chunk fails
//    because that chunk was sealed with final = 0 (and the size no longer matches the header);
//  - a file moved to another digest's name fails: the header names its own digest, which the wrap
//    tag and every chunk's AAD bind; the registry row names the digest a version must have.
// An empty artifact is one empty final chunk.
//
// Threads: each object is used by one thread at a time.

#include "masterkey.h"

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>
#include <functional>
#include <memory>

namespace ModelDesk::Artifacts::Cipher {

using Sink = std::function<Status(QByteArrayView)>;

inline constexpr char magic[] = "MDKCRYPT"; // 8 bytes used, no terminator in the file
inline constexpr qsizetype magicSize = 8;
inline constexpr quint16 formatVersion = 1;
inline constexpr qsizetype headerSize = 144;
inline constexpr qsizetype tagSize = 16;
inline constexpr qint64 defaultChunkSize = qint64(1) << 20;
inline constexpr qint64 minChunkSize = qint64(1) << 10;
inline constexpr qint64 maxChunkSize = qint64(64) << 20;

struct Header
{
    qint64 chunkSize = defaultChunkSize;
    qint64 plainSize = 0;
    QByteArray digest;       // 32 raw bytes
    QByteArray keyId;        // 16
    QByteArray fileNonce;    // 12
    QByteArray wrapNonce;    // 12
    QByteArray wrappedKey;   // 32
    QByteArray wrapTag;      // 16

    QString digestHex() const { return QString::fromLatin1(digest.toHex()); }
    qint64 chunkCount() const;       // at least 1
    qint64 encryptedFileSize() const; // header + every chunk with its tag
    QByteArray encode() const;
};

// Whether the first bytes of a file carry the magic (callers still check the header).
bool hasMagic(QByteArrayView firstBytes);

// Parses and sanity-checks a header (version, sizes); does not need the key. Corrupt with a reason.
Result<Header> parseHeader(QByteArrayView bytes);

// Streams plaintext in, encrypted file bytes out. Create with the artifact's digest and exact size
// (both are bound into the file before the first chunk is written).
class Encryptor final
{
public:
    ~Encryptor();
    // Writes the header to `sink` at once. digest: 32 raw bytes.
    static Result<std::unique_ptr<Encryptor>> begin(const MasterKey &key, QByteArrayView digest, qint64 plainSize,
                                                    Sink sink, qint64 chunkSize = defaultChunkSize);
    Status write(QByteArrayView plain);
    // Seals the final chunk. Conflict when the bytes given differ in number from plainSize.
    Status finish();

private:
    Encryptor();
    Status sealChunk(bool final);
    struct Private;
    std::unique_ptr<Private> d;
};

// Reads an encrypted file from `in` (positioned at 0) and hands each authenticated plaintext chunk
// to `sink`; nothing unauthenticated ever reaches the sink. `expectedDigest` (32 raw bytes) must match
// the header. Errors are Corrupt, naming what failed ("chunk 3 failed authentication", "truncated",
// "was encrypted with another master key"). Buffers are wiped.
Status decrypt(QIODevice &in, const MasterKey &key, QByteArrayView expectedDigest, const Sink &sink);

// Reads just the header (and checks the file size against it).
Result<Header> readHeader(QIODevice &in);

} // namespace ModelDesk::Artifacts::Cipher
