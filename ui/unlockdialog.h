#pragma once
// UnlockDialog: asks for the passphrase that protects the workspace master key (the documented
// fallback when there is no secure store, docs/security.md).
//  - Mode::Unlock: one field; "Unlock" hands it to the WorkspaceUnlocker (key derivation runs on
//    its worker thread, the dialog shows it is busy) and stays open on a wrong passphrase.
//  - Mode::NewPassphrase: two fields that must match and be long enough (PassphraseKey rules);
//    the dialog only collects it (passphrase()), for turning encryption on.
// The passphrase is held only in the line edits and the returned copy; the caller wipes it.

#include <QByteArray>
#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class WorkspaceUnlocker;

class UnlockDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnlockDialog)

public:
    enum class Mode { Unlock, NewPassphrase };

    // Unlock mode: `unlocker` receives the passphrase; the dialog accepts when it reports unlocked().
    UnlockDialog(WorkspaceUnlocker &unlocker, QWidget *parent = nullptr);
    // NewPassphrase mode.
    explicit UnlockDialog(QWidget *parent = nullptr);
    ~UnlockDialog() override;

    // Shows a non-modal Unlock dialog for `unlocker` (one at a time per unlocker); it deletes
    // itself when closed. For the composition root: connect WorkspaceUnlocker::passphraseNeeded here.
    static UnlockDialog *open(WorkspaceUnlocker &unlocker, QWidget *parent);

    Mode mode() const { return m_mode; }
    QByteArray passphrase() const; // UTF-8
    QLineEdit *passphraseEdit() const { return m_first; }
    QLineEdit *repeatEdit() const { return m_second; }
    QLabel *errorLabel() const { return m_error; }
    QString validationMessage() const; // empty when OK may be pressed

    void accept() override;

private:
    void build(const QString &intro);
    void validate();
    void setBusy(bool busy);

    Mode m_mode;
    QPointer<WorkspaceUnlocker> m_unlocker;
    QLineEdit *m_first = nullptr;
    QLineEdit *m_second = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
};
