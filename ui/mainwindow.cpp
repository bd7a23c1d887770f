#include "mainwindow.h"

#include "accesspage.h"
#include "catalogclient.h"
#include "commandpalette.h"
#include "dashboardpage.h"
#include "deploymentspage.h"
#include "modelspage.h"
#include "monitoring/alertbanner.h"
#include "monitoringpage.h"
#include "settingspage.h"
#include "theme.h"
#include "trainingpage.h"
#include "trayicon.h"

#include "monitoring/monitoringservice.h"
#include "serving/servinghost.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <type_traits>

static void initUiResourcesOutsideNamespace()
{
    Q_INIT_RESOURCE(modeldesk);
}

namespace {

// The navigation icons are drawn in one mid-tone colour; on the selection highlight they need the
// highlighted-text colour. Pixmap-based, so the per-mode pixmaps are used as given.
QIcon navigationIcon(const QString &path, const QColor &selectedColor)
{
    const QIcon svg(path);
    QIcon icon;
    for (int size : {22, 44}) { // 44: high-DPI screens (device pixel ratio 2)
        const QPixmap normal = svg.pixmap(QSize(size, size));
        QPixmap tinted = normal;
        QPainter painter(&tinted);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(tinted.rect(), selectedColor);
        painter.end();
        icon.addPixmap(normal, QIcon::Normal);
        icon.addPixmap(tinted, QIcon::Selected);
    }
    return icon;
}

const auto kGeometryKey = QStringLiteral("mainwindow/geometry");
const auto kStateKey = QStringLiteral("mainwindow/state");
const auto kPageKey = QStringLiteral("mainwindow/page");
const auto kSplitterKey = QStringLiteral("mainwindow/modelsSplitter");
// The page order changed when the Dashboard came first; a page index saved before is one off.
const auto kPageOrderKey = QStringLiteral("mainwindow/pageOrder");
constexpr int kPageOrder = 2;

} // namespace

void MainWindow::initResources()
{
    initUiResourcesOutsideNamespace();
}

QString MainWindow::navigationIconPath(int page)
{
    static const char *const names[PageCount] = {"dashboard",  "models", "training", "deployments",
                                                 "monitoring", "access", "settings"};
    if (page < 0 || page >= PageCount)
        return {};
    return QString(QStringLiteral(":/icons/") + QLatin1String(names[page]) + QStringLiteral(".svg"));
}

QString MainWindow::actionText(const QAction *action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)"))); // the mnemonic marks, not a literal "&&"
    return text;
}

QString MainWindow::closeToTrayKey()
{
    return SettingsPage::closeToTrayKey(); // the Settings page's check box writes it
}

MainWindow::MainWindow(CatalogClient &client, ModelDesk::Serving::ServingHost &serving, QSettings &settings,
                       const RuntimeInfo &runtime, WorkspaceUnlocker *unlocker, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_serving(serving)
    , m_settings(settings)
{
    initResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("ModelDesk — %1").arg(QDir::toNativeSeparators(client.workspacePath())));
    setWindowIcon(QIcon(QStringLiteral(":/icons/modeldesk.svg")));
    // Before any page is built, so every widget starts in the chosen look.
    applyTheme(m_settings.value(Theme::settingsKey()).toString());

    m_undoStack = new QUndoStack(this);
    m_undoStack->setUndoLimit(100);

    m_log = new LogPanel(this);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_log);
    m_logDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                           | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    createPages(runtime, unlocker);
    createNavigation();
    createMenus();
    m_palette = new CommandPalette(this);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({190, 1090});

    m_banner = new AlertBanner(this);
    m_banner->setObjectName(QStringLiteral("windowAlertBanner"));
    connect(m_banner, &AlertBanner::detailsRequested, this, [this] { showPage(MonitoringPageIndex); });

    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);

    auto *workspaceLabel = new QLabel(QDir::toNativeSeparators(client.workspacePath()), this);
    workspaceLabel->setToolTip(tr("Workspace folder"));
    workspaceLabel->setEnabled(false);
    statusBar()->addPermanentWidget(workspaceLabel);

    connect(&m_client, &CatalogClient::operationSucceeded, this,
            [this](const QString &m) { report(LogPanel::Level::Info, m); });
    connect(&m_client, &CatalogClient::operationFailed, this,
            [this](const QString &m) { report(LogPanel::Level::Error, m); });
    connect(&m_client, &CatalogClient::backgroundError, this,
            [this](const QString &m) { report(LogPanel::Level::Warning, m); });

    createTray();
    wireMonitoring();
    // The server can be switched by other pages and the CLI-less API too: keep the tray and the
    // dashboard honest with a cheap look once a second (two member reads on the owner thread).
    auto *serverTimer = new QTimer(this);
    serverTimer->setInterval(1000);
    connect(serverTimer, &QTimer::timeout, this, &MainWindow::refreshServerState);
    serverTimer->start();
    refreshServerState();
    // Screens come and go (a laptop leaves its dock): never leave the window on a screen that is gone.
    connect(qApp, &QGuiApplication::screenRemoved, this, [this] { QTimer::singleShot(0, this, &MainWindow::ensureOnScreen); });

    restoreWindowState();
}

