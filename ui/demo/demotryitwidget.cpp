#include "demotryitwidget.h"

#include "classnames.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int imageSide = 112; // 4x the 28-pixel image: big enough to see what it is
}

DemoTryItWidget::DemoTryItWidget(DemoRunner &runner, QWidget *parent)
    : QGroupBox(tr("Try it"), parent)
    , m_runner(runner)
{
    m_image = new QLabel(this);
    m_image->setFixedSize(imageSide, imageSide);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setFrameShape(QFrame::StyledPanel);

    m_answer = new QLabel(tr("When the model is deployed, a test image and the model's answer appear here."), this);
    m_answer->setWordWrap(true);
    m_answer->setTextFormat(Qt::RichText);
    m_answer->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_another = new QPushButton(tr("Another image"), this);
    m_another->setToolTip(tr("Classify another image from the test split with the deployed model"));
    connect(m_another, &QPushButton::clicked, &m_runner, &DemoRunner::trySample);

    auto *text = new QVBoxLayout;
    text->addWidget(m_answer);
    text->addWidget(m_another, 0, Qt::AlignLeft);
    text->addStretch(1);

    auto *row = new QHBoxLayout(this);
    row->addWidget(m_image, 0, Qt::AlignTop);
    row->addLayout(text, 1);

    connect(&m_runner, &DemoRunner::sampleReady, this, &DemoTryItWidget::showSample);
    connect(&m_runner, &DemoRunner::stateChanged, this, &DemoTryItWidget::updateEnabled);
    updateEnabled();
}

void DemoTryItWidget::showSample(const DemoSample &sample)
{
    m_sample = sample;
    m_image->setPixmap(QPixmap::fromImage(sample.image.scaled(imageSide - 4, imageSide - 4, Qt::KeepAspectRatio,
                                                              Qt::FastTransformation)));
    const bool right = sample.predicted == sample.truth;
    const QString verdict = right ? tr("<span style=\"color:#2e7d32\">correct</span>")
                                  : tr("<span style=\"color:#c62828\">wrong</span>");
    m_answer->setText(tr("<b>Model says:</b> %1 (%2%)<br><b>True label:</b> %3 — %4<br>"
                         "<small>Test image #%5, answered by version %6 in %7 ms</small>")
                          .arg(ClassNames::display(sample.predictedName).toHtmlEscaped())
                          .arg(sample.confidence * 100, 0, 'f', 1)
                          .arg(ClassNames::display(sample.truthName).toHtmlEscaped(), verdict)
                          .arg(sample.index)
                          .arg(sample.version)
                          .arg(sample.latencyMs, 0, 'f', 1));
    updateEnabled();
}

void DemoTryItWidget::updateEnabled()
{
    // Only once the deployment is up; during a reset the model is going away.
    const DemoRunner::State s = m_runner.state();
    m_another->setEnabled(m_sample.index >= 0 && s != DemoRunner::State::Resetting && s != DemoRunner::State::Idle);
    if (s == DemoRunner::State::Idle && m_sample.index >= 0) {
        m_sample = {};
        m_image->clear();
        m_answer->setText(tr("When the model is deployed, a test image and the model's answer appear here."));
    }
}
