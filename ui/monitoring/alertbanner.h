#pragma once
// AlertBanner: a strip that says which alerts are firing now ("2 alerts firing: latency_p99 of iris
// above 5ms ..."), coloured by the worst severity, hidden when nothing fires. It keeps its own list
// keyed by the caller (the Monitoring page uses "rule|series"), so a clear removes exactly the alert it
// belongs to. The Monitoring page shows one at its top; MainWindow may host another one above all
// pages and feed it from MonitoringPage::alertRaised/alertCleared or from the monitoring signals.
//
// Threads: GUI thread. Ownership: a QWidget in the parent's tree.

#include <QFrame>
#include <QList>

class QLabel;
class QToolButton;

class AlertBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertBanner)

public:
    explicit AlertBanner(QWidget *parent = nullptr);

    // severity: "critical" or "warning" (anything else reads as a warning).
    void raiseAlert(const QString &key, const QString &text, const QString &severity);
    void clearAlert(const QString &key);
    void clearAll();

    int alertCount() const { return int(m_alerts.size()); }
    QString text() const;

Q_SIGNALS:
    // "Details" was clicked: the host should show the Monitoring page's alert list.
    void detailsRequested();

private:
    struct Entry
    {
        QString key;
        QString text;
        bool critical = false;
    };
    void refresh();

    QList<Entry> m_alerts; // oldest first
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_details = nullptr;
    QToolButton *m_dismiss = nullptr;
    bool m_dismissed = false;
};
