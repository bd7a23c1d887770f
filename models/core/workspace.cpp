#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

namespace ModelDesk {

QString Workspace::resolveDirectory(const QString &explicitDir)
{
    if (!explicitDir.isEmpty())
        return QDir(explicitDir).absolutePath();
    const QString env = qEnvironmentVariable("MODELDESK_WORKSPACE");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/ModelDesk/workspace");
}

Result<Workspace> Workspace::open(const QString &explicitDir)
{
    Workspace ws;
    ws.m_root = resolveDirectory(explicitDir);
    QFileInfo info(ws.m_root);
    if (info.exists() && !info.isDir())
        return fail(Error::invalid(QStringLiteral("workspace '%1' exists and is not a directory").arg(ws.m_root)));
    QDir dir;
    const QStringList subs{ws.m_root, ws.artifactsDir() + QStringLiteral("/sha256"), ws.runsDir(), ws.tmpDir()};
    for (const QString &sub : subs) {
        if (!dir.mkpath(sub))
            return fail(Error::io(QStringLiteral("cannot create workspace folder '%1'").arg(sub)));
    }
    ws.m_root = QFileInfo(ws.m_root).canonicalFilePath();
    return ws;
}

QString Workspace::registryPath() const { return m_root + QStringLiteral("/registry.sqlite"); }
QString Workspace::artifactsDir() const { return m_root + QStringLiteral("/artifacts"); }
QString Workspace::runsDir() const { return m_root + QStringLiteral("/runs"); }
QString Workspace::configPath() const { return m_root + QStringLiteral("/config.json"); }
QString Workspace::tmpDir() const { return m_root + QStringLiteral("/tmp"); }

Result<QString> Workspace::pathInside(const QString &relative) const
{
    if (relative.isEmpty() || QDir::isAbsolutePath(relative) || relative.contains(QLatin1Char('\\')))
        return fail(Error::invalid(QStringLiteral("path '%1' is not a relative workspace path").arg(relative.left(120))));
    const QStringList parts = relative.split(QLatin1Char('/'));
    for (const QString &p : parts) {
        if (p.isEmpty() || p == QLatin1String(".") || p == QLatin1String(".."))
            return fail(Error::invalid(QStringLiteral("path '%1' escapes the workspace").arg(relative.left(120))));
    }
    const QString joined = QDir::cleanPath(m_root + QLatin1Char('/') + relative);
    // Resolve symlinks of the longest existing prefix and check it stays inside.
    QFileInfo probe(joined);
    QString existing = joined;
    while (!QFileInfo::exists(existing) && existing.size() > m_root.size())
        existing = QFileInfo(existing).absolutePath();
    const QString canonical = QFileInfo(existing).canonicalFilePath();
    if (canonical.isEmpty() || !(canonical == m_root || canonical.startsWith(m_root + QLatin1Char('/'))))
        return fail(Error::invalid(QStringLiteral("path '%1' escapes the workspace").arg(relative.left(120))));
    return joined;
}

Result<QJsonObject> Workspace::readConfig() const
{
    QFile f(configPath());
    if (!f.exists())
        return QJsonObject{};
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::io(QStringLiteral("cannot read %1: %2").arg(configPath(), f.errorString())));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Error::corrupt(QStringLiteral("%1 is not a JSON object: %2").arg(configPath(), err.errorString())));
    return doc.object();
}

Status Workspace::writeConfig(const QJsonObject &config) const
{
    QSaveFile f(configPath());
    if (!f.open(QIODevice::WriteOnly))
        return fail(Error::io(QStringLiteral("cannot write %1: %2").arg(configPath(), f.errorString())));
    f.write(QJsonDocument(config).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return fail(Error::io(QStringLiteral("cannot write %1: %2").arg(configPath(), f.errorString())));
    return {};
}

QString currentOsUser()
{
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("uid%1").arg(::geteuid()) : user;
}

} // namespace ModelDesk
