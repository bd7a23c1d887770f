#include "dataset.h"

#include "datasetutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace ModelDesk::Training {

InputKind Dataset::input() const
{
    if (kind == QLatin1String("idx"))
        return InputKind::Image;
    if (kind == QLatin1String("text-csv") || kind == QLatin1String("fortunes"))
        return InputKind::Text;
    return InputKind::Features;
}

qint64 Dataset::featureCount() const
{
    switch (input()) {
    case InputKind::Features: return featureNames.size();
    case InputKind::Image: return qint64(height) * width;
    case InputKind::Text: return 0;
    }
    return 0;
}

QList<qint64> Dataset::classCounts() const
{
    QList<qint64> counts(classNames.size(), 0);
    for (int64_t l : labels) {
        if (l >= 0 && l < counts.size())
            ++counts[l];
    }
    return counts;
}

QJsonObject Dataset::details() const
{
    QJsonObject balance;
    const QList<qint64> counts = classCounts();
    for (qsizetype i = 0; i < classNames.size(); ++i)
        balance.insert(classNames[i], counts[i]);
    QJsonObject d{{QStringLiteral("class_names"), QJsonArray::fromStringList(classNames)},
                  {QStringLiteral("class_balance"), balance},
                  {QStringLiteral("files"), QJsonArray::fromStringList(files)}};
    if (testStart >= 0)
        d.insert(QStringLiteral("test_rows"), rows() - testStart);
    switch (input()) {
    case InputKind::Features:
        d.insert(QStringLiteral("label_column"), labelColumn);
        d.insert(QStringLiteral("feature_names"), QJsonArray::fromStringList(featureNames));
        break;
    case InputKind::Image:
        d.insert(QStringLiteral("image_height"), height);
        d.insert(QStringLiteral("image_width"), width);
        break;
    case InputKind::Text:
        if (!labelColumn.isEmpty()) {
            d.insert(QStringLiteral("label_column"), labelColumn);
            d.insert(QStringLiteral("text_column"), textColumn);
        }
        break;
    }
    return d;
}

DatasetRecord Dataset::toRecord(const QString &name) const
{
    DatasetRecord r;
    r.name = name;
    r.kind = kind;
    r.sourcePath = sourcePath;
    r.digest = digest;
    r.rows = rows();
    r.features = featureCount();
    r.classes = int(classNames.size());
    r.details = details();
    return r;
}

QJsonArray Dataset::sample(int count) const
{
    QJsonArray out;
    const qint64 n = std::min<qint64>(count, rows());
    for (qint64 i = 0; i < n; ++i) {
        QJsonObject row{{QStringLiteral("label"), classNames.value(labels[i])}};
        switch (input()) {
        case InputKind::Features: {
            QJsonObject f;
            for (qsizetype j = 0; j < featureNames.size(); ++j)
                f.insert(featureNames[j], double(features[size_t(i * featureNames.size() + j)]));
            row.insert(QStringLiteral("features"), f);
            break;
        }
        case InputKind::Image: {
            // A coarse text picture is more useful in a terminal than 784 numbers.
            QJsonArray lines;
            for (int y = 0; y < height; ++y) {
                QString line;
                for (int x = 0; x < width; ++x) {
                    const int v = pixels[size_t(i * height * width + y * width + x)];
                    line += QLatin1Char(v > 170 ? '#' : v > 85 ? '+' : v > 20 ? '.' : ' ');
                }
                lines.append(line);
            }
            row.insert(QStringLiteral("image"), lines);
            break;
        }
        case InputKind::Text: row.insert(QStringLiteral("text"), texts.value(i)); break;
        }
        out.append(row);
    }
    return out;
}

QStringList defaultFortuneTopics()
{
    return {QStringLiteral("art"),      QStringLiteral("computers"), QStringLiteral("food"),
            QStringLiteral("law"),      QStringLiteral("love"),      QStringLiteral("medicine"),
            QStringLiteral("politics"), QStringLiteral("science"),   QStringLiteral("sports")};
}

