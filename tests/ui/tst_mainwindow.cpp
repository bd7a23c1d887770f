// The real MainWindow over a real catalog in a QTemporaryDir with a model imported from a real
// TorchScript file: the Dashboard comes first, the Models page lists the model, a change made by a
// second ModelCatalog instance (as the CLI would) shows up without a restart and keeps the
// selection, Ctrl+N switches pages, the window draws something, its geometry comes back from
// QSettings (and onto a screen), Edit > Undo reverses alias and tag edits, the theme switches live,
// and with "close to tray" closing the window keeps the console and its server running.

#include "uitestfixture.h"
#include "dashboardpage.h"
#include "deploymentspage.h"
#include "itemmodels/versionfilterproxymodel.h"
#include "itemmodels/versiontablemodel.h"
#include "mainwindow.h"
#include "modelspage.h"
#include "namedialog.h"
#include "tagdialog.h"
#include "testmodels.h"
#include "theme.h"
#include "trainingpage.h"
#include "trayicon.h"
#include "versiondetailswidget.h"

#include "core/workspace.h"
#include "monitoring/alertbanner.h"
#include "monitoring/monitoringservice.h"
#include "registry/modelcatalog.h"
#include "serving/servinghost.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QComboBox>
#include <QTreeWidget>
#include <QUndoStack>

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
    void everyPageHasANavigationEntry();
    void windowIsNotBlank();
    void errorsGoToTheLogPanel();
    void geometryIsRestored();
    void offScreenWindowComesBack();
    void undoOfAnAliasMoveRestoresTheAlias();
    void undoOfATagEditRestoresTheTag();
    void themeSwitchChangesThePalette();
    void closeToTrayKeepsServing();
    void closeWithoutTraySettingCloses();
    void alertBannerShowsAndClears();
    void finishedRunIsAnnounced();
    void failedImportSaysWhatToDo();
    void dashboardEntriesOpenTheirPages();

private:
    // Imports as the CLI would; false (with the reason logged) when it fails.
    bool importDirect(ModelCatalog &catalog, const QString &file, const QString &model);
    void createWindow();
    // Answers the next modal dialog of type D with `fill`, then accepts it.
    template <typename D>
    void answerNextDialog(std::function<void(D *)> fill);

    TestUi::UiTestFixture m_fx;
    std::unique_ptr<MainWindow> m_window;
};

bool tst_MainWindow::importDirect(ModelCatalog &catalog, const QString &file, const QString &model)
{
    return TestUi::UiTestFixture::importModel(catalog, file, model);
}

void tst_MainWindow::createWindow()
{
    RuntimeInfo runtime;
    runtime.torchVersion = QStringLiteral("1.13.1");
    runtime.blas = ModelDesk::loadedBlas();
    m_window = std::make_unique<MainWindow>(*m_fx.client, *m_fx.host, *m_fx.settings, runtime);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

template <typename D>
void tst_MainWindow::answerNextDialog(std::function<void(D *)> fill)
{
    // Polls until the dialog is up (exec() has started its own event loop), then answers it.
    auto *timer = new QTimer(this);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, this, [timer, fill] {
        auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        fill(dialog);
        dialog->accept();
    });
    timer->start();
}

void tst_MainWindow::init()
{
    cleanup(); // Qt Test skips cleanup() when init() failed: never leave a client polling a dead catalog
    MODELDESK_REQUIRE_TEST_MODELS();
    TestUi::UiTestFixture::Options options;
    options.childValidator = true;
    QVERIFY(m_fx.open(options));
    QVERIFY(importDirect(*m_fx.catalog, QStringLiteral("linear.pt"), QStringLiteral("linear")));
    QVERIFY(m_fx.startServices());
    createWindow();
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_fx.reset();
}

void tst_MainWindow::titleNamesWorkspace()
{
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("ModelDesk")));
    QVERIFY2(m_window->windowTitle().contains(m_fx.catalog->workspace().root()), qPrintable(m_window->windowTitle()));
}

