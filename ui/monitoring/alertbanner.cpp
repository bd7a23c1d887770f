#include "alertbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

AlertBanner::AlertBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_details(new QToolButton(this))
    , m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("alertBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setText(tr("Details"));
    m_details->setToolTip(tr("Show the active alerts on the Monitoring page"));
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Hide this banner until another alert fires (the alerts stay listed on the Monitoring page)"));
    connect(m_details, &QToolButton::clicked, this, &AlertBanner::detailsRequested);
    connect(m_dismiss, &QToolButton::clicked, this, [this] {
        m_dismissed = true;
        refresh();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_dismiss);
    refresh();
}

void AlertBanner::raiseAlert(const QString &key, const QString &text, const QString &severity)
{
    const bool critical = severity == QLatin1String("critical");
    for (Entry &e : m_alerts) {
        if (e.key == key) {
            e.text = text;
            e.critical = critical;
            refresh();
            return;
        }
    }
    m_alerts.append({key, text, critical});
    m_dismissed = false; // a new alert is news even after a dismiss
    refresh();
}

void AlertBanner::clearAlert(const QString &key)
{
    m_alerts.removeIf([&](const Entry &e) { return e.key == key; });
    refresh();
}

void AlertBanner::clearAll()
{
    m_alerts.clear();
    refresh();
}

QString AlertBanner::text() const
{
    return m_text->text();
}

void AlertBanner::refresh()
{
    if (m_alerts.isEmpty()) {
        m_text->clear();
        hide();
        return;
    }
    const bool critical = std::any_of(m_alerts.cbegin(), m_alerts.cend(), [](const Entry &e) { return e.critical; });
    // The newest alert is the one the operator has not seen yet.
    const QString newest = m_alerts.constLast().text;
    m_text->setText(m_alerts.size() == 1 ? newest
                                         : tr("%n alerts firing. Latest: %1", nullptr, int(m_alerts.size())).arg(newest));
    QPalette pal = palette();
    pal.setColor(QPalette::Window, critical ? QColor(0xf8, 0xd7, 0xda) : QColor(0xff, 0xf3, 0xcd));
    pal.setColor(QPalette::WindowText, critical ? QColor(0x72, 0x1c, 0x24) : QColor(0x66, 0x4d, 0x03));
    setPalette(pal);
    m_icon->setPixmap(style()
                          ->standardIcon(critical ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning)
                          .pixmap(QSize(20, 20)));
    setVisible(!m_dismissed);
}