QString detectDatasetKind(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        const QDir dir(path);
        if (!dir.entryList({QStringLiteral("*-idx3-ubyte"), QStringLiteral("*-idx3-ubyte.gz")}, QDir::Files).isEmpty())
            return QStringLiteral("idx");
        if (!dir.entryList({QStringLiteral("*.dat")}, QDir::Files).isEmpty())
            return QStringLiteral("fortunes");
        return {};
    }
    const QString name = info.fileName();
    if (name.contains(QLatin1String("-idx3-ubyte")))
        return QStringLiteral("idx");
    if (name.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) || name.endsWith(QLatin1String(".tsv"), Qt::CaseInsensitive)) {
        // A header with a "text" column means text CSV; everything else is a numeric table.
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> header = f.readLine(65536).trimmed().toLower().split(
                f.fileName().endsWith(QLatin1String(".tsv"), Qt::CaseInsensitive) ? '\t' : ',');
            for (const QByteArray &h : header) {
                const QByteArray cell = h.trimmed();
                if (cell == "text" || cell == "\"text\"")
                    return QStringLiteral("text-csv");
            }
        }
        return QStringLiteral("csv");
    }
    return {};
}

QString defaultDatasetName(const QString &path)
{
    QFileInfo info(QDir::cleanPath(path));
    QString base = info.isDir() ? info.fileName() : info.completeBaseName();
    if (base.endsWith(QLatin1String(".gz")))
        base.chop(3);
    base = base.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]+")), QStringLiteral("-"));
    while (!base.isEmpty() && !base.front().isLetterOrNumber())
        base.remove(0, 1);
    base.replace(QLatin1String(".."), QLatin1String("."));
    if (base.isEmpty())
        base = QStringLiteral("dataset");
    return base.left(48);
}

Result<Dataset> loadDataset(const DataOptions &options)
{
    if (options.path.isEmpty())
        return fail(Error::invalid(QStringLiteral("no data path given")));
    const QFileInfo info(options.path);
    if (!info.exists())
        return fail(Error::notFound(QStringLiteral("%1: no such file or folder").arg(options.path)));
    const QString kind = options.kind.isEmpty() ? detectDatasetKind(options.path) : options.kind;
    const QString path = info.absoluteFilePath();
    Result<Dataset> loaded = fail(Error::invalid(
        QStringLiteral("%1: cannot tell the data kind (give --kind csv, text-csv, idx or fortunes)").arg(options.path)));
    if (kind == QLatin1String("csv") || kind == QLatin1String("text-csv")) {
        if (info.isDir())
            return fail(Error::invalid(QStringLiteral("%1: is a folder; %2 data is one file").arg(options.path, kind)));
        loaded = kind == QLatin1String("csv") ? loadCsvDataset(path, options) : loadTextCsvDataset(path, options);
    } else if (kind == QLatin1String("idx")) {
        loaded = loadIdxDataset(path, options);
    } else if (kind == QLatin1String("fortunes")) {
        if (!info.isDir())
            return fail(Error::invalid(QStringLiteral("%1: fortunes data is a folder of topic files").arg(options.path)));
        loaded = loadFortunesDataset(path, options);
    } else if (!kind.isEmpty()) {
        return fail(Error::invalid(QStringLiteral("unknown data kind '%1' (use csv, text-csv, idx or fortunes)").arg(kind)));
    }
    if (!loaded)
        return loaded;
    loaded->kind = kind;
    loaded->sourcePath = path;
    if (auto ok = Detail::applyClassNames(*loaded, options); !ok)
        return fail(ok.error());
    return loaded;
}

namespace Detail {

Result<QByteArray> readDataFile(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return fail(Error::notFound(QStringLiteral("%1: no such file").arg(path)));
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::io(QStringLiteral("%1: cannot open: %2").arg(path, f.errorString())));
    if (f.size() > MaxDataFileBytes)
        return fail(Error::invalid(QStringLiteral("%1: the file is larger than 4 GiB").arg(path)));
    QByteArray bytes = f.readAll();
    if (bytes.size() != f.size())
        return fail(Error::io(QStringLiteral("%1: read error: %2").arg(path, f.errorString())));
    if (bytes.trimmed().isEmpty())
        return fail(Error::invalid(QStringLiteral("%1: the file is empty").arg(path)));
    return bytes;
}

