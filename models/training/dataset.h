#pragma once
// Dataset: labelled examples loaded into memory and checked, torch-free. Kinds:
//   csv       numeric feature columns + a label column (header detected; label column chosen)
//   text-csv  a text column + a label column
//   idx       IDX image files (Fashion-MNIST layout: train-images-idx3-ubyte[.gz] + train-labels-idx1-ubyte[.gz],
//             optional t10k-* test files used as the test split); gzip is inflated here (zlib)
//   fortunes  a folder of fortune(6) topic files ('%' lines separate texts); the label is the topic
// loadDataset() rejects bad data with one precise line naming the file, line, column and why, and
// never returns a partly loaded set. Value type; loading is blocking file I/O (worker threads).

#include "core/modeltypes.h"
#include "core/result.h"
#include "trainingconfig.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace ModelDesk::Training {

enum class InputKind { Features, Image, Text };

struct Dataset
{
    QString kind;                 // csv, text-csv, idx, fortunes
    QString sourcePath;           // absolute path of the file or folder
    QStringList files;            // files read, in the order hashed
    QString digest;               // SHA-256 over the bytes of `files`, in that order
    QStringList classNames;       // class index -> display name
    std::vector<int64_t> labels;  // one per row, in [0, classNames.size())

    // csv: rows x featureNames.size() raw values, row-major
    QStringList featureNames;
    std::vector<float> features;
    // idx: rows x height x width bytes, row-major
    int height = 0;
    int width = 0;
    std::vector<uint8_t> pixels;
    // text-csv, fortunes
    QStringList texts;

    qint64 testStart = -1;        // rows [testStart, rows) are the data's own test split; -1 = none
    QString labelColumn;          // as resolved (csv, text-csv)
    QString textColumn;

    qint64 rows() const { return qint64(labels.size()); }
    InputKind input() const;
    qint64 featureCount() const;  // per row: feature columns, height*width, or 0 for text
    QList<qint64> classCounts() const;
    // Class balance, columns, image size, test rows...: what DatasetRecord::details holds.
    QJsonObject details() const;
    // A registry record for this data under `name`.
    DatasetRecord toRecord(const QString &name) const;
    // Up to `count` rows as JSON objects ({"label": ..., "text"/"features"/"pixels": ...}) to inspect a sample.
    QJsonArray sample(int count) const;
};

// "csv", "text-csv", "idx" or "fortunes" for a path (see docs/training.md); empty when unknown.
QString detectDatasetKind(const QString &path);

// A dataset name derived from a path ("fashion-mnist", "iris"), following the name rules.
QString defaultDatasetName(const QString &path);

// Loads, parses and checks the data at options.path (kind detected when options.kind is empty).
Result<Dataset> loadDataset(const DataOptions &options);

// The parts, one per kind (dataset*.cpp); loadDataset dispatches to them.
Result<Dataset> loadCsvDataset(const QString &file, const DataOptions &options);
Result<Dataset> loadTextCsvDataset(const QString &file, const DataOptions &options);
Result<Dataset> loadIdxDataset(const QString &path, const DataOptions &options);
Result<Dataset> loadFortunesDataset(const QString &folder, const DataOptions &options);

// The nine fortunes topics used when none are chosen.
QStringList defaultFortuneTopics();

} // namespace ModelDesk::Training
