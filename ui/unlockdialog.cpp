#include "unlockdialog.h"

#include "settings/workspaceunlocker.h"

#include "artifacts/masterkey.h"
#include "security/passphrasekey.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

UnlockDialog::UnlockDialog(WorkspaceUnlocker &unlocker, QWidget *parent)
    : QDialog(parent)
    , m_mode(Mode::Unlock)
    , m_unlocker(&unlocker)
{
    setWindowTitle(tr("Unlock the Workspace"));
    build(tr("Models in this workspace are encrypted at rest, and the key that opens them is protected by a "
             "passphrase (there is no secure keychain store here). Enter the passphrase to use encrypted models. "
             "Without it, they stay on disk untouched but cannot be loaded, deployed or exported."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Unlock"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Not Now"));
    connect(&unlocker, &WorkspaceUnlocker::unlocked, this, [this] {
        setBusy(false);
        QDialog::accept();
    });
    connect(&unlocker, &WorkspaceUnlocker::passphraseRejected, this, [this](const QString &message) {
        setBusy(false);
        m_error->setText(message);
        m_first->selectAll();
        m_first->setFocus();
    });
}

UnlockDialog::UnlockDialog(QWidget *parent)
    : QDialog(parent)
    , m_mode(Mode::NewPassphrase)
{
    setWindowTitle(tr("Protect the Key with a Passphrase"));
    build(tr("The workspace key will be protected by this passphrase instead of the keychain. ModelDesk asks for "
             "it at every start. Nobody can recover the encrypted models without it: keep it somewhere safe."));
}

UnlockDialog::~UnlockDialog()
{
    // The line edits' buffers: overwrite what Qt lets us reach.
    for (QLineEdit *edit : {m_first, m_second}) {
        if (edit)
            edit->setText(QString(edit->text().size(), QLatin1Char(' ')));
    }
}

UnlockDialog *UnlockDialog::open(WorkspaceUnlocker &unlocker, QWidget *parent)
{
    // One at a time: a second request (start and the Settings page both ask) raises the open one.
    if (parent) {
        const auto open = parent->findChildren<UnlockDialog *>(QString(), Qt::FindDirectChildrenOnly);
        for (UnlockDialog *existing : open) {
            if (existing->m_mode == Mode::Unlock && existing->m_unlocker == &unlocker && existing->isVisible()) {
                existing->raise();
                existing->activateWindow();
                return existing;
            }
        }
    }
    auto *dialog = new UnlockDialog(unlocker, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void UnlockDialog::build(const QString &intro)
{
    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    m_first = new QLineEdit(this);
    m_first->setEchoMode(QLineEdit::Password);
    m_first->setObjectName(QStringLiteral("passphrase"));
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Passphrase:"), m_first);
    if (m_mode == Mode::NewPassphrase) {
        m_second = new QLineEdit(this);
        m_second->setEchoMode(QLineEdit::Password);
        m_second->setObjectName(QStringLiteral("repeat"));
        form->addRow(tr("Repeat:"), m_second);
        connect(m_second, &QLineEdit::textChanged, this, &UnlockDialog::validate);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_first, &QLineEdit::textChanged, this, &UnlockDialog::validate);
    validate();
    resize(sizeHint().expandedTo(QSize(460, 0)));
}

QByteArray UnlockDialog::passphrase() const
{
    return m_first->text().toUtf8();
}

QString UnlockDialog::validationMessage() const
{
    if (m_first->text().isEmpty())
        return tr("Enter the passphrase.");
    if (m_mode == Mode::Unlock)
        return {};
    QByteArray bytes = passphrase();
    const auto ok = ModelDesk::Security::PassphraseKey::checkPassphrase(bytes);
    ModelDesk::Artifacts::secureWipe(bytes);
    if (!ok)
        return tr("Use at least %n characters.", nullptr, ModelDesk::Security::PassphraseKey::minPassphraseLength);
    if (m_second->text() != m_first->text())
        return tr("The two passphrases differ.");
    return {};
}

void UnlockDialog::validate()
{
    const QString message = validationMessage();
    // Nothing typed yet is not an error: say nothing until the user typed something.
    if (!m_busy)
        m_error->setText(m_first->text().isEmpty() ? QString() : message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty() && !m_busy);
}

void UnlockDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_first->setEnabled(!busy);
    if (busy)
        m_error->setText(tr("Opening the key..."));
    validate();
}

void UnlockDialog::accept()
{
    if (!validationMessage().isEmpty() || m_busy)
        return;
    if (m_mode == Mode::NewPassphrase) {
        QDialog::accept();
        return;
    }
    if (!m_unlocker) {
        reject();
        return;
    }
    setBusy(true);
    m_unlocker->unlockWithPassphrase(passphrase());
}
