#include "demoload.h"

#include "demorunner.h"

#include "training/dataset.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <future>

using namespace ModelDesk;
using ModelDesk::Runtime::DataType;
using ModelDesk::Runtime::InferRequest;
using ModelDesk::Runtime::InferResult;
using ModelDesk::Runtime::Tensor;

namespace {
// Enough to ride out a model swap or a slow batch without piling up requests in the runtime.
constexpr int maxInFlight = 64;
// The loader reads files, so the built-in set is copied out of the executable into the workspace.
const char *const demoIdxFiles[] = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                    "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};
// Plenty for a varied load and "try it"; the full test split has 10 000.
constexpr int maxTestImages = 2000;
} // namespace

ModelDesk::Result<QString> extractDemoFallbackData(const QString &workspaceRoot)
{
    const QString dir = QDir(workspaceRoot).filePath(QStringLiteral("demo-data"));
    if (!QDir().mkpath(dir))
        return fail(Error::io(QStringLiteral("cannot create %1").arg(dir)));
    for (const char *name : demoIdxFiles) {
        const QString file = QString::fromLatin1(name) + QStringLiteral(".gz");
        QFile source(QStringLiteral(":/demo/") + file);
        if (!source.open(QIODevice::ReadOnly))
            return fail(Error::notFound(QStringLiteral("the built-in demo data %1 is missing from this build").arg(file)));
        const QByteArray bytes = source.readAll();
        const QString target = QDir(dir).filePath(file);
        QFile existing(target);
        if (existing.open(QIODevice::ReadOnly) && existing.readAll() == bytes)
            continue;
        QSaveFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            return fail(Error::io(QStringLiteral("cannot write %1: %2").arg(target, out.errorString())));
    }
    return dir;
}

ModelDesk::Result<std::shared_ptr<const DemoData>> loadDemoTestImages(const QString &path, const QStringList &classNames)
{
    Training::DataOptions options;
    options.path = path;
    options.kind = QStringLiteral("idx");
    options.classNames = classNames;
    auto dataset = Training::loadDataset(options);
    if (!dataset)
        return fail(dataset.error());
    const Training::Dataset &d = *dataset;
    if (d.testStart < 0 || d.testStart >= d.rows())
        return fail(Error::invalid(QStringLiteral("%1 has no test images (t10k-*)").arg(path)));
    auto out = std::make_shared<DemoData>();
    out->width = d.width;
    out->height = d.height;
    out->classNames = d.classNames;
    const qint64 count = std::min<qint64>(d.rows() - d.testStart, maxTestImages);
    const size_t size = size_t(d.width) * size_t(d.height);
    out->pixels.assign(d.pixels.begin() + qsizetype(d.testStart * qint64(size)),
                       d.pixels.begin() + qsizetype((d.testStart + count) * qint64(size)));
    for (qint64 i = 0; i < count; ++i)
        out->labels.push_back(int(d.labels[size_t(d.testStart + i)]));
    return std::shared_ptr<const DemoData>(std::move(out));
}

bool hasFashionMnistFiles(const QString &dir)
{
    for (const char *name : demoIdxFiles) {
        const QString base = QDir(dir).filePath(QString::fromLatin1(name));
        if (!QFileInfo::exists(base) && !QFileInfo::exists(base + QStringLiteral(".gz")))
            return false;
    }
    return true;
}

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

ModelDesk::Result<DemoSample> classifyBlocking(ModelDesk::Runtime::InferenceEngine &engine, const DemoData &data,
                                               int index, InferRequest request, std::chrono::milliseconds timeout)
{
    using ModelDesk::Error;
    using ModelDesk::fail;
    // The runtime's callback only fulfils the promise; this worker thread waits for it.
    auto promise = std::make_shared<std::promise<InferResult>>();
    auto answer = promise->get_future();
    QElapsedTimer clock;
    clock.start();
    engine.infer(std::move(request), [promise](InferResult r) { promise->set_value(std::move(r)); });
    if (answer.wait_for(timeout) != std::future_status::ready)
        return fail(Error{Error::Code::Timeout, QStringLiteral("no answer from the deployment within %1 s")
                                                    .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count())});
    InferResult r = answer.get();
    if (!r)
        return fail(r.error().error);
    if (r->outputs.empty() || r->outputs.front().dtype != DataType::Float32)
        return fail(Error::invalid(QStringLiteral("the model did not answer with FP32 class scores")));
    const Tensor &out = r->outputs.front();
    const auto *logits = reinterpret_cast<const float *>(out.data.constData());
    const int classes = int(out.data.size() / qsizetype(sizeof(float)));
    if (classes <= 0)
        return fail(Error::invalid(QStringLiteral("the model answered with no class scores")));
    DemoSample s;
    s.index = index;
    s.image = data.image(index);
    s.truth = data.labels[size_t(index)];
    s.predicted = int(std::max_element(logits, logits + classes) - logits);
    double sum = 0; // softmax of the winner, computed stably from the largest logit
    for (int i = 0; i < classes; ++i)
        sum += std::exp(double(logits[i] - logits[s.predicted]));
    s.confidence = 1.0 / sum;
    s.truthName = data.classNames.value(s.truth, QString::number(s.truth));
    s.predictedName = data.classNames.value(s.predicted, QString::number(s.predicted));
    s.latencyMs = double(clock.nsecsElapsed()) / 1e6;
    s.version = r->version;
    return s;
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
