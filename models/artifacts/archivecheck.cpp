// checkArchiveStructure(): what can be said about a would-be TorchScript file without LibTorch.
// Cheap, and safe on any input, so it runs before the loader ever sees the bytes.

#include "torchscriptinspector.h"
#include "ziparchive.h"

#include <QSet>

namespace ModelDesk::Artifacts {

namespace {

const QString kPickledMessage = QStringLiteral(
    "this is a pickled Python object (torch.save), not TorchScript: export it with torch.jit.script or "
    "torch.jit.trace and torch.jit.save");

// Entry names go into one-line messages: printable, bounded.
QString printable(const QByteArray &name)
{
    QString text = QString::fromUtf8(name.left(200));
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char('?');
    }
    return name.size() > 200 ? text + QStringLiteral("...") : text;
}

// Names that a naive extractor would write outside its target folder (zip slip).
bool escapes(const QByteArray &name)
{
    if (name.isEmpty() || name.startsWith('/') || name.contains('\\'))
        return true;
    if (name.size() >= 2 && name.at(1) == ':' && QChar::isLetter(uchar(name.at(0))))
        return true; // "C:..." - a drive path on Windows
    for (const QByteArray &part : name.split('/')) {
        if (part == "..")
            return true;
    }
    return false;
}

} // namespace

Status checkArchiveStructure(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return fail(Error::invalid(QStringLiteral("file is empty")));
    if (!bytes.startsWith("PK\x03\x04")) {
        // Pickle protocol 2..5 opens with PROTO 0x80 and the protocol number: torch.save's legacy format.
        if (uchar(bytes.at(0)) == 0x80 && bytes.size() >= 2 && bytes.at(1) >= 2 && bytes.at(1) <= 5)
            return fail(Error::invalid(kPickledMessage));
        if (bytes.startsWith("PK\x05\x06"))
            return fail(Error::invalid(QStringLiteral("not a TorchScript archive (an empty zip file)")));
        return fail(Error::invalid(QStringLiteral("not a TorchScript archive (not a zip file)")));
    }

    const auto entries = readZipDirectory(bytes);
    if (!entries)
        return fail(entries.error());
    if (entries->isEmpty())
        return fail(Error::invalid(QStringLiteral("not a TorchScript archive (an empty zip file)")));

    QSet<QByteArray> names;
    for (const ZipEntry &e : *entries) {
        if (e.name.contains('\0'))
            return fail(Error::invalid(QStringLiteral("archive entry '%1' has a NUL byte in its name").arg(printable(e.name))));
        if (escapes(e.name))
            return fail(Error::invalid(QStringLiteral("archive entry '%1' escapes the archive").arg(printable(e.name))));
        if (names.contains(e.name))
            return fail(Error::invalid(QStringLiteral("archive has two entries named '%1'").arg(printable(e.name))));
        names.insert(e.name);
        if (e.flags & 0x1)
            return fail(Error::invalid(QStringLiteral("archive entry '%1' is encrypted").arg(printable(e.name))));
        if (e.method != 0 && e.method != 8)
            return fail(Error::invalid(QStringLiteral("archive entry '%1' uses compression method %2; TorchScript "
                                                      "archives are stored or deflated")
                                           .arg(printable(e.name))
                                           .arg(e.method)));
        if (e.method == 0 && e.compressedSize != e.uncompressedSize)
            return fail(Error::invalid(
                QStringLiteral("archive is truncated or corrupt (stored entry '%1' has two sizes)").arg(printable(e.name))));
    }

    // LibTorch's reader takes the folder of the first entry as the archive's name and looks up
    // every record under it.
    const QByteArray &first = entries->first().name;
    const qsizetype slash = first.indexOf('/');
    if (slash <= 0)
        return fail(Error::invalid(
            QStringLiteral("not a TorchScript archive (entry '%1' is not inside a folder)").arg(printable(first))));
    const QByteArray prefix = first.left(slash + 1);
    const bool hasData = names.contains(QByteArray(prefix + "data.pkl"));
    const bool hasConstants = names.contains(QByteArray(prefix + "constants.pkl"));
    const QByteArray codeFolder = prefix + "code/";
    const bool hasCode = std::any_of(names.cbegin(), names.cend(),
                                     [&](const QByteArray &n) { return n.startsWith(codeFolder); });
    if (!hasData)
        return fail(Error::invalid(QStringLiteral("not a TorchScript archive (no %1data.pkl)").arg(printable(prefix))));
    // torch.save's zip format (eager modules, state dicts, tensors) has data.pkl but no TorchScript code.
    if (!hasCode && !hasConstants)
        return fail(Error::invalid(kPickledMessage));
    return {};
}

} // namespace ModelDesk::Artifacts
