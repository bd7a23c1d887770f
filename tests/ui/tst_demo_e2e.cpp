// The first-run demo end to end, with real parts: the real MainWindow over a real catalog in a
// QTemporaryDir and a real ServingHost (HTTP on 127.0.0.1 port 0); the demo card's button starts a
// DemoRunner on the built-in fallback data (the system Fashion-MNIST is hidden from it), which
// trains for real, registers and aliases the version, deploys it, answers a try-it request and
// sends traffic that the deployment's monitoring series record; "Remove demo" takes it all away.
// Waits are on state (QTRY_*, QSignalSpy), never on time.

#include "uitestfixture.h"
#include "demo/demoload.h"
#include "demo/demoofferwidget.h"
#include "demo/demorunner.h"
#include "demo/demotryitwidget.h"
#include "demo/screenshotdriver.h"
#include "mainwindow.h"

#include "core/platforminfo.h"
#include "core/workspace.h"
#include "monitoring/monitoringservice.h"
#include "registry/modelcatalog.h"
#include "runtime/deploymentmanager.h"
#include "serving/servinghost.h"

#include <QApplication>
#include <QImage>
#include <QListWidget>
#include <QSet>
#include <QStackedWidget>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using Registry::ModelCatalog;

namespace {
// Training, loading and the first monitoring tick on 2 busy cores: generous, never a fixed wait.
constexpr int stepTimeoutMs = 180000;
const QString demoModel = QStringLiteral("fashion-demo");
} // namespace

class tst_DemoE2E : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void demoRunsEndToEndAndResets();
    void cancelStopsTrainingAndResetCleansUp();
    void offerFollowsTheWorkspace();
    void resetKeepsVersionsAddedByHand();
    void screenshotModeSavesEveryPage();

private:
    DemoOptions demoOptions() const;
    // Points recorded so far for the demo deployment's series, after one fresh sampling tick.
    qint64 demoSeriesPoints();

    TestUi::UiTestFixture m_fx;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<DemoRunner> m_runner;
    std::unique_ptr<DemoOfferWidget> m_card;
};

DemoOptions tst_DemoE2E::demoOptions() const
{
    DemoOptions o;
    // Hide Debian's Fashion-MNIST: the test covers the fallback shipped in resources/demo (small, fast).
    o.fashionMnistPath = m_fx.dir->filePath(QStringLiteral("no-fashion-mnist"));
    o.epochs = 1;
    o.trainingThreads = 1;
    o.requestsPerSecond = 20;
    o.actor = QStringLiteral("tester");
    return o;
}

qint64 tst_DemoE2E::demoSeriesPoints()
{
    Monitoring::MonitoringService &monitoring = m_fx.host->monitoring();
    monitoring.sampleNow();
    qint64 points = 0;
    for (const Monitoring::SeriesKey &key : monitoring.seriesKeys()) {
        if (key.deployment == demoModel)
            points += monitoring.recent(key, 3600).size();
    }
    return points;
}

void tst_DemoE2E::init()
{
    cleanup();
    QVERIFY(m_fx.open());
    QVERIFY(m_fx.startServices(true));

    RuntimeInfo runtime;
    runtime.torchVersion = QStringLiteral("1.13.1");
    runtime.blas = ModelDesk::loadedBlas();
    m_window = std::make_unique<MainWindow>(*m_fx.client, *m_fx.host, *m_fx.settings, runtime);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    m_runner = std::make_unique<DemoRunner>(*m_fx.client, *m_fx.host, demoOptions());
    m_card = std::make_unique<DemoOfferWidget>(*m_runner);
    m_card->setAskBeforeRemoving(false);
    m_card->resize(900, 700);
    m_card->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_card.get()));
}

void tst_DemoE2E::cleanup()
{
    // Reverse order of construction: the demo before the host, the client before the catalog.
    m_card.reset();
    m_runner.reset();
    m_window.reset();
    m_fx.reset();
}