void tst_MainWindow::modelsPageShowsImportedModel()
{
    ModelsPage *page = m_window->modelsPage();
    QCOMPARE(m_window->currentPage(), int(MainWindow::DashboardPageIndex)); // home comes first
    m_window->showPage(MainWindow::ModelsPageIndex);
    QCOMPARE(m_window->pages()->currentWidget(), page);
    QTRY_COMPARE(page->tableModel()->rowCount(), 1);
    QCOMPARE(page->proxyModel()->rowCount(), 1);
    const QModelIndex first = page->proxyModel()->index(0, VersionTableModel::ModelColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("linear"));
    QCOMPARE(page->proxyModel()->index(0, VersionTableModel::VersionColumn).data().toInt(), 1);

    // Selecting it fills the details panel, with its digest and the model's audit trail.
    QVERIFY(page->selectVersion(QStringLiteral("linear"), 1));
    QCOMPARE(page->details()->shownModel(), QStringLiteral("linear"));
    QCOMPARE(page->details()->digestText(), m_fx.catalog->registry().version(QStringLiteral("linear"), 1)->digest);
    QTRY_VERIFY(page->details()->auditRowCount() > 0);
}

void tst_MainWindow::changeByAnotherInstanceAppears()
{
    ModelsPage *page = m_window->modelsPage();
    QTRY_COMPARE(page->tableModel()->rowCount(), 1);
    QVERIFY(page->selectVersion(QStringLiteral("linear"), 1));

    // A second ModelCatalog on the same workspace, as the CLI would open it.
    auto cli = m_fx.openCatalog();
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
    QSignalSpy finished(m_fx.client.get(), &CatalogClient::importFinished);
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
    auto cli = m_fx.openCatalog();
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
    QCOMPARE(m_window->currentPage(), int(MainWindow::ModelsPageIndex));
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), int(MainWindow::TrainingPageIndex));
    QCOMPARE(m_window->navigation()->currentRow(), int(MainWindow::TrainingPageIndex));
    QTest::keyClick(m_window.get(), Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), int(MainWindow::SettingsPageIndex));
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), int(MainWindow::DashboardPageIndex));
    QCOMPARE(m_window->pages()->currentWidget(), m_window->dashboardPage());
    // Clicking in the navigation list does the same.
    m_window->navigation()->setCurrentRow(MainWindow::AccessPageIndex);
    QCOMPARE(m_window->pages()->currentIndex(), int(MainWindow::AccessPageIndex));
}

void tst_MainWindow::everyPageHasANavigationEntry()
{
    QCOMPARE(m_window->pages()->count(), int(MainWindow::PageCount));
    QCOMPARE(m_window->navigation()->count(), int(MainWindow::PageCount));
    for (int index = 0; index < MainWindow::PageCount; ++index) {
        const QListWidgetItem *item = m_window->navigation()->item(index);
        QVERIFY(!item->text().isEmpty());
        QVERIFY(!item->icon().isNull());
        QVERIFY2(item->toolTip().contains(QStringLiteral("Ctrl+%1").arg(index + 1)), qPrintable(item->toolTip()));
    }
    QCOMPARE(m_window->navigation()->item(MainWindow::DashboardPageIndex)->text(), QStringLiteral("Dashboard"));
    // High-DPI: the navigation icons carry a 2x pixmap, so they stay crisp at a device pixel ratio of 2.
    const QIcon icon = m_window->navigation()->item(MainWindow::ModelsPageIndex)->icon();
    QVERIFY(icon.availableSizes().contains(QSize(44, 44)));
}

