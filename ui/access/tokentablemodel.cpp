#include "tokentablemodel.h"

#include "accessformat.h"
#include "uiformat.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

using ModelDesk::TokenRecord;

TokenTableModel::TokenTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void TokenTableModel::setTokens(QList<Row> rows, const QDateTime &nowUtc)
{
    for (Row &r : rows)
        r.record.hash.clear(); // the view has no use for it; keep it out of the GUI entirely
    beginResetModel();
    m_rows = std::move(rows);
    m_now = nowUtc;
    endResetModel();
}

const TokenRecord *TokenTableModel::token(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).record : nullptr;
}

int TokenTableModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).record.name == name)
            return i;
    }
    return -1;
}

TokenTableModel::State TokenTableModel::state(int row) const { return stateOf(m_rows.at(row).record, m_now); }

QList<TokenRecord> TokenTableModel::tokens() const
{
    QList<TokenRecord> out;
    for (const Row &r : m_rows)
        out << r.record;
    return out;
}

TokenTableModel::State TokenTableModel::stateOf(const TokenRecord &token, const QDateTime &nowUtc)
{
    if (token.revoked.isValid())
        return State::Revoked;
    if (token.expires.isValid() && token.expires <= nowUtc)
        return State::Expired;
    return State::Active;
}

QString TokenTableModel::stateName(State state)
{
    switch (state) {
    case State::Active: return tr("active");
    case State::Expired: return tr("expired");
    case State::Revoked: return tr("revoked");
    }
    return {};
}

int TokenTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int TokenTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TokenTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const TokenRecord &t = row.record;
    const State st = stateOf(t, m_now);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn: return t.name;
        case RoleColumn: {
            auto r = ModelDesk::Security::parseRole(t.role);
            return r ? AccessFormat::roleLabel(*r) : t.role;
        }
        case ScopeColumn: return AccessFormat::scopeText(t);
        case PermissionsColumn: return AccessFormat::permissionsSummary(t);
        case CreatedByColumn: return row.createdBy.isEmpty() ? tr("unknown") : row.createdBy;
        case CreatedColumn: return UiFormat::dateTime(t.created);
        case ExpiresColumn: return t.expires.isValid() ? UiFormat::dateTime(t.expires) : tr("never");
        case LastUsedColumn: return t.lastUsed.isValid() ? UiFormat::dateTime(t.lastUsed) : tr("never used");
        case StateColumn: return stateName(st); // when: in the tooltip, to keep the column narrow
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case RoleColumn: {
            auto r = ModelDesk::Security::parseRole(t.role);
            return r ? AccessFormat::roleDescription(*r) : QVariant();
        }
        case ScopeColumn:
        case PermissionsColumn:
            return t.models.isEmpty() ? tr("No scope: every model, also ones added later.")
                                      : tr("Scope entries: %1").arg(t.models.join(QStringLiteral(", ")));
        case StateColumn:
            if (st == State::Expired)
                return tr("Expired at %1; the server refuses it.").arg(UiFormat::dateTime(t.expires));
            if (st == State::Revoked)
                return tr("Revoked at %1; the server refuses it.").arg(UiFormat::dateTime(t.revoked));
            return tr("The server accepts this token.");
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && st != State::Active)
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    return {};
}

QVariant TokenTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case RoleColumn: return tr("Role");
    case ScopeColumn: return tr("Scope");
    case PermissionsColumn: return tr("Permissions");
    case CreatedByColumn: return tr("Created by");
    case CreatedColumn: return tr("Created");
    case ExpiresColumn: return tr("Expires");
    case LastUsedColumn: return tr("Last used");
    case StateColumn: return tr("State");
    default: return {};
    }
}
