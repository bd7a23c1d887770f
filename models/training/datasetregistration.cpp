#include "datasetregistration.h"

#include "core/names.h"
#include "registry/modelregistry.h"

#include <QJsonArray>

namespace ModelDesk::Training {

QJsonObject readingOptionsJson(const DataOptions &options)
{
    QJsonObject o{{QStringLiteral("kind"), options.kind}};
    if (!options.labelColumn.isEmpty())
        o.insert(QStringLiteral("label_column"), options.labelColumn);
    if (!options.textColumn.isEmpty())
        o.insert(QStringLiteral("text_column"), options.textColumn);
    if (!options.topics.isEmpty())
        o.insert(QStringLiteral("topics"), QJsonArray::fromStringList(options.topics));
    if (options.classes > 0)
        o.insert(QStringLiteral("classes"), options.classes);
    if (!options.classNames.isEmpty())
        o.insert(QStringLiteral("class_names"), QJsonArray::fromStringList(options.classNames));
    return o;
}

DataOptions dataOptionsFromRecord(const DatasetRecord &record)
{
    const QJsonObject o = record.details.value(QStringLiteral("options")).toObject();
    DataOptions d;
    d.path = record.sourcePath;
    d.dataset = record.name;
    d.kind = record.kind;
    d.labelColumn = o.value(QStringLiteral("label_column")).toString();
    d.textColumn = o.value(QStringLiteral("text_column")).toString();
    for (const QJsonValue &t : o.value(QStringLiteral("topics")).toArray())
        d.topics.append(t.toString());
    d.classes = o.value(QStringLiteral("classes")).toInt();
    for (const QJsonValue &c : o.value(QStringLiteral("class_names")).toArray())
        d.classNames.append(c.toString());
    return d;
}

Result<RegisteredDataset> loadAndRegisterDataset(Registry::ModelRegistry &registry, const DataOptions &options,
                                                 const QString &actor)
{
    RegisteredDataset out;
    if (options.path.isEmpty()) {
        auto record = registry.dataset(options.dataset);
        if (!record)
            return fail(record.error());
        DataOptions stored = dataOptionsFromRecord(*record);
        // Split and text settings belong to the run, not to the dataset.
        stored.validationFraction = options.validationFraction;
        stored.testFraction = options.testFraction;
        stored.maxVocabulary = options.maxVocabulary;
        stored.minCount = options.minCount;
        stored.hashBuckets = options.hashBuckets;
        stored.maxTokens = options.maxTokens;
        auto data = loadDataset(stored);
        if (!data)
            return fail(data.error());
        if (data->digest != record->digest)
            return fail(Error::corrupt(QStringLiteral("dataset '%1' changed since it was registered: %2 now has SHA-256 %3, "
                                                      "registered %4")
                                           .arg(record->name, record->sourcePath, data->digest.left(12), record->digest.left(12))));
        out.data = std::move(*data);
        out.record = *record;
        return out;
    }

    auto data = loadDataset(options);
    if (!data)
        return fail(data.error());
    out.data = std::move(*data);
    const bool explicitName = !options.dataset.isEmpty();
    QString name = explicitName ? options.dataset : defaultDatasetName(options.path);
    if (auto ok = Names::checkName(name, QStringLiteral("dataset")); !ok)
        return fail(ok.error());
    DataOptions reading = options;
    reading.kind = out.data.kind;
    bool renamed = false;
    // A few rounds: another process may register the same name between our look-up and insert.
    for (int round = 0; round < 4; ++round) {
        auto existing = registry.dataset(name);
        if (existing) {
            if (existing->digest == out.data.digest) {
                out.record = *existing;
                return out;
            }
            if (explicitName || renamed)
                return fail(Error::exists(QStringLiteral("dataset name '%1' is registered for other data (SHA-256 %2, from %3); "
                                                         "choose another dataset name")
                                              .arg(name, existing->digest.left(12), existing->sourcePath)));
            name = name.left(55) + QLatin1Char('-') + out.data.digest.left(8);
            renamed = true;
            continue;
        }
        if (existing.error().code != Error::Code::NotFound)
            return fail(existing.error());
        DatasetRecord record = out.data.toRecord(name);
        record.details.insert(QStringLiteral("options"), readingOptionsJson(reading));
        auto created = registry.registerDataset(record, actor);
        if (created) {
            out.record = *created;
            out.created = true;
            return out;
        }
        if (created.error().code != Error::Code::AlreadyExists)
            return fail(created.error());
    }
    return fail(Error::internal(QStringLiteral("cannot register dataset '%1'").arg(name)));
}

} // namespace ModelDesk::Training
