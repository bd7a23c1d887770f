#pragma once
// TagDialog: asks for a tag key (name rule) and value (printable text), both checked live with the
// core's rules; the reason is shown inline and OK stays disabled until both are valid.

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

class TagDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagDialog)

public:
    explicit TagDialog(const QString &target, QWidget *parent = nullptr);

    QString key() const;
    QString value() const;
    void setTag(const QString &key, const QString &value);
    QString validationMessage() const;

private:
    void validate();

    QLineEdit *m_key = nullptr;
    QLineEdit *m_value = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
