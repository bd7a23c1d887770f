#include "platforminfo.h"

#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

namespace ModelDesk {

BlasInfo loadedBlas()
{
    BlasInfo info;
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return info;
    const QList<QByteArray> lines = maps.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype slash = line.indexOf('/');
        if (slash < 0)
            continue;
        const QString path = QString::fromLocal8Bit(line.mid(slash));
        const QString file = QFileInfo(path).fileName();
        if (file.startsWith(QLatin1String("libblas.so")) || file.startsWith(QLatin1String("libopenblas"))) {
            info.path = QFileInfo(path).canonicalFilePath();
            if (info.path.isEmpty())
                info.path = path;
            break;
        }
    }
    const QString p = info.path.toLower();
    if (p.isEmpty())
        info.provider = QStringLiteral("unknown");
    else if (p.contains(QLatin1String("openblas")))
        info.provider = QStringLiteral("openblas");
    else if (p.contains(QLatin1String("blis")))
        info.provider = QStringLiteral("blis");
    else if (p.contains(QLatin1String("mkl")))
        info.provider = QStringLiteral("mkl");
    else if (p.contains(QLatin1String("atlas")))
        info.provider = QStringLiteral("atlas");
    else if (p.contains(QLatin1String("/blas/")) || p.endsWith(QLatin1String("libblas.so.3")))
        info.provider = QStringLiteral("reference");
    else
        info.provider = QStringLiteral("unknown");
    return info;
}

QString hostIdentity()
{
    static const QString identity = []() -> QString {
        const QByteArray id = QSysInfo::machineUniqueId();
        if (!id.isEmpty())
            return QString::fromLatin1(id);
        return QStringLiteral("host:") + QSysInfo::machineHostName();
    }();
    return identity;
}

} // namespace ModelDesk
