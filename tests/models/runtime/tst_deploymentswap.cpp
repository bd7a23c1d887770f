// Version changes on a live deployment: hot swap under concurrent load with no failed request,
// rollback, canary split and stickiness, pinned versions, alias following, live reconfiguration,
// and a failed swap that leaves the old version serving.

#include "runtimetestutil.h"

#include <QSet>

#include <thread>

using namespace RuntimeTest;

namespace {

DeploymentManagerOptions fastOptions()
{
    DeploymentManagerOptions o;
    o.housekeepingIntervalMs = 50;
    o.aliasPollMs = 0;
    return o;
}

// Client threads that keep sending requests until stopped, counting answers by version.
class LoadGenerator
{
public:
    LoadGenerator(InferenceEngine &engine, const QString &deployment, const std::vector<float> &row, int threads)
    {
        for (int t = 0; t < threads; ++t)
            m_threads.emplace_back([this, &engine, deployment, row] {
                while (!m_stop) {
                    auto r = inferSync(engine, mlpRequest(deployment, row), 30000);
                    std::lock_guard lock(m_mutex);
                    if (r) {
                        ++m_ok;
                        ++m_byVersion[r->version];
                    } else {
                        ++m_failed;
                        m_lastError = QString::fromUtf8(errorText(r));
                    }
                }
            });
    }
    ~LoadGenerator() { stop(); }
    void stop()
    {
        m_stop = true;
        for (auto &t : m_threads) {
            if (t.joinable())
                t.join();
        }
    }
    int ok() const
    {
        std::lock_guard lock(m_mutex);
        return m_ok;
    }
    int failed() const
    {
        std::lock_guard lock(m_mutex);
        return m_failed;
    }
    int byVersion(int v) const
    {
        std::lock_guard lock(m_mutex);
        return m_byVersion.count(v) ? m_byVersion.at(v) : 0;
    }
    QString lastError() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastError;
    }

private:
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
    mutable std::mutex m_mutex;
    int m_ok = 0;
    int m_failed = 0;
    std::map<int, int> m_byVersion;
    QString m_lastError;
};

// Keeps `outstanding` requests in flight at all times (each answer submits the next), so the queue
// of the version being replaced is never empty when a swap happens.
class AsyncLoad
{
public:
    AsyncLoad(InferenceEngine &engine, QString deployment, std::vector<float> row, int outstanding)
        : m_engine(engine), m_deployment(std::move(deployment)), m_row(std::move(row)), m_outstanding(outstanding)
    {
        for (int i = 0; i < outstanding; ++i)
            submit();
    }
    ~AsyncLoad() { stop(); }
    void stop()
    {
        m_stop = true;
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return m_outstanding == 0; });
    }
    int ok() const { return m_ok; }
    int failed() const { return m_failed; }
    QString lastError() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastError;
    }

private:
    void submit()
    {
        m_engine.infer(mlpRequest(m_deployment, m_row), [this](InferResult r) {
            if (r) {
                ++m_ok;
            } else {
                ++m_failed;
                std::lock_guard lock(m_mutex);
                m_lastError = QString::fromUtf8(errorText(r));
            }
            if (!m_stop && r) {   // a failure ends this client: no tight retry loop
                submit();
                return;
            }
            std::lock_guard lock(m_mutex);
            if (--m_outstanding == 0)
                m_cv.notify_all();
        });
    }

    InferenceEngine &m_engine;
    const QString m_deployment;
    const std::vector<float> m_row;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_ok{0};
    std::atomic<int> m_failed{0};
    int m_outstanding;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    QString m_lastError;
};

} // namespace

