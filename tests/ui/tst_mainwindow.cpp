// The real MainWindow over a real catalog in a QTemporaryDir with a model imported from a real
// TorchScript file: the Models page lists it, a change made by a second ModelCatalog instance (as
// the CLI would) shows up without a restart and keeps the selection, Ctrl+N switches pages, the
// window draws something, and its geometry comes back from QSettings.

#include "catalogclient.h"
#include "itemmodels/versionfilterproxymodel.h"
#include "itemmodels/versiontablemodel.h"
#include "mainwindow.h"
#include "modelspage.h"
#include "plannedpage.h"
#include "testmodels.h"
#include "versiondetailswidget.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "serving/servinghost.h"

#include <QApplication>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using Registry::ModelCatalog;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void titleNamesWorkspace();
    void modelsPageShowsImportedModel();
    void changeByAnotherInstanceAppears();
    void importFromThePage();
    void filterBoxFilters();
    void ctrlNumberSwitchesPages();
    void plannedPagesSayWhatComes();
    void windowIsNotBlank();
    void errorsGoToTheLogPanel();
    void geometryIsRestored();

private:
    std::unique_ptr<ModelCatalog> openCatalog() const;
    // Imports as the CLI would; false (with the reason logged) when it fails.
    bool importDirect(ModelCatalog &catalog, const QString &file, const QString &model);
    void createWindow();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ModelCatalog> m_catalog;
    std::unique_ptr<CatalogClient> m_client;
    std::unique_ptr<Serving::ServingHost> m_serving;
    std::unique_ptr<MainWindow> m_window;
};

std::unique_ptr<ModelCatalog> tst_MainWindow::openCatalog() const
{
    auto ws = Workspace::open(m_dir->filePath(QStringLiteral("workspace")));
    if (!ws)
        qFatal("workspace: %s", qPrintable(ws.error().message));
    Registry::CatalogOptions options;
    const QString cli = qEnvironmentVariable("MODELDESK_CLI");
    if (!cli.isEmpty() && QFileInfo(cli).isExecutable())
        options.validatorExecutable = cli;
    auto catalog = ModelCatalog::open(*ws, options);
    if (!catalog)
        qFatal("catalog: %s", qPrintable(catalog.error().message));
    return std::move(*catalog);
}

bool tst_MainWindow::importDirect(ModelCatalog &catalog, const QString &file, const QString &model)
{
    Registry::ImportRequest request;
    request.sourcePath = TestData::modelPath(file);
    request.model = model;
    auto v = catalog.importFile(request, QStringLiteral("cli-user"));
    if (!v)
        qWarning("import %s: %s", qPrintable(file), qPrintable(v.error().message));
    return v.has_value();
}

void tst_MainWindow::createWindow()
{
    RuntimeInfo runtime;
    runtime.torchVersion = QStringLiteral("1.13.1");
    runtime.blas = ModelDesk::loadedBlas();
    m_window = std::make_unique<MainWindow>(*m_client, *m_serving, *m_settings, runtime);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_MainWindow::init()
{
    cleanup(); // Qt Test skips cleanup() when init() failed: never leave a client polling a dead catalog
    MODELDESK_REQUIRE_TEST_MODELS();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_catalog = openCatalog();
    QVERIFY(importDirect(*m_catalog, QStringLiteral("linear.pt"), QStringLiteral("linear")));
    m_client = std::make_unique<CatalogClient>(*m_catalog, QStringLiteral("tester"));
    Serving::ServingHostOptions serving;
    serving.persistHistory = false;
    serving.server.http.port = 0;
    m_serving = std::make_unique<Serving::ServingHost>(*m_catalog, serving);
    m_serving->start();
    createWindow();
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_serving.reset();
    m_client.reset();
    m_catalog.reset();
    m_settings.reset();
    m_dir.reset();
}

void tst_MainWindow::titleNamesWorkspace()
{
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("ModelDesk")));
    QVERIFY2(m_window->windowTitle().contains(m_catalog->workspace().root()), qPrintable(m_window->windowTitle()));
}

void tst_MainWindow::modelsPageShowsImportedModel()
{
    ModelsPage *page = m_window->modelsPage();
    QCOMPARE(m_window->currentPage(), int(MainWindow::ModelsPageIndex));
    QTRY_COMPARE(page->tableModel()->rowCount(), 1);
    QCOMPARE(page->proxyModel()->rowCount(), 1);
    const QModelIndex first = page->proxyModel()->index(0, VersionTableModel::ModelColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("linear"));
    QCOMPARE(page->proxyModel()->index(0, VersionTableModel::VersionColumn).data().toInt(), 1);

    // Selecting it fills the details panel, with its digest and the model's audit trail.
    QVERIFY(page->selectVersion(QStringLiteral("linear"), 1));
    QCOMPARE(page->details()->shownModel(), QStringLiteral("linear"));
    QCOMPARE(page->details()->digestText(), m_catalog->registry().version(QStringLiteral("linear"), 1)->digest);
    QTRY_VERIFY(page->details()->auditRowCount() > 0);
}

