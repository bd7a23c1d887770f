// The encrypted-artifact reader (artifacts/artifactcipher: AES-256-GCM, chunked, AAD-bound).
// Structure-aware: a plaintext is encrypted with a fixed test key and small chunks, then edited by
// a fuzzer-chosen script (flip a byte, cut, append, swap two chunks), then decrypted. Property: the
// untouched file decrypts to exactly the plaintext; any edited file is refused, and nothing
// unauthenticated ever reaches the sink. Mode 0xff instead feeds the raw input as a file (header
// parser and size checks on arbitrary bytes).
#include "artifacts/artifactcipher.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace ModelDesk;
using namespace ModelDesk::Artifacts;

namespace {

const MasterKey &testKey()
{
    static const MasterKey key = *MasterKey::fromBytes(QByteArray(32, '\x42'));
    return key;
}

Result<QByteArray> decryptAll(const QByteArray &file, QByteArrayView digest)
{
    QByteArray file2 = file;
    QBuffer in(&file2);
    in.open(QIODevice::ReadOnly);
    QByteArray out;
    auto s = Cipher::decrypt(in, testKey(), digest, [&out](QByteArrayView chunk) -> Status {
        out.append(chunk.data(), chunk.size());
        return {};
    });
    if (!s)
        return fail(s.error());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 3)
        return 0;
    const auto *bytes = reinterpret_cast<const char *>(data);
    if (data[0] == 0xff) { // raw file
        const QByteArray file(bytes + 1, qsizetype(size - 1));
        QByteArray copy = file;
        QBuffer in(&copy);
        in.open(QIODevice::ReadOnly);
        (void)Cipher::readHeader(in);
        const QByteArray digest = file.size() >= 56 ? file.mid(24, 32) : QByteArray(32, '\0');
        if (decryptAll(file, digest))
            std::abort(); // forged a file for the test key
        return 0;
    }
    const qsizetype plainSize = std::min<qsizetype>(qsizetype(size - 2), qsizetype(data[1]) * 24);
    const QByteArray plain(bytes + 2, plainSize);
    const QByteArray digest = QCryptographicHash::hash(plain, QCryptographicHash::Sha256);
    QByteArray file;
    auto enc = Cipher::Encryptor::begin(testKey(), digest, plain.size(),
                                        [&file](QByteArrayView b) -> Status {
                                            file.append(b.data(), b.size());
                                            return {};
                                        },
                                        Cipher::minChunkSize);
    if (!enc || !(*enc)->write(plain) || !(*enc)->finish())
        std::abort(); // encryption of valid input must work

    const QByteArray original = file;
    const char *script = bytes + 2 + plainSize;
    std::size_t left = size - 2 - std::size_t(plainSize);
    const qsizetype block = Cipher::minChunkSize + Cipher::tagSize;
    for (int edits = 0; left >= 4 && edits < 8; ++edits, script += 4, left -= 4) {
        const auto op = std::uint8_t(script[0]) % 4;
        const quint32 pos = (quint32(std::uint8_t(script[1])) << 8 | std::uint8_t(script[2]));
        const char value = script[3];
        if (file.isEmpty())
            break;
        switch (op) {
        case 0: file[pos % file.size()] = char(file[pos % file.size()] ^ (value ? value : 1)); break;
        case 1: file.truncate(pos % file.size()); break;
        case 2: file.append(QByteArray(1 + std::uint8_t(value) % 32, value)); break;
        case 3: {
            const qsizetype chunks = (file.size() - Cipher::headerSize) / block;
            if (chunks >= 2) {
                const qsizetype a = Cipher::headerSize + (pos % chunks) * block;
                const qsizetype b = Cipher::headerSize + (std::uint8_t(value) % chunks) * block;
                if (a != b) {
                    const QByteArray ca = file.mid(a, block);
                    std::memcpy(file.data() + a, file.constData() + b, std::size_t(block));
                    std::memcpy(file.data() + b, ca.constData(), std::size_t(block));
                }
            }
            break;
        }
        }
    }

    auto result = decryptAll(file, digest);
    if (file == original) {
        if (!result || *result != plain)
            std::abort(); // the untouched file must decrypt to its plaintext
    } else if (result) {
        std::abort(); // an edited file was accepted
    }
    return 0;
}
