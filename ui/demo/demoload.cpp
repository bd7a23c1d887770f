#include "demoload.h"

#include "runtime/inferenceengine.h"

#include <QTimer>

#include <algorithm>
#include <cstring>

using ModelDesk::Runtime::DataType;
using ModelDesk::Runtime::InferRequest;
using ModelDesk::Runtime::InferResult;
using ModelDesk::Runtime::Tensor;

namespace {
// Enough to ride out a model swap or a slow batch without piling up requests in the runtime.
constexpr int maxInFlight = 64;
} // namespace

QImage DemoData::image(int index) const
{
    if (index < 0 || index >= count())
        return {};
    QImage img(width, height, QImage::Format_Grayscale8);
    const uint8_t *src = pixels.data() + size_t(index) * size_t(width) * size_t(height);
    for (int y = 0; y < height; ++y)
        std::memcpy(img.scanLine(y), src + size_t(y) * size_t(width), size_t(width));
    return img;
}

Tensor DemoData::input(int index, const QString &name) const
{
    Tensor t;
    t.name = name;
    t.dtype = DataType::Float32;
    const int n = width * height;
    t.shape = {1, n};
    t.data.resize(qsizetype(n) * qsizetype(sizeof(float)));
    auto *out = reinterpret_cast<float *>(t.data.data());
    const uint8_t *src = pixels.data() + size_t(index) * size_t(n);
    for (int i = 0; i < n; ++i)
        out[i] = float(src[i]);
    return t;
}

DemoLoad::DemoLoad(ModelDesk::Runtime::InferenceEngine &engine, std::shared_ptr<const DemoData> data,
                   QString deployment, QString inputName, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_data(std::move(data))
    , m_deployment(std::move(deployment))
    , m_inputName(std::move(inputName))
{
    m_thread.setObjectName(QStringLiteral("demo-load"));
}

DemoLoad::~DemoLoad()
{
    stop();
}

qint64 DemoLoad::sent() const { return m_counters->sent.load(); }
qint64 DemoLoad::answered() const { return m_counters->answered.load(); }
qint64 DemoLoad::failed() const { return m_counters->failed.load(); }

void DemoLoad::start(int requestsPerSecond)
{
    if (m_running || requestsPerSecond <= 0 || !m_data || m_data->count() == 0)
        return;
    m_running = true;
    m_firstAnswerSent = false;
    m_firstFailureSent = false;
    m_counters->failureNoted = false;
    m_counters->errorReady = false;
    m_thread.start();
    auto *timer = new QTimer;
    timer->setTimerType(Qt::PreciseTimer);
    timer->setInterval(std::max(1, 1000 / requestsPerSecond));
    timer->moveToThread(&m_thread);
    m_ticker = timer;
    // The timer's context is the timer itself: tick() runs on the load thread.
    connect(timer, &QTimer::timeout, timer, [this] { tick(); });
    QMetaObject::invokeMethod(timer, qOverload<>(&QTimer::start), Qt::QueuedConnection);
}

void DemoLoad::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QObject *ticker = m_ticker;
    m_ticker = nullptr;
    // Deleted on its own thread, so no tick runs after this returns.
    QMetaObject::invokeMethod(ticker, [ticker] { delete ticker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DemoLoad::tick()
{
    const std::shared_ptr<Counters> counters = m_counters;
    if (!m_firstAnswerSent && counters->answered.load() > 0) {
        m_firstAnswerSent = true;
        Q_EMIT firstAnswer();
    }
    if (!m_firstFailureSent && counters->errorReady.load()) {
        m_firstFailureSent = true;
        Q_EMIT firstFailure(counters->firstError);
    }
    if (counters->inFlight.load() >= maxInFlight)
        return;
    const int index = m_next;
    m_next = (m_next + 1) % m_data->count();

    InferRequest request;
    request.id = QStringLiteral("demo-%1").arg(counters->sent.load());
    request.deployment = m_deployment;
    request.inputs.push_back(m_data->input(index, m_inputName));
    counters->sent.fetch_add(1);
    counters->inFlight.fetch_add(1);
    // Runs on a runtime thread, possibly after this object is gone: only the shared counters are used.
    m_engine.infer(std::move(request), [counters](InferResult result) {
        if (result) {
            counters->answered.fetch_add(1);
        } else {
            counters->failed.fetch_add(1);
            if (!counters->failureNoted.exchange(true)) {
                counters->firstError = result.error().error.message;
                counters->errorReady.store(true);
            }
        }
        counters->inFlight.fetch_sub(1);
    });
}
