#include "trayicon.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QPainter>

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
    , m_icon(new QSystemTrayIcon(this))
{
    m_show = m_menu->addAction(tr("Show ModelDesk"));
    connect(m_show, &QAction::triggered, this, &TrayIcon::showWindowRequested);
    m_server = m_menu->addAction(tr("Start Server"));
    connect(m_server, &QAction::triggered, this, [this] { Q_EMIT serverToggleRequested(!m_running); });
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("Quit ModelDesk"));
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(m_menu.get());
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::showWindowRequested);
    setServerState(false, {});
}

TrayIcon::~TrayIcon()
{
    m_icon->hide();
}

QIcon TrayIcon::stateIcon(bool running) const
{
    const QIcon base(QStringLiteral(":/icons/modeldesk.svg"));
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(QSize(size, size));
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal dot = size * 0.42;
        const QRectF r(size - dot, size - dot, dot - 0.5, dot - 0.5);
        painter.setPen(QPen(Qt::white, std::max(1.0, size / 16.0)));
        painter.setBrush(running ? QColor(40, 170, 70) : QColor(150, 150, 150));
        painter.drawEllipse(r);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void TrayIcon::setServerState(bool running, const QString &url)
{
    if (m_stateKnown && running == m_running && m_icon->toolTip().contains(url))
        return;
    m_stateKnown = true;
    m_running = running;
    m_icon->setIcon(stateIcon(running));
    m_icon->setToolTip(running ? tr("ModelDesk — serving on %1").arg(url)
                               : tr("ModelDesk — HTTP server stopped"));
    m_server->setText(running ? tr("Stop Server") : tr("Start Server"));
}

void TrayIcon::notify(const QString &title, const QString &text, QSystemTrayIcon::MessageIcon icon)
{
    if (m_icon->isVisible() && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, text, icon, 8000);
}

void TrayIcon::setVisible(bool visible)
{
    m_icon->setVisible(visible);
}

bool TrayIcon::isVisible() const
{
    return m_icon->isVisible();
}
