#include "historystore.h"

#include "seriescatalog.h"

#include <QMap>
#include <QSqlError>
#include <QVariant>
#include <map>

namespace ModelDesk::Monitoring {

namespace {

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;

Error queryError(const QSqlQuery &q)
{
    return Error::io(QStringLiteral("metrics query failed: %1").arg(q.lastError().text()));
}

using TrafficKey = std::pair<QString, int>;

} // namespace

HistoryStore::HistoryStore(MetricsDatabase &db) : m_db(db) {}

// Note on binds: Qt binds a null QString (an empty label) as SQL NULL, hence the COALESCEs.
Result<int64_t> HistoryStore::seriesId(const SeriesKey &key)
{
    if (auto it = m_ids.constFind(key); it != m_ids.constEnd())
        return *it;
    const QVariantList binds{key.name, key.deployment, key.version, key.run};
    if (auto r = m_db.exec(QStringLiteral("INSERT OR IGNORE INTO series(name, deployment, version, run)"
                                          " VALUES (?, COALESCE(?, ''), ?, COALESCE(?, ''))"),
                           binds);
        !r)
        return fail(r.error());
    auto q = m_db.exec(
        QStringLiteral("SELECT id FROM series WHERE name = ? AND deployment = COALESCE(?, '') AND version = ?"
                       " AND run = COALESCE(?, '')"),
        binds);
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(
            Error::internal(QStringLiteral("series %1 vanished while being added").arg(key.toString())));
    const int64_t id = q->value(0).toLongLong();
    m_ids.insert(key, id);
    return id;
}

Status HistoryStore::writeMinute(int64_t minute, const QList<PointRow> &points,
                                 const QList<TrafficRow> &traffic)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery insertPoint(m_db.connection());
        insertPoint.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO points(series_id, resolution, ts, value, min, max, mean, samples)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const PointRow &row : points) {
            const Result<int64_t> id = seriesId(row.key);
            if (!id)
                return fail(id.error());
            const HistoryPoint &p = row.point;
            for (const QVariant &v :
                 QVariantList{qint64(*id), kMinute, qint64(minute), p.value, p.min, p.max, p.mean, p.samples})
                insertPoint.addBindValue(v);
            if (!insertPoint.exec())
                return fail(queryError(insertPoint));
        }
        QSqlQuery insertTraffic(m_db.connection());
        insertTraffic.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO traffic(deployment, version, resolution, ts, seconds, counts)"
            " VALUES (?, ?, ?, ?, ?, ?)"));
        for (const TrafficRow &row : traffic) {
            for (const QVariant &v : QVariantList{row.deployment, row.version, kMinute, qint64(minute),
                                                  row.seconds, row.counts.encode()})
                insertTraffic.addBindValue(v);
            if (!insertTraffic.exec())
                return fail(queryError(insertTraffic));
        }
        return rollupHour(minute - minute % kHour);
    });
}

Status HistoryStore::rollupHour(int64_t hour)
{
    // Traffic of the hour, summed per deployment version from its minute rows.
    std::map<TrafficKey, TrafficRow> sums;
    {
        auto q = m_db.exec(QStringLiteral("SELECT deployment, version, seconds, counts FROM traffic"
                                          " WHERE resolution = ? AND ts >= ? AND ts < ?"),
                           {kMinute, qint64(hour), qint64(hour + kHour)});
        if (!q)
            return fail(q.error());
        while (q->next()) {
            const auto counts = TrafficCounts::decode(q->value(3).toByteArray());
            if (!counts)
                continue; // a damaged row must not stop the history; it is simply left out
            TrafficRow &sum = sums[TrafficKey(q->value(0).toString(), q->value(1).toInt())];
            sum.deployment = q->value(0).toString();
            sum.version = q->value(1).toInt();
            sum.t = hour;
            sum.seconds += q->value(2).toDouble();
            sum.counts += *counts;
        }
    }
    QSqlQuery insertTraffic(m_db.connection());
    insertTraffic.prepare(
        QStringLiteral("INSERT OR REPLACE INTO traffic(deployment, version, resolution, ts, seconds, counts)"
                       " VALUES (?, ?, ?, ?, ?, ?)"));
    for (const auto &[key, row] : sums) {
        for (const QVariant &v :
             QVariantList{row.deployment, row.version, kHour, qint64(hour), row.seconds, row.counts.encode()})
            insertTraffic.addBindValue(v);
        if (!insertTraffic.exec())
            return fail(queryError(insertTraffic));
    }

    struct HourPoint
    {
        int64_t id;
        HistoryPoint p;
    };
    QList<HourPoint> hourPoints;
    {
        auto q = m_db.exec(
            QStringLiteral("SELECT p.series_id, s.name, s.deployment, s.version,"
                           " MIN(p.min), MAX(p.max), SUM(p.mean * p.samples), SUM(p.samples)"
                           " FROM points p JOIN series s ON s.id = p.series_id"
                           " WHERE p.resolution = ? AND p.ts >= ? AND p.ts < ? GROUP BY p.series_id"),
            {kMinute, qint64(hour), qint64(hour + kHour)});
        if (!q)
            return fail(q.error());
        while (q->next()) {
            HistoryPoint p;
            p.t = hour;
            p.min = q->value(4).toDouble();
            p.max = q->value(5).toDouble();
            p.samples = q->value(7).toInt();
            p.mean = p.samples > 0 ? q->value(6).toDouble() / p.samples : 0.0;
            p.value = p.mean;
            const QString name = q->value(1).toString();
            const auto info = seriesInfo(name);
            if (info && info->kind == SeriesKind::Traffic) {
                const auto it = sums.find(TrafficKey(q->value(2).toString(), q->value(3).toInt()));
                if (it != sums.end()) {
                    if (const auto v = trafficValue(name, it->second.counts, it->second.seconds))
                        p.value = *v;
                }
            }
            hourPoints << HourPoint{q->value(0).toLongLong(), p};
        }
    }
    QSqlQuery insertPoint(m_db.connection());
    insertPoint.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO points(series_id, resolution, ts, value, min, max, mean, samples)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const HourPoint &h : hourPoints) {
        for (const QVariant &v : QVariantList{qint64(h.id), kHour, qint64(hour), h.p.value, h.p.min, h.p.max,
                                              h.p.mean, h.p.samples})
            insertPoint.addBindValue(v);
        if (!insertPoint.exec())
            return fail(queryError(insertPoint));
    }
    return {};
}

