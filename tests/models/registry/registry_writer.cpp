// Helper for tst_registryconcurrency and tst_registrypostgres: another process using the same registry
// (PATH is a file or a postgresql:// URL, whatever ModelRegistry::open takes).
//   registry_writer add PATH MODEL COUNT ACTOR   adds COUNT versions, prints "added N1 N2 ..."
//   registry_writer watch PATH TIMEOUT_MS        prints "ready C", waits until changeCounter() != C,
//                                                prints "changed C2"; exit 1 on timeout

#include "registry/modelregistry.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QTextStream>
#include <QThread>
#include <cstdio>

using namespace ModelDesk;
using namespace ModelDesk::Registry;

namespace {
int failWith(const QString &message)
{
    std::fprintf(stderr, "registry_writer: %s\n", qPrintable(message));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return failWith(QStringLiteral("usage: registry_writer add PATH MODEL COUNT ACTOR | watch PATH TIMEOUT_MS"));
    auto registry = ModelRegistry::open(args.at(2));
    if (!registry)
        return failWith(registry.error().message);
    QTextStream out(stdout);

    if (args.at(1) == QLatin1String("add") && args.size() == 6) {
        const int count = args.at(4).toInt();
        QStringList numbers;
        for (int i = 0; i < count; ++i) {
            NewVersion v;
            const QByteArray seed = QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(i).toUtf8();
            v.digest = QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
            v.size = i;
            auto added = (*registry)->addVersion(args.at(3), v, args.at(5));
            if (!added)
                return failWith(added.error().message);
            numbers << QString::number(added->version);
        }
        out << "added " << numbers.join(QLatin1Char(' ')) << Qt::endl;
        return 0;
    }
    if (args.at(1) == QLatin1String("watch") && args.size() == 4) {
        auto first = (*registry)->changeCounter();
        if (!first)
            return failWith(first.error().message);
        out << "ready " << *first << Qt::endl;
        // Polls as the console does; the test's own deadline bounds this loop.
        QDeadlineTimer deadline(args.at(3).toInt());
        while (!deadline.hasExpired()) {
            auto now = (*registry)->changeCounter();
            if (!now)
                return failWith(now.error().message);
            if (*now != *first) {
                out << "changed " << *now << Qt::endl;
                return 0;
            }
            QThread::msleep(10);
        }
        return failWith(QStringLiteral("change counter did not move"));
    }
    return failWith(QStringLiteral("bad arguments: %1").arg(args.mid(1).join(QLatin1Char(' '))));
}
