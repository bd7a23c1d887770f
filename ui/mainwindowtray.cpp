// MainWindow, while the console runs in the background: the tray icon, the HTTP server switch,
// alerts (banner, log, notification), finished runs, closing to the tray and quitting.

#include "mainwindow.h"

#include "dashboardpage.h"
#include "monitoring/alertbanner.h"
#include "trayicon.h"

#include "monitoring/monitoringservice.h"
#include "serving/servinghost.h"

#include <QAction>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QSettings>

namespace {

QString alertKey(const ModelDesk::Monitoring::AlertEvent &e)
{
    return QString(e.rule + u'|' + e.series.toString());
}

} // namespace

void MainWindow::createTray()
{
    m_tray = new TrayIcon(this);
    connect(m_tray, &TrayIcon::showWindowRequested, this, &MainWindow::showFromTray);
    connect(m_tray, &TrayIcon::serverToggleRequested, this, &MainWindow::setServerRunning);
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::requestQuit);
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->setVisible(true);
}

void MainWindow::forceTrayIcon()
{
    m_tray->setVisible(true);
}

bool MainWindow::closesToTray() const
{
    return m_tray && m_tray->isVisible() && m_settings.value(closeToTrayKey(), false).toBool();
}

void MainWindow::wireMonitoring()
{
    using ModelDesk::Monitoring::AlertEvent;
    using ModelDesk::Monitoring::MonitoringService;
    qRegisterMetaType<AlertEvent>();
    MonitoringService &monitoring = m_serving.monitoring();
    // Emitted on the monitoring worker; `this` as context queues them to the GUI thread.
    connect(&monitoring, &MonitoringService::alertFired, this, [this](const AlertEvent &e) {
        m_banner->raiseAlert(alertKey(e), e.message, QStringLiteral("warning"));
        report(LogPanel::Level::Warning, tr("Alert: %1").arg(e.message));
        notify(tr("ModelDesk alert"), e.message, QSystemTrayIcon::Warning);
    });
    connect(&monitoring, &MonitoringService::alertCleared, this, [this](const AlertEvent &e) {
        m_banner->clearAlert(alertKey(e));
        report(LogPanel::Level::Info, tr("Alert cleared: %1").arg(e.message));
    });
    for (const AlertEvent &e : monitoring.activeAlerts()) // in memory, no blocking
        m_banner->raiseAlert(alertKey(e), e.message, QStringLiteral("warning"));
}

void MainWindow::showAlertBanner(const QString &text, const QString &severity)
{
    m_banner->raiseAlert(text, text, severity);
}

void MainWindow::clearAlertBanner(const QString &key)
{
    m_banner->clearAlert(key);
}

void MainWindow::notify(const QString &title, const QString &text, QSystemTrayIcon::MessageIcon icon)
{
    if (m_tray && m_tray->isVisible())
        m_tray->notify(title, text, icon);
}

void MainWindow::notifyRunFinished(const QString &runId, bool ok, const QString &summary)
{
    const QString line = ok ? tr("Training run %1 finished: %2").arg(runId, summary)
                            : tr("Training run %1 did not finish: %2").arg(runId, summary);
    report(ok ? LogPanel::Level::Info : LogPanel::Level::Warning, line);
    notify(ok ? tr("Training finished") : tr("Training stopped"), line,
           ok ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning);
    m_dashboard->refreshNow();
}

void MainWindow::setServerRunning(bool running)
{
    if (running == m_serving.isServerRunning()) {
        refreshServerState();
        return;
    }
    if (running) {
        if (auto started = m_serving.startServer(); !started) {
            const auto options = m_serving.serverOptions();
            report(LogPanel::Level::Error,
                   tr("The HTTP server did not start on %1:%2 (%3). If another program uses that port, choose "
                      "another one in the settings and start the server again.")
                       .arg(options.http.host)
                       .arg(options.http.port)
                       .arg(started.error().message));
        } else {
            report(LogPanel::Level::Info, tr("HTTP server started on %1.").arg(m_serving.serverUrl()));
        }
    } else {
        m_serving.stopServer();
        report(LogPanel::Level::Info,
               tr("HTTP server stopped. Deployments stay loaded and still answer inside the console."));
    }
    refreshServerState();
}

void MainWindow::refreshServerState()
{
    const bool running = m_serving.isServerRunning();
    const QString url = m_serving.serverUrl();
    m_dashboard->setServerState(running, url);
    if (m_tray)
        m_tray->setServerState(running, url);
    if (m_serverAction)
        m_serverAction->setText(running ? tr("Stop &Server") : tr("Start &Server"));
}

void MainWindow::showFromTray()
{
    QGuiApplication::setQuitOnLastWindowClosed(true);
    if (isMinimized())
        showNormal();
    else
        show();
    ensureOnScreen();
    raise();
    activateWindow();
}

void MainWindow::requestQuit()
{
    m_quitting = true;
    saveWindowState();
    QGuiApplication::setQuitOnLastWindowClosed(true);
    Q_EMIT quitRequested();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    if (!m_quitting && closesToTray()) {
        // Keep serving: the window goes, the process, the server and the tray icon stay. A dialog
        // closed later must not end the application either.
        QGuiApplication::setQuitOnLastWindowClosed(false);
        event->ignore();
        hide();
        if (!m_trayHintShown) {
            m_trayHintShown = true;
            m_tray->notify(tr("ModelDesk keeps running"),
                           tr("The server keeps serving. Open the window or quit from the tray icon."),
                           QSystemTrayIcon::Information);
        }
        report(LogPanel::Level::Info, tr("Window closed to the tray; the server keeps serving."));
        return;
    }
    event->accept();
}
