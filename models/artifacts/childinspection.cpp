// The child-process side of TorchScript validation: the JSON protocol between
// inspectInChildProcess() (parent) and runValidateArtifactCommand() (child, behind
// `modeldesk-cli validate-artifact FILE --json`). No LibTorch here: the parent never loads the file.

#include "torchscriptinspector.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

#include <csignal>
#include <sys/resource.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace ModelDesk::Artifacts {

namespace {

constexpr qint64 kMaxArtifactBytes = qint64(4) << 30;
constexpr qint64 kMaxChildOutput = 4 << 20;

// Exit codes of core/result.h, so the CLI and this protocol agree.
int exitCodeFor(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidArgument:
    case Error::Code::Unsupported:
    case Error::Code::TooLarge: return 2;
    case Error::Code::NotFound: return 3;
    case Error::Code::Corrupt: return 5;
    case Error::Code::Io: return 6;
    case Error::Code::Cancelled: return 130;
    default: return 1;
    }
}

Error::Code codeFromName(const QString &name)
{
    for (int c = 0; c <= int(Error::Code::Internal); ++c) {
        if (Error::codeName(Error::Code(c)) == name)
            return Error::Code(c);
    }
    return Error::Code::Internal;
}

// "-" reads standard input: how the parent hands over plaintext it decrypted in memory, so an
// encrypted artifact is validated without its plaintext ever touching the disk.
Result<QByteArray> readStandardInput()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(Error::io(QStringLiteral("cannot read standard input: %1").arg(in.errorString())));
    QByteArray bytes;
    try {
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        for (;;) {
            const qint64 n = in.read(buffer.data(), buffer.size());
            if (n < 0)
                return fail(Error::io(QStringLiteral("cannot read standard input: %1").arg(in.errorString())));
            if (n == 0)
                break;
            if (bytes.size() + n > kMaxArtifactBytes)
                return fail(Error{Error::Code::TooLarge, QStringLiteral("the model on standard input is larger than the 4 GiB limit")});
            bytes.append(buffer.constData(), n);
        }
    } catch (const std::bad_alloc &) {
        return fail(Error{Error::Code::TooLarge, QStringLiteral("not enough memory to read the model from standard input")});
    }
    return bytes;
}

Result<QByteArray> readArtifactFile(const QString &path)
{
    if (path == QLatin1String("-"))
        return readStandardInput();
    const QFileInfo info(path);
    if (!info.exists())
        return fail(Error::notFound(QStringLiteral("file '%1' does not exist").arg(path)));
    if (!info.isFile())
        return fail(Error::invalid(QStringLiteral("'%1' is not a regular file").arg(path)));
    if (info.size() > kMaxArtifactBytes)
        return fail(Error{Error::Code::TooLarge,
                          QStringLiteral("'%1' is larger than the 4 GiB limit for a model file").arg(path)});
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::io(QStringLiteral("cannot open '%1': %2").arg(path, f.errorString())));
    QByteArray bytes;
    try {
        bytes = f.readAll();
    } catch (const std::bad_alloc &) {
        return fail(Error{Error::Code::TooLarge, QStringLiteral("not enough memory to read '%1'").arg(path)});
    }
    if (f.error() != QFileDevice::NoError)
        return fail(Error::io(QStringLiteral("cannot read '%1': %2").arg(path, f.errorString())));
    return bytes;
}

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last().trimmed()).left(300);
}

} // namespace

QJsonObject toJson(const TorchScriptInfo &info)
{
    return {{QStringLiteral("signature"), info.signature.toJson()},
            {QStringLiteral("parameter_count"), info.parameterCount},
            {QStringLiteral("output_kind"), info.outputKind}};
}

Result<TorchScriptInfo> torchScriptInfoFromJson(const QJsonObject &o)
{
    static const QRegularExpression kind(QStringLiteral("^(tensor|tuple\\[[1-9][0-9]*\\])$"));
    const QJsonValue signature = o.value(QStringLiteral("signature"));
    const QJsonValue count = o.value(QStringLiteral("parameter_count"));
    TorchScriptInfo info;
    info.outputKind = o.value(QStringLiteral("output_kind")).toString();
    if (!signature.isObject() || !count.isDouble() || count.toDouble() < 0 || !kind.match(info.outputKind).hasMatch())
        return fail(Error::internal(QStringLiteral("malformed TorchScript description: needs signature, "
                                                   "parameter_count and output_kind")));
    info.signature = Signature::fromJson(signature.toObject());
    info.parameterCount = count.toInteger();
    if (info.signature.inputs.isEmpty() || info.signature.outputs.isEmpty())
        return fail(Error::internal(QStringLiteral("malformed TorchScript description: no inputs or outputs")));
    return info;
}

int runValidateArtifactCommand(const QString &file, QTextStream &out, QTextStream &err)
{
    Result<TorchScriptInfo> info = fail(Error::internal(QStringLiteral("not run")));
    {
        const auto bytes = readArtifactFile(file);
        info = bytes ? inspectBytes(*bytes) : fail(bytes.error());
    }
    // Say which limit was hit: the parent sets one (inspectInChildProcess), and "not enough
    // memory" alone would read as a machine problem.
    rlimit limit {};
    if (!info && info.error().code == Error::Code::TooLarge && getrlimit(RLIMIT_AS, &limit) == 0
        && limit.rlim_cur != RLIM_INFINITY)
        info.error().message += QStringLiteral(" within the validation limit of %1 MiB").arg(limit.rlim_cur >> 20);
    if (info) {
        out << QJsonDocument(toJson(*info)).toJson(QJsonDocument::Compact) << '\n';
        out.flush();
        return 0;
    }
    const QJsonObject error{{QStringLiteral("error"), info.error().message},
                            {QStringLiteral("code"), Error::codeName(info.error().code)}};
    out << QJsonDocument(error).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
    err << info.error().message << '\n';
    err.flush();
    return exitCodeFor(info.error().code);
}

