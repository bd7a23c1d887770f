// tokens create / list / revoke: API tokens of the HTTP server, in the workspace registry (hashes only).

#include "servingcommands.h"

#include "registry/modelcatalog.h"
#include "security/tokenservice.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace ModelDesk::Cli {

namespace {

QString when(const QDateTime &t, const QString &none)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : none;
}

QString stateOf(const TokenRecord &t)
{
    if (t.revoked.isValid())
        return QStringLiteral("revoked");
    if (t.expires.isValid() && t.expires <= QDateTime::currentDateTimeUtc())
        return QStringLiteral("expired");
    return QStringLiteral("active");
}

int tokensCreate(CliContext &ctx, Security::TokenService &tokens, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Create an API token. The token is printed once, alone on the last line; only its hash is stored."));
    p.addOption({QStringLiteral("name"), QStringLiteral("Token name (used as the audit actor)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("role"), QStringLiteral("viewer (read, metrics), operator (infer, deploy) or admin (everything, tokens)."),
                 QStringLiteral("ROLE")});
    p.addOption({QStringLiteral("models"), QStringLiteral("Comma-separated scope: model names (all the role allows), MODEL:PERM+PERM or *:PERM+PERM "
                                                           "with read, infer, deploy, modify (default: every model)."),
                 QStringLiteral("A,B:infer,*:read")});
    p.addOption({QStringLiteral("expires"), QStringLiteral("30d, 12h, 45m, 2w or an ISO 8601 date/time (default: never)."),
                 QStringLiteral("WHEN")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("tokens create"), args, &code))
        return code;
    if (!p.isSet(QStringLiteral("name")) || !p.isSet(QStringLiteral("role")))
        return ctx.usageError(QStringLiteral("tokens create needs --name NAME and --role ROLE"));
    auto role = Security::parseRole(p.value(QStringLiteral("role")));
    if (!role)
        return ctx.fail(role.error());
    Security::TokenRequest request;
    request.name = p.value(QStringLiteral("name"));
    request.role = *role;
    if (p.isSet(QStringLiteral("models")))
        request.models = p.value(QStringLiteral("models")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (p.isSet(QStringLiteral("expires"))) {
        auto at = Security::TokenService::parseExpiry(p.value(QStringLiteral("expires")));
        if (!at)
            return ctx.fail(at.error());
        request.expires = *at;
    }
    auto issued = tokens.create(request, ctx.actor());
    if (!issued)
        return ctx.fail(issued.error());
    const TokenRecord &t = issued->record;
    ctx.out() << "token " << t.name << ": role " << t.role << ", models "
              << (t.models.isEmpty() ? QStringLiteral("all") : t.models.join(QLatin1Char(','))) << ", expires "
              << when(t.expires, QStringLiteral("never")) << "\n"
              << "Store it now: it is shown only once. Send it as 'Authorization: Bearer <token>'.\n"
              << issued->secret << '\n';
    ctx.out().flush();
    return 0;
}

int tokensList(CliContext &ctx, Security::TokenService &tokens, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List API tokens (never the tokens themselves)."));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("tokens list"), args, &code))
        return code;
    auto list = tokens.list();
    if (!list)
        return ctx.fail(list.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const TokenRecord &t : *list) {
            QJsonObject o = toJson(t);
            o.insert(QStringLiteral("state"), stateOf(t));
            out.append(o);
        }
        ctx.printJson(out);
        return 0;
    }
    QList<QStringList> rows;
    for (const TokenRecord &t : *list)
        rows << QStringList{t.name, t.role, t.models.isEmpty() ? QStringLiteral("all") : t.models.join(QLatin1Char(',')),
                            stateOf(t), when(t.expires, QStringLiteral("never")), when(t.lastUsed, QStringLiteral("-")),
                            when(t.created, QStringLiteral("-"))};
    ctx.printTable({QStringLiteral("NAME"), QStringLiteral("ROLE"), QStringLiteral("MODELS"), QStringLiteral("STATE"),
                    QStringLiteral("EXPIRES"), QStringLiteral("LAST USED"), QStringLiteral("CREATED")},
                   rows);
    return 0;
}

int tokensRevoke(CliContext &ctx, Security::TokenService &tokens, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Revoke an API token; a running server refuses it at the next request."));
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Token name"));
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("tokens revoke"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("tokens revoke needs exactly one NAME"));
    if (auto s = tokens.revoke(p.positionalArguments().first(), ctx.actor()); !s)
        return ctx.fail(s.error());
    ctx.out() << "token " << p.positionalArguments().first() << " revoked.\n";
    ctx.out().flush();
    return 0;
}

} // namespace

int tokensCommand(CliContext &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("use 'tokens create --name NAME --role ROLE [--models A,B] [--expires WHEN]', "
                                         "'tokens list [--json]' or 'tokens revoke NAME'");
    if (args.isEmpty())
        return ctx.usageError(usage);
    const QString sub = args.first();
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        ctx.out() << "Usage: modeldesk-cli tokens create|list|revoke [options]\n\n"
                  << "API tokens for the HTTP server: viewer < operator < admin, optionally limited to some models,\n"
                  << "with an optional expiry. Run 'modeldesk-cli tokens create --help' for the options.\n";
        ctx.out().flush();
        return 0;
    }
    if (sub != QLatin1String("create") && sub != QLatin1String("list") && sub != QLatin1String("revoke"))
        return ctx.usageError(usage);
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    Security::TokenService tokens((*catalog)->registry());
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("create"))
        return tokensCreate(ctx, tokens, rest);
    if (sub == QLatin1String("list"))
        return tokensList(ctx, tokens, rest);
    return tokensRevoke(ctx, tokens, rest);
}

} // namespace ModelDesk::Cli
