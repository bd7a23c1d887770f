// The Deployments page over a real catalog (linear.pt, mlp.pt, mlp_v2.pt imported; a tiny IDX
// dataset registered) and a real ServingHost with its HTTP server on 127.0.0.1 port 0: deploying
// through the dialog's code path reaches "ready", try-it sends in-process and shows the output
// (and refuses bad JSON), swap / rollback / canary / knobs / unload / load again / remove change
// what the table shows, a test sample of an IDX-trained version is drawn and answered, and the
// server bar follows stop / start / bind failure and saves its settings.

#include "uitestfixture.h"
#include "deploymentspage.h"
#include "deployments/backgroundtasks.h"
#include "deployments/batchingform.h"
#include "deployments/deploydialog.h"
#include "deployments/deploymenttablemodel.h"
#include "deployments/requestlogmodel.h"
#include "deployments/serverbar.h"
#include "deployments/tryitformat.h"
#include "deployments/tryitpanel.h"
#include "testmodels.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "runtime/deploymentmanager.h"
#include "serving/servinghost.h"
#include "training/datasetregistration.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QHostAddress>
#include <QTcpSocket>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStackedWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QApplication>

using namespace ModelDesk;
using Registry::ModelCatalog;

namespace {

constexpr int readyTimeoutMs = 60000;

void writeBigEndian(QByteArray &out, quint32 v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((v >> shift) & 0xff));
}

bool writeIdx(const QString &dir, const QString &prefix, int count, int seed)
{
    QByteArray images;
    writeBigEndian(images, 0x00000803);
    writeBigEndian(images, quint32(count));
    writeBigEndian(images, 28);
    writeBigEndian(images, 28);
    QByteArray labels;
    writeBigEndian(labels, 0x00000801);
    writeBigEndian(labels, quint32(count));
    for (int i = 0; i < count; ++i) {
        for (int p = 0; p < 28 * 28; ++p)
            images.append(char((p * 7 + i * 13 + seed) % 256));
        labels.append(char(i % 10));
    }
    QFile fi(dir + u'/' + prefix + QStringLiteral("-images-idx3-ubyte"));
    QFile fl(dir + u'/' + prefix + QStringLiteral("-labels-idx1-ubyte"));
    return fi.open(QIODevice::WriteOnly) && fi.write(images) == images.size() && fl.open(QIODevice::WriteOnly)
           && fl.write(labels) == labels.size();
}

} // namespace

class tst_DeploymentsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStateSaysWhatToDo();
    void dialogValidatesEndpointName();
    void deployViaDialogReachesReady();
    void tryItSendsAndShowsOutput();
    void tryItRefusesBadJson();
    void tryItSendsWithServerStopped();
    void exampleFillsDataForEditedShape();
    void copyAsCurlWorksOverHttp();
    void swapAndRollbackChangeVersionColumn();
    void canaryAndKnobsApplyLive();
    void unloadLoadAgainAndRemove();
    void testSampleOfIdxVersion();
    void serverStopStartChangesBar();
    void serverBindFailureIsShown();
    void exposingTheServerAsksFirst();
    void exampleRequestFromSignature();
    void requestLogIsBounded();
    void requestLogListsHttpRequests();
    void failedLoadShowsTheReason();
    void pageClosedWhileWorkRuns();

private:
    bool importVersion(const QString &file, const QString &model, const QJsonObject &params = {},
                       const Lineage &lineage = {});
    void createPage();
    // Deploys through the page and waits for the row to be ready.
    void deployReady(const QString &name, const QString &model, std::optional<int> version);
    QString stateOf(const QString &name) const;
    QString versionsOf(const QString &name) const;

    TestUi::UiTestFixture m_fx;
    std::unique_ptr<DeploymentsPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tableTester;
    std::unique_ptr<QAbstractItemModelTester> m_logTester;
    QTemporaryDir m_config;
};

void tst_DeploymentsPage::initTestCase()
{
    // The page uses a default QSettings, as the application does: keep it out of the user's config.
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("ModelDeskTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_deploymentspage"));
}

bool tst_DeploymentsPage::importVersion(const QString &file, const QString &model, const QJsonObject &params,
                                        const Lineage &lineage)
{
    Registry::ImportRequest request;
    request.sourcePath = TestData::modelPath(file);
    request.model = model;
    request.params = params;
    request.lineage = lineage;
    auto v = m_fx.catalog->importFile(request, QStringLiteral("tester"));
    if (!v)
        qWarning("import %s: %s", qPrintable(file), qPrintable(v.error().message));
    return v.has_value();
}

void tst_DeploymentsPage::init()
{
    cleanup();
    MODELDESK_REQUIRE_TEST_MODELS();
    TestUi::UiTestFixture::Options options;
    options.watchOtherProcesses = false;
    QVERIFY(m_fx.open(options));
    QVERIFY(importVersion(QStringLiteral("linear.pt"), QStringLiteral("linear")));
    QVERIFY(importVersion(QStringLiteral("mlp.pt"), QStringLiteral("mlp")));
    QVERIFY(importVersion(QStringLiteral("mlp_v2.pt"), QStringLiteral("mlp")));
    QVERIFY(m_fx.startServices(true));
    createPage();
}

