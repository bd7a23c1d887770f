#include "taskpool.h"

#include "core/logging.h"

namespace ModelDesk::Runtime {

TaskPool::TaskPool(int threads)
{
    for (int i = 0; i < std::max(1, threads); ++i)
        m_threads.emplace_back([this] { run(); });
}

TaskPool::~TaskPool()
{
    stop();
}

bool TaskPool::post(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped)
            return false;
        m_jobs.push_back(std::move(job));
    }
    m_cv.notify_one();
    return true;
}

void TaskPool::stop()
{
    std::deque<std::function<void()>> dropped;
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        dropped.swap(m_jobs);
    }
    m_cv.notify_all();
    for (std::thread &t : m_threads) {
        if (t.joinable())
            t.join();
    }
    m_threads.clear();
    // Dropped jobs are destroyed here, outside the lock: their captures may own resources.
}

void TaskPool::run()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_stopped || !m_jobs.empty(); });
            if (m_stopped)
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        try {
            job();
        } catch (const std::exception &e) {
            qCCritical(lcRuntime) << "background job failed:" << e.what();
        } catch (...) {
            qCCritical(lcRuntime) << "background job failed with an unknown exception";
        }
    }
}

} // namespace ModelDesk::Runtime