void tst_MainWindow::windowIsNotBlank()
{
    QTRY_COMPARE(m_window->modelsPage()->tableModel()->rowCount(), 1);
    m_window->showPage(MainWindow::ModelsPageIndex);
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
    QSignalSpy failed(m_fx.client.get(), &CatalogClient::operationFailed);
    const int before = m_window->logPanel()->lineCount();
    m_fx.client->deleteVersion(QStringLiteral("linear"), 42);
    QVERIFY(failed.wait());
    QCOMPARE(m_window->logPanel()->lineCount(), before + 1);
    QVERIFY(m_window->logPanel()->text().contains(QStringLiteral("linear:42")));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("linear:42")));
}

void tst_MainWindow::geometryIsRestored()
{
    // A size the pages allow (their minimum widths add up), other than the default one.
    const QSize wanted = QSize(900, 640).expandedTo(m_window->minimumSizeHint()) + QSize(17, 9);
    m_window->resize(wanted);
    m_window->move(40, 30);
    m_window->showPage(MainWindow::SettingsPageIndex);
    QVERIFY(m_window->close()); // saves
    m_window.reset();
    createWindow();
    QCOMPARE(m_window->size(), wanted);
    QCOMPARE(m_window->currentPage(), int(MainWindow::SettingsPageIndex));
}

void tst_MainWindow::offScreenWindowComesBack()
{
    // Saved on a screen that is gone (a second monitor unplugged): far beyond every screen now.
    m_window->resize(900, 640);
    m_window->move(30000, 20000);
    QVERIFY(m_window->close());
    m_window.reset();
    createWindow();
    const QRect frame = m_window->frameGeometry();
    bool visible = false;
    for (const QScreen *screen : QGuiApplication::screens())
        visible = visible || screen->availableGeometry().intersects(frame);
    QVERIFY2(visible, qPrintable(QStringLiteral("window at %1,%2").arg(frame.x()).arg(frame.y())));
}

void tst_MainWindow::undoOfAnAliasMoveRestoresTheAlias()
{
    auto cli = m_fx.openCatalog();
    QVERIFY(importDirect(*cli, QStringLiteral("mlp.pt"), QStringLiteral("linear"))); // linear:2
    QVERIFY(cli->registry().setAlias(QStringLiteral("linear"), QStringLiteral("production"), 1, QStringLiteral("cli-user")));
    ModelsPage *page = m_window->modelsPage();
    m_window->showPage(MainWindow::ModelsPageIndex);
    QTRY_COMPARE_WITH_TIMEOUT(page->tableModel()->rowCount(), 2, 10000);
    QTRY_VERIFY(page->selectVersion(QStringLiteral("linear"), 2));
    // The page decides what undo puts back from what it shows: wait until it shows production on 1.
    QTRY_VERIFY(std::any_of(m_fx.client->snapshot().versions.cbegin(), m_fx.client->snapshot().versions.cend(), [](const auto &v) {
        return v.model == QLatin1String("linear") && v.version == 1 && v.aliases.contains(QStringLiteral("production"));
    }));
    const auto production = [this] {
        const auto v = m_fx.catalog->registry().resolve(QStringLiteral("linear"), QStringLiteral("production"));
        return v ? v->version : 0;
    };

    // Move production to version 2 the way an operator does: Set Alias on the selected row.
    answerNextDialog<NameDialog>([](NameDialog *d) { d->setName(QStringLiteral("production")); });
    QAction *setAlias = nullptr;
    for (QAction *a : page->findChildren<QAction *>()) {
        if (a->text() == page->tr("Set &Alias…"))
            setAlias = a;
    }
    QVERIFY(setAlias && setAlias->isEnabled());
    setAlias->trigger();
    QTRY_COMPARE(production(), 2);
    QCOMPARE(m_window->undoStack()->count(), 1);
    QVERIFY(m_window->undoStack()->undoText().contains(QStringLiteral("linear@production")));

    // Ctrl+Z puts it back on version 1, Ctrl+Shift+Z moves it again.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    page->view()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(production(), 1);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(production(), 2);

    // Undoing the creation of a new alias removes it.
    m_window->undoStack()->undo();
    QTRY_COMPARE(production(), 1);
    QVERIFY(page->selectVersion(QStringLiteral("linear"), 2));
    answerNextDialog<NameDialog>([](NameDialog *d) { d->setName(QStringLiteral("staging")); });
    setAlias->trigger();
    QTRY_VERIFY(m_fx.catalog->registry().resolve(QStringLiteral("linear"), QStringLiteral("staging")).has_value());
    m_window->undoStack()->undo();
    QTRY_VERIFY(!m_fx.catalog->registry().resolve(QStringLiteral("linear"), QStringLiteral("staging")).has_value());
    QCOMPARE(production(), 1);
}