void tst_DemoE2E::demoRunsEndToEndAndResets()
{
    QSignalSpy trainingStarted(m_runner.get(), &DemoRunner::trainingStarted);
    QSignalSpy registered(m_runner.get(), &DemoRunner::versionRegistered);
    QSignalSpy ready(m_runner.get(), &DemoRunner::deploymentReady);
    QSignalSpy samples(m_runner.get(), &DemoRunner::sampleReady);
    QSignalSpy warnings(m_runner.get(), &DemoRunner::warning);
    QSignalSpy errors(m_runner.get(), &DemoRunner::error);

    QVERIFY(m_card->startButton()->isVisible());
    QTest::mouseClick(m_card->startButton(), Qt::LeftButton);
    QCOMPARE(m_runner->state(), DemoRunner::State::Running);

    // The training job is handed out so the Training page can follow it.
    QTRY_COMPARE_WITH_TIMEOUT(trainingStarted.count(), 1, stepTimeoutMs);
    auto *job = trainingStarted.first().first().value<Training::TrainingJob *>();
    QVERIFY(job);
    QCOMPARE(job->request().config.registerAs, demoModel);
    // No Fashion-MNIST: the operator is told which package to install.
    QVERIFY(!warnings.isEmpty());
    QVERIFY(warnings.first().first().toString().contains(QStringLiteral("dataset-fashion-mnist")));
    QVERIFY(m_runner->usesFallbackData());

    QTRY_COMPARE_WITH_TIMEOUT(m_runner->state(), DemoRunner::State::Live, stepTimeoutMs);
    QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
    QVERIFY(m_runner->secondsToLive() > 0);

    // A registered version with the production alias and the demo tag.
    QCOMPARE(registered.count(), 1);
    auto version = m_fx.catalog->resolve(demoModel + QStringLiteral("@production"));
    QVERIFY2(version.has_value(), version ? "" : qPrintable(version.error().message));
    QCOMPARE(version->version, 1);
    QCOMPARE(version->tags.value(QStringLiteral("origin")), QStringLiteral("demo"));
    QVERIFY(version->metrics.contains(QStringLiteral("test_accuracy")));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(m_fx.client->snapshot().models.cbegin(), m_fx.client->snapshot().models.cend(),
                                         [](const ModelInfo &m) { return m.name == demoModel; }),
                             stepTimeoutMs);

    // The deployment is ready and serves the registered version.
    QCOMPARE(ready.count(), 1);
    auto status = m_fx.host->runtime().deployment(demoModel);
    QVERIFY(status.has_value());
    QCOMPARE(status->state, Runtime::DeploymentState::Ready);
    QCOMPARE(status->versions.first().version, 1);

    // Try it: a test image classified by the deployed model, shown in the panel.
    QTRY_VERIFY_WITH_TIMEOUT(samples.count() >= 1, stepTimeoutMs);
    const auto sample = samples.last().first().value<DemoSample>();
    QCOMPARE(sample.image.size(), QSize(28, 28));
    QVERIFY(sample.predicted >= 0 && sample.predicted < 10);
    QVERIFY(sample.truth >= 0 && sample.truth < 10);
    QCOMPARE(sample.predictedName, DemoRunner::fashionClassNames().at(sample.predicted));
    QCOMPARE(sample.version, 1);
    QVERIFY(m_card->tryIt()->isVisible());
    QVERIFY(m_card->tryIt()->answerLabel()->text().contains(sample.predictedName.toHtmlEscaped()));
    QVERIFY(!m_card->tryIt()->imageLabel()->pixmap().isNull());
    QTest::mouseClick(m_card->tryIt()->anotherButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(samples.count() >= 2, stepTimeoutMs);

    // The synthetic traffic is answered and the deployment's monitoring series gain points.
    QVERIFY(m_runner->isLoadRunning());
    QTRY_VERIFY_WITH_TIMEOUT(m_runner->requestsAnswered() > 0, stepTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(demoSeriesPoints() > 0, stepTimeoutMs);
    const qint64 before = demoSeriesPoints();
    QTRY_VERIFY_WITH_TIMEOUT(demoSeriesPoints() > before, stepTimeoutMs);
    QCOMPARE(m_runner->requestsFailed(), 0);

    // Pause and resume the traffic from the card.
    QVERIFY(m_card->loadButton()->isVisible());
    QTest::mouseClick(m_card->loadButton(), Qt::LeftButton);
    QVERIFY(!m_runner->isLoadRunning());
    QCOMPARE(m_card->loadButton()->text(), QStringLiteral("Resume traffic"));
    const qint64 answered = m_runner->requestsAnswered();
    QTest::mouseClick(m_card->loadButton(), Qt::LeftButton);
    QVERIFY(m_runner->isLoadRunning());
    QTRY_VERIFY_WITH_TIMEOUT(m_runner->requestsAnswered() > answered, stepTimeoutMs);

    // Running it again on a workspace that has the demo reuses the version: no second training.
    m_runner->stopLoad();
    QTest::mouseClick(m_card->startButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_runner->state(), DemoRunner::State::Live, stepTimeoutMs);
    QCOMPARE(trainingStarted.count(), 1);
    QCOMPARE(m_fx.catalog->registry().versions(demoModel)->size(), 1);

    // Remove demo: traffic stopped, deployment and model gone, each change audited.
    QSignalSpy resetDone(m_runner.get(), &DemoRunner::resetFinished);
    QVERIFY(m_card->removeButton()->isVisible());
    QTest::mouseClick(m_card->removeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(resetDone.count(), 1, stepTimeoutMs);
    QVERIFY2(resetDone.first().at(0).toBool(), qPrintable(resetDone.first().at(1).toString()));
    QCOMPARE(m_runner->state(), DemoRunner::State::Idle);
    QVERIFY(!m_runner->isLoadRunning());
    QCOMPARE(m_fx.host->runtime().deployment(demoModel).error().code, Error::Code::NotFound);
    QCOMPARE(m_fx.catalog->resolve(demoModel).error().code, Error::Code::NotFound);
    QVERIFY(m_fx.catalog->registry().deployments()->isEmpty());
    AuditQuery query;
    query.action = QStringLiteral("model.delete");
    auto audit = m_fx.catalog->registry().audit(query);
    QVERIFY(audit.has_value());
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->first().actor, QStringLiteral("tester"));
    // The runtime and the registry each record the removal of the deployment.
    query.action = QStringLiteral("deployment.remove");
    auto removals = m_fx.catalog->registry().audit(query);
    QVERIFY(removals.has_value() && !removals->isEmpty());
    for (const AuditEntry &e : std::as_const(*removals))
        QCOMPARE(e.target, QStringLiteral("deployment/") + demoModel);
    QTRY_VERIFY_WITH_TIMEOUT(std::none_of(m_fx.client->snapshot().models.cbegin(), m_fx.client->snapshot().models.cend(),
                                          [](const ModelInfo &m) { return m.name == demoModel; }),
                             stepTimeoutMs);
    // The card offers the demo again.
    QVERIFY(m_card->startButton()->isVisible());
    QVERIFY(!m_card->removeButton()->isVisible());
    QVERIFY(!m_card->tryIt()->isVisible());
}

void tst_DemoE2E::cancelStopsTrainingAndResetCleansUp()
{
    // Long enough to be caught in training on any machine: 200 epochs of the small set.
    m_card.reset();
    m_runner.reset();
    DemoOptions options = demoOptions();
    options.epochs = 200;
    m_runner = std::make_unique<DemoRunner>(*m_fx.client, *m_fx.host, options);
    QSignalSpy trainingStarted(m_runner.get(), &DemoRunner::trainingStarted);
    QSignalSpy progress(m_runner.get(), &DemoRunner::trainingProgress);
    QSignalSpy stepDone(m_runner.get(), &DemoRunner::stepFinished);
    m_runner->start();
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), stepTimeoutMs);
    QVERIFY(m_runner->trainingJob());
    m_runner->cancel();
    QCOMPARE(m_runner->state(), DemoRunner::State::Cancelled);
    // The job stops between two batches and records the run as cancelled; nothing is registered.
    auto *job = trainingStarted.first().first().value<Training::TrainingJob *>();
    QTRY_VERIFY_WITH_TIMEOUT(m_runner->trainingJob() == nullptr, stepTimeoutMs);
    QCOMPARE(job->outcome().state, QStringLiteral("cancelled"));
    QCOMPARE(m_fx.catalog->resolve(demoModel).error().code, Error::Code::NotFound);
    for (const QList<QVariant> &args : std::as_const(stepDone))
        QVERIFY(args.at(0).value<DemoRunner::Step>() != DemoRunner::Step::Registering);

    QSignalSpy resetDone(m_runner.get(), &DemoRunner::resetFinished);
    m_runner->reset();
    QTRY_COMPARE_WITH_TIMEOUT(resetDone.count(), 1, stepTimeoutMs);
    QVERIFY2(resetDone.first().at(0).toBool(), qPrintable(resetDone.first().at(1).toString()));
    QCOMPARE(m_runner->state(), DemoRunner::State::Idle);
}

