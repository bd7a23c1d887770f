#include "tokencreatedialog.h"

#include "accessformat.h"

#include "core/names.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace ModelDesk;
using namespace ModelDesk::Security;

namespace {
// Table layout: column 0 names the row, then one checkable column per permission. Row 0 is
// "all models"; the rows after it are the registry's models.
constexpr int kFirstPermissionColumn = 1;
} // namespace

TokenCreateDialog::TokenCreateDialog(const QStringList &models, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent), m_models(models), m_takenNames(takenNames)
{
    m_models.sort();
    setWindowTitle(tr("New API Token"));
    build();
    applyRole();
    applyScopeMode();
    validate();
}

void TokenCreateDialog::build()
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A token lets a program call the HTTP API. Its secret is shown once, after it is "
                                "created; the registry keeps only a hash of it."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. fraud-app or ci-deployer"));
    m_name->setMaxLength(64);
    form->addRow(tr("&Name:"), m_name);
    m_role = new QComboBox(this);
    for (Role r : {Role::Viewer, Role::Operator, Role::Admin})
        m_role->addItem(AccessFormat::roleLabel(r), int(r));
    m_role->setCurrentIndex(1);
    form->addRow(tr("&Role:"), m_role);
    m_roleHelp = new QLabel(this);
    m_roleHelp->setWordWrap(true);
    m_roleHelp->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_roleHelp);
    layout->addLayout(form);

    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(new QLabel(tr("Scope:"), this));
    m_allModels = new QRadioButton(tr("&All models (also ones added later)"), this);
    m_someModels = new QRadioButton(tr("&Only the models ticked below"), this);
    auto *scopeGroup = new QButtonGroup(this);
    scopeGroup->addButton(m_allModels);
    scopeGroup->addButton(m_someModels);
    m_allModels->setChecked(true);
    scopeRow->addWidget(m_allModels);
    scopeRow->addWidget(m_someModels);
    scopeRow->addStretch();
    layout->addLayout(scopeRow);

    m_table = new QTableWidget(int(m_models.size()) + 1, kFirstPermissionColumn + 4, this);
    QStringList headers{tr("Model")};
    for (Permission p : allPermissions())
        headers << AccessFormat::permissionLabel(p);
    m_table->setHorizontalHeaderLabels(headers);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int row = 0; row <= m_models.size(); ++row) {
        auto *name = new QTableWidgetItem(row == 0 ? tr("All models") : m_models.at(row - 1));
        name->setFlags(Qt::ItemIsEnabled);
        if (row == 0) {
            QFont f = name->font();
            f.setItalic(true);
            name->setFont(f);
        }
        m_table->setItem(row, 0, name);
        for (int c = 0; c < 4; ++c) {
            auto *item = new QTableWidgetItem;
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            m_table->setItem(row, kFirstPermissionColumn + c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setMinimumHeight(160);
    layout->addWidget(m_table, 1);
    auto *tableHelp = new QLabel(tr("Any permission includes read (a client reads a model's description before "
                                    "calling it). Infer calls the model; deploy changes its deployments; modify "
                                    "changes versions, aliases and tags."),
                                 this);
    tableHelp->setWordWrap(true);
    tableHelp->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(tableHelp);

    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(new QLabel(tr("Expires:"), this));
    m_never = new QRadioButton(tr("&Never"), this);
    m_onDate = new QRadioButton(tr("At the end of"), this);
    auto *expiryGroup = new QButtonGroup(this);
    expiryGroup->addButton(m_never);
    expiryGroup->addButton(m_onDate);
    m_never->setChecked(true);
    m_date = new QDateEdit(QDate::currentDate().addDays(90), this);
    m_date->setCalendarPopup(true);
    m_date->setMinimumDate(QDate::currentDate());
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setEnabled(false);
    expiryRow->addWidget(m_never);
    expiryRow->addWidget(m_onDate);
    expiryRow->addWidget(m_date);
    expiryRow->addStretch();
    layout->addLayout(expiryRow);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    QPalette warn = m_problem->palette();
    warn.setColor(QPalette::WindowText, QColor(180, 60, 20));
    m_problem->setPalette(warn);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create Token"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &TokenCreateDialog::validate);
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        applyRole();
        validate();
    });
    connect(m_allModels, &QRadioButton::toggled, this, [this] {
        applyScopeMode();
        validate();
    });
    connect(m_onDate, &QRadioButton::toggled, m_date, &QWidget::setEnabled);
    connect(m_onDate, &QRadioButton::toggled, this, &TokenCreateDialog::validate);
    connect(m_date, &QDateEdit::dateChanged, this, &TokenCreateDialog::validate);
    connect(m_table, &QTableWidget::itemChanged, this, &TokenCreateDialog::itemChanged);
    resize(620, 560);
}

void TokenCreateDialog::applyRole()
{
    const Role role = Role(m_role->currentData().toInt());
    m_roleHelp->setText(AccessFormat::roleDescription(role));
    const Permissions allowed = rolePermissions(role);
    m_updating = true;
    const QList<Permission> all = allPermissions();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        for (int c = 0; c < all.size(); ++c) {
            QTableWidgetItem *item = m_table->item(row, kFirstPermissionColumn + c);
            const bool ok = allowed.testFlag(all.at(c));
            item->setFlags(ok ? (Qt::ItemIsEnabled | Qt::ItemIsUserCheckable) : Qt::ItemFlags());
            if (!ok)
                item->setCheckState(Qt::Unchecked);
            item->setToolTip(ok ? QString() : tr("The %1 role does not allow this.").arg(AccessFormat::roleLabel(role)));
        }
    }
    m_updating = false;
    // A new role starts from what it allows on all models: the common case needs no ticking.
    setPermissions(QString(), allowed);
}

