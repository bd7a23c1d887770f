#pragma once
// Small formatting helpers shared by the console's item models, pages and dialogs, so a size or a
// date reads the same everywhere.

#include "core/modeltypes.h"
#include "core/result.h"

#include <QDateTime>
#include <QString>

namespace UiFormat {

// "1.4 MiB (1,468,006 bytes)" style: humanSize gives the short part only.
QString humanSize(qint64 bytes);
QString sizeWithBytes(qint64 bytes);
QString shortDigest(const QString &digest);        // first 12 hex characters
QString dateTime(const QDateTime &utc);            // local time, ISO-like, seconds precision
QString number(qint64 value);                      // locale-grouped digits
QString tensorSpec(const ModelDesk::TensorSpec &spec); // "x: FP32 [-1, 4]"
QString jsonValue(const QJsonValue &value);        // compact text for metrics/params values
QString tagsText(const QMap<QString, QString> &tags); // "k=v, k2=v2"
QString errorText(const ModelDesk::Error &error);  // the one line a user reads
// A model name derived from a file name ("My Model v2.pt" -> "my-model-v2"), valid when possible.
QString suggestedModelName(const QString &fileName);

} // namespace UiFormat
