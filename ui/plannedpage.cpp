#include "plannedpage.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

PlannedPage::PlannedPage(const QString &iconPath, const QString &heading, const QString &summary,
                         const QStringList &items, const QString &meanwhile, QWidget *parent)
    : QWidget(parent)
    , m_heading(heading)
    , m_items(items)
{
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(iconPath).pixmap(QSize(40, 40)));

    auto *title = new QLabel(heading, this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(icon);
    titleRow->addWidget(title, 1);

    auto *status = new QLabel(tr("Coming in a later release. This page shows no data yet."), this);
    QFont statusFont = status->font();
    statusFont.setItalic(true);
    status->setFont(statusFont);

    auto *summaryLabel = new QLabel(summary, this);
    summaryLabel->setWordWrap(true);

    auto *offersLabel = new QLabel(tr("It will offer:"), this);
    QFont bold = offersLabel->font();
    bold.setBold(true);
    offersLabel->setFont(bold);

    // A plain bulleted list: rich text only for the bullets, the items themselves are escaped.
    QString html = QStringLiteral("<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">");
    for (const QString &item : items)
        html += QString(QStringLiteral("<li style=\"margin-bottom: 4px;\">") + item.toHtmlEscaped() + QStringLiteral("</li>"));
    html += QStringLiteral("</ul>");
    auto *list = new QLabel(html, this);
    list->setTextFormat(Qt::RichText);
    list->setWordWrap(true);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto *meanwhileLabel = new QLabel(meanwhile, this);
    meanwhileLabel->setWordWrap(true);

    auto *column = new QVBoxLayout;
    column->addLayout(titleRow);
    column->addWidget(status);
    column->addSpacing(8);
    column->addWidget(summaryLabel);
    column->addSpacing(8);
    column->addWidget(offersLabel);
    column->addWidget(list);
    column->addWidget(line);
    column->addWidget(meanwhileLabel);
    column->addStretch(1);

    // Keep the text at a readable width on a wide window.
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(24, 18, 24, 18);
    outer->addLayout(column, 3);
    outer->addStretch(1);
}
