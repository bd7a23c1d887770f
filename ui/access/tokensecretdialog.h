#pragma once
// TokenSecretDialog: shows a new token's secret the one time it exists outside the program that
// will use it, with a Copy button and a plain warning that it cannot be shown again. Closing the
// dialog wipes the field (the registry has only its hash). GUI thread only.

#include <QDialog>

class QLineEdit;
class QPushButton;

class TokenSecretDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenSecretDialog)

public:
    TokenSecretDialog(const QString &tokenName, const QString &secret, QWidget *parent = nullptr);

    QString tokenName() const { return m_tokenName; }
    QString secret() const; // empty once the dialog was closed
    void copyToClipboard();

    void done(int result) override;

private:
    QString m_tokenName;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_copy = nullptr;
};
