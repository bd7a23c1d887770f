#include "encryptionsettingswidget.h"

#include "unlockdialog.h"

#include "artifacts/masterkey.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using ModelDesk::Security::EncryptionStatus;
using ModelDesk::Security::KeychainState;
using ModelDesk::Security::KeySource;

namespace {

QLabel *wrapping(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

EncryptionSettingsWidget::EncryptionSettingsWidget(WorkspaceUnlocker &unlocker, QWidget *parent)
    : QWidget(parent)
    , m_unlocker(unlocker)
{
    auto *encryptionBox = new QGroupBox(tr("Encryption at Rest"), this);
    m_status = wrapping(encryptionBox);
    m_status->setText(tr("Reading the state of the model files..."));
    m_lock = wrapping(encryptionBox);
    m_unlock = new QPushButton(tr("Unlock..."), encryptionBox);
    m_enable = new QPushButton(tr("Turn On..."), encryptionBox);
    m_disable = new QPushButton(tr("Turn Off..."), encryptionBox);
    m_progress = new QProgressBar(encryptionBox);
    m_progress->setFormat(tr("%v of %m model files"));
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), encryptionBox);
    m_cancel->hide();
    auto *explain = new QLabel(tr("Encrypted model files (AES-256-GCM) are decrypted only in memory. Their key is "
                                  "kept in the OS keychain, or protected by a passphrase where there is none. "
                                  "Turning it on or off converts every file safely: an interrupted run leaves each "
                                  "file readable and can simply be repeated."),
                               encryptionBox);
    explain->setWordWrap(true);
    explain->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_unlock);
    buttons->addStretch(1);
    buttons->addWidget(m_enable);
    buttons->addWidget(m_disable);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *encryptionLayout = new QVBoxLayout(encryptionBox);
    encryptionLayout->addWidget(m_status);
    encryptionLayout->addWidget(m_lock);
    encryptionLayout->addLayout(progressRow);
    encryptionLayout->addLayout(buttons);
    encryptionLayout->addWidget(explain);

    auto *keychainBox = new QGroupBox(tr("Keychain"), this);
    m_keychain = wrapping(keychainBox);
    m_keychain->setText(tr("Checking the OS keychain..."));
    m_checkKeychain = new QPushButton(tr("Check Again"), keychainBox);
    auto *keychainRow = new QHBoxLayout;
    keychainRow->addWidget(m_keychain, 1);
    keychainRow->addWidget(m_checkKeychain, 0, Qt::AlignTop);
    auto *keychainLayout = new QVBoxLayout(keychainBox);
    keychainLayout->addLayout(keychainRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(encryptionBox);
    layout->addWidget(keychainBox);

    connect(m_enable, &QPushButton::clicked, this, &EncryptionSettingsWidget::askTurnOn);
    connect(m_disable, &QPushButton::clicked, this, &EncryptionSettingsWidget::askTurnOff);
    connect(m_unlock, &QPushButton::clicked, this, &EncryptionSettingsWidget::unlockClicked);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_unlocker.cancel();
        m_cancel->setEnabled(false);
        m_cancel->setText(tr("Stopping..."));
    });
    connect(m_checkKeychain, &QPushButton::clicked, this, [this] {
        m_keychain->setText(tr("Checking the OS keychain..."));
        m_checkKeychain->setEnabled(false);
        m_unlocker.checkKeychain();
    });
    connect(&m_unlocker, &WorkspaceUnlocker::statusReady, this, &EncryptionSettingsWidget::showStatus);
    connect(&m_unlocker, &WorkspaceUnlocker::statusFailed, this, [this](const QString &message) {
        m_status->setText(tr("The state of the model files cannot be read: %1").arg(message));
    });
    connect(&m_unlocker, &WorkspaceUnlocker::stateChanged, this, &EncryptionSettingsWidget::showLockState);
    connect(&m_unlocker, &WorkspaceUnlocker::keychainChecked, this, &EncryptionSettingsWidget::showKeychain);
    connect(&m_unlocker, &WorkspaceUnlocker::encryptionProgress, this, [this](qint64 done, qint64 total) {
        m_progress->setMaximum(int(std::max<qint64>(total, 1)));
        m_progress->setValue(int(done));
    });
    connect(&m_unlocker, &WorkspaceUnlocker::encryptionFinished, this, &EncryptionSettingsWidget::finished);

    showLockState(m_unlocker.state(), m_unlocker.message());
    m_unlocker.refreshStatus();
    m_unlocker.checkKeychain();
    m_checkKeychain->setEnabled(false);
}