void tst_DeploymentsPage::createPage()
{
    QSignalSpy snapshot(m_fx.client.get(), &CatalogClient::snapshotReady);
    m_fx.client->refresh();
    QVERIFY(snapshot.wait(10000));
    m_page = std::make_unique<DeploymentsPage>(*m_fx.client, *m_fx.host);
    m_tableTester = std::make_unique<QAbstractItemModelTester>(m_page->tableModel(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_logTester = std::make_unique<QAbstractItemModelTester>(m_page->logModel(),
                                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->resize(1300, 850);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QSignalSpy refreshed(m_page.get(), &DeploymentsPage::refreshed);
    QVERIFY(refreshed.wait(5000));
}

void tst_DeploymentsPage::cleanup()
{
    m_logTester.reset();
    m_tableTester.reset();
    m_page.reset();
    m_fx.reset();
}

QString tst_DeploymentsPage::stateOf(const QString &name) const
{
    const int row = m_page->tableModel()->rowOf(name);
    return row < 0 ? QString() : m_page->tableModel()->index(row, 0).data(DeploymentTableModel::StateRole).toString();
}

QString tst_DeploymentsPage::versionsOf(const QString &name) const
{
    const int row = m_page->tableModel()->rowOf(name);
    return row < 0 ? QString() : m_page->tableModel()->index(row, DeploymentTableModel::VersionsColumn).data().toString();
}

void tst_DeploymentsPage::deployReady(const QString &name, const QString &model, std::optional<int> version)
{
    Runtime::DeploymentSpec spec;
    spec.name = name;
    spec.model = model;
    spec.version = version;
    m_page->deploy(spec);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(name), QStringLiteral("ready"), readyTimeoutMs);
    QVERIFY(m_page->selectDeployment(name));
}

void tst_DeploymentsPage::emptyStateSaysWhatToDo()
{
    QCOMPARE(m_page->tableModel()->rowCount(), 0);
    QCOMPARE(m_page->stack()->currentIndex(), 0);
    auto *label = m_page->findChild<QLabel *>(QStringLiteral("deploymentsEmptyState"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QStringLiteral("No deployments yet")));
    QVERIFY(label->text().contains(QStringLiteral("Models page")));
    QVERIFY(!m_page->tryIt()->sendButton()->isEnabled());
}

void tst_DeploymentsPage::dialogValidatesEndpointName()
{
    DeployDialog dialog(m_fx.client->snapshot(), {QStringLiteral("taken")}, m_page.get());
    QCOMPARE(dialog.modelBox()->count(), 2);
    dialog.select(QStringLiteral("mlp"), 1);
    QCOMPARE(dialog.endpointEdit()->text(), QStringLiteral("mlp"));
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog.endpointEdit()->setText(QStringLiteral("Bad Name!"));
    QVERIFY(!dialog.problem().isEmpty());
    QVERIFY(!ok->isEnabled());
    dialog.endpointEdit()->setText(QStringLiteral("../etc"));
    QVERIFY(!ok->isEnabled());
    dialog.endpointEdit()->setText(QStringLiteral("fashion"));
    QVERIFY(ok->isEnabled());
    // The dialog's defaults are the runtime's and it only offers values the runtime accepts.
    QCOMPARE(dialog.spec().batching.maxBatchSize, Runtime::BatchingConfig{}.maxBatchSize);
    QCOMPARE(dialog.batchingForm()->maxBatchSize()->maximum(), 4096);

    // New deployments start from the Settings page's defaults.
    QSettings().setValue(QStringLiteral("deploy/maxBatch"), 32);
    QSettings().setValue(QStringLiteral("deploy/workers"), 2);
    DeployDialog withDefaults(m_fx.client->snapshot(), {}, m_page.get());
    QSettings().remove(QStringLiteral("deploy"));
    QCOMPARE(withDefaults.spec().batching.maxBatchSize, 32);
    QCOMPARE(withDefaults.spec().batching.workers, 2);
}

void tst_DeploymentsPage::deployViaDialogReachesReady()
{
    DeployDialog dialog(m_fx.client->snapshot(), {}, m_page.get());
    dialog.select(QStringLiteral("mlp"), 1);
    dialog.endpointEdit()->setText(QStringLiteral("fashion"));
    dialog.batchingForm()->maxBatchSize()->setValue(4);
    dialog.batchingForm()->publicAccess()->setChecked(true);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    const Runtime::DeploymentSpec spec = dialog.spec();
    QCOMPARE(spec.name, QStringLiteral("fashion"));
    QCOMPARE(spec.model, QStringLiteral("mlp"));
    QCOMPARE(spec.version, std::optional<int>(1));
    QVERIFY(spec.isPublic);

    QSignalSpy infos(m_page.get(), &DeploymentsPage::info);
    m_page->deploy(spec);
    QTRY_VERIFY(m_page->tableModel()->rowOf(QStringLiteral("fashion")) >= 0);
    QCOMPARE(m_page->stack()->currentIndex(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("fashion")), QStringLiteral("ready"), readyTimeoutMs);
    QCOMPARE(versionsOf(QStringLiteral("fashion")), QStringLiteral("v1"));
    const int row = m_page->tableModel()->rowOf(QStringLiteral("fashion"));
    QCOMPARE(m_page->tableModel()->index(row, DeploymentTableModel::AccessColumn).data().toString(), QStringLiteral("public"));
    // The new row is selected, and the runtime really has it with the dialog's batching.
    QTRY_COMPARE(m_page->selectedName(), QStringLiteral("fashion"));
    auto status = m_fx.host->runtime().deployment(QStringLiteral("fashion"));
    QVERIFY(status);
    QCOMPARE(status->spec.batching.maxBatchSize, 4);
    QVERIFY(!infos.isEmpty());
}

void tst_DeploymentsPage::tryItSendsAndShowsOutput()
{
    deployReady(QStringLiteral("lin"), QStringLiteral("linear"), 1);
    TryItPanel *tryIt = m_page->tryIt();
    QTRY_COMPARE(tryIt->targetName(), QStringLiteral("lin"));

    QFile expectedFile(TestData::modelPath(QStringLiteral("linear_expected.json")));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
    const QJsonArray input = expected.value(QStringLiteral("input")).toArray().at(0).toArray();
    const QJsonArray output = expected.value(QStringLiteral("output")).toArray().at(0).toArray();
    QCOMPARE(input.size(), 4);
    const QJsonObject request{{QStringLiteral("id"), QStringLiteral("t1")},
                              {QStringLiteral("inputs"),
                               QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                                      {QStringLiteral("datatype"), QStringLiteral("FP32")},
                                                      {QStringLiteral("shape"), QJsonArray{1, 4}},
                                                      {QStringLiteral("data"), input}}}}};
    tryIt->editor()->setPlainText(QString::fromUtf8(QJsonDocument(request).toJson()));
    QSignalSpy answered(tryIt, &TryItPanel::answered);
    QVERIFY(tryIt->send());
    QVERIFY(answered.wait(20000));
    QCOMPARE(answered.first().first().toBool(), true);
    QVERIFY2(tryIt->resultLabel()->text().contains(QStringLiteral("answered in")), qPrintable(tryIt->resultLabel()->text()));
    QVERIFY(tryIt->resultLabel()->text().contains(QStringLiteral("Predicted: class")));

    const QJsonObject response = QJsonDocument::fromJson(tryIt->responseView()->toPlainText().toUtf8()).object();
    QCOMPARE(response.value(QStringLiteral("id")).toString(), QStringLiteral("t1"));
    QCOMPARE(response.value(QStringLiteral("model_name")).toString(), QStringLiteral("lin"));
    const QJsonArray data = response.value(QStringLiteral("outputs")).toArray().at(0).toObject().value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), output.size());
    for (qsizetype i = 0; i < data.size(); ++i)
        QVERIFY2(std::abs(data.at(i).toDouble() - output.at(i).toDouble()) < 1e-5, qPrintable(QString::number(i)));

    // The request is in the log, newest first.
    const RequestLogModel::Entry &entry = m_page->logModel()->entryAt(0);
    QCOMPARE(entry.source, RequestLogModel::Source::Console);
    QCOMPARE(entry.deployment, QStringLiteral("lin"));
    QCOMPARE(entry.version, 1);
    QVERIFY(entry.ok);
    QVERIFY(entry.latencyMs >= 0);

    // Monitoring's next 1 s sample reaches the table (per-version tooltip) and the log's traffic lines.
    const auto trafficLogged = [this] {
        for (int i = 0; i < m_page->logModel()->rowCount(); ++i) {
            const RequestLogModel::Entry &e = m_page->logModel()->entryAt(i);
            if (e.source == RequestLogModel::Source::Traffic && e.deployment == QLatin1String("lin") && e.version == 1)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(trafficLogged(), 10000);
    const int row = m_page->tableModel()->rowOf(QStringLiteral("lin"));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->tableModel()->index(row, DeploymentTableModel::QpsColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("v1: ")),
                             10000);
}

