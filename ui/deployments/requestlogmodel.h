#pragma once
// RequestLogModel: the Deployments page's log of the last `capacity` events, newest first:
// requests sent from the console (try-it), each HTTP request the console's server answered (from
// the server's request journal, at most a few dozen per second), per-second summaries of all
// traffic the runtime answered (HTTP server, CLI, console alike, from the monitoring samples),
// deployment state changes and management actions. A ring: the oldest entry drops out. GUI thread only.

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum class Source { Console, Traffic, Event, Action, Http };
    enum Column { TimeColumn, SourceColumn, DeploymentColumn, VersionColumn, OutcomeColumn, LatencyColumn,
                  DetailColumn, ColumnCount };

    struct Entry
    {
        QDateTime time;             // local time
        Source source = Source::Console;
        QString deployment;
        int version = 0;            // 0 = not applicable
        bool ok = true;
        QString outcome;            // "200 OK", "ready", "error: invalid_argument", ...
        double latencyMs = -1;      // < 0 = not applicable
        QString detail;
    };

    explicit RequestLogModel(int capacity = 500, QObject *parent = nullptr);
    ~RequestLogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(Entry entry);
    void clear();
    int capacity() const { return m_capacity; }
    const Entry &entryAt(int row) const { return m_entries.at(row); } // row 0 = newest

    static QString sourceName(Source source);

private:
    QList<Entry> m_entries; // newest first
    int m_capacity;
};
