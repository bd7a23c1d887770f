// The server with the real runtime (DeploymentManager, LibTorch) and the real monitoring registry,
// over Python-made TorchScript files: deploy through the API, outputs equal to PyTorch's, binary
// tensors, hot swap under concurrent load with no failed request, canary split, a model that fails to
// load leaves the others serving, restart restores deployments, /metrics (monitoring) passes promtool,
// and the DeploymentWatcher applies definitions changed by another process.

#include "httptestclient.h"

#include "core/workspace.h"
#include "monitoring/inferencemetricsobserver.h"
#include "monitoring/metricsregistry.h"
#include "registry/modelcatalog.h"
#include "runtime/deploymentmanager.h"
#include "security/tokenservice.h"
#include "serving/deploymentwatcher.h"
#include "serving/modelserver.h"
#include "serving/servingmetrics.h"
#include "testmodels.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cmath>
#include <thread>

using namespace ModelDesk;
using namespace ServingTest;

namespace {

struct Expected
{
    QJsonArray input;   // [[784 floats]]
    QJsonArray output;  // [[10 floats]]
};

Expected readExpected()
{
    QFile f(TestData::modelPath(QStringLiteral("mlp_expected.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    return {o.value(QStringLiteral("input")).toArray(), o.value(QStringLiteral("output")).toArray()};
}

QByteArray mlpBody(const QJsonArray &input, const QByteArray &id = "x")
{
    QJsonObject in{{QStringLiteral("name"), QStringLiteral("input__0")},
                   {QStringLiteral("datatype"), QStringLiteral("FP32")},
                   {QStringLiteral("shape"), QJsonArray{1, 784}},
                   {QStringLiteral("data"), input}};
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), QString::fromUtf8(id)}, {QStringLiteral("inputs"), QJsonArray{in}}})
        .toJson(QJsonDocument::Compact);
}

// The whole stack as `modeldesk-cli serve` composes it.
struct Stack
{
    std::unique_ptr<Registry::ModelCatalog> catalog;
    Monitoring::MetricsRegistry monitoring;
    Monitoring::InferenceMetricsObserver observer{monitoring};
    std::shared_ptr<Serving::ServingMetrics> metrics;
    std::unique_ptr<Runtime::DeploymentManager> manager;
    std::unique_ptr<Security::TokenService> tokens;
    std::unique_ptr<Serving::ModelServer> server;

    bool open(const QString &dir)
    {
        auto ws = Workspace::open(dir);
        if (!ws)
            return false;
        auto c = Registry::ModelCatalog::open(*ws);
        if (!c)
            return false;
        catalog = std::move(*c);
        metrics = std::make_shared<Serving::ServingMetrics>(monitoring, observer);
        Runtime::DeploymentManagerOptions o;
        o.warmupRuns = 1;
        manager = std::make_unique<Runtime::DeploymentManager>(catalog.get(), o);
        manager->setObserver(metrics.get());
        if (!manager->restore())
            return false;
        tokens = std::make_unique<Security::TokenService>(catalog->registry());
        Serving::ModelServerOptions so;
        so.http.ioThreads = 2;
        server = std::make_unique<Serving::ModelServer>(*manager, *catalog, *tokens, so, metrics);
        return bool(server->start());
    }

    void close()
    {
        if (server)
            server->stop();
        server.reset();
        if (manager) {
            manager->shutdown();
            manager->setObserver(nullptr);
        }
        manager.reset();
        tokens.reset();
        catalog.reset();
    }

    ~Stack() { close(); }
};

} // namespace