void tst_DeploymentsPage::tryItRefusesBadJson()
{
    deployReady(QStringLiteral("lin"), QStringLiteral("linear"), 1);
    TryItPanel *tryIt = m_page->tryIt();
    QTRY_COMPARE(tryIt->targetName(), QStringLiteral("lin"));
    tryIt->editor()->setPlainText(QStringLiteral("{\n  \"inputs\": [ {\"name\": \"x\", \n  oops"));
    QSignalSpy answered(tryIt, &TryItPanel::answered);
    QVERIFY(!tryIt->send());
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.first().first().toBool(), false);
    const QString text = tryIt->resultLabel()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Not sent:")) && text.contains(QStringLiteral("line 3")), qPrintable(text));
    QVERIFY(!tryIt->isWaiting());
    QVERIFY(tryIt->sendButton()->isEnabled());
    // Nothing reached the runtime.
    QVERIFY(!m_fx.host->runtime().deployment(QStringLiteral("lin"))->lastRequest.isValid());
    QCOMPARE(m_page->logModel()->entryAt(0).ok, false);

    // Valid JSON with a wrong tensor: the codec's message, still nothing sent.
    tryIt->editor()->setPlainText(QStringLiteral(R"({"inputs": [{"name": "x", "datatype": "FP32", "shape": [1, 4], "data": [1, 2]}]})"));
    QVERIFY(!tryIt->send());
    QVERIFY2(tryIt->resultLabel()->text().startsWith(QStringLiteral("Not sent:")), qPrintable(tryIt->resultLabel()->text()));
    QVERIFY(!m_fx.host->runtime().deployment(QStringLiteral("lin"))->lastRequest.isValid());

    // A request the model refuses (wrong width) is sent and its error is shown readably.
    tryIt->editor()->setPlainText(QStringLiteral(R"({"inputs": [{"name": "x", "datatype": "FP32", "shape": [1, 3], "data": [1, 2, 3]}]})"));
    QVERIFY(tryIt->send());
    QVERIFY(answered.wait(20000));
    QCOMPARE(answered.last().first().toBool(), false);
    QVERIFY2(tryIt->resultLabel()->text().startsWith(QStringLiteral("Error (")), qPrintable(tryIt->resultLabel()->text()));
}

