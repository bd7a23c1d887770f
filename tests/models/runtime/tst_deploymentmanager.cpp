// DeploymentManager end to end on real TorchScript files imported into a real workspace: serving,
// batching, overload, timeouts, input checks, failures that stay local, unload/reload, idle unload,
// shutdown, persistence.

#include "runtimetestutil.h"

#include "runtime/inferencesession.h"

#include <thread>

using namespace RuntimeTest;

namespace {

DeploymentManagerOptions fastOptions()
{
    DeploymentManagerOptions o;
    o.housekeepingIntervalMs = 50;
    return o;
}

Tensor int64Tensor(std::vector<int64_t> shape)
{
    Tensor t;
    t.name = QStringLiteral("x");
    t.dtype = DataType::Int64;
    t.shape = shape;
    t.data = QByteArray(int(t.elementCount().value_or(0) * 8), '\0');
    return t;
}

} // namespace

class tst_DeploymentManager : public QObject
{
    Q_OBJECT

private:
    TestWorkspace m_ws;
    Expected m_expected;

    Result<DeploymentStatus> deployAndWait(DeploymentManager &m, const DeploymentSpec &s)
    {
        auto d = m.deploy(s, QStringLiteral("tester"));
        if (!d)
            return d;
        return m.waitReady(s.name, std::chrono::seconds(60));
    }

private Q_SLOTS:
    void initTestCase()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        QVERIFY(m_ws.open());
        RT_VERIFY(m_ws.import(QStringLiteral("mlp.pt"), QStringLiteral("mlp")));
        RT_VERIFY(m_ws.import(QStringLiteral("mlp_v2.pt"), QStringLiteral("mlp")));
        RT_VERIFY(m_ws.import(QStringLiteral("linear.pt"), QStringLiteral("linear")));
        // A version whose signature is fully declared, so the checks before queueing apply.
        NewVersion meta;
        meta.signature.inputs.append(TensorSpec{QStringLiteral("x"), QStringLiteral("FP32"), {-1, 784}});
        meta.signature.outputs.append(TensorSpec{QStringLiteral("logits"), QStringLiteral("FP32"), {-1, 10}});
        RT_VERIFY(m_ws.catalog->addVersionFromBytes(QStringLiteral("mlpsig"), TestData::readModel(QStringLiteral("mlp.pt")),
                                                     meta, QStringLiteral("tester")));
        m_expected = readExpected(QStringLiteral("mlp_expected.json"));
        QCOMPARE(m_expected.input.size(), size_t(784));
    }

    void outputsMatchPython()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RecordingObserver observer;
        m.setObserver(&observer);
        auto ready = deployAndWait(m, spec(QStringLiteral("fashion"), QStringLiteral("mlp"), 1));
        RT_VERIFY(ready);
        QCOMPARE(ready->state, DeploymentState::Ready);
        QCOMPARE(ready->versions.size(), 1);
        QCOMPARE(ready->versions.front().version, 1);
        QCOMPARE(ready->versions.front().trafficPercent, 100);
        QVERIFY2(ready->versions.front().warmup.contains(QStringLiteral("skipped")),
                 qPrintable(ready->versions.front().warmup));   // imported signature has no shape
        QVERIFY(m.isReady());

        InferRequest r = mlpRequest(QStringLiteral("fashion"), m_expected.input);
        r.id = QStringLiteral("abc");
        auto out = inferSync(m, r);
        RT_VERIFY(out);
        QCOMPARE(out->id, QStringLiteral("abc"));
        QCOMPARE(out->model, QStringLiteral("mlp"));
        QCOMPARE(out->version, 1);
        QCOMPARE(out->outputs.size(), size_t(1));
        QCOMPARE(out->outputs.front().name, QStringLiteral("output__0"));
        QCOMPARE(out->outputs.front().shape, (std::vector<int64_t>{1, 10}));
        QVERIFY(closeTo(floats(out->outputs.front()), m_expected.output));

        QTRY_COMPARE(observer.records().size(), size_t(1));
        const InferenceRecord rec = observer.records().front();
        QCOMPARE(rec.deployment, QStringLiteral("fashion"));
        QCOMPARE(rec.version, 1);
        QVERIFY(!rec.error);
        QCOMPARE(rec.batchSize, 1);
        QVERIFY(rec.totalUs >= rec.computeUs);
        QVERIFY(observer.events().contains(QStringLiteral("fashion:1:loaded")));
        m.setObserver(nullptr);
    }

    void requestsWaitForTheFirstLoad()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        auto d = m.deploy(spec(QStringLiteral("early"), QStringLiteral("mlp"), 1), QStringLiteral("tester"));
        RT_VERIFY(d);
        QVERIFY(d->state == DeploymentState::Loading || d->state == DeploymentState::Warming ||
                d->state == DeploymentState::Ready);
        auto out = inferSync(m, mlpRequest(QStringLiteral("early"), m_expected.input));   // before waitReady
        RT_VERIFY(out);
        QVERIFY(closeTo(floats(out->outputs.front()), m_expected.output));
    }

    void latestAtDeployTimeIsPinned()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        auto ready = deployAndWait(m, spec(QStringLiteral("latest"), QStringLiteral("mlp")));
        RT_VERIFY(ready);
        QCOMPARE(ready->spec.version, std::optional<int>(2));
        QCOMPARE(ready->versions.front().version, 2);
    }

    void batchingCombinesAndSplits()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RecordingObserver observer;
        m.setObserver(&observer);
        DeploymentSpec s = spec(QStringLiteral("batched"), QStringLiteral("mlp"), 1);
        s.batching.maxBatchSize = 8;
        s.batching.maxQueueDelayUs = 1000;
        RT_VERIFY(deployAndWait(m, s));

        // Hold the only worker in a callback so that the next requests queue up behind it.
        WorkerGate gate;
        m.infer(mlpRequest(QStringLiteral("batched"), m_expected.input), gate.callback());
        QVERIFY(gate.waitEntered());
        constexpr int n = 32;
        Collector collector;
        std::vector<std::vector<float>> rows;
        for (int i = 0; i < n; ++i) {
            rows.push_back(randomRow(784, quint32(i + 1)));
            InferRequest r = mlpRequest(QStringLiteral("batched"), rows.back());
            r.id = QString::number(i);
            m.infer(std::move(r), collector.callback(i));
        }
        gate.release();
        QVERIFY(collector.waitFor(n));
        RT_VERIFY(gate.result());

        // Each request gets its own row: compare with the model run on that row alone.
        auto reference = InferenceSession::load(TestData::readModel(QStringLiteral("mlp.pt")), QStringLiteral("mlp"));
        RT_VERIFY(reference);
        int batched = 0;
        for (int i = 0; i < n; ++i) {
            const InferResult r = collector.result(i);
            RT_VERIFY(r);
            QCOMPARE(collector.calls(i), 1);
            QCOMPARE(r->id, QString::number(i));
            QCOMPARE(r->outputs.front().shape, (std::vector<int64_t>{1, 10}));
            std::vector<Tensor> in{floatTensor(QStringLiteral("x"), {1, 784}, rows[size_t(i)])};
            auto alone = (*reference)->forward(in, {});
            RT_VERIFY(alone);
            QVERIFY2(closeTo(floats(r->outputs.front()), floats(alone->front()), 1e-4f), qPrintable(QString::number(i)));
            QVERIFY(r->timings.batchSize <= 8);
            if (r->timings.batchSize > 1)
                ++batched;
        }
        QVERIFY(batched > 0);
        QTRY_VERIFY(observer.maxBatchSize() > 1);
        m.setObserver(nullptr);
    }

    void batchingOffKeepsBatchesOfOne()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        DeploymentSpec s = spec(QStringLiteral("single"), QStringLiteral("mlp"), 1);
        s.batching.maxBatchSize = 1;
        RT_VERIFY(deployAndWait(m, s));
        WorkerGate gate;
        m.infer(mlpRequest(QStringLiteral("single"), m_expected.input), gate.callback());
        QVERIFY(gate.waitEntered());
        Collector collector;
        for (int i = 0; i < 8; ++i)
            m.infer(mlpRequest(QStringLiteral("single"), m_expected.input), collector.callback(i));
        gate.release();
        QVERIFY(collector.waitFor(8));
        for (int i = 0; i < 8; ++i) {
            RT_VERIFY(collector.result(i));
            QCOMPARE(collector.result(i)->timings.batchSize, 1);
        }
    }

    void queueFullIsUnavailableWithRetryAfter()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        DeploymentSpec s = spec(QStringLiteral("small-queue"), QStringLiteral("mlp"), 1);
        s.batching.maxBatchSize = 1;
        s.batching.queueCapacity = 2;
        RT_VERIFY(deployAndWait(m, s));
        RT_VERIFY(deployAndWait(m, spec(QStringLiteral("neighbour"), QStringLiteral("linear"))));

        WorkerGate gate;
        m.infer(mlpRequest(QStringLiteral("small-queue"), m_expected.input), gate.callback());
        QVERIFY(gate.waitEntered());
        Collector queued;
        m.infer(mlpRequest(QStringLiteral("small-queue"), m_expected.input), queued.callback(0));
        m.infer(mlpRequest(QStringLiteral("small-queue"), m_expected.input), queued.callback(1));
        // Refused at once, on this thread, while the worker is still busy.
        auto refused = inferSync(m, mlpRequest(QStringLiteral("small-queue"), m_expected.input), 1000);
        RT_INFER_FAILS(refused, Error::Code::Unavailable);
        QCOMPARE(refused.error().retryAfterSeconds, 1);
        QVERIFY2(refused.error().error.message.contains(QStringLiteral("queue is full")),
                 refused.error().error.message.toUtf8().constData());

        // Another deployment is not blocked by the full one.
        InferRequest lin;
        lin.deployment = QStringLiteral("neighbour");
        lin.inputs.push_back(floatTensor(QStringLiteral("x"), {1, 4}, {1, 2, 3, 4}));
        RT_VERIFY(inferSync(m, lin));

        gate.release();
        QVERIFY(queued.waitFor(2));
        RT_VERIFY(queued.result(0));
        RT_VERIFY(queued.result(1));
    }

    void oldRequestTimesOut()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        DeploymentSpec s = spec(QStringLiteral("impatient"), QStringLiteral("mlp"), 1);
        s.batching.requestTimeoutMs = 200;
        RT_VERIFY(deployAndWait(m, s));
        InferRequest r = mlpRequest(QStringLiteral("impatient"), m_expected.input);
        r.received = std::chrono::steady_clock::now() - std::chrono::seconds(2);   // as if it waited upstream
        auto out = inferSync(m, r);
        RT_INFER_FAILS(out, Error::Code::Timeout);
        QVERIFY2(out.error().error.message.contains(QStringLiteral("timed out")), out.error().error.message.toUtf8().constData());
        RT_VERIFY(inferSync(m, mlpRequest(QStringLiteral("impatient"), m_expected.input)));
    }

    void queuedRequestTimesOutBehindABusyWorker()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        DeploymentSpec s = spec(QStringLiteral("slow"), QStringLiteral("mlp"), 1);
        s.batching.requestTimeoutMs = 100;
        RT_VERIFY(deployAndWait(m, s));
        WorkerGate gate;
        m.infer(mlpRequest(QStringLiteral("slow"), m_expected.input), gate.callback());
        QVERIFY(gate.waitEntered());
        Collector c;
        m.infer(mlpRequest(QStringLiteral("slow"), m_expected.input), c.callback(0));
        // Housekeeping answers it while the worker is still stuck.
        QVERIFY(c.waitFor(1, 10000));
        RT_INFER_FAILS(c.result(0), Error::Code::Timeout);
        gate.release();
    }

    void inputChecks_data()
    {
        QTest::addColumn<QString>("deployment");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        // Unknown signature (imported file): only what is certain is checked, forward decides the rest.
        QTest::newRow("no inputs") << QStringLiteral("plain") << 0 << QStringLiteral("no inputs");
        QTest::newRow("two inputs") << QStringLiteral("plain") << 1 << QStringLiteral("expects 1 input(s) (x), got 2");
        QTest::newRow("bytes") << QStringLiteral("plain") << 2 << QStringLiteral("need 784 elements");
        QTest::newRow("width via forward") << QStringLiteral("plain") << 3 << QStringLiteral("mat1 and mat2");
        QTest::newRow("dtype via forward") << QStringLiteral("plain") << 4 << QStringLiteral("dtype");
        QTest::newRow("unknown output") << QStringLiteral("plain") << 5 << QStringLiteral("unknown output 'probs'");
        // Declared signature: rejected before queueing with the signature's words.
        QTest::newRow("sig dtype") << QStringLiteral("declared") << 4 << QStringLiteral("expects datatype FP32, got INT64");
        QTest::newRow("sig width") << QStringLiteral("declared") << 3 << QStringLiteral("expects shape [-1, 784], got [1, 5]");
        QTest::newRow("sig rank") << QStringLiteral("declared") << 6 << QStringLiteral("expects shape [-1, 784], got [784]");
        QTest::newRow("sig output") << QStringLiteral("declared") << 5 << QStringLiteral("(the model has: logits)");
    }
    void inputChecks()
    {
        QFETCH(QString, deployment);
        QFETCH(int, kind);
        QFETCH(QString, message);
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RecordingObserver observer;
        m.setObserver(&observer);
        RT_VERIFY(deployAndWait(m, spec(deployment, deployment == QStringLiteral("plain") ? QStringLiteral("mlp")
                                                                                      : QStringLiteral("mlpsig"), 1)));
        InferRequest r;
        r.deployment = deployment;
        const std::vector<float> row(784, 0.5f);
        switch (kind) {
        case 0: break;
        case 1:
            r.inputs = {floatTensor(QStringLiteral("x"), {1, 784}, row), floatTensor(QStringLiteral("y"), {1, 784}, row)};
            break;
        case 2: r.inputs = {floatTensor(QStringLiteral("x"), {1, 784}, std::vector<float>(700, 0.5f))}; break;
        case 3: r.inputs = {floatTensor(QStringLiteral("x"), {1, 5}, std::vector<float>(5, 0.5f))}; break;
        case 4: r.inputs = {int64Tensor({1, 784})}; break;
        case 5:
            r.inputs = {floatTensor(QStringLiteral("x"), {1, 784}, row)};
            r.requestedOutputs = {QStringLiteral("probs")};
            break;
        case 6: r.inputs = {floatTensor(QStringLiteral("x"), {784}, row)}; break;
        }
        auto out = inferSync(m, r);
        RT_INFER_FAILS(out, Error::Code::InvalidArgument);
        QVERIFY2(out.error().error.message.contains(message, Qt::CaseInsensitive),
                 out.error().error.message.toUtf8().constData());
        QTRY_COMPARE(observer.records().size(), size_t(1));
        QCOMPARE(observer.records().front().error, std::optional<Error::Code>(Error::Code::InvalidArgument));
        // The deployment keeps serving good requests.
        auto good = inferSync(m, mlpRequest(deployment, m_expected.input));
        RT_VERIFY(good);
        if (deployment == QStringLiteral("declared"))
            QCOMPARE(good->outputs.front().name, QStringLiteral("logits"));
        m.setObserver(nullptr);
    }

    void badRequestInABatchFailsAlone()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        DeploymentSpec s = spec(QStringLiteral("mixed"), QStringLiteral("linear"), 1);
        s.batching.maxBatchSize = 16;
        RT_VERIFY(deployAndWait(m, s));
        WorkerGate gate;
        InferRequest first;
        first.deployment = QStringLiteral("mixed");
        first.inputs = {floatTensor(QStringLiteral("x"), {1, 4}, {1, 2, 3, 4})};
        m.infer(first, gate.callback());
        QVERIFY(gate.waitEntered());
        Collector c;
        for (int i = 0; i < 6; ++i) {
            InferRequest r;
            r.deployment = QStringLiteral("mixed");
            // Rows 0-4 are good; row 5 has 5 columns and can never stack with them.
            r.inputs = {i < 5 ? floatTensor(QStringLiteral("x"), {1, 4}, {float(i), 1, 2, 3})
                              : floatTensor(QStringLiteral("x"), {1, 5}, {1, 2, 3, 4, 5})};
            m.infer(std::move(r), c.callback(i));
        }
        gate.release();
        QVERIFY(c.waitFor(6));
        for (int i = 0; i < 5; ++i)
            RT_VERIFY(c.result(i));
        RT_INFER_FAILS(c.result(5), Error::Code::InvalidArgument);
    }

    void unknownDeploymentAndPinnedVersions()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RT_VERIFY(deployAndWait(m, spec(QStringLiteral("pinned"), QStringLiteral("mlp"), 1)));
        RT_INFER_FAILS(inferSync(m, mlpRequest(QStringLiteral("nope"), m_expected.input)), Error::Code::NotFound);
        InferRequest r = mlpRequest(QStringLiteral("pinned"), m_expected.input);
        r.version = 2;
        auto out = inferSync(m, r);
        RT_INFER_FAILS(out, Error::Code::NotFound);
        QVERIFY(out.error().error.message.contains(QStringLiteral("does not serve version 2")));
        r.version = 1;
        auto ok = inferSync(m, r);
        RT_VERIFY(ok);
        QCOMPARE(ok->version, 1);
        RT_FAILS(m.deployment(QStringLiteral("nope")), Error::Code::NotFound);
        RT_FAILS(m.deploy(spec(QStringLiteral("x"), QStringLiteral("mlp"), 9), QStringLiteral("tester")),
                 Error::Code::NotFound);
        RT_FAILS(m.deploy(spec(QStringLiteral("x"), QStringLiteral("no-such-model")), QStringLiteral("tester")),
                 Error::Code::NotFound);
        RT_FAILS(m.deploy(spec(QStringLiteral("Bad Name"), QStringLiteral("mlp")), QStringLiteral("tester")),
                 Error::Code::InvalidArgument);
    }

    void corruptArtifactFailsOnlyItsDeployment()
    {
        // two_inputs.pt is used by no other test model, so its stored file is its own.
        auto broken = m_ws.import(QStringLiteral("two_inputs.pt"), QStringLiteral("broken"));
        RT_VERIFY(broken);
        QFile f(m_ws.artifactPath(*broken));
        QVERIFY2(f.open(QIODevice::ReadWrite), qPrintable(f.fileName()));
        QVERIFY(f.seek(f.size() / 2));
        char c = 0;
        QVERIFY(f.getChar(&c));
        QVERIFY(f.seek(f.size() / 2));
        QVERIFY(f.putChar(char(c ^ 0x5a)));
        f.close();

        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RT_VERIFY(deployAndWait(m, spec(QStringLiteral("healthy"), QStringLiteral("mlp"), 1)));
        RT_VERIFY(m.deploy(spec(QStringLiteral("corrupt"), QStringLiteral("broken"), 1), QStringLiteral("tester")));
        auto waited = m.waitReady(QStringLiteral("corrupt"), std::chrono::seconds(60));
        RT_FAILS(waited, Error::Code::Corrupt);
        auto status = m.deployment(QStringLiteral("corrupt"));
        RT_VERIFY(status);
        QCOMPARE(status->state, DeploymentState::Failed);
        QVERIFY2(!status->reason.isEmpty(), "a failed deployment says why");
        QVERIFY2(status->reason.contains(QStringLiteral("broken")), qPrintable(status->reason));

        auto refused = inferSync(m, mlpRequest(QStringLiteral("corrupt"), m_expected.input));
        RT_INFER_FAILS(refused, Error::Code::Unavailable);
        QVERIFY(refused.error().error.message.contains(QStringLiteral("not ready")));
        RT_VERIFY(inferSync(m, mlpRequest(QStringLiteral("healthy"), m_expected.input)));
        QVERIFY(m.isReady());   // one failed deployment does not take the server out
        QCOMPARE(m.deployment(QStringLiteral("healthy"))->state, DeploymentState::Ready);
    }

    void unloadAndReload()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        const DeploymentSpec s = spec(QStringLiteral("cycle"), QStringLiteral("mlp"), 1);
        RT_VERIFY(deployAndWait(m, s));
        auto unloaded = m.unload(QStringLiteral("cycle"), QStringLiteral("tester"));
        RT_VERIFY(unloaded);
        QCOMPARE(unloaded->state, DeploymentState::Unloaded);
        QVERIFY(!unloaded->idleUnloaded);
        QCOMPARE(unloaded->unloads, 1);
        auto refused = inferSync(m, mlpRequest(QStringLiteral("cycle"), m_expected.input));
        RT_INFER_FAILS(refused, Error::Code::Unavailable);
        QVERIFY(refused.error().error.message.contains(QStringLiteral("unloaded")));
        RT_FAILS(m.waitReady(QStringLiteral("cycle"), std::chrono::milliseconds(10)), Error::Code::Conflict);

        RT_VERIFY(deployAndWait(m, s));
        RT_VERIFY(inferSync(m, mlpRequest(QStringLiteral("cycle"), m_expected.input)));
        auto st = m.deployment(QStringLiteral("cycle"));
        QCOMPARE(st->loads, 2);
        QCOMPARE(st->unloads, 1);
        QCOMPARE(m.counters().loads, 2);
        QCOMPARE(m.counters().unloads, 1);

        RT_VERIFY(m.remove(QStringLiteral("cycle"), QStringLiteral("tester")));
        RT_INFER_FAILS(inferSync(m, mlpRequest(QStringLiteral("cycle"), m_expected.input)), Error::Code::NotFound);
    }

    void idleUnloadThenReloadOnDemand()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RecordingObserver observer;
        m.setObserver(&observer);
        DeploymentSpec s = spec(QStringLiteral("sleepy"), QStringLiteral("mlp"), 1);
        s.batching.idleUnloadSeconds = 1;
        RT_VERIFY(deployAndWait(m, s));
        QTRY_VERIFY_WITH_TIMEOUT(m.deployment(QStringLiteral("sleepy"))->idleUnloaded, 15000);
        auto st = m.deployment(QStringLiteral("sleepy"));
        QCOMPARE(st->state, DeploymentState::Unloaded);
        QVERIFY(st->reason.contains(QStringLiteral("next request")));
        QVERIFY(m.isReady());   // loads on demand, so it does not make the server unready
        QTRY_VERIFY(observer.events().contains(QStringLiteral("sleepy:1:idle_unloaded")));
        QCOMPARE(m.counters().unloads, 1);

        auto out = inferSync(m, mlpRequest(QStringLiteral("sleepy"), m_expected.input));
        RT_VERIFY(out);
        QVERIFY(closeTo(floats(out->outputs.front()), m_expected.output));
        QCOMPARE(m.counters().reloadsOnDemand, 1);
        QCOMPARE(m.deployment(QStringLiteral("sleepy"))->loads, 2);
        QVERIFY(observer.events().contains(QStringLiteral("sleepy:1:reloaded_on_demand")));
        m.setObserver(nullptr);
    }

    void shutdownAnswersEveryPendingRequest()
    {
        auto m = std::make_unique<DeploymentManager>(m_ws.catalog.get(), fastOptions());
        DeploymentSpec s = spec(QStringLiteral("closing"), QStringLiteral("mlp"), 1);
        s.batching.maxBatchSize = 1;
        RT_VERIFY(deployAndWait(*m, s));
        WorkerGate gate;
        m->infer(mlpRequest(QStringLiteral("closing"), m_expected.input), gate.callback());
        QVERIFY(gate.waitEntered());
        Collector c;
        for (int i = 0; i < 5; ++i)
            m->infer(mlpRequest(QStringLiteral("closing"), m_expected.input), c.callback(i));
        std::thread closer([&m] { m->shutdown(); });
        QVERIFY(c.waitFor(5, 30000));   // queued ones are answered while the in-flight one still runs
        for (int i = 0; i < 5; ++i) {
            RT_INFER_FAILS(c.result(i), Error::Code::Unavailable);
            QCOMPARE(c.result(i).error().error.message, QStringLiteral("server shutting down"));
        }
        gate.release();
        closer.join();
        RT_VERIFY(gate.result());   // the in-flight request finished normally
        auto after = inferSync(*m, mlpRequest(QStringLiteral("closing"), m_expected.input), 1000);
        RT_INFER_FAILS(after, Error::Code::Unavailable);
        m.reset();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(c.calls(i), 1);
    }

    void persistenceRestoresDeployments()
    {
        TestWorkspace ws;
        QVERIFY(ws.open());
        RT_VERIFY(ws.import(QStringLiteral("mlp.pt"), QStringLiteral("mlp")));
        RT_VERIFY(ws.import(QStringLiteral("mlp_v2.pt"), QStringLiteral("mlp")));
        RT_VERIFY(ws.import(QStringLiteral("linear.pt"), QStringLiteral("linear")));
        auto fragile = ws.import(QStringLiteral("tuple_out.pt"), QStringLiteral("fragile"));
        RT_VERIFY(fragile);
        {
            DeploymentManager m(ws.catalog.get(), fastOptions());
            DeploymentSpec a = spec(QStringLiteral("alpha"), QStringLiteral("mlp"), 1);
            a.batching.maxBatchSize = 16;
            a.isPublic = true;
            RT_VERIFY(deployAndWait(m, a));
            RT_VERIFY(m.swap(QStringLiteral("alpha"), 2, QStringLiteral("tester")));
            RT_VERIFY(m.setCanary(QStringLiteral("alpha"), 1, 25, QStringLiteral("tester")));
            RT_VERIFY(deployAndWait(m, spec(QStringLiteral("beta"), QStringLiteral("linear"))));
            RT_VERIFY(m.unload(QStringLiteral("beta"), QStringLiteral("tester")));
            RT_VERIFY(deployAndWait(m, spec(QStringLiteral("gamma"), QStringLiteral("fragile"))));
            RT_VERIFY(deployAndWait(m, spec(QStringLiteral("temp"), QStringLiteral("linear"))));
            RT_VERIFY(m.remove(QStringLiteral("temp"), QStringLiteral("tester")));
        }
        // Between the runs the artifact behind "gamma" goes bad.
        QFile f(ws.artifactPath(*fragile));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 2));
        f.close();

        QVERIFY(ws.reopen());
        DeploymentManager m(ws.catalog.get(), fastOptions());
        auto restored = m.restore();
        RT_VERIFY(restored);
        QCOMPARE(restored->size(), 3);

        auto alpha = m.waitReady(QStringLiteral("alpha"), std::chrono::seconds(60));
        RT_VERIFY(alpha);
        QCOMPARE(alpha->spec.version, std::optional<int>(2));
        QCOMPARE(alpha->history, QList<int>{1});
        QCOMPARE(alpha->spec.canaryVersion, std::optional<int>(1));
        QCOMPARE(alpha->spec.canaryPercent, 25);
        QCOMPARE(alpha->spec.batching.maxBatchSize, 16);
        QVERIFY(alpha->spec.isPublic);
        QCOMPARE(alpha->versions.size(), 2);
        QCOMPARE(alpha->versions.at(0).trafficPercent, 75);
        QCOMPARE(alpha->versions.at(1).state, DeploymentState::Ready);
        InferRequest pinned = mlpRequest(QStringLiteral("alpha"), m_expected.input);
        pinned.version = 1;
        auto v1 = inferSync(m, pinned);
        RT_VERIFY(v1);
        QVERIFY(closeTo(floats(v1->outputs.front()), m_expected.output));

        auto beta = m.deployment(QStringLiteral("beta"));
        RT_VERIFY(beta);
        QCOMPARE(beta->state, DeploymentState::Unloaded);

        RT_FAILS(m.waitReady(QStringLiteral("gamma"), std::chrono::seconds(60)), Error::Code::Corrupt);
        auto gamma = m.deployment(QStringLiteral("gamma"));
        QCOMPARE(gamma->state, DeploymentState::Failed);
        QVERIFY(!gamma->reason.isEmpty());
        RT_FAILS(m.deployment(QStringLiteral("temp")), Error::Code::NotFound);

        // Every change went to the audit trail, under the deployment's name.
        AuditQuery q;
        q.target = QStringLiteral("deployment/alpha");
        auto audit = ws.catalog->registry().audit(q);
        RT_VERIFY(audit);
        QStringList actions;
        for (const AuditEntry &e : *audit)
            actions << e.action;
        QVERIFY2(actions.contains(QStringLiteral("deployment.swap")), qPrintable(actions.join(QLatin1Char(' '))));
        QVERIFY(actions.contains(QStringLiteral("deployment.canary")));
    }
};

QTEST_GUILESS_MAIN(tst_DeploymentManager)
#include "tst_deploymentmanager.moc"
