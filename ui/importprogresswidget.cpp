#include "importprogresswidget.h"

#include "uiformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

ImportProgressWidget::ImportProgressWidget(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_bar->setTextVisible(true);
    m_bar->setMinimumWidth(200);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        setCancelling();
        Q_EMIT cancelRequested();
    });
    hide();
}

void ImportProgressWidget::start(const QString &fileName, const QString &model)
{
    m_fileName = fileName;
    m_model = model;
    m_label->setText(tr("Importing %1 as '%2'…").arg(fileName, model));
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(true);
    show();
}

void ImportProgressWidget::setProgress(qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    if (done >= total) {
        // Copied and hashed; the TorchScript check (in a child process) has no percentage.
        m_label->setText(tr("Checking %1 (TorchScript validation)…").arg(m_fileName));
        m_bar->setRange(0, 0);
        return;
    }
    m_label->setText(tr("Importing %1 as '%2' (%3 of %4)…")
                         .arg(m_fileName, m_model, UiFormat::humanSize(done), UiFormat::humanSize(total)));
    m_bar->setRange(0, 1000);
    m_bar->setValue(int(done * 1000 / total));
}

void ImportProgressWidget::setCancelling()
{
    m_label->setText(tr("Cancelling the import of %1…").arg(m_fileName));
    m_cancel->setEnabled(false);
}

void ImportProgressWidget::finish()
{
    hide();
    m_bar->reset();
}
