#include "monitoringformat.h"

#include <QDateTime>
#include <QRegularExpression>
#include <cmath>

namespace ModelDesk::Monitoring {

namespace {

QString number(double v)
{
    // Enough digits for a threshold or a chart tooltip, no exponent for everyday values.
    QString s = QString::number(v, 'f', std::abs(v) >= 100 ? 1 : (std::abs(v) >= 10 ? 2 : 3));
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s;
}

} // namespace

Result<int64_t> parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+)\\s*([smhd]?)\\s*$"));
    const QRegularExpressionMatch m = re.match(text.toLower());
    if (!m.hasMatch())
        return fail(Error::invalid(
            QStringLiteral("'%1' is not a duration; use a number with s, m, h or d (e.g. 30s, 5m, 1h, 7d)")
                .arg(text)));
    bool ok = false;
    const int64_t n = m.captured(1).toLongLong(&ok);
    const QString unit = m.captured(2);
    const int64_t factor = unit == QLatin1String("m")   ? 60
                           : unit == QLatin1String("h") ? 3600
                           : unit == QLatin1String("d") ? 86400
                                                        : 1;
    if (!ok || n > int64_t(3650) * 86400 / factor)
        return fail(Error::invalid(QStringLiteral("duration '%1' is too long").arg(text)));
    return n * factor;
}

QString formatDuration(int64_t seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return QString::number(seconds / 86400) + QLatin1Char('d');
    if (seconds > 0 && seconds % 3600 == 0)
        return QString::number(seconds / 3600) + QLatin1Char('h');
    if (seconds > 0 && seconds % 60 == 0)
        return QString::number(seconds / 60) + QLatin1Char('m');
    return QString::number(seconds) + QLatin1Char('s');
}

Result<double> parseThreshold(const QString &text, SeriesUnit unit)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(-?\\d+(?:\\.\\d+)?(?:[eE]-?\\d+)?)\\s*([a-zA-Z%/]*)\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    bool ok = false;
    const double v = m.hasMatch() ? m.captured(1).toDouble(&ok) : 0.0;
    const QString suffix = m.captured(2);
    const QString s = suffix.toLower();
    auto bad = [&](const QString &expected) {
        return fail(
            Error::invalid(QStringLiteral("'%1' is not a valid threshold for a %2 series; expected %3")
                               .arg(text, unitName(unit), expected)));
    };
    switch (unit) {
    case SeriesUnit::Seconds:
        if (!ok)
            return bad(QStringLiteral("a time such as 250us, 5ms or 0.5s"));
        if (s.isEmpty() || s == QLatin1String("s"))
            return v;
        if (s == QLatin1String("ms"))
            return v / 1e3;
        if (s == QLatin1String("us") || s == QStringLiteral("µs"))
            return v / 1e6;
        if (s == QLatin1String("m") || s == QLatin1String("min"))
            return v * 60;
        return bad(QStringLiteral("a time such as 250us, 5ms or 0.5s"));
    case SeriesUnit::Percent:
        if (!ok || !(s.isEmpty() || s == QLatin1String("%")))
            return bad(QStringLiteral("a percentage such as 2.5%"));
        return v;
    case SeriesUnit::Bytes: {
        if (!ok)
            return bad(QStringLiteral("a size such as 512MB or 1GiB"));
        // Binary units keep their case-insensitive "i"; decimal ones are powers of 1000.
        static const QList<std::pair<QString, double>> units{{QStringLiteral(""), 1},
                                                             {QStringLiteral("b"), 1},
                                                             {QStringLiteral("kb"), 1e3},
                                                             {QStringLiteral("mb"), 1e6},
                                                             {QStringLiteral("gb"), 1e9},
                                                             {QStringLiteral("tb"), 1e12},
                                                             {QStringLiteral("kib"), 1024.0},
                                                             {QStringLiteral("mib"), 1048576.0},
                                                             {QStringLiteral("gib"), 1073741824.0},
                                                             {QStringLiteral("tib"), 1099511627776.0}};
        for (const auto &[name, factor] : units) {
            if (s == name)
                return v * factor;
        }
        return bad(QStringLiteral("a size such as 512MB or 1GiB"));
    }
    case SeriesUnit::PerSecond:
        if (!ok || !(s.isEmpty() || s == QLatin1String("/s")))
            return bad(QStringLiteral("a rate such as 100 or 100/s"));
        return v;
    case SeriesUnit::Count:
        if (!ok || !s.isEmpty())
            return bad(QStringLiteral("a number"));
        return v;
    }
    return bad(QStringLiteral("a number"));
}

QString formatValue(double value, SeriesUnit unit)
{
    if (std::isnan(value))
        return QStringLiteral("-");
    switch (unit) {
    case SeriesUnit::Seconds: {
        const double a = std::abs(value);
        if (a > 0 && a < 1e-3)
            return number(value * 1e6) + QStringLiteral("us");
        if (a < 1.0)
            return number(value * 1e3) + QStringLiteral("ms");
        return number(value) + QLatin1Char('s');
    }
    case SeriesUnit::Percent:
        return number(value) + QLatin1Char('%');
    case SeriesUnit::Bytes: {
        static const char *names[] = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = value;
        int i = 0;
        while (std::abs(v) >= 1024 && i < 4) {
            v /= 1024;
            ++i;
        }
        return (i == 0 ? QString::number(qint64(v)) : QString::number(v, 'f', 1)) +
               QString::fromLatin1(names[i]);
    }
    case SeriesUnit::PerSecond:
        return number(value) + QStringLiteral("/s");
    case SeriesUnit::Count:
        return number(value);
    }
    return number(value);
}

QString csvField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

void writeCsvHeader(QTextStream &out)
{
    out << "time,series,deployment,version,run,value,min,max,mean,samples\n";
}

void writeCsvRows(QTextStream &out, const SeriesKey &key, const QList<HistoryPoint> &points)
{
    const QString prefix = csvField(key.name) + QLatin1Char(',') + csvField(key.deployment) +
                           QLatin1Char(',') + (key.version > 0 ? QString::number(key.version) : QString()) +
                           QLatin1Char(',') + csvField(key.run) + QLatin1Char(',');
    for (const HistoryPoint &p : points) {
        out << QDateTime::fromSecsSinceEpoch(p.t, Qt::UTC).toString(Qt::ISODate) << ',' << prefix
            << QString::number(p.value, 'g', 10) << ',' << QString::number(p.min, 'g', 10) << ','
            << QString::number(p.max, 'g', 10) << ',' << QString::number(p.mean, 'g', 10) << ',' << p.samples
            << '\n';
    }
}

} // namespace ModelDesk::Monitoring
