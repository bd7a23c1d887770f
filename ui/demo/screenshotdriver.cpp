#include "screenshotdriver.h"

#include "demorunner.h"

#include "monitoring/monitoringservice.h"
#include "serving/servinghost.h"

#include <QCoreApplication>
#include <QDir>
#include <QListWidget>
#include <QPixmap>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTimer>
#include <QWidget>

#include <cstdio>

ScreenshotDriver::ScreenshotDriver(QWidget &window, QListWidget &navigation, QStackedWidget &pages,
                                   DemoRunner &runner, ModelDesk::Serving::ServingHost &host, QWidget *demoCard,
                                   Options options, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_navigation(navigation)
    , m_pages(pages)
    , m_runner(runner)
    , m_host(host)
    , m_demoCard(demoCard)
    , m_options(std::move(options))
{
}

QString ScreenshotDriver::requestedDirectory()
{
    return qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR");
}

ScreenshotDriver::Options ScreenshotDriver::optionsFromEnvironment()
{
    Options o;
    o.directory = requestedDirectory();
    o.quitWhenDone = qEnvironmentVariable("MODELDESK_SCREENSHOT_KEEP_RUNNING") != QLatin1String("1");
    return o;
}

QString ScreenshotDriver::fileNameFor(const QString &pageText)
{
    QString slug = pageText.toLower();
    slug.remove(QLatin1Char('&')); // mnemonic markers
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return (slug.isEmpty() ? QStringLiteral("page") : slug) + QStringLiteral(".png");
}

void ScreenshotDriver::start()
{
    if (!QDir().mkpath(m_options.directory))
        return finish(false, QStringLiteral("cannot create %1").arg(m_options.directory));
    m_window.resize(m_options.windowSize);
    connect(&m_runner, &DemoRunner::live, this, &ScreenshotDriver::onLive);
    connect(&m_runner, &DemoRunner::stateChanged, this, [this](DemoRunner::State s) {
        if (s == DemoRunner::State::Failed || s == DemoRunner::State::Cancelled)
            finish(false, QStringLiteral("the demo did not run to the end; see the log above"));
    });
    // The monitoring ticks arrive from its worker thread; counted here, on the GUI thread.
    connect(&m_host.monitoring(), &ModelDesk::Monitoring::MonitoringService::sampled, this,
            &ScreenshotDriver::onTick, Qt::QueuedConnection);
    if (m_runner.state() == DemoRunner::State::Live) {
        onLive();
    } else if (!m_runner.isBusy()) {
        // The card as a new workspace shows it, before the demo runs.
        if (m_demoCard) {
            m_demoCard->show(); // it is shown anyway once the demo runs
            QCoreApplication::processEvents();
            const QString path = QDir(m_options.directory).filePath(QStringLiteral("demo-offer.png"));
            if (m_demoCard->grab().save(path))
                m_saved << path;
        }
        m_runner.start();
    }
}

void ScreenshotDriver::onLive()
{
    if (m_ticks < 0)
        m_ticks = 0;
}

void ScreenshotDriver::onTick()
{
    if (m_ticks < 0 || m_done)
        return;
    if (++m_ticks == m_options.trafficSeconds)
        grabAll();
}

void ScreenshotDriver::grabAll()
{
    const QDir dir(m_options.directory);
    auto save = [&](QWidget &widget, const QString &name) -> bool {
        const QPixmap pixmap = widget.grab();
        const QString path = dir.filePath(name);
        if (pixmap.isNull() || !pixmap.save(path))
            return false;
        m_saved << path;
        return true;
    };
    for (int i = 0; i < m_navigation.count() && i < m_pages.count(); ++i) {
        m_navigation.setCurrentRow(i);
        m_pages.setCurrentIndex(i);
        // Let the page lay itself out and paint (charts ask for an update on show).
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        const QString name = fileNameFor(m_navigation.item(i)->text());
        if (!save(m_window, name))
            return finish(false, QStringLiteral("cannot write %1").arg(dir.filePath(name)));
    }
    if (m_demoCard && !save(*m_demoCard, QStringLiteral("demo.png")))
        return finish(false, QStringLiteral("cannot write %1").arg(dir.filePath(QStringLiteral("demo.png"))));
    finish(true, QStringLiteral("%1 screenshots saved in %2").arg(m_saved.size()).arg(dir.absolutePath()));
}

void ScreenshotDriver::finish(bool ok, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    std::fprintf(stderr, "screenshots: %s\n", qPrintable(message));
    Q_EMIT finished(ok, message);
    if (m_options.quitWhenDone)
        QTimer::singleShot(0, qApp, [ok] { QCoreApplication::exit(ok ? 0 : 1); });
}
