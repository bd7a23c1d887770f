// fortune(6) topic files as a text-classification set: each topic file holds texts separated by lines
// that contain only '%'; the label of a text is its topic (the file name).
#include "dataset.h"
#include "datasetutil.h"

#include "artifacts/artifactstore.h"
#include <QDir>
#include <QFileInfo>

namespace ModelDesk::Training {

using namespace Detail;

Result<Dataset> loadFortunesDataset(const QString &folder, const DataOptions &options)
{
    QStringList topics = options.topics.isEmpty() ? defaultFortuneTopics() : options.topics;
    topics.removeDuplicates();
    topics.sort();
    if (topics.size() < 2)
        return fail(Error::invalid(QStringLiteral("fortunes: give at least two topics (got %1)").arg(topics.join(QLatin1Char(',')))));
    const QDir dir(folder);
    Dataset d;
    QByteArray hashed; // every topic file's bytes, in order, for the digest
    QList<RawLabel> raw;
    for (const QString &topic : topics) {
        if (topic.contains(QLatin1Char('/')) || topic.startsWith(QLatin1Char('.')))
            return fail(Error::invalid(QStringLiteral("fortunes: '%1' is not a topic name").arg(topic)));
        const QString file = dir.filePath(topic);
        if (!QFileInfo(file).isFile()) {
            QStringList available = dir.entryList({QStringLiteral("*.dat")}, QDir::Files, QDir::Name);
            for (QString &a : available)
                a.chop(4);
            return fail(Error::notFound(QStringLiteral("%1: no such fortunes topic (available: %2)")
                                            .arg(file, available.join(QStringLiteral(", ")).left(400))));
        }
        auto bytes = readDataFile(file);
        if (!bytes)
            return fail(bytes.error());
        hashed.append(*bytes);
        d.files.append(file);
        const QString text = QString::fromUtf8(*bytes);
        const QStringList lines = text.split(QLatin1Char('\n'));
        QString current;
        int texts = 0;
        int startLine = 1;
        auto flush = [&](int line) {
            const QString t = current.trimmed();
            if (!t.isEmpty()) {
                d.texts.append(t);
                raw.append({topic, startLine});
                ++texts;
            }
            current.clear();
            startLine = line + 1;
        };
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i] == QLatin1String("%") || lines[i] == QLatin1String("%\r")) {
                flush(int(i + 1));
                continue;
            }
            current += lines[i];
            current += QLatin1Char('\n');
        }
        flush(int(lines.size()));
        if (texts == 0)
            return fail(Error::invalid(QStringLiteral("%1: no texts in the topic file").arg(file)));
    }
    d.digest = Artifacts::ArtifactStore::sha256(hashed);
    // Topic names are the classes, in sorted order (assignLabels sorts text labels the same way).
    if (auto ok = assignLabels(d, raw, folder, QStringLiteral("topics"), options); !ok)
        return fail(ok.error());
    return d;
}

} // namespace ModelDesk::Training
