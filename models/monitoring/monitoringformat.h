#pragma once
// Text forms shared by the CLI, the alert rules and exports: durations ("30s", "5m", "1h", "7d"),
// thresholds in a series' unit ("5ms", "2.5%", "512MiB"), human-readable values and CSV.
// Pure functions; any thread.

#include "monitoringtypes.h"
#include "seriescatalog.h"

#include <QList>
#include <QString>
#include <QTextStream>

namespace ModelDesk::Monitoring {

// "90" (seconds), "90s", "5m", "1h", "24h", "7d" -> seconds. InvalidArgument otherwise.
Result<int64_t> parseDuration(const QString &text);
// 300 -> "5m", 3600 -> "1h", 90 -> "90s", 604800 -> "7d".
QString formatDuration(int64_t seconds);

// A threshold for a series of `unit`: Seconds accepts "250us", "5ms", "0.5s" (a bare number is
// seconds); Percent "2.5%" or "2.5"; Bytes "512MB", "512MiB", "1GB", "1GiB", "64kB", "64KiB" or a
// bare number of bytes; PerSecond "100" or "100/s"; Count a bare number.
Result<double> parseThreshold(const QString &text, SeriesUnit unit);
// 0.00123 s -> "1.23ms", 12.5 % -> "12.5%", 536870912 B -> "512.0MiB", 3.5/s -> "3.5/s".
QString formatValue(double value, SeriesUnit unit);

// CSV: one header line and one line per point; times are UTC ISO-8601. Fields that could hold a
// comma or quote (deployment and run names are validated names, but be safe) are quoted.
void writeCsvHeader(QTextStream &out);
void writeCsvRows(QTextStream &out, const SeriesKey &key, const QList<HistoryPoint> &points);
QString csvField(const QString &field);

} // namespace ModelDesk::Monitoring
