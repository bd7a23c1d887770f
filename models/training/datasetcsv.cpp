// CSV tables (numeric features + label) and text CSV (text + label).
#include "csvreader.h"
#include "dataset.h"
#include "datasetutil.h"

#include "artifacts/artifactstore.h"

namespace ModelDesk::Training {

using namespace Detail;

namespace {

struct Table
{
    QList<QList<QByteArray>> rows;
    QList<int> lines;          // line of each row
    QStringList header;        // names (generated "column N" when there is no header row)
    bool hasHeader = false;
    int headerLine = 0;
};

bool isNumeric(QByteArrayView cell) { return parseNumber(cell).has_value(); }

// Reads every record and checks that all rows have the same number of columns.
Result<Table> readTable(const QString &file, const QByteArray &bytes, bool textTable)
{
    CsvReader reader(bytes, file);
    Table t;
    QList<QByteArray> fields;
    while (true) {
        auto more = reader.next(fields);
        if (!more)
            return fail(more.error());
        if (!*more)
            break;
        if (fields.size() == 1 && fields[0].isEmpty())
            continue; // a line of blanks
        t.rows.append(fields);
        t.lines.append(reader.line());
    }
    if (t.rows.isEmpty())
        return fail(Error::invalid(QStringLiteral("%1: the file is empty").arg(file)));

    // Header detection: the first row is a header when none of its cells is a number, or when a
    // column is text in the first row and a number in the second (numeric tables with text labels).
    const QList<QByteArray> &first = t.rows.first();
    bool anyNumeric = false;
    for (const QByteArray &c : first)
        anyNumeric = anyNumeric || isNumeric(c);
    bool header = !anyNumeric;
    if (!header && t.rows.size() > 1) {
        const QList<QByteArray> &second = t.rows[1];
        for (qsizetype i = 0; i < first.size() && i < second.size(); ++i) {
            if (!isNumeric(first[i]) && isNumeric(second[i]))
                header = true;
        }
    }
    if (textTable && !header) {
        // A text table's first row is a header when it names the text or label column.
        for (const QByteArray &c : first) {
            const QByteArray l = c.toLower();
            if (l == "text" || l == "label" || l == "class" || l == "target")
                header = true;
        }
    }
    const qsizetype columns = first.size();
    if (header) {
        t.hasHeader = true;
        t.headerLine = t.lines.first();
        for (const QByteArray &c : first)
            t.header.append(QString::fromUtf8(c));
        t.rows.removeFirst();
        t.lines.removeFirst();
    } else {
        for (qsizetype i = 0; i < columns; ++i)
            t.header.append(QStringLiteral("column %1").arg(i + 1));
    }
    for (qsizetype r = 0; r < t.rows.size(); ++r) {
        if (t.rows[r].size() != columns)
            return fail(Error::invalid(QStringLiteral("%1:%2: ragged row: %3 columns, expected %4 (as in line %5)")
                                           .arg(file)
                                           .arg(t.lines[r])
                                           .arg(t.rows[r].size())
                                           .arg(columns)
                                           .arg(header ? t.headerLine : t.lines.first())));
    }
    if (t.rows.isEmpty())
        return fail(Error::invalid(QStringLiteral("%1: no data rows after the header (line %2)").arg(file).arg(t.headerLine)));
    return t;
}

// Finds a column by name (case-insensitive) or 1-based number. `defaults` are tried in order when
// `wanted` is empty; -1 when none matches.
Result<int> findColumn(const Table &t, const QString &file, const QString &wanted, const QStringList &defaults,
                       const QString &what)
{
    if (!wanted.isEmpty()) {
        bool isNumber = false;
        const int n = wanted.toInt(&isNumber);
        if (isNumber) {
            if (n < 1 || n > t.header.size())
                return fail(Error::invalid(QStringLiteral("%1: no %2 column %3: the file has %4 columns")
                                               .arg(file, what)
                                               .arg(n)
                                               .arg(t.header.size())));
            return n - 1;
        }
        for (qsizetype i = 0; i < t.header.size(); ++i) {
            if (t.header[i].compare(wanted, Qt::CaseInsensitive) == 0)
                return int(i);
        }
        if (!t.hasHeader)
            return fail(Error::invalid(
                QStringLiteral("%1:1: missing %2 column '%3': the file has no header row (give a column number)")
                    .arg(file, what, wanted)));
        return fail(Error::invalid(QStringLiteral("%1:%2: missing %3 column '%4' (columns: %5)")
                                       .arg(file)
                                       .arg(t.headerLine)
                                       .arg(what, wanted, t.header.join(QStringLiteral(", ")).left(300))));
    }
    if (t.hasHeader) {
        for (const QString &d : defaults) {
            for (qsizetype i = 0; i < t.header.size(); ++i) {
                if (t.header[i].compare(d, Qt::CaseInsensitive) == 0)
                    return int(i);
            }
        }
    }
    return -1;
}

QString describeColumn(const Table &t, int column)
{
    return t.hasHeader ? QStringLiteral("column %1 ('%2')").arg(column + 1).arg(t.header[column])
                       : QStringLiteral("column %1").arg(column + 1);
}

QString sha256(const QByteArray &bytes) { return Artifacts::ArtifactStore::sha256(bytes); }

} // namespace

Result<Dataset> loadCsvDataset(const QString &file, const DataOptions &options)
{
    auto bytes = readDataFile(file);
    if (!bytes)
        return fail(bytes.error());
    auto table = readTable(file, *bytes, false);
    if (!table)
        return fail(table.error());
    const Table &t = *table;
    if (t.header.size() < 2)
        return fail(Error::invalid(
            QStringLiteral("%1: needs at least one feature column besides the label column (found %2 column)")
                .arg(file)
                .arg(t.header.size())));
    auto labelColumn = findColumn(t, file, options.labelColumn,
                                  {QStringLiteral("label"), QStringLiteral("class"), QStringLiteral("target"),
                                   QStringLiteral("y")},
                                  QStringLiteral("label"));
    if (!labelColumn)
        return fail(labelColumn.error());
    const int label = *labelColumn >= 0 ? *labelColumn : int(t.header.size() - 1);

    Dataset d;
    d.files = {file};
    d.digest = sha256(*bytes);
    d.labelColumn = t.header[label];
    for (qsizetype c = 0; c < t.header.size(); ++c) {
        if (c != label)
            d.featureNames.append(t.header[c]);
    }
    const qsizetype featureCount = d.featureNames.size();
    d.features.resize(size_t(t.rows.size() * featureCount));
    QList<RawLabel> raw;
    raw.reserve(t.rows.size());
    for (qsizetype r = 0; r < t.rows.size(); ++r) {
        const QList<QByteArray> &row = t.rows[r];
        qsizetype f = 0;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c == label)
                continue;
            const auto v = parseNumber(row[c]);
            if (!v) {
                const QString why = row[c].isEmpty() ? QStringLiteral("empty cell (missing value)")
                                                     : quoteCell(row[c]) + QStringLiteral(" is not a number");
                return fail(Error::invalid(
                    QStringLiteral("%1:%2: %3: %4").arg(file).arg(t.lines[r]).arg(describeColumn(t, int(c)), why)));
            }
            d.features[size_t(r * featureCount + f)] = *v;
            ++f;
        }
        raw.append({QString::fromUtf8(row[label]), t.lines[r]});
    }
    if (auto ok = assignLabels(d, raw, file, QStringLiteral("label ") + describeColumn(t, label), options); !ok)
        return fail(ok.error());
    return d;
}