void tst_DeploymentsPage::tryItSendsWithServerStopped()
{
    deployReady(QStringLiteral("lin"), QStringLiteral("linear"), 1);
    m_page->serverBar()->stop();
    QVERIFY(!m_fx.host->isServerRunning());
    TryItPanel *tryIt = m_page->tryIt();
    QTRY_COMPARE(tryIt->targetName(), QStringLiteral("lin"));
    tryIt->editor()->setPlainText(QStringLiteral(R"({"inputs": [{"name": "x", "datatype": "FP32", "shape": [2, 4], "data": [1, 2, 3, 4, 5, 6, 7, 8]}]})"));
    QSignalSpy answered(tryIt, &TryItPanel::answered);
    QVERIFY(tryIt->send());
    QVERIFY(answered.wait(20000));
    QCOMPARE(answered.first().first().toBool(), true);
    QVERIFY(tryIt->responseView()->toPlainText().contains(QStringLiteral("\"shape\": [2, 3]")));
}

void tst_DeploymentsPage::exampleFillsDataForEditedShape()
{
    // Imported files record no shapes: the example is a skeleton; once the operator writes the
    // shape, Example fills "data" to match and the request is accepted.
    deployReady(QStringLiteral("fashion"), QStringLiteral("mlp"), 1);
    TryItPanel *tryIt = m_page->tryIt();
    QTRY_COMPARE(tryIt->targetName(), QStringLiteral("fashion"));
    QVERIFY2(tryIt->resultLabel()->text().contains(QStringLiteral("does not record the shape of input 'x'")),
             qPrintable(tryIt->resultLabel()->text()));
    QString text = tryIt->editor()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("\"shape\": [1, 1]")));
    tryIt->editor()->setPlainText(text.replace(QStringLiteral("\"shape\": [1, 1]"), QStringLiteral("\"shape\": [1, 784]")));
    tryIt->fillExample(true);
    const QJsonObject request = QJsonDocument::fromJson(tryIt->editor()->toPlainText().toUtf8()).object();
    QCOMPARE(request.value(QStringLiteral("inputs")).toArray().at(0).toObject().value(QStringLiteral("data")).toArray().size(), 784);
    QSignalSpy answered(tryIt, &TryItPanel::answered);
    QVERIFY(tryIt->send());
    QVERIFY(answered.wait(20000));
    QCOMPARE(answered.first().first().toBool(), true);
    QVERIFY(tryIt->resultLabel()->text().contains(QStringLiteral("Predicted: class")));
    // The edited request is kept per endpoint across selection changes.
    deployReady(QStringLiteral("lin"), QStringLiteral("linear"), 1);
    QTRY_COMPARE(tryIt->targetName(), QStringLiteral("lin"));
    QVERIFY(m_page->selectDeployment(QStringLiteral("fashion")));
    QTRY_COMPARE(tryIt->targetName(), QStringLiteral("fashion"));
    QVERIFY(tryIt->editor()->toPlainText().contains(QStringLiteral("[1, 784]")));
}

void tst_DeploymentsPage::copyAsCurlWorksOverHttp()
{
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is not installed");
    Runtime::DeploymentSpec spec;
    spec.name = QStringLiteral("lin");
    spec.model = QStringLiteral("linear");
    spec.version = 1;
    spec.isPublic = true;
    m_page->deploy(spec);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("lin")), QStringLiteral("ready"), readyTimeoutMs);
    QVERIFY(m_page->selectDeployment(QStringLiteral("lin")));
    TryItPanel *tryIt = m_page->tryIt();
    QTRY_COMPARE(tryIt->targetName(), QStringLiteral("lin"));
    tryIt->editor()->setPlainText(QStringLiteral(R"({"id": "c1", "inputs": [{"name": "x", "datatype": "FP32", "shape": [1, 4], "data": [1, 2, 3, 4]}]})"));
    const QString command = tryIt->curlCommand();
    QVERIFY(command.contains(m_fx.host->serverUrl() + QStringLiteral("/v2/models/lin/infer")));
    QVERIFY(!command.contains(QStringLiteral("Authorization"))); // public
    QProcess curl;
    curl.start(QStringLiteral("bash"), {QStringLiteral("-c"), command});
    QVERIFY(curl.waitForFinished(20000));
    const QJsonObject response = QJsonDocument::fromJson(curl.readAllStandardOutput()).object();
    QCOMPARE(response.value(QStringLiteral("id")).toString(), QStringLiteral("c1"));
    QCOMPARE(response.value(QStringLiteral("outputs")).toArray().size(), 1);
    // Without a server there is nothing to copy.
    m_page->serverBar()->stop();
    QTRY_VERIFY(tryIt->curlCommand().isEmpty());
}