void tst_MainWindow::changeByAnotherInstanceAppears()
{
    ModelsPage *page = m_window->modelsPage();
    QTRY_COMPARE(page->tableModel()->rowCount(), 1);
    QVERIFY(page->selectVersion(QStringLiteral("linear"), 1));

    // A second ModelCatalog on the same workspace, as the CLI would open it.
    auto cli = openCatalog();
    QVERIFY(importDirect(*cli, QStringLiteral("mlp.pt"), QStringLiteral("another")));
    QVERIFY(cli->registry().setAlias(QStringLiteral("linear"), QStringLiteral("production"), 1, QStringLiteral("cli-user")));

    QTRY_COMPARE_WITH_TIMEOUT(page->tableModel()->rowCount(), 2, 10000);
    const int row = page->tableModel()->rowOf(QStringLiteral("linear"), 1);
    QTRY_COMPARE(page->tableModel()->index(row, VersionTableModel::AliasesColumn).data().toString(),
                 QStringLiteral("production"));
    // The selection stayed on linear:1 through the refresh.
    const auto selected = page->selectedVersion();
    QVERIFY(selected.has_value());
    QCOMPARE(selected->model, QStringLiteral("linear"));
    QCOMPARE(selected->version, 1);
    QCOMPARE(selected->aliases, QStringList{QStringLiteral("production")});
}

void tst_MainWindow::importFromThePage()
{
    ModelsPage *page = m_window->modelsPage();
    QTRY_COMPARE(page->tableModel()->rowCount(), 1);
    QSignalSpy finished(m_client.get(), &CatalogClient::importFinished);
    QVERIFY(page->importFileAs(TestData::modelPath(QStringLiteral("mlp.pt")), QStringLiteral("linear"), QStringLiteral("v2")));
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE(page->tableModel()->rowCount(), 2);
    // The new version is selected once it is listed.
    QTRY_VERIFY(page->selectedVersion().has_value() && page->selectedVersion()->version == 2);
    QVERIFY(m_window->logPanel()->text().contains(QStringLiteral("linear:2")));
}

void tst_MainWindow::filterBoxFilters()
{
    ModelsPage *page = m_window->modelsPage();
    auto cli = openCatalog();
    QVERIFY(importDirect(*cli, QStringLiteral("mlp.pt"), QStringLiteral("fashion")));
    QTRY_COMPARE_WITH_TIMEOUT(page->tableModel()->rowCount(), 2, 10000);
    QTest::keyClicks(page->filterEdit(), QStringLiteral("fash"));
    QCOMPARE(page->proxyModel()->rowCount(), 1);
    QCOMPARE(page->proxyModel()->index(0, 0).data().toString(), QStringLiteral("fashion"));
    page->filterEdit()->clear();
    QCOMPARE(page->proxyModel()->rowCount(), 2);
}

void tst_MainWindow::ctrlNumberSwitchesPages()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), int(MainWindow::TrainingPageIndex));
    QCOMPARE(m_window->navigation()->currentRow(), int(MainWindow::TrainingPageIndex));
    QTest::keyClick(m_window.get(), Qt::Key_6, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), int(MainWindow::SettingsPageIndex));
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), int(MainWindow::ModelsPageIndex));
    // Clicking in the navigation list does the same.
    m_window->navigation()->setCurrentRow(MainWindow::AccessPageIndex);
    QCOMPARE(m_window->pages()->currentIndex(), int(MainWindow::AccessPageIndex));
}

void tst_MainWindow::plannedPagesSayWhatComes()
{
    for (int index : {MainWindow::TrainingPageIndex, MainWindow::DeploymentsPageIndex, MainWindow::MonitoringPageIndex,
                      MainWindow::AccessPageIndex}) {
        auto *page = qobject_cast<PlannedPage *>(m_window->pages()->widget(index));
        QVERIFY(page);
        QCOMPARE(page->heading(), m_window->navigation()->item(index)->text());
        QVERIFY(page->plannedItems().size() >= 3);
    }
}

void tst_MainWindow::windowIsNotBlank()
{
    QTRY_COMPARE(m_window->modelsPage()->tableModel()->rowCount(), 1);
    const QImage image = m_window->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY(!image.isNull());
    QHash<QRgb, int> histogram;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            ++histogram[line[x]];
    }
    int background = 0;
    for (int count : std::as_const(histogram))
        background = std::max(background, count);
    const qint64 pixels = qint64(image.width()) * image.height();
    // Text, icons, frames: many colours and a good share of pixels that are not the background.
    QVERIFY2(histogram.size() > 50, qPrintable(QString::number(histogram.size())));
    QVERIFY2(pixels - background > pixels / 20, qPrintable(QStringLiteral("%1 of %2").arg(pixels - background).arg(pixels)));
}

void tst_MainWindow::errorsGoToTheLogPanel()
{
    QSignalSpy failed(m_client.get(), &CatalogClient::operationFailed);
    const int before = m_window->logPanel()->lineCount();
    m_client->deleteVersion(QStringLiteral("linear"), 42);
    QVERIFY(failed.wait());
    QCOMPARE(m_window->logPanel()->lineCount(), before + 1);
    QVERIFY(m_window->logPanel()->text().contains(QStringLiteral("linear:42")));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("linear:42")));
}

void tst_MainWindow::geometryIsRestored()
{
    m_window->resize(900, 640);
    m_window->showPage(MainWindow::SettingsPageIndex);
    QVERIFY(m_window->close()); // saves
    m_window.reset();
    createWindow();
    QCOMPARE(m_window->size(), QSize(900, 640));
    QCOMPARE(m_window->currentPage(), int(MainWindow::SettingsPageIndex));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
