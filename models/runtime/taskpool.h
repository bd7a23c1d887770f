#pragma once
// TaskPool: a few threads that run queued background jobs (model loads, idle unloads, alias
// refreshes) so that neither the caller nor the housekeeping thread blocks on them.
//
// Threads: post() from any thread. stop() (also run by the destructor) waits for running jobs,
// drops queued ones and joins. Jobs must catch their own exceptions; a stray one is logged.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ModelDesk::Runtime {

class TaskPool final
{
public:
    explicit TaskPool(int threads);
    ~TaskPool();
    TaskPool(const TaskPool &) = delete;
    TaskPool &operator=(const TaskPool &) = delete;

    // False once stopped (the job is dropped).
    bool post(std::function<void()> job);
    void stop();

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::function<void()>> m_jobs;
    std::vector<std::thread> m_threads;
    bool m_stopped = false;
};

} // namespace ModelDesk::Runtime
