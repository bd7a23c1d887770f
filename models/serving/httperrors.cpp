#include "httperrors.h"

#include "jsonwriter.h"

#include "core/logging.h"

namespace ModelDesk::Serving {

namespace {
HttpResponse render(int status, const QString &message)
{
    HttpResponse r;
    r.status = status;
    JsonWriter(r.body).beginObject().key("error").value(message).endObject();
    return r;
}
} // namespace

int httpStatusFor(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidArgument: return 400;
    case Error::Code::Unsupported: return 422;
    case Error::Code::Unauthenticated: return 401;
    case Error::Code::PermissionDenied: return 403;
    case Error::Code::NotFound: return 404;
    case Error::Code::AlreadyExists:
    case Error::Code::Conflict: return 409;
    case Error::Code::TooLarge: return 413;
    case Error::Code::Unavailable: return 503;
    case Error::Code::Timeout: return 504;
    case Error::Code::Cancelled: return 503;
    case Error::Code::Corrupt:
    case Error::Code::Io:
    case Error::Code::Internal: return 500;
    }
    return 500;
}

HttpResponse errorResponse(const Error &error, int retryAfterSeconds)
{
    const int status = httpStatusFor(error.code);
    if (status >= 500 && status != 503 && status != 504)
        qCWarning(lcServing).noquote() << "request failed with" << status << ":" << error.message;
    HttpResponse r = render(status, error.message);
    if (status == 401)
        r.headers.emplace_back("WWW-Authenticate", "Bearer");
    if (status == 503)
        r.headers.emplace_back("Retry-After", std::to_string(std::max(1, retryAfterSeconds)));
    return r;
}

HttpResponse routeNotFound(std::string_view path)
{
    return render(404, QStringLiteral("no route for '%1'").arg(QString::fromUtf8(path.data(), qsizetype(std::min<std::size_t>(path.size(), 200)))));
}

HttpResponse methodNotAllowed(std::string_view allow)
{
    HttpResponse r = render(405, QStringLiteral("method not allowed; use %1").arg(QString::fromLatin1(allow.data(), qsizetype(allow.size()))));
    r.headers.emplace_back("Allow", std::string(allow));
    return r;
}

} // namespace ModelDesk::Serving
