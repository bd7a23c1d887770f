#include "modelinstance.h"

#include "inferencesession.h"
#include "inputvalidation.h"

#include "core/logging.h"

namespace ModelDesk::Runtime {

namespace {

int64_t micros(Clock::duration d)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(d).count();
}

InferError unavailable(QString message, int retryAfter)
{
    return InferError{{Error::Code::Unavailable, std::move(message)}, retryAfter};
}

// Stacks the i-th input of every request along dim 0: requests are contiguous row-major, so this is
// a concatenation of their bytes.
std::vector<Tensor> stackInputs(const std::vector<PendingRequest> &batch, int64_t totalRows)
{
    const auto &first = batch.front().request.inputs;
    std::vector<Tensor> stacked(first.size());
    for (size_t i = 0; i < first.size(); ++i) {
        Tensor &s = stacked[i];
        s.name = first[i].name;
        s.dtype = first[i].dtype;
        s.shape = first[i].shape;
        s.shape[0] = totalRows;
        qsizetype bytes = 0;
        for (const PendingRequest &p : batch)
            bytes += p.request.inputs[i].data.size();
        s.data.reserve(bytes);
        for (const PendingRequest &p : batch)
            s.data.append(p.request.inputs[i].data);
    }
    return stacked;
}

bool batchMajor(const std::vector<Tensor> &outputs, int64_t totalRows)
{
    for (const Tensor &o : outputs) {
        if (o.shape.empty() || o.shape.front() != totalRows)
            return false;
    }
    return !outputs.empty();
}

Tensor sliceRows(const Tensor &o, int64_t firstRow, int64_t rows, int64_t totalRows)
{
    const qsizetype rowBytes = o.data.size() / static_cast<qsizetype>(totalRows);
    Tensor part;
    part.name = o.name;
    part.dtype = o.dtype;
    part.shape = o.shape;
    part.shape[0] = rows;
    part.data = QByteArray(o.data.constData() + firstRow * rowBytes, static_cast<qsizetype>(rows) * rowBytes);
    return part;
}

} // namespace

ModelInstance::ModelInstance(QString deployment, VersionInfo version, std::shared_ptr<InferenceSession> session,
                             const BatchingConfig &config, const std::atomic<InferenceObserver *> *observer,
                             std::chrono::microseconds workerSpin)
    : m_deployment(std::move(deployment)),
      m_version(std::move(version)),
      m_session(std::move(session)),
      m_outputNames(outputNames(m_version.signature)),
      m_observer(observer),
      m_config(config),
      m_batcher(DynamicBatcher::limitsFrom(config), workerSpin)
{
}

ModelInstance::~ModelInstance()
{
    abort(QStringLiteral("server shutting down"));
}

BatchingConfig ModelInstance::config() const
{
    std::lock_guard lock(m_configMutex);
    return m_config;
}

Result<QString> ModelInstance::warmUp(int runs)
{
    if (runs <= 0) {
        m_warmupNote = QStringLiteral("warm-up disabled");
        return m_warmupNote;
    }
    const BatchingConfig cfg = config();
    auto scope = InferenceSession::enterWorkerThread(cfg.intraOpThreads);
    for (int i = 0; i < runs; ++i) {
        // The last run uses a batch-sized input so the first real batch does not pay for new shapes.
        const int64_t rows = (runs > 1 && i == runs - 1) ? std::min(cfg.maxBatchSize, 8) : 1;
        bool guessed = false;
        QString why;
        auto inputs = syntheticInputs(m_version.signature, rows, &guessed, &why);
        if (!inputs) {
            m_warmupNote = QStringLiteral("warm-up skipped: %1").arg(why);
            return m_warmupNote;
        }
        auto out = m_session->forward(*inputs, m_outputNames);
        if (!out) {
            if (guessed) {
                m_warmupNote = QStringLiteral("warm-up skipped: the signature has no datatype and an FP32 guess "
                                              "failed (%1)")
                                   .arg(out.error().message);
                return m_warmupNote;
            }
            return fail(Error::invalid(QStringLiteral("warm-up forward on input matching the signature failed: %1")
                                           .arg(out.error().message)));
        }
    }
    m_warmupNote = QStringLiteral("%1 warm-up forwards").arg(runs);
    return m_warmupNote;
}

void ModelInstance::start()
{
    const int workers = std::max(1, config().workers);
    m_workers.reserve(static_cast<size_t>(workers));
    for (int i = 0; i < workers; ++i)
        m_workers.emplace_back([this] { workerMain(); });
}

DynamicBatcher::PushResult ModelInstance::submit(PendingRequest &request)
{
    if (!m_stackable.load(std::memory_order_relaxed))
        request.rows = -1;
    return m_batcher.push(request);
}

void ModelInstance::drain()
{
    m_batcher.close();
    for (std::thread &t : m_workers) {
        if (t.joinable())
            t.join();
    }
    m_workers.clear();
}

void ModelInstance::abort(const QString &reason)
{
    m_batcher.close();
    for (PendingRequest &p : m_batcher.takeAll())
        finish(p, std::unexpected(unavailable(reason, 0)), {0, 0, 0});
    drain();
}

void ModelInstance::expireQueued(Clock::time_point now)
{
    for (PendingRequest &p : m_batcher.takeExpired(now))
        answerTimeout(p, now);
}

