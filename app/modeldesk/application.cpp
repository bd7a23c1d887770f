#include "application.h"

#include "artifacts/torchscriptinspector.h"
#include "catalogclient.h"
#include "core/platforminfo.h"
#include "dashboardpage.h"
#include "demo/demoofferwidget.h"
#include "demo/demorunner.h"
#include "demo/screenshotdriver.h"
#include "mainwindow.h"
#include "modelspage.h"
#include "trainingpage.h"
#include "unlockdialog.h"
#include "settings/workspaceunlocker.h"
#include "settingspage.h"
#include "startup/startupwindow.h"
#include "startup/workspaceopener.h"
#include "serving/servinghost.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QListWidget>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTimer>

Q_LOGGING_CATEGORY(lcApp, "modeldesk.app")

Application::Application(QApplication &app)
    : m_app(app)
{
}

Application::~Application()
{
    shutdown();
}

void Application::installTranslators(QCoreApplication &app, const QSettings &settings, QTranslator &own,
                                     QTranslator &qt)
{
    // "" follows the system; otherwise the language chosen on the Settings page.
    const QString chosen = settings.value(SettingsPage::languageKey()).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    QLocale::setDefault(locale);
    // English is the source language, but its .qm carries the plural forms ("1 model", "2 models"),
    // so it is the fallback for every language without a translation (and for the "C" locale).
    if (own.load(locale, QStringLiteral("modeldesk"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || own.load(QStringLiteral(":/i18n/modeldesk_en.qm"))) {
        app.installTranslator(&own);
    }
    if (!own.language().isEmpty() && own.language() != locale.name() && !locale.name().startsWith(QLatin1String("en"))
        && locale.name() != QLatin1String("C"))
        qCInfo(lcApp) << "no ModelDesk translation for" << locale.name() << "- using English";
    // Qt's own strings (dialog buttons, context menus), when the system ships them.
    if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qt);
}

void Application::describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        tr("ModelDesk: train, version, deploy and monitor PyTorch models on this workstation."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(
        QStringLiteral("workspace"),
        tr("Use the workspace folder DIR (default: $MODELDESK_WORKSPACE, else the app-data folder)."),
        QStringLiteral("DIR")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("registry"),
        tr("Keep the registry in PostgreSQL, e.g. postgresql://user@host:5432/modeldesk (default: "
           "$MODELDESK_REGISTRY_URL, else config.json registry.url, else the workspace's registry.sqlite)."),
        QStringLiteral("URL")));
    parser.addPositionalArgument(QStringLiteral("files"), tr("TorchScript files to import."),
                                 QStringLiteral("[files...]"));
}

QString Application::validatorExecutable() const
{
    // Build tree: build/app/modeldesk/modeldesk next to build/app/modeldesk-cli/modeldesk-cli.
    // Installed: both in the same bin directory.
    const QString dir = QCoreApplication::applicationDirPath();
    const QStringList candidates{QDir::cleanPath(dir + QStringLiteral("/../modeldesk-cli/modeldesk-cli")),
                                 QDir::cleanPath(dir + QStringLiteral("/modeldesk-cli"))};
    for (const QString &candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
    }
    return {};
}

void Application::logRuntime(QStringList &lines, bool &slowBlas) const
{
    const QString torch = ModelDesk::Artifacts::torchVersion();
    const ModelDesk::BlasInfo blas = ModelDesk::loadedBlas();
    qCInfo(lcApp).noquote() << "LibTorch" << torch << "- BLAS:" << blas.provider
                            << (blas.path.isEmpty() ? QStringLiteral("(no libblas.so.3 mapped)") : blas.path);
    lines << tr("LibTorch %1; BLAS: %2 (%3)")
                 .arg(torch, blas.provider, blas.path.isEmpty() ? tr("no libblas.so.3 loaded") : blas.path);
    slowBlas = blas.isReference();
    if (slowBlas) {
        qCWarning(lcApp).noquote() << "*** slow reference BLAS loaded (" << blas.path
                                   << "): training and inference run 5-20x slower; install libopenblas0-pthread ***";
    }
}

