#include "tokenservice.h"

#include "core/logging.h"
#include "core/names.h"
#include "registry/modelregistry.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <openssl/err.h>
#include <openssl/rand.h>

namespace ModelDesk::Security {

namespace {
constexpr int kSecretBytes = 32;
constexpr qint64 kTouchIntervalSeconds = 60;
const QLatin1String kSecretPrefix("mdk_");

Error unauthenticated()
{
    // One message for unknown, expired and revoked tokens: the caller learns nothing about which.
    return {Error::Code::Unauthenticated, QStringLiteral("invalid, expired or revoked token")};
}
} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Viewer: return QStringLiteral("viewer");
    case Role::Operator: return QStringLiteral("operator");
    case Role::Admin: return QStringLiteral("admin");
    }
    return QStringLiteral("viewer");
}

Result<Role> parseRole(const QString &text)
{
    if (text == QLatin1String("viewer"))
        return Role::Viewer;
    if (text == QLatin1String("operator"))
        return Role::Operator;
    if (text == QLatin1String("admin"))
        return Role::Admin;
    return fail(Error::invalid(QStringLiteral("unknown role '%1': use viewer, operator or admin").arg(text.left(40))));
}

QList<Permission> allPermissions()
{
    return {Permission::Read, Permission::Infer, Permission::Deploy, Permission::Modify};
}

QString permissionName(Permission permission)
{
    switch (permission) {
    case Permission::Read: return QStringLiteral("read");
    case Permission::Infer: return QStringLiteral("infer");
    case Permission::Deploy: return QStringLiteral("deploy");
    case Permission::Modify: return QStringLiteral("modify");
    }
    return QStringLiteral("read");
}

Result<Permission> parsePermission(const QString &text)
{
    for (Permission p : allPermissions()) {
        if (text == permissionName(p))
            return p;
    }
    return fail(Error::invalid(
        QStringLiteral("unknown permission '%1': use read, infer, deploy or modify").arg(text.left(40))));
}

QString permissionsText(Permissions permissions)
{
    QStringList names;
    for (Permission p : allPermissions()) {
        if (permissions.testFlag(p))
            names << permissionName(p);
    }
    return names.join(QLatin1Char('+'));
}

Result<Permissions> parsePermissions(const QString &text)
{
    Permissions out;
    for (const QString &part : text.split(QLatin1Char('+'))) {
        auto p = parsePermission(part);
        if (!p)
            return fail(p.error());
        out |= *p;
    }
    return out | Permission::Read;
}

Permissions rolePermissions(Role role)
{
    if (role == Role::Viewer)
        return Permission::Read;
    return Permissions(Permission::Read) | Permission::Infer | Permission::Deploy | Permission::Modify;
}

Role minimumRole(Permission permission) { return permission == Permission::Read ? Role::Viewer : Role::Operator; }

QString ScopeEntry::toString() const
{
    if (!limit)
        return model;
    return model + QLatin1Char(':') + permissionsText(*limit);
}

Result<QList<ScopeEntry>> parseScope(const QStringList &entries)
{
    QList<ScopeEntry> out;
    QStringList seen;
    for (const QString &entry : entries) {
        ScopeEntry e;
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        e.model = colon < 0 ? entry : entry.left(colon);
        if (e.model != QLatin1String("*")) {
            if (auto s = Names::checkName(e.model, QStringLiteral("model")); !s)
                return fail(s.error());
        }
        if (colon >= 0) {
            auto perms = parsePermissions(entry.mid(colon + 1));
            if (!perms)
                return fail(perms.error());
            e.limit = *perms;
        } else if (e.model == QLatin1String("*")) {
            return fail(Error::invalid(
                QStringLiteral("scope '*' needs permissions, e.g. '*:read'; leave the scope empty for every model")));
        }
        if (seen.contains(e.model))
            return fail(Error::invalid(QStringLiteral("model '%1' is named twice in the token's scope").arg(e.model)));
        seen << e.model;
        out << e;
    }
    return out;
}

Permissions permissionsOn(Role role, const QList<ScopeEntry> &scope, const QString &model)
{
    const Permissions allowed = rolePermissions(role);
    if (scope.isEmpty())
        return allowed;
    const ScopeEntry *other = nullptr;
    for (const ScopeEntry &e : scope) {
        if (e.model == model)
            return e.limit ? (*e.limit & allowed) : allowed;
        if (e.model == QLatin1String("*"))
            other = &e;
    }
    return other && other->limit ? (*other->limit & allowed) : Permissions();
}

Permissions Principal::permissionsOn(const QString &model) const
{
    if (anonymous)
        return {};
    if (scope.isEmpty())
        return models.isEmpty() || models.contains(model) ? rolePermissions(role) : Permissions();
    return Security::permissionsOn(role, scope, model);
}

Status Principal::require(Role r) const
{
    if (anonymous)
        return fail({Error::Code::Unauthenticated, QStringLiteral("missing token: send 'Authorization: Bearer <token>'")});
    if (!hasRole(r))
        return fail({Error::Code::PermissionDenied,
                     QStringLiteral("token '%1' has role %2; this needs %3").arg(name, roleName(role), roleName(r))});
    return {};
}