MainWindow::~MainWindow()
{
    if (m_tray)
        m_tray->setVisible(false);
    QGuiApplication::setQuitOnLastWindowClosed(true);
}

void MainWindow::createPages(const RuntimeInfo &runtime, WorkspaceUnlocker *unlocker)
{
    m_pages = new QStackedWidget(this);
    m_dashboard = new DashboardPage(m_client, m_serving, m_pages);
    m_modelsPage = new ModelsPage(m_client, m_pages);
    m_modelsPage->setUndoStack(m_undoStack);
    auto *settingsPage = new SettingsPage(m_client, m_serving, unlocker, m_settings, runtime, m_pages);
    auto *training = new TrainingPage(m_client, m_serving, m_pages);
    auto *deployments = new DeploymentsPage(m_client, m_serving, m_pages);
    m_trainingPage = training;
    m_deploymentsPage = deployments;
    auto *monitoring = new MonitoringPage(m_client, m_serving, m_pages);
    auto *access = new AccessPage(m_client, m_serving, m_pages);
    m_pages->insertWidget(DashboardPageIndex, m_dashboard);
    m_pages->insertWidget(ModelsPageIndex, m_modelsPage);
    m_pages->insertWidget(TrainingPageIndex, training);
    m_pages->insertWidget(DeploymentsPageIndex, deployments);
    m_pages->insertWidget(MonitoringPageIndex, monitoring);
    m_pages->insertWidget(AccessPageIndex, access);
    m_pages->insertWidget(SettingsPageIndex, settingsPage);

    connect(m_modelsPage, &ModelsPage::showRequested, this, [this] { showPage(ModelsPageIndex); });
    connect(settingsPage, &SettingsPage::themeChanged, this, &MainWindow::applyTheme);
    const auto reportFrom = [this](auto *page) {
        using Page = std::remove_pointer_t<decltype(page)>;
        connect(page, &Page::info, this, [this](const QString &m) { report(LogPanel::Level::Info, m); });
        connect(page, &Page::error, this, [this](const QString &m) { report(LogPanel::Level::Error, m); });
    };
    reportFrom(m_dashboard);
    reportFrom(m_modelsPage);
    reportFrom(training);
    reportFrom(deployments);
    reportFrom(monitoring);
    reportFrom(access);
    reportFrom(settingsPage);
    connect(training, &TrainingPage::runFinished, this, &MainWindow::notifyRunFinished);

    connect(m_dashboard, &DashboardPage::deploymentActivated, this, &MainWindow::showDeployment);
    connect(m_dashboard, &DashboardPage::runActivated, this, &MainWindow::showRun);
    connect(m_dashboard, &DashboardPage::alertsActivated, this, [this] { showPage(MonitoringPageIndex); });
    connect(m_dashboard, &DashboardPage::auditActivated, this, &MainWindow::openAuditTarget);
    connect(m_dashboard, &DashboardPage::serverToggleRequested, this, &MainWindow::setServerRunning);
}

