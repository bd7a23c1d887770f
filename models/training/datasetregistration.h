#pragma once
// Datasets in the registry (lineage): a trained version points at the SHA-256 of the data it was
// trained on, and the dataset record says where that data came from, its size, classes and balance,
// and the options it was read with (details.options), so `--data NAME` reads it the same way again.
// Blocking (file and database I/O): worker threads only.

#include "core/result.h"
#include "dataset.h"
#include "trainingconfig.h"

namespace ModelDesk::Registry {
class ModelRegistry;
}

namespace ModelDesk::Training {

struct RegisteredDataset
{
    Dataset data;
    DatasetRecord record;
    bool created = false;      // registered by this call
};

// options.path set: loads and checks the data, then registers it under options.dataset (or a name
// derived from the path) unless a dataset with that name and digest exists. A derived name taken by
// other data gets the digest's first 8 characters appended; an explicit name taken by other data is
// AlreadyExists. options.path empty: loads the registered dataset options.dataset from its source,
// with its stored options, and checks that the bytes still have the registered digest (Corrupt if not).
// Bad data: InvalidArgument naming file, line, column and why; nothing is registered.
Result<RegisteredDataset> loadAndRegisterDataset(Registry::ModelRegistry &registry, const DataOptions &options,
                                                 const QString &actor);

// The reading options stored with a dataset record (kind, columns, topics, classes).
QJsonObject readingOptionsJson(const DataOptions &options);
DataOptions dataOptionsFromRecord(const DatasetRecord &record);

} // namespace ModelDesk::Training
