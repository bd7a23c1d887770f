#include "auditcsv.h"

#include <QSaveFile>

namespace AuditCsv {

QString field(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar first = v.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
            first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            v.prepend(QLatin1Char('\''));
    }
    const bool quote = v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
                       v.contains(QLatin1Char('\r'));
    if (!quote)
        return v;
    v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QByteArray header() { return QByteArrayLiteral("id,time,actor,action,target,detail\r\n"); }

QByteArray row(const ModelDesk::AuditEntry &e)
{
    const QStringList fields{QString::number(e.id), e.time.toUTC().toString(Qt::ISODate), field(e.actor),
                             field(e.action), field(e.target), field(e.detail)};
    return QString(fields.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
}

ModelDesk::Status write(QIODevice &device, const QList<ModelDesk::AuditEntry> &entries)
{
    QByteArray out = header();
    for (const ModelDesk::AuditEntry &e : entries)
        out += row(e);
    if (device.write(out) != out.size())
        return ModelDesk::fail(ModelDesk::Error::io(QStringLiteral("cannot write the CSV: %1").arg(device.errorString())));
    return {};
}

ModelDesk::Status writeFile(const QString &path, const QList<ModelDesk::AuditEntry> &entries)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ModelDesk::fail(
            ModelDesk::Error::io(QStringLiteral("cannot write '%1': %2").arg(path, file.errorString())));
    if (auto s = write(file, entries); !s)
        return s;
    if (!file.commit())
        return ModelDesk::fail(
            ModelDesk::Error::io(QStringLiteral("cannot save '%1': %2").arg(path, file.errorString())));
    return {};
}

} // namespace AuditCsv