Status HistoryStore::prune(int64_t nowSeconds, const Retention &retention)
{
    Status s = m_db.transaction([&]() -> Status {
        const QList<std::pair<QString, QVariantList>> statements{
            {QStringLiteral("DELETE FROM points WHERE resolution = ? AND ts < ?"),
             {kMinute, qint64(nowSeconds - retention.minuteSeconds)}},
            {QStringLiteral("DELETE FROM points WHERE resolution = ? AND ts < ?"),
             {kHour, qint64(nowSeconds - retention.hourSeconds)}},
            {QStringLiteral("DELETE FROM traffic WHERE resolution = ? AND ts < ?"),
             {kMinute, qint64(nowSeconds - retention.minuteSeconds)}},
            {QStringLiteral("DELETE FROM traffic WHERE resolution = ? AND ts < ?"),
             {kHour, qint64(nowSeconds - retention.hourSeconds)}},
            {QStringLiteral("DELETE FROM alert_events WHERE at < ?"),
             {qint64(nowSeconds - retention.eventSeconds)}},
            {QStringLiteral("DELETE FROM series WHERE NOT EXISTS (SELECT 1 FROM points WHERE "
                            "points.series_id = series.id)"),
             {}},
        };
        for (const auto &[sql, binds] : statements) {
            if (auto r = m_db.exec(sql, binds); !r)
                return fail(r.error());
        }
        return {};
    });
    m_ids.clear(); // series rows may be gone
    if (!s)
        return s;
    return m_db.vacuum();
}

Result<QList<HistoryPoint>> HistoryStore::points(const SeriesKey &key, Resolution resolution, int64_t from,
                                                 int64_t to)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT p.ts, p.value, p.min, p.max, p.mean, p.samples FROM points p"
                       " JOIN series s ON s.id = p.series_id"
                       " WHERE s.name = ? AND s.deployment = COALESCE(?, '') AND s.version = ? AND s.run = "
                       "COALESCE(?, '')"
                       " AND p.resolution = ? AND p.ts >= ? AND p.ts < ? ORDER BY p.ts"),
        {key.name, key.deployment, key.version, key.run, int(resolution), qint64(from), qint64(to)});
    if (!q)
        return fail(q.error());
    QList<HistoryPoint> out;
    while (q->next()) {
        HistoryPoint p;
        p.t = q->value(0).toLongLong();
        p.value = q->value(1).toDouble();
        p.min = q->value(2).toDouble();
        p.max = q->value(3).toDouble();
        p.mean = q->value(4).toDouble();
        p.samples = q->value(5).toInt();
        out << p;
    }
    return out;
}

Result<QList<SeriesKey>> HistoryStore::seriesKeys()
{
    auto q = m_db.exec(QStringLiteral("SELECT name, deployment, version, run FROM series"));
    if (!q)
        return fail(q.error());
    QList<SeriesKey> out;
    while (q->next())
        out << SeriesKey{q->value(0).toString(), q->value(1).toString(), q->value(2).toInt(),
                         q->value(3).toString()};
    std::sort(out.begin(), out.end());
    return out;
}

Result<QList<TrafficRow>> HistoryStore::trafficTotals(Resolution resolution, int64_t from, int64_t to,
                                                      const QString &deployment)
{
    QString sql = QStringLiteral("SELECT deployment, version, seconds, counts FROM traffic"
                                 " WHERE resolution = ? AND ts >= ? AND ts < ?");
    QVariantList binds{int(resolution), qint64(from), qint64(to)};
    if (!deployment.isEmpty()) {
        sql += QStringLiteral(" AND deployment = ?");
        binds << deployment;
    }
    auto q = m_db.exec(sql, binds);
    if (!q)
        return fail(q.error());
    std::map<TrafficKey, TrafficRow> sums;
    while (q->next()) {
        const auto counts = TrafficCounts::decode(q->value(3).toByteArray());
        if (!counts)
            continue;
        TrafficRow &sum = sums[TrafficKey(q->value(0).toString(), q->value(1).toInt())];
        sum.deployment = q->value(0).toString();
        sum.version = q->value(1).toInt();
        sum.t = from;
        sum.seconds += q->value(2).toDouble();
        sum.counts += *counts;
    }
    QList<TrafficRow> out;
    for (auto &[key, row] : sums)
        out << std::move(row);
    return out;
}

Result<int64_t> HistoryStore::rowCount(Resolution resolution)
{
    auto q = m_db.exec(QStringLiteral("SELECT (SELECT count(*) FROM points WHERE resolution = ?)"
                                      " + (SELECT count(*) FROM traffic WHERE resolution = ?)"),
                       {int(resolution), int(resolution)});
    if (!q)
        return fail(q.error());
    return q->next() ? q->value(0).toLongLong() : 0;
}

} // namespace ModelDesk::Monitoring