void tst_MainWindow::undoOfATagEditRestoresTheTag()
{
    QVERIFY(m_fx.catalog->registry().setTag(QStringLiteral("linear"), 1, QStringLiteral("stage"), QStringLiteral("test"),
                                         QStringLiteral("cli-user")));
    ModelsPage *page = m_window->modelsPage();
    m_window->showPage(MainWindow::ModelsPageIndex);
    QTRY_VERIFY(page->selectVersion(QStringLiteral("linear"), 1));
    QTRY_COMPARE(page->selectedVersion()->tags.value(QStringLiteral("stage")), QStringLiteral("test"));
    const auto tags = [this] {
        const auto v = m_fx.catalog->registry().version(QStringLiteral("linear"), 1);
        return v ? v->tags : QMap<QString, QString>{};
    };
    QAction *setTag = nullptr;
    for (QAction *a : page->findChildren<QAction *>()) {
        if (a->text() == page->tr("Set &Tag…"))
            setTag = a;
    }
    QVERIFY(setTag);
    answerNextDialog<TagDialog>([](TagDialog *d) { d->setTag(QStringLiteral("stage"), QStringLiteral("live")); });
    setTag->trigger();
    QTRY_COMPARE(tags().value(QStringLiteral("stage")), QStringLiteral("live"));
    m_window->undoStack()->undo();
    QTRY_COMPARE(tags().value(QStringLiteral("stage")), QStringLiteral("test"));

    answerNextDialog<TagDialog>([](TagDialog *d) { d->setTag(QStringLiteral("owner"), QStringLiteral("ops")); });
    QTRY_VERIFY(page->selectVersion(QStringLiteral("linear"), 1));
    setTag->trigger();
    QTRY_VERIFY(tags().contains(QStringLiteral("owner")));
    m_window->undoStack()->undo();
    QTRY_VERIFY(!tags().contains(QStringLiteral("owner")));
    QCOMPARE(tags().value(QStringLiteral("stage")), QStringLiteral("test"));
}

void tst_MainWindow::themeSwitchChangesThePalette()
{
    m_window->applyTheme(QStringLiteral("dark"));
    QVERIFY(Theme::isDark(QApplication::palette()));
    QVERIFY(Theme::isDark(m_window->palette()));
    QVERIFY(m_window->modelsPage()->view()->palette().color(QPalette::Base).lightness() < 128);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    const QImage dark = m_window->grab().toImage();

    m_window->applyTheme(QStringLiteral("light"));
    QVERIFY(!Theme::isDark(QApplication::palette()));
    QVERIFY(!Theme::isDark(m_window->palette()));
    const QImage light = m_window->grab().toImage();
    QVERIFY(dark != light);
    // The colour of a point of the page background follows the theme.
    const QPoint probe(m_window->width() - 20, m_window->height() / 2);
    QVERIFY(QColor(dark.pixel(probe)).lightness() < QColor(light.pixel(probe)).lightness());

    // The Settings page's choice applies at once and is kept for the next start.
    auto *settingsPage = qobject_cast<SettingsPage *>(m_window->pages()->widget(MainWindow::SettingsPageIndex));
    QVERIFY(settingsPage);
    settingsPage->themeBox()->setCurrentIndex(settingsPage->themeBox()->findData(QStringLiteral("dark")));
    QVERIFY(Theme::isDark(QApplication::palette()));
    QVERIFY(Theme::isDark(m_window->palette()));
    QCOMPARE(m_fx.settings->value(Theme::settingsKey()).toString(), QStringLiteral("dark"));
    settingsPage->themeBox()->setCurrentIndex(settingsPage->themeBox()->findData(QStringLiteral("light")));
    QVERIFY(!Theme::isDark(m_window->palette()));

    // "system" resolves to one of the two (the offscreen platform's palette is light).
    m_window->applyTheme(QStringLiteral("system"));
    QCOMPARE(Theme::isDark(QApplication::palette()), Theme::resolve(QStringLiteral("system")) == Theme::Mode::Dark);
    m_window->applyTheme(QStringLiteral("light"));
}

