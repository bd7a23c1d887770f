#include "versiontablemodel.h"

#include "uiformat.h"

#include <QHash>
#include <QSet>

using ModelDesk::VersionInfo;

namespace {

using Key = std::pair<QString, int>;

Key keyOf(const VersionInfo &v)
{
    return {v.model, v.version};
}

// Two snapshots of a version differ in what the table or the details panel shows.
bool sameContent(const VersionInfo &a, const VersionInfo &b)
{
    return a.digest == b.digest && a.size == b.size && a.aliases == b.aliases && a.tags == b.tags
        && a.description == b.description && a.metrics == b.metrics && a.params == b.params
        && a.parameterCount == b.parameterCount && a.created == b.created && a.createdBy == b.createdBy
        && a.signature == b.signature && a.id == b.id;
}

} // namespace

VersionTableModel::VersionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

VersionTableModel::~VersionTableModel() = default;

int VersionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VersionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VersionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VersionInfo &v = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(v, index.column());
    case Qt::ToolTipRole:
        if (index.column() == DigestColumn)
            return v.digest;
        if (index.column() == SizeColumn)
            return UiFormat::sizeWithBytes(v.size);
        if (index.column() == ModelColumn && !v.description.isEmpty())
            return v.description;
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case VersionColumn:
        case SizeColumn:
        case ParametersColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default:
            return {};
        }
    case SortRole:
        return sortData(v, index.column());
    case ModelNameRole:
        return v.model;
    case VersionNumberRole:
        return v.version;
    default:
        return {};
    }
}

QVariant VersionTableModel::displayData(const VersionInfo &v, int column) const
{
    if (v.version == 0) // a model without versions: only its name says something
        return column == ModelColumn ? QVariant(v.model)
             : column == VersionColumn ? QVariant(tr("none")) : QVariant();
    switch (column) {
    case ModelColumn: return v.model;
    case VersionColumn: return v.version;
    case AliasesColumn: return v.aliases.join(QStringLiteral(", "));
    case TagsColumn: return UiFormat::tagsText(v.tags);
    case SizeColumn: return UiFormat::humanSize(v.size);
    case ParametersColumn: return UiFormat::number(v.parameterCount);
    case CreatedColumn: return UiFormat::dateTime(v.created);
    case CreatedByColumn: return v.createdBy;
    case DigestColumn: return UiFormat::shortDigest(v.digest);
    default: return {};
    }
}

QVariant VersionTableModel::sortData(const VersionInfo &v, int column) const
{
    switch (column) {
    case VersionColumn: return v.version;
    case SizeColumn: return v.size;
    case ParametersColumn: return v.parameterCount;
    case CreatedColumn: return v.created;
    case DigestColumn: return v.digest;
    default: return displayData(v, column);
    }
}

QVariant VersionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ModelColumn: return tr("Model");
    case VersionColumn: return tr("Version");
    case AliasesColumn: return tr("Aliases");
    case TagsColumn: return tr("Tags");
    case SizeColumn: return tr("Size");
    case ParametersColumn: return tr("Parameters");
    case CreatedColumn: return tr("Created");
    case CreatedByColumn: return tr("Created by");
    case DigestColumn: return tr("SHA-256");
    default: return {};
    }
}

void VersionTableModel::setSnapshot(const QList<ModelDesk::ModelInfo> &models, const QList<VersionInfo> &versions)
{
    QList<VersionInfo> incoming = versions;
    QSet<QString> withVersions;
    for (const auto &v : versions)
        withVersions.insert(v.model);
    for (const auto &m : models) {
        if (withVersions.contains(m.name))
            continue;
        VersionInfo placeholder;
        placeholder.model = m.name;
        placeholder.version = 0;
        placeholder.description = m.description;
        placeholder.created = m.created;
        incoming << placeholder;
    }
    m_modelCount = int(models.size());

    QHash<Key, qsizetype> incomingIndex;
    for (qsizetype i = 0; i < incoming.size(); ++i)
        incomingIndex.insert(keyOf(incoming.at(i)), i);

    // 1. Remove rows that are gone, in contiguous runs from the bottom so indexes stay valid.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (incomingIndex.contains(keyOf(m_rows.at(row)))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incomingIndex.contains(keyOf(m_rows.at(first - 1))))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // 2. Update rows that stay, in place.
    QSet<Key> present;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Key key = keyOf(m_rows.at(row));
        present.insert(key);
        const VersionInfo &fresh = incoming.at(incomingIndex.value(key));
        if (!sameContent(m_rows.at(row), fresh)) {
            m_rows[row] = fresh;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }

    // 3. Append new rows (the view sorts through the proxy; source order does not matter).
    QList<VersionInfo> added;
    for (const auto &v : std::as_const(incoming)) {
        if (!present.contains(keyOf(v)))
            added << v;
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

const VersionInfo &VersionTableModel::versionAt(int row) const
{
    return m_rows.at(row);
}

int VersionTableModel::rowOf(const QString &model, int version) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).model == model && m_rows.at(row).version == version)
            return row;
    }
    return -1;
}
