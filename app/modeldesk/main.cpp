// modeldesk: the desktop console. Everything is built and owned by Application (the composition root).

#include "application.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ModelDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("modeldesk.local"));
    QCoreApplication::setApplicationName(QStringLiteral("ModelDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MODELDESK_VERSION));
}

// --help and --version must work without a display (a terminal over SSH, a packaging check), so
// they are answered before QApplication connects to one.
bool wantsInformationOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--") // what follows are file names
            return false;
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (wantsInformationOnly(argc, argv)) {
        QCoreApplication core(argc, argv);
        setIdentity();
        QSettings settings;
        QTranslator own;
        QTranslator qt;
        Application::installTranslators(core, settings, own, qt);
        QCommandLineParser parser;
        Application::describeOptions(parser);
        parser.process(core); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("ModelDesk"));
    QApplication::setDesktopFileName(QStringLiteral("modeldesk"));

    Application application(app);
    return application.run();
}