int Application::run()
{
    installTranslators(m_app, m_settings, m_translator, m_qtTranslator);
    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(m_app); // exits for --help / --version and for unknown options
    QString workspaceDir = parser.value(QStringLiteral("workspace"));
    // The workspace chosen on the Settings page, when neither the command line nor the
    // environment names one.
    if (workspaceDir.isEmpty() && qEnvironmentVariableIsEmpty("MODELDESK_WORKSPACE"))
        workspaceDir = m_settings.value(SettingsPage::workspaceKey()).toString();

    MainWindow::initResources();
    m_app.setWindowIcon(QIcon(QStringLiteral(":/icons/modeldesk.svg")));

    ModelDesk::Registry::CatalogOptions options;
    options.validatorExecutable = validatorExecutable();
    options.registryUrl = parser.value(QStringLiteral("registry"));
    if (options.validatorExecutable.isEmpty())
        qCWarning(lcApp) << "modeldesk-cli not found next to the executable: imported files are checked in-process";

    // The workspace and its registry open on a worker thread (a PostgreSQL connection, the first
    // start's migrations): the start-up window appears when that takes more than a moment, and Quit
    // there ends the console. Until the main window exists, closing a window must not end the
    // event loop behind the message box that reports a failure (MainWindow sets this back).
    QGuiApplication::setQuitOnLastWindowClosed(false);
    WorkspaceOpener opener;
    opener.open(workspaceDir, options);
    StartupWindow startup(opener.directory(), opener.registryDisplay());
    QTimer showStartup;
    showStartup.setSingleShot(true);
    QObject::connect(&showStartup, &QTimer::timeout, &startup, &QWidget::show);
    showStartup.start(400);
    QObject::connect(&startup, &StartupWindow::quitRequested, &m_app, [this] {
        qCInfo(lcApp) << "start-up cancelled while the workspace was opening";
        m_app.exit(0);
    });
    QObject::connect(&opener, &WorkspaceOpener::failed, &m_app,
                     [this, &opener, &showStartup, &startup](WorkspaceOpener::Part part, const QString &message) {
                         showStartup.stop();
                         const QString dir = opener.directory();
                         const bool workspace = part == WorkspaceOpener::Part::Workspace;
                         qCCritical(lcApp).noquote() << "cannot open the" << (workspace ? "workspace" : "registry") << "of"
                                                     << dir << ":" << message;
                         QMessageBox::critical(startup.isVisible() ? &startup : nullptr, tr("ModelDesk"),
                                               workspace
                                                   ? tr("The workspace %1 cannot be opened:\n%2").arg(dir, message)
                                                   : tr("The model registry in %1 cannot be opened:\n%2").arg(dir, message));
                         startup.dismiss();
                         m_app.exit(1);
                     });
    const QStringList files = parser.positionalArguments();
    QObject::connect(&opener, &WorkspaceOpener::opened, &m_app,
                     [this, &opener, &showStartup, &startup, options, files] {
                         showStartup.stop();
                         m_catalog = opener.takeCatalog();
                         startConsole(options, files);
                         startup.dismiss();
                     });

    const int code = m_app.exec();
    shutdown();
    return code;
}

