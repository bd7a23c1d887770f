#include "versionfilterproxymodel.h"

#include "versiontablemodel.h"

VersionFilterProxyModel::VersionFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(VersionTableModel::SortRole);
    // Rows change in place on refresh; keep the order and the filter current without a reset.
    setDynamicSortFilter(true);
}

void VersionFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_versions = qobject_cast<VersionTableModel *>(model);
    Q_ASSERT_X(m_versions || !model, "VersionFilterProxyModel", "source must be a VersionTableModel");
    QSortFilterProxyModel::setSourceModel(model);
}

void VersionFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateRowsFilter();
}

bool VersionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_search.isEmpty() || !m_versions || sourceParent.isValid())
        return true;
    const auto &v = m_versions->versionAt(sourceRow);
    const auto cs = Qt::CaseInsensitive;
    if (v.model.contains(m_search, cs))
        return true;
    if (!v.digest.isEmpty() && v.digest.startsWith(m_search, cs))
        return true;
    for (const auto &alias : v.aliases) {
        if (alias.contains(m_search, cs))
            return true;
    }
    for (auto it = v.tags.cbegin(); it != v.tags.cend(); ++it) {
        if (it.key().contains(m_search, cs) || it.value().contains(m_search, cs)
            || QString(it.key() + u'=' + it.value()).contains(m_search, cs))
            return true;
    }
    return false;
}

bool VersionFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    const int order = QVariant::compare(l, r) == QPartialOrdering::Less ? -1
                    : QVariant::compare(l, r) == QPartialOrdering::Greater ? 1 : 0;
    if (order != 0)
        return order < 0;
    // Ties (same model name, say): newest version first within a model, stable otherwise.
    const QString lm = left.data(VersionTableModel::ModelNameRole).toString();
    const QString rm = right.data(VersionTableModel::ModelNameRole).toString();
    if (lm != rm)
        return lm < rm;
    return left.data(VersionTableModel::VersionNumberRole).toInt() > right.data(VersionTableModel::VersionNumberRole).toInt();
}
