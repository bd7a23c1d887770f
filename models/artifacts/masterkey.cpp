#include "masterkey.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>

namespace ModelDesk::Artifacts {

struct MasterKey::Data
{
    std::array<unsigned char, keySize> key{};
    std::array<unsigned char, idSize> id{};
    ~Data()
    {
        OPENSSL_cleanse(key.data(), key.size());
    }
};

namespace {

constexpr char kIdLabel[] = "ModelDesk master key id v1";

bool computeId(const unsigned char *key, unsigned char *id)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key, int(MasterKey::keySize), reinterpret_cast<const unsigned char *>(kIdLabel),
              sizeof(kIdLabel) - 1, mac, &length)
        || length < MasterKey::idSize)
        return false;
    std::copy(mac, mac + MasterKey::idSize, id);
    return true;
}

} // namespace

Result<MasterKey> MasterKey::generate()
{
    auto data = std::make_shared<Data>();
    if (RAND_bytes(data->key.data(), int(keySize)) != 1)
        return fail(Error::internal(QStringLiteral("OpenSSL's random generator failed: cannot create a master key")));
    if (!computeId(data->key.data(), data->id.data()))
        return fail(Error::internal(QStringLiteral("OpenSSL could not compute the master key id")));
    MasterKey key;
    key.d = std::move(data);
    return key;
}

Result<MasterKey> MasterKey::fromBytes(QByteArrayView bytes)
{
    if (bytes.size() != keySize)
        return fail(Error::invalid(
            QStringLiteral("a master key has %1 bytes, this one has %2: it is not a ModelDesk master key").arg(keySize).arg(bytes.size())));
    auto data = std::make_shared<Data>();
    std::copy(bytes.begin(), bytes.end(), data->key.begin());
    if (!computeId(data->key.data(), data->id.data()))
        return fail(Error::internal(QStringLiteral("OpenSSL could not compute the master key id")));
    MasterKey key;
    key.d = std::move(data);
    return key;
}

QByteArray MasterKey::bytes() const
{
    return d ? QByteArray(reinterpret_cast<const char *>(d->key.data()), keySize) : QByteArray();
}

const unsigned char *MasterKey::data() const { return d ? d->key.data() : nullptr; }

QByteArray MasterKey::id() const
{
    return d ? QByteArray(reinterpret_cast<const char *>(d->id.data()), idSize) : QByteArray();
}

QString MasterKey::idHex() const { return QString::fromLatin1(id().toHex()); }

void secureWipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

} // namespace ModelDesk::Artifacts
