#pragma once
// NameDialog: asks for one registry name (an alias, say), checked live with the shared name rule;
// the reason a name is refused is shown under the field and OK stays disabled until it is valid.

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;

class NameDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NameDialog)

public:
    // `what` names the thing in error messages ("alias"); suggestions fill the drop-down.
    NameDialog(const QString &title, const QString &prompt, const QString &what, const QStringList &suggestions,
               QWidget *parent = nullptr);

    QString name() const;
    void setName(const QString &name);
    QString validationMessage() const; // empty when the name is valid

private:
    void validate();

    QString m_what;
    QComboBox *m_edit = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