void EncryptionSettingsWidget::showStatus(const EncryptionStatus &status)
{
    m_lastStatus = status;
    m_statusKnown = true;
    QString text;
    if (status.enabled) {
        text = tr("On: %1 of %n model file(s) encrypted.", nullptr, status.artifacts).arg(status.encrypted);
        text += u' ';
        text += status.keySource == KeySource::Passphrase ? tr("The key is protected by a passphrase.")
                                                          : tr("The key is in the OS keychain.");
        if (status.plain > 0)
            text += u' ' + tr("%n file(s) are still plaintext: turn it on again to finish.", nullptr, status.plain);
    } else {
        text = tr("Off: model files are stored as they are (%n file(s)).", nullptr, status.artifacts);
        if (status.encrypted > 0)
            text += u' ' + tr("%n file(s) are still encrypted: turn it off again to finish.", nullptr, status.encrypted);
    }
    if (!status.problems.isEmpty())
        text += u'\n' + tr("Could not convert: %1").arg(status.problems.join(QStringLiteral(", ")));
    m_status->setText(text);
    updateButtons();
}

void EncryptionSettingsWidget::showLockState(WorkspaceUnlocker::State state, const QString &message)
{
    QString color;
    switch (state) {
    case WorkspaceUnlocker::State::KeychainFailed:
    case WorkspaceUnlocker::State::Failed: color = QStringLiteral("#c01c28"); break;
    case WorkspaceUnlocker::State::NeedsPassphrase: color = QStringLiteral("#c64600"); break;
    default: break;
    }
    m_lock->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(color));
    m_lock->setText(message);
    // "Off" is already said by the status line; the lock line is for states that need attention.
    m_lock->setVisible(!message.isEmpty() && state != WorkspaceUnlocker::State::Idle
                       && state != WorkspaceUnlocker::State::NotSetUp);
    m_unlock->setText(state == WorkspaceUnlocker::State::NeedsPassphrase ? tr("Unlock...") : tr("Retry"));
    if (state == WorkspaceUnlocker::State::Unlocked || state == WorkspaceUnlocker::State::NotSetUp)
        m_unlocker.refreshStatus(); // the counts may have changed (another process, a conversion)
    updateButtons();
}

void EncryptionSettingsWidget::showKeychain(const KeychainState &state)
{
    m_keychainState = state;
    m_checkKeychain->setEnabled(true);
    if (state.isAvailable()) {
        m_keychain->setStyleSheet(QString());
        m_keychain->setText(tr("Available: secrets are stored in the OS keychain (service \"%1\").")
                                .arg(m_unlocker.secrets().service()));
    } else {
        m_keychain->setStyleSheet(QStringLiteral("color: #c01c28;"));
        // SecretStore's messages already start with "no secure store: "; say it once.
        QString why = state.message;
        const QString prefix = QStringLiteral("no secure store: ");
        if (why.startsWith(prefix))
            why = why.mid(prefix.size());
        m_keychain->setText(tr("No secure store: %1\nModelDesk never writes secrets to a file instead. To encrypt "
                               "models here, protect the key with a passphrase that you type at each start (see "
                               "docs/security.md); or unlock or install a keychain (gnome-keyring, KWallet, "
                               "KeePassXC) and check again.")
                                .arg(why.isEmpty() ? tr("the keychain did not answer.") : why));
    }
    updateButtons();
}

