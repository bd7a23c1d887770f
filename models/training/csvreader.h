#pragma once
// CsvReader: RFC 4180 records from bytes (UTF-8), with the line number where each record starts, so
// that data errors can name file, line and column. Quoted fields may hold separators, doubled quotes
// and line breaks. The separator is ',' unless the first line has tabs or semicolons and no commas.
// Not thread-safe (a cursor); cheap to construct.

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ModelDesk::Training {

class CsvReader
{
public:
    CsvReader(QByteArray data, QString fileName);

    // Reads the next record into `fields`; false at the end. Lines that are entirely empty are
    // skipped. InvalidArgument for an unterminated quote ("<file>:<line>: unterminated quoted field").
    Result<bool> next(QList<QByteArray> &fields);
    int line() const { return m_recordLine; } // 1-based line where the last record started
    char separator() const { return m_separator; }
    QString fileName() const { return m_fileName; }

private:
    QByteArray m_data;
    QString m_fileName;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_recordLine = 0;
    char m_separator = ',';
};

} // namespace ModelDesk::Training
