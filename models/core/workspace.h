#pragma once
// A workspace is the folder that holds one ModelDesk installation's state:
//   registry.sqlite, artifacts/sha256/<aa>/<digest>, runs/<id>/, config.json.
// Resolution order: an explicit directory (--workspace DIR), then $MODELDESK_WORKSPACE, then the
// platform's app-data location. Value type; cheap to copy; thread-safe (immutable after open()).

#include "result.h"

#include <QJsonObject>
#include <QString>

namespace ModelDesk {

class Workspace
{
public:
    // Resolves the directory (see above), creates it and its sub-folders if missing.
    static Result<Workspace> open(const QString &explicitDir = {});
    // The directory open() would use, without creating anything.
    static QString resolveDirectory(const QString &explicitDir = {});

    QString root() const { return m_root; }
    QString registryPath() const;   // root/registry.sqlite
    QString artifactsDir() const;   // root/artifacts
    QString runsDir() const;        // root/runs
    QString configPath() const;     // root/config.json
    QString tmpDir() const;         // root/tmp, same file system as artifacts (atomic renames)

    // Joins a relative path made from validated names to the root and checks that the canonical
    // result stays inside the workspace (no "..", no absolute paths, no symlink escape).
    Result<QString> pathInside(const QString &relative) const;

    // config.json; read() gives {} when the file does not exist. write() is atomic (QSaveFile).
    Result<QJsonObject> readConfig() const;
    Status writeConfig(const QJsonObject &config) const;

private:
    QString m_root;
};

// The OS user running this process, used as the audit actor for console and CLI actions.
QString currentOsUser();

} // namespace ModelDesk