void tst_DemoE2E::offerFollowsTheWorkspace()
{
    // A new workspace: offered. "Not now": hidden. Another model appears: not offered any more, even
    // without the dismissal. The demo running: shown whatever was dismissed.
    DemoOfferWidget card(*m_runner);
    card.followWorkspace(*m_fx.client, false);
    card.show();
    m_fx.client->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(card.isVisible(), stepTimeoutMs);
    QVERIFY(card.startButton()->isVisible());
    QVERIFY(card.dismissButton()->isVisible());
    QSignalSpy dismissed(&card, &DemoOfferWidget::dismissed);
    QTest::mouseClick(card.dismissButton(), Qt::LeftButton);
    QCOMPARE(dismissed.count(), 1);
    QVERIFY(!card.isVisible());

    DemoOfferWidget fresh(*m_runner);
    fresh.followWorkspace(*m_fx.client, false);
    QVERIFY(m_fx.catalog->registry().createModel(QStringLiteral("someone-elses"), {}, {}, QStringLiteral("cli-user")));
    m_fx.client->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(m_fx.client->snapshot().models.cbegin(), m_fx.client->snapshot().models.cend(),
                                         [](const ModelInfo &m) { return m.name == QStringLiteral("someone-elses"); }),
                             stepTimeoutMs);
    QVERIFY(!fresh.wantsToBeShown(m_fx.client->snapshot()));
    QVERIFY(!fresh.isVisible());

    QSignalSpy state(m_runner.get(), &DemoRunner::stateChanged);
    m_runner->start();
    QVERIFY(card.wantsToBeShown(m_fx.client->snapshot()));
    QTRY_VERIFY_WITH_TIMEOUT(card.isVisible(), stepTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_runner->state(), DemoRunner::State::Live, stepTimeoutMs);
    // The demo model keeps the card offered (to remove the demo) after a restart of the console.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(m_fx.client->snapshot().models.cbegin(), m_fx.client->snapshot().models.cend(),
                                         [](const ModelInfo &m) { return m.name == demoModel; }),
                             stepTimeoutMs);
    DemoRunner restarted(*m_fx.client, *m_fx.host, demoOptions());
    DemoOfferWidget afterRestart(restarted);
    afterRestart.followWorkspace(*m_fx.client, true);
    QVERIFY(afterRestart.wantsToBeShown(m_fx.client->snapshot()));
}

