#pragma once
// DemoTryItWidget: the demo's "try it" panel: a test image, the deployed model's answer and the
// true label, and a button that asks for another image (DemoRunner::trySample). Shows nothing but a
// hint until the first sample arrives.

#include "demorunner.h"

#include <QGroupBox>

class QLabel;
class QPushButton;

class DemoTryItWidget final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTryItWidget)

public:
    explicit DemoTryItWidget(DemoRunner &runner, QWidget *parent = nullptr);

    // The last sample shown (index -1 before the first).
    const DemoSample &sample() const { return m_sample; }
    QLabel *imageLabel() const { return m_image; }
    QLabel *answerLabel() const { return m_answer; }
    QPushButton *anotherButton() const { return m_another; }

    void showSample(const DemoSample &sample);

private:
    void updateEnabled();

    DemoRunner &m_runner;
    DemoSample m_sample;
    QLabel *m_image = nullptr;
    QLabel *m_answer = nullptr;
    QPushButton *m_another = nullptr;
};
