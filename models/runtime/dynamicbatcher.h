#pragma once
// DynamicBatcher: the bounded request queue of one loaded version, and the policy that turns queued
// requests into batches.
//
// A batch starts with the oldest queued request and takes the next queued requests that can be
// stacked with it along dim 0 (same input count, datatypes and trailing dims; see
// PendingRequest::rows) until it holds maxBatchSize rows. If it is not full it may wait up to
// maxQueueDelay (counted from the first request's enqueue) for more — but only when there is sign
// of concurrent traffic (others already queued, or the previous batch held several requests): a
// lone client gains nothing from waiting, it would only add latency. Requests older than the
// request timeout when picked come back in Batch::expired.
//
// Threads: push() from any thread, never blocks. next() blocks the calling worker; several workers
// may call it, one of them forms a batch at a time while the others compute.
// Ownership: the batcher holds requests between push() and next(); whoever gets them back must
// answer them (PendingRequest answers "server shutting down" itself if destroyed unanswered).

#include "inferenceengine.h"

#include <chrono>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace ModelDesk::Runtime {

using Clock = std::chrono::steady_clock;

struct PendingRequest
{
    InferRequest request;
    InferCallback done;
    Clock::time_point enqueued;
    // Rows along dim 0 when the request can be stacked with others (every input has rank >= 1 and
    // the same dim 0 > 0, and the model's signature allows a variable dim 0); -1 = runs alone.
    int64_t rows = -1;

    PendingRequest() = default;
    PendingRequest(InferRequest r, InferCallback cb);
    PendingRequest(PendingRequest &&other) noexcept;
    PendingRequest &operator=(PendingRequest &&) noexcept;
    PendingRequest(const PendingRequest &) = delete;
    PendingRequest &operator=(const PendingRequest &) = delete;
    // Safety net for "exactly once": an unanswered request answers Unavailable when destroyed.
    ~PendingRequest();

    // Calls the callback (once; later calls do nothing). Exceptions from the callback are swallowed.
    void answer(InferResult result);
    bool answered() const { return !done; }
};

// Whether two requests' inputs can share a batch (same count, datatypes, ranks and trailing dims).
bool canStack(const PendingRequest &a, const PendingRequest &b);

class DynamicBatcher final
{
public:
    struct Limits
    {
        int maxBatchSize = 8;
        std::chrono::microseconds maxQueueDelay{500};
        int capacity = 1024;
        std::chrono::milliseconds requestTimeout{30000};
    };
    static Limits limitsFrom(const BatchingConfig &config);

    // idleSpin: how long a worker that finds the queue empty keeps polling it before it sleeps on
    // the condition variable. A request that arrives meanwhile starts without a futex wake-up (tens
    // of microseconds on an idle core): it lowers latency under steady traffic at the cost of that
    // much CPU after each batch. Zero sleeps at once.
    explicit DynamicBatcher(Limits limits, std::chrono::microseconds idleSpin = {});
    ~DynamicBatcher();
    DynamicBatcher(const DynamicBatcher &) = delete;
    DynamicBatcher &operator=(const DynamicBatcher &) = delete;

    enum class PushResult { Queued, Full, Closed };
    // Moves from `request` only when it returns Queued, so the caller can answer a refusal.
    PushResult push(PendingRequest &request);

    struct Batch
    {
        std::vector<PendingRequest> requests;
        std::vector<PendingRequest> expired;
        bool closed = false;   // closed and empty: the worker should exit
    };
    Batch next();

    void setLimits(Limits limits);
    Limits limits() const;
    // Refuses further pushes; next() still hands out what is queued, then reports closed.
    void close();
    // Removes everything queued (for an abort); next() then reports closed if closed.
    std::vector<PendingRequest> takeAll();
    // Removes queued requests older than the request timeout (housekeeping between batches).
    std::vector<PendingRequest> takeExpired(Clock::time_point now);
    int depth() const;

private:
    bool isExpired(const PendingRequest &r, Clock::time_point now) const;

    mutable std::mutex m_mutex;
    std::condition_variable m_idleCv;       // workers waiting to start a batch
    std::condition_variable m_collectCv;    // the worker filling a batch, waiting for more requests
    std::deque<PendingRequest> m_queue;
    Limits m_limits;
    bool m_closed = false;
    bool m_collecting = false;
    size_t m_lastBatchRequests = 0;
    const std::chrono::microseconds m_idleSpin;
    std::atomic<bool> m_maybeWork{false};   // read without the lock by a worker spinning before it sleeps
};

} // namespace ModelDesk::Runtime
