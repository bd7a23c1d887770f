// DeploymentSpec JSON (the persisted form and the management API's input), its validation,
// the batching ranges and the signature checks done before queueing.

#include "runtime/inferenceengine.h"
#include "runtime/inputvalidation.h"

#include <QJsonArray>
#include <QTest>

using namespace ModelDesk;
using namespace ModelDesk::Runtime;

class tst_DeploymentSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        DeploymentSpec s;
        s.name = QStringLiteral("fashion");
        s.model = QStringLiteral("mlp");
        s.version = 3;
        s.canaryVersion = 4;
        s.canaryPercent = 10;
        s.stickyHeader = QStringLiteral("X-User");
        s.isPublic = true;
        s.batching.maxBatchSize = 32;
        s.batching.maxQueueDelayUs = 0;
        s.batching.workers = 2;
        s.batching.intraOpThreads = 2;
        s.batching.queueCapacity = 64;
        s.batching.requestTimeoutMs = 1500;
        s.batching.idleUnloadSeconds = 600;
        const QJsonObject json = s.toJson();
        QCOMPARE(json.value(QStringLiteral("canary_percent")).toInt(), 10);
        QCOMPARE(json.value(QStringLiteral("batching")).toObject().value(QStringLiteral("max_batch_size")).toInt(), 32);
        auto back = DeploymentSpec::fromJson(json);
        QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().message));
        QCOMPARE(back->toJson(), json);
        QCOMPARE(back->version, std::optional<int>(3));
        QCOMPARE(back->batching.idleUnloadSeconds, 600);
    }

    void defaultsForMissingKeys()
    {
        auto s = DeploymentSpec::fromJson(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("d")}, {QStringLiteral("model"), QStringLiteral("m")}});
        QVERIFY(s.has_value());
        QVERIFY(!s->version);
        QCOMPARE(s->batching.maxBatchSize, BatchingConfig{}.maxBatchSize);
        QCOMPARE(s->batching.requestTimeoutMs, BatchingConfig{}.requestTimeoutMs);
        QVERIFY(!s->isPublic);
    }

    void rejects_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("message");
        const QJsonObject base{{QStringLiteral("name"), QStringLiteral("d")}, {QStringLiteral("model"), QStringLiteral("m")}};
        auto with = [&base](const char *key, QJsonValue v) {
            QJsonObject o = base;
            o.insert(QLatin1String(key), v);
            return o;
        };
        auto batching = [&base](const char *key, QJsonValue v) {
            QJsonObject o = base;
            o.insert(QStringLiteral("batching"), QJsonObject{{QLatin1String(key), v}});
            return o;
        };
        QTest::newRow("bad name") << with("name", QStringLiteral("../x")) << QStringLiteral("deployment name");
        QTest::newRow("no model") << QJsonObject{{QStringLiteral("name"), QStringLiteral("d")}} << QStringLiteral("model name");
        QTest::newRow("version 0") << with("version", 0) << QStringLiteral("version must be 1");
        QTest::newRow("version text") << with("version", QStringLiteral("2")) << QStringLiteral("'version' must be an integer");
        QTest::newRow("fraction") << with("canary_percent", 2.5) << QStringLiteral("must be an integer");
        QTest::newRow("percent") << with("canary_percent", 101) << QStringLiteral("canary_percent");
        QTest::newRow("percent no canary") << with("canary_percent", 5) << QStringLiteral("no canary_version");
        QTest::newRow("bad header") << with("sticky_header", QStringLiteral("a b")) << QStringLiteral("sticky_header");
        QTest::newRow("public text") << with("public", QStringLiteral("yes")) << QStringLiteral("'public'");
        QTest::newRow("batch 0") << batching("max_batch_size", 0) << QStringLiteral("max_batch_size must be between 1");
        QTest::newRow("workers") << batching("workers", 65) << QStringLiteral("workers must be between");
        QTest::newRow("delay") << batching("max_queue_delay_us", -1) << QStringLiteral("max_queue_delay_us");
        QTest::newRow("timeout") << batching("request_timeout_ms", 0) << QStringLiteral("request_timeout_ms");
        QJsonObject both = with("version", 2);
        both.insert(QStringLiteral("alias"), QStringLiteral("production"));
        QTest::newRow("version and alias") << both << QStringLiteral("not both");
        QJsonObject same = with("version", 2);
        same.insert(QStringLiteral("canary_version"), 2);
        QTest::newRow("canary is primary") << same << QStringLiteral("must differ");
    }
    void rejects()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, message);
        auto s = DeploymentSpec::fromJson(json);
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().code, Error::Code::InvalidArgument);
        QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message));
    }

    void stateNames()
    {
        QCOMPARE(deploymentStateName(DeploymentState::Loading), QStringLiteral("loading"));
        QCOMPARE(deploymentStateName(DeploymentState::Warming), QStringLiteral("warming"));
        QCOMPARE(deploymentStateName(DeploymentState::Ready), QStringLiteral("ready"));
        QCOMPARE(deploymentStateName(DeploymentState::Draining), QStringLiteral("draining"));
        QCOMPARE(deploymentStateName(DeploymentState::Unloaded), QStringLiteral("unloaded"));
        QCOMPARE(deploymentStateName(DeploymentState::Failed), QStringLiteral("failed"));
    }

    void statusJson()
    {
        DeploymentStatus s;
        s.spec.name = QStringLiteral("d");
        s.state = DeploymentState::Failed;
        s.reason = QStringLiteral("broken");
        s.history = {1, 2};
        VersionStatus v;
        v.version = 3;
        v.trafficPercent = 100;
        s.versions.append(v);
        const QJsonObject o = toJson(s);
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(o.value(QStringLiteral("reason")).toString(), QStringLiteral("broken"));
        QCOMPARE(o.value(QStringLiteral("history")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("versions")).toArray().at(0).toObject().value(QStringLiteral("version")).toInt(), 3);
    }

    // --- signature checks before queueing

    void inputChecks_data()
    {
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QList<qint64>>("specShape");
        QTest::addColumn<int>("inputType");   // DataType
        QTest::addColumn<QList<qint64>>("shape");
        QTest::addColumn<int>("bytes");       // -1: consistent
        QTest::addColumn<QString>("error");   // empty: accepted
        const int fp32 = int(DataType::Float32);
        QTest::newRow("ok") << QStringLiteral("FP32") << QList<qint64>{-1, 4} << fp32 << QList<qint64>{3, 4} << -1 << QString();
        QTest::newRow("unknown signature") << QString() << QList<qint64>{} << int(DataType::Int64) << QList<qint64>{7}
                                           << -1 << QString();
        QTest::newRow("dtype") << QStringLiteral("FP32") << QList<qint64>{-1, 4} << int(DataType::Int64)
                               << QList<qint64>{1, 4} << -1 << QStringLiteral("expects datatype FP32, got INT64");
        QTest::newRow("rank") << QStringLiteral("FP32") << QList<qint64>{-1, 4} << fp32 << QList<qint64>{4} << -1
                              << QStringLiteral("expects shape [-1, 4], got [4]");
        QTest::newRow("fixed dim") << QStringLiteral("FP32") << QList<qint64>{-1, 4} << fp32 << QList<qint64>{1, 5}
                                   << -1 << QStringLiteral("expects shape [-1, 4], got [1, 5]");
        QTest::newRow("bytes") << QStringLiteral("FP32") << QList<qint64>{-1, 4} << fp32 << QList<qint64>{1, 4} << 12
                               << QStringLiteral("need 4 elements, got 12 bytes");
        QTest::newRow("negative dim") << QString() << QList<qint64>{} << fp32 << QList<qint64>{-1, 4} << 0
                                      << QStringLiteral("invalid shape");
    }
    void inputChecks()
    {
        QFETCH(QString, dtype);
        QFETCH(QList<qint64>, specShape);
        QFETCH(int, inputType);
        QFETCH(QList<qint64>, shape);
        QFETCH(int, bytes);
        QFETCH(QString, error);
        Signature sig;
        sig.inputs.append(TensorSpec{QStringLiteral("x"), dtype, specShape});
        Tensor t;
        t.name = QStringLiteral("x");
        t.dtype = DataType(inputType);
        t.shape.assign(shape.begin(), shape.end());
        const auto n = t.elementCount().value_or(0);
        t.data = QByteArray(bytes >= 0 ? bytes : int(n * dataTypeSize(t.dtype)), '\0');
        std::vector<Tensor> inputs{t};
        const Status s = checkInputs(sig, inputs);
        if (error.isEmpty()) {
            QVERIFY2(s.has_value(), s ? "" : qPrintable(s.error().message));
        } else {
            QVERIFY(!s.has_value());
            QCOMPARE(s.error().code, Error::Code::InvalidArgument);
            QVERIFY2(s.error().message.contains(error), qPrintable(s.error().message));
        }
    }

    void inputsReorderedByName()
    {
        Signature sig;
        sig.inputs = {TensorSpec{QStringLiteral("x"), {}, {}}, TensorSpec{QStringLiteral("y"), {}, {}}};
        Tensor a, b;
        a.name = QStringLiteral("y");
        a.shape = {1};
        a.data = QByteArray(4, '\0');
        b.name = QStringLiteral("x");
        b.shape = {1};
        b.data = QByteArray(4, '\0');
        std::vector<Tensor> inputs{a, b};
        QVERIFY(checkInputs(sig, inputs).has_value());
        QCOMPARE(inputs[0].name, QStringLiteral("x"));
        QCOMPARE(inputs[1].name, QStringLiteral("y"));

        std::vector<Tensor> one{a};
        const Status s = checkInputs(sig, one);
        QVERIFY(!s.has_value());
        QVERIFY2(s.error().message.contains(QStringLiteral("expects 2 input(s) (x, y), got 1")), qPrintable(s.error().message));
    }

    void stackableRowsFollowSignature()
    {
        Signature unknown;
        Tensor t;
        t.shape = {3, 4};
        QCOMPARE(stackableRows(unknown, {t}), int64_t(3));
        Signature fixed;
        fixed.inputs.append(TensorSpec{QStringLiteral("x"), QStringLiteral("FP32"), {1, 4}});
        QCOMPARE(stackableRows(fixed, {t}), int64_t(-1));   // dim 0 is not a batch dimension
        Tensor scalar;
        QCOMPARE(stackableRows(unknown, {scalar}), int64_t(-1));
        Tensor other;
        other.shape = {2, 4};
        QCOMPARE(stackableRows(unknown, {t, other}), int64_t(-1));   // inputs disagree on dim 0
    }

    void requestedOutputs()
    {
        Signature sig;
        sig.outputs.append(TensorSpec{QStringLiteral("output__0"), {}, {}});
        QVERIFY(checkRequestedOutputs(sig, {QStringLiteral("output__0")}).has_value());
        const Status s = checkRequestedOutputs(sig, {QStringLiteral("probs")});
        QVERIFY(!s.has_value());
        QVERIFY(s.error().message.contains(QStringLiteral("unknown output 'probs'")));
    }
};

QTEST_GUILESS_MAIN(tst_DeploymentSpec)
#include "tst_deploymentspec.moc"
