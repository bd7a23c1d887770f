#pragma once
// Helpers of the packaging tests: run a tool, read a file, find a program on PATH.

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace ModelDesk::PackagingTest {

struct ToolRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    bool started = false;
};

inline ToolRun runTool(const QString &program, const QStringList &args, const QString &workingDir = {},
                       const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                       int timeoutMs = 300000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, args);
    ToolRun r;
    r.started = p.waitForStarted(10000);
    if (!r.started) {
        r.err = QStringLiteral("could not start %1").arg(program);
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("%1 did not finish in %2 s").arg(program).arg(timeoutMs / 1000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline QString tool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian); {0, 0} when not a PNG.
inline QPair<int, int> pngSize(const QByteArray &png)
{
    if (png.size() < 24 || !png.startsWith("\x89PNG\r\n\x1a\n"))
        return {0, 0};
    auto be32 = [&png](int at) {
        return int((uchar(png[at]) << 24) | (uchar(png[at + 1]) << 16) | (uchar(png[at + 2]) << 8) |
                   uchar(png[at + 3]));
    };
    return {be32(16), be32(20)};
}

} // namespace ModelDesk::PackagingTest
