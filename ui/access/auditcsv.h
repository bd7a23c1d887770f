#pragma once
// Writing audit entries as CSV (RFC 4180): a header row, then id, time (UTC, ISO 8601), actor,
// action, target, detail. Fields with a comma, quote, CR or LF are quoted with doubled quotes.
// A field that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
// leading apostrophe, so opening an exported log never executes what a client put in it.

#include "core/modeltypes.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

namespace AuditCsv {

QString field(const QString &value);          // one field, quoted when needed
QByteArray row(const ModelDesk::AuditEntry &entry);
QByteArray header();
// Writes header + rows to `device` (open for writing); Io on a failed write.
ModelDesk::Status write(QIODevice &device, const QList<ModelDesk::AuditEntry> &entries);
// Writes the file atomically (QSaveFile): all rows or, on failure, the old file untouched.
ModelDesk::Status writeFile(const QString &path, const QList<ModelDesk::AuditEntry> &entries);

} // namespace AuditCsv
