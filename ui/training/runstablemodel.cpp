#include "runstablemodel.h"

#include "uiformat.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

RunsTableModel::RunsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int RunsTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_runs.size()); }

int RunsTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString RunsTableModel::stateText(const QString &state)
{
    if (state == QLatin1String("finished"))
        return tr("finished");
    if (state == QLatin1String("running"))
        return tr("running");
    if (state == QLatin1String("cancelled"))
        return tr("cancelled");
    if (state == QLatin1String("failed"))
        return tr("failed");
    if (state == QLatin1String("interrupted"))
        return tr("interrupted");
    if (state == QLatin1String("queued"))
        return tr("queued");
    return state;
}

QString RunsTableModel::durationText(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("–");
    if (seconds < 60)
        return tr("%1 s").arg(QLocale().toString(seconds, 'f', 1));
    const qint64 s = qint64(seconds + 0.5);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg(s / 60 % 60);
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrainingQueries::RunRow &r = m_runs[index.row()];
    const QJsonObject &c = r.record.config;
    if (role == RunIdRole)
        return r.record.id;
    if (role == StateRole)
        return r.state;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RunColumn: return r.record.id;
        case StateColumn: return stateText(r.state);
        case DatasetColumn: return r.record.dataset.isEmpty() ? QStringLiteral("–") : r.record.dataset;
        case ArchColumn: return c.value(QStringLiteral("arch")).toString();
        case EpochsColumn: return QStringLiteral("%1/%2").arg(r.record.epochsDone).arg(c.value(QStringLiteral("epochs")).toInt());
        case BestValidationColumn:
            return r.hasBestValidation ? QLocale().toString(r.bestValidation, 'f', 4) : QStringLiteral("–");
        case TestAccuracyColumn: return r.hasTestAccuracy ? QLocale().toString(r.testAccuracy, 'f', 4) : QStringLiteral("–");
        case DurationColumn: return durationText(r.seconds);
        case VersionColumn:
            return r.record.model.isEmpty() ? QStringLiteral("–") : QStringLiteral("%1:%2").arg(r.record.model).arg(r.record.version);
        case CreatedColumn: return UiFormat::dateTime(r.record.created);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        const QString error = r.record.summary.value(QStringLiteral("error")).toString();
        if (!error.isEmpty())
            return error;
        if (index.column() == BestValidationColumn)
            return tr("Best validation accuracy over the recorded epochs");
        if (index.column() == TestAccuracyColumn)
            return tr("Accuracy of the final model on the test split");
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        if (r.state == QLatin1String("failed"))
            return QBrush(QColor(190, 30, 30));
        if (r.state == QLatin1String("running"))
            return QBrush(QColor(20, 100, 190));
        if (r.state == QLatin1String("cancelled") || r.state == QLatin1String("interrupted"))
            return QBrush(QColor(170, 110, 0));
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case EpochsColumn:
        case BestValidationColumn:
        case TestAccuracyColumn:
        case DurationColumn: return int(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    }
    return {};
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunColumn: return tr("Run");
    case StateColumn: return tr("State");
    case DatasetColumn: return tr("Dataset");
    case ArchColumn: return tr("Architecture");
    case EpochsColumn: return tr("Epochs");
    case BestValidationColumn: return tr("Best val. acc.");
    case TestAccuracyColumn: return tr("Test acc.");
    case DurationColumn: return tr("Duration");
    case VersionColumn: return tr("Version");
    case CreatedColumn: return tr("Created");
    default: return {};
    }
}

void RunsTableModel::setRuns(const QList<TrainingQueries::RunRow> &runs)
{
    // Same ids in the same order (the common refresh): update in place, keeping the selection.
    bool sameIds = runs.size() == m_runs.size();
    for (qsizetype i = 0; sameIds && i < runs.size(); ++i)
        sameIds = runs[i].record.id == m_runs[i].record.id;
    if (sameIds) {
        m_runs = runs;
        if (!m_runs.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_runs.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

const TrainingQueries::RunRow *RunsTableModel::run(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs[row] : nullptr;
}

const TrainingQueries::RunRow *RunsTableModel::find(const QString &runId) const { return run(rowOf(runId)); }

int RunsTableModel::rowOf(const QString &runId) const
{
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        if (m_runs[i].record.id == runId)
            return int(i);
    }
    return -1;
}