std::optional<float> parseNumber(QByteArrayView text)
{
    const char *begin = text.data();
    const char *end = begin + text.size();
    if (begin != end && *begin == '+')
        ++begin;
    if (begin == end)
        return std::nullopt;
    double v = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec != std::errc() || ptr != end || !std::isfinite(v) || std::abs(v) > 3.0e38)
        return std::nullopt;
    return float(v);
}

QString quoteCell(QByteArrayView cell)
{
    QString s = QString::fromUtf8(cell);
    if (s.size() > 40)
        s = s.left(37) + QStringLiteral("...");
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

Status assignLabels(Dataset &dataset, const QList<RawLabel> &raw, const QString &file, const QString &columnText,
                    const DataOptions &options)
{
    static const QRegularExpression integer(QStringLiteral("^[+-]?[0-9]{1,12}$"));
    bool allIntegers = true;
    for (const RawLabel &r : raw) {
        if (r.text.isEmpty())
            return fail(Error::invalid(QStringLiteral("%1:%2: %3: empty label").arg(file).arg(r.line).arg(columnText)));
        if (allIntegers && !integer.match(r.text).hasMatch())
            allIntegers = false;
    }
    dataset.labels.resize(raw.size());
    if (allIntegers) {
        const qint64 limit = options.classes > 0 ? options.classes : MaxClasses;
        qint64 maxLabel = 0;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            const qint64 v = raw[i].text.toLongLong();
            if (v < 0 || v >= limit)
                return fail(Error::invalid(
                    QStringLiteral("%1:%2: %3: label %4 is out of range (class ids must be 0..%5)")
                        .arg(file)
                        .arg(raw[i].line)
                        .arg(columnText, raw[i].text)
                        .arg(limit - 1)));
            dataset.labels[size_t(i)] = v;
            maxLabel = std::max(maxLabel, v);
        }
        const qint64 classes = options.classes > 0 ? options.classes : maxLabel + 1;
        dataset.classNames.clear();
        for (qint64 c = 0; c < classes; ++c)
            dataset.classNames.append(QString::number(c));
    } else {
        std::set<QString> names;
        for (const RawLabel &r : raw)
            names.insert(r.text);
        if (qint64(names.size()) > MaxClasses)
            return fail(Error::invalid(QStringLiteral("%1: %2 has more than %3 distinct labels")
                                           .arg(file, columnText)
                                           .arg(MaxClasses)));
        if (options.classes > 0 && qint64(names.size()) > options.classes)
            return fail(Error::invalid(QStringLiteral("%1: %2 has %3 distinct labels but %4 classes were expected")
                                           .arg(file, columnText)
                                           .arg(names.size())
                                           .arg(options.classes)));
        dataset.classNames = QStringList(names.begin(), names.end());
        std::map<QString, int64_t> index;
        for (qsizetype i = 0; i < dataset.classNames.size(); ++i)
            index[dataset.classNames[i]] = i;
        for (qsizetype i = 0; i < raw.size(); ++i)
            dataset.labels[size_t(i)] = index[raw[i].text];
    }
    return checkClassCount(dataset, file, columnText);
}

Status checkClassCount(const Dataset &dataset, const QString &file, const QString &what)
{
    const QList<qint64> counts = dataset.classCounts();
    int present = 0;
    int which = -1;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        if (counts[i] > 0) {
            ++present;
            which = int(i);
        }
    }
    if (present < 2)
        return fail(Error::invalid(
            QStringLiteral("%1: only one class (%2) in %3; a classifier needs at least two")
                .arg(file, which >= 0 ? QLatin1Char('\'') + dataset.classNames[which] + QLatin1Char('\'') : QStringLiteral("none"), what)));
    return {};
}

Status applyClassNames(Dataset &dataset, const DataOptions &options)
{
    if (options.classNames.isEmpty())
        return {};
    if (options.classNames.size() < dataset.classNames.size())
        return fail(Error::invalid(QStringLiteral("%1 class names given for %2 classes")
                                       .arg(options.classNames.size())
                                       .arg(dataset.classNames.size())));
    dataset.classNames = options.classNames;
    return {};
}

} // namespace Detail

} // namespace ModelDesk::Training
