#pragma once
// Application: the GUI's composition root. It parses the command line, opens the workspace and the
// ModelCatalog on a worker thread (WorkspaceOpener, with a start-up window while that takes), installs the translators, builds the services once and injects them into the
// MainWindow, and shuts down in order: window, then the serving stack (HTTP server, runtime,
// monitoring), then the catalog client's worker thread, then the catalog (a thread must never
// outlive what it uses).

#include "registry/modelcatalog.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>

class CatalogClient;
namespace ModelDesk::Serving {
class ServingHost;
}
class MainWindow;
class DemoRunner;
class DemoOfferWidget;
class WorkspaceUnlocker;
class QApplication;
class QCommandLineParser;
class QCoreApplication;

class Application final
{
    Q_DECLARE_TR_FUNCTIONS(Application)

public:
    explicit Application(QApplication &app);
    ~Application();
    Application(const Application &) = delete;
    Application &operator=(const Application &) = delete;

    // Runs the console; returns the process exit code.
    int run();

    // The command line, shared with main()'s display-less path for --help and --version.
    static void describeOptions(QCommandLineParser &parser);
    // Installs the ModelDesk and Qt translators for the language chosen in the settings
    // ("" = the system's). The translators must outlive their use.
    static void installTranslators(QCoreApplication &app, const QSettings &settings, QTranslator &own,
                                   QTranslator &qt);

private:
    QString validatorExecutable() const;
    // Everything after the catalog is open: the services, the main window, the demo, files to import.
    void startConsole(const ModelDesk::Registry::CatalogOptions &options, const QStringList &files);
    void logRuntime(QStringList &lines, bool &slowBlas) const;
    void shutdown();
    void startServing(QStringList &warnings);
    DemoOfferWidget *createDemo();
    void connectUnlocker();

    QApplication &m_app;
    QSettings m_settings;
    QTranslator m_translator;
    QTranslator m_qtTranslator;
    std::unique_ptr<ModelDesk::Registry::ModelCatalog> m_catalog;
    std::unique_ptr<CatalogClient> m_client;
    std::unique_ptr<ModelDesk::Serving::ServingHost> m_serving;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<DemoRunner> m_demo;
    std::unique_ptr<WorkspaceUnlocker> m_unlocker;
};
