#include "servingclient.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace ModelDesk::Cli {

QJsonObject HttpResult::json() const { return QJsonDocument::fromJson(body).object(); }

ServerClient::ServerClient(QString baseUrl, QString token, int timeoutSeconds)
    : m_base(std::move(baseUrl)), m_token(std::move(token)), m_timeoutSeconds(timeoutSeconds)
{
    while (m_base.endsWith(QLatin1Char('/')))
        m_base.chop(1);
}

void ServerClient::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("Talk to a running server (e.g. http://127.0.0.1:8080) instead of the workspace."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("token"), QStringLiteral("API token for --url (default: $MODELDESK_TOKEN)."),
                      QStringLiteral("TOKEN")});
}

Result<std::optional<ServerClient>> ServerClient::fromOptions(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("url")))
        return std::optional<ServerClient>();
    const QUrl url(parser.value(QStringLiteral("url")), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty())
        return fail(Error::invalid(QStringLiteral("--url must look like http://127.0.0.1:8080")));
    QString token = parser.value(QStringLiteral("token"));
    if (token.isEmpty())
        token = qEnvironmentVariable("MODELDESK_TOKEN");
    return std::optional<ServerClient>(ServerClient(url.toString(QUrl::RemovePath | QUrl::RemoveQuery), token));
}

Result<HttpResult> ServerClient::call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                      const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_base + pathAndQuery));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto &[k, v] : headers)
        request.setRawHeader(k, v);
    request.setTransferTimeout(m_timeoutSeconds * 1000);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();

    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &[k, v] : reply->rawHeaderPairs())
        r.headers.append({k, v});
    if (r.status == 0)
        return fail({Error::Code::Unavailable,
                     QStringLiteral("cannot reach %1: %2").arg(m_base, reply->errorString())});
    return r;
}

Result<HttpResult> ServerClient::callOk(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                        const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    auto r = call(method, pathAndQuery, body, headers);
    if (!r)
        return r;
    if (r->status < 200 || r->status >= 300)
        return fail(errorFor(*r));
    return r;
}

Error ServerClient::errorFor(const HttpResult &reply)
{
    QString message = reply.json().value(QStringLiteral("error")).toString();
    if (message.isEmpty())
        message = QStringLiteral("server answered HTTP %1").arg(reply.status);
    Error::Code code = Error::Code::Internal;
    switch (reply.status) {
    case 400: code = Error::Code::InvalidArgument; break;
    case 401: code = Error::Code::Unauthenticated; break;
    case 403: code = Error::Code::PermissionDenied; break;
    case 404: code = Error::Code::NotFound; break;
    case 409: code = Error::Code::Conflict; break;
    case 413: code = Error::Code::TooLarge; break;
    case 422: code = Error::Code::Unsupported; break;
    case 503: code = Error::Code::Unavailable; break;
    case 504: code = Error::Code::Timeout; break;
    default: break;
    }
    return {code, message};
}

} // namespace ModelDesk::Cli
