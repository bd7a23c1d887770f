// Runtime micro-benchmark: what the runtime costs on top of a bare LibTorch forward, and what
// dynamic batching buys under concurrency. Model: mlp.pt (784 -> 128 -> 10, TorchScript from
// tests/data/make_models.py), requests of one 1x784 FP32 row, everything in-process (no HTTP).
//
//   bench_runtime [--seconds S] [--model DIR]
//
// Phases (each runs S seconds after a warm-up):
//   1. bare forward: torch::jit::Module::forward on one row, 1 intra-op thread, InferenceMode
//   2. InferenceSession::forward: the same through the runtime's torch-free Tensor conversion
//   3. DeploymentManager round trip, 1 submitter (sequential): latency percentiles
//   4. 64 concurrent submitters (closed loop: each answer submits the next request), batching off
//   5. the same with dynamic batching on
// Prints figures and the ratios between them.

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "runtime/deploymentmanager.h"
#include "runtime/inferencesession.h"

#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/script.h>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace ModelDesk;
using namespace ModelDesk::Runtime;
using BenchClock = std::chrono::steady_clock;

namespace {

double seconds(BenchClock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

QByteArray rowBytes()
{
    std::vector<float> row(784);
    for (size_t i = 0; i < row.size(); ++i)
        row[i] = float(i % 97) / 97.0f;
    return QByteArray(reinterpret_cast<const char *>(row.data()), qsizetype(row.size() * sizeof(float)));
}

InferRequest request(const QString &deployment, const QByteArray &row)
{
    InferRequest r;
    r.deployment = deployment;
    Tensor t;
    t.name = QStringLiteral("x");
    t.shape = {1, 784};
    t.data = row;
    t.data.detach();   // a client's request owns its bytes
    r.inputs.push_back(std::move(t));
    return r;
}

struct Rate
{
    double perSecond = 0;
    double meanUs = 0;
    double p50Us = 0;   // robust against a busy machine preempting a few calls
    double p99Us = 0;
};

template <typename F>
Rate timeLoop(double duration, F &&body)
{
    for (int i = 0; i < 200; ++i)
        body();
    std::vector<double> each;
    each.reserve(1 << 20);
    const auto start = BenchClock::now();
    const auto end = start + std::chrono::duration_cast<BenchClock::duration>(std::chrono::duration<double>(duration));
    auto t = start;
    while (t < end) {
        body();
        const auto next = BenchClock::now();
        each.push_back(std::chrono::duration<double, std::micro>(next - t).count());
        t = next;
    }
    const double s = seconds(t - start);
    std::sort(each.begin(), each.end());
    auto pct = [&each](double p) { return each[size_t(p * double(each.size() - 1))]; };
    return {double(each.size()) / s, s * 1e6 / double(each.size()), pct(0.5), pct(0.99)};
}

class BatchObserver final : public InferenceObserver
{
public:
    void onRequest(const InferenceRecord &r) override
    {
        m_requests.fetch_add(1, std::memory_order_relaxed);
        m_batchSum.fetch_add(r.batchSize, std::memory_order_relaxed);
    }
    void reset()
    {
        m_requests = 0;
        m_batchSum = 0;
    }
    double meanBatch() const { return m_requests ? double(m_batchSum) / double(m_requests) : 0; }

private:
    std::atomic<qint64> m_requests{0};
    std::atomic<qint64> m_batchSum{0};
};

// Closed loop: `clients` requests always outstanding; each answer submits the next one.
class ClosedLoop
{
public:
    ClosedLoop(InferenceEngine &engine, QString deployment, QByteArray row)
        : m_engine(engine), m_deployment(std::move(deployment)), m_row(std::move(row))
    {
    }
    Rate run(int clients, double duration)
    {
        m_stop = false;
        m_outstanding = clients;
        m_completed = 0;
        for (int i = 0; i < clients; ++i)
            submit();
        std::this_thread::sleep_for(std::chrono::duration<double>(std::min(0.5, duration)));   // warm-up
        const qint64 before = m_completed.load();
        const auto start = BenchClock::now();
        std::this_thread::sleep_for(std::chrono::duration<double>(duration));
        const qint64 done = m_completed.load() - before;
        const double s = seconds(BenchClock::now() - start);
        m_stop = true;
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return m_outstanding.load() == 0; });
        return {double(done) / s, 0};
    }
    qint64 failed() const { return m_failed.load(); }

private:
    void submit()
    {
        m_engine.infer(request(m_deployment, m_row), [this](InferResult r) {
            if (r)
                ++m_completed;
            else
                ++m_failed;
            if (!m_stop && r) {
                submit();
            } else if (--m_outstanding == 0) {
                std::lock_guard lock(m_mutex);
                m_cv.notify_all();
            }
        });
    }

