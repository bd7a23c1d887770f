// IDX image files (the MNIST / Fashion-MNIST format), plain or gzipped.
// Layout: big-endian magic 0x0000080N (unsigned bytes, N dimensions), N big-endian sizes, then data.
#include "dataset.h"
#include "datasetutil.h"

#include "artifacts/artifactstore.h"
#include <QDir>
#include <QFileInfo>

#include <zlib.h>

namespace ModelDesk::Training {

using namespace Detail;

namespace {

constexpr quint32 ImagesMagic = 0x00000803;
constexpr quint32 LabelsMagic = 0x00000801;

quint32 bigEndian32(const QByteArray &b, qsizetype at)
{
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData() + at);
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

Result<QByteArray> gunzip(const QByteArray &compressed, const QString &file)
{
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return fail(Error::internal(QStringLiteral("%1: zlib initialisation failed").arg(file)));
    QByteArray out;
    out.resize(std::max<qsizetype>(compressed.size() * 4, 1 << 16));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    zs.avail_in = uInt(compressed.size());
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (qint64(zs.total_out) >= out.size()) {
            if (out.size() >= MaxDataFileBytes) {
                inflateEnd(&zs);
                return fail(Error::invalid(QStringLiteral("%1: inflates to more than 4 GiB").arg(file)));
            }
            out.resize(std::min<qint64>(out.size() * 2, MaxDataFileBytes));
        }
        zs.next_out = reinterpret_cast<Bytef *>(out.data() + zs.total_out);
        zs.avail_out = uInt(std::min<qint64>(out.size() - qint64(zs.total_out), 1 << 30));
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
            inflateEnd(&zs);
            return fail(Error::invalid(QStringLiteral("%1: truncated gzip stream").arg(file)));
        }
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            const QString why = zs.msg ? QString::fromLatin1(zs.msg) : QStringLiteral("error %1").arg(rc);
            inflateEnd(&zs);
            return fail(Error::invalid(QStringLiteral("%1: not a valid gzip stream (%2)").arg(file, why)));
        }
    }
    out.resize(qsizetype(zs.total_out));
    inflateEnd(&zs);
    return out;
}

struct IdxFile
{
    QString path;
    QByteArray raw;     // bytes as stored (hashed)
    QByteArray data;    // inflated
    QList<quint32> dims;
};

Result<IdxFile> readIdx(const QString &path, quint32 expectedMagic)
{
    IdxFile f;
    f.path = path;
    auto raw = readDataFile(path);
    if (!raw)
        return fail(raw.error());
    f.raw = std::move(*raw);
    if (f.raw.startsWith("\x1f\x8b")) {
        auto inflated = gunzip(f.raw, path);
        if (!inflated)
            return fail(inflated.error());
        f.data = std::move(*inflated);
    } else {
        f.data = f.raw;
    }
    const int dimsExpected = int(expectedMagic & 0xff);
    if (f.data.size() < 4)
        return fail(Error::invalid(QStringLiteral("%1: too short for an IDX header (%2 bytes)").arg(path).arg(f.data.size())));
    const quint32 magic = bigEndian32(f.data, 0);
    if (magic != expectedMagic)
        return fail(Error::invalid(
            QStringLiteral("%1: wrong IDX magic 0x%2, expected 0x%3 (unsigned bytes, %4 dimensions)")
                .arg(path)
                .arg(magic, 8, 16, QLatin1Char('0'))
                .arg(expectedMagic, 8, 16, QLatin1Char('0'))
                .arg(dimsExpected)));
    const qsizetype headerSize = 4 + 4 * dimsExpected;
    if (f.data.size() < headerSize)
        return fail(Error::invalid(QStringLiteral("%1: truncated IDX header").arg(path)));
    qint64 expectedSize = headerSize;
    qint64 elements = 1;
    for (int i = 0; i < dimsExpected; ++i) {
        const quint32 dim = bigEndian32(f.data, 4 + 4 * i);
        if (dim == 0)
            return fail(Error::invalid(QStringLiteral("%1: IDX dimension %2 is zero").arg(path).arg(i + 1)));
        f.dims.append(dim);
        // Checked before multiplying: two 32-bit sizes near 4G overflow a qint64 (found by fuzzing).
        if (elements > MaxDataFileBytes / qint64(dim))
            return fail(Error::invalid(QStringLiteral("%1: IDX sizes describe more than 4 GiB").arg(path)));
        elements *= dim;
        if (elements > MaxDataFileBytes)
            return fail(Error::invalid(QStringLiteral("%1: IDX sizes describe more than 4 GiB").arg(path)));
    }
    expectedSize += elements;
    if (f.data.size() != expectedSize) {
        QStringList dims;
        for (quint32 d : f.dims)
            dims.append(QString::number(d));
        return fail(Error::invalid(QStringLiteral("%1: wrong IDX size: the header says %2 (%3 bytes) but the data has %4 bytes")
                                       .arg(path, dims.join(QLatin1Char('x')))
                                       .arg(expectedSize)
                                       .arg(f.data.size())));
    }
    return f;
}

// "train-images-idx3-ubyte.gz" -> "train-labels-idx1-ubyte.gz" (or the plain file when only that exists)
QString labelsFileFor(const QString &imagesFile)
{
    QString name = imagesFile;
    name.replace(QLatin1String("images-idx3"), QLatin1String("labels-idx1"));
    name.replace(QLatin1String("images.idx3"), QLatin1String("labels.idx1"));
    if (!QFileInfo(name).isFile()) {
        const QString other = name.endsWith(QLatin1String(".gz")) ? name.chopped(3) : name + QStringLiteral(".gz");
        if (QFileInfo(other).isFile())
            return other;
    }
    return name;
}

