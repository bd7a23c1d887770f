#pragma once
// StartupWindow: what the operator sees while the console opens its workspace and registry off the
// GUI thread (WorkspaceOpener) — the folder, the PostgreSQL server being connected to, a busy bar and
// a Quit button — so a slow registry connection is never a start that shows nothing. The composition
// root shows it only when opening takes longer than a moment, and closes it when the main window is up.

#include <QWidget>

class QLabel;
class QPushButton;

class StartupWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartupWindow)

public:
    // `registryDisplay`: a PostgreSQL URL without its password, or "" for the workspace's own registry.
    StartupWindow(const QString &workspaceDirectory, const QString &registryDisplay, QWidget *parent = nullptr);
    ~StartupWindow() override;

    QString statusText() const;
    // Closes the window without quitRequested(): the console is open (or has said why not).
    void dismiss();
    QPushButton *quitButton() const { return m_quit; }

Q_SIGNALS:
    // The operator gave up waiting (the Quit button or closing the window).
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QLabel *m_status = nullptr;
    QPushButton *m_quit = nullptr;
    bool m_quitting = false;
};
