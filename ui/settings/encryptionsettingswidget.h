#pragma once
// EncryptionSettingsWidget: the Settings page's "Encryption at rest" and "Keychain" sections.
// Shows whether model files are encrypted (and how many), where the workspace key lives, whether
// this console has it (unlock / retry), and whether the OS keychain works ("no secure store" with
// the passphrase fallback when it does not). Turning encryption on or off converts every model
// file on the WorkspaceUnlocker's worker thread, with progress and cancel; the GUI never waits.
// The dialogs only ask; turnOn()/turnOff() do the work (and are what tests call).

#include "settings/workspaceunlocker.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

class EncryptionSettingsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EncryptionSettingsWidget)

public:
    explicit EncryptionSettingsWidget(WorkspaceUnlocker &unlocker, QWidget *parent = nullptr);

    // Starts the conversion; false (with error()) when it cannot start (busy, locked).
    bool turnOn(ModelDesk::Security::KeySource source, const QByteArray &passphrase = {});
    bool turnOff();

    QLabel *statusLabel() const { return m_status; }
    QLabel *lockLabel() const { return m_lock; }
    QLabel *keychainLabel() const { return m_keychain; }
    QPushButton *enableButton() const { return m_enable; }
    QPushButton *disableButton() const { return m_disable; }
    QPushButton *unlockButton() const { return m_unlock; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }
    const ModelDesk::Security::EncryptionStatus &lastStatus() const { return m_lastStatus; }
    const ModelDesk::Security::KeychainState &keychainState() const { return m_keychainState; }

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);

private:
    void askTurnOn();
    void askTurnOff();
    void unlockClicked();
    void showStatus(const ModelDesk::Security::EncryptionStatus &status);
    void showLockState(WorkspaceUnlocker::State state, const QString &message);
    void showKeychain(const ModelDesk::Security::KeychainState &state);
    void finished(bool ok, const QString &message, const ModelDesk::Security::EncryptionStatus &status);
    void updateButtons();

    WorkspaceUnlocker &m_unlocker;
    QLabel *m_status = nullptr;
    QLabel *m_lock = nullptr;
    QLabel *m_keychain = nullptr;
    QPushButton *m_enable = nullptr;
    QPushButton *m_disable = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_checkKeychain = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    ModelDesk::Security::EncryptionStatus m_lastStatus;
    ModelDesk::Security::KeychainState m_keychainState;
    bool m_statusKnown = false;
};
