// The Monitoring page over a real catalog (QTemporaryDir) and a real ServingHost (history in memory,
// HTTP on port 0): the empty state with live machine charts, a deployed linear.pt answering
// requests through runtime().infer() shows up in its tile (QPS > 0) and in the latency chart, a tile
// click picks the deployment for the charts, an alert rule that fires is listed, raises the banner
// and emits alertRaised (and clears when the rule goes), and the exports hold the charts.

#include "uitestfixture.h"
#include "monitoring/alertbanner.h"
#include "monitoring/alertruledialog.h"
#include "monitoring/alertrulesdialog.h"
#include "monitoring/metrictile.h"
#include "monitoring/overviewtiles.h"
#include "monitoringpage.h"
#include "testmodels.h"

#include "core/workspace.h"
#include "monitoring/monitoringservice.h"
#include "registry/modelcatalog.h"
#include "serving/servinghost.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <atomic>
#include <cstring>

using namespace ModelDesk;
using Monitoring::SeriesKey;
using Registry::ModelCatalog;

class tst_MonitoringPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyStateKeepsMachineChartsLive();
    void trafficShowsInTileAndCharts();
    void tileClickSelectsDeployment();
    void longWindowsSayHistoryIsNotKept();
    void pauseFreezesAllCharts();
    void firingRuleIsListedAndRaised();
    void rulesDialogListsRules();
    void ruleFormSaysWhatIsWrong();
    void exportsHoldTheCharts();
    void closingWithHistoryPendingIsSafe();
    void hiddenPageOnlyCollects();
    void tileWidthDoesNotShrinkWithShorterValues();

private:
    bool deploy(const QString &name);
    // Sends n requests to linear.pt's deployment and waits for every answer; the number that succeeded.
    int sendRequests(const QString &deployment, int n);

    TestUi::UiTestFixture m_fx;
    std::unique_ptr<MonitoringPage> m_page;
};