void Application::startConsole(const ModelDesk::Registry::CatalogOptions &options, const QStringList &files)
{
    QStringList startLines;
    bool slowBlas = false;
    logRuntime(startLines, slowBlas);

    RuntimeInfo runtime;
    runtime.torchVersion = ModelDesk::Artifacts::torchVersion();
    runtime.blas = ModelDesk::loadedBlas();

    m_client = std::make_unique<CatalogClient>(*m_catalog, ModelDesk::currentOsUser());
    QStringList servingWarnings;
    startServing(servingWarnings);
    // Encrypted workspaces: the master key from the keychain (asynchronous, with a deadline) or a
    // passphrase; until then encrypted artifacts are refused as "locked".
    m_unlocker = std::make_unique<WorkspaceUnlocker>(*m_catalog, ModelDesk::currentOsUser());
    m_unlocker->setRuntime(&m_serving->runtime());
    m_unlocker->start();
    m_window = std::make_unique<MainWindow>(*m_client, *m_serving, m_settings, runtime, m_unlocker.get());
    connectUnlocker();
    // File > Quit and the tray's Quit end the application even when closing only hides the window
    // (ui/closeToTray); shutdown() then runs in order after exec() returns.
    QObject::connect(m_window.get(), &MainWindow::quitRequested, &m_app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    m_window->report(LogPanel::Level::Info, tr("Workspace %1 opened.").arg(m_catalog->workspace().root()));
    for (const QString &line : std::as_const(startLines))
        m_window->report(LogPanel::Level::Info, line);
    if (slowBlas)
        m_window->report(LogPanel::Level::Warning,
                         tr("The slow reference BLAS is loaded; install libopenblas0-pthread for 5-20x faster "
                                     "training and inference."));
    if (options.validatorExecutable.isEmpty())
        m_window->report(LogPanel::Level::Warning,
                         tr("modeldesk-cli was not found next to this program: imported files are checked "
                                     "inside the console process."));
    for (const QString &line : std::as_const(servingWarnings))
        m_window->report(LogPanel::Level::Warning, line);
    DemoOfferWidget *demoCard = createDemo();
    m_window->show();
    if (const auto shots = ScreenshotDriver::optionsFromEnvironment(); !shots.directory.isEmpty()) {
        auto *driver = new ScreenshotDriver(*m_window, *m_window->navigation(), *m_window->pages(), *m_demo,
                                            *m_serving, demoCard, shots, m_window.get());
        QTimer::singleShot(0, driver, &ScreenshotDriver::start);
    }

    if (!files.isEmpty()) {
        QTimer::singleShot(0, m_window.get(), [this, files] {
            QStringList absolute;
            for (const QString &f : files)
                absolute << QFileInfo(f).absoluteFilePath();
            m_window->modelsPage()->importFiles(absolute);
        });
    }
}

void Application::connectUnlocker()
{
    MainWindow *window = m_window.get();
    WorkspaceUnlocker *unlocker = m_unlocker.get();
    QObject::connect(unlocker, &WorkspaceUnlocker::passphraseNeeded, window,
                     [unlocker, window] { UnlockDialog::open(*unlocker, window); });
    QObject::connect(unlocker, &WorkspaceUnlocker::stateChanged, window,
                     [window](WorkspaceUnlocker::State s, const QString &m) {
                         if (s == WorkspaceUnlocker::State::KeychainFailed || s == WorkspaceUnlocker::State::Failed)
                             window->report(LogPanel::Level::Warning, m);
                         else if (s == WorkspaceUnlocker::State::Unlocked)
                             window->report(LogPanel::Level::Info, m);
                     });
    QObject::connect(unlocker, &WorkspaceUnlocker::reloadedDeployments, window,
                     [window](const QStringList &names, const QStringList &failures) {
                         if (!names.isEmpty())
                             window->report(LogPanel::Level::Info, tr("Encrypted deployments loaded: %1")
                                                                       .arg(names.join(QStringLiteral(", "))));
                         for (const QString &f : failures)
                             window->report(LogPanel::Level::Warning, f);
                     });
}

DemoOfferWidget *Application::createDemo()
{
    // The first-run demo: a card on the Dashboard, offered on a new workspace (and while the demo
    // model exists); MODELDESK_DEMO_AUTOSTART=1 (the README's run command) starts it at once.
    m_demo = std::make_unique<DemoRunner>(*m_client, *m_serving);
    auto *card = new DemoOfferWidget(*m_demo);
    MainWindow *window = m_window.get();
    QObject::connect(card, &DemoOfferWidget::info, window, [window](const QString &m) { window->report(LogPanel::Level::Info, m); });
    QObject::connect(card, &DemoOfferWidget::warning, window,
                     [window](const QString &m) { window->report(LogPanel::Level::Warning, m); });
    QObject::connect(card, &DemoOfferWidget::error, window, [window](const QString &m) { window->report(LogPanel::Level::Error, m); });
    card->followWorkspace(*m_client, m_settings.value(QStringLiteral("demo/dismissed"), false).toBool());
    QObject::connect(card, &DemoOfferWidget::dismissed, window,
                     [this] { m_settings.setValue(QStringLiteral("demo/dismissed"), true); });
    QObject::connect(card, &DemoOfferWidget::showMonitoringRequested, window,
                     [window] { window->showPage(MainWindow::MonitoringPageIndex); });
    if (auto *training = qobject_cast<TrainingPage *>(window->pages()->widget(MainWindow::TrainingPageIndex))) {
        QObject::connect(m_demo.get(), &DemoRunner::trainingFinished, training, [training](const QString &runId, bool) {
            training->refreshRuns();
            training->openRun(runId);
        });
    }
    window->dashboardPage()->setTopCard(card);
    if (DemoOfferWidget::autostartRequested() || !ScreenshotDriver::requestedDirectory().isEmpty())
        window->showPage(MainWindow::DashboardPageIndex);
    return card;
}

void Application::startServing(QStringList &warnings)
{
    // The embedded serving stack: monitoring, the runtime with the persisted deployments, tokens,
    // and the local HTTP server on loopback (Settings: server/host, server/port, server/autoStart).
    ModelDesk::Serving::ServingHostOptions options;
    options.server.http.host = m_settings.value(QStringLiteral("server/host"), QStringLiteral("127.0.0.1")).toString();
    options.server.http.port = quint16(m_settings.value(QStringLiteral("server/port"), 8080).toUInt());
    options.server.http.tlsCertificateFile = m_settings.value(QStringLiteral("server/tlsCert")).toString();
    options.server.http.tlsPrivateKeyFile = m_settings.value(QStringLiteral("server/tlsKey")).toString();
    options.history.retention.minuteSeconds =
        qint64(m_settings.value(SettingsPage::minuteHistoryDaysKey(), 7).toInt()) * 86400;
    options.history.retention.hourSeconds = qint64(m_settings.value(SettingsPage::hourHistoryDaysKey(), 90).toInt()) * 86400;
    m_serving = std::make_unique<ModelDesk::Serving::ServingHost>(*m_catalog, options);
    for (const QString &w : m_serving->start())
        warnings << tr("Serving: %1").arg(w);
    if (!m_settings.value(QStringLiteral("server/autoStart"), true).toBool())
        return;
    if (auto s = m_serving->startServer(); !s) {
        qCWarning(lcApp).noquote() << "HTTP server not started:" << s.error().message;
        warnings << tr("The HTTP server did not start (%1). Deployments still run inside the console; "
                       "pick another port on the Deployments page.")
                        .arg(s.error().message);
    } else {
        qCInfo(lcApp).noquote() << "serving on" << m_serving->serverUrl();
    }
}

void Application::shutdown()
{
    if (m_window)
        m_window->saveWindowState();
    m_window.reset();        // widgets hold references to the client and the serving stack
    m_demo.reset();          // stops the demo's traffic and jobs before the runtime goes
    m_unlocker.reset();      // waits for its worker: before the serving stack and the catalog
    if (m_serving)
        m_serving->shutdown(); // server, watcher, runtime, monitoring: before the catalog goes
    m_serving.reset();
    if (m_client)
        m_client->shutdown(); // cancels a running import, waits for the worker thread
    m_client.reset();
    m_catalog.reset();       // no thread uses it any more
}
