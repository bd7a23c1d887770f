// modeldesk: the desktop console. Everything is built and owned by Application (the composition root).

#include "application.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ModelDesk"));
    QApplication::setOrganizationDomain(QStringLiteral("modeldesk.local"));
    QApplication::setApplicationName(QStringLiteral("ModelDesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("ModelDesk"));
    QApplication::setApplicationVersion(QStringLiteral(MODELDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("modeldesk"));

    Application application(app);
    return application.run();
}