Status Principal::requireModel(Role r, const QString &model) const
{
    if (auto s = require(r); !s)
        return s;
    const Permissions has = permissionsOn(model);
    if (has == Permissions())
        return fail({Error::Code::PermissionDenied,
                     QStringLiteral("token '%1' is not allowed to use model '%2'").arg(name, model)});
    if ((has & rolePermissions(r)) != rolePermissions(r))
        return fail({Error::Code::PermissionDenied, QStringLiteral("token '%1' may only %2 model '%3'")
                                                        .arg(name, permissionsText(has), model)});
    return {};
}

Status Principal::requirePermission(Permission p, const QString &model) const
{
    if (auto s = require(minimumRole(p)); !s)
        return s;
    const Permissions has = permissionsOn(model);
    if (has == Permissions())
        return fail({Error::Code::PermissionDenied,
                     QStringLiteral("token '%1' is not allowed to use model '%2'").arg(name, model)});
    if (!has.testFlag(p))
        return fail({Error::Code::PermissionDenied, QStringLiteral("token '%1' may not %2 model '%3' (it may %4)")
                                                        .arg(name, permissionName(p), model, permissionsText(has))});
    return {};
}

TokenService::TokenService(Registry::ModelRegistry &registry, BackgroundRunner background,
                           std::chrono::microseconds freshness)
    : m_registry(registry), m_background(std::move(background)), m_freshness(freshness)
{
}

TokenService::~TokenService() = default;

