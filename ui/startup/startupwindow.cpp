#include "startupwindow.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

StartupWindow::StartupWindow(const QString &workspaceDirectory, const QString &registryDisplay, QWidget *parent)
    : QWidget(parent)
{
    setWindowTitle(tr("ModelDesk - opening"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/modeldesk.svg")));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/modeldesk.svg")).pixmap(48, 48));
    auto *title = new QLabel(tr("<b>ModelDesk</b>"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    title->setFont(big);
    auto *header = new QHBoxLayout;
    header->addWidget(icon);
    header->addWidget(title, 1);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(registryDisplay.isEmpty()
                          ? tr("Opening the workspace %1 ...").arg(workspaceDirectory)
                          : tr("Opening the workspace %1 and connecting to the registry at %2 ...")
                                .arg(workspaceDirectory, registryDisplay));
    auto *busy = new QProgressBar(this);
    busy->setRange(0, 0); // busy: how long a connection takes is not known
    busy->setTextVisible(false);

    m_quit = new QPushButton(tr("Quit"), this);
    connect(m_quit, &QPushButton::clicked, this, &QWidget::close);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_quit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addWidget(busy);
    layout->addLayout(buttons);
    setMinimumWidth(440);
}

StartupWindow::~StartupWindow() = default;

QString StartupWindow::statusText() const
{
    return m_status->text();
}

void StartupWindow::dismiss()
{
    m_quitting = true;
    close();
}

void StartupWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting) {
        m_quitting = true;
        Q_EMIT quitRequested();
    }
    event->accept();
}
