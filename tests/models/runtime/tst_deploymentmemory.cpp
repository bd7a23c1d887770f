// Unloading gives the model's memory back: a ~64 MiB model raises RSS when deployed and RSS
// falls back when it is unloaded (read from /proc/self/status).

#include "runtimetestutil.h"

using namespace RuntimeTest;

class tst_DeploymentMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        if (rssKiB() < 0)
            QSKIP("/proc/self/status has no VmRSS here");
    }

    void unloadFreesTheModel()
    {
        TestWorkspace ws;
        QVERIFY(ws.open());
        auto v = ws.import(QStringLiteral("large.pt"), QStringLiteral("large"));
        RT_VERIFY(v);
        QVERIFY(v->size > 60 * 1024 * 1024);
        DeploymentManagerOptions options;
        options.warmupRuns = 0;
        DeploymentManager m(ws.catalog.get(), options);

        const qint64 before = rssKiB();
        RT_VERIFY(m.deploy(spec(QStringLiteral("big"), QStringLiteral("large"), 1), QStringLiteral("tester")));
        RT_VERIFY(m.waitReady(QStringLiteral("big"), std::chrono::seconds(120)));
        InferRequest r;
        r.deployment = QStringLiteral("big");
        r.inputs.push_back(floatTensor(QStringLiteral("x"), {1, 4096}, std::vector<float>(4096, 0.25f)));
        auto out = inferSync(m, r);
        RT_VERIFY(out);
        QCOMPARE(out->outputs.front().shape, (std::vector<int64_t>{1, 4096}));
        const qint64 loaded = rssKiB();
        qInfo("RSS before %lld KiB, loaded %lld KiB", before, loaded);
        QVERIFY2(loaded - before > 48 * 1024, qPrintable(QStringLiteral("loading 64 MiB of weights raised RSS by only %1 KiB")
                                                              .arg(loaded - before)));

        RT_VERIFY(m.unload(QStringLiteral("big"), QStringLiteral("tester")));
        const qint64 unloaded = rssKiB();
        qInfo("RSS after unload %lld KiB", unloaded);
        QVERIFY2(loaded - unloaded > 48 * 1024,
                 qPrintable(QStringLiteral("unload gave back only %1 KiB").arg(loaded - unloaded)));

        // And loading it again works (and costs the memory again).
        RT_VERIFY(m.deploy(spec(QStringLiteral("big"), QStringLiteral("large"), 1), QStringLiteral("tester")));
        RT_VERIFY(m.waitReady(QStringLiteral("big"), std::chrono::seconds(120)));
        RT_VERIFY(inferSync(m, r));
        QCOMPARE(m.counters().loads, 2);
        QCOMPARE(m.counters().unloads, 1);
    }
};

QTEST_GUILESS_MAIN(tst_DeploymentMemory)
#include "tst_deploymentmemory.moc"