class tst_ServingIntegration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Stack> m_stack;
    QByteArray m_token;
    Expected m_expected;

    quint16 port() const { return m_stack->server->port(); }

    std::optional<HttpReply> call(const QByteArray &method, const QByteArray &target, const QByteArray &body = {})
    {
        return fetch(port(), method, target, body, m_token);
    }

    static bool matchesExpected(const QJsonArray &data, const QJsonArray &expected)
    {
        if (data.size() != expected.size())
            return false;
        for (qsizetype i = 0; i < data.size(); ++i) {
            const double a = data[i].toDouble(), b = expected[i].toDouble();
            if (std::abs(a - b) > 1e-4 * std::max(1.0, std::abs(b)))
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        QVERIFY(m_dir.isValid());
        m_stack = std::make_unique<Stack>();
        QVERIFY(m_stack->open(m_dir.path()));
        for (const char *file : {"mlp.pt", "mlp_v2.pt"}) {
            Registry::ImportRequest r;
            r.sourcePath = TestData::modelPath(QLatin1String(file));
            r.model = QStringLiteral("mlp");
            QVERIFY(m_stack->catalog->importFile(r, QStringLiteral("tester")));
        }
        auto issued = m_stack->tokens->create({QStringLiteral("ops"), Security::Role::Admin, {}, {}}, QStringLiteral("tester"));
        QVERIFY(issued);
        m_token = issued->secret.toUtf8();
        m_expected = readExpected();
        QCOMPARE(m_expected.input.first().toArray().size(), 784);
    }

    void cleanupTestCase() { m_stack.reset(); }

    void deployAndInfer()
    {
        auto r = call("POST", "/api/v1/deployments?wait=120", R"({"name":"mlp","model":"mlp","version":1,"batching":{"max_batch_size":8}})");
        QVERIFY(r);
        QVERIFY2(r->status == 201, r->body.constData());
        QCOMPARE(r->json().value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(call("GET", "/v2/models/mlp/ready")->status, 200);

        auto meta = call("GET", "/v2/models/mlp");
        QCOMPARE(meta->status, 200);
        QCOMPARE(meta->json().value(QStringLiteral("platform")).toString(), QStringLiteral("pytorch_torchscript"));

        r = call("POST", "/v2/models/mlp/infer", mlpBody(m_expected.input.first().toArray(), "first"));
        QVERIFY2(r->status == 200, r->body.constData());
        const QJsonObject o = r->json();
        QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("first"));
        QCOMPARE(o.value(QStringLiteral("model_version")).toString(), QStringLiteral("1"));
        const QJsonObject out = o.value(QStringLiteral("outputs")).toArray().first().toObject();
        QCOMPARE(out.value(QStringLiteral("shape")).toArray(), (QJsonArray{1, 10}));
        QVERIFY(matchesExpected(out.value(QStringLiteral("data")).toArray(), m_expected.output.first().toArray()));

        // Wrong shape is the client's error, checked by the runtime against the signature.
        r = call("POST", "/v2/models/mlp/infer",
                 R"({"inputs":[{"name":"x","datatype":"FP32","shape":[1,3],"data":[1,2,3]}]})");
        QCOMPARE(r->status, 400);
    }

    void binaryInference()
    {
        std::vector<float> row;
        for (const QJsonValue &v : m_expected.input.first().toArray())
            row.push_back(float(v.toDouble()));
        const QByteArray json = R"({"parameters":{"binary_data_output":true},"inputs":[{"name":"x","datatype":"FP32","shape":[1,784],"parameters":{"binary_data_size":3136}}]})";
        const QByteArray body = json + QByteArray(reinterpret_cast<const char *>(row.data()), 3136);
        auto r = fetch(port(), "POST", "/v2/models/mlp/infer", body, m_token,
                       {{"Inference-Header-Content-Length", QByteArray::number(json.size())},
                        {"Content-Type", "application/octet-stream"}});
        QVERIFY(r);
        QVERIFY2(r->status == 200, r->body.left(300).constData());
        const int len = r->header("Inference-Header-Content-Length").toInt();
        QCOMPARE(r->body.size(), len + 40);
        QJsonArray data;
        for (int i = 0; i < 10; ++i) {
            float f;
            std::memcpy(&f, r->body.constData() + len + 4 * i, 4);
            data.append(double(f));
        }
        QVERIFY(matchesExpected(data, m_expected.output.first().toArray()));
    }

    void hotSwapUnderLoad()
    {
        std::atomic<bool> stop{false};
        std::atomic<int> ok{0}, bad{0};
        std::atomic<int> sawV2{0};
        const QByteArray body = mlpBody(m_expected.input.first().toArray());
        const quint16 p = port();
        const QByteArray token = m_token;
        std::vector<std::thread> clients;
        for (int t = 0; t < 3; ++t) {
            clients.emplace_back([&, p, token, body] {
                HttpTestClient c;
                if (!c.connectTo(p)) {
                    ++bad;
                    return;
                }
                while (!stop) {
                    c.send(HttpTestClient::request("POST", "/v2/models/mlp/infer", body, {{"Authorization", "Bearer " + token}}));
                    auto r = c.read();
                    if (r && r->status == 200) {
                        ++ok;
                        if (r->json().value(QStringLiteral("model_version")).toString() == QLatin1String("2"))
                            ++sawV2;
                    } else {
                        ++bad;
                    }
                }
            });
        }
        QTRY_VERIFY(ok > 20);
        auto r = call("POST", "/api/v1/deployments/mlp/swap", R"({"version":2})");
        QVERIFY2(r && r->status == 200, r ? r->body.constData() : "no reply");
        const int atSwap = ok;
        QTRY_VERIFY(sawV2 > 10 && ok > atSwap + 20);
        stop = true;
        for (auto &t : clients)
            t.join();
        QCOMPARE(int(bad), 0);

        r = call("POST", "/api/v1/deployments/mlp/rollback");
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("spec")).toObject().value(QStringLiteral("version")).toInt(), 1);
    }

    void canarySplit()
    {
        auto r = call("POST", "/api/v1/deployments/mlp/canary", R"({"version":2,"percent":30})");
        QVERIFY2(r->status == 200, r->body.constData());
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        const QByteArray body = mlpBody(m_expected.input.first().toArray());
        int v2 = 0;
        const int n = 300;
        for (int i = 0; i < n; ++i) {
            c.send(HttpTestClient::request("POST", "/v2/models/mlp/infer", body, {{"Authorization", "Bearer " + m_token}}));
            auto reply = c.read();
            QVERIFY(reply && reply->status == 200);
            v2 += reply->json().value(QStringLiteral("model_version")).toString() == QLatin1String("2");
        }
        // 30% of 300 = 90, binomial sd ~ 8: 4.5 sd either side.
        QVERIFY2(v2 >= 54 && v2 <= 126, qPrintable(QString::number(v2)));
        // Per-version statistics let the two be compared.
        auto stats = call("GET", "/v2/models/mlp/stats");
        QCOMPARE(stats->status, 200);
        QVERIFY(stats->json().value(QStringLiteral("model_stats")).toArray().size() >= 2);
        QCOMPARE(call("POST", "/api/v1/deployments/mlp/canary", R"({"version":null})")->status, 200);
    }

    void failedModelLeavesOthersServing()
    {
        Registry::ImportRequest imp;
        imp.sourcePath = TestData::modelPath(QStringLiteral("linear.pt"));
        imp.model = QStringLiteral("broken");
        auto v = m_stack->catalog->importFile(imp, QStringLiteral("tester"));
        QVERIFY(v);
        // Damage the stored artifact: the runtime's digest check must refuse it.
        QFile f(m_stack->catalog->store().pathFor(v->digest));
        QFile::setPermissions(f.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() / 2);
        f.write("corrupted bytes");
        f.close();

        auto r = call("POST", "/api/v1/deployments?wait=60", R"({"name":"broken","model":"broken","version":1})");
        QVERIFY(r);
        QVERIFY(r->status == 201 || r->status >= 400);
        auto ready = call("GET", "/v2/models/broken/ready");
        if (r->status == 201) {
            QCOMPARE(ready->status, 503);
            QVERIFY2(ready->error().contains(QStringLiteral("failed")), qPrintable(ready->error()));
        }
        r = call("POST", "/v2/models/mlp/infer", mlpBody(m_expected.input.first().toArray()));
        QCOMPARE(r->status, 200);
        call("DELETE", "/api/v1/deployments/broken");
    }

    void metricsFromMonitoring()
    {
        auto r = call("GET", "/metrics");
        QCOMPARE(r->status, 200);
        QVERIFY(r->body.contains("modeldesk_http_requests_total{"));
        QVERIFY(r->body.contains("deployment=\"mlp\""));
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed");
        QProcess p;
        p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(p.waitForStarted());
        p.write(r->body);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        const QByteArray complaint = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, complaint.constData());
    }

    void watcherAppliesChangesFromAnotherProcess()
    {
        Serving::DeploymentWatcher watcher(*m_stack->manager, m_stack->catalog->registry(), std::chrono::milliseconds(100));
        watcher.start();
        // Another process (a second registry connection) writes a definition, as `modeldesk-cli deploy` does.
        auto other = Registry::ModelRegistry::open(m_stack->catalog->registry().path());
        QVERIFY(other);
        Runtime::DeploymentSpec spec;
        spec.name = QStringLiteral("second");
        spec.model = QStringLiteral("mlp");
        spec.version = 2;
        QVERIFY((*other)->saveDeployment({spec.name, spec.toJson(), {}}, QStringLiteral("cli-user")));
        QTRY_VERIFY_WITH_TIMEOUT(m_stack->manager->deployment(QStringLiteral("second")).has_value(), 30000);
        QVERIFY(m_stack->manager->waitReady(QStringLiteral("second"), std::chrono::seconds(60)));
        QCOMPARE(call("POST", "/v2/models/second/infer", mlpBody(m_expected.input.first().toArray()))->status, 200);
        QVERIFY((*other)->removeDeployment(QStringLiteral("second"), QStringLiteral("cli-user")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_stack->manager->deployment(QStringLiteral("second")).has_value(), 30000);
        watcher.stop();
    }

    void restartRestoresDeployments()
    {
        m_stack->close();
        m_stack = std::make_unique<Stack>();
        QVERIFY(m_stack->open(m_dir.path()));
        QVERIFY(m_stack->manager->waitReady(QStringLiteral("mlp"), std::chrono::seconds(120)));
        auto r = call("POST", "/v2/models/mlp/infer", mlpBody(m_expected.input.first().toArray()));
        QVERIFY2(r && r->status == 200, r ? r->body.constData() : "no reply");
        QVERIFY(matchesExpected(r->json().value(QStringLiteral("outputs")).toArray().first().toObject()
                                    .value(QStringLiteral("data")).toArray(),
                                m_expected.output.first().toArray()));
    }
};

QTEST_GUILESS_MAIN(tst_ServingIntegration)
#include "tst_servingintegration.moc"
