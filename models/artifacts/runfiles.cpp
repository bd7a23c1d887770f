#include "runfiles.h"

#include "sealedfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace ModelDesk::Artifacts {

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString runIdOf(const QString &path) { return QFileInfo(QFileInfo(path).absolutePath()).fileName(); }

} // namespace

RunFiles::RunFiles(std::shared_ptr<ArtifactKeyring> keyring) : m_keyring(std::move(keyring)) {}

QString RunFiles::subject(const QString &path)
{
    return QStringLiteral("%1 of run %2").arg(QFileInfo(path).fileName(), runIdOf(path));
}

QString RunFiles::context(const QString &path)
{
    return QStringLiteral("run %1 %2").arg(runIdOf(path), QFileInfo(path).fileName());
}

SealedFile RunFiles::sealed(const QString &path) const
{
    return SealedFile(path, context(path), subject(path), m_keyring);
}

Status RunFiles::write(const QString &path, QByteArrayView plain, const QString &sha256) const
{
    return sealed(path).write(plain, sha256);
}

Result<QByteArray> RunFiles::read(const QString &path, const QString &sha256) const { return sealed(path).read(sha256); }

QList<RunFiles::Entry> RunFiles::list(const QString &runsRoot)
{
    QList<Entry> entries;
    const QDir root(runsRoot);
    const QStringList runs = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &run : runs) {
        const QDir dir(root.filePath(run));
        const QJsonObject checkpoint = readJson(dir.filePath(QStringLiteral("checkpoint.json")));
        const QString named = checkpoint.value(QStringLiteral("file")).toString();
        const QStringList checkpoints = dir.entryList({QStringLiteral("checkpoint-*.pt")}, QDir::Files, QDir::Name);
        for (const QString &name : checkpoints)
            entries.append({dir.filePath(name), name == named ? checkpoint.value(QStringLiteral("sha256")).toString() : QString()});
        if (QFileInfo(dir.filePath(QStringLiteral("model.pt"))).isFile()) {
            const QJsonObject exported = readJson(dir.filePath(QStringLiteral("export.json")));
            entries.append({dir.filePath(QStringLiteral("model.pt")), exported.value(QStringLiteral("sha256")).toString()});
        }
    }
    return entries;
}

} // namespace ModelDesk::Artifacts
