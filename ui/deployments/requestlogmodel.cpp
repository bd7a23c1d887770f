#include "requestlogmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

RequestLogModel::RequestLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

RequestLogModel::~RequestLogModel() = default;

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RequestLogModel::sourceName(Source source)
{
    switch (source) {
    case Source::Console:
        return tr("console");
    case Source::Traffic:
        return tr("all traffic");
    case Source::Event:
        return tr("state");
    case Source::Action:
        return tr("action");
    case Source::Http:
        return tr("HTTP");
    }
    return {};
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case SourceColumn:
            return sourceName(e.source);
        case DeploymentColumn:
            return e.deployment;
        case VersionColumn:
            return e.version > 0 ? QVariant(e.version) : QVariant();
        case OutcomeColumn:
            return e.outcome;
        case LatencyColumn:
            return e.latencyMs < 0 ? QVariant() : QVariant(tr("%1 ms").arg(QLocale().toString(e.latencyMs, 'f', 2)));
        case DetailColumn:
            return e.detail;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == DetailColumn)
        return e.detail;
    if (role == Qt::ToolTipRole && index.column() == SourceColumn && e.source == Source::Traffic)
        return tr("Requests answered by the runtime in one second, from every caller (HTTP, CLI, console)");
    if (role == Qt::ToolTipRole && index.column() == SourceColumn && e.source == Source::Http)
        return tr("One request answered by this console's HTTP server");
    if (role == Qt::ForegroundRole && !e.ok)
        return QBrush(QColor(0xc0, 0x1c, 0x28));
    if (role == Qt::TextAlignmentRole && index.column() == LatencyColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Source");
    case DeploymentColumn:
        return tr("Endpoint");
    case VersionColumn:
        return tr("Version");
    case OutcomeColumn:
        return tr("Outcome");
    case LatencyColumn:
        return tr("Latency");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

void RequestLogModel::append(Entry entry)
{
    if (!entry.time.isValid())
        entry.time = QDateTime::currentDateTime();
    if (m_entries.size() >= m_capacity) {
        const int last = int(m_entries.size()) - 1;
        beginRemoveRows({}, last, last);
        m_entries.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend(std::move(entry));
    endInsertRows();
}

void RequestLogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}
