#pragma once
// A temporary file that becomes a store file by rename(2): the only way bytes enter the store.
// Private to the artifacts part.
//
// The file lives in the store's tmpDir (same file system as the store) and is named
// "artifact-<random>.part". While a writer owns it, it holds an flock(2) lock on it, so
// removeStale() - run by any process sharing the workspace - deletes only files whose writer has
// died, never one that is being written. Destroying an uncommitted StagingFile removes it.

#include "core/result.h"

#include <QByteArrayView>
#include <QString>

namespace ModelDesk::Artifacts {

class StagingFile final
{
public:
    explicit StagingFile(QString dir);
    ~StagingFile();
    StagingFile(const StagingFile &) = delete;
    StagingFile &operator=(const StagingFile &) = delete;

    Status open();
    Status write(QByteArrayView data);
    // fsync(2) the data; the lock stays held until commitTo() or destruction.
    Status sync();
    // rename(2) onto `destination` (replacing it atomically), then fsync the destination folder.
    Status commitTo(const QString &destination);
    QString path() const { return m_path; }

    // Removes leftover staging files in `dir` whose writer is gone; returns how many.
    static int removeStale(const QString &dir);
    // fsync(2) of a folder, so a rename or unlink in it survives a power cut.
    static Status syncDirectory(const QString &dir);

private:
    void discard();

    QString m_dir;
    QString m_path;
    int m_fd = -1;
    bool m_committed = false;
};

} // namespace ModelDesk::Artifacts
