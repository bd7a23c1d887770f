#pragma once
// BatchingForm: the knobs of a deployment — dynamic batching (max batch size, max queue delay),
// workers, intra-op threads, queue capacity, request timeout, idle unload and public access — as
// one form, used by the deploy dialog and, applied live, by the Deployments page. Ranges follow
// Runtime::checkBatchingConfig so the runtime never refuses what the form allows. GUI thread only.

#include "runtime/inferenceengine.h"

#include <QWidget>

class QCheckBox;
class QSpinBox;

class BatchingForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchingForm)

public:
    explicit BatchingForm(QWidget *parent = nullptr);

    ModelDesk::Runtime::BatchingConfig batching() const;
    bool isPublic() const;
    void setValues(const ModelDesk::Runtime::BatchingConfig &batching, bool isPublic);

    QSpinBox *maxBatchSize() const { return m_maxBatch; }
    QSpinBox *maxQueueDelayUs() const { return m_delay; }
    QSpinBox *workers() const { return m_workers; }
    QSpinBox *intraOpThreads() const { return m_threads; }
    QSpinBox *queueCapacity() const { return m_queue; }
    QSpinBox *requestTimeoutMs() const { return m_timeout; }
    QSpinBox *idleUnloadSeconds() const { return m_idle; }
    QCheckBox *publicAccess() const { return m_public; }

Q_SIGNALS:
    void changed();

private:
    QSpinBox *m_maxBatch = nullptr;
    QSpinBox *m_delay = nullptr;
    QSpinBox *m_workers = nullptr;
    QSpinBox *m_threads = nullptr;
    QSpinBox *m_queue = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_idle = nullptr;
    QCheckBox *m_public = nullptr;
    bool m_setting = false;
};
