#include "servingcontext.h"

#include <QJsonDocument>

namespace ModelDesk::Serving {

void recordAnswer(ServingMetrics &metrics, const RouteMatch &match, int status,
                  std::chrono::steady_clock::time_point received, int answeredVersion)
{
    const auto elapsed = std::chrono::steady_clock::now() - received;
    metrics.recordHttp(match.routeClass, status, elapsed);
    RequestEntry e;
    e.method = match.method;
    e.path = match.path;
    e.status = status;
    e.latencyUs = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
    if (!match.principal.anonymous)
        e.actor = match.principal.name;
    e.deployment = match.deployment;
    e.model = match.model;
    e.version = answeredVersion ? answeredVersion : match.version.value_or(match.targetVersion);
    e.remoteAddress = match.remoteAddress;
    e.routeClass = match.routeClass;
    metrics.journal().record(std::move(e));
}

void reply(ServingMetrics &metrics, const Responder &respond, const RouteMatch &match,
           std::chrono::steady_clock::time_point received, HttpResponse response, int answeredVersion)
{
    recordAnswer(metrics, match, response.status, received, answeredVersion);
    respond(std::move(response));
}

HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return jsonResponse(status, std::string(json.constData(), std::size_t(json.size())));
}

HttpResponse jsonResponse(int status, std::string body)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        const std::size_t j = path.find('/', i);
        const std::size_t end = j == std::string_view::npos ? path.size() : j;
        out.push_back(path.substr(i, end - i));
        i = end;
    }
    return out;
}

std::optional<int> parseVersionSegment(std::string_view s)
{
    if (s.empty() || s.size() > 9 || s[0] < '1' || s[0] > '9')
        return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

QString toQString(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

} // namespace ModelDesk::Serving
