// DynamicBatcher on its own (no torch): which requests share a batch, the bound on the queue, the
// queue delay, timeouts, close/abort, and "every request is answered exactly once".

#include "runtime/dynamicbatcher.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace ModelDesk;
using namespace ModelDesk::Runtime;

namespace {

struct Counter
{
    std::atomic<int> answered{0};
    std::atomic<int> unavailable{0};
};

PendingRequest request(std::vector<int64_t> shape, Counter *counter = nullptr, DataType dtype = DataType::Float32)
{
    InferRequest r;
    Tensor t;
    t.name = QStringLiteral("x");
    t.dtype = dtype;
    t.shape = shape;
    t.data = QByteArray(int(t.elementCount().value_or(0) * dataTypeSize(dtype)), '\0');
    r.inputs.push_back(t);
    PendingRequest p(std::move(r), [counter](InferResult res) {
        if (!counter)
            return;
        ++counter->answered;
        if (!res && res.error().error.code == Error::Code::Unavailable)
            ++counter->unavailable;
    });
    p.rows = shape.empty() ? -1 : shape.front();
    return p;
}

DynamicBatcher::Limits limits(int maxBatch, int delayUs, int capacity = 100, int timeoutMs = 30000)
{
    DynamicBatcher::Limits l;
    l.maxBatchSize = maxBatch;
    l.maxQueueDelay = std::chrono::microseconds(delayUs);
    l.capacity = capacity;
    l.requestTimeout = std::chrono::milliseconds(timeoutMs);
    return l;
}

void answerAll(std::vector<PendingRequest> &v)
{
    for (auto &p : v)
        p.answer(std::unexpected(InferError{{Error::Code::Cancelled, QStringLiteral("test")}, 0}));
}

} // namespace

