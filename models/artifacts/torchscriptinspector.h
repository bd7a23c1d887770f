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
// ("not a TorchScript archive (not a zip file)", "archive entry '../x' escapes the archive", ...),
// Unsupported for valid TorchScript whose forward is not tensor(s) -> tensor(s).
//
// What the signature records: input names are forward's argument names, outputs are "output__0"
// (tuple element i: "output__i"); dtype is left empty ("any") and shape empty ("unknown rank"):
// TorchScript schemas type every tensor as plain `Tensor`, and guessing FP32 from the parameters
// would be wrong for models that take token ids. forward is never run here.

#include "core/modeltypes.h"

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

class QTextStream;

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
// (seconds) and an address-space limit (MiB, 0 = none; off in AddressSanitizer builds). The child
// needs ~550 MiB to start plus about twice the file size. Blocks the calling thread (not the GUI's).
// Errors: the child's own (InvalidArgument, Unsupported, TooLarge naming the limit, ...); a crash is
// InvalidArgument "the file crashed the TorchScript loader (signal N); it was not imported"; a hang
// is Timeout; a validator that cannot start is Unavailable; unreadable output is Internal.
Result<TorchScriptInfo> inspectInChildProcess(const QString &cliPath, const QString &file, int timeoutSeconds = 60,
                                              int memoryLimitMiB = 4096);

// Same, for bytes held in memory (a decrypted artifact): they reach the child through a pipe on its
// standard input (`cliPath validate-artifact - --json`), never through a file. `name` is what
// messages call the model.
Result<TorchScriptInfo> inspectBytesInChildProcess(const QString &cliPath, const QByteArray &bytes, const QString &name,
                                                   int timeoutSeconds = 60, int memoryLimitMiB = 4096);

// LibTorch version string ("1.13.0").
QString torchVersion();

// JSON form used by the child-process protocol.
QJsonObject toJson(const TorchScriptInfo &info);
Result<TorchScriptInfo> torchScriptInfoFromJson(const QJsonObject &o);

// The child's side of inspectInChildProcess (`modeldesk-cli validate-artifact FILE --json` calls it):
// reads FILE, or standard input when FILE is "-" (at most 4 GiB), runs inspectBytes and prints one JSON object on `out`: toJson(info)
// on success, {"error": "<one line>", "code": "<Error::codeName>"} on failure, with the one-line
// error also on `err`. Returns the exit code: 0 valid, 2 invalid / unsupported / too large,
// 3 file not found, 6 I/O error, 1 internal (the codes of core/result.h).
int runValidateArtifactCommand(const QString &file, QTextStream &out, QTextStream &err);

} // namespace ModelDesk::Artifacts