void tst_MainWindow::closeToTrayKeepsServing()
{
    m_fx.settings->setValue(MainWindow::closeToTrayKey(), true);
    m_window->forceTrayIcon(); // the offscreen platform reports no tray
    QVERIFY(m_fx.host->startServer().has_value());
    QVERIFY(m_window->closesToTray());
    QSignalSpy lastClosed(qApp, &QGuiApplication::lastWindowClosed);
    QSignalSpy quit(m_window.get(), &MainWindow::quitRequested);

    QVERIFY(!m_window->close()); // refused: hidden instead
    QVERIFY(m_window->isHidden());
    QCOMPARE(lastClosed.count(), 0);
    QCOMPARE(quit.count(), 0);
    QVERIFY(!QGuiApplication::quitOnLastWindowClosed());
    QVERIFY(m_fx.host->isServerRunning());
    QVERIFY(m_window->trayIcon()->isVisible());
    QTRY_VERIFY(m_window->trayIcon()->trayIcon()->toolTip().contains(m_fx.host->serverUrl())); // polled once a second

    // The server still answers with the window closed.
    QNetworkAccessManager http;
    std::unique_ptr<QNetworkReply> reply(http.get(QNetworkRequest(QUrl(m_fx.host->serverUrl() + QStringLiteral("/v2/health/live")))));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    // The tray brings the window back, and its Quit ends the application.
    m_window->trayIcon()->showAction()->trigger();
    QVERIFY(m_window->isVisible());
    QVERIFY(QGuiApplication::quitOnLastWindowClosed());
    m_window->trayIcon()->quitAction()->trigger();
    QCOMPARE(quit.count(), 1);
    m_fx.host->stopServer();
}

void tst_MainWindow::closeWithoutTraySettingCloses()
{
    m_window->forceTrayIcon();
    QVERIFY(!m_window->closesToTray()); // the setting defaults to off
    QVERIFY(m_window->close());
    QVERIFY(m_window->isHidden());
}

void tst_MainWindow::alertBannerShowsAndClears()
{
    AlertBanner *banner = m_window->alertBanner();
    QVERIFY(banner->isHidden());
    m_window->showAlertBanner(QStringLiteral("latency_p99 of linear above 5 ms"), QStringLiteral("critical"));
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("latency_p99")));
    m_window->clearAlertBanner(QStringLiteral("latency_p99 of linear above 5 ms"));
    QVERIFY(banner->isHidden());

    // The monitoring alerts reach it by themselves.
    Monitoring::AlertRule rule;
    rule.name = QStringLiteral("always-threads");
    rule.series = QStringLiteral("process_threads");
    rule.threshold = 0;
    m_fx.host->monitoring().addAlertRule(rule);
    QTRY_VERIFY_WITH_TIMEOUT(banner->alertCount() == 1, 15000);
    QVERIFY(banner->isVisible());
    QTRY_VERIFY(m_window->logPanel()->text().contains(QStringLiteral("Alert:")));
    m_fx.host->monitoring().removeAlertRule(rule.name);
    QTRY_VERIFY_WITH_TIMEOUT(banner->alertCount() == 0, 15000);
}