void MainWindow::createNavigation()
{
    const QString texts[PageCount] = {tr("Dashboard"),   tr("Models"), tr("Training"), tr("Deployments"),
                                      tr("Monitoring"), tr("Access"), tr("Settings")};
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    for (int i = 0; i < PageCount; ++i) {
        auto *item = new QListWidgetItem(texts[i], m_navigation);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(texts[i]).arg(i + 1));
        item->setSizeHint(QSize(0, 36));
    }
    updateNavigationIcons();
    m_navigation->setMinimumWidth(150);
    m_navigation->setMaximumWidth(240);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_pages->setCurrentIndex(row);
    });
    m_navigation->setCurrentRow(DashboardPageIndex);
}

void MainWindow::updateNavigationIcons()
{
    if (!m_navigation)
        return;
    const QColor selected = palette().color(QPalette::HighlightedText);
    for (int i = 0; i < PageCount && i < m_navigation->count(); ++i) {
        m_navigation->item(i)->setIcon(navigationIcon(navigationIconPath(i), selected));
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_modelsPage->importAction());
    file->addSeparator();
    m_serverAction = file->addAction(tr("Start &Server"));
    m_serverAction->setStatusTip(tr("Start or stop the local HTTP server (deployments keep running inside the console)"));
    connect(m_serverAction, &QAction::triggered, this, [this] { setServerRunning(!m_serving.isServerRunning()); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::requestQuit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    // Ctrl+Shift+Z everywhere (and the platform's own, Ctrl+Y on some).
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(k))
            redoKeys << k;
    }
    redo->setShortcuts(redoKeys);
    redo->setObjectName(QStringLiteral("redoAction"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *palette = edit->addAction(tr("&Command Palette…"));
    palette->setObjectName(QStringLiteral("commandPaletteAction"));
    palette->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    palette->setShortcutContext(Qt::WindowShortcut);
    palette->setStatusTip(tr("Search pages, actions, models, versions and deployments"));
    connect(palette, &QAction::triggered, this, &MainWindow::openCommandPalette);
    QAction *find = edit->addAction(tr("&Find Models…"));
    find->setShortcut(QKeySequence::Find);
    find->setStatusTip(tr("Filter the Models page by model, alias, tag or digest"));
    connect(find, &QAction::triggered, this, [this] {
        showPage(ModelsPageIndex);
        m_modelsPage->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_modelsPage->filterEdit()->selectAll();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < PageCount; ++i) {
        QAction *go = view->addAction(m_navigation->item(i)->icon(), m_navigation->item(i)->text());
        go->setShortcut(QKeySequence(QKeyCombination(Qt::CTRL, Qt::Key(Qt::Key_1 + i))));
        go->setShortcutContext(Qt::WindowShortcut);
        connect(go, &QAction::triggered, this, [this, i] { showPage(i); });
    }
    view->addSeparator();
    QAction *toggleLog = m_logDock->toggleViewAction();
    toggleLog->setText(tr("&Log Panel"));
    toggleLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(toggleLog);
    QAction *fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setShortcuts(QKeySequence::FullScreen);
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, &MainWindow::showShortcutHelp);
    QAction *about = help->addAction(tr("&About ModelDesk"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About ModelDesk"),
                           tr("<b>ModelDesk %1</b><p>Train, version, deploy and monitor PyTorch models on this "
                              "workstation.</p><p>Workspace: %2</p>")
                               .arg(QStringLiteral(MODELDESK_VERSION), m_client.workspacePath().toHtmlEscaped()));
    });
}

void MainWindow::showShortcutHelp()
{
    QString rows;
    for (QAction *menuAction : menuBar()->actions()) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || a->shortcut().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence &k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText).toHtmlEscaped();
            rows += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;<b>%2</b></td></tr>")
                        .arg(actionText(a).toHtmlEscaped(), keys.join(QStringLiteral(", ")));
        }
    }
    QMessageBox::information(this, tr("Keyboard Shortcuts"),
                             QString(QStringLiteral("<table>") + rows + QStringLiteral("</table><p>")
                                     + tr("In the command palette, type a few letters of anything — a page, an "
                                          "action, a model, a version, a deployment — and press Enter.")
                                     + QStringLiteral("</p>")));
}

