#include "csvreader.h"

namespace ModelDesk::Training {

CsvReader::CsvReader(QByteArray data, QString fileName) : m_data(std::move(data)), m_fileName(std::move(fileName))
{
    if (m_data.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte-order mark is not part of the first header name
        m_pos = 3;
    const qsizetype eol = m_data.indexOf('\n', m_pos);
    const QByteArray first = m_data.mid(m_pos, eol < 0 ? -1 : eol - m_pos);
    if (!first.contains(',')) {
        if (first.contains('\t'))
            m_separator = '\t';
        else if (first.contains(';'))
            m_separator = ';';
    }
}

Result<bool> CsvReader::next(QList<QByteArray> &fields)
{
    fields.clear();
    const qsizetype n = m_data.size();
    // Skip empty lines between records.
    while (m_pos < n && (m_data[m_pos] == '\n' || m_data[m_pos] == '\r')) {
        if (m_data[m_pos] == '\n')
            ++m_line;
        ++m_pos;
    }
    if (m_pos >= n)
        return false;
    m_recordLine = m_line;
    QByteArray field;
    bool quoted = false;
    bool wasQuoted = false;
    while (m_pos < n) {
        const char c = m_data[m_pos];
        if (quoted) {
            if (c == '"') {
                if (m_pos + 1 < n && m_data[m_pos + 1] == '"') {
                    field.append('"');
                    m_pos += 2;
                    continue;
                }
                quoted = false;
                ++m_pos;
                continue;
            }
            if (c == '\n')
                ++m_line;
            field.append(c);
            ++m_pos;
            continue;
        }
        if (c == '"' && field.isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
            ++m_pos;
            continue;
        }
        if (c == m_separator) {
            fields.append(wasQuoted ? field : field.trimmed());
            field.clear();
            wasQuoted = false;
            ++m_pos;
            continue;
        }
        if (c == '\n' || c == '\r') {
            // End of record: "\r\n", "\n" or a lone "\r".
            if (c == '\r' && m_pos + 1 < n && m_data[m_pos + 1] == '\n')
                ++m_pos;
            ++m_pos;
            ++m_line;
            fields.append(wasQuoted ? field : field.trimmed());
            return true;
        }
        field.append(c);
        ++m_pos;
    }
    if (quoted)
        return fail(Error::invalid(
            QStringLiteral("%1:%2: unterminated quoted field").arg(m_fileName).arg(m_recordLine)));
    fields.append(wasQuoted ? field : field.trimmed());
    return true;
}

} // namespace ModelDesk::Training
