#pragma once
// Internal helpers shared by the dataset loaders (dataset*.cpp). Not part of the library's API.

#include "core/result.h"
#include "dataset.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include <optional>

namespace ModelDesk::Training::Detail {

inline constexpr qint64 MaxDataFileBytes = qint64(4) << 30; // 4 GiB
inline constexpr int MaxClasses = 100000;

// Whole file; NotFound / Io / InvalidArgument ("<file>: the file is empty") with the file named.
Result<QByteArray> readDataFile(const QString &path);

// A raw label as read, with where it came from (for error messages).
struct RawLabel
{
    QString text;
    int line = 0;  // 1-based line (CSV) or item index (IDX, 0-based), see `where`
};

// Maps raw labels to class ids and sets dataset.labels / classNames:
// all integers -> the integers are the ids (0..N-1, N = options.classes or max+1);
// otherwise the distinct texts, sorted, are the classes. Errors name the file, line and column.
Status assignLabels(Dataset &dataset, const QList<RawLabel> &raw, const QString &file, const QString &columnText,
                    const DataOptions &options);

// "only one class" and option checks shared by every kind.
Status checkClassCount(const Dataset &dataset, const QString &file, const QString &what);

// Applies options.classNames (must cover every class).
Status applyClassNames(Dataset &dataset, const DataOptions &options);

// Parses a finite float; nullopt when the text is not a number.
std::optional<float> parseNumber(QByteArrayView text);

// Quotes a cell for an error message, cut to a readable length.
QString quoteCell(QByteArrayView cell);

} // namespace ModelDesk::Training::Detail