QString findFile(const QDir &dir, const QString &stem)
{
    for (const QString &candidate : QStringList{stem, stem + QStringLiteral(".gz")}) {
        if (QFileInfo(dir.filePath(candidate)).isFile())
            return dir.filePath(candidate);
    }
    return {};
}

QStringList fashionMnistNames()
{
    return {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
            QStringLiteral("Dress"),       QStringLiteral("Coat"),    QStringLiteral("Sandal"),
            QStringLiteral("Shirt"),       QStringLiteral("Sneaker"), QStringLiteral("Bag"),
            QStringLiteral("Ankle boot")};
}

} // namespace

Result<Dataset> loadIdxDataset(const QString &path, const DataOptions &options)
{
    QString trainImages;
    QString testImages;
    const QFileInfo info(path);
    if (info.isDir()) {
        const QDir dir(path);
        trainImages = findFile(dir, QStringLiteral("train-images-idx3-ubyte"));
        testImages = findFile(dir, QStringLiteral("t10k-images-idx3-ubyte"));
        if (trainImages.isEmpty()) {
            const QStringList any = dir.entryList({QStringLiteral("*-idx3-ubyte"), QStringLiteral("*-idx3-ubyte.gz")},
                                                  QDir::Files, QDir::Name);
            if (any.isEmpty())
                return fail(Error::notFound(QStringLiteral("%1: no IDX image file (*-idx3-ubyte[.gz]) in the folder").arg(path)));
            trainImages = dir.filePath(any.first());
        }
    } else {
        trainImages = path;
    }
    const QString trainLabels = labelsFileFor(trainImages);
    if (trainLabels == trainImages || !QFileInfo(trainLabels).isFile())
        return fail(Error::notFound(
            QStringLiteral("%1: no labels file next to it (expected %2)").arg(trainImages, QFileInfo(trainLabels).fileName())));

    QList<std::pair<QString, QString>> parts{{trainImages, trainLabels}};
    if (!testImages.isEmpty()) {
        const QString testLabels = labelsFileFor(testImages);
        if (!QFileInfo(testLabels).isFile())
            return fail(Error::notFound(QStringLiteral("%1: no labels file next to it (expected %2)")
                                            .arg(testImages, QFileInfo(testLabels).fileName())));
        parts.append({testImages, testLabels});
    }

    Dataset d;
    QByteArray hashed; // every file's bytes, in order, for the digest
    qint64 classes = options.classes;
    for (qsizetype p = 0; p < parts.size(); ++p) {
        auto images = readIdx(parts[p].first, ImagesMagic);
        if (!images)
            return fail(images.error());
        auto labels = readIdx(parts[p].second, LabelsMagic);
        if (!labels)
            return fail(labels.error());
        const qint64 count = images->dims[0];
        if (labels->dims[0] != count)
            return fail(Error::invalid(QStringLiteral("%1: %2 labels for %3 images in %4")
                                           .arg(parts[p].second)
                                           .arg(labels->dims[0])
                                           .arg(count)
                                           .arg(QFileInfo(parts[p].first).fileName())));
        const int h = int(images->dims[1]);
        const int w = int(images->dims[2]);
        if (p == 0) {
            d.height = h;
            d.width = w;
        } else if (h != d.height || w != d.width) {
            return fail(Error::invalid(QStringLiteral("%1: images are %2x%3 but the training images are %4x%5")
                                           .arg(parts[p].first)
                                           .arg(h)
                                           .arg(w)
                                           .arg(d.height)
                                           .arg(d.width)));
        }
        const auto *lab = reinterpret_cast<const unsigned char *>(labels->data.constData() + 8);
        if (p == 0 && classes <= 0) {
            int maxLabel = 0;
            for (qint64 i = 0; i < count; ++i)
                maxLabel = std::max<int>(maxLabel, lab[i]);
            classes = maxLabel + 1;
        }
        for (qint64 i = 0; i < count; ++i) {
            if (lab[i] >= classes)
                return fail(Error::invalid(
                    QStringLiteral("%1: label %2 of item %3 is out of range (%4 classes, 0..%5%6)")
                        .arg(parts[p].second)
                        .arg(int(lab[i]))
                        .arg(i)
                        .arg(classes)
                        .arg(classes - 1)
                        .arg(options.classes > 0 ? QStringLiteral(", as given") : QStringLiteral(", from the training labels"))));
        }
        if (p == 1)
            d.testStart = d.rows();
        const size_t offset = d.pixels.size();
        d.pixels.resize(offset + size_t(count) * h * w);
        std::memcpy(d.pixels.data() + offset, images->data.constData() + 16, size_t(count) * h * w);
        d.labels.insert(d.labels.end(), lab, lab + count);
        for (const IdxFile *f : {&*images, &*labels}) {
            hashed.append(f->raw);
            d.files.append(f->path);
        }
    }
    d.digest = Artifacts::ArtifactStore::sha256(hashed);
    if (classes == 10 && (path.contains(QLatin1String("fashion"), Qt::CaseInsensitive)))
        d.classNames = fashionMnistNames();
    else
        for (qint64 c = 0; c < classes; ++c)
            d.classNames.append(QString::number(c));
    if (auto ok = checkClassCount(d, trainLabels, QStringLiteral("the labels")); !ok)
        return fail(ok.error());
    return d;
}

} // namespace ModelDesk::Training
