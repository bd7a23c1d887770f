// TokenService on a real registry file: secrets are random and stored only as hashes, roles and
// scopes, expiry, immediate revocation — also when another process (a second registry connection)
// revokes — and the expiry syntax.

#include "core/workspace.h"
#include "registry/modelregistry.h"
#include "security/tokenservice.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using namespace ModelDesk::Security;

class tst_TokenService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Registry::ModelRegistry> m_registry;
    std::unique_ptr<TokenService> m_tokens;

    QString path() const { return m_dir.filePath(QStringLiteral("registry.sqlite")); }

    IssuedToken issue(const QString &name, Role role, const QStringList &models = {}, const QDateTime &expires = {})
    {
        auto t = m_tokens->create(TokenRequest{name, role, models, expires}, QStringLiteral("tester"));
        if (!t)
            qWarning() << t.error().message;
        return t ? *t : IssuedToken{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto r = Registry::ModelRegistry::open(path());
        QVERIFY(r);
        m_registry = std::move(*r);
        m_tokens = std::make_unique<TokenService>(*m_registry);
    }

    void secretsAreRandomAndNeverStored()
    {
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            auto s = TokenService::generateSecret();
            QVERIFY(s);
            QVERIFY(s->startsWith(QStringLiteral("mdk_")));
            QCOMPARE(s->size(), 4 + 43);
            seen.insert(*s);
        }
        QCOMPARE(seen.size(), 50);

        const IssuedToken t = issue(QStringLiteral("alpha"), Role::Operator);
        QVERIFY(!t.secret.isEmpty());
        QCOMPARE(t.record.hash, TokenService::hashSecret(t.secret));
        // The database file holds the hash, never the secret.
        QFile db(path());
        QVERIFY(db.open(QIODevice::ReadOnly));
        QByteArray bytes = db.readAll();
        QFile wal(path() + QStringLiteral("-wal"));
        if (wal.open(QIODevice::ReadOnly))
            bytes += wal.readAll();
        QVERIFY(!bytes.contains(t.secret.toUtf8()));
        QVERIFY(bytes.contains(t.record.hash.toUtf8()));
        auto list = m_tokens->list();
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QVERIFY(!toJson(list->first()).contains(QStringLiteral("hash")));
    }

    void authenticateAndRoles()
    {
        const IssuedToken v = issue(QStringLiteral("reader"), Role::Viewer, {QStringLiteral("mlp")});
        auto p = m_tokens->authenticateHeader(QString(QStringLiteral("Bearer ") + v.secret));
        QVERIFY(p);
        QCOMPARE(p->name, QStringLiteral("reader"));
        QCOMPARE(p->role, Role::Viewer);
        QVERIFY(p->require(Role::Viewer));
        QCOMPARE(p->require(Role::Operator).error().code, Error::Code::PermissionDenied);
        QVERIFY(p->requireModel(Role::Viewer, QStringLiteral("mlp")));
        QCOMPARE(p->requireModel(Role::Viewer, QStringLiteral("other")).error().code, Error::Code::PermissionDenied);
        // The scheme is case-insensitive; anything else is refused.
        QVERIFY(m_tokens->authenticateHeader(QString(QStringLiteral("bearer ") + v.secret)));
        QCOMPARE(m_tokens->authenticateHeader(QStringLiteral("Basic abc")).error().code, Error::Code::Unauthenticated);
        QCOMPARE(m_tokens->authenticateHeader({}).error().code, Error::Code::Unauthenticated);
        QCOMPARE(m_tokens->authenticate(QStringLiteral("mdk_wrong")).error().code, Error::Code::Unauthenticated);
        QCOMPARE(m_tokens->authenticate(v.secret.left(20)).error().code, Error::Code::Unauthenticated);
        Principal anonymous;
        anonymous.anonymous = true;
        QCOMPARE(anonymous.require(Role::Viewer).error().code, Error::Code::Unauthenticated);
        // lastUsed is recorded.
        auto list = m_tokens->list();
        bool touched = false;
        for (const TokenRecord &t : *list)
            touched = touched || (t.name == QLatin1String("reader") && t.lastUsed.isValid());
        QVERIFY(touched);
    }

    void validation()
    {
        QCOMPARE(m_tokens->create(TokenRequest{QStringLiteral("Bad Name"), Role::Viewer, {}, {}}, QStringLiteral("t")).error().code,
                 Error::Code::InvalidArgument);
        QCOMPARE(m_tokens->create(TokenRequest{QStringLiteral("ok"), Role::Viewer, {QStringLiteral("../x")}, {}}, QStringLiteral("t")).error().code,
                 Error::Code::InvalidArgument);
        QCOMPARE(m_tokens->create(TokenRequest{QStringLiteral("ok"), Role::Viewer, {}, QDateTime::currentDateTimeUtc().addSecs(-5)},
                                  QStringLiteral("t")).error().code,
                 Error::Code::InvalidArgument);
        QVERIFY(m_tokens->create(TokenRequest{QStringLiteral("dup"), Role::Viewer, {}, {}}, QStringLiteral("t")));
        QCOMPARE(m_tokens->create(TokenRequest{QStringLiteral("dup"), Role::Viewer, {}, {}}, QStringLiteral("t")).error().code,
                 Error::Code::AlreadyExists);
        QCOMPARE(parseRole(QStringLiteral("root")).error().code, Error::Code::InvalidArgument);
        QCOMPARE(*parseRole(QStringLiteral("admin")), Role::Admin);
    }

    void perModelPermissions()
    {
        // An application key: infer (and so read) on one model, read on every other, nothing more.
        const IssuedToken app = issue(QStringLiteral("app-key"), Role::Operator,
                                      {QStringLiteral("fraud:infer"), QStringLiteral("*:read")});
        QVERIFY(!app.secret.isEmpty());
        QCOMPARE(app.record.models, (QStringList{QStringLiteral("fraud:read+infer"), QStringLiteral("*:read")}));
        auto p = m_tokens->authenticate(app.secret);
        QVERIFY(p);
        QVERIFY(p->models.isEmpty()); // "*" reaches every model
        QCOMPARE(p->permissionsOn(QStringLiteral("fraud")), Permissions(Permission::Read) | Permission::Infer);
        QCOMPARE(p->permissionsOn(QStringLiteral("other")), Permissions(Permission::Read));
        QVERIFY(p->requirePermission(Permission::Infer, QStringLiteral("fraud")));
        QVERIFY(p->requirePermission(Permission::Read, QStringLiteral("other")));
        const Status deploy = p->requirePermission(Permission::Deploy, QStringLiteral("fraud"));
        QCOMPARE(deploy.error().code, Error::Code::PermissionDenied);
        QVERIFY2(deploy.error().message.contains(QStringLiteral("read+infer")), qPrintable(deploy.error().message));
        QCOMPARE(p->requirePermission(Permission::Infer, QStringLiteral("other")).error().code, Error::Code::PermissionDenied);
        // The generic role check fails closed for a narrowed model.
        QCOMPARE(p->requireModel(Role::Operator, QStringLiteral("fraud")).error().code, Error::Code::PermissionDenied);

        // Plain entries keep their meaning: everything the role allows, on those models only.
        const IssuedToken ops = issue(QStringLiteral("ops"), Role::Operator, {QStringLiteral("fraud")});
        auto o = m_tokens->authenticate(ops.secret);
        QVERIFY(o);
        QCOMPARE(o->models, QStringList{QStringLiteral("fraud")});
        QCOMPARE(o->permissionsOn(QStringLiteral("fraud")), rolePermissions(Role::Operator));
        QCOMPARE(o->permissionsOn(QStringLiteral("other")), Permissions());
        QVERIFY(o->requireModel(Role::Operator, QStringLiteral("fraud")));

        // The role caps the permissions: asking for more is refused, not silently capped.
        QCOMPARE(m_tokens->create(TokenRequest{QStringLiteral("bad-viewer"), Role::Viewer, {QStringLiteral("fraud:infer")}, {}},
                                  QStringLiteral("t")).error().code,
                 Error::Code::InvalidArgument);
        for (const QString &bad : {QStringLiteral("fraud:fly"), QStringLiteral("*"), QStringLiteral("fraud:"),
                                   QStringLiteral("../x:read")}) {
            QCOMPARE(m_tokens->create(TokenRequest{QStringLiteral("bad-scope"), Role::Operator, {bad}, {}}, QStringLiteral("t")).error().code,
                     Error::Code::InvalidArgument);
        }
        QCOMPARE(m_tokens->create(TokenRequest{QStringLiteral("twice"), Role::Operator,
                                               {QStringLiteral("fraud"), QStringLiteral("fraud:read")}, {}},
                                  QStringLiteral("t")).error().code,
                 Error::Code::InvalidArgument);
        // The registry refuses a malformed entry written past the service too.
        TokenRecord rec;
        rec.name = QStringLiteral("raw");
        rec.hash = TokenService::hashSecret(QStringLiteral("mdk_raw"));
        rec.role = QStringLiteral("operator");
        rec.models = {QStringLiteral("fraud:everything")};
        QCOMPARE(m_registry->createToken(rec, QStringLiteral("t")).error().code, Error::Code::InvalidArgument);

        // Helpers the console's matrix uses.
        auto scope = parseScope({QStringLiteral("a:deploy"), QStringLiteral("b")});
        QVERIFY(scope);
        QCOMPARE(permissionsOn(Role::Operator, *scope, QStringLiteral("a")), Permissions(Permission::Read) | Permission::Deploy);
        QCOMPARE(permissionsOn(Role::Viewer, *scope, QStringLiteral("b")), Permissions(Permission::Read));
        QCOMPARE(permissionsOn(Role::Admin, *scope, QStringLiteral("c")), Permissions());
        QCOMPARE(permissionsOn(Role::Admin, {}, QStringLiteral("c")), rolePermissions(Role::Admin));
        QCOMPARE(permissionsText(rolePermissions(Role::Operator)), QStringLiteral("read+infer+deploy+modify"));
    }

    void expiry()
    {
        const QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        QCOMPARE(*TokenService::parseExpiry(QStringLiteral("30d"), now), now.addDays(30));
        QCOMPARE(*TokenService::parseExpiry(QStringLiteral("12h"), now), now.addSecs(12 * 3600));
        QCOMPARE(*TokenService::parseExpiry(QStringLiteral("45m"), now), now.addSecs(45 * 60));
        QCOMPARE(*TokenService::parseExpiry(QStringLiteral("2w"), now), now.addDays(14));
        QCOMPARE(*TokenService::parseExpiry(QStringLiteral("2026-03-01"), now), QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(*TokenService::parseExpiry(QStringLiteral("2026-03-01T10:00:00Z"), now), QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
        QVERIFY(!TokenService::parseExpiry(QStringLiteral("2025-01-01"), now));
        QVERIFY(!TokenService::parseExpiry(QStringLiteral("0d"), now));
        QVERIFY(!TokenService::parseExpiry(QStringLiteral("soon"), now));

        // A token past its expiry stops working (written as a row: the service refuses past dates).
        const QString secret = QStringLiteral("mdk_expiredtokenexpiredtokenexpiredtokenexpir");
        TokenRecord rec;
        rec.name = QStringLiteral("old");
        rec.hash = TokenService::hashSecret(secret);
        rec.role = QStringLiteral("admin");
        rec.expires = QDateTime::currentDateTimeUtc().addSecs(-1);
        QVERIFY(m_registry->createToken(rec, QStringLiteral("tester")));
        QCOMPARE(m_tokens->authenticate(secret).error().code, Error::Code::Unauthenticated);
    }

    void revocationIsImmediate()
    {
        const IssuedToken t = issue(QStringLiteral("temp"), Role::Admin);
        QVERIFY(m_tokens->authenticate(t.secret)); // now cached
        QVERIFY(m_tokens->revoke(QStringLiteral("temp"), QStringLiteral("tester")));
        QCOMPARE(m_tokens->authenticate(t.secret).error().code, Error::Code::Unauthenticated);
        QCOMPARE(m_tokens->revoke(QStringLiteral("nobody"), QStringLiteral("tester")).error().code, Error::Code::NotFound);
    }

    void revocationByAnotherProcess()
    {
        const IssuedToken t = issue(QStringLiteral("shared"), Role::Operator);
        // With no freshness window every request re-checks the registry.
        TokenService strict(*m_registry, {}, std::chrono::microseconds(0));
        QVERIFY(strict.authenticate(t.secret));
        QVERIFY(strict.authenticate(t.secret)); // served from the cache
        QVERIFY(m_tokens->authenticate(t.secret));
        // Another process (its own registry connection and service) revokes it.
        auto other = Registry::ModelRegistry::open(path());
        QVERIFY(other);
        TokenService otherService(**other);
        QVERIFY(otherService.revoke(QStringLiteral("shared"), QStringLiteral("cli-user")));
        QCOMPARE(strict.authenticate(t.secret).error().code, Error::Code::Unauthenticated);
        // The default service shares one registry check per millisecond.
        QTRY_VERIFY(!m_tokens->authenticate(t.secret));
    }
};

QTEST_GUILESS_MAIN(tst_TokenService)
#include "tst_tokenservice.moc"
