#include "monitoringtypes.h"

#include <QDateTime>
#include <QStringList>
#include <tuple>

namespace ModelDesk::Monitoring {

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Success:
        return QStringLiteral("success");
    case Outcome::ClientError:
        return QStringLiteral("client_error");
    case Outcome::ServerError:
        return QStringLiteral("server_error");
    case Outcome::Rejected:
        return QStringLiteral("rejected");
    case Outcome::Timeout:
        return QStringLiteral("timeout");
    }
    return QStringLiteral("server_error");
}

Outcome outcomeFor(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidArgument:
    case Error::Code::NotFound:
    case Error::Code::AlreadyExists:
    case Error::Code::Conflict:
    case Error::Code::Unsupported:
    case Error::Code::PermissionDenied:
    case Error::Code::Unauthenticated:
    case Error::Code::TooLarge:
    case Error::Code::Cancelled: // the client went away
        return Outcome::ClientError;
    case Error::Code::Unavailable:
        return Outcome::Rejected;
    case Error::Code::Timeout:
        return Outcome::Timeout;
    case Error::Code::Corrupt:
    case Error::Code::Io:
    case Error::Code::Internal:
        return Outcome::ServerError;
    }
    return Outcome::ServerError;
}

Clock systemClock()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

QString SeriesKey::toString() const
{
    QStringList labels;
    if (!deployment.isEmpty())
        labels << QStringLiteral("deployment=") + deployment;
    if (version > 0)
        labels << QStringLiteral("version=") + QString::number(version);
    if (!run.isEmpty())
        labels << QStringLiteral("run=") + run;
    if (labels.isEmpty())
        return name;
    return name + QLatin1Char('{') + labels.join(QLatin1Char(',')) + QLatin1Char('}');
}

bool operator<(const SeriesKey &a, const SeriesKey &b)
{
    return std::tie(a.deployment, a.version, a.run, a.name) <
           std::tie(b.deployment, b.version, b.run, b.name);
}

} // namespace ModelDesk::Monitoring
