#pragma once
// ServerClient: the CLI's HTTP client for a running `modeldesk-cli serve` (or console) server, used
// by the serving commands when --url is given. Token from --token or $MODELDESK_TOKEN. Blocking
// (a local event loop), for the CLI's main thread only.

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

class QCommandLineParser;

namespace ModelDesk::Cli {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QJsonObject json() const;
};

class ServerClient
{
public:
    ServerClient(QString baseUrl, QString token, int timeoutSeconds = 600);

    // The reply whatever its status; Unavailable when the server cannot be reached.
    Result<HttpResult> call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                            const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    // Same, but a non-2xx reply becomes the Error its status stands for, with the server's message.
    Result<HttpResult> callOk(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                              const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;

    // 400 -> InvalidArgument, 401 -> Unauthenticated, 403 -> PermissionDenied, 404 -> NotFound,
    // 409 -> Conflict, 413 -> TooLarge, 422 -> Unsupported, 503 -> Unavailable, 504 -> Timeout, else Internal.
    static Error errorFor(const HttpResult &reply);

    // The --url/--token options every remote-capable command shares.
    static void addOptions(QCommandLineParser &parser);
    // nullopt when --url is not set; InvalidArgument for a URL that is not http(s)://host:port.
    static Result<std::optional<ServerClient>> fromOptions(const QCommandLineParser &parser);

private:
    QString m_base;
    QString m_token;
    int m_timeoutSeconds;
};

} // namespace ModelDesk::Cli