void tst_DeploymentsPage::swapAndRollbackChangeVersionColumn()
{
    deployReady(QStringLiteral("fashion"), QStringLiteral("mlp"), 1);
    QCOMPARE(versionsOf(QStringLiteral("fashion")), QStringLiteral("v1"));
    m_page->swapTo(QStringLiteral("fashion"), 2);
    QTRY_COMPARE_WITH_TIMEOUT(versionsOf(QStringLiteral("fashion")), QStringLiteral("v2"), readyTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("fashion")), QStringLiteral("ready"), readyTimeoutMs);
    m_page->rollback(QStringLiteral("fashion"));
    QTRY_COMPARE_WITH_TIMEOUT(versionsOf(QStringLiteral("fashion")), QStringLiteral("v1"), readyTimeoutMs);
    // A swap to a version that does not exist changes nothing and says why.
    QSignalSpy errors(m_page.get(), &DeploymentsPage::error);
    m_page->swapTo(QStringLiteral("fashion"), 9);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, readyTimeoutMs);
    QVERIFY2(errors.first().first().toString().contains(QStringLiteral("Swap of 'fashion' failed")),
             qPrintable(errors.first().first().toString()));
    QCOMPARE(versionsOf(QStringLiteral("fashion")), QStringLiteral("v1"));
}

void tst_DeploymentsPage::canaryAndKnobsApplyLive()
{
    deployReady(QStringLiteral("fashion"), QStringLiteral("mlp"), 1);
    QTRY_COMPARE(m_page->canaryVersionBox()->count(), 1); // v2, the other version
    m_page->setCanary(QStringLiteral("fashion"), 2, 10);
    QTRY_COMPARE_WITH_TIMEOUT(versionsOf(QStringLiteral("fashion")), QStringLiteral("v1 · 90%, canary v2 · 10%"), readyTimeoutMs);
    QTRY_COMPARE(m_page->canarySlider()->value(), 10);
    m_page->setCanary(QStringLiteral("fashion"), 2, 0);
    QTRY_COMPARE_WITH_TIMEOUT(versionsOf(QStringLiteral("fashion")), QStringLiteral("v1"), readyTimeoutMs);

    // Knobs: edit, apply live; the runtime has them and the form shows them after refreshes.
    BatchingForm *knobs = m_page->knobs();
    QTRY_COMPARE(knobs->maxBatchSize()->value(), Runtime::BatchingConfig{}.maxBatchSize);
    knobs->maxBatchSize()->setValue(16);
    knobs->workers()->setValue(2);
    m_page->configure(QStringLiteral("fashion"), knobs->batching(), knobs->isPublic());
    QTRY_COMPARE_WITH_TIMEOUT(m_fx.host->runtime().deployment(QStringLiteral("fashion"))->spec.batching.workers, 2,
                              readyTimeoutMs);
    QCOMPARE(m_fx.host->runtime().deployment(QStringLiteral("fashion"))->spec.batching.maxBatchSize, 16);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("fashion")), QStringLiteral("ready"), readyTimeoutMs);
}

void tst_DeploymentsPage::unloadLoadAgainAndRemove()
{
    deployReady(QStringLiteral("fashion"), QStringLiteral("mlp"), 2);
    m_page->unload(QStringLiteral("fashion"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("fashion")), QStringLiteral("unloaded"), readyTimeoutMs);
    const int row = m_page->tableModel()->rowOf(QStringLiteral("fashion"));
    QCOMPARE(m_page->tableModel()->index(row, DeploymentTableModel::StateColumn).data().toString(), QStringLiteral("unloaded"));
    m_page->loadAgain(QStringLiteral("fashion"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("fashion")), QStringLiteral("ready"), readyTimeoutMs);
    QCOMPARE(versionsOf(QStringLiteral("fashion")), QStringLiteral("v2"));
    m_page->remove(QStringLiteral("fashion"));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->tableModel()->rowCount(), 0, readyTimeoutMs);
    QCOMPARE(m_page->stack()->currentIndex(), 0);
    QVERIFY(!m_fx.host->runtime().deployment(QStringLiteral("fashion")));
}