void MainWindow::applyTheme(const QString &theme)
{
    m_themeSetting = Theme::normalized(theme);
    Theme::apply(m_themeSetting);
    // A top-level window learns of the new application palette by a later event; resolve it now,
    // so what is built or drawn next (log lines, the icons) already uses the new colours.
    QEvent changed(QEvent::ApplicationPaletteChange);
    QCoreApplication::sendEvent(this, &changed);
    updateNavigationIcons();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateNavigationIcons();
    else if (event->type() == QEvent::ThemeChange && m_themeSetting == QLatin1String("system"))
        QTimer::singleShot(0, this, [this] { applyTheme(m_themeSetting); }); // the desktop switched light/dark
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= PageCount)
        return;
    m_navigation->setCurrentRow(index); // drives the stack through currentRowChanged
}

void MainWindow::report(LogPanel::Level level, const QString &message)
{
    m_log->append(level, message);
    const int timeoutMs = level == LogPanel::Level::Info ? 8000 : 20000;
    QString shown = message;
    if (level == LogPanel::Level::Warning)
        shown = QString(tr("Warning: ") + message);
    else if (level == LogPanel::Level::Error)
        shown = QString(tr("Error: ") + message);
    statusBar()->showMessage(shown, timeoutMs);
}

void MainWindow::restoreWindowState()
{
    if (!restoreGeometry(m_settings.value(kGeometryKey).toByteArray()))
        resize(1280, 800);
    if (!restoreState(m_settings.value(kStateKey).toByteArray()))
        resizeDocks({m_logDock}, {130}, Qt::Vertical); // a few lines of log; the page gets the room
    if (auto *splitter = m_modelsPage->findChild<QSplitter *>(QStringLiteral("modelsSplitter")))
        splitter->restoreState(m_settings.value(kSplitterKey).toByteArray());
    int page = m_settings.value(kPageKey, int(DashboardPageIndex)).toInt();
    if (m_settings.contains(kPageKey) && m_settings.value(kPageOrderKey, 1).toInt() < kPageOrder)
        page += 1; // saved before the Dashboard existed
    showPage(page);
    ensureOnScreen();
}

void MainWindow::ensureOnScreen()
{
    if (isFullScreen() || isMaximized())
        return;
    const QRect frame = frameGeometry();
    // Enough of the title bar on some screen to grab it: then the window is where the user put it.
    const QRect grip(frame.topLeft(), QSize(std::min(frame.width(), 200), 40));
    for (const QScreen *screen : QGuiApplication::screens()) {
        if (screen->availableGeometry().intersected(grip).width() >= std::min(grip.width(), 100))
            return;
    }
    const QScreen *target = QGuiApplication::primaryScreen();
    if (!target)
        return;
    const QRect available = target->availableGeometry();
    QSize size = this->size().boundedTo(available.size() - QSize(40, 80));
    resize(size);
    move(available.center() - QPoint(size.width() / 2, size.height() / 2));
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(kGeometryKey, saveGeometry());
    m_settings.setValue(kStateKey, saveState());
    m_settings.setValue(kPageKey, currentPage());
    m_settings.setValue(kPageOrderKey, kPageOrder);
    if (auto *splitter = m_modelsPage->findChild<QSplitter *>(QStringLiteral("modelsSplitter")))
        m_settings.setValue(kSplitterKey, splitter->saveState());
    m_settings.sync();
}
