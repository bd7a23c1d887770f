#include "stagingfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ModelDesk::Artifacts {

namespace {

const QLatin1String kPrefix("artifact-");
const QLatin1String kSuffix(".part");

QString errnoText(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

// Full-disk errors get words a user acts on; everything else keeps the OS text.
Error writeError(int error, const QString &path)
{
    if (error == ENOSPC || error == EDQUOT)
        return Error::io(QStringLiteral("no space left on the device while writing '%1': free some space and retry")
                             .arg(path));
    if (error == EFBIG)
        return Error::io(QStringLiteral("cannot write '%1': file too large for this file system or limit").arg(path));
    return Error::io(QStringLiteral("cannot write '%1': %2").arg(path, errnoText(error)));
}

QByteArray encoded(const QString &path) { return QFile::encodeName(path); }

} // namespace

StagingFile::StagingFile(QString dir)
    : m_dir(std::move(dir))
{
}

StagingFile::~StagingFile()
{
    if (!m_committed)
        discard();
    else if (m_fd >= 0)
        ::close(m_fd);
}

void StagingFile::discard()
{
    if (m_fd < 0)
        return;
    ::unlink(encoded(m_path).constData());
    ::close(m_fd);
    m_fd = -1;
}

Status StagingFile::open()
{
    if (!QDir().mkpath(m_dir))
        return fail(Error::io(QStringLiteral("cannot create the temporary folder '%1'").arg(m_dir)));
    for (int attempt = 0; attempt < 16; ++attempt) {
        const QString name = kPrefix
            + QString::number(QRandomGenerator::global()->generate64(), 36)
            + kSuffix;
        const QString path = m_dir + QLatin1Char('/') + name;
        const int fd = ::open(encoded(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0) {
            if (errno == EEXIST)
                continue;
            return fail(writeError(errno, path));
        }
        // Lock before anyone can think the file is abandoned; if removeStale() unlinked it in the
        // instant between open and flock, the inode has no name any more: start again.
        struct stat st {};
        if (::flock(fd, LOCK_EX) != 0 || ::fstat(fd, &st) != 0 || st.st_nlink == 0) {
            ::close(fd);
            continue;
        }
        m_fd = fd;
        m_path = path;
        return {};
    }
    return fail(Error::io(QStringLiteral("cannot create a temporary file in '%1'").arg(m_dir)));
}

Status StagingFile::write(QByteArrayView data)
{
    const char *p = data.data();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, static_cast<size_t>(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            discard();
            return fail(writeError(error, m_path));
        }
        p += n;
        left -= n;
    }
    return {};
}

Status StagingFile::sync()
{
    if (::fsync(m_fd) != 0) {
        const int error = errno;
        discard();
        return fail(writeError(error, m_path));
    }
    return {};
}

Status StagingFile::commitTo(const QString &destination)
{
    const QString folder = QFileInfo(destination).absolutePath();
    for (int attempt = 0; attempt < 3; ++attempt) {
        // The shard folder may have been removed by a concurrent remove() of its last file.
        if (!QDir().mkpath(folder)) {
            discard();
            return fail(Error::io(QStringLiteral("cannot create the folder '%1'").arg(folder)));
        }
        if (::rename(encoded(m_path).constData(), encoded(destination).constData()) == 0) {
            m_committed = true;
            ::close(m_fd);
            m_fd = -1;
            return syncDirectory(folder);
        }
        if (errno == ENOENT)
            continue;
        const int error = errno;
        discard();
        if (error == EXDEV)
            return fail(Error::io(QStringLiteral("cannot move '%1' to '%2': the temporary folder is on another file "
                                                 "system than the artifact store")
                                      .arg(m_path, destination)));
        return fail(Error::io(QStringLiteral("cannot move '%1' to '%2': %3").arg(m_path, destination, errnoText(error))));
    }
    discard();
    return fail(Error::io(QStringLiteral("cannot move '%1' to '%2': the folder keeps disappearing").arg(m_path, destination)));
}

int StagingFile::removeStale(const QString &dir)
{
    const QStringList names = QDir(dir).entryList({kPrefix + QLatin1Char('*') + kSuffix}, QDir::Files | QDir::Hidden);
    int removed = 0;
    for (const QString &name : names) {
        const QString path = dir + QLatin1Char('/') + name;
        const int fd = ::open(encoded(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            continue;
        // A writer holds the lock for the file's whole life: failing to take it means "in use".
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(encoded(path).constData()) == 0)
            ++removed;
        ::close(fd);
    }
    return removed;
}

Status StagingFile::syncDirectory(const QString &dir)
{
    const int fd = ::open(encoded(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fail(Error::io(QStringLiteral("cannot open the folder '%1': %2").arg(dir, errnoText(errno))));
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    // Some file systems cannot fsync a directory (EINVAL); the rename itself has happened.
    if (rc != 0 && error != EINVAL)
        return fail(Error::io(QStringLiteral("cannot sync the folder '%1': %2").arg(dir, errnoText(error))));
    return {};
}

} // namespace ModelDesk::Artifacts
