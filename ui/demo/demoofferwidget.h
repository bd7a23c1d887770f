#pragma once
// DemoOfferWidget: the first-run demo card for the Dashboard. It offers the demo (what it does, how
// long it takes, whether Fashion-MNIST is installed), then shows its five steps with their state, the
// training progress, the synthetic traffic counters, the "try it" panel, and the buttons to cancel,
// pause the traffic and remove the demo (after a confirmation).
//
// It drives a DemoRunner it does not own. With MODELDESK_DEMO_AUTOSTART=1 in the environment (the
// README's run-demo.sh sets it) the demo starts by itself as soon as the widget exists.

#include "demorunner.h"

#include <QFrame>

class CatalogClient;
struct CatalogSnapshot;
class DemoTryItWidget;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

class DemoOfferWidget final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoOfferWidget)

public:
    explicit DemoOfferWidget(DemoRunner &runner, QWidget *parent = nullptr);

    // Whether "Remove demo" asks first (tests switch it off).
    void setAskBeforeRemoving(bool ask) { m_askBeforeRemoving = ask; }
    // Shows the card only while it has something to offer, following the client's snapshots: on a
    // new workspace (no model yet), while the demo model exists or the demo runs, or when autostart
    // asks for it. `dismissed` is the remembered "Not now" (the caller keeps it in its settings and
    // stores it again on dismissed()); a dismissed card stays hidden unless the demo runs.
    void followWorkspace(CatalogClient &client, bool dismissed);
    // What followWorkspace() decides for a snapshot.
    bool wantsToBeShown(const CatalogSnapshot &snapshot) const;
    static bool autostartRequested(); // MODELDESK_DEMO_AUTOSTART=1

    DemoRunner &runner() const { return m_runner; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *loadButton() const { return m_loadToggle; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *dismissButton() const { return m_dismiss; }
    DemoTryItWidget *tryIt() const { return m_tryIt; }
    QString stepText(DemoRunner::Step step) const; // the detail line shown for a step

Q_SIGNALS:
    // "Not now": the window hides the card and remembers the choice.
    void dismissed();
    // The Monitoring page shows the demo's charts ("Watch the charts" button).
    void showMonitoringRequested();
    void info(const QString &message);
    void warning(const QString &message);
    void error(const QString &message);

private:
    struct StepRow
    {
        QLabel *mark = nullptr;
        QLabel *name = nullptr;
        QLabel *detail = nullptr;
    };
    void setStep(DemoRunner::Step step, const QString &mark, const QString &detail);
    void resetSteps();
    void updateButtons();
    void updateTraffic();
    void confirmRemove();

    DemoRunner &m_runner;
    QLabel *m_intro = nullptr;
    QLabel *m_dataNotice = nullptr;
    QList<StepRow> m_steps;
    QProgressBar *m_progress = nullptr;
    QLabel *m_traffic = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_loadToggle = nullptr;
    QPushButton *m_monitor = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_dismiss = nullptr;
    DemoTryItWidget *m_tryIt = nullptr;
    QTimer *m_trafficTimer = nullptr;
    bool m_askBeforeRemoving = true;
    bool m_dismissed = false;
    bool m_snapshotSeen = false;
};
