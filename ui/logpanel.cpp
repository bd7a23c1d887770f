#include "logpanel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QPalette>
#include <QPlainTextEdit>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QPlainTextEdit(this))
{
    m_view->setReadOnly(true);
    m_view->setMaximumBlockCount(5000); // a long session must not grow without bound
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setPlaceholderText(tr("Errors, warnings and completed actions appear here."));

    auto *clearButton = new QToolButton(this);
    clearButton->setText(tr("Clear"));
    clearButton->setToolTip(tr("Clear the log panel"));
    connect(clearButton, &QToolButton::clicked, this, &LogPanel::clear);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(clearButton);
    buttons->addStretch();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
}

void LogPanel::append(Level level, const QString &text)
{
    QTextCharFormat format; // Info: no colour of its own, so it follows the theme's text colour
    QString prefix;
    const bool dark = m_view->palette().color(QPalette::Base).lightness() < 128;
    switch (level) {
    case Level::Info:
        break;
    case Level::Warning:
        format.setForeground(dark ? QColor(0xe8, 0xb3, 0x4a) : QColor(0x9a, 0x67, 0x00));
        prefix = tr("Warning: ");
        break;
    case Level::Error:
        format.setForeground(dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
        prefix = tr("Error: ");
        break;
    }
    const QString line = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")) + u"  " + prefix + text;
    QTextCursor cursor(m_view->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_view->document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(line, format);
    m_view->ensureCursorVisible();
    m_view->moveCursor(QTextCursor::End);
}

int LogPanel::lineCount() const
{
    return m_view->document()->isEmpty() ? 0 : m_view->document()->blockCount();
}

QString LogPanel::text() const
{
    return m_view->toPlainText();
}

void LogPanel::clear()
{
    m_view->clear();
}
