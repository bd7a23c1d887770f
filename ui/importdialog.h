#pragma once
// ImportDialog: asks under which model name (checked live with Names::isValidName, the reason shown
// inline) and with which description a TorchScript file is imported. Existing model names are
// offered, since importing into one adds its next version.

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(const QString &filePath, const QStringList &existingModels, QWidget *parent = nullptr);

    QString filePath() const { return m_filePath; }
    QString modelName() const;
    void setModelName(const QString &name);
    QString description() const;
    QString validationMessage() const; // empty when the name is valid

private:
    void validate();

    QString m_filePath;
    QStringList m_existing;
    QComboBox *m_name = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_hint = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
