#pragma once
// ServerBar: the local HTTP server's switch on the Deployments page — its state (running at URL,
// stopped, or failed to bind with the reason), the address and port to use, optional TLS files,
// start at launch, and Start / Stop. Starting on an address other than loopback asks first, loudly.
// The choice is kept in QSettings ("server/host", "server/port", "server/autoStart"; the console
// reads them at start) once a start with it succeeds.
//
// Threads: GUI thread. Starting binds a socket and stopping joins the server's I/O threads: both
// are quick (ServingHost's contract), so they run here rather than on a worker.

#include <QWidget>

namespace ModelDesk::Serving {
class ServingHost;
}
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

class ServerBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerBar)

public:
    explicit ServerBar(ModelDesk::Serving::ServingHost &host, QWidget *parent = nullptr);

    enum class State { Running, Stopped, Failed };
    State state() const { return m_state; }
    QString stateText() const;

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portBox() const { return m_port; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }

    // Starts with the fields' values. A non-loopback address asks for confirmation unless
    // `confirmed`. Returns whether the server runs afterwards.
    bool start(bool confirmed = false);
    void stop();
    // Reads the host's current state (after a change made elsewhere).
    void refresh();

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);
    void stateChanged();

private:
    void showState();
    void saveSettings() const;

    ModelDesk::Serving::ServingHost &m_serving;
    State m_state = State::Stopped;
    QString m_failure;
    QString m_shownHost;    // the host's options as last shown in the fields
    quint16 m_shownPort = 0;
    QLabel *m_light = nullptr;
    QLabel *m_status = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
    QWidget *m_tlsRow = nullptr;
    QToolButton *m_tlsToggle = nullptr;
    QCheckBox *m_autoStart = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
};
