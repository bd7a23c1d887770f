// The command palette: the fuzzy matcher ranks what a person means first, and in the real
// MainWindow over a real catalog Ctrl+K opens it, a few letters of a model's name find it, and
// Enter navigates to it on the Models page; pages and actions are found the same way.

#include "uitestfixture.h"
#include "commandpalette.h"
#include "mainwindow.h"
#include "modelspage.h"
#include "testmodels.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "serving/servinghost.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using Registry::ModelCatalog;

class tst_CommandPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fuzzyScore_data();
    void fuzzyScore();
    void ranksWordStartsAndPrefixesFirst();
    void enterRunsTheBestMatch();
    void findsAModelByFuzzyTextAndNavigates();
    void findsPagesActionsAndVersions();
    void cleanup();

private:
    void createWindow();

    TestUi::UiTestFixture m_fx;
    std::unique_ptr<MainWindow> m_window;
};

void tst_CommandPalette::fuzzyScore_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::newRow("empty") << QString() << QStringLiteral("anything") << true;
    QTest::newRow("prefix") << QStringLiteral("fash") << QStringLiteral("fashion-mnist") << true;
    QTest::newRow("subsequence") << QStringLiteral("fshmn") << QStringLiteral("fashion-mnist") << true;
    QTest::newRow("case") << QStringLiteral("FASH") << QStringLiteral("fashion") << true;
    QTest::newRow("spaces ignored") << QStringLiteral("fash mn") << QStringLiteral("fashion-mnist") << true;
    QTest::newRow("out of order") << QStringLiteral("mf") << QStringLiteral("fashion") << false;
    QTest::newRow("missing letter") << QStringLiteral("fashz") << QStringLiteral("fashion") << false;
    QTest::newRow("longer than text") << QStringLiteral("linear-x") << QStringLiteral("linear") << false;
}

void tst_CommandPalette::fuzzyScore()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(CommandPalette::fuzzyScore(pattern, text).has_value(), matches);
}

void tst_CommandPalette::ranksWordStartsAndPrefixesFirst()
{
    const auto score = [](const char *p, const char *t) {
        return CommandPalette::fuzzyScore(QString::fromUtf8(p), QString::fromUtf8(t)).value_or(-1000);
    };
    QVERIFY(score("dep", "Deployments") > score("dep", "model-deprecated"));
    QVERIFY(score("fm", "fashion-mnist") > score("fm", "transformer"));
    QVERIFY(score("lin", "linear") > score("lin", "pipeline"));
    QVERIFY(score("set", "Settings") > score("set", "Reset Demo"));
}

void tst_CommandPalette::enterRunsTheBestMatch()
{
    CommandPalette palette;
    int ran = -1;
    QList<PaletteEntry> entries;
    const QStringList names{QStringLiteral("Models"), QStringLiteral("Monitoring"), QStringLiteral("Settings")};
    for (int i = 0; i < names.size(); ++i) {
        PaletteEntry e;
        e.kind = PaletteEntry::Kind::Page;
        e.text = names.at(i);
        e.run = [&ran, i] { ran = i; };
        entries << e;
    }
    palette.setEntries(entries);
    palette.popUp();
    QCOMPARE(palette.shownTexts(), names); // empty search: the given order
    QTest::keyClicks(palette.searchEdit(), QStringLiteral("mntr"));
    QCOMPARE(palette.shownTexts(), QStringList{QStringLiteral("Monitoring")});
    QTest::keyClick(palette.searchEdit(), Qt::Key_Return);
    QVERIFY(palette.isHidden());
    QTRY_COMPARE(ran, 1);

    // Nothing matches: Enter does nothing and the hint says so.
    palette.popUp();
    QTest::keyClicks(palette.searchEdit(), QStringLiteral("zzz"));
    QVERIFY(palette.shownTexts().isEmpty());
    QVERIFY(!palette.runSelected());
}