class tst_DynamicBatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stacksCompatibleUpToMaxRows()
    {
        DynamicBatcher b(limits(4, 0));
        for (int i = 0; i < 6; ++i) {
            auto p = request({1, 8});
            QCOMPARE(b.push(p), DynamicBatcher::PushResult::Queued);
        }
        auto first = b.next();
        QCOMPARE(first.requests.size(), size_t(4));
        auto second = b.next();
        QCOMPARE(second.requests.size(), size_t(2));
        answerAll(first.requests);
        answerAll(second.requests);
    }

    void countsRowsNotRequests()
    {
        DynamicBatcher b(limits(4, 0));
        for (int rows : {3, 2, 1}) {
            auto p = request({rows, 8});
            QCOMPARE(b.push(p), DynamicBatcher::PushResult::Queued);
        }
        auto first = b.next();   // 3 rows + (2 does not fit) + 1 row = 4
        QCOMPARE(first.requests.size(), size_t(2));
        QCOMPARE(first.requests[0].rows, int64_t(3));
        QCOMPARE(first.requests[1].rows, int64_t(1));
        auto second = b.next();
        QCOMPARE(second.requests.size(), size_t(1));
        answerAll(first.requests);
        answerAll(second.requests);
    }

    void incompatibleRequestsGoToSeparateBatches()
    {
        DynamicBatcher b(limits(16, 0));
        auto a = request({1, 8});
        auto c = request({1, 9});                                   // other trailing dim
        auto d = request({1, 8}, nullptr, DataType::Float64);       // other dtype
        auto e = request({1, 8});
        auto f = request({});                                       // scalar: runs alone
        for (auto *p : {&a, &c, &d, &e, &f})
            QCOMPARE(b.push(*p), DynamicBatcher::PushResult::Queued);
        auto first = b.next();
        QCOMPARE(first.requests.size(), size_t(2));   // a and e
        QCOMPARE(first.requests[1].request.inputs[0].shape, (std::vector<int64_t>{1, 8}));
        int batches = 1;
        answerAll(first.requests);
        while (b.depth() > 0) {
            auto next = b.next();
            QCOMPARE(next.requests.size(), size_t(1));
            answerAll(next.requests);
            ++batches;
        }
        QCOMPARE(batches, 4);
    }

    void boundedQueue()
    {
        Counter counter;
        DynamicBatcher b(limits(8, 0, 2));
        auto a = request({1, 4}, &counter);
        auto c = request({1, 4}, &counter);
        auto d = request({1, 4}, &counter);
        QCOMPARE(b.push(a), DynamicBatcher::PushResult::Queued);
        QCOMPARE(b.push(c), DynamicBatcher::PushResult::Queued);
        QCOMPARE(b.push(d), DynamicBatcher::PushResult::Full);
        QVERIFY(!d.answered());   // a refused request is left to the caller to answer
        d.answer(std::unexpected(InferError{{Error::Code::Unavailable, QStringLiteral("full")}, 1}));
        QCOMPARE(counter.answered.load(), 1);
    }

    void loneRequestIsNotHeldBack()
    {
        // A 10 s delay would hang this test if a lone request waited for company.
        DynamicBatcher b(limits(8, 10'000'000));
        auto p = request({1, 4});
        b.push(p);
        auto batch = b.next();
        QCOMPARE(batch.requests.size(), size_t(1));
        answerAll(batch.requests);
    }

    void delayCollectsLateArrivalsUnderLoad()
    {
        DynamicBatcher b(limits(4, 2'000'000));
        // Two queued at once: a sign of concurrent traffic, so the collector waits for more.
        for (int i = 0; i < 2; ++i) {
            auto p = request({1, 4});
            b.push(p);
        }
        std::thread late([&b] {
            for (int i = 0; i < 2; ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                auto p = request({1, 4});
                b.push(p);
            }
        });
        auto batch = b.next();   // returns when full (4 rows), long before the 2 s delay
        late.join();
        QCOMPARE(batch.requests.size(), size_t(4));
        answerAll(batch.requests);
    }

    void expiredRequestsComeBackSeparately()
    {
        DynamicBatcher b(limits(8, 0, 100, 50));
        auto old = request({1, 4});
        old.request.received = Clock::now() - std::chrono::seconds(1);
        auto fresh = request({1, 4});
        b.push(old);
        b.push(fresh);
        auto batch = b.next();
        QCOMPARE(batch.expired.size(), size_t(1));
        QCOMPARE(batch.requests.size(), size_t(1));
        answerAll(batch.expired);
        answerAll(batch.requests);

        auto stale = request({1, 4});
        stale.request.received = Clock::now() - std::chrono::seconds(1);
        b.push(stale);
        auto swept = b.takeExpired(Clock::now());
        QCOMPARE(swept.size(), size_t(1));
        QCOMPARE(b.depth(), 0);
        answerAll(swept);
    }

    void closeDrainsThenReportsClosed()
    {
        DynamicBatcher b(limits(8, 0));
        auto p = request({1, 4});
        b.push(p);
        b.close();
        auto refused = request({1, 4});
        QCOMPARE(b.push(refused), DynamicBatcher::PushResult::Closed);
        auto batch = b.next();
        QCOMPARE(batch.requests.size(), size_t(1));
        answerAll(batch.requests);
        auto end = b.next();
        QVERIFY(end.closed);
        QVERIFY(end.requests.empty());
        refused.answer(std::unexpected(InferError{{Error::Code::Unavailable, QStringLiteral("closed")}, 0}));
    }

    void closeWakesBlockedWorkers_data()
    {
        QTest::addColumn<int>("spinUs");
        QTest::newRow("sleeping workers") << 0;
        QTest::newRow("spinning workers") << 2000;
    }

    void closeWakesBlockedWorkers()
    {
        QFETCH(int, spinUs);
        DynamicBatcher b(limits(8, 0), std::chrono::microseconds(spinUs));
        std::atomic<int> exited{0};
        std::vector<std::thread> workers;
        for (int i = 0; i < 3; ++i)
            workers.emplace_back([&] {
                if (b.next().closed)
                    ++exited;
            });
        b.close();
        for (auto &t : workers)
            t.join();
        QCOMPARE(exited.load(), 3);
    }

    void spinningWorkerTakesARequestThatArrivesWhileItSpins()
    {
        // The worker finds the queue empty and spins (long enough for the push below to land during
        // the spin); the request must be handed out, not left for a wake-up that never comes.
        DynamicBatcher b(limits(8, 0), std::chrono::microseconds(200000));
        Counter counter;
        std::atomic<bool> got{false};
        std::thread worker([&] {
            auto batch = b.next();
            got = batch.requests.size() == 1;
            answerAll(batch.requests);
        });
        QThread::msleep(20);
        auto p = request({1, 4}, &counter);
        QCOMPARE(b.push(p), DynamicBatcher::PushResult::Queued);
        worker.join();
        QVERIFY(got.load());
        QCOMPARE(counter.answered.load(), 1);
    }

    void unansweredRequestAnswersItselfOnce()
    {
        Counter counter;
        {
            DynamicBatcher b(limits(8, 0));
            for (int i = 0; i < 3; ++i) {
                auto p = request({1, 4}, &counter);
                b.push(p);
            }
            auto batch = b.next();
            batch.requests.front().answer(std::unexpected(InferError{{Error::Code::Timeout, QStringLiteral("t")}, 0}));
            batch.requests.front().answer(std::unexpected(InferError{{Error::Code::Timeout, QStringLiteral("t")}, 0}));
        }   // the batch and the batcher go away with two requests unanswered
        QCOMPARE(counter.answered.load(), 3);
        QCOMPARE(counter.unavailable.load(), 2);
    }

    void concurrentProducersAndWorkers_data()
    {
        QTest::addColumn<int>("spinUs");
        QTest::newRow("sleeping workers") << 0;
        QTest::newRow("spinning workers") << 200; // idle workers poll the queue before they sleep
    }

    void concurrentProducersAndWorkers()
    {
        QFETCH(int, spinUs);
        Counter counter;
        DynamicBatcher b(limits(8, 200, 100000), std::chrono::microseconds(spinUs));
        std::atomic<int> handled{0};
        std::vector<std::thread> workers;
        for (int w = 0; w < 2; ++w)
            workers.emplace_back([&] {
                for (;;) {
                    auto batch = b.next();
                    if (batch.closed)
                        return;
                    handled += int(batch.requests.size());
                    answerAll(batch.requests);
                }
            });
        std::atomic<int> refused{0};
        std::vector<std::thread> producers;
        for (int t = 0; t < 4; ++t)
            producers.emplace_back([&] {
                for (int i = 0; i < 500; ++i) {
                    auto p = request({1, 4}, &counter);
                    if (b.push(p) != DynamicBatcher::PushResult::Queued)
                        ++refused;
                }
            });
        for (auto &t : producers)
            t.join();
        b.close();
        for (auto &t : workers)
            t.join();
        QCOMPARE(refused.load(), 0);
        QCOMPARE(handled.load(), 2000);
        QCOMPARE(counter.answered.load(), 2000);
    }
};

QTEST_GUILESS_MAIN(tst_DynamicBatcher)
#include "tst_dynamicbatcher.moc"
