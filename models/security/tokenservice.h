#pragma once
// TokenService: API tokens for the HTTP server. A token is 32 random bytes from OpenSSL's RAND_bytes,
// shown once as "mdk_<base64url>"; the registry keeps only its SHA-256 hash, role, model scope and
// expiry. Roles are ordered viewer < operator < admin: viewer reads (metadata, lists, metrics),
// operator also infers and changes models/deployments, admin also manages tokens.
//
// Threads: every method is thread-safe. authenticate() is called on HTTP I/O threads for every
// request, so it answers from an in-memory cache that is trusted only while the registry's
// changeCounter() is unchanged. Reading the counter is a database round trip (~10 us, two file-lock
// syscalls), so requests arriving within `freshness` (default 1 ms) of the last check share it: a
// revocation by another process (CLI, console) takes effect for every request that starts more than
// 1 ms after it committed; one through this service (the API) takes effect at once. Expiry is
// checked on every request. It never writes synchronously: lastUsed is updated at most once a minute
// per token through the background runner (the caller's blocking pool).
// Errors: Unauthenticated for a missing/unknown/expired/revoked token, PermissionDenied for a role
// or scope that does not allow the action, InvalidArgument for bad names/roles/expiry, registry errors
// as they come.
// The console's own secrets (OS keychain) are a separate SecretStore, added by the keychain issue.
//
// Per-model permissions (read, infer, deploy, modify): the role caps what a token may do at all
// (viewer: read; operator and admin: all four; admin also manages tokens), the scope says on which
// models and may narrow it per model. Scope entries, stored as given in TokenRecord::models:
//   "MODEL"                   everything the role allows, on MODEL
//   "MODEL:PERM[+PERM...]"    only these on MODEL, e.g. "fraud:infer"
//   "*:PERM[+PERM...]"        only these on every model the scope does not name
// No entries = everything the role allows on every model. Any permission on a model implies read
// (an inference client reads the model's metadata first). An older build reads "fraud:infer" as an
// unknown model name and refuses: narrowed tokens fail closed, never open.

#include "core/modeltypes.h"
#include "core/result.h"

#include <QDateTime>
#include <QFlags>
#include <QHash>
#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

namespace ModelDesk::Registry {
class ModelRegistry;
}

namespace ModelDesk::Security {

enum class Role { Viewer = 0, Operator = 1, Admin = 2 };
QString roleName(Role role); // "viewer", "operator", "admin"
Result<Role> parseRole(const QString &text);

enum class Permission : unsigned { Read = 0x1, Infer = 0x2, Deploy = 0x4, Modify = 0x8 };
Q_DECLARE_FLAGS(Permissions, Permission)
QList<Permission> allPermissions();             // read, infer, deploy, modify
QString permissionName(Permission permission);  // "read", "infer", "deploy", "modify"
Result<Permission> parsePermission(const QString &text);
QString permissionsText(Permissions permissions); // "read+infer"; empty for none
Result<Permissions> parsePermissions(const QString &text); // "infer+deploy"; read is added
Permissions rolePermissions(Role role);
Role minimumRole(Permission permission);        // the least role that allows it

// One parsed scope entry (see above).
struct ScopeEntry
{
    QString model;                         // "*" = every model not named by another entry
    std::optional<Permissions> limit;      // unset: everything the role allows
    QString toString() const;              // "fraud", "fraud:read+infer", "*:read"
};
// InvalidArgument for a bad model name or permission, a model named twice, or "*" without permissions.
Result<QList<ScopeEntry>> parseScope(const QStringList &entries);
// What `role` with `scope` may do on `model` (empty scope = every model).
Permissions permissionsOn(Role role, const QList<ScopeEntry> &scope, const QString &model);

// Who is calling, as far as authorization is concerned.
struct Principal
{
    QString name;                  // token name, used as the audit actor
    Role role = Role::Viewer;
    QStringList models;            // scope: registry model names; empty = every model may be reachable
    bool anonymous = false;        // no token (public inference only)
    // The parsed scope with per-model permissions; empty: `models` alone, with the role's permissions.
    QList<ScopeEntry> scope;

    bool hasRole(Role r) const { return !anonymous && int(role) >= int(r); }
    Permissions permissionsOn(const QString &model) const;
    bool canAccessModel(const QString &model) const { return permissionsOn(model) != Permissions(); }
    // PermissionDenied naming what is missing; Unauthenticated for anonymous.
    Status require(Role r) const;
    // The role, and every model permission the role has, on `model` (a narrowed token fails).
    Status requireModel(Role r, const QString &model) const;
    // One permission on one model; the message says what the token may do instead.
    Status requirePermission(Permission p, const QString &model) const;
};

struct TokenRequest
{
    QString name;
    Role role = Role::Viewer;
    QStringList models;            // scope entries (see above); empty = all
    QDateTime expires;             // invalid = never; must be in the future
};

struct IssuedToken
{
    TokenRecord record;
    QString secret;                // the only time the secret exists outside the client
};

class TokenService final
{
public:
    using BackgroundRunner = std::function<void(std::function<void()>)>;

    // `registry` must outlive the service. `background` runs lastUsed updates; default: inline.
    explicit TokenService(Registry::ModelRegistry &registry, BackgroundRunner background = {},
                          std::chrono::microseconds freshness = std::chrono::milliseconds(1));
    ~TokenService();
    TokenService(const TokenService &) = delete;
    TokenService &operator=(const TokenService &) = delete;

    Result<IssuedToken> create(const TokenRequest &request, const QString &actor);
    Result<QList<TokenRecord>> list() const;
    Status revoke(const QString &name, const QString &actor);

    // Checks a presented secret. Unauthenticated (without saying which check failed, on purpose)
    // when it is unknown, expired or revoked.
    Result<Principal> authenticate(QStringView secret);
    // Same for an "Authorization" header value ("Bearer <secret>"); empty header = Unauthenticated.
    Result<Principal> authenticateHeader(QStringView authorization);

    // The principal a stored token stands for (role and parsed scope); Corrupt for a bad row.
    static Result<Principal> principalFor(const TokenRecord &record);

    static QString hashSecret(QStringView secret);     // lower-case hex SHA-256 of the UTF-8 secret
    static Result<QString> generateSecret();           // "mdk_" + 43 base64url characters
    // "30d", "12h", "45m", "2w" relative to `now`, or an ISO 8601 date / date-time (UTC when no zone).
    static Result<QDateTime> parseExpiry(const QString &text, const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    struct CacheEntry
    {
        TokenRecord record;
        Principal principal;
    };
    void touchLater(const QString &name);

    Registry::ModelRegistry &m_registry;
    BackgroundRunner m_background;
    mutable std::mutex m_mutex;
    QHash<QString, CacheEntry> m_cache;    // by hash; only valid tokens
    std::optional<qint64> m_cacheCounter;  // registry changeCounter the cache was filled at
    std::chrono::steady_clock::time_point m_checkedAt; // when m_cacheCounter was last confirmed
    std::chrono::microseconds m_freshness;
    QHash<QString, QDateTime> m_touched;   // token name -> last lastUsed write
};

} // namespace ModelDesk::Security

Q_DECLARE_OPERATORS_FOR_FLAGS(ModelDesk::Security::Permissions)