Result<Dataset> loadTextCsvDataset(const QString &file, const DataOptions &options)
{
    auto bytes = readDataFile(file);
    if (!bytes)
        return fail(bytes.error());
    auto table = readTable(file, *bytes, true);
    if (!table)
        return fail(table.error());
    const Table &t = *table;
    if (t.header.size() < 2)
        return fail(Error::invalid(
            QStringLiteral("%1: needs a text column and a label column (found %2 column)").arg(file).arg(t.header.size())));
    auto labelColumn = findColumn(t, file, options.labelColumn,
                                  {QStringLiteral("label"), QStringLiteral("class"), QStringLiteral("target"),
                                   QStringLiteral("topic"), QStringLiteral("y")},
                                  QStringLiteral("label"));
    if (!labelColumn)
        return fail(labelColumn.error());
    auto textColumn = findColumn(t, file, options.textColumn, {QStringLiteral("text")}, QStringLiteral("text"));
    if (!textColumn)
        return fail(textColumn.error());
    int label = *labelColumn;
    int text = *textColumn;
    if (label < 0 && text < 0) {
        if (t.header.size() != 2)
            return fail(Error::invalid(
                QStringLiteral("%1: %2 columns: name the text and label columns (a header with 'text' and 'label')")
                    .arg(file)
                    .arg(t.header.size())));
        text = 0;
        label = 1;
    } else if (label < 0) {
        label = text == int(t.header.size()) - 1 ? 0 : int(t.header.size()) - 1;
    } else if (text < 0) {
        text = label == 0 ? 1 : 0;
    }
    if (label == text)
        return fail(Error::invalid(QStringLiteral("%1: the text and label columns are the same (%2)")
                                       .arg(file, describeColumn(t, label))));

    Dataset d;
    d.files = {file};
    d.digest = sha256(*bytes);
    d.labelColumn = t.header[label];
    d.textColumn = t.header[text];
    QList<RawLabel> raw;
    raw.reserve(t.rows.size());
    d.texts.reserve(t.rows.size());
    for (qsizetype r = 0; r < t.rows.size(); ++r) {
        d.texts.append(QString::fromUtf8(t.rows[r][text]));
        raw.append({QString::fromUtf8(t.rows[r][label]), t.lines[r]});
    }
    if (auto ok = assignLabels(d, raw, file, QStringLiteral("label ") + describeColumn(t, label), options); !ok)
        return fail(ok.error());
    return d;
}

} // namespace ModelDesk::Training
