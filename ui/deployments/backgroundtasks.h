#pragma once
// BackgroundTasks: runs blocking runtime and registry calls of a page on a small private thread
// pool and hands each result back on the GUI thread, to a context object. Results for a context
// that is gone are dropped (Qt discards queued calls to a deleted receiver). The owner must call
// waitForDone() before the objects the tasks use go away (the page's destructor does), so no task
// outlives the serving host or the catalog. GUI thread only, except that tasks run on the pool.

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <type_traits>

class BackgroundTasks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundTasks)

public:
    explicit BackgroundTasks(int maxThreads, QObject *parent = nullptr);
    ~BackgroundTasks() override; // waitForDone()

    // Runs work() on the pool, then done(result) on context's thread. The result is copied into the
    // queued call, so it must be copyable (Result<T> of Qt values is).
    template <typename Work, typename Done>
    void run(QObject *context, Work work, Done done)
    {
        ++m_running;
        m_pool.start([this, context, work = std::move(work), done = std::move(done)]() mutable {
            auto result = std::make_shared<std::invoke_result_t<Work &>>(work());
            QMetaObject::invokeMethod(
                context,
                [this, done, result] {
                    --m_running;
                    done(std::move(*result));
                    Q_EMIT finished();
                },
                Qt::QueuedConnection);
        });
    }

    // Tasks started and not yet handed back (GUI thread view).
    int running() const { return m_running; }
    void waitForDone();

Q_SIGNALS:
    // After each task's done() ran (tests wait on it).
    void finished();

private:
    QThreadPool m_pool;
    int m_running = 0;
};