void tst_MonitoringPage::init()
{
    cleanup();
    const QString unavailable = TestData::modelsUnavailableReason();
    if (!unavailable.isEmpty())
        QSKIP(qPrintable(unavailable));
    TestUi::UiTestFixture::Options options;
    options.childValidator = true;
    options.persistDeployments = false;
    QVERIFY(m_fx.open(options));
    QVERIFY(m_fx.importModel(QStringLiteral("linear.pt"), QStringLiteral("linear"), nullptr, QStringLiteral("tester")));
    QVERIFY(m_fx.startServices());
    m_page = std::make_unique<MonitoringPage>(*m_fx.client, *m_fx.host);
    m_page->resize(1300, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void tst_MonitoringPage::cleanup()
{
    m_page.reset();
    m_fx.reset();
}

bool tst_MonitoringPage::deploy(const QString &name)
{
    Runtime::DeploymentSpec spec;
    spec.name = name;
    spec.model = QStringLiteral("linear");
    spec.version = 1;
    const auto deployed = m_fx.host->runtime().deploy(spec, QStringLiteral("tester"));
    if (!deployed) {
        qWarning("deploy: %s", qPrintable(deployed.error().message));
        return false;
    }
    const auto ready = m_fx.host->runtime().waitReady(name, std::chrono::seconds(60));
    if (!ready)
        qWarning("waitReady: %s", qPrintable(ready.error().message));
    return ready.has_value();
}

int tst_MonitoringPage::sendRequests(const QString &deployment, int n)
{
    auto answered = std::make_shared<std::atomic<int>>(0);
    auto succeeded = std::make_shared<std::atomic<int>>(0);
    const float row[4] = {0.5f, -1.0f, 2.0f, 0.25f};
    for (int i = 0; i < n; ++i) {
        Runtime::InferRequest r;
        r.deployment = deployment;
        r.id = QString::number(i);
        Runtime::Tensor x;
        x.name = QStringLiteral("x");
        x.dtype = Runtime::DataType::Float32;
        x.shape = {1, 4};
        x.data = QByteArray(reinterpret_cast<const char *>(row), sizeof row);
        r.inputs.push_back(std::move(x));
        m_fx.host->runtime().infer(std::move(r), [answered, succeeded](Runtime::InferResult result) {
            if (result)
                ++*succeeded;
            else
                qWarning("infer: %s", qPrintable(result.error().error.message));
            ++*answered;
        });
    }
    [&] { QTRY_COMPARE_WITH_TIMEOUT(answered->load(), n, 30000); }();
    return succeeded->load();
}

void tst_MonitoringPage::emptyStateKeepsMachineChartsLive()
{
    QVERIFY(m_page->isEmptyStateShown());
    QVERIFY(m_page->charts()->chart(QStringLiteral("latency"))->isHidden());
    QVERIFY(!m_page->charts()->chart(QStringLiteral("machine_cpu"))->isHidden());
    m_fx.host->monitoring().sampleNow();
    const QString cpuLine = MonitoringCharts::lineId(SeriesKey{QStringLiteral("machine_cpu_percent"), {}, 0, {}});
    QTRY_VERIFY(!m_page->charts()->chart(QStringLiteral("machine_cpu"))->points(cpuLine).isEmpty());
    QTRY_VERIFY(m_page->charts()->chart(QStringLiteral("machine_cpu"))->shownPointCount(cpuLine) > 0);
    QTRY_VERIFY(m_page->tiles()->machineTile()->number(QStringLiteral("used")).value_or(0) > 0);
    QTRY_VERIFY(m_page->tiles()->processTile()->number(QStringLiteral("rss")).value_or(0) > 0);
    QVERIFY(m_page->tiles()->deploymentNames().isEmpty());
}

void tst_MonitoringPage::trafficShowsInTileAndCharts()
{
    QVERIFY(deploy(QStringLiteral("lin")));
    QCOMPARE(sendRequests(QStringLiteral("lin"), 20), 20);
    m_fx.host->monitoring().sampleNow();

    QTRY_VERIFY(m_page->deploymentTile(QStringLiteral("lin")));
    MetricTile *tile = m_page->deploymentTile(QStringLiteral("lin"));
    QTRY_VERIFY_WITH_TIMEOUT(tile->number(QStringLiteral("qps")).value_or(0) > 0, 10000);
    QVERIFY(tile->state().startsWith(QStringLiteral("ready")));
    QVERIFY(tile->number(QStringLiteral("p99")).has_value());
    QVERIFY(!m_page->isEmptyStateShown());

    // The version is picked for the charts by default and its latency lines gain points.
    QCOMPARE(m_page->shownVersions(), (QList<VersionRef>{{QStringLiteral("lin"), 1}}));
    TimeSeriesChart *latency = m_page->charts()->chart(QStringLiteral("latency"));
    QVERIFY(!latency->isHidden());
    const QString p99 = MonitoringCharts::lineId(SeriesKey{QStringLiteral("latency_p99"), QStringLiteral("lin"), 1, {}});
    QVERIFY(latency->hasLine(p99));
    QCOMPARE(latency->lineLabel(p99), QStringLiteral("lin v1 p99"));
    QTRY_VERIFY(!latency->points(p99).isEmpty());
    QTRY_VERIFY(latency->shownPointCount(p99) > 0);
    // Latency is drawn in ms: a linear 4->3 answers well under a second.
    QVERIFY(latency->points(p99).last().y() > 0);
    QVERIFY(latency->points(p99).last().y() < 1000);
    const QString qps = MonitoringCharts::lineId(SeriesKey{QStringLiteral("requests_per_second"), QStringLiteral("lin"), 1, {}});
    QTRY_VERIFY(!m_page->charts()->chart(QStringLiteral("throughput"))->points(qps).isEmpty());
}

void tst_MonitoringPage::tileClickSelectsDeployment()
{
    QVERIFY(deploy(QStringLiteral("first")));
    QVERIFY(deploy(QStringLiteral("second")));
    QTRY_VERIFY(m_page->deploymentTile(QStringLiteral("second")));
    QTRY_COMPARE(m_page->shownVersions().size(), 2);
    MetricTile *tile = m_page->deploymentTile(QStringLiteral("second"));
    QTest::mouseClick(tile, Qt::LeftButton, {}, QPoint(20, 10));
    QCOMPARE(m_page->shownVersions(), (QList<VersionRef>{{QStringLiteral("second"), 1}}));
    QVERIFY(tile->isSelected());
    QVERIFY(!m_page->deploymentTile(QStringLiteral("first"))->isSelected());
    const QString firstLine = MonitoringCharts::lineId(SeriesKey{QStringLiteral("latency_p50"), QStringLiteral("first"), 1, {}});
    QVERIFY(!m_page->charts()->chart(QStringLiteral("latency"))->hasLine(firstLine));
    // The picker says the same.
    QTreeWidgetItem *first = m_page->versionPicker()->findItems(QStringLiteral("first"), Qt::MatchExactly).value(0);
    QVERIFY(first);
    QCOMPARE(first->checkState(0), Qt::Unchecked);
    // Checking it again in the picker brings its lines back.
    first->child(0)->setCheckState(0, Qt::Checked);
    QCOMPARE(m_page->shownVersions().size(), 2);
    QVERIFY(m_page->charts()->chart(QStringLiteral("latency"))->hasLine(firstLine));
}

void tst_MonitoringPage::longWindowsSayHistoryIsNotKept()
{
    QVERIFY(!m_fx.host->monitoring().isPersistent());
    m_page->setWindow(MonitoringPage::Window::OneDay);
    QCOMPARE(m_page->window(), MonitoringPage::Window::OneDay);
    TimeSeriesChart *cpu = m_page->charts()->chart(QStringLiteral("machine_cpu"));
    QCOMPARE(cpu->xSpan(), 86400.0 * 1000);
    QVERIFY(m_page->findChildren<QLabel *>().size() > 0);
    bool noteShown = false;
    for (QLabel *label : m_page->findChildren<QLabel *>())
        noteShown = noteShown || (label->isVisible() && label->text().contains(QStringLiteral("does not record")));
    QVERIFY(noteShown);
    // Samples no longer move the long window's charts.
    const QString line = MonitoringCharts::lineId(SeriesKey{QStringLiteral("machine_cpu_percent"), {}, 0, {}});
    const int before = int(cpu->points(line).size());
    m_page->charts()->addSamples(QDateTime::currentSecsSinceEpoch() + 5,
                                 {Monitoring::SeriesSample{SeriesKey{QStringLiteral("machine_cpu_percent"), {}, 0, {}}, 42}});
    QCOMPARE(int(cpu->points(line).size()), before);
    // Back to live: filled from the in-memory hour.
    m_fx.host->monitoring().sampleNow();
    m_page->setWindow(MonitoringPage::Window::OneHour);
    QCOMPARE(cpu->xSpan(), 3600.0 * 1000);
    QTRY_VERIFY(!cpu->points(line).isEmpty());
}

void tst_MonitoringPage::pauseFreezesAllCharts()
{
    m_page->setPaused(true);
    QVERIFY(m_page->isPaused());
    TimeSeriesChart *cpu = m_page->charts()->chart(QStringLiteral("machine_cpu"));
    QVERIFY(cpu->isPaused());
    const QString line = MonitoringCharts::lineId(SeriesKey{QStringLiteral("machine_cpu_percent"), {}, 0, {}});
    const int shown = cpu->shownPointCount(line);
    const int collected = int(cpu->points(line).size());
    const qint64 next = QDateTime::currentSecsSinceEpoch() + 10; // after anything the sampler made
    m_page->charts()->addSamples(next, {Monitoring::SeriesSample{SeriesKey{QStringLiteral("machine_cpu_percent"), {}, 0, {}}, 42}});
    QCOMPARE(cpu->shownPointCount(line), shown);
    QVERIFY(cpu->points(line).size() > collected);
    m_page->setPaused(false);
    QVERIFY(!cpu->isPaused());
    QTRY_VERIFY(cpu->shownPointCount(line) > shown);
}

void tst_MonitoringPage::firingRuleIsListedAndRaised()
{
    QSignalSpy raised(m_page.get(), &MonitoringPage::alertRaised);
    QSignalSpy cleared(m_page.get(), &MonitoringPage::alertCleared);
    // Built through the dialog's form, as the operator would.
    AlertRuleDialog form({});
    form.setName(QStringLiteral("rss-any"));
    form.setSeries(QStringLiteral("process_rss_bytes"));
    form.setComparison(Monitoring::AlertRule::Comparison::Above);
    form.setThreshold(QStringLiteral("0"));
    form.setFor(QStringLiteral("0s"));
    const auto rule = form.rule();
    QVERIFY2(rule, rule ? "" : qPrintable(rule.error().message));
    m_page->addAlertRule(*rule);
    QTRY_COMPARE(m_fx.host->monitoring().alertRules().size(), 1);
    m_fx.host->monitoring().sampleNow();

    QTRY_VERIFY_WITH_TIMEOUT(raised.count() >= 1, 10000);
    QVERIFY(raised.first().first().toString().contains(QStringLiteral("rss-any")));
    QCOMPARE(m_page->alertList()->topLevelItemCount(), 1);
    QTreeWidgetItem *item = m_page->alertList()->topLevelItem(0);
    QCOMPARE(item->text(0), QStringLiteral("warning"));
    QVERIFY(item->text(1).startsWith(QStringLiteral("rss-any")));
    QVERIFY(!item->text(3).isEmpty()); // since when
    QCOMPARE(m_page->alertBanner()->alertCount(), 1);
    QVERIFY(m_page->alertBanner()->isVisible());
    QVERIFY(m_page->alertBanner()->text().contains(QStringLiteral("rss-any")));

    // Removing the rule clears the alert.
    m_page->removeAlertRule(QStringLiteral("rss-any"));
    QTRY_COMPARE(cleared.count(), 1);
    QCOMPARE(m_page->alertList()->topLevelItemCount(), 0);
    QCOMPARE(m_page->alertBanner()->alertCount(), 0);
    QVERIFY(!m_page->alertBanner()->isVisible());
}

void tst_MonitoringPage::rulesDialogListsRules()
{
    AlertRulesDialog dialog(m_fx.host->monitoring(), {QStringLiteral("lin")});
    QSignalSpy info(&dialog, &AlertRulesDialog::info);
    QCOMPARE(dialog.table()->rowCount(), 1); // the "no rules yet" hint
    Monitoring::AlertRule rule;
    rule.name = QStringLiteral("slow");
    rule.series = QStringLiteral("latency_p99");
    rule.threshold = 0.05;
    rule.forSeconds = 30;
    m_page->addAlertRule(rule);
    QTRY_COMPARE(dialog.table()->item(0, 0)->text(), QStringLiteral("slow"));
    QCOMPARE(dialog.table()->item(0, 1)->text(), QStringLiteral("latency_p99 > 50ms for 30s"));
    // A bad rule is refused with the service's reason.
    QSignalSpy refused(&m_fx.host->monitoring(), &Monitoring::MonitoringService::alertRuleError);
    m_page->addAlertRule(rule);
    QTRY_COMPARE(refused.count(), 1);
    QVERIFY(refused.first().first().toString().contains(QStringLiteral("already exists")));
}

void tst_MonitoringPage::ruleFormSaysWhatIsWrong()
{
    AlertRuleDialog form({QStringLiteral("lin")});
    auto *ok = form.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    form.setName(QStringLiteral("p99 slow"));
    QVERIFY2(form.validationMessage().contains(QStringLiteral("alert rule")), qPrintable(form.validationMessage()));
    form.setName(QStringLiteral("p99-slow"));
    QVERIFY(form.validationMessage().contains(QStringLiteral("threshold")));
    form.setSeries(QStringLiteral("latency_p99"));
    form.setThreshold(QStringLiteral("5 parsecs"));
    QVERIFY(form.validationMessage().contains(QStringLiteral("5ms")));
    QVERIFY(!ok->isEnabled());
    form.setThreshold(QStringLiteral("5ms"));
    form.setFor(QStringLiteral("forever"));
    QVERIFY(form.validationMessage().contains(QStringLiteral("duration")));
    form.setFor(QStringLiteral("1m"));
    form.setDeployment(QStringLiteral("lin"));
    QVERIFY2(form.validationMessage().isEmpty(), qPrintable(form.validationMessage()));
    QVERIFY(ok->isEnabled());
    const auto rule = form.rule();
    QVERIFY(rule);
    QCOMPARE(rule->conditionText(), QStringLiteral("latency_p99{deployment=lin} > 5ms for 1m"));
    // A process series takes no deployment: the box is disabled and ignored.
    form.setSeries(QStringLiteral("process_rss_bytes"));
    form.setThreshold(QStringLiteral("2GiB"));
    QVERIFY(form.validationMessage().isEmpty());
    QVERIFY(form.rule()->deployment.isEmpty());
}

void tst_MonitoringPage::exportsHoldTheCharts()
{
    m_fx.host->monitoring().sampleNow();
    const QString line = MonitoringCharts::lineId(SeriesKey{QStringLiteral("process_rss_bytes"), {}, 0, {}});
    QTRY_VERIFY(!m_page->charts()->chart(QStringLiteral("process_memory"))->points(line).isEmpty());
    const QString csvPath = m_fx.dir->filePath(QStringLiteral("monitoring.csv"));
    QVERIFY(m_page->exportCsv(csvPath));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), QStringLiteral("chart,series,time,value"));
    QVERIFY(lines.size() > 1);
    QVERIFY(std::any_of(lines.cbegin(), lines.cend(),
                        [](const QString &l) { return l.startsWith(QStringLiteral("Process memory,resident (RSS),")); }));

    const QString pngPath = m_fx.dir->filePath(QStringLiteral("monitoring.png"));
    QVERIFY(m_page->exportPng(pngPath));
    const QImage image(pngPath);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 400 && image.height() > 400);
}