class tst_DeploymentSwap : public QObject
{
    Q_OBJECT

private:
    TestWorkspace m_ws;
    Expected m_expected;
    VersionInfo m_corrupt;

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
        // Version 3 exists in the registry but its stored file is damaged.
        auto v3 = m_ws.import(QStringLiteral("tuple_out.pt"), QStringLiteral("mlp"));
        RT_VERIFY(v3);
        m_corrupt = *v3;
        QFile f(m_ws.artifactPath(m_corrupt));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() - 7));
        f.close();
        m_expected = readExpected(QStringLiteral("mlp_expected.json"));
    }

    void hotSwapUnderLoadHasNoFailures()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        DeploymentSpec s = spec(QStringLiteral("live"), QStringLiteral("mlp"), 1);
        s.batching.maxBatchSize = 8;
        RT_VERIFY(deployAndWait(m, s));
        // Synchronous clients (to see which version answers) plus a deep asynchronous backlog.
        LoadGenerator load(m, QStringLiteral("live"), m_expected.input, 4);
        AsyncLoad backlog(m, QStringLiteral("live"), m_expected.input, 64);
        QTRY_VERIFY_WITH_TIMEOUT(load.ok() > 200, 30000);

        auto swapped = m.swap(QStringLiteral("live"), 2, QStringLiteral("tester"));
        RT_VERIFY(swapped);
        QCOMPARE(swapped->versions.front().version, 2);
        QCOMPARE(swapped->history, QList<int>{1});
        int mark = load.ok();
        QTRY_VERIFY_WITH_TIMEOUT(load.byVersion(2) > 200 && load.ok() > mark + 200, 30000);

        auto rolled = m.rollback(QStringLiteral("live"), QStringLiteral("tester"));
        RT_VERIFY(rolled);
        QCOMPARE(rolled->versions.front().version, 1);
        mark = load.ok();
        QTRY_VERIFY_WITH_TIMEOUT(load.ok() > mark + 200, 30000);

        RT_VERIFY(m.swap(QStringLiteral("live"), 2, QStringLiteral("tester")));
        mark = load.ok();
        QTRY_VERIFY_WITH_TIMEOUT(load.ok() > mark + 200, 30000);
        load.stop();
        backlog.stop();
        QVERIFY2(load.failed() == 0, qPrintable(QStringLiteral("%1 failed, last: %2").arg(load.failed()).arg(load.lastError())));
        QVERIFY2(backlog.failed() == 0,
                 qPrintable(QStringLiteral("%1 failed, last: %2").arg(backlog.failed()).arg(backlog.lastError())));
        QVERIFY(backlog.ok() > 1000);
        QVERIFY(load.byVersion(1) > 0);
        QVERIFY(load.byVersion(2) > 0);
        auto st = m.deployment(QStringLiteral("live"));
        QCOMPARE(st->state, DeploymentState::Ready);
        QCOMPARE(st->versions.size(), 1);   // the old versions are drained and gone
        QCOMPARE(st->loads, 4);
        QCOMPARE(st->unloads, 3);
    }

    void rollbackWalksBackThroughHistory()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RT_VERIFY(deployAndWait(m, spec(QStringLiteral("history"), QStringLiteral("mlp"), 1)));
        RT_FAILS(m.rollback(QStringLiteral("history"), QStringLiteral("tester")), Error::Code::Conflict);
        RT_VERIFY(m.swap(QStringLiteral("history"), 2, QStringLiteral("tester")));
        auto back = m.rollback(QStringLiteral("history"), QStringLiteral("tester"));
        RT_VERIFY(back);
        QCOMPARE(back->versions.front().version, 1);
        QCOMPARE(back->spec.version, std::optional<int>(1));
        QVERIFY(back->history.isEmpty());
        auto out = inferSync(m, mlpRequest(QStringLiteral("history"), m_expected.input));
        RT_VERIFY(out);
        QCOMPARE(out->version, 1);
        QVERIFY(closeTo(floats(out->outputs.front()), m_expected.output));
        RT_FAILS(m.rollback(QStringLiteral("history"), QStringLiteral("tester")), Error::Code::Conflict);
    }

    void failedSwapKeepsTheOldVersionServing()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RT_VERIFY(deployAndWait(m, spec(QStringLiteral("steady"), QStringLiteral("mlp"), 1)));
        RT_FAILS(m.swap(QStringLiteral("steady"), 42, QStringLiteral("tester")), Error::Code::NotFound);
        auto bad = m.swap(QStringLiteral("steady"), m_corrupt.version, QStringLiteral("tester"));
        RT_FAILS(bad, Error::Code::Corrupt);
        QVERIFY2(bad.error().message.contains(QStringLiteral("version 1 keeps serving")), qPrintable(bad.error().message));
        auto st = m.deployment(QStringLiteral("steady"));
        QCOMPARE(st->state, DeploymentState::Ready);
        QCOMPARE(st->versions.front().version, 1);
        QVERIFY(st->history.isEmpty());
        RT_VERIFY(inferSync(m, mlpRequest(QStringLiteral("steady"), m_expected.input)));
    }

    void canarySplitsRoutedTraffic()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        DeploymentSpec s = spec(QStringLiteral("canary"), QStringLiteral("mlp"), 1);
        s.batching.queueCapacity = 4096;
        RT_VERIFY(deployAndWait(m, s));
        auto st = m.setCanary(QStringLiteral("canary"), 2, 20, QStringLiteral("tester"));
        RT_VERIFY(st);
        QCOMPARE(st->versions.size(), 2);
        QCOMPARE(st->versions.at(0).trafficPercent, 80);
        QCOMPARE(st->versions.at(1).version, 2);
        QCOMPARE(st->versions.at(1).trafficPercent, 20);

        constexpr int n = 2000;
        Collector c;
        for (int i = 0; i < n; ++i)
            m.infer(mlpRequest(QStringLiteral("canary"), m_expected.input), c.callback(i));
        QVERIFY(c.waitFor(n));
        QCOMPARE(c.failures(), 0);
        int toCanary = 0;
        for (int i = 0; i < n; ++i)
            toCanary += c.result(i)->version == 2 ? 1 : 0;
        // 20% of 2000 = 400; the binomial standard deviation is ~18, so +-100 is over 5 sigma.
        QVERIFY2(toCanary > 300 && toCanary < 500, qPrintable(QString::number(toCanary)));

        // Pinned requests reach either version regardless of the split.
        InferRequest pinned = mlpRequest(QStringLiteral("canary"), m_expected.input);
        pinned.version = 2;
        QCOMPARE(inferSync(m, pinned)->version, 2);
        pinned.version = 1;
        QCOMPARE(inferSync(m, pinned)->version, 1);

        auto removed = m.setCanary(QStringLiteral("canary"), std::nullopt, 0, QStringLiteral("tester"));
        RT_VERIFY(removed);
        QCOMPARE(removed->versions.size(), 1);
        QCOMPARE(removed->versions.front().trafficPercent, 100);
        pinned.version = 2;
        RT_INFER_FAILS(inferSync(m, pinned), Error::Code::NotFound);
    }

    void stickyKeyKeepsAClientOnOneVersion()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RT_VERIFY(deployAndWait(m, spec(QStringLiteral("sticky"), QStringLiteral("mlp"), 1)));
        RT_VERIFY(m.setCanary(QStringLiteral("sticky"), 2, 50, QStringLiteral("tester")));
        QSet<int> seenVersions;
        for (int k = 0; k < 40; ++k) {
            const QString key = QStringLiteral("user-%1").arg(k);
            int first = 0;
            for (int i = 0; i < 10; ++i) {
                InferRequest r = mlpRequest(QStringLiteral("sticky"), m_expected.input);
                r.stickyKey = key;
                auto out = inferSync(m, r);
                RT_VERIFY(out);
                if (i == 0)
                    first = out->version;
                QCOMPARE(out->version, first);
            }
            seenVersions.insert(first);
        }
        QCOMPARE(seenVersions.size(), 2);   // keys spread over both versions
    }

    void swapToTheCanaryPromotesIt()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RT_VERIFY(deployAndWait(m, spec(QStringLiteral("promote"), QStringLiteral("mlp"), 1)));
        RT_VERIFY(m.setCanary(QStringLiteral("promote"), 2, 10, QStringLiteral("tester")));
        const qint64 loads = m.counters().loads;
        auto st = m.swap(QStringLiteral("promote"), 2, QStringLiteral("tester"));
        RT_VERIFY(st);
        QCOMPARE(m.counters().loads, loads);   // the canary's instance became the primary, no new load
        QCOMPARE(st->versions.size(), 1);
        QCOMPARE(st->versions.front().version, 2);
        QVERIFY(!st->spec.canaryVersion);
        QCOMPARE(st->history, QList<int>{1});
        QCOMPARE(inferSync(m, mlpRequest(QStringLiteral("promote"), m_expected.input))->version, 2);
    }

    void followsAnAlias()
    {
        auto &registry = m_ws.catalog->registry();
        RT_VERIFY(registry.setAlias(QStringLiteral("mlp"), QStringLiteral("production"), 1, QStringLiteral("tester")));
        DeploymentManagerOptions options = fastOptions();
        options.aliasPollMs = 100;
        DeploymentManager m(m_ws.catalog.get(), options);
        DeploymentSpec s = spec(QStringLiteral("prod"), QStringLiteral("mlp"));
        s.alias = QStringLiteral("production");
        auto ready = deployAndWait(m, s);
        RT_VERIFY(ready);
        QCOMPARE(ready->versions.front().version, 1);
        QVERIFY(!ready->spec.version);

        RT_VERIFY(registry.setAlias(QStringLiteral("mlp"), QStringLiteral("production"), 2, QStringLiteral("tester")));
        QCOMPARE(m.refreshAliases(), 1);
        auto st = m.deployment(QStringLiteral("prod"));
        QCOMPARE(st->versions.front().version, 2);
        QCOMPARE(st->spec.alias, QStringLiteral("production"));   // still following
        QVERIFY(!st->spec.version);
        QCOMPARE(inferSync(m, mlpRequest(QStringLiteral("prod"), m_expected.input))->version, 2);
        QCOMPARE(m.refreshAliases(), 0);

        // The registry change counter is polled, so a moved alias is picked up without a call.
        RT_VERIFY(registry.setAlias(QStringLiteral("mlp"), QStringLiteral("production"), 1, QStringLiteral("tester")));
        QTRY_COMPARE_WITH_TIMEOUT(m.deployment(QStringLiteral("prod"))->versions.front().version, 1, 20000);

        // A manual swap pins the version: the alias is no longer followed.
        auto pinned = m.swap(QStringLiteral("prod"), 2, QStringLiteral("tester"));
        RT_VERIFY(pinned);
        QVERIFY(pinned->spec.alias.isEmpty());
        QCOMPARE(pinned->spec.version, std::optional<int>(2));
        QCOMPARE(m.refreshAliases(), 0);
    }

    void reconfigureLiveUnderLoad()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RT_VERIFY(deployAndWait(m, spec(QStringLiteral("knobs"), QStringLiteral("mlp"), 1)));
        LoadGenerator load(m, QStringLiteral("knobs"), m_expected.input, 3);
        QTRY_VERIFY_WITH_TIMEOUT(load.ok() > 100, 30000);
        BatchingConfig b;
        b.workers = 2;
        b.maxBatchSize = 4;
        b.maxQueueDelayUs = 100;
        auto st = m.configure(QStringLiteral("knobs"), b, true, QStringLiteral("tester"));
        RT_VERIFY(st);
        QCOMPARE(st->spec.batching.workers, 2);
        QVERIFY(st->spec.isPublic);
        int mark = load.ok();
        QTRY_VERIFY_WITH_TIMEOUT(load.ok() > mark + 100, 30000);
        b.maxBatchSize = 16;   // batch size only: applied in place
        RT_VERIFY(m.configure(QStringLiteral("knobs"), b, false, QStringLiteral("tester")));
        mark = load.ok();
        QTRY_VERIFY_WITH_TIMEOUT(load.ok() > mark + 100, 30000);
        load.stop();
        QCOMPARE(load.failed(), 0);
        BatchingConfig bad;
        bad.workers = 0;
        RT_FAILS(m.configure(QStringLiteral("knobs"), bad, false, QStringLiteral("tester")), Error::Code::InvalidArgument);
        QCOMPARE(m.deployment(QStringLiteral("knobs"))->loads, 1);   // never reloaded the model
    }

    void redeployAppliesTheNewSpec()
    {
        DeploymentManager m(m_ws.catalog.get(), fastOptions());
        RT_VERIFY(deployAndWait(m, spec(QStringLiteral("apply"), QStringLiteral("mlp"), 1)));
        DeploymentSpec s = spec(QStringLiteral("apply"), QStringLiteral("mlp"), 2);
        s.batching.maxBatchSize = 4;
        auto st = m.deploy(s, QStringLiteral("tester"));
        RT_VERIFY(st);
        QCOMPARE(st->state, DeploymentState::Ready);
        QCOMPARE(st->versions.front().version, 2);
        QCOMPARE(st->spec.batching.maxBatchSize, 4);
        QCOMPARE(st->history, QList<int>{1});
    }
};

QTEST_GUILESS_MAIN(tst_DeploymentSwap)
#include "tst_deploymentswap.moc"
