#include "permissionmatrixmodel.h"

#include "accessformat.h"
#include "tokentablemodel.h"
#include "uiformat.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace ModelDesk::Security;

PermissionMatrixModel::PermissionMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

void PermissionMatrixModel::setContent(const QStringList &models, const QList<ModelDesk::TokenRecord> &tokens,
                                    const QDateTime &nowUtc)
{
    beginResetModel();
    m_models = models;
    m_models.sort();
    m_columns.clear();
    for (const ModelDesk::TokenRecord &t : tokens) {
        if (TokenTableModel::stateOf(t, nowUtc) != TokenTableModel::State::Active)
            continue;
        auto role = parseRole(t.role);
        auto scope = parseScope(t.models);
        if (!role || !scope)
            continue; // the server refuses such a row too (Corrupt): it may do nothing
        Column c;
        c.token = t;
        c.token.hash.clear();
        c.role = *role;
        c.scope = *scope;
        m_columns << c;
    }
    endResetModel();
}

int PermissionMatrixModel::rowOfModel(const QString &model) const { return int(m_models.indexOf(model)); }

int PermissionMatrixModel::columnOfToken(const QString &token) const
{
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).token.name == token)
            return i;
    }
    return -1;
}

Permissions PermissionMatrixModel::permissions(const QString &model, const QString &token) const
{
    const int row = rowOfModel(model);
    const int column = columnOfToken(token);
    if (row < 0 || column < 0)
        return {};
    const Column &c = m_columns.at(column);
    return permissionsOn(c.role, c.scope, model);
}

int PermissionMatrixModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_models.size()); }

int PermissionMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PermissionMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_models.size() || index.column() >= m_columns.size())
        return {};
    const QString &model = m_models.at(index.row());
    const Column &c = m_columns.at(index.column());
    const Permissions p = permissionsOn(c.role, c.scope, model);
    switch (role) {
    case Qt::DisplayRole: return AccessFormat::permissionLetters(p);
    case PermissionsRole: return int(p.toInt());
    case Qt::TextAlignmentRole: return int(Qt::AlignCenter);
    case Qt::FontRole: {
        QFont f;
        f.setFamily(QStringLiteral("monospace"));
        f.setStyleHint(QFont::Monospace);
        return f;
    }
    case Qt::ToolTipRole:
        return p == Permissions() ? tr("Token '%1' may not use model '%2'.").arg(c.token.name, model)
                                  : tr("Token '%1' (%2) may %3 model '%4'.")
                                        .arg(c.token.name, AccessFormat::roleLabel(c.role).toLower(),
                                             AccessFormat::permissionsLabel(p), model);
    case Qt::BackgroundRole: {
        // A light tint that grows with what the token may change: read < infer < deploy/modify.
        if (p == Permissions())
            return {};
        if (p.testFlag(Permission::Deploy) || p.testFlag(Permission::Modify))
            return QBrush(QColor(230, 150, 60, 70));
        if (p.testFlag(Permission::Infer))
            return QBrush(QColor(70, 140, 230, 60));
        return QBrush(QColor(120, 180, 120, 50));
    }
    default: return {};
    }
}

QVariant PermissionMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section < m_models.size())
            return m_models.at(section);
        return {};
    }
    if (section >= m_columns.size())
        return {};
    const Column &c = m_columns.at(section);
    if (role == Qt::DisplayRole)
        return c.token.name;
    if (role == Qt::ToolTipRole) {
        QString tip = tr("%1 — %2\nScope: %3")
                          .arg(AccessFormat::roleLabel(c.role), AccessFormat::roleDescription(c.role),
                               AccessFormat::scopeText(c.token));
        if (c.token.expires.isValid())
            tip += QLatin1Char('\n') + tr("Expires %1").arg(UiFormat::dateTime(c.token.expires));
        return tip;
    }
    return {};
}
