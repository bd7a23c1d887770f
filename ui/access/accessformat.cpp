#include "accessformat.h"

#include <QCoreApplication>
#include <QStringList>

using namespace ModelDesk::Security;

namespace AccessFormat {

// Free functions have no tr(): QCoreApplication::translate with the context spelled out, so lupdate
// finds every string.
QString roleLabel(Role role)
{
    switch (role) {
    case Role::Viewer: return QCoreApplication::translate("AccessFormat", "Viewer");
    case Role::Operator: return QCoreApplication::translate("AccessFormat", "Operator");
    case Role::Admin: return QCoreApplication::translate("AccessFormat", "Admin");
    }
    return {};
}

QString roleDescription(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QCoreApplication::translate("AccessFormat", "Reads models, deployments and metrics; cannot call models or change anything.");
    case Role::Operator:
        return QCoreApplication::translate("AccessFormat", "Also calls models (inference), deploys them and changes models and deployments.");
    case Role::Admin:
        return QCoreApplication::translate("AccessFormat", "Everything an operator may do, and creates and revokes tokens.");
    }
    return {};
}

QString permissionLabel(Permission permission)
{
    switch (permission) {
    case Permission::Read: return QCoreApplication::translate("AccessFormat", "read");
    case Permission::Infer: return QCoreApplication::translate("AccessFormat", "infer");
    case Permission::Deploy: return QCoreApplication::translate("AccessFormat", "deploy");
    case Permission::Modify: return QCoreApplication::translate("AccessFormat", "modify");
    }
    return {};
}

QString permissionsLabel(Permissions permissions)
{
    QStringList names;
    for (Permission p : allPermissions()) {
        if (permissions.testFlag(p))
            names << permissionLabel(p);
    }
    return names.isEmpty() ? QCoreApplication::translate("AccessFormat", "none") : names.join(QStringLiteral(", "));
}

QString permissionLetters(Permissions permissions)
{
    // One letter per permission in a fixed place, so a column of cells reads like a table.
    static const char *letters[] = {QT_TRANSLATE_NOOP("AccessFormat", "R"), QT_TRANSLATE_NOOP("AccessFormat", "I"),
                                    QT_TRANSLATE_NOOP("AccessFormat", "D"), QT_TRANSLATE_NOOP("AccessFormat", "M")};
    QStringList cells;
    const QList<Permission> all = allPermissions();
    for (int i = 0; i < all.size(); ++i)
        cells << (permissions.testFlag(all.at(i)) ? QCoreApplication::translate("AccessFormat", letters[i]) : QStringLiteral("–"));
    return cells.join(QLatin1Char(' '));
}

QString scopeText(const ModelDesk::TokenRecord &token)
{
    if (token.models.isEmpty())
        return QCoreApplication::translate("AccessFormat", "all models");
    auto scope = parseScope(token.models);
    if (!scope)
        return token.models.join(QStringLiteral(", "));
    QStringList names;
    bool others = false;
    for (const ScopeEntry &e : *scope) {
        if (e.model == QLatin1String("*"))
            others = true;
        else
            names << e.model;
    }
    if (names.isEmpty())
        return QCoreApplication::translate("AccessFormat", "all models");
    QString text = names.join(QStringLiteral(", "));
    if (others)
        text = QCoreApplication::translate("AccessFormat", "%1 (+ every other model)").arg(text);
    return text;
}

QString permissionsSummary(const ModelDesk::TokenRecord &token)
{
    auto role = parseRole(token.role);
    auto scope = parseScope(token.models);
    if (!role || !scope)
        return QCoreApplication::translate("AccessFormat", "unknown (%1)").arg(token.models.join(QLatin1Char(',')));
    const Permissions allowed = rolePermissions(*role);
    if (scope->isEmpty())
        return permissionsLabel(allowed);
    // One permission set for every entry reads as one phrase; otherwise name each model.
    QList<Permissions> sets;
    for (const ScopeEntry &e : *scope)
        sets << (e.limit ? (*e.limit & allowed) : allowed);
    bool same = true;
    for (const Permissions &p : sets)
        same = same && p == sets.first();
    if (same)
        return permissionsLabel(sets.first());
    QStringList parts;
    for (int i = 0; i < scope->size(); ++i) {
        const QString who = scope->at(i).model == QLatin1String("*") ? QCoreApplication::translate("AccessFormat", "other models") : scope->at(i).model;
        parts << QCoreApplication::translate("AccessFormat", "%1: %2").arg(who, permissionsLabel(sets.at(i)));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace AccessFormat
