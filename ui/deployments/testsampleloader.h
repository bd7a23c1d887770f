#pragma once
// TestSampleLoader: a random image of the test split a version was evaluated on, for the try-it
// panel's "pick a test sample". Works for versions trained on an IDX dataset (params.data_kind
// "idx"): the dataset record gives the files and reading options, the version's params give the
// split fractions and seed, so the sample comes from the very rows the model never trained on.
// The test split is kept after the first load (per dataset digest).
//
// Threads: sample() blocks (file I/O, gunzip, registry read): call it on a worker thread; it is
// thread-safe. Ownership: the catalog must outlive the loader.

#include "core/modeltypes.h"
#include "core/result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace ModelDesk::Registry {
class ModelCatalog;
}

struct TestSample
{
    QString dataset;
    qint64 row = 0;             // row in the dataset
    qint64 testRows = 0;        // size of the test split it was drawn from
    int height = 0;
    int width = 0;
    std::vector<uint8_t> pixels; // height * width grey values, row-major
    int label = -1;
    QString labelName;
};

class TestSampleLoader final
{
public:
    explicit TestSampleLoader(ModelDesk::Registry::ModelCatalog &catalog);
    ~TestSampleLoader();
    TestSampleLoader(const TestSampleLoader &) = delete;
    TestSampleLoader &operator=(const TestSampleLoader &) = delete;

    // Whether the version's metadata allows a test sample at all (cheap, any thread). When not,
    // `why` says what is missing.
    static bool canSample(const ModelDesk::VersionInfo &version, QString *why = nullptr);

    // A random row of the version's test split. NotFound (dataset record or files gone),
    // Corrupt (the files no longer have the digest the version was trained on), Unsupported (not
    // an IDX-trained version).
    ModelDesk::Result<TestSample> sample(const ModelDesk::VersionInfo &version);

private:
    struct Split;
    ModelDesk::Result<std::shared_ptr<const Split>> split(const ModelDesk::VersionInfo &version);

    ModelDesk::Registry::ModelCatalog &m_catalog;
    std::mutex m_mutex;
    QHash<QString, std::shared_ptr<const Split>> m_splits; // by dataset digest + split settings
};
