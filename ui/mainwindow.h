#pragma once
// MainWindow: assembles the console: navigation list on the left, one page per area in a stack,
// the status bar and the log panel (a dock the user can hide). The log panel and the status bar
// are the one place where errors and completed actions are reported.
//
// Services are injected (no singletons): the CatalogClient, the ServingHost and the QSettings
// must outlive the window. Window geometry, dock state and the current page are saved to and restored from the
// QSettings.

#include "logpanel.h"
#include "settingspage.h"

#include <QMainWindow>

class CatalogClient;
namespace ModelDesk::Serving {
class ServingHost;
}
class QListWidget;
class QSettings;
class QStackedWidget;
class ModelsPage;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Page { ModelsPageIndex, TrainingPageIndex, DeploymentsPageIndex, MonitoringPageIndex, AccessPageIndex,
                SettingsPageIndex, PageCount };

    MainWindow(CatalogClient &client, ModelDesk::Serving::ServingHost &serving, QSettings &settings,
               const RuntimeInfo &runtime, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Registers the icons and other resources of the UI library (a static library's resources
    // are not linked in by themselves). Safe to call more than once.
    static void initResources();

    ModelsPage *modelsPage() const { return m_modelsPage; }
    QStackedWidget *pages() const { return m_pages; }
    QListWidget *navigation() const { return m_navigation; }
    LogPanel *logPanel() const { return m_log; }
    int currentPage() const;

    void showPage(int index);
    // Appends to the log panel and shows the line in the status bar.
    void report(LogPanel::Level level, const QString &message);
    void saveWindowState();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPages(const RuntimeInfo &runtime);
    void createNavigation();
    void createMenus();
    void restoreWindowState();

    CatalogClient &m_client;
    ModelDesk::Serving::ServingHost &m_serving;
    QSettings &m_settings;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    ModelsPage *m_modelsPage = nullptr;
    LogPanel *m_log = nullptr;
    QDockWidget *m_logDock = nullptr;
};
