#include "backgroundtasks.h"

BackgroundTasks::BackgroundTasks(int maxThreads, QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(std::max(1, maxThreads));
    m_pool.setObjectName(QStringLiteral("deployments"));
}

BackgroundTasks::~BackgroundTasks()
{
    waitForDone();
}

void BackgroundTasks::waitForDone()
{
    m_pool.waitForDone();
}