namespace {

// Runs `cliPath validate-artifact <file or -> --json`; with `stdinBytes`, writes them to the child's
// standard input (file "-"). `name` is what messages call the input.
Result<TorchScriptInfo> runChild(const QString &cliPath, const QString &fileArgument, const QByteArray *stdinBytes,
                                 const QString &name, int timeoutSeconds, int memoryLimitMiB)
{
    if (!QFileInfo(cliPath).isExecutable())
        return fail(Error{Error::Code::Unavailable,
                          QStringLiteral("cannot validate '%1': validator program '%2' not found").arg(name, cliPath)});

    QProcess child;
    child.setProgram(cliPath);
    child.setArguments({QStringLiteral("validate-artifact"), fileArgument, QStringLiteral("--json")});
    // Loading needs no BLAS: without worker threads the child uses less memory, and OpenBLAS
    // cannot hang at exit joining a thread that is stuck allocating under the memory limit.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OPENBLAS_NUM_THREADS"), QStringLiteral("1"));
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
#ifdef __SANITIZE_ADDRESS__
    // AddressSanitizer reserves terabytes of shadow address space; a limit would stop the child.
    memoryLimitMiB = 0;
#endif
    const rlim_t addressSpace = memoryLimitMiB > 0 ? rlim_t(memoryLimitMiB) << 20 : RLIM_INFINITY;
    const rlim_t cpuSeconds = timeoutSeconds > 0 ? rlim_t(timeoutSeconds) + 5 : RLIM_INFINITY;
    // Runs in the child between fork and exec: async-signal-safe system calls only.
    child.setChildProcessModifier([addressSpace, cpuSeconds] {
        const rlimit as{addressSpace, addressSpace};
        setrlimit(RLIMIT_AS, &as);
        const rlimit cpu{cpuSeconds, cpuSeconds};
        setrlimit(RLIMIT_CPU, &cpu); // a backstop should the parent die before its timer fires
        const rlimit core{0, 0};
        setrlimit(RLIMIT_CORE, &core); // a crash must not leave a core file of untrusted data
#ifdef Q_OS_LINUX
        prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    });
    child.start(stdinBytes ? QIODevice::ReadWrite : QIODevice::ReadOnly);
    if (!child.waitForStarted(30000))
        return fail(Error{Error::Code::Unavailable, QStringLiteral("cannot start the validator '%1': %2")
                                                        .arg(cliPath, child.errorString())});
    if (stdinBytes) {
        // waitForFinished() below keeps feeding the pipe while it waits.
        child.write(*stdinBytes);
        child.closeWriteChannel();
    }
    if (!child.waitForFinished(timeoutSeconds > 0 ? timeoutSeconds * 1000 : -1)) {
        child.kill();
        child.waitForFinished(-1);
        return fail(Error{Error::Code::Timeout,
                          QStringLiteral("validation timed out after %1 s; '%2' was not imported")
                              .arg(timeoutSeconds)
                              .arg(name)});
    }
    if (child.exitStatus() == QProcess::CrashExit)
        return fail(Error::invalid(
            QStringLiteral("the file crashed the TorchScript loader (signal %1); it was not imported").arg(child.exitCode())));

    const QByteArray output = child.readAllStandardOutput().left(kMaxChildOutput);
    const QByteArray errors = child.readAllStandardError().right(kMaxChildOutput);
    const QJsonObject reply = QJsonDocument::fromJson(output.trimmed()).object();
    if (reply.contains(QStringLiteral("error")))
        return fail(Error{codeFromName(reply.value(QStringLiteral("code")).toString()),
                          reply.value(QStringLiteral("error")).toString()});
    if (child.exitCode() == 0 && !reply.isEmpty())
        return torchScriptInfoFromJson(reply);
    const QString detail = lastLine(errors);
    return fail(Error::internal(QStringLiteral("the validator exited with code %1%2")
                                    .arg(child.exitCode())
                                    .arg(detail.isEmpty() ? QString() : QStringLiteral(": ") + detail)));
}

} // namespace

Result<TorchScriptInfo> inspectInChildProcess(const QString &cliPath, const QString &file, int timeoutSeconds,
                                              int memoryLimitMiB)
{
    const QFileInfo input(file);
    if (!input.exists())
        return fail(Error::notFound(QStringLiteral("file '%1' does not exist").arg(file)));
    return runChild(cliPath, input.absoluteFilePath(), nullptr, input.fileName(), timeoutSeconds, memoryLimitMiB);
}

Result<TorchScriptInfo> inspectBytesInChildProcess(const QString &cliPath, const QByteArray &bytes, const QString &name,
                                                   int timeoutSeconds, int memoryLimitMiB)
{
    return runChild(cliPath, QStringLiteral("-"), &bytes, name, timeoutSeconds, memoryLimitMiB);
}

} // namespace ModelDesk::Artifacts
