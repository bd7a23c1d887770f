// IDX image/label files (MNIST layout, plain or gzipped) through the real loader: the input is
// split into an images file and a labels file (first byte: where to split, scaled), written as
// train-images-idx3-ubyte / train-labels-idx1-ubyte into a temporary folder and loaded.
#include "training/dataset.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdint>

using namespace ModelDesk;

namespace {
const QTemporaryDir &tempDir()
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/modeldesk-fuzz-idx-XXXXXX"));
    return dir;
}

bool writeFile(const QString &path, QByteArrayView bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes.data(), bytes.size()) == bytes.size();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    // Split point: the first 16 + 4*N bytes style headers of a labels file are short, so the
    // byte selects the labels file size directly when it fits, else a fraction of the input.
    const qsizetype labelsSize = std::min<qsizetype>(rest.size(), qsizetype(data[0]) * 4);
    const QByteArrayView images = rest.first(rest.size() - labelsSize);
    const QByteArrayView labels = rest.last(labelsSize);
    const QDir dir(tempDir().path());
    if (!writeFile(dir.filePath(QStringLiteral("train-images-idx3-ubyte")), images)
        || !writeFile(dir.filePath(QStringLiteral("train-labels-idx1-ubyte")), labels))
        return 0;
    Training::DataOptions options;
    (void)Training::loadIdxDataset(dir.path(), options);
    return 0;
}
