#include "mainwindow.h"

#include "accesspage.h"
#include "catalogclient.h"
#include "deploymentspage.h"
#include "modelspage.h"
#include "monitoringpage.h"
#include "settingspage.h"
#include "trainingpage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <type_traits>

static void initUiResourcesOutsideNamespace()
{
    Q_INIT_RESOURCE(modeldesk);
}

namespace {

// The navigation icons are dark strokes; on the selection highlight they need a light variant.
QIcon navigationIcon(const QString &path, const QColor &selectedColor)
{
    const QIcon svg(path);
    QIcon icon; // pixmap-based, so the per-mode pixmaps are used as given
    for (int size : {22, 44}) { // 44: high-DPI screens
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

} // namespace

void MainWindow::initResources()
{
    initUiResourcesOutsideNamespace();
}

MainWindow::MainWindow(CatalogClient &client, ModelDesk::Serving::ServingHost &serving, QSettings &settings,
                       const RuntimeInfo &runtime, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_serving(serving)
    , m_settings(settings)
{
    initResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("ModelDesk — %1").arg(QDir::toNativeSeparators(client.workspacePath())));
    setWindowIcon(QIcon(QStringLiteral(":/icons/modeldesk.svg")));

    m_log = new LogPanel(this);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_log);
    m_logDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                           | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    createPages(runtime);
    createNavigation();
    createMenus();

    auto *central = new QSplitter(Qt::Horizontal, this);
    central->addWidget(m_navigation);
    central->addWidget(m_pages);
    central->setStretchFactor(1, 1);
    central->setChildrenCollapsible(false);
    central->setSizes({190, 1090});
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

    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages(const RuntimeInfo &runtime)
{
    m_pages = new QStackedWidget(this);
    m_modelsPage = new ModelsPage(m_client, m_pages);
    auto *settingsPage = new SettingsPage(m_client.workspacePath(), runtime, m_settings, m_pages);
    m_pages->insertWidget(ModelsPageIndex, m_modelsPage);
    auto *training = new TrainingPage(m_client, m_serving, m_pages);
    auto *deployments = new DeploymentsPage(m_client, m_serving, m_pages);
    auto *monitoring = new MonitoringPage(m_client, m_serving, m_pages);
    auto *access = new AccessPage(m_client, m_serving, m_pages);
    m_pages->insertWidget(TrainingPageIndex, training);
    m_pages->insertWidget(DeploymentsPageIndex, deployments);
    m_pages->insertWidget(MonitoringPageIndex, monitoring);
    m_pages->insertWidget(AccessPageIndex, access);
    m_pages->insertWidget(SettingsPageIndex, settingsPage);

    connect(m_modelsPage, &ModelsPage::showRequested, this, [this] { showPage(ModelsPageIndex); });
    const auto reportFrom = [this](auto *page) {
        using Page = std::remove_pointer_t<decltype(page)>;
        connect(page, &Page::info, this, [this](const QString &m) { report(LogPanel::Level::Info, m); });
        connect(page, &Page::error, this, [this](const QString &m) { report(LogPanel::Level::Error, m); });
    };
    reportFrom(m_modelsPage);
    reportFrom(training);
    reportFrom(deployments);
    reportFrom(monitoring);
    reportFrom(access);
    reportFrom(settingsPage);
}

void MainWindow::createNavigation()
{
    struct Entry
    {
        QString icon;
        QString text;
    };
    const Entry entries[PageCount] = {
        {QStringLiteral("models"), tr("Models")},
        {QStringLiteral("training"), tr("Training")},
        {QStringLiteral("deployments"), tr("Deployments")},
        {QStringLiteral("monitoring"), tr("Monitoring")},
        {QStringLiteral("access"), tr("Access")},
        {QStringLiteral("settings"), tr("Settings")},
    };
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    for (int i = 0; i < PageCount; ++i) {
        const QString path = QString(QStringLiteral(":/icons/") + entries[i].icon + QStringLiteral(".svg"));
        auto *item = new QListWidgetItem(navigationIcon(path, palette().color(QPalette::HighlightedText)),
                                         entries[i].text, m_navigation);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(entries[i].text).arg(i + 1));
        item->setSizeHint(QSize(0, 36));
    }
    m_navigation->setMinimumWidth(150);
    m_navigation->setMaximumWidth(240);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_pages->setCurrentIndex(row);
    });
    m_navigation->setCurrentRow(ModelsPageIndex);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_modelsPage->importAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

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

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About ModelDesk"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About ModelDesk"),
                           tr("<b>ModelDesk %1</b><p>Train, version, deploy and monitor PyTorch models on this "
                              "workstation.</p><p>Workspace: %2</p>")
                               .arg(QStringLiteral(MODELDESK_VERSION), m_client.workspacePath().toHtmlEscaped()));
    });
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
    showPage(m_settings.value(kPageKey, int(ModelsPageIndex)).toInt());
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(kGeometryKey, saveGeometry());
    m_settings.setValue(kStateKey, saveState());
    m_settings.setValue(kPageKey, currentPage());
    if (auto *splitter = m_modelsPage->findChild<QSplitter *>(QStringLiteral("modelsSplitter")))
        m_settings.setValue(kSplitterKey, splitter->saveState());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}
