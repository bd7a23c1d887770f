#pragma once
// TrayIcon: ModelDesk in the system tray: the server state in the icon (a green or grey dot) and
// the tooltip, a menu (show the window, start/stop the server, quit) and desktop notifications
// (finished training runs, alerts). It only shows and asks; the main window acts on its signals.
//
// Only useful where QSystemTrayIcon::isSystemTrayAvailable(); the main window creates it then.
// GUI thread only.

#include <QObject>
#include <QSystemTrayIcon>

#include <memory>

class QAction;
class QMenu;

class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    void setServerState(bool running, const QString &url);
    void notify(const QString &title, const QString &text, QSystemTrayIcon::MessageIcon icon);
    void setVisible(bool visible);
    bool isVisible() const;

    QSystemTrayIcon *trayIcon() const { return m_icon; }
    QMenu *menu() const { return m_menu.get(); }
    QAction *showAction() const { return m_show; }
    QAction *serverAction() const { return m_server; }
    QAction *quitAction() const { return m_quit; }

Q_SIGNALS:
    void showWindowRequested();
    void serverToggleRequested(bool start);
    void quitRequested();

private:
    QIcon stateIcon(bool running) const;

    std::unique_ptr<QMenu> m_menu; // a QMenu cannot have a QObject parent
    QSystemTrayIcon *m_icon = nullptr;
    QAction *m_show = nullptr;
    QAction *m_server = nullptr;
    QAction *m_quit = nullptr;
    bool m_running = false;
    bool m_stateKnown = false;
};
