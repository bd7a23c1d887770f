#pragma once
// runAsync: runs `work` (a blocking core call: registry, tokens, artifact scans) on `pool` and hands
// its result to `done` on `context`'s thread. Nothing is delivered once `context` is destroyed (the
// watcher is its child), so a page can go away while a call is still running; the work itself must
// not capture the page, only services that outlive it. The pool's owner waits for it on destruction.

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

template <typename Work, typename Done>
void runAsync(QThreadPool &pool, QObject *context, Work work, Done done)
{
    using T = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         done(watcher->result());
                         watcher->deleteLater();
                     });
    watcher->setFuture(QtConcurrent::run(&pool, std::move(work)));
}
