#pragma once
// Small synthetic datasets for the training tests (header-only, shared with tests/cli): separable
// Gaussian blobs as CSV, tiny IDX images (plain or gzipped) and a fortunes-style text folder. All
// generated from a fixed LCG so every run of the tests sees the same bytes.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <zlib.h>

#include <cmath>
#include <cstdint>

namespace TrainingTestData {

struct Lcg
{
    uint64_t state;
    double uniform()
    {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(state >> 11) / 9007199254740992.0;
    }
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-12);
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
};

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// `classes` blobs in `features` dimensions, `rows` rows, header "f1,...,fN,label", labels as names
// ("class0"...) or integers.
inline QByteArray blobsCsv(int rows, int features = 4, int classes = 3, bool textLabels = true, uint64_t seed = 7)
{
    Lcg g{seed};
    QByteArray out;
    for (int j = 0; j < features; ++j)
        out += "f" + QByteArray::number(j + 1) + ",";
    out += "label\n";
    for (int r = 0; r < rows; ++r) {
        const int c = r % classes;
        for (int j = 0; j < features; ++j) {
            // Class means far apart along a few axes; features on different scales (standardisation matters).
            const double mean = (j % classes == c ? 3.0 : 0.0) * (1 + j);
            out += QByteArray::number(mean + g.normal() * (1 + j) * 0.5, 'f', 4) + ",";
        }
        out += textLabels ? "class" + QByteArray::number(c) : QByteArray::number(c);
        out += "\n";
    }
    return out;
}

inline QByteArray bigEndian(uint32_t v)
{
    QByteArray b(4, '\0');
    b[0] = char(v >> 24);
    b[1] = char(v >> 16);
    b[2] = char(v >> 8);
    b[3] = char(v);
    return b;
}

// IDX images: class c lights up band c of an h x w image, plus noise.
inline QByteArray idxImages(int count, int h, int w, int classes, uint64_t seed, QByteArray *labelsOut)
{
    Lcg g{seed};
    QByteArray images = bigEndian(0x00000803) + bigEndian(uint32_t(count)) + bigEndian(uint32_t(h)) + bigEndian(uint32_t(w));
    QByteArray labels = bigEndian(0x00000801) + bigEndian(uint32_t(count));
    for (int i = 0; i < count; ++i) {
        const int c = int(g.uniform() * classes) % classes;
        labels.append(char(c));
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const bool lit = (y * classes / h) == c;
                const double v = (lit ? 180.0 : 30.0) + g.normal() * 25.0;
                images.append(char(uint8_t(std::clamp(v, 0.0, 255.0))));
            }
        }
    }
    *labelsOut = labels;
    return images;
}

inline QByteArray gzip(const QByteArray &plain)
{
    z_stream zs{};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(plain.size()))) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    zs.avail_in = uInt(plain.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

// Writes train-* (and t10k-* when testCount > 0) IDX files into `dir`.
inline bool writeIdxFolder(const QString &dir, int trainCount, int testCount, int h = 8, int w = 8, int classes = 4,
                           bool gz = false)
{
    QDir().mkpath(dir);
    auto write = [&](const QString &prefix, int count, uint64_t seed) {
        QByteArray labels;
        const QByteArray images = idxImages(count, h, w, classes, seed, &labels);
        const QString ext = gz ? QStringLiteral(".gz") : QString();
        return writeFile(dir + QLatin1Char('/') + prefix + QStringLiteral("-images-idx3-ubyte") + ext, gz ? gzip(images) : images)
               && writeFile(dir + QLatin1Char('/') + prefix + QStringLiteral("-labels-idx1-ubyte") + ext, gz ? gzip(labels) : labels);
    };
    return write(QStringLiteral("train"), trainCount, 11) && (testCount == 0 || write(QStringLiteral("t10k"), testCount, 12));
}

// A fortunes-style folder: topic files whose texts use topic-specific words, with .dat companions.
inline bool writeFortunesFolder(const QString &dir, int textsPerTopic = 40)
{
    QDir().mkpath(dir);
    const QStringList topics{QStringLiteral("cats"), QStringLiteral("code"), QStringLiteral("food")};
    const QList<QStringList> words{
        {QStringLiteral("cat"), QStringLiteral("purr"), QStringLiteral("whiskers"), QStringLiteral("meow"), QStringLiteral("kitten")},
        {QStringLiteral("compiler"), QStringLiteral("bug"), QStringLiteral("kernel"), QStringLiteral("Linux"), QStringLiteral("segfault")},
        {QStringLiteral("bread"), QStringLiteral("cheese"), QStringLiteral("soup"), QStringLiteral("Pizza"), QStringLiteral("dinner")}};
    const QStringList common{QStringLiteral("the"), QStringLiteral("a"), QStringLiteral("is"), QStringLiteral("of"), QStringLiteral("and")};
    Lcg g{5};
    for (qsizetype t = 0; t < topics.size(); ++t) {
        QByteArray file;
        for (int i = 0; i < textsPerTopic; ++i) {
            QStringList text;
            for (int k = 0; k < 8; ++k)
                text.append(g.uniform() < 0.5 ? words[t][int(g.uniform() * 5) % 5] : common[int(g.uniform() * 5) % 5]);
            file += text.join(QLatin1Char(' ')).toUtf8() + ".\n-- Someone\n%\n";
        }
        if (!writeFile(dir + QLatin1Char('/') + topics[t], file) || !writeFile(dir + QLatin1Char('/') + topics[t] + QStringLiteral(".dat"), "x"))
            return false;
    }
    return true;
}

} // namespace TrainingTestData
