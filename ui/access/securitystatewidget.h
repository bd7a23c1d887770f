#pragma once
// SecurityStateWidget: a read-only box with the workspace's security state — the OS keychain
// (available, or "no secure store" and why), encryption at rest (on/off, how many artifacts are
// in which form, where the key lives) and where the HTTP server listens (loopback or exposed, TLS).
// It changes nothing: unlocking and turning encryption on/off belong to the Settings page.
//
// Non-blocking: the keychain check is SecretStore's asynchronous one (with its deadline); the
// encryption status (a registry read and a scan of artifact headers) runs on the given pool.

#include "security/secretstore.h"

#include <QWidget>
#include <memory>

namespace ModelDesk::Serving {
class ServingHost;
}
class QLabel;
class QPushButton;
class QThreadPool;

class SecurityStateWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityStateWidget)

public:
    // `keychainTimeoutMs`: the deadline of one keychain check (QtKeychain may hang on a locked keyring).
    SecurityStateWidget(ModelDesk::Serving::ServingHost &host, QThreadPool &pool, int keychainTimeoutMs = 8000,
                        QWidget *parent = nullptr);
    ~SecurityStateWidget() override;

    void refresh();

    QString keychainText() const;
    QString encryptionText() const;
    QString serverText() const;
    bool keychainChecked() const { return m_keychainChecked; }
    bool encryptionChecked() const { return m_encryptionChecked; }

Q_SIGNALS:
    void keychainStateKnown(const ModelDesk::Security::KeychainState &state);
    void encryptionStateKnown();

private:
    void showKeychain(const ModelDesk::Security::KeychainState &state);
    void refreshServer();

    ModelDesk::Serving::ServingHost &m_host;
    QThreadPool &m_pool;
    ModelDesk::Security::SecretStore *m_secrets = nullptr; // child: lives on this (GUI) thread
    QLabel *m_keychain = nullptr;
    QLabel *m_encryption = nullptr;
    QLabel *m_server = nullptr;
    QPushButton *m_recheck = nullptr;
    bool m_keychainChecked = false;
    bool m_encryptionChecked = false;
    bool m_keychainRunning = false;
    int m_keychainTimeoutMs = 8000;
};
