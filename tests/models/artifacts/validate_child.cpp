// Test stand-in for `modeldesk-cli validate-artifact FILE --json`: the same
// runValidateArtifactCommand() behind it, plus deliberate faults (only here, never in the product)
// so tests can see the parent report crashes, hangs, memory limits and garbage output.

#include "artifacts/torchscriptinspector.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4 || args.at(1) != QLatin1String("validate-artifact") || args.at(3) != QLatin1String("--json")) {
        std::fputs("usage: modeldesk_validate_child validate-artifact FILE --json\n", stderr);
        return 64;
    }

    const QByteArray fault = qgetenv("MODELDESK_TEST_CHILD_FAULT");
    if (fault == "segv") {
        std::signal(SIGSEGV, SIG_DFL);
        std::raise(SIGSEGV);
    } else if (fault == "abort") {
        std::abort();
    } else if (fault == "hang") {
        for (;;)
            pause();
    } else if (fault == "garbage") {
        std::fputs("this is not json\n", stdout);
        return 0;
    } else if (fault == "allocate") {
        // 2 GiB: fails under the parent's address-space limit, succeeds without one.
        const size_t size = size_t(2) << 30;
        void *p = std::malloc(size);
        if (!p) {
            std::fputs("{\"error\":\"cannot allocate 2 GiB\",\"code\":\"too_large\"}\n", stdout);
            return 2;
        }
        std::memset(p, 1, 4096);
        std::free(p);
    }

    QTextStream out(stdout);
    QTextStream err(stderr);
    return ModelDesk::Artifacts::runValidateArtifactCommand(args.at(2), out, err);
}
