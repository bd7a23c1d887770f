#pragma once
// TokenTableModel: the API tokens as the registry lists them, one row each: name, role, scope,
// per-model permissions, who created it and when, expiry, last use and state. It never holds a
// secret, and drops the stored hash too: nothing in the table can be used to call the API.
// GUI thread only; the page fills it from a worker's result.

#include "core/modeltypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

class TokenTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenTableModel)

public:
    enum Column {
        NameColumn,
        RoleColumn,
        ScopeColumn,
        PermissionsColumn,
        CreatedByColumn,
        CreatedColumn,
        ExpiresColumn,
        LastUsedColumn,
        StateColumn,
        ColumnCount
    };
    enum class State { Active, Expired, Revoked };
    struct Row
    {
        ModelDesk::TokenRecord record;
        QString createdBy; // from the audit log's token.create entry; empty when unknown
    };

    explicit TokenTableModel(QObject *parent = nullptr);

    void setTokens(QList<Row> rows, const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
    const ModelDesk::TokenRecord *token(int row) const;
    int rowOf(const QString &name) const; // -1 when absent
    State state(int row) const;
    QList<ModelDesk::TokenRecord> tokens() const;

    static State stateOf(const ModelDesk::TokenRecord &token, const QDateTime &nowUtc);
    static QString stateName(State state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
    QDateTime m_now;
};
