#pragma once
// PermissionMatrixModel: "who may do what" over the HTTP API — one row per model, one column per
// active token, each cell the permissions (read, infer, deploy, modify) that the token's role and
// scope give on that model, computed with the same rules the server enforces
// (Security::permissionsOn). Revoked and expired tokens are left out: they may do nothing.
// GUI thread only.

#include "core/modeltypes.h"
#include "security/tokenservice.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QStringList>

class PermissionMatrixModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PermissionMatrixModel)

public:
    // The permissions of a cell, for tests and views.
    static constexpr int PermissionsRole = Qt::UserRole + 1;

    explicit PermissionMatrixModel(QObject *parent = nullptr);

    void setContent(const QStringList &models, const QList<ModelDesk::TokenRecord> &tokens,
                 const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
    int rowOfModel(const QString &model) const;
    int columnOfToken(const QString &token) const;
    ModelDesk::Security::Permissions permissions(const QString &model, const QString &token) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Column
    {
        ModelDesk::TokenRecord token;
        ModelDesk::Security::Role role = ModelDesk::Security::Role::Viewer;
        QList<ModelDesk::Security::ScopeEntry> scope;
    };
    QStringList m_models;
    QList<Column> m_columns;
};