void tst_DemoE2E::resetKeepsVersionsAddedByHand()
{
    QSignalSpy trained(m_runner.get(), &DemoRunner::trainingFinished);
    m_runner->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_runner->state(), DemoRunner::State::Live, stepTimeoutMs);
    QCOMPARE(trained.count(), 1);
    QVERIFY(trained.first().at(1).toBool());
    // Someone registers the demo run's model again as their own version 2 of the model.
    const QString runId = trained.first().at(0).toString();
    auto mine = Training::registerRunModel(*m_fx.catalog, runId, demoModel, QStringLiteral("kept by hand"),
                                           QStringLiteral("cli-user"));
    QVERIFY2(mine.has_value(), mine ? "" : qPrintable(mine.error().message));
    QCOMPARE(mine->version, 2);

    QSignalSpy resetDone(m_runner.get(), &DemoRunner::resetFinished);
    m_runner->reset();
    QTRY_COMPARE_WITH_TIMEOUT(resetDone.count(), 1, stepTimeoutMs);
    QVERIFY2(resetDone.first().at(0).toBool(), qPrintable(resetDone.first().at(1).toString()));
    QCOMPARE(m_fx.catalog->resolve(demoModel + QStringLiteral(":1")).error().code, Error::Code::NotFound);
    QVERIFY(m_fx.catalog->resolve(demoModel + QStringLiteral(":2")).has_value());
    QCOMPARE(m_fx.host->runtime().deployment(demoModel).error().code, Error::Code::NotFound);

    // A model of that name the demo did not make: the demo refuses to touch it.
    QSignalSpy errors(m_runner.get(), &DemoRunner::error);
    m_runner->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_runner->state(), DemoRunner::State::Failed, stepTimeoutMs);
    QVERIFY(!errors.isEmpty());
    QVERIFY(errors.last().first().toString().contains(QStringLiteral("did not make")));
    QCOMPARE(m_fx.catalog->registry().versions(demoModel)->size(), 1);
}

void tst_DemoE2E::screenshotModeSavesEveryPage()
{
    // The screenshot mode of packaging/screenshots.sh, in-process: it runs the demo, waits for a
    // few monitoring ticks of traffic, saves every page and the card, and reports instead of quitting.
    QCOMPARE(ScreenshotDriver::fileNameFor(QStringLiteral("API &Access")), QStringLiteral("api-access.png"));
    ScreenshotDriver::Options options;
    options.directory = m_fx.dir->filePath(QStringLiteral("shots"));
    options.trafficSeconds = 2;
    options.quitWhenDone = false;
    ScreenshotDriver driver(*m_window, *m_window->navigation(), *m_window->pages(), *m_runner, *m_fx.host,
                            m_card.get(), options);
    QSignalSpy finished(&driver, &ScreenshotDriver::finished);
    driver.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, stepTimeoutMs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    const int pages = m_window->navigation()->count();
    QCOMPARE(driver.savedFiles().size(), pages + 2); // every page, demo-offer.png, demo.png
    for (const QString &file : driver.savedFiles()) {
        const QImage image(file);
        QVERIFY2(!image.isNull(), qPrintable(file));
        // Not blank: a drawn page has text, frames and icons in many shades.
        QSet<QRgb> colors;
        for (int y = 0; y < image.height() && colors.size() <= 16; y += 3)
            for (int x = 0; x < image.width() && colors.size() <= 16; x += 3)
                colors.insert(image.pixel(x, y));
        QVERIFY2(colors.size() > 16, qPrintable(file));
    }
    QVERIFY(QFileInfo::exists(QDir(options.directory).filePath(QStringLiteral("demo.png"))));
    QCOMPARE(m_runner->state(), DemoRunner::State::Live);
}

QTEST_MAIN(tst_DemoE2E)
#include "tst_demo_e2e.moc"
