#pragma once
// Helpers shared by the registry tests.

#include "core/modeltypes.h"
#include "core/result.h"

#include <QCryptographicHash>
#include <QString>
#include <QTest>

namespace RegistryTest {

// A valid, distinct SHA-256 hex digest for any seed text.
inline QString digestOf(const QString &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex());
}

inline ModelDesk::NewVersion newVersion(const QString &digestSeed, qint64 size = 1234)
{
    ModelDesk::NewVersion v;
    v.digest = digestOf(digestSeed);
    v.size = size;
    return v;
}

template <typename T>
QByteArray errorText(const std::expected<T, ModelDesk::Error> &r)
{
    return r ? QByteArray() : r.error().message.toUtf8();
}

template <typename T>
ModelDesk::Status asStatus(const std::expected<T, ModelDesk::Error> &r)
{
    if (!r)
        return ModelDesk::fail(r.error());
    return {};
}

} // namespace RegistryTest

// QVERIFY2 for a Result: prints the error message when it failed.
#define REG_VERIFY(expr)                                                                                         \
    do {                                                                                                         \
        const auto &reg_result_ = (expr);                                                                        \
        QVERIFY2(reg_result_.has_value(), RegistryTest::errorText(reg_result_).constData());                     \
    } while (false)

// Checks that a Result failed with the given Error::Code.
#define REG_FAILS(expr, errorCode)                                                                               \
    do {                                                                                                         \
        const auto &reg_result_ = (expr);                                                                        \
        QVERIFY2(!reg_result_.has_value(), "expected a failure, got success");                                   \
        QCOMPARE(ModelDesk::Error::codeName(reg_result_.error().code), ModelDesk::Error::codeName(errorCode));   \
    } while (false)
