#pragma once
// LogPanel: the console's one record of what happened: every error, warning and completed action
// is appended here with its time (the status bar shows the latest line). Lives in a dock widget
// that the user can hide. GUI thread only.

#include <QWidget>

class QPlainTextEdit;

class LogPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPanel)

public:
    enum class Level { Info, Warning, Error };

    explicit LogPanel(QWidget *parent = nullptr);

    void append(Level level, const QString &text);
    int lineCount() const;
    QString text() const;

public Q_SLOTS:
    void clear();

private:
    QPlainTextEdit *m_view = nullptr;
};