void tst_MonitoringPage::closingWithHistoryPendingIsSafe()
{
    // Ask for the long-window history, then close the page before (or while) the worker answers.
    QSignalSpy answered(&m_fx.host->monitoring(), &Monitoring::MonitoringService::historyReady);
    m_page->setWindow(MonitoringPage::Window::SevenDays);
    m_page.reset();
    QTRY_VERIFY(answered.count() >= 5); // every line of the process and machine charts asked
    m_fx.host->monitoring().sampleNow();   // and samples keep flowing with nobody listening
    QCoreApplication::processEvents();
    // A new page on the same host starts clean.
    m_page = std::make_unique<MonitoringPage>(*m_fx.client, *m_fx.host);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->window(), MonitoringPage::Window::FiveMinutes);
}

void tst_MonitoringPage::hiddenPageOnlyCollects()
{
    // Another page in front: the charts keep the points but hand nothing to Qt Charts.
    TimeSeriesChart *cpu = m_page->charts()->chart(QStringLiteral("process_cpu"));
    const QString line = MonitoringCharts::lineId(SeriesKey{QStringLiteral("process_cpu_percent"), {}, 0, {}});
    m_page->hide();
    const int shown = cpu->shownPointCount(line);
    const int collected = int(cpu->points(line).size());
    const qint64 next = QDateTime::currentSecsSinceEpoch() + 10;
    for (int i = 0; i < 3; ++i)
        m_page->charts()->addSamples(next + i, {Monitoring::SeriesSample{SeriesKey{QStringLiteral("process_cpu_percent"), {}, 0, {}}, 1.0 + i}});
    QCoreApplication::processEvents();
    QCOMPARE(cpu->shownPointCount(line), shown);
    QVERIFY(cpu->points(line).size() >= collected + 3);
    m_page->show();
    QTRY_VERIFY(cpu->shownPointCount(line) >= shown + 3);
}

void tst_MonitoringPage::tileWidthDoesNotShrinkWithShorterValues()
{
    // Values change length every second; the tiles must not jump back and forth.
    MetricTile tile(QStringLiteral("Machine"));
    tile.setRow(QStringLiteral("cpu"), QStringLiteral("CPU"), QStringLiteral("1 %"), 1.0);
    tile.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tile));
    const int narrow = tile.sizeHint().width();
    tile.setRow(QStringLiteral("cpu"), QStringLiteral("CPU"), QStringLiteral("100.0 % of 64 cores, load 63.91 63.88 63.72"), 100.0);
    QTRY_VERIFY(tile.sizeHint().width() > narrow); // the control: a longer value widens the tile
    const int wide = tile.sizeHint().width();
    tile.setRow(QStringLiteral("cpu"), QStringLiteral("CPU"), QStringLiteral("1 %"), 1.0);
    QTest::qWait(50);
    QCOMPARE(tile.sizeHint().width(), wide);
    QCOMPARE(tile.rowText(QStringLiteral("cpu")), QStringLiteral("1 %"));
}

QTEST_MAIN(tst_MonitoringPage)
#include "tst_monitoringpage.moc"
