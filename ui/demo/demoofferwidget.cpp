#include "demoofferwidget.h"

#include "catalogclient.h"
#include "demotryitwidget.h"
#include "uiformat.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// Plain glyphs rather than icons: they read in both themes and need no new artwork.
const QString markPending = QStringLiteral("○");
const QString markRunning = QStringLiteral("◔");
const QString markDone = QStringLiteral("✔");
const QString markFailed = QStringLiteral("✘");
constexpr DemoRunner::Step allSteps[] = {DemoRunner::Step::Data, DemoRunner::Step::Training,
                                         DemoRunner::Step::Registering, DemoRunner::Step::Deploying,
                                         DemoRunner::Step::Load};
} // namespace

bool DemoOfferWidget::autostartRequested()
{
    return qEnvironmentVariable("MODELDESK_DEMO_AUTOSTART") == QLatin1String("1");
}

DemoOfferWidget::DemoOfferWidget(DemoRunner &runner, QWidget *parent)
    : QFrame(parent)
    , m_runner(runner)
{
    setObjectName(QStringLiteral("demoOffer"));
    setFrameShape(QFrame::StyledPanel);

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/training.svg")).pixmap(QSize(32, 32)));
    auto *title = new QLabel(tr("See ModelDesk at work in about a minute"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(icon);
    titleRow->addWidget(title, 1);

    m_intro = new QLabel(tr("The demo trains a small classifier on Fashion-MNIST clothing images, registers it as "
                            "model %1 with the alias %2, deploys it and sends it a little traffic, so every page "
                            "has something to show. It runs offline, in the background, and can be removed in "
                            "one click.")
                             .arg(runner.options().model, runner.options().alias),
                         this);
    m_intro->setWordWrap(true);

    m_dataNotice = new QLabel(this);
    m_dataNotice->setWordWrap(true);
    if (!DemoRunner::hasFashionMnist(runner.options().fashionMnistPath)) {
        m_dataNotice->setText(tr("Fashion-MNIST is not installed, so the demo uses a small sample built into "
                                 "ModelDesk. For the full data set: sudo apt install dataset-fashion-mnist"));
    } else {
        m_dataNotice->setText(tr("Data: Fashion-MNIST from %1 (60 000 training images).")
                                  .arg(runner.options().fashionMnistPath));
    }

    auto *steps = new QGridLayout;
    steps->setColumnStretch(2, 1);
    steps->setHorizontalSpacing(10);
    int row = 0;
    for (DemoRunner::Step step : allSteps) {
        StepRow r;
        r.mark = new QLabel(markPending, this);
        r.name = new QLabel(DemoRunner::stepName(step), this);
        QFont bold = r.name->font();
        bold.setBold(true);
        r.name->setFont(bold);
        r.detail = new QLabel(this);
        r.detail->setWordWrap(true);
        steps->addWidget(r.mark, row, 0, Qt::AlignTop);
        steps->addWidget(r.name, row, 1, Qt::AlignTop);
        steps->addWidget(r.detail, row, 2);
        m_steps.append(r);
        ++row;
    }

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_progress->setVisible(false);

    m_traffic = new QLabel(this);
    m_traffic->setVisible(false);

    m_start = new QPushButton(tr("Run the demo"), this);
    m_start->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_loadToggle = new QPushButton(tr("Pause traffic"), this);
    m_monitor = new QPushButton(tr("Watch the charts"), this);
    m_remove = new QPushButton(QIcon(QStringLiteral(":/icons/delete.svg")), tr("Remove demo…"), this);
    m_remove->setToolTip(tr("Stop the traffic, undeploy and delete the demo model with its versions"));
    m_dismiss = new QPushButton(tr("Not now"), this);
    m_dismiss->setToolTip(tr("Hide this card and do not offer the demo again on this workspace"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_loadToggle);
    buttons->addWidget(m_monitor);
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_dismiss);

    m_tryIt = new DemoTryItWidget(runner, this);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(16, 12, 16, 12);
    column->addLayout(titleRow);
    column->addWidget(m_intro);
    column->addWidget(m_dataNotice);
    column->addSpacing(4);
    // Steps and "try it" side by side: the card stays short enough to share the Dashboard.
    auto *progressColumn = new QVBoxLayout;
    progressColumn->addLayout(steps);
    progressColumn->addWidget(m_progress);
    progressColumn->addWidget(m_traffic);
    progressColumn->addStretch(1);
    auto *body = new QHBoxLayout;
    body->addLayout(progressColumn, 3);
    body->addWidget(m_tryIt, 2);
    column->addLayout(body);
    column->addLayout(buttons);
    column->addStretch(1); // on a tall page the card keeps its height and the space goes below it

    m_trafficTimer = new QTimer(this);
    m_trafficTimer->setInterval(1000);
    connect(m_trafficTimer, &QTimer::timeout, this, &DemoOfferWidget::updateTraffic);

    connect(m_start, &QPushButton::clicked, &m_runner, [this] {
        resetSteps();
        m_runner.start();
    });
    connect(m_cancel, &QPushButton::clicked, &m_runner, &DemoRunner::cancel);
    connect(m_loadToggle, &QPushButton::clicked, this, [this] {
        if (m_runner.isLoadRunning())
            m_runner.stopLoad();
        else
            m_runner.startLoad();
    });
    connect(m_monitor, &QPushButton::clicked, this, &DemoOfferWidget::showMonitoringRequested);
    connect(m_remove, &QPushButton::clicked, this, &DemoOfferWidget::confirmRemove);
    connect(m_dismiss, &QPushButton::clicked, this, &DemoOfferWidget::dismissed);

    connect(&m_runner, &DemoRunner::stepStarted, this, [this](DemoRunner::Step step, const QString &detail) {
        setStep(step, markRunning, detail);
        m_progress->setVisible(step == DemoRunner::Step::Training);
        if (step == DemoRunner::Step::Training) {
            m_progress->setValue(0);
            m_progress->setFormat(tr("Starting…"));
        }
    });
    connect(&m_runner, &DemoRunner::stepFinished, this,
            [this](DemoRunner::Step step, bool ok, const QString &detail) {
                setStep(step, ok ? markDone : markFailed, detail);
                if (step == DemoRunner::Step::Training)
                    m_progress->setVisible(false);
            });
    connect(&m_runner, &DemoRunner::trainingProgress, this, [this](double fraction, const QString &text) {
        m_progress->setValue(int(fraction * 1000));
        m_progress->setFormat(QStringLiteral("%p% · ") + text);
    });
    connect(&m_runner, &DemoRunner::stateChanged, this, &DemoOfferWidget::updateButtons);
    connect(&m_runner, &DemoRunner::loadChanged, this, &DemoOfferWidget::updateButtons);
    connect(&m_runner, &DemoRunner::resetFinished, this, [this](bool ok, const QString &) {
        if (ok)
            resetSteps();
    });
    connect(&m_runner, &DemoRunner::info, this, &DemoOfferWidget::info);
    connect(&m_runner, &DemoRunner::warning, this, &DemoOfferWidget::warning);
    connect(&m_runner, &DemoRunner::error, this, &DemoOfferWidget::error);

    resetSteps();
    updateButtons();
    if (autostartRequested() && m_runner.state() == DemoRunner::State::Idle)
        QTimer::singleShot(0, &m_runner, &DemoRunner::start);
}

void DemoOfferWidget::followWorkspace(CatalogClient &client, bool dismissed)
{
    m_dismissed = dismissed;
    // Until the first snapshot arrives the workspace's content is unknown: no flash of the card on a
    // workspace that has models.
    setVisible(m_runner.state() != DemoRunner::State::Idle || autostartRequested());
    connect(&client, &CatalogClient::snapshotReady, this, [this](const CatalogSnapshot &snapshot) {
        m_snapshotSeen = true;
        setVisible(wantsToBeShown(snapshot));
    });
    connect(this, &DemoOfferWidget::dismissed, this, [this] {
        m_dismissed = true;
        hide();
    });
    connect(&m_runner, &DemoRunner::stateChanged, this, [this, &client] {
        if (m_snapshotSeen)
            setVisible(wantsToBeShown(client.snapshot()));
        else if (m_runner.state() != DemoRunner::State::Idle)
            show();
    });
}

bool DemoOfferWidget::wantsToBeShown(const CatalogSnapshot &snapshot) const
{
    if (m_runner.state() != DemoRunner::State::Idle || autostartRequested())
        return true;
    const bool hasDemoModel = std::any_of(snapshot.models.cbegin(), snapshot.models.cend(), [this](const auto &m) {
        return m.name == m_runner.options().model;
    });
    // The first snapshot arrives after start-up: until then (changeCounter 0, no models) it is "new".
    return hasDemoModel || (!m_dismissed && snapshot.models.isEmpty());
}

QString DemoOfferWidget::stepText(DemoRunner::Step step) const
{
    return m_steps.value(int(step)).detail ? m_steps.value(int(step)).detail->text() : QString();
}

void DemoOfferWidget::setStep(DemoRunner::Step step, const QString &mark, const QString &detail)
{
    const StepRow &r = m_steps[int(step)];
    r.mark->setText(mark);
    r.detail->setText(detail);
}

void DemoOfferWidget::resetSteps()
{
    setStep(DemoRunner::Step::Data, markPending, tr("Fashion-MNIST, or the sample built into ModelDesk"));
    setStep(DemoRunner::Step::Training, markPending, tr("A small MLP, a few seconds on the CPU; live curves on the "
                                                        "Training page"));
    setStep(DemoRunner::Step::Registering, markPending,
            tr("Version 1 of %1, alias %2").arg(m_runner.options().model, m_runner.options().alias));
    setStep(DemoRunner::Step::Deploying, markPending, tr("Served by the local runtime and HTTP server"));
    setStep(DemoRunner::Step::Load, markPending,
            tr("%1 test images per second, so the Monitoring charts move").arg(m_runner.options().requestsPerSecond));
    m_progress->setVisible(false);
}

void DemoOfferWidget::updateButtons()
{
    const DemoRunner::State s = m_runner.state();
    const bool running = s == DemoRunner::State::Running;
    const bool live = s == DemoRunner::State::Live;
    m_start->setVisible(!running && !live && s != DemoRunner::State::Resetting);
    m_start->setText(s == DemoRunner::State::Idle ? tr("Run the demo") : tr("Run the demo again"));
    m_cancel->setVisible(running);
    m_loadToggle->setVisible(live);
    m_loadToggle->setText(m_runner.isLoadRunning() ? tr("Pause traffic") : tr("Resume traffic"));
    m_monitor->setVisible(live);
    m_remove->setVisible(s != DemoRunner::State::Idle);
    m_remove->setEnabled(s != DemoRunner::State::Resetting);
    m_dismiss->setVisible(s == DemoRunner::State::Idle);
    m_tryIt->setVisible(live || m_tryIt->sample().index >= 0);
    // Once it runs, the card makes room for the dashboard: the steps say what happened.
    m_intro->setVisible(!live);
    m_dataNotice->setVisible(!live || m_runner.usesFallbackData());
    const bool traffic = m_runner.isLoadRunning() || live;
    m_traffic->setVisible(traffic);
    if (m_runner.isLoadRunning())
        m_trafficTimer->start();
    else
        m_trafficTimer->stop();
    updateTraffic();
}

void DemoOfferWidget::updateTraffic()
{
    if (!m_runner.isLoadRunning()) {
        m_traffic->setText(tr("Traffic paused: %1 requests answered.").arg(UiFormat::number(m_runner.requestsAnswered())));
        return;
    }
    m_traffic->setText(tr("Traffic: %1 requests per second to %2 — %3 answered, %4 failed.")
                           .arg(m_runner.options().requestsPerSecond)
                           .arg(m_runner.deployment(), UiFormat::number(m_runner.requestsAnswered()),
                                UiFormat::number(m_runner.requestsFailed())));
}

void DemoOfferWidget::confirmRemove()
{
    if (m_askBeforeRemoving) {
        const auto answer = QMessageBox::question(
            this, tr("Remove the demo"),
            tr("Stop the demo traffic, remove the deployment %1 and delete the model %1 with all its versions?\n\n"
               "The demo's training run and its dataset record stay in the registry's history.")
                .arg(m_runner.options().model),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_runner.reset();
}
