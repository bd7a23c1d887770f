// CSV reader (RFC 4180 records, quoted fields, separator sniffing) as used by the CSV and text-CSV
// dataset loaders: reads every record, then loads the same bytes as a tabular dataset and as a
// text dataset through the real loaders (the file goes to a temporary directory).
#include "training/csvreader.h"
#include "training/dataset.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdlib>

using namespace ModelDesk;

namespace {
const QTemporaryDir &tempDir()
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/modeldesk-fuzz-csv-XXXXXX"));
    return dir;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Training::CsvReader reader(bytes, QStringLiteral("fuzz.csv"));
    QList<QByteArray> fields;
    int records = 0;
    while (true) {
        auto more = reader.next(fields);
        if (!more || !*more)
            break;
        if (++records > 1000000)
            std::abort(); // no progress: the reader loops
    }

    const QString path = tempDir().filePath(QStringLiteral("data.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    f.write(bytes);
    f.close();
    Training::DataOptions options;
    (void)Training::loadCsvDataset(path, options);
    (void)Training::loadTextCsvDataset(path, options);
    return 0;
}