    InferenceEngine &m_engine;
    const QString m_deployment;
    const QByteArray m_row;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_outstanding{0};
    std::atomic<qint64> m_completed{0};
    std::atomic<qint64> m_failed{0};
    std::mutex m_mutex;
    std::condition_variable m_cv;
};

int deployOrDie(DeploymentManager &m, const QString &name, const BatchingConfig &batching)
{
    DeploymentSpec s;
    s.name = name;
    s.model = QStringLiteral("mlp");
    s.version = 1;
    s.batching = batching;
    if (auto d = m.deploy(s, QStringLiteral("bench")); !d) {
        std::fprintf(stderr, "deploy %s: %s\n", qPrintable(name), qPrintable(d.error().message));
        return 1;
    }
    if (auto r = m.waitReady(name, std::chrono::seconds(60)); !r) {
        std::fprintf(stderr, "deploy %s: %s\n", qPrintable(name), qPrintable(r.error().message));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double duration = 2.0;
    QString modelsDir = qEnvironmentVariable("MODELDESK_TEST_MODELS", QStringLiteral(MODELDESK_TEST_MODELS_DIR));
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--seconds"))
            duration = args.at(i + 1).toDouble();
        else if (args.at(i) == QLatin1String("--model"))
            modelsDir = args.at(i + 1);
    }
    const QString modelPath = modelsDir + QStringLiteral("/mlp.pt");
    QFile file(modelPath);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s (build the target modeldesk_test_models)\n", qPrintable(modelPath));
        return 1;
    }
    const QByteArray modelBytes = file.readAll();
    const QByteArray row = rowBytes();
    constexpr int clients = 64;

    // 1. Bare LibTorch.
    Rate bare;
    {
        auto module = torch::jit::load(modelPath.toStdString());
        module.eval();
        at::set_num_threads(1);
        c10::InferenceMode mode;
        at::Tensor input = at::from_blob(const_cast<char *>(row.constData()), {1, 784}).clone();
        std::vector<c10::IValue> args{input};
        bare = timeLoop(duration, [&] { (void)module.forward(args); });
    }

    // 2. The runtime's session (Tensor in, Tensor out).
    Rate session;
    {
        auto s = InferenceSession::load(modelBytes, QStringLiteral("mlp"));
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
            return 1;
        }
        std::thread t([&] {
            auto scope = InferenceSession::enterWorkerThread(1);
            session = timeLoop(duration, [&] {
                std::vector<Tensor> in = request(QString(), row).inputs;
                (void)(*s)->forward(in, {});
            });
        });
        t.join();
    }

    // A workspace with the model imported, and one engine for the round trips.
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.path());
    auto catalog = ws ? Registry::ModelCatalog::open(*ws) : Result<std::unique_ptr<Registry::ModelCatalog>>(std::unexpected(ws.error()));
    if (!catalog) {
        std::fprintf(stderr, "%s\n", qPrintable(catalog.error().message));
        return 1;
    }
    Registry::ImportRequest import;
    import.sourcePath = modelPath;
    import.model = QStringLiteral("mlp");
    if (auto v = (*catalog)->importFile(import, QStringLiteral("bench")); !v) {
        std::fprintf(stderr, "%s\n", qPrintable(v.error().message));
        return 1;
    }
    DeploymentManagerOptions options;
    options.persist = false;
    DeploymentManager manager(catalog->get(), options);
    BatchObserver observer;
    manager.setObserver(&observer);

    BatchingConfig off;
    off.maxBatchSize = 1;
    off.queueCapacity = 4096;
    BatchingConfig on;
    on.maxBatchSize = 32;
    on.maxQueueDelayUs = 500;
    on.queueCapacity = 4096;
    if (deployOrDie(manager, QStringLiteral("off"), off) || deployOrDie(manager, QStringLiteral("on"), on))
        return 1;

    // 3. Sequential round trips: latency added by queueing, the worker hand-off and the callback.
    Rate sequential;
    {
        std::mutex mutex;
        std::condition_variable cv;
        bool answered = false;
        auto once = [&] {
            answered = false;
            manager.infer(request(QStringLiteral("on"), row), [&](InferResult) {
                std::lock_guard lock(mutex);
                answered = true;
                cv.notify_one();
            });
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return answered; });
        };
        sequential = timeLoop(duration, once);
    }

    // 4./5. 64 concurrent submitters.
    observer.reset();
    ClosedLoop loopOff(manager, QStringLiteral("off"), row);
    const Rate concurrentOff = loopOff.run(clients, duration);
    const double batchOff = observer.meanBatch();
    observer.reset();
    ClosedLoop loopOn(manager, QStringLiteral("on"), row);
    const Rate concurrentOn = loopOn.run(clients, duration);
    const double batchOn = observer.meanBatch();
    manager.setObserver(nullptr);

    std::printf("runtime benchmark: mlp 784->128->10, one 1x784 FP32 row per request, %.1f s per phase, %u cores\n",
                duration, std::thread::hardware_concurrency());
    std::printf("  1 bare LibTorch forward (1 thread)        %9.0f /s  p50 %7.1f us  p99 %7.1f us\n", bare.perSecond,
                bare.p50Us, bare.p99Us);
    std::printf("  2 InferenceSession::forward               %9.0f /s  p50 %7.1f us  p99 %7.1f us\n",
                session.perSecond, session.p50Us, session.p99Us);
    std::printf("  3 round trip, 1 sequential submitter      %9.0f /s  p50 %7.1f us  p99 %7.1f us\n",
                sequential.perSecond, sequential.p50Us, sequential.p99Us);
    std::printf("  4 %d submitters, batching off            %9.0f /s  mean batch %.2f\n", clients,
                concurrentOff.perSecond, batchOff);
    std::printf("  5 %d submitters, batching on (max 32)    %9.0f /s  mean batch %.2f\n", clients,
                concurrentOn.perSecond, batchOn);
    std::printf("ratios:\n");
    std::printf("  session / bare throughput                 %.2f\n", session.perSecond / bare.perSecond);
    std::printf("  sequential round trip / bare throughput   %.2f  (p50 %+.1f us over a bare forward's p50)\n",
                sequential.perSecond / bare.perSecond, sequential.p50Us - bare.p50Us);
    std::printf("  batching off (64) / bare throughput       %.2f\n", concurrentOff.perSecond / bare.perSecond);
    std::printf("  batching on (64) / bare throughput        %.2f\n", concurrentOn.perSecond / bare.perSecond);
    std::printf("  batching on / batching off (64)           %.2f\n", concurrentOn.perSecond / concurrentOff.perSecond);
    const qint64 failures = loopOff.failed() + loopOn.failed();
    if (failures > 0) {
        std::fprintf(stderr, "%lld requests failed\n", failures);
        return 1;
    }
    return 0;
}