void tst_CommandPalette::createWindow()
{
    MODELDESK_REQUIRE_TEST_MODELS();
    QVERIFY(m_fx.open());
    QVERIFY(m_fx.importModel(QStringLiteral("linear.pt"), QStringLiteral("linear")));
    QVERIFY(m_fx.importModel(QStringLiteral("mlp.pt"), QStringLiteral("fashion-mnist")));
    QVERIFY(m_fx.importModel(QStringLiteral("mlp_v2.pt"), QStringLiteral("fashion-mnist")));
    QVERIFY(m_fx.catalog->registry().setAlias(QStringLiteral("fashion-mnist"), QStringLiteral("production"), 1,
                                           QStringLiteral("cli-user")).has_value());
    QVERIFY(m_fx.startServices());
    RuntimeInfo runtime;
    m_window = std::make_unique<MainWindow>(*m_fx.client, *m_fx.host, *m_fx.settings, runtime);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_fx.client->snapshot().versions.size(), 3);
}

void tst_CommandPalette::cleanup()
{
    m_window.reset();
    m_fx.reset();
}

void tst_CommandPalette::findsAModelByFuzzyTextAndNavigates()
{
    createWindow();
    if (QTest::currentTestFailed() || !m_window)
        return;
    QCOMPARE(m_window->currentPage(), int(MainWindow::DashboardPageIndex));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    CommandPalette *palette = m_window->commandPalette();
    QTRY_VERIFY(palette->isVisible());
    QTest::keyClicks(palette->searchEdit(), QStringLiteral("fshmnst"));
    const QStringList shown = palette->shownTexts();
    QVERIFY2(!shown.isEmpty(), "nothing found");
    QCOMPARE(shown.constFirst(), QStringLiteral("fashion-mnist")); // the model before its versions
    QVERIFY(shown.contains(QStringLiteral("fashion-mnist:1")));
    QVERIFY(!shown.contains(QStringLiteral("linear")));
    QTest::keyClick(palette->searchEdit(), Qt::Key_Return);
    QTRY_COMPARE(m_window->currentPage(), int(MainWindow::ModelsPageIndex));
    // The model's latest version is selected.
    QTRY_VERIFY(m_window->modelsPage()->selectedVersion().has_value());
    QCOMPARE(m_window->modelsPage()->selectedVersion()->model, QStringLiteral("fashion-mnist"));
    QCOMPARE(m_window->modelsPage()->selectedVersion()->version, 2);
}

void tst_CommandPalette::findsPagesActionsAndVersions()
{
    createWindow();
    if (QTest::currentTestFailed() || !m_window)
        return;
    CommandPalette *palette = m_window->commandPalette();

    // An alias finds its version (the detail is matched too), and Enter selects it.
    m_window->openCommandPalette();
    QTest::keyClicks(palette->searchEdit(), QStringLiteral("@production"));
    QCOMPARE(palette->shownTexts().value(0), QStringLiteral("fashion-mnist:1"));
    QTest::keyClick(palette->searchEdit(), Qt::Key_Enter);
    QTRY_VERIFY(m_window->modelsPage()->selectedVersion().has_value()
                && m_window->modelsPage()->selectedVersion()->version == 1);

    // Name and alias together, abbreviated; Ctrl+Shift+P opens the palette too.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->modelsPage()->view()->setFocus();
    QTRY_VERIFY(m_window->modelsPage()->view()->hasFocus());
    QTest::keyClick(m_window->modelsPage()->view(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(palette->isVisible());
    QTest::keyClicks(palette->searchEdit(), QStringLiteral("fshprod"));
    QCOMPARE(palette->shownTexts(), QStringList{QStringLiteral("fashion-mnist:1")});
    QTest::keyClick(palette->searchEdit(), Qt::Key_Escape);

    // A page by its name.
    m_window->openCommandPalette();
    QTest::keyClicks(palette->searchEdit(), QStringLiteral("sett"));
    QCOMPARE(palette->shownTexts().value(0), QStringLiteral("Settings"));
    QTest::keyClick(palette->searchEdit(), Qt::Key_Return);
    QTRY_COMPARE(m_window->currentPage(), int(MainWindow::SettingsPageIndex));

    // Menu actions are there, with their shortcuts; Escape closes without running anything.
    m_window->openCommandPalette();
    QTest::keyClicks(palette->searchEdit(), QStringLiteral("log panel"));
    QVERIFY(palette->shownTexts().contains(QStringLiteral("Log Panel")));
    QTest::keyClick(palette->searchEdit(), Qt::Key_Escape);
    QTRY_VERIFY(palette->isHidden());
    QCOMPARE(m_window->currentPage(), int(MainWindow::SettingsPageIndex));
}

QTEST_MAIN(tst_CommandPalette)
#include "tst_commandpalette.moc"
