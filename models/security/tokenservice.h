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

#include "core/modeltypes.h"
#include "core/result.h"

#include <QDateTime>
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

// Who is calling, as far as authorization is concerned.
struct Principal
{
    QString name;                  // token name, used as the audit actor
    Role role = Role::Viewer;
    QStringList models;            // scope: registry model names; empty = every model
    bool anonymous = false;        // no token (public inference only)

    bool hasRole(Role r) const { return !anonymous && int(role) >= int(r); }
    bool canAccessModel(const QString &model) const { return models.isEmpty() || models.contains(model); }
    // PermissionDenied naming what is missing; Unauthenticated for anonymous.
    Status require(Role r) const;
    Status requireModel(Role r, const QString &model) const;
};

struct TokenRequest
{
    QString name;
    Role role = Role::Viewer;
    QStringList models;            // validated model names; empty = all
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

    static QString hashSecret(QStringView secret);     // lower-case hex SHA-256 of the UTF-8 secret
    static Result<QString> generateSecret();           // "mdk_" + 43 base64url characters
    // "30d", "12h", "45m", "2w" relative to `now`, or an ISO 8601 date / date-time (UTC when no zone).
    static Result<QDateTime> parseExpiry(const QString &text, const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    struct CacheEntry
    {
        TokenRecord record;
        QDateTime lastTouch;
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
