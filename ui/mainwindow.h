#pragma once
// MainWindow: assembles the console: navigation list on the left, one page per area in a stack
// (the Dashboard first), an alert banner above the pages, the status bar and the log panel (a dock
// the user can hide). The log panel and the status bar are the one place where errors and
// completed actions are reported.
//
// It also carries the everyday comforts that span pages: keyboard shortcuts (Ctrl+1..7 for the
// pages), the command palette (Ctrl+K, Ctrl+Shift+P), Edit > Undo/Redo for alias and tag edits,
// the light/dark theme, and the system tray icon (server state, notifications, and — with the
// setting "ui/closeToTray" — closing the window keeps the console serving in the tray).
//
// Services are injected (no singletons): the CatalogClient, the ServingHost and the QSettings
// must outlive the window. Window geometry, dock state and the current page are saved to and
// restored from the QSettings; a window restored off every screen is moved back onto one.

#include "logpanel.h"
#include "settingspage.h"

#include <QMainWindow>
#include <QSystemTrayIcon>

class AlertBanner;
class CatalogClient;
class CommandPalette;
class DashboardPage;
struct PaletteEntry;
namespace ModelDesk::Serving {
class ServingHost;
}
class QListWidget;
class QSettings;
class QStackedWidget;
class QUndoStack;
class DeploymentsPage;
class ModelsPage;
class TrainingPage;
class TrayIcon;
class WorkspaceUnlocker;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Page { DashboardPageIndex, ModelsPageIndex, TrainingPageIndex, DeploymentsPageIndex, MonitoringPageIndex,
                AccessPageIndex, SettingsPageIndex, PageCount };

    // `unlocker` (may be null: no encryption section on the Settings page) must outlive the window.
    MainWindow(CatalogClient &client, ModelDesk::Serving::ServingHost &serving, QSettings &settings,
               const RuntimeInfo &runtime, WorkspaceUnlocker *unlocker = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Registers the icons and other resources of the UI library (a static library's resources
    // are not linked in by themselves). Safe to call more than once.
    static void initResources();
    // QSettings key (bool, default false): closing the window keeps the console serving in the tray.
    static QString closeToTrayKey();

    DashboardPage *dashboardPage() const { return m_dashboard; }
    ModelsPage *modelsPage() const { return m_modelsPage; }
    QStackedWidget *pages() const { return m_pages; }
    QListWidget *navigation() const { return m_navigation; }
    LogPanel *logPanel() const { return m_log; }
    QUndoStack *undoStack() const { return m_undoStack; }
    CommandPalette *commandPalette() const { return m_palette; }
    TrayIcon *trayIcon() const { return m_tray; }
    AlertBanner *alertBanner() const { return m_banner; }
    int currentPage() const;
    // The window closes to the tray now (setting on and a tray icon shown).
    bool closesToTray() const;
    // Shows the tray icon even where the platform reports no system tray (tests; the offscreen
    // platform has none). Normally the window shows it when QSystemTrayIcon says a tray exists.
    void forceTrayIcon();

    void showPage(int index);
    // Shows the Models page with model:version selected (latest version when version is 0).
    void showModelVersion(const QString &model, int version);
    // Shows the Deployments page with that deployment selected / the Training page with that run open.
    void showDeployment(const QString &name);
    void showRun(const QString &runId);
    // Appends to the log panel and shows the line in the status bar.
    void report(LogPanel::Level level, const QString &message);
    void saveWindowState();
    // What the command palette offers now (pages, actions, models, versions, deployments).
    QList<PaletteEntry> paletteEntries() const;

public Q_SLOTS:
    void openCommandPalette();
    // "system", "light" or "dark" (the Settings page's "ui/theme"), applied to the whole console now.
    void applyTheme(const QString &theme);
    // An alert strip above every page; `key` of clearAlertBanner is the text given to showAlertBanner
    // (the monitoring alerts are wired here already, keyed by rule and series).
    void showAlertBanner(const QString &text, const QString &severity);
    void clearAlertBanner(const QString &key);
    // A training run ended (the Training page's runFinished): log line, tray notification, dashboard.
    void notifyRunFinished(const QString &runId, bool ok, const QString &summary);
    // Starts or stops the HTTP server (the runtime keeps its deployments either way).
    void setServerRunning(bool running);
    void showFromTray();
    // Quits the console, also when it would close to the tray (File > Quit, tray menu > Quit).
    void requestQuit();

Q_SIGNALS:
    // The user asked to end the application (the composition root quits the event loop).
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // mainwindow.cpp: the window, its pages, menus, theme and saved state.
    static QString navigationIconPath(int page);
    static QString actionText(const QAction *action); // without the & mnemonic marks
    void createPages(const RuntimeInfo &runtime, WorkspaceUnlocker *unlocker);
    void createNavigation();
    void updateNavigationIcons();
    void createMenus();
    // mainwindowtray.cpp: tray, server switch, alerts, close to tray and quit.
    void createTray();
    void wireMonitoring();
    // mainwindowgoto.cpp: opening things on their page.
    void openAuditTarget(const QString &target);
    void refreshServerState();
    void restoreWindowState();
    void ensureOnScreen();
    void showShortcutHelp();
    void notify(const QString &title, const QString &text, QSystemTrayIcon::MessageIcon icon);

    CatalogClient &m_client;
    ModelDesk::Serving::ServingHost &m_serving;
    QSettings &m_settings;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    DashboardPage *m_dashboard = nullptr;
    ModelsPage *m_modelsPage = nullptr;
    TrainingPage *m_trainingPage = nullptr;
    DeploymentsPage *m_deploymentsPage = nullptr;
    LogPanel *m_log = nullptr;
    QDockWidget *m_logDock = nullptr;
    QUndoStack *m_undoStack = nullptr;
    CommandPalette *m_palette = nullptr;
    TrayIcon *m_tray = nullptr;
    AlertBanner *m_banner = nullptr;
    QAction *m_serverAction = nullptr;
    QString m_themeSetting;
    bool m_quitting = false;
    bool m_trayHintShown = false;
};