void EncryptionSettingsWidget::updateButtons()
{
    const bool busy = m_unlocker.isBusy();
    const auto state = m_unlocker.state();
    const bool checking = state == WorkspaceUnlocker::State::Checking;
    m_unlock->setVisible(state == WorkspaceUnlocker::State::NeedsPassphrase
                         || state == WorkspaceUnlocker::State::KeychainFailed
                         || state == WorkspaceUnlocker::State::Failed);
    m_unlock->setEnabled(!busy && !checking);
    // Turn on: when off, or to finish an interrupted run; turn off likewise.
    m_enable->setEnabled(!busy && !checking && m_statusKnown && (!m_lastStatus.enabled || m_lastStatus.plain > 0));
    m_disable->setEnabled(!busy && !checking && m_statusKnown
                          && (m_lastStatus.enabled || m_lastStatus.encrypted > 0));
}

void EncryptionSettingsWidget::unlockClicked()
{
    if (m_unlocker.state() == WorkspaceUnlocker::State::NeedsPassphrase)
        UnlockDialog::open(m_unlocker, window());
    else
        m_unlocker.retry();
}

void EncryptionSettingsWidget::askTurnOn()
{
    // A key already set up (an interrupted run, or re-enabling) is used as it is.
    if (m_lastStatus.keySetUp) {
        turnOn(m_lastStatus.keySource);
        return;
    }
    if (m_keychainState.isAvailable()) {
        QMessageBox box(QMessageBox::Question, tr("Turn On Encryption"),
                        tr("Encrypt every model file of this workspace (%n file(s))?\n\nThe key goes to the OS "
                           "keychain, so ModelDesk can open the models at start without asking. Or protect it with "
                           "a passphrase that you type at each start.",
                           nullptr, m_lastStatus.artifacts),
                        QMessageBox::Cancel, this);
        QPushButton *keychain = box.addButton(tr("Use the Keychain"), QMessageBox::AcceptRole);
        QPushButton *passphrase = box.addButton(tr("Use a Passphrase..."), QMessageBox::ActionRole);
        box.setDefaultButton(keychain);
        box.exec();
        if (box.clickedButton() == keychain) {
            turnOn(KeySource::Keychain);
            return;
        }
        if (box.clickedButton() != passphrase)
            return;
    }
    UnlockDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QByteArray secret = dialog.passphrase();
    turnOn(KeySource::Passphrase, secret);
    ModelDesk::Artifacts::secureWipe(secret);
}

void EncryptionSettingsWidget::askTurnOff()
{
    const auto answer = QMessageBox::question(
        this, tr("Turn Off Encryption"),
        tr("Decrypt every model file of this workspace? They are then stored in plain form on disk, readable by "
           "anyone who can read the workspace folder, and the key is removed."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        turnOff();
}

bool EncryptionSettingsWidget::turnOn(KeySource source, const QByteArray &passphrase)
{
    if (m_unlocker.isBusy()) {
        Q_EMIT error(tr("An encryption change is already running."));
        return false;
    }
    if (m_lastStatus.keySetUp && m_unlocker.state() != WorkspaceUnlocker::State::Unlocked && passphrase.isEmpty()) {
        Q_EMIT error(tr("Unlock the workspace first: its key is needed to finish encrypting."));
        return false;
    }
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->setEnabled(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->show();
    m_status->setText(tr("Encrypting the model files..."));
    m_unlocker.enable(source, passphrase);
    updateButtons();
    return true;
}

bool EncryptionSettingsWidget::turnOff()
{
    if (m_unlocker.isBusy()) {
        Q_EMIT error(tr("An encryption change is already running."));
        return false;
    }
    if (m_lastStatus.keySetUp && m_unlocker.state() != WorkspaceUnlocker::State::Unlocked) {
        Q_EMIT error(tr("Unlock the workspace first: its key is needed to decrypt the model files."));
        return false;
    }
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->setEnabled(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->show();
    m_status->setText(tr("Decrypting the model files..."));
    m_unlocker.disable({});
    updateButtons();
    return true;
}

void EncryptionSettingsWidget::finished(bool ok, const QString &message, const EncryptionStatus &status)
{
    m_progress->hide();
    m_cancel->hide();
    if (ok) {
        showStatus(status);
        Q_EMIT info(message);
    } else {
        Q_EMIT error(tr("Encryption change failed: %1").arg(message));
        m_unlocker.refreshStatus();
    }
    updateButtons();
}
