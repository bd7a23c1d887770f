#include "dynamicbatcher.h"

#include "core/logging.h"

namespace ModelDesk::Runtime {

namespace {
// Bounds the scan for stackable requests behind incompatible ones, so a long mixed queue cannot
// make batch forming quadratic.
constexpr size_t kMaxScan = 1024;

// A hint to the core (and its hyper-thread sibling) that this is a spin-wait loop.
inline void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}
} // namespace

PendingRequest::PendingRequest(InferRequest r, InferCallback cb)
    : request(std::move(r)), done(std::move(cb)), enqueued(Clock::now())
{
}

PendingRequest::PendingRequest(PendingRequest &&other) noexcept
    : request(std::move(other.request)), done(std::move(other.done)), enqueued(other.enqueued), rows(other.rows)
{
    other.done = nullptr;   // a moved-from std::function is unspecified; make "answered" explicit
}

PendingRequest &PendingRequest::operator=(PendingRequest &&other) noexcept
{
    if (this != &other) {
        if (done)
            answer(std::unexpected(InferError{{Error::Code::Unavailable, QStringLiteral("server shutting down")}, 0}));
        request = std::move(other.request);
        done = std::move(other.done);
        other.done = nullptr;
        enqueued = other.enqueued;
        rows = other.rows;
    }
    return *this;
}

PendingRequest::~PendingRequest()
{
    if (done)
        answer(std::unexpected(InferError{{Error::Code::Unavailable, QStringLiteral("server shutting down")}, 0}));
}

void PendingRequest::answer(InferResult result)
{
    if (!done)
        return;
    InferCallback cb = std::move(done);
    done = nullptr;
    try {
        cb(std::move(result));
    } catch (const std::exception &e) {
        qCWarning(lcRuntime) << "inference callback threw:" << e.what();
    } catch (...) {
        qCWarning(lcRuntime) << "inference callback threw a non-standard exception";
    }
}

bool canStack(const PendingRequest &a, const PendingRequest &b)
{
    if (a.rows < 0 || b.rows < 0)
        return false;
    const auto &x = a.request.inputs;
    const auto &y = b.request.inputs;
    if (x.size() != y.size())
        return false;
    for (size_t i = 0; i < x.size(); ++i) {
        if (x[i].dtype != y[i].dtype || x[i].shape.size() != y[i].shape.size())
            return false;
        if (!std::equal(x[i].shape.begin() + 1, x[i].shape.end(), y[i].shape.begin() + 1))
            return false;
    }
    return true;
}

DynamicBatcher::Limits DynamicBatcher::limitsFrom(const BatchingConfig &config)
{
    Limits l;
    l.maxBatchSize = std::max(1, config.maxBatchSize);
    l.maxQueueDelay = std::chrono::microseconds(std::max(0, config.maxQueueDelayUs));
    l.capacity = std::max(1, config.queueCapacity);
    l.requestTimeout = std::chrono::milliseconds(std::max(1, config.requestTimeoutMs));
    return l;
}

DynamicBatcher::DynamicBatcher(Limits limits, std::chrono::microseconds idleSpin)
    : m_limits(limits), m_idleSpin(std::max(std::chrono::microseconds(0), idleSpin))
{
}

DynamicBatcher::~DynamicBatcher() = default;

DynamicBatcher::PushResult DynamicBatcher::push(PendingRequest &request)
{
    bool notifyCollector = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return PushResult::Closed;
        if (static_cast<int>(m_queue.size()) >= m_limits.capacity)
            return PushResult::Full;
        request.enqueued = Clock::now();
        m_queue.push_back(std::move(request));
        m_maybeWork.store(true, std::memory_order_release);
        notifyCollector = m_collecting;
    }
    if (notifyCollector)
        m_collectCv.notify_one();
    else
        m_idleCv.notify_one();
    return PushResult::Queued;
}

bool DynamicBatcher::isExpired(const PendingRequest &r, Clock::time_point now) const
{
    return now - r.request.received > m_limits.requestTimeout;
}