void ModelInstance::setLimits(const BatchingConfig &config)
{
    {
        std::lock_guard lock(m_configMutex);
        const int workers = m_config.workers;
        const int threads = m_config.intraOpThreads;
        m_config = config;
        m_config.workers = workers;
        m_config.intraOpThreads = threads;
    }
    m_batcher.setLimits(DynamicBatcher::limitsFrom(config));
}

void ModelInstance::answerTimeout(PendingRequest &request, Clock::time_point now)
{
    const int64_t waitedMs = std::chrono::duration_cast<std::chrono::milliseconds>(now - request.request.received).count();
    const InferTimings t{micros(now - request.enqueued), 0, 0};
    finish(request,
           std::unexpected(InferError{{Error::Code::Timeout,
                                       QStringLiteral("request to deployment '%1' timed out after %2 ms in the queue")
                                           .arg(m_deployment)
                                           .arg(waitedMs)},
                                      0}),
           t);
}

void ModelInstance::workerMain()
{
    try {
        auto scope = InferenceSession::enterWorkerThread(config().intraOpThreads);
        for (;;) {
            DynamicBatcher::Batch batch = m_batcher.next();
            const Clock::time_point now = Clock::now();
            for (PendingRequest &p : batch.expired)
                answerTimeout(p, now);
            if (batch.requests.empty()) {
                if (batch.closed)
                    break;
                continue;
            }
            const int n = static_cast<int>(batch.requests.size());
            m_inFlight.fetch_add(n, std::memory_order_relaxed);
            runBatch(batch.requests);
            m_inFlight.fetch_sub(n, std::memory_order_relaxed);
        }
    } catch (const std::exception &e) {
        // Only reachable through a bug (forward catches torch errors); the queue is answered by
        // abort()/the PendingRequest destructor, so nobody waits forever.
        qCCritical(lcRuntime) << "worker of deployment" << m_deployment << "stopped:" << e.what();
    } catch (...) {
        qCCritical(lcRuntime) << "worker of deployment" << m_deployment << "stopped by an unknown exception";
    }
}

void ModelInstance::runBatch(std::vector<PendingRequest> &batch)
{
    const Clock::time_point start = Clock::now();
    if (batch.size() == 1) {
        runOne(batch.front(), start, 1);
        return;
    }
    int64_t totalRows = 0;
    for (const PendingRequest &p : batch)
        totalRows += p.rows;
    std::vector<Tensor> stacked = stackInputs(batch, totalRows);
    auto out = m_session->forward(stacked, m_outputNames);
    const int64_t computeUs = micros(Clock::now() - start);
    if (!out || !batchMajor(*out, totalRows)) {
        // One bad request must not fail its neighbours, and a model whose outputs are not
        // batch-major cannot be split: run each request alone.
        if (out && m_stackable.exchange(false))
            qCInfo(lcRuntime) << "deployment" << m_deployment << "version" << m_version.version
                              << "returns outputs that are not batch-major; serving requests one by one";
        for (PendingRequest &p : batch)
            runOne(p, start, 1);
        return;
    }
    int64_t row = 0;
    const int batchSize = static_cast<int>(batch.size());
    for (PendingRequest &p : batch) {
        std::vector<Tensor> mine;
        mine.reserve(out->size());
        for (const Tensor &o : *out)
            mine.push_back(sliceRows(o, row, p.rows, totalRows));
        row += p.rows;
        const InferTimings t{micros(start - p.enqueued), computeUs, batchSize};
        auto selected = selectOutputs(std::move(mine), p.request.requestedOutputs);
        if (!selected)
            finish(p, std::unexpected(InferError{selected.error(), 0}), t);
        else
            finish(p, response(p, std::move(*selected), t), t);
    }
}

void ModelInstance::runOne(PendingRequest &p, Clock::time_point batchStart, int batchSize)
{
    const Clock::time_point start = Clock::now();
    auto out = m_session->forward(p.request.inputs, m_outputNames);
    const InferTimings t{micros(batchStart - p.enqueued), micros(Clock::now() - start), batchSize};
    if (!out) {
        const int retry = out.error().code == Error::Code::Unavailable ? 1 : 0;
        finish(p, std::unexpected(InferError{out.error(), retry}), t);
        return;
    }
    auto selected = selectOutputs(std::move(*out), p.request.requestedOutputs);
    if (!selected)
        finish(p, std::unexpected(InferError{selected.error(), 0}), t);
    else
        finish(p, response(p, std::move(*selected), t), t);
}

InferResponse ModelInstance::response(PendingRequest &p, std::vector<Tensor> outputs, const InferTimings &t) const
{
    InferResponse r;
    r.id = p.request.id;
    r.deployment = m_deployment;
    r.model = m_version.model;
    r.version = m_version.version;
    r.outputs = std::move(outputs);
    r.timings = t;
    return r;
}

void ModelInstance::finish(PendingRequest &p, InferResult result, const InferTimings &t)
{
    if (p.answered())
        return;
    if (InferenceObserver *observer = m_observer ? m_observer->load(std::memory_order_acquire) : nullptr) {
        InferenceRecord record;
        record.deployment = m_deployment;
        record.model = m_version.model;
        record.version = m_version.version;
        if (!result)
            record.error = result.error().error.code;
        record.queueUs = t.queueUs;
        record.computeUs = t.computeUs;
        record.batchSize = t.batchSize;
        record.totalUs = micros(Clock::now() - p.request.received);
        try {
            observer->onRequest(record);
        } catch (...) {
            qCWarning(lcRuntime) << "inference observer threw; ignored";
        }
    }
    p.answer(std::move(result));
}

} // namespace ModelDesk::Runtime
