#pragma once
// TokenCreateDialog: asks for a new API token's name, role (with one line on what it may do),
// scope and per-model permissions, and expiry, and turns them into a Security::TokenRequest.
// Scope: "all models" (also ones added later) with one set of permissions, or the models ticked in
// the table, each with its own permissions; the role caps what can be ticked. It creates nothing
// itself: the page runs the request off the GUI thread. Validation is live (OK stays disabled and
// the reason is shown).

#include "security/tokenservice.h"

#include <QDate>
#include <QDialog>
#include <QStringList>
#include <optional>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QTableWidget;
class QTableWidgetItem;

class TokenCreateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenCreateDialog)

public:
    // `models`: the registry's models; `takenNames`: existing token names (revoked ones too).
    TokenCreateDialog(const QStringList &models, const QStringList &takenNames, QWidget *parent = nullptr);

    void setTokenName(const QString &name);
    void setRole(ModelDesk::Security::Role role);
    void setAllModels(bool all);
    // Ticks exactly `permissions` for `model` ("" = the all-models row); read is added when others are.
    void setPermissions(const QString &model, ModelDesk::Security::Permissions permissions);
    ModelDesk::Security::Permissions permissions(const QString &model) const;
    void setExpiry(const std::optional<QDate> &date); // nullopt = never

    QString validationMessage() const; // empty when the request is complete
    ModelDesk::Security::TokenRequest request() const;

private:
    void build();
    void applyRole();
    void applyScopeMode();
    void itemChanged(QTableWidgetItem *item);
    void validate();
    int rowOf(const QString &model) const;
    ModelDesk::Security::Permissions rowPermissions(int row) const;

    QStringList m_models;
    QStringList m_takenNames;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QLabel *m_roleHelp = nullptr;
    QRadioButton *m_allModels = nullptr;
    QRadioButton *m_someModels = nullptr;
    QTableWidget *m_table = nullptr;
    QRadioButton *m_never = nullptr;
    QRadioButton *m_onDate = nullptr;
    QDateEdit *m_date = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_updating = false;
};
