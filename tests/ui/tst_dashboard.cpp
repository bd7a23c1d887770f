// The Dashboard over a real catalog and a real ServingHost: a deployment made through runtime() is
// listed with its state, the import's audit event and a run record appear, a change by another
// catalog instance (as the CLI would make it) shows up without a restart, an alert that fires is
// listed, and activating an entry asks for its page.

#include "dashboardpage.h"
#include "uitestfixture.h"

#include "core/workspace.h"
#include "monitoring/monitoringservice.h"
#include "registry/modelcatalog.h"
#include "serving/servinghost.h"

#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ModelDesk;
using Registry::ModelCatalog;

namespace {

QStringList column(const QTreeWidget *view, int c)
{
    QStringList texts;
    for (int i = 0; i < view->topLevelItemCount(); ++i)
        texts << view->topLevelItem(i)->text(c);
    return texts;
}

QTreeWidgetItem *rowWith(const QTreeWidget *view, int c, const QString &text)
{
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        if (view->topLevelItem(i)->text(c) == text)
            return view->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class tst_Dashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyStatesSayWhatToDo();
    void listsADeploymentMadeThroughTheRuntime();
    void listsAuditEventsAndRuns();
    void changeByAnotherInstanceAppears();
    void firedAlertIsListed();
    void entriesAskForTheirPage();
    void serverStripShowsStateAndToggles();

private:
    TestUi::UiTestFixture m_fx;
    std::unique_ptr<DashboardPage> m_page;
};

void tst_Dashboard::init()
{
    cleanup();
    MODELDESK_REQUIRE_TEST_MODELS();
    QVERIFY(m_fx.open());
    QVERIFY(m_fx.importModel(QStringLiteral("linear.pt"), QStringLiteral("linear")));
    QVERIFY(m_fx.startServices());
    m_page = std::make_unique<DashboardPage>(*m_fx.client, *m_fx.host);
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void tst_Dashboard::cleanup()
{
    m_page.reset(); // waits for a read in progress: before the host goes
    m_fx.reset();
}

void tst_Dashboard::emptyStatesSayWhatToDo()
{
    QTRY_VERIFY(m_page->loadCount() > 0);
    QVERIFY(m_page->deploymentsView()->isHidden());
    QVERIFY(m_page->runsView()->isHidden());
    const auto labels = m_page->findChildren<QLabel *>();
    const auto says = [&](const QString &part) {
        return std::any_of(labels.cbegin(), labels.cend(),
                           [&](QLabel *l) { return l->isVisible() && l->text().contains(part); });
    };
    QVERIFY(says(QStringLiteral("Deployments page")));
    QVERIFY(says(QStringLiteral("Training page")));
}

void tst_Dashboard::listsADeploymentMadeThroughTheRuntime()
{
    Runtime::DeploymentSpec spec;
    spec.name = QStringLiteral("linear-endpoint");
    spec.model = QStringLiteral("linear");
    spec.version = 1;
    const auto deployed = m_fx.host->runtime().deploy(spec, QStringLiteral("tester"));
    QVERIFY2(deployed.has_value(), deployed ? "" : qPrintable(deployed.error().message));
    const auto ready = m_fx.host->runtime().waitReady(spec.name, std::chrono::seconds(60));
    QVERIFY2(ready.has_value(), ready ? "" : qPrintable(ready.error().message));

    QTRY_VERIFY_WITH_TIMEOUT(rowWith(m_page->deploymentsView(), 0, spec.name) != nullptr, 10000);
    QVERIFY(m_page->deploymentsView()->isVisible());
    QTreeWidgetItem *row = rowWith(m_page->deploymentsView(), 0, spec.name);
    QCOMPARE(row->text(1), QStringLiteral("linear:1"));
    QTRY_COMPARE(rowWith(m_page->deploymentsView(), 0, spec.name)->text(2), QStringLiteral("Ready"));
    QCOMPARE(m_page->deployments().size(), 1);
    QCOMPARE(m_page->deployments().constFirst().spec.name, spec.name);

    // Removing it empties the list again.
    QVERIFY(m_fx.host->runtime().remove(spec.name, QStringLiteral("tester")).has_value());
    QTRY_VERIFY(m_page->deploymentsView()->isHidden());
}

void tst_Dashboard::listsAuditEventsAndRuns()
{
    // The import's own audit trail (model.create, version.create by cli-user).
    QTRY_VERIFY(column(m_page->auditView(), 3).contains(QStringLiteral("linear:1")));
    QVERIFY(column(m_page->auditView(), 1).contains(QStringLiteral("cli-user")));

    RunRecord run;
    run.id = QStringLiteral("20261128-131500-ab12");
    run.state = QStringLiteral("finished");
    run.model = QStringLiteral("linear");
    run.version = 1;
    QVERIFY(m_fx.catalog->registry().createRun(run, QStringLiteral("tester")).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(rowWith(m_page->runsView(), 0, run.id) != nullptr, 10000);
    QTreeWidgetItem *row = rowWith(m_page->runsView(), 0, run.id);
    QCOMPARE(row->text(1), QStringLiteral("Finished"));
    QCOMPARE(row->text(2), QStringLiteral("linear:1"));
    QVERIFY(m_page->runsView()->isVisible());
}

void tst_Dashboard::changeByAnotherInstanceAppears()
{
    QTRY_VERIFY(m_page->loadCount() > 0);
    auto cli = m_fx.openCatalog();
    QVERIFY(cli->registry().setAlias(QStringLiteral("linear"), QStringLiteral("production"), 1,
                                     QStringLiteral("other-user")).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(column(m_page->auditView(), 3).contains(QStringLiteral("linear@production")), 10000);
    QCOMPARE(m_page->auditView()->topLevelItem(0)->text(1), QStringLiteral("other-user")); // newest first
    QVERIFY(m_page->auditView()->topLevelItemCount() <= DashboardPage::recentCount);
}

void tst_Dashboard::firedAlertIsListed()
{
    QTRY_VERIFY(m_page->loadCount() > 0);
    QVERIFY(m_page->alertsView()->isHidden());
    Monitoring::AlertRule rule;
    rule.name = QStringLiteral("always-threads");
    rule.series = QStringLiteral("process_threads");
    rule.comparison = Monitoring::AlertRule::Comparison::Above;
    rule.threshold = 0; // a running process always has threads: fires at the next sample
    m_fx.host->monitoring().addAlertRule(rule);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->alertsView()->topLevelItemCount() == 1, 15000);
    QVERIFY(m_page->alertsView()->isVisible());
    QVERIFY(!m_page->alertsView()->topLevelItem(0)->text(0).isEmpty());

    m_fx.host->monitoring().removeAlertRule(rule.name);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->alertsView()->topLevelItemCount() == 0, 15000);
}

void tst_Dashboard::entriesAskForTheirPage()
{
    QTRY_VERIFY(m_page->auditView()->topLevelItemCount() > 0);
    QSignalSpy audit(m_page.get(), &DashboardPage::auditActivated);
    QTreeWidgetItem *item = rowWith(m_page->auditView(), 3, QStringLiteral("linear:1"));
    QVERIFY(item);
    Q_EMIT m_page->auditView()->itemActivated(item, 0);
    QCOMPARE(audit.count(), 1);
    QCOMPARE(audit.at(0).at(0).toString(), QStringLiteral("linear:1"));

    // Keyboard: Enter on the current row of the list.
    m_page->auditView()->setFocus();
    m_page->auditView()->setCurrentItem(item);
    QTest::keyClick(m_page->auditView(), Qt::Key_Return);
    QCOMPARE(audit.count(), 2);
}

void tst_Dashboard::serverStripShowsStateAndToggles()
{
    auto *button = m_page->findChild<QPushButton *>(QStringLiteral("serverButton"));
    QVERIFY(button);
    QSignalSpy toggle(m_page.get(), &DashboardPage::serverToggleRequested);
    m_page->setServerState(false, {});
    QCOMPARE(m_page->serverLabel()->text(), QStringLiteral("Stopped"));
    button->click();
    QCOMPARE(toggle.count(), 1);
    QCOMPARE(toggle.at(0).at(0).toBool(), true);
    m_page->setServerState(true, QStringLiteral("http://127.0.0.1:5555"));
    QCOMPARE(m_page->serverLabel()->text(), QStringLiteral("Running"));
    button->click();
    QCOMPARE(toggle.at(1).at(0).toBool(), false);
}

QTEST_MAIN(tst_Dashboard)
#include "tst_dashboard.moc"
