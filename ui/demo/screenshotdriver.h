#pragma once
// ScreenshotDriver: the console's screenshot mode for the user guide (packaging/screenshots.sh).
// With MODELDESK_SCREENSHOT_DIR set, it runs the demo (unless it already runs), lets the traffic
// fill a few seconds of monitoring history, then shows each page of the main window in turn and
// saves it with QWidget::grab() as <dir>/<page>.png ("models.png", "monitoring.png"...; the page's
// navigation text, lower-case), plus the demo card as demo.png (and demo-offer.png before it ran), and quits the application
// (exit code 0, or 1 with the reason on stderr when the demo failed or a file could not be written),
// unless asked to keep running.
//
// Grabbing from inside the process gives the window's own pixels whatever the window manager does
// (no decorations, no other windows), which `import -window root` under Xvfb does not.

#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>

class DemoRunner;
class MainWindow;
class QListWidget;
class QStackedWidget;
class QWidget;
namespace ModelDesk::Serving {
class ServingHost;
}

class ScreenshotDriver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotDriver)

public:
    struct Options
    {
        QString directory;
        int trafficSeconds = 12;     // monitoring ticks to wait for once the demo is live
        QSize windowSize{1280, 800};
        bool quitWhenDone = true;
    };

    // `demoCard` (may be null) is saved as demo.png. The window, runner and host must outlive the driver.
    ScreenshotDriver(QWidget &window, QListWidget &navigation, QStackedWidget &pages, DemoRunner &runner,
                     ModelDesk::Serving::ServingHost &host, QWidget *demoCard, Options options,
                     QObject *parent = nullptr);

    // MODELDESK_SCREENSHOT_DIR, empty when screenshot mode is off.
    static QString requestedDirectory();
    // The options the environment asks for: directory = MODELDESK_SCREENSHOT_DIR (empty = mode off);
    // MODELDESK_SCREENSHOT_KEEP_RUNNING=1 keeps the console (and the demo traffic) running afterwards.
    static Options optionsFromEnvironment();
    // "Monitoring" -> "monitoring", "API access" -> "api-access".
    static QString fileNameFor(const QString &pageText);

    void start();
    QStringList savedFiles() const { return m_saved; }

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void onLive();
    void onTick();
    void grabAll();
    void finish(bool ok, const QString &message);

    QWidget &m_window;
    QListWidget &m_navigation;
    QStackedWidget &m_pages;
    DemoRunner &m_runner;
    ModelDesk::Serving::ServingHost &m_host;
    QWidget *m_demoCard;
    Options m_options;
    int m_ticks = -1;                // monitoring ticks seen since the demo went live (-1 = not live)
    bool m_done = false;
    QStringList m_saved;
};