void tst_DeploymentsPage::testSampleOfIdxVersion()
{
    // A tiny IDX dataset with its own test files, registered as training would, and mlp.pt
    // (784 -> 10) registered with the metadata of a version trained on it.
    const QString data = m_fx.dir->filePath(QStringLiteral("tiny-idx"));
    QVERIFY(QDir().mkpath(data));
    QVERIFY(writeIdx(data, QStringLiteral("train"), 30, 1));
    QVERIFY(writeIdx(data, QStringLiteral("t10k"), 10, 2));
    Training::DataOptions options;
    options.path = data;
    options.dataset = QStringLiteral("tiny");
    auto registered = Training::loadAndRegisterDataset(m_fx.catalog->registry(), options, QStringLiteral("tester"));
    QVERIFY2(registered, registered ? "" : qPrintable(registered.error().message));
    QCOMPARE(registered->data.testStart, 30);
    const QStringList names = registered->data.classNames;
    QCOMPARE(names.size(), 10);
    const QJsonObject params{{QStringLiteral("data_kind"), QStringLiteral("idx")},
                             {QStringLiteral("dataset"), QStringLiteral("tiny")},
                             {QStringLiteral("classes"), QJsonArray::fromStringList(names)},
                             {QStringLiteral("seed"), QStringLiteral("42")},
                             {QStringLiteral("split"), QJsonObject{{QStringLiteral("validation_fraction"), 0.1},
                                                                   {QStringLiteral("test_fraction"), 0.1}}}};
    Lineage lineage;
    lineage.datasetDigest = registered->record.digest;
    lineage.runId = QStringLiteral("run-1");
    lineage.source = QStringLiteral("training");
    QVERIFY(importVersion(QStringLiteral("mlp.pt"), QStringLiteral("fmnist"), params, lineage));
    QSignalSpy snapshot(m_fx.client.get(), &CatalogClient::snapshotReady);
    m_fx.client->refresh();
    QVERIFY(snapshot.wait(10000));

    deployReady(QStringLiteral("fmnist"), QStringLiteral("fmnist"), 1);
    TryItPanel *tryIt = m_page->tryIt();
    QTRY_COMPARE(tryIt->targetName(), QStringLiteral("fmnist"));
    QTRY_VERIFY(tryIt->sampleButton()->isEnabled());
    QSignalSpy finished(m_page->tasks(), &BackgroundTasks::finished);
    tryIt->pickTestSample();
    QTRY_VERIFY_WITH_TIMEOUT(tryIt->thumbnail()->isVisible(), 20000);
    QVERIFY(tryIt->thumbnail()->pixmap().width() > 28);
    QVERIFY2(tryIt->resultLabel()->text().contains(QStringLiteral("test split (10 rows)")), qPrintable(tryIt->resultLabel()->text()));
    const QJsonObject request = QJsonDocument::fromJson(tryIt->editor()->toPlainText().toUtf8()).object();
    const QJsonObject tensor = request.value(QStringLiteral("inputs")).toArray().at(0).toObject();
    QCOMPARE(tensor.value(QStringLiteral("shape")).toArray(), (QJsonArray{1, 784}));
    QCOMPARE(tensor.value(QStringLiteral("data")).toArray().size(), 784);

    QSignalSpy answered(tryIt, &TryItPanel::answered);
    QVERIFY(tryIt->send());
    QVERIFY(answered.wait(20000));
    QCOMPARE(answered.first().first().toBool(), true);
    const QString result = tryIt->resultLabel()->text();
    QVERIFY2(result.contains(QStringLiteral("Predicted: ")) && result.contains(QStringLiteral("true label")), qPrintable(result));
    // The prediction is named with the version's class names.
    bool named = false;
    for (const QString &n : names)
        named = named || result.contains(QStringLiteral("Predicted: ") + n + QStringLiteral(" (class "));
    QVERIFY2(named, qPrintable(result));

    // A version without IDX lineage offers no sample, and says why.
    deployReady(QStringLiteral("lin"), QStringLiteral("linear"), 1);
    QTRY_COMPARE(tryIt->targetName(), QStringLiteral("lin"));
    QVERIFY(!tryIt->sampleButton()->isEnabled());
    QVERIFY(tryIt->sampleButton()->toolTip().contains(QStringLiteral("IDX")));
}

void tst_DeploymentsPage::serverStopStartChangesBar()
{
    ServerBar *bar = m_page->serverBar();
    QCOMPARE(bar->state(), ServerBar::State::Running);
    QVERIFY(bar->stateText().contains(m_fx.host->serverUrl()));
    QVERIFY(bar->stopButton()->isEnabled());
    QSignalSpy infos(m_page.get(), &DeploymentsPage::info);
    bar->stop();
    QCOMPARE(bar->state(), ServerBar::State::Stopped);
    QVERIFY(!m_fx.host->isServerRunning());
    QVERIFY(!bar->stopButton()->isEnabled());
    QVERIFY(bar->stateText().startsWith(QStringLiteral("Stopped")));
    QCOMPARE(infos.size(), 1);

    bar->hostEdit()->setText(QStringLiteral("127.0.0.1"));
    bar->portBox()->setValue(0);
    QVERIFY(bar->start());
    QCOMPARE(bar->state(), ServerBar::State::Running);
    QVERIFY(m_fx.host->isServerRunning());
    QVERIFY(m_fx.host->serverPort() > 0);
    QVERIFY(bar->stateText().contains(QStringLiteral("http://127.0.0.1:%1").arg(m_fx.host->serverPort())));
    // The choice is kept for the next start of the console.
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("server/host")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.value(QStringLiteral("server/port")).toInt(), 0);
    QVERIFY(settings.contains(QStringLiteral("server/autoStart")));
}