QString TokenService::hashSecret(QStringView secret)
{
    return QString::fromLatin1(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<QString> TokenService::generateSecret()
{
    unsigned char bytes[kSecretBytes];
    if (RAND_bytes(bytes, kSecretBytes) != 1) {
        const unsigned long code = ERR_get_error();
        char text[256] = {};
        ERR_error_string_n(code, text, sizeof text);
        return fail(Error::internal(QStringLiteral("OpenSSL RAND_bytes failed: %1").arg(QString::fromLatin1(text))));
    }
    const QByteArray raw(reinterpret_cast<const char *>(bytes), kSecretBytes);
    OPENSSL_cleanse(bytes, kSecretBytes);
    return kSecretPrefix +
           QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<QDateTime> TokenService::parseExpiry(const QString &text, const QDateTime &now)
{
    static const QRegularExpression relative(QStringLiteral("^([1-9][0-9]{0,5})([mhdw])$"));
    const QRegularExpressionMatch m = relative.match(text);
    QDateTime at;
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == QLatin1Char('m') ? 60 : unit == QLatin1Char('h') ? 3600
                               : unit == QLatin1Char('d')                                ? 86400
                                                                                         : 7 * 86400;
        at = now.toUTC().addSecs(n * seconds);
    } else {
        at = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!at.isValid()) {
            const QDate date = QDate::fromString(text, Qt::ISODate);
            if (date.isValid())
                at = QDateTime(date, QTime(0, 0), Qt::UTC);
        }
        if (!at.isValid())
            return fail(Error::invalid(
                QStringLiteral("invalid expiry '%1': use a duration such as 30d, 12h, 45m, 2w or an ISO 8601 date")
                    .arg(text.left(60))));
        if (at.timeSpec() == Qt::LocalTime && !text.contains(QLatin1Char('Z')) && !text.contains(QLatin1Char('+')))
            at.setTimeSpec(Qt::UTC);
        at = at.toUTC();
    }
    if (at <= now)
        return fail(Error::invalid(QStringLiteral("expiry '%1' is not in the future").arg(text.left(60))));
    return at;
}

Result<IssuedToken> TokenService::create(const TokenRequest &request, const QString &actor)
{
    if (auto s = Names::checkName(request.name, QStringLiteral("token")); !s)
        return fail(s.error());
    QStringList requested = request.models;
    requested.removeDuplicates();
    auto scope = parseScope(requested);
    if (!scope)
        return fail(scope.error());
    QStringList entries;
    for (const ScopeEntry &e : *scope) {
        // Asking for more than the role allows is a mistake worth saying, not silently capping.
        if (e.limit && (*e.limit & ~rolePermissions(request.role)))
            return fail(Error::invalid(QStringLiteral("role %1 does not allow %2 (scope '%3')")
                                           .arg(roleName(request.role),
                                                permissionsText(*e.limit & ~rolePermissions(request.role)), e.toString())));
        entries << e.toString(); // canonical: permissions in a fixed order, read spelled out
    }
    if (request.expires.isValid() && request.expires <= QDateTime::currentDateTimeUtc())
        return fail(Error::invalid(QStringLiteral("token expiry is not in the future")));

    auto secret = generateSecret();
    if (!secret)
        return fail(secret.error());
    TokenRecord record;
    record.name = request.name;
    record.hash = hashSecret(*secret);
    record.role = roleName(request.role);
    record.models = entries;
    record.expires = request.expires.isValid() ? request.expires.toUTC() : QDateTime();
    auto stored = m_registry.createToken(record, actor);
    if (!stored)
        return fail(stored.error());
    qCInfo(lcSecurity).noquote() << "token" << record.name << "created with role" << record.role << "by" << actor;
    return IssuedToken{*stored, *secret};
}

Result<QList<TokenRecord>> TokenService::list() const { return m_registry.tokens(); }

Status TokenService::revoke(const QString &name, const QString &actor)
{
    if (auto s = Names::checkName(name, QStringLiteral("token")); !s)
        return s;
    auto s = m_registry.revokeToken(name, actor);
    {
        // Drop the cache whatever happened: the next request re-reads the registry.
        std::lock_guard lock(m_mutex);
        m_cache.clear();
        m_cacheCounter.reset();
    }
    if (s)
        qCInfo(lcSecurity).noquote() << "token" << name << "revoked by" << actor;
    return s;
}

Result<Principal> TokenService::authenticateHeader(QStringView authorization)
{
    authorization = authorization.trimmed();
    if (authorization.isEmpty())
        return fail({Error::Code::Unauthenticated, QStringLiteral("missing token: send 'Authorization: Bearer <token>'")});
    if (!authorization.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        return fail({Error::Code::Unauthenticated, QStringLiteral("unsupported authorization scheme: use 'Bearer <token>'")});
    return authenticate(authorization.mid(7).trimmed());
}

Result<Principal> TokenService::authenticate(QStringView secret)
{
    // Cheap shape check first: a wrong-looking secret never reaches the database.
    if (!secret.startsWith(kSecretPrefix) || secret.size() > 128)
        return fail(unauthenticated());
    const QString hash = hashSecret(secret);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    TokenRecord record;
    Principal principal;
    bool cached = false;
    std::optional<qint64> counter;
    {
        // Within the freshness window the last counter read still stands: no database round trip.
        std::lock_guard lock(m_mutex);
        if (m_cacheCounter && std::chrono::steady_clock::now() - m_checkedAt < m_freshness) {
            counter = m_cacheCounter;
            auto it = m_cache.constFind(hash);
            if (it != m_cache.constEnd()) {
                record = it->record;
                principal = it->principal;
                cached = true;
            }
        }
    }
    if (!counter) {
        const auto checkedAt = std::chrono::steady_clock::now();
        auto read = m_registry.changeCounter();
        if (!read)
            return fail(read.error());
        counter = *read;
        std::lock_guard lock(m_mutex);
        if (m_cacheCounter != *counter) {
            m_cache.clear();
            m_cacheCounter = *counter;
        }
        m_checkedAt = checkedAt;
        auto it = m_cache.constFind(hash);
        if (it != m_cache.constEnd()) {
            record = it->record;
            principal = it->principal;
            cached = true;
        }
    }
    if (!cached) {
        auto found = m_registry.tokenByHash(hash);
        if (!found) {
            if (found.error().code == Error::Code::NotFound)
                return fail(unauthenticated());
            return fail(found.error());
        }
        record = *found;
        auto built = principalFor(record);
        if (!built)
            return fail(built.error());
        principal = *built;
        if (!record.revoked.isValid()) {
            std::lock_guard lock(m_mutex);
            if (m_cacheCounter == *counter)
                m_cache.insert(hash, CacheEntry{record, principal});
        }
    }
    if (record.revoked.isValid() || (record.expires.isValid() && record.expires <= now))
        return fail(unauthenticated());
    touchLater(record.name);
    return principal;
}

Result<Principal> TokenService::principalFor(const TokenRecord &record)
{
    auto role = parseRole(record.role);
    if (!role)
        return fail(Error::corrupt(QStringLiteral("token '%1' has an unknown role in the registry").arg(record.name)));
    auto scope = parseScope(record.models);
    if (!scope)
        return fail(Error::corrupt(QStringLiteral("token '%1' has an invalid scope in the registry: %2")
                                       .arg(record.name, scope.error().message)));
    Principal principal{record.name, *role, {}, false, *scope};
    // `models` keeps its meaning for listings: the named models, or empty when "*" reaches every model.
    bool everyModel = false;
    for (const ScopeEntry &e : *scope) {
        if (e.model == QLatin1String("*"))
            everyModel = true;
        else
            principal.models << e.model;
    }
    if (everyModel)
        principal.models.clear();
    return principal;
}

void TokenService::touchLater(const QString &name)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        std::lock_guard lock(m_mutex);
        auto it = m_touched.find(name);
        if (it != m_touched.end() && it->secsTo(now) < kTouchIntervalSeconds)
            return;
        m_touched.insert(name, now);
    }
    auto work = [this, name] {
        if (auto s = m_registry.touchToken(name); !s)
            qCWarning(lcSecurity).noquote() << "cannot record last use of token" << name << ":" << s.error().message;
    };
    if (m_background)
        m_background(std::move(work));
    else
        work();
}

} // namespace ModelDesk::Security
