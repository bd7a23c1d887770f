#pragma once
// Helpers shared by the runtime tests: a real workspace + catalog in a QTemporaryDir with the
// Python-made TorchScript files imported, synchronous inference, a recording observer.

#include "testmodels.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "runtime/deploymentmanager.h"
#include "runtime/inferenceengine.h"
#include "runtime/inferenceobserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <atomic>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>

namespace RuntimeTest {

using namespace ModelDesk;
using namespace ModelDesk::Runtime;

template <typename T>
QByteArray errorText(const std::expected<T, Error> &r)
{
    return r ? QByteArray() : (Error::codeName(r.error().code) + QStringLiteral(": ") + r.error().message).toUtf8();
}

inline QByteArray errorText(const InferResult &r)
{
    return r ? QByteArray()
             : (Error::codeName(r.error().error.code) + QStringLiteral(": ") + r.error().error.message).toUtf8();
}

// A workspace folder with its catalog; models are imported from $MODELDESK_TEST_MODELS.
struct TestWorkspace
{
    QTemporaryDir dir;
    std::unique_ptr<Registry::ModelCatalog> catalog;

    bool open()
    {
        if (!dir.isValid())
            return false;
        auto ws = Workspace::open(dir.path());
        if (!ws)
            return false;
        auto c = Registry::ModelCatalog::open(*ws);
        if (!c)
            return false;
        catalog = std::move(*c);
        return true;
    }
    // Re-opens the catalog (a new process would do the same).
    bool reopen()
    {
        catalog.reset();
        auto ws = Workspace::open(dir.path());
        if (!ws)
            return false;
        auto c = Registry::ModelCatalog::open(*ws);
        if (!c)
            return false;
        catalog = std::move(*c);
        return true;
    }
    Result<VersionInfo> import(const QString &file, const QString &model)
    {
        Registry::ImportRequest r;
        r.sourcePath = TestData::modelPath(file);
        r.model = model;
        return catalog->importFile(r, QStringLiteral("tester"));
    }
    // Path of a version's stored artifact file.
    QString artifactPath(const VersionInfo &v) const { return catalog->store().pathFor(v.digest); }
};

inline Tensor floatTensor(const QString &name, std::vector<int64_t> shape, const std::vector<float> &values)
{
    Tensor t;
    t.name = name;
    t.dtype = DataType::Float32;
    t.shape = std::move(shape);
    t.data = QByteArray(reinterpret_cast<const char *>(values.data()),
                        static_cast<qsizetype>(values.size() * sizeof(float)));
    return t;
}

inline std::vector<float> floats(const Tensor &t)
{
    std::vector<float> out(static_cast<size_t>(t.data.size()) / sizeof(float));
    std::memcpy(out.data(), t.data.constData(), out.size() * sizeof(float));
    return out;
}

// Deterministic pseudo-random row of `n` floats in [0, 1).
inline std::vector<float> randomRow(int n, quint32 seed)
{
    std::vector<float> v(static_cast<size_t>(n));
    quint32 x = seed * 2654435761u + 1;
    for (float &f : v) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        f = static_cast<float>(x % 10000) / 10000.0f;
    }
    return v;
}

inline InferRequest mlpRequest(const QString &deployment, const std::vector<float> &row)
{
    InferRequest r;
    r.deployment = deployment;
    r.id = QStringLiteral("req");
    r.inputs.push_back(floatTensor(QStringLiteral("x"), {1, static_cast<int64_t>(row.size())}, row));
    return r;
}

inline InferResult inferSync(InferenceEngine &engine, InferRequest request, int timeoutMs = 30000)
{
    auto promise = std::make_shared<std::promise<InferResult>>();
    auto future = promise->get_future();
    engine.infer(std::move(request), [promise](InferResult r) { promise->set_value(std::move(r)); });
    if (future.wait_for(std::chrono::milliseconds(timeoutMs)) != std::future_status::ready)
        return std::unexpected(InferError{{Error::Code::Internal, QStringLiteral("test: no answer in time")}, 0});
    return future.get();
}

struct Expected
{
    std::vector<float> input;
    std::vector<float> output;
};

inline Expected readExpected(const QString &file)
{
    Expected e;
    QFile f(TestData::modelPath(file));
    if (!f.open(QIODevice::ReadOnly))
        return e;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    for (const QJsonValue &v : o.value(QStringLiteral("input")).toArray().at(0).toArray())
        e.input.push_back(static_cast<float>(v.toDouble()));
    for (const QJsonValue &v : o.value(QStringLiteral("output")).toArray().at(0).toArray())
        e.output.push_back(static_cast<float>(v.toDouble()));
    return e;
}

inline bool closeTo(const std::vector<float> &a, const std::vector<float> &b, float tolerance = 1e-5f)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::abs(a[i] - b[i]) > tolerance * std::max(1.0f, std::abs(b[i])))
            return false;
    }
    return true;
}