void tst_DeploymentsPage::serverBindFailureIsShown()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    ServerBar *bar = m_page->serverBar();
    const QString url = m_fx.host->serverUrl();
    QSignalSpy errors(m_page.get(), &DeploymentsPage::error);
    // Moving a running server to a taken port: it says why and keeps serving where it was.
    bar->portBox()->setValue(occupier.serverPort());
    QVERIFY(!bar->start());
    QCOMPARE(errors.size(), 1);
    const QString message = errors.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(occupier.serverPort())) && message.contains(url),
             qPrintable(message));
    QVERIFY(m_fx.host->isServerRunning());
    QCOMPARE(m_fx.host->serverUrl(), url);
    QCOMPARE(bar->state(), ServerBar::State::Running);

    // Starting a stopped server on a taken port: the bar says it failed, and why.
    bar->stop();
    bar->portBox()->setValue(occupier.serverPort());
    QVERIFY(!bar->start());
    QCOMPARE(bar->state(), ServerBar::State::Failed);
    QVERIFY2(bar->stateText().startsWith(QStringLiteral("Not running: "))
                 && bar->stateText().contains(QStringLiteral("127.0.0.1:%1").arg(occupier.serverPort())),
             qPrintable(bar->stateText()));
    QCOMPARE(errors.size(), 2);
    QVERIFY(!m_fx.host->isServerRunning());
    // A failed start does not overwrite the saved settings.
    QVERIFY(QSettings().value(QStringLiteral("server/port")).toInt() != occupier.serverPort());
}

void tst_DeploymentsPage::exposingTheServerAsksFirst()
{
    ServerBar *bar = m_page->serverBar();
    const QString url = m_fx.host->serverUrl();
    bar->hostEdit()->setText(QStringLiteral("0.0.0.0"));
    QString warning;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&warning, &answer] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (!box || !box->isVisible())
                continue;
            warning = box->text();
            answer.stop();
            box->button(QMessageBox::Cancel)->click();
            return;
        }
    });
    answer.start();
    QVERIFY(!bar->start());
    QVERIFY2(warning.contains(QStringLiteral("0.0.0.0")) && warning.contains(QStringLiteral("clear text")), qPrintable(warning));
    // Cancelled: the server still runs where it was.
    QVERIFY(m_fx.host->isServerRunning());
    QCOMPARE(m_fx.host->serverUrl(), url);
    QCOMPARE(bar->state(), ServerBar::State::Running);
}

void tst_DeploymentsPage::exampleRequestFromSignature()
{
    Signature signature;
    signature.inputs << TensorSpec{QStringLiteral("x"), QStringLiteral("FP32"), {-1, 3}}
                     << TensorSpec{QStringLiteral("ids"), QStringLiteral("INT64"), {-1, 2}};
    auto text = TryItFormat::exampleRequest(signature, TryItFormat::Fill::Random, QStringLiteral("r1"));
    QVERIFY(text);
    auto decoded = TryItFormat::parseRequest(*text);
    QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->id, QStringLiteral("r1"));
    QCOMPARE(int(decoded->inputs.size()), 2);
    QCOMPARE(decoded->inputs[0].shape, (std::vector<int64_t>{1, 3}));
    QCOMPARE(decoded->inputs[1].dtype, Runtime::DataType::Int64);
    // An unknown shape is said, not guessed.
    Signature unknown;
    unknown.inputs << TensorSpec{QStringLiteral("x"), {}, {}};
    auto none = TryItFormat::exampleRequest(unknown, TryItFormat::Fill::Zeros, QStringLiteral("r2"));
    QVERIFY(!none);
    QVERIFY(none.error().message.contains(QStringLiteral("'x'")));
    // Scores -> top class with its label.
    Runtime::Tensor scores;
    scores.shape = {1, 3};
    const float values[] = {0.5f, 2.0f, -1.0f};
    scores.data = QByteArray(reinterpret_cast<const char *>(values), sizeof values);
    const auto top = TryItFormat::topClass({scores}, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
    QVERIFY(top);
    QCOMPARE(top->index, 1);
    QCOMPARE(top->label, QStringLiteral("b"));
    QVERIFY(top->probability > 0.5 && top->probability < 1.0);
}

void tst_DeploymentsPage::requestLogListsHttpRequests()
{
    // Requests from outside the console reach the log one by one (method, path, status, caller).
    deployReady(QStringLiteral("lin"), QStringLiteral("linear"), 1);
    const quint16 port = m_fx.host->serverPort();
    QVERIFY(port > 0);
    auto send = [port](const QByteArray &request) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(5000))
            return QByteArray();
        socket.write(request);
        QByteArray answer;
        while (socket.waitForReadyRead(5000))
            answer += socket.readAll();
        return answer;
    };
    QVERIFY(send("GET /v2/health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 200"));
    const QByteArray body = R"({"inputs":[{"name":"x","datatype":"FP32","shape":[1,4],"data":[1,2,3,4]}]})";
    QVERIFY(send("POST /v2/models/lin/infer HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                 "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body)
                .startsWith("HTTP/1.1 401")); // a private deployment, no token

    auto findHttp = [this](const QString &path, int status) -> std::optional<RequestLogModel::Entry> {
        for (int i = 0; i < m_page->logModel()->rowCount(); ++i) {
            const RequestLogModel::Entry &e = m_page->logModel()->entryAt(i);
            if (e.source == RequestLogModel::Source::Http && e.detail.contains(path) && e.outcome.startsWith(QString::number(status)))
                return e;
        }
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(findHttp(QStringLiteral("POST /v2/models/lin/infer"), 401).has_value(), 10000);
    const RequestLogModel::Entry denied = *findHttp(QStringLiteral("POST /v2/models/lin/infer"), 401);
    QCOMPARE(denied.deployment, QStringLiteral("lin"));
    QVERIFY(!denied.ok);
    QCOMPARE(denied.outcome, QStringLiteral("401 Unauthorized"));
    QVERIFY(denied.detail.contains(QStringLiteral("no token")));
    QVERIFY(denied.latencyMs >= 0);
    const auto live = findHttp(QStringLiteral("GET /v2/health/live"), 200);
    QVERIFY(live.has_value());
    QVERIFY(live->ok);

    // Turned off, nothing more is listed.
    auto *box = m_page->findChild<QCheckBox *>(QStringLiteral("showHttpRequests"));
    QVERIFY(box);
    box->setChecked(false);
    const int rows = m_page->logModel()->rowCount();
    QVERIFY(send("GET /v2/models/not-listed-while-off HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 404"));
    QSignalSpy refreshed(m_page.get(), &DeploymentsPage::refreshed);
    m_page->refresh();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!findHttp(QStringLiteral("/v2/models/not-listed-while-off"), 404).has_value());
    QVERIFY(m_page->logModel()->rowCount() >= rows);
    box->setChecked(true);
}

