#pragma once
// Sorts the version table by raw values and filters it by one search text: a row matches when the
// text occurs in its model name, an alias, a tag key or value ("key=value" too), or when it is a
// prefix of the version's SHA-256 digest. Case-insensitive. GUI thread only.

#include <QSortFilterProxyModel>

class VersionTableModel;

class VersionFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionFilterProxyModel)

public:
    explicit VersionFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    QString searchText() const { return m_search; }
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    VersionTableModel *m_versions = nullptr;
    QString m_search;
};