void tst_MainWindow::finishedRunIsAnnounced()
{
    auto *training = qobject_cast<TrainingPage *>(m_window->pages()->widget(MainWindow::TrainingPageIndex));
    QVERIFY(training);
    Q_EMIT training->runFinished(QStringLiteral("20261128-170000-ab12"), true, QStringLiteral("test accuracy 0.91"));
    QVERIFY(m_window->logPanel()->text().contains(QStringLiteral("20261128-170000-ab12")));
    QVERIFY(m_window->logPanel()->text().contains(QStringLiteral("test accuracy 0.91")));
    Q_EMIT training->runFinished(QStringLiteral("20261128-170100-cd34"), false, QStringLiteral("cancelled"));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("20261128-170100-cd34")));
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Warning:")));
}

void tst_MainWindow::failedImportSaysWhatToDo()
{
    m_window->showPage(MainWindow::ModelsPageIndex);
    QString informative;
    answerNextDialog<QMessageBox>([&informative](QMessageBox *box) { informative = box->informativeText(); });
    QSignalSpy failed(m_fx.client.get(), &CatalogClient::importFailed);
    QVERIFY(m_window->modelsPage()->importFileAs(TestData::modelPath(QStringLiteral("random.bin")), QStringLiteral("noise"), {}));
    QVERIFY(failed.wait(60000));
    QTRY_VERIFY(!informative.isEmpty());
    QVERIFY2(informative.contains(QStringLiteral("torch.jit.save")), qPrintable(informative));
    QVERIFY(m_window->logPanel()->text().contains(QStringLiteral("Import failed")));
    QVERIFY(m_window->modelsPage()->importAction()->isEnabled()); // ready for the next try
}

void tst_MainWindow::dashboardEntriesOpenTheirPages()
{
    DashboardPage *dashboard = m_window->dashboardPage();
    QCOMPARE(m_window->currentPage(), int(MainWindow::DashboardPageIndex));

    // An audit entry about a version opens it on the Models page.
    QTRY_VERIFY(dashboard->auditView()->topLevelItemCount() > 0);
    QTreeWidgetItem *versionEntry = nullptr;
    for (int i = 0; i < dashboard->auditView()->topLevelItemCount(); ++i) {
        if (dashboard->auditView()->topLevelItem(i)->text(3) == QLatin1String("linear:1"))
            versionEntry = dashboard->auditView()->topLevelItem(i);
    }
    QVERIFY(versionEntry);
    QTRY_COMPARE(m_fx.client->snapshot().versions.size(), 1);
    Q_EMIT dashboard->auditView()->itemActivated(versionEntry, 0);
    QCOMPARE(m_window->currentPage(), int(MainWindow::ModelsPageIndex));
    QVERIFY(m_window->modelsPage()->selectedVersion().has_value());
    QCOMPARE(m_window->modelsPage()->selectedVersion()->version, 1);

    // A deployment opens the Deployments page with it selected.
    m_window->showPage(MainWindow::DashboardPageIndex);
    Runtime::DeploymentSpec spec;
    spec.name = QStringLiteral("linear-endpoint");
    spec.model = QStringLiteral("linear");
    spec.version = 1;
    QVERIFY(m_fx.host->runtime().deploy(spec, QStringLiteral("tester")).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->deploymentsView()->topLevelItemCount() == 1, 10000);
    Q_EMIT dashboard->deploymentsView()->itemActivated(dashboard->deploymentsView()->topLevelItem(0), 0);
    QCOMPARE(m_window->currentPage(), int(MainWindow::DeploymentsPageIndex));
    auto *deployments = qobject_cast<DeploymentsPage *>(m_window->pages()->currentWidget());
    QVERIFY(deployments);
    QTRY_COMPARE(deployments->selectedName(), spec.name);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