DynamicBatcher::Batch DynamicBatcher::next()
{
    std::unique_lock lock(m_mutex);
    const auto ready = [this] { return !m_collecting && (m_closed || !m_queue.empty()); };
    for (;;) {
        if (m_idleSpin.count() > 0 && !ready()) {
            lock.unlock();
            const auto until = Clock::now() + m_idleSpin;
            while (!m_maybeWork.load(std::memory_order_acquire) && Clock::now() < until)
                cpuRelax();
            lock.lock();
        }
        m_idleCv.wait(lock, ready);
        Batch batch;
        if (m_queue.empty()) {
            batch.closed = true;   // only reachable when closed
            return batch;
        }
        m_collecting = true;
        const Clock::time_point now = Clock::now();
        while (!m_queue.empty() && isExpired(m_queue.front(), now)) {
            batch.expired.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        if (m_queue.empty()) {
            m_collecting = false;
            m_idleCv.notify_one();
            return batch;
        }
        batch.requests.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
        m_maybeWork.store(!m_queue.empty(), std::memory_order_relaxed);
        // batch.requests grows below: refer to the head by index, never by a reference into it.
        int64_t rows = batch.requests.front().rows;
        const bool concurrent = !m_queue.empty() || m_lastBatchRequests > 1;
        const Clock::time_point deadline = batch.requests.front().enqueued + m_limits.maxQueueDelay;

        if (rows >= 0) {
            for (;;) {
                const Clock::time_point scanTime = Clock::now();
                size_t scanned = 0;
                for (auto it = m_queue.begin(); it != m_queue.end() && rows < m_limits.maxBatchSize &&
                                                scanned < kMaxScan;
                     ++scanned) {
                    if (isExpired(*it, scanTime)) {
                        batch.expired.push_back(std::move(*it));
                        it = m_queue.erase(it);
                    } else if (canStack(batch.requests.front(), *it) && rows + it->rows <= m_limits.maxBatchSize) {
                        rows += it->rows;
                        batch.requests.push_back(std::move(*it));
                        it = m_queue.erase(it);
                    } else {
                        ++it;
                    }
                }
                if (rows >= m_limits.maxBatchSize || m_closed || !concurrent ||
                    m_limits.maxQueueDelay.count() == 0 || Clock::now() >= deadline)
                    break;
                m_collectCv.wait_until(lock, deadline);
            }
        }
        m_lastBatchRequests = batch.requests.size();
        m_maybeWork.store(!m_queue.empty(), std::memory_order_relaxed);
        m_collecting = false;
        if (!m_queue.empty() || m_closed)
            m_idleCv.notify_one();
        return batch;
    }
}

void DynamicBatcher::setLimits(Limits limits)
{
    {
        std::lock_guard lock(m_mutex);
        m_limits = limits;
    }
    m_collectCv.notify_all();
}

DynamicBatcher::Limits DynamicBatcher::limits() const
{
    std::lock_guard lock(m_mutex);
    return m_limits;
}

void DynamicBatcher::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_idleCv.notify_all();
    m_collectCv.notify_all();
}

std::vector<PendingRequest> DynamicBatcher::takeAll()
{
    std::vector<PendingRequest> all;
    {
        std::lock_guard lock(m_mutex);
        all.reserve(m_queue.size());
        for (auto &r : m_queue)
            all.push_back(std::move(r));
        m_queue.clear();
    }
    m_idleCv.notify_all();
    return all;
}

std::vector<PendingRequest> DynamicBatcher::takeExpired(Clock::time_point now)
{
    std::vector<PendingRequest> expired;
    std::lock_guard lock(m_mutex);
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (isExpired(*it, now)) {
            expired.push_back(std::move(*it));
            it = m_queue.erase(it);
        } else {
            ++it;
        }
    }
    return expired;
}

int DynamicBatcher::depth() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_queue.size());
}

} // namespace ModelDesk::Runtime