void TokenCreateDialog::applyScopeMode()
{
    const bool all = m_allModels->isChecked();
    m_table->setRowHidden(0, !all);
    for (int row = 1; row < m_table->rowCount(); ++row)
        m_table->setRowHidden(row, all);
}

void TokenCreateDialog::itemChanged(QTableWidgetItem *item)
{
    if (m_updating || item->column() < kFirstPermissionColumn)
        return;
    // Keep "any permission includes read" visible: ticking infer ticks read, unticking read unticks all.
    m_updating = true;
    const int row = item->row();
    QTableWidgetItem *read = m_table->item(row, kFirstPermissionColumn);
    if (item == read) {
        if (read->checkState() == Qt::Unchecked) {
            for (int c = 1; c < 4; ++c)
                m_table->item(row, kFirstPermissionColumn + c)->setCheckState(Qt::Unchecked);
        }
    } else if (item->checkState() == Qt::Checked) {
        read->setCheckState(Qt::Checked);
    }
    m_updating = false;
    validate();
}

int TokenCreateDialog::rowOf(const QString &model) const
{
    if (model.isEmpty())
        return 0;
    const int i = int(m_models.indexOf(model));
    return i < 0 ? -1 : i + 1;
}

Permissions TokenCreateDialog::rowPermissions(int row) const
{
    Permissions out;
    const QList<Permission> all = allPermissions();
    for (int c = 0; c < all.size(); ++c) {
        if (m_table->item(row, kFirstPermissionColumn + c)->checkState() == Qt::Checked)
            out |= all.at(c);
    }
    return out;
}

void TokenCreateDialog::setTokenName(const QString &name) { m_name->setText(name); }

void TokenCreateDialog::setRole(Role role) { m_role->setCurrentIndex(m_role->findData(int(role))); }

void TokenCreateDialog::setAllModels(bool all) { (all ? m_allModels : m_someModels)->setChecked(true); }

void TokenCreateDialog::setPermissions(const QString &model, Permissions permissions)
{
    const int row = rowOf(model);
    if (row < 0)
        return;
    if (permissions != Permissions())
        permissions |= Permission::Read;
    m_updating = true;
    const QList<Permission> all = allPermissions();
    for (int c = 0; c < all.size(); ++c) {
        QTableWidgetItem *item = m_table->item(row, kFirstPermissionColumn + c);
        const bool on = permissions.testFlag(all.at(c)) && item->flags().testFlag(Qt::ItemIsUserCheckable);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    m_updating = false;
    validate();
}

Permissions TokenCreateDialog::permissions(const QString &model) const
{
    const int row = rowOf(model);
    return row < 0 ? Permissions() : rowPermissions(row);
}

void TokenCreateDialog::setExpiry(const std::optional<QDate> &date)
{
    if (date) {
        m_onDate->setChecked(true);
        m_date->setDate(*date);
    } else {
        m_never->setChecked(true);
    }
}

QString TokenCreateDialog::validationMessage() const
{
    const QString name = m_name->text();
    if (name.isEmpty())
        return tr("Give the token a name, e.g. the program that will use it.");
    if (!Names::isValidName(name))
        return tr("Use 1-64 characters a-z, 0-9, '.', '_', '-', starting with a letter or digit.");
    if (m_takenNames.contains(name))
        return tr("A token named '%1' exists already (revoked tokens keep their name).").arg(name);
    if (m_allModels->isChecked()) {
        if (rowPermissions(0) == Permissions())
            return tr("Tick at least one permission.");
    } else {
        bool any = false;
        for (int row = 1; row < m_table->rowCount() && !any; ++row)
            any = rowPermissions(row) != Permissions();
        if (!any)
            return m_models.isEmpty() ? tr("There are no models yet: choose all models, which includes later ones.")
                                      : tr("Tick at least one permission on one model.");
    }
    if (m_onDate->isChecked() && m_date->date() < QDate::currentDate())
        return tr("The expiry date is in the past.");
    return {};
}

void TokenCreateDialog::validate()
{
    const QString problem = validationMessage();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

TokenRequest TokenCreateDialog::request() const
{
    TokenRequest r;
    r.name = m_name->text();
    r.role = Role(m_role->currentData().toInt());
    const Permissions allowed = rolePermissions(r.role);
    // Everything the role allows is written as a plain entry (or no entry at all), so such tokens
    // read exactly like the ones the CLI makes without permissions.
    if (m_allModels->isChecked()) {
        const Permissions p = rowPermissions(0);
        if (p != allowed)
            r.models << ScopeEntry{QStringLiteral("*"), p}.toString();
    } else {
        for (int row = 1; row < m_table->rowCount(); ++row) {
            const Permissions p = rowPermissions(row);
            if (p == Permissions())
                continue;
            r.models << (p == allowed ? m_models.at(row - 1) : ScopeEntry{m_models.at(row - 1), p}.toString());
        }
    }
    if (m_onDate->isChecked()) {
        // The end of the chosen day where the operator is.
        r.expires = QDateTime(m_date->date(), QTime(23, 59, 59), Qt::LocalTime).toUTC();
    }
    return r;
}