void tst_DeploymentsPage::requestLogIsBounded()
{
    RequestLogModel log(5);
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 12; ++i)
        log.append({{}, RequestLogModel::Source::Console, QStringLiteral("d"), i, true, QStringLiteral("ok"), 1.0, {}});
    QCOMPARE(log.rowCount(), 5);
    QCOMPARE(log.entryAt(0).version, 11);
    QCOMPARE(log.entryAt(4).version, 7);
}

void tst_DeploymentsPage::failedLoadShowsTheReason()
{
    // A version whose stored bytes no longer match their digest must not load: the row says
    // "failed" with the reason, the page reports it, and other deployments keep serving.
    deployReady(QStringLiteral("lin"), QStringLiteral("linear"), 1);
    Registry::ImportRequest request;
    request.sourcePath = TestData::modelPath(QStringLiteral("mlp.pt"));
    request.model = QStringLiteral("broken");
    auto version = m_fx.catalog->importFile(request, QStringLiteral("tester"));
    QVERIFY(version);
    QFile artifact(m_fx.catalog->store().pathFor(version->digest));
    QVERIFY(artifact.setPermissions(artifact.permissions() | QFile::WriteOwner));
    QVERIFY(artifact.open(QIODevice::ReadWrite));
    QVERIFY(artifact.seek(artifact.size() / 2));
    QVERIFY(artifact.write("corrupted!") == 10);
    artifact.close();

    QSignalSpy errors(m_page.get(), &DeploymentsPage::error);
    Runtime::DeploymentSpec spec;
    spec.name = QStringLiteral("broken");
    spec.model = QStringLiteral("broken");
    spec.version = 1;
    m_page->deploy(spec);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("broken")), QStringLiteral("failed"), readyTimeoutMs);
    const int row = m_page->tableModel()->rowOf(QStringLiteral("broken"));
    const QString tip = m_page->tableModel()->index(row, DeploymentTableModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(!tip.isEmpty(), "no reason in the tooltip");
    QTRY_VERIFY(!errors.isEmpty());
    QVERIFY2(errors.last().first().toString().startsWith(QStringLiteral("Deployment 'broken' failed: ")),
             qPrintable(errors.last().first().toString()));
    QCOMPARE(stateOf(QStringLiteral("lin")), QStringLiteral("ready"));
    QVERIFY2(tip.contains(QStringLiteral("digest")) || tip.contains(QStringLiteral("SHA-256"))
                 || tip.contains(QStringLiteral("corrupt"), Qt::CaseInsensitive),
             qPrintable(tip));
}

void tst_DeploymentsPage::pageClosedWhileWorkRuns()
{
    // Closing the page (the console quitting) with a swap loading and a request in flight: the page
    // waits for its own tasks, the late answer is dropped, and the runtime finishes the swap.
    deployReady(QStringLiteral("fashion"), QStringLiteral("mlp"), 1);
    TryItPanel *tryIt = m_page->tryIt();
    QTRY_COMPARE(tryIt->targetName(), QStringLiteral("fashion"));
    QString text = tryIt->editor()->toPlainText();
    tryIt->editor()->setPlainText(text.replace(QStringLiteral("\"shape\": [1, 1]"), QStringLiteral("\"shape\": [1, 784]")));
    tryIt->fillExample(false);
    m_page->swapTo(QStringLiteral("fashion"), 2);
    QVERIFY(tryIt->send());
    m_logTester.reset();
    m_tableTester.reset();
    m_page.reset();
    auto status = m_fx.host->runtime().waitReady(QStringLiteral("fashion"), std::chrono::seconds(60));
    QVERIFY(status);
    QTRY_COMPARE_WITH_TIMEOUT(m_fx.host->runtime().deployment(QStringLiteral("fashion"))->versions.value(0).version, 2, readyTimeoutMs);
    // A new page picks the state up.
    createPage();
    QTRY_COMPARE_WITH_TIMEOUT(versionsOf(QStringLiteral("fashion")), QStringLiteral("v2"), readyTimeoutMs);
}

QTEST_MAIN(tst_DeploymentsPage)
#include "tst_deploymentspage.moc"