// Records what the runtime reports; thread-safe.
class RecordingObserver final : public InferenceObserver
{
public:
    void onRequest(const InferenceRecord &record) override
    {
        std::lock_guard lock(m_mutex);
        m_records.push_back(record);
    }
    void onDeploymentEvent(const QString &deployment, int version, DeploymentEvent event, const QString &) override
    {
        std::lock_guard lock(m_mutex);
        m_events.append(deployment + QLatin1Char(':') + QString::number(version) + QLatin1Char(':') +
                        deploymentEventName(event));
    }
    std::vector<InferenceRecord> records() const
    {
        std::lock_guard lock(m_mutex);
        return m_records;
    }
    QStringList events() const
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    int maxBatchSize() const
    {
        std::lock_guard lock(m_mutex);
        int m = 0;
        for (const auto &r : m_records)
            m = std::max(m, r.batchSize);
        return m;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<InferenceRecord> m_records;
    QStringList m_events;
};

inline DeploymentSpec spec(const QString &name, const QString &model, std::optional<int> version = std::nullopt)
{
    DeploymentSpec s;
    s.name = name;
    s.model = model;
    s.version = version;
    return s;
}

inline qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace RuntimeTest

#define RT_VERIFY(expr)                                                                                          \
    do {                                                                                                         \
        const auto &rt_result_ = (expr);                                                                         \
        QVERIFY2(rt_result_.has_value(), RuntimeTest::errorText(rt_result_).constData());                        \
    } while (false)

#define RT_FAILS(expr, errorCode)                                                                                \
    do {                                                                                                         \
        const auto &rt_result_ = (expr);                                                                         \
        QVERIFY2(!rt_result_.has_value(), "expected a failure, got success");                                    \
        QCOMPARE(ModelDesk::Error::codeName(rt_result_.error().code), ModelDesk::Error::codeName(errorCode));   \
    } while (false)

#define RT_INFER_FAILS(expr, errorCode)                                                                          \
    do {                                                                                                         \
        const auto &rt_result_ = (expr);                                                                         \
        QVERIFY2(!rt_result_.has_value(), "expected a failure, got success");                                    \
        QCOMPARE(ModelDesk::Error::codeName(rt_result_.error().error.code), ModelDesk::Error::codeName(errorCode)); \
    } while (false)

namespace RuntimeTest {

// A callback that parks the worker thread that runs it until released: makes queue states
// (full queue, batch forming behind a busy worker) deterministic without sleeps.
class WorkerGate
{
public:
    InferCallback callback()
    {
        // The worker may still be inside the callback when the gate goes away: it shares the state.
        return [state = m_state](InferResult r) {
            state->result = std::move(r);
            state->entered.set_value();
            state->releaseFuture.wait();
        };
    }
    bool waitEntered(int ms = 30000)
    {
        return m_enteredFuture.wait_for(std::chrono::milliseconds(ms)) == std::future_status::ready;
    }
    void release()
    {
        if (!m_state->released.exchange(true))
            m_state->release.set_value();
    }
    // Valid once the worker has entered the callback.
    const InferResult &result() const { return m_state->result; }
    ~WorkerGate() { release(); }

private:
    struct State
    {
        std::promise<void> entered;
        std::promise<void> release;
        std::shared_future<void> releaseFuture = release.get_future().share();
        std::atomic<bool> released{false};
        InferResult result = std::unexpected(InferError{});
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
    std::future<void> m_enteredFuture = m_state->entered.get_future();
};

// Collects asynchronous answers by index.
class Collector
{
public:
    InferCallback callback(int index)
    {
        // Notify under the lock: the waiter may destroy the collector as soon as it sees the count.
        return [this, index](InferResult r) {
            std::lock_guard lock(m_mutex);
            ++m_calls[index];
            m_results.insert_or_assign(index, std::move(r));
            m_cv.notify_all();
        };
    }
    bool waitFor(size_t count, int ms = 60000)
    {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, std::chrono::milliseconds(ms), [&] { return m_results.size() >= count; });
    }
    size_t size() const
    {
        std::lock_guard lock(m_mutex);
        return m_results.size();
    }
    InferResult result(int index) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_results.find(index);
        return it == m_results.end() ? InferResult(std::unexpected(InferError{})) : it->second;
    }
    int calls(int index) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_calls.find(index);
        return it == m_calls.end() ? 0 : it->second;
    }
    int failures() const
    {
        std::lock_guard lock(m_mutex);
        int n = 0;
        for (const auto &[i, r] : m_results)
            n += r ? 0 : 1;
        return n;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::map<int, InferResult> m_results;
    std::map<int, int> m_calls;
};

} // namespace RuntimeTest
