#include "deploymenttablemodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QSet>

using ModelDesk::Runtime::DeploymentState;
using ModelDesk::Runtime::DeploymentStatus;

namespace {

QString stateWord(DeploymentState s)
{
    switch (s) {
    case DeploymentState::Loading:
        return DeploymentTableModel::tr("loading…");
    case DeploymentState::Warming:
        return DeploymentTableModel::tr("warming up…");
    case DeploymentState::Ready:
        return DeploymentTableModel::tr("ready");
    case DeploymentState::Draining:
        return DeploymentTableModel::tr("draining");
    case DeploymentState::Unloaded:
        return DeploymentTableModel::tr("unloaded");
    case DeploymentState::Failed:
        return DeploymentTableModel::tr("failed");
    }
    return {};
}

} // namespace

DeploymentTableModel::DeploymentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

DeploymentTableModel::~DeploymentTableModel() = default;

int DeploymentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeploymentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int DeploymentTableModel::primaryVersion(const DeploymentStatus &s)
{
    if (!s.versions.isEmpty())
        return s.versions.constFirst().version;
    return s.spec.version.value_or(0);
}

QString DeploymentTableModel::stateText(const DeploymentStatus &s)
{
    if (s.state == DeploymentState::Unloaded && s.idleUnloaded)
        return tr("idle (loads on next request)");
    return stateWord(s.state);
}

QString DeploymentTableModel::versionsText(const DeploymentStatus &s)
{
    const int primary = primaryVersion(s);
    QString text = primary > 0 ? tr("v%1").arg(primary) : tr("latest");
    if (!s.spec.version && !s.spec.alias.isEmpty())
        text += QStringLiteral(" (@") + s.spec.alias + u')';
    if (s.spec.canaryVersion) {
        text = tr("%1 · %2%, canary v%3 · %4%")
                   .arg(text)
                   .arg(100 - s.spec.canaryPercent)
                   .arg(*s.spec.canaryVersion)
                   .arg(s.spec.canaryPercent);
    }
    return text;
}

QString DeploymentTableModel::stateToolTip(const DeploymentStatus &s) const
{
    QStringList lines;
    if (!s.reason.isEmpty())
        lines << s.reason;
    for (const auto &v : s.versions) {
        QString line = tr("v%1: %2").arg(v.version).arg(stateWord(v.state));
        if (!v.reason.isEmpty())
            line += QStringLiteral(" — ") + v.reason;
        else if (!v.warmup.isEmpty())
            line += QStringLiteral(" (") + v.warmup + u')';
        lines << line;
    }
    if (s.idleUnloaded)
        lines << tr("Unloaded after %1 s without requests; the next request loads it again.")
                     .arg(s.spec.batching.idleUnloadSeconds);
    if (!s.history.isEmpty()) {
        QStringList h;
        for (int v : s.history)
            h << QString::number(v);
        lines << tr("Rollback goes to v%1 (history: %2)").arg(s.history.constLast()).arg(h.join(QStringLiteral(", ")));
    }
    return lines.join(u'\n');
}

QString DeploymentTableModel::trafficToolTip(const QString &name) const
{
    QStringList lines{tr("Last second, all callers (HTTP, CLI, console); p99 = 99th percentile latency, receive to answer")};
    for (const Traffic::Version &v : m_traffic.value(name).versions) {
        lines << tr("v%1: %2 requests/s, p99 %3")
                     .arg(v.version)
                     .arg(QLocale().toString(v.requestsPerSecond, 'f', 1))
                     .arg(v.p99Seconds ? tr("%1 ms").arg(QLocale().toString(*v.p99Seconds * 1000.0, 'f', 2))
                                       : QStringLiteral("–"));
    }
    return lines.join(u'\n');
}

QVariant DeploymentTableModel::displayData(int row, int column) const
{
    const DeploymentStatus &s = m_rows.at(row);
    const Traffic traffic = m_traffic.value(s.spec.name);
    switch (column) {
    case NameColumn:
        return s.spec.name;
    case ModelColumn:
        return s.spec.model;
    case VersionsColumn:
        return versionsText(s);
    case StateColumn:
        return stateText(s);
    case QpsColumn:
        return QLocale().toString(traffic.requestsPerSecond, 'f', traffic.requestsPerSecond < 10 ? 1 : 0);
    case P99Column:
        if (!traffic.p99Seconds)
            return QStringLiteral("–");
        if (*traffic.p99Seconds < 0.01)
            return tr("%1 ms").arg(QLocale().toString(*traffic.p99Seconds * 1000.0, 'f', 2));
        return tr("%1 ms").arg(QLocale().toString(*traffic.p99Seconds * 1000.0, 'f', 0));
    case QueueColumn:
        return s.queueDepth;
    case AccessColumn:
        return s.spec.isPublic ? tr("public") : tr("token");
    default:
        return {};
    }
}

QVariant DeploymentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const DeploymentStatus &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(index.row(), index.column());
    case Qt::ToolTipRole:
        if (index.column() == StateColumn || index.column() == VersionsColumn)
            return stateToolTip(s);
        if (index.column() == AccessColumn)
            return s.spec.isPublic ? tr("Anyone who can reach the server may call it") : tr("Callers need an API token");
        if (index.column() == P99Column || index.column() == QpsColumn)
            return trafficToolTip(s.spec.name);
        if (index.column() == QueueColumn)
            return tr("Requests waiting for a worker (%1 being computed)").arg(s.inFlight);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn) {
            if (s.state == DeploymentState::Failed)
                return QBrush(QColor(0xc0, 0x1c, 0x28));
            if (s.state == DeploymentState::Ready)
                return QBrush(QColor(0x26, 0x80, 0x3b));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == QpsColumn || index.column() == P99Column || index.column() == QueueColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NameRole:
        return s.spec.name;
    case StateRole:
        return ModelDesk::Runtime::deploymentStateName(s.state);
    case PrimaryVersionRole:
        return primaryVersion(s);
    default:
        return {};
    }
}

QVariant DeploymentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Endpoint");
    case ModelColumn:
        return tr("Model");
    case VersionsColumn:
        return tr("Version(s)");
    case StateColumn:
        return tr("State");
    case QpsColumn:
        return tr("QPS");
    case P99Column:
        return tr("p99");
    case QueueColumn:
        return tr("Queue");
    case AccessColumn:
        return tr("Access");
    default:
        return {};
    }
}

void DeploymentTableModel::setDeployments(const QList<DeploymentStatus> &deployments)
{
    QSet<QString> incoming;
    for (const DeploymentStatus &s : deployments)
        incoming.insert(s.spec.name);
    // Rows that went away, from the bottom so the remaining indexes stay valid.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_rows.at(row).spec.name))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    for (const DeploymentStatus &s : deployments) {
        const int row = rowOf(s.spec.name);
        if (row >= 0) {
            m_rows[row] = s;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            continue;
        }
        // New names are kept in name order: the runtime's list order is not stable.
        int at = 0;
        while (at < m_rows.size() && m_rows.at(at).spec.name < s.spec.name)
            ++at;
        beginInsertRows({}, at, at);
        m_rows.insert(at, s);
        endInsertRows();
    }
}

void DeploymentTableModel::setTraffic(const QHash<QString, Traffic> &traffic)
{
    m_traffic = traffic;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, QpsColumn), index(int(m_rows.size()) - 1, P99Column));
}

const DeploymentStatus &DeploymentTableModel::statusAt(int row) const
{
    return m_rows.at(row);
}

int DeploymentTableModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).spec.name == name)
            return i;
    }
    return -1;
}
