#include "batchingform.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QThread>

namespace {

QSpinBox *spinBox(QWidget *parent, int min, int max, const QString &suffix, const QString &tip)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setSuffix(suffix);
    box->setToolTip(tip);
    box->setAccelerated(true);
    box->setGroupSeparatorShown(true);
    return box;
}

} // namespace

BatchingForm::BatchingForm(QWidget *parent)
    : QWidget(parent)
{
    const int cores = std::max(1, QThread::idealThreadCount());
    m_maxBatch = spinBox(this, 1, 4096, {}, tr("Largest batch the dynamic batcher stacks (1 = batching off)"));
    m_delay = spinBox(this, 0, 1'000'000, tr(" µs"),
                      tr("Longest a request waits for others to fill a batch; a lone request is not held back"));
    m_workers = spinBox(this, 1, 64, {}, tr("Worker threads running forward in parallel (this machine has %1 cores)").arg(cores));
    m_threads = spinBox(this, 1, 256, {}, tr("LibTorch intra-op threads per worker"));
    m_queue = spinBox(this, 1, 1'000'000, {}, tr("Requests waiting at most; more are answered 503 with Retry-After"));
    m_timeout = spinBox(this, 1, 3'600'000, tr(" ms"), tr("Time a request may wait before it is answered 504"));
    m_idle = spinBox(this, 0, 30 * 24 * 3600, tr(" s"),
                     tr("Unload after this long without requests; the next request loads it again (0 = never)"));
    m_idle->setSpecialValueText(tr("never"));
    m_public = new QCheckBox(tr("Public: inference without an API token"), this);
    m_public->setToolTip(tr("Management always needs a token. Private deployments answer 401 to callers without one."));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Max batch size:"), m_maxBatch);
    form->addRow(tr("Max queue delay:"), m_delay);
    form->addRow(tr("Workers:"), m_workers);
    form->addRow(tr("Intra-op threads:"), m_threads);
    form->addRow(tr("Queue capacity:"), m_queue);
    form->addRow(tr("Request timeout:"), m_timeout);
    form->addRow(tr("Idle unload after:"), m_idle);
    form->addRow(QString(), m_public);

    setValues({}, false);
    for (QSpinBox *box : {m_maxBatch, m_delay, m_workers, m_threads, m_queue, m_timeout, m_idle})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (!m_setting)
                Q_EMIT changed();
        });
    connect(m_public, &QCheckBox::toggled, this, [this] {
        if (!m_setting)
            Q_EMIT changed();
    });
}

ModelDesk::Runtime::BatchingConfig BatchingForm::batching() const
{
    ModelDesk::Runtime::BatchingConfig b;
    b.maxBatchSize = m_maxBatch->value();
    b.maxQueueDelayUs = m_delay->value();
    b.workers = m_workers->value();
    b.intraOpThreads = m_threads->value();
    b.queueCapacity = m_queue->value();
    b.requestTimeoutMs = m_timeout->value();
    b.idleUnloadSeconds = m_idle->value();
    return b;
}

bool BatchingForm::isPublic() const
{
    return m_public->isChecked();
}

void BatchingForm::setValues(const ModelDesk::Runtime::BatchingConfig &b, bool isPublic)
{
    m_setting = true;
    m_maxBatch->setValue(b.maxBatchSize);
    m_delay->setValue(b.maxQueueDelayUs);
    m_workers->setValue(b.workers);
    m_threads->setValue(b.intraOpThreads);
    m_queue->setValue(b.queueCapacity);
    m_timeout->setValue(b.requestTimeoutMs);
    m_idle->setValue(b.idleUnloadSeconds);
    m_public->setChecked(isPublic);
    m_setting = false;
}
