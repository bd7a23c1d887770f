#include "faultinjection.h"

#include <QByteArray>

#include <csignal>
#include <cstdlib>

namespace ModelDesk {

namespace {
const QByteArray &configuredPoint()
{
    static const QByteArray point = qgetenv("MODELDESK_FAULT_POINT");
    return point;
}
} // namespace

void faultPoint(const char *name)
{
    const QByteArray &point = configuredPoint();
    if (!point.isEmpty() && point == name)
        std::raise(SIGKILL);
}

void faultPointProgress(const char *prefix, int percent)
{
    const QByteArray &point = configuredPoint();
    if (point.isEmpty() || !point.startsWith(prefix))
        return;
    const QByteArray rest = point.mid(qsizetype(qstrlen(prefix)));
    if (!rest.startsWith(':'))
        return;
    bool ok = false;
    const int at = rest.mid(1).toInt(&ok);
    if (ok && percent >= at)
        std::raise(SIGKILL);
}

} // namespace ModelDesk
