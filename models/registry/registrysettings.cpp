// ModelRegistry: workspace settings (migration 2), a small key-value table shared by every process
// that opens the workspace. Its first users are the encryption-at-rest keys (docs/security.md).

#include "core/names.h"
#include "modelregistry_p.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace ModelDesk::Registry {

using namespace Internal;

namespace {

Status checkSettingKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$"));
    // "$" also matches before a final newline: match the whole string explicitly.
    const auto m = pattern.match(key);
    if (key.size() > 128 || !m.hasMatch() || m.capturedLength() != key.size())
        return fail(Error::invalid(QStringLiteral("invalid setting key '%1': expected dotted lower-case words such as "
                                                  "'encryption.enabled'")
                                       .arg(key.left(80))));
    return {};
}

} // namespace

Result<QMap<QString, QString>> ModelRegistry::settings(const QString &prefix) const
{
    return d->db->read([&](QSqlDatabase &db) -> Result<QMap<QString, QString>> {
        // substr() rather than LIKE: '_' is a legal key character and a LIKE wildcard.
        Result<QSqlQuery> q = Sql::exec(db, QStringLiteral("SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?"),
                                        {prefix.size(), prefix});
        if (!q)
            return fail(q.error());
        QMap<QString, QString> out;
        while (q->next())
            out.insert(q->value(0).toString(), q->value(1).toString());
        return out;
    });
}

Status ModelRegistry::changeSettings(const QMap<QString, QString> &values, const QStringList &remove,
                                     const QString &actor, const QString &action)
{
    if (Status s = Names::checkName(action, QStringLiteral("audit action")); !s)
        return s;
    QStringList keys = values.keys();
    keys << remove;
    if (keys.isEmpty())
        return {};
    for (const QString &key : std::as_const(keys)) {
        if (Status s = checkSettingKey(key); !s)
            return s;
    }
    return d->db->write([&](QSqlDatabase &db) -> Status {
        const QString now = Sql::nowText();
        const QString upsert = Dialect::insertOrReplace(Dialect::backend(db), QStringLiteral("settings"), {QStringLiteral("key")},
                                                        {QStringLiteral("key"), QStringLiteral("value"), QStringLiteral("updated")});
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (auto q = Sql::exec(db, upsert, {it.key(), it.value(), now});
                !q)
                return fail(q.error());
        }
        for (const QString &key : remove) {
            if (auto q = Sql::exec(db, QStringLiteral("DELETE FROM settings WHERE key = ?"), {key}); !q)
                return fail(q.error());
        }
        // Values can be wrapped key material: the audit names the keys only.
        return appendAudit(db, actor, action, recordTarget("settings", keys.first().section(QLatin1Char('.'), 0, 0)),
                           QJsonObject{{QStringLiteral("set"), QJsonArray::fromStringList(values.keys())},
                                       {QStringLiteral("removed"), QJsonArray::fromStringList(remove)}});
    });
}

} // namespace ModelDesk::Registry
