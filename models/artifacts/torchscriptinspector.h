#pragma once
// Checks that bytes are a loadable TorchScript module whose forward maps tensor(s) to tensor(s),
// and reads what the registry records about it. The only place outside training/ and runtime/ that
// includes LibTorch (in the .cpp).
//
// Untrusted files: LibTorch 1.13's loader can crash on crafted input, so a file that the registry
// has not verified is inspected in a child process (`modeldesk-cli validate-artifact FILE --json`,
// see inspectInChildProcess) with time and memory limits; inspectBytes() runs in-process and is
// for bytes already known to be safe (registry-verified) and for the child itself.
//
// Threads: any thread. Errors: InvalidArgument with a one-line reason for bad files
// ("not a TorchScript archive (no zip header)", "entry '../x' escapes the archive", ...),
// Unsupported for valid TorchScript whose forward is not tensor(s) -> tensor(s).

#include "core/modeltypes.h"

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace ModelDesk::Artifacts {

struct TorchScriptInfo
{
    Signature signature;
    qint64 parameterCount = 0;
    QString outputKind;        // "tensor" or "tuple[N]"
};

// Cheap structural checks without LibTorch: non-empty, zip magic, central directory readable, no
// entry names that are absolute or contain "..", a data.pkl and constants/code entries present,
// not a plain pickle of an nn.Module (torch.save of an eager module).
Status checkArchiveStructure(const QByteArray &bytes);

// Full in-process check with LibTorch (calls checkArchiveStructure first).
Result<TorchScriptInfo> inspectBytes(const QByteArray &bytes);

// Runs the full check in a child process: `cliPath validate-artifact FILE --json`, with a time limit
// (seconds) and an address-space limit (MiB). A crash, hang or refusal is an error with a message.
Result<TorchScriptInfo> inspectInChildProcess(const QString &cliPath, const QString &file, int timeoutSeconds = 60,
                                              int memoryLimitMiB = 4096);

// LibTorch version string ("1.13.0").
QString torchVersion();

// JSON form used by the child-process protocol.
QJsonObject toJson(const TorchScriptInfo &info);
Result<TorchScriptInfo> torchScriptInfoFromJson(const QJsonObject &o);

} // namespace ModelDesk::Artifacts
