#include "testsampleloader.h"

#include "registry/modelcatalog.h"
#include "training/datasetregistration.h"
#include "training/datasplit.h"
#include "training/trainingconfig.h"

#include <QJsonObject>
#include <QRandomGenerator>

using namespace ModelDesk;

struct TestSampleLoader::Split
{
    QString dataset;
    int height = 0;
    int width = 0;
    QStringList classNames;
    std::vector<int64_t> rows;     // dataset rows of the test split
    std::vector<uint8_t> pixels;   // rows.size() * height * width, in the order of `rows`
    std::vector<int64_t> labels;   // one per entry of `rows`
};

TestSampleLoader::TestSampleLoader(Registry::ModelCatalog &catalog)
    : m_catalog(catalog)
{
}

TestSampleLoader::~TestSampleLoader() = default;

bool TestSampleLoader::canSample(const VersionInfo &version, QString *why)
{
    const auto say = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    if (version.params.value(QStringLiteral("data_kind")).toString() != QLatin1String("idx"))
        return say(QObject::tr("test samples exist for versions trained on an IDX image dataset; this one was %1")
                       .arg(version.lineage.source == QLatin1String("training") ? QObject::tr("trained on other data")
                                                                                : QObject::tr("imported")));
    if (version.params.value(QStringLiteral("dataset")).toString().isEmpty())
        return say(QObject::tr("the version does not name the dataset it was trained on"));
    return true;
}

Result<std::shared_ptr<const TestSampleLoader::Split>> TestSampleLoader::split(const VersionInfo &version)
{
    const QString name = version.params.value(QStringLiteral("dataset")).toString();
    const QJsonObject split = version.params.value(QStringLiteral("split")).toObject();
    const double validationFraction = split.value(QStringLiteral("validation_fraction")).toDouble(0.1);
    const double testFraction = split.value(QStringLiteral("test_fraction")).toDouble(0.1);
    // Seeds are 64-bit and travel as decimal strings (see TrainingConfig::toJson).
    const QJsonValue seedValue = version.params.value(QStringLiteral("seed"));
    const quint64 seed = seedValue.isString() ? seedValue.toString().toULongLong()
                                              : quint64(seedValue.toDouble(double(Training::TrainingConfig{}.seed)));
    const QString key = version.lineage.datasetDigest + u'/' + QString::number(validationFraction) + u'/'
                        + QString::number(testFraction) + u'/' + QString::number(seed);
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_splits.constFind(key); it != m_splits.constEnd())
            return *it;
    }
    auto record = m_catalog.registry().dataset(name);
    if (!record)
        return fail(record.error());
    Training::DataOptions options = Training::dataOptionsFromRecord(*record);
    options.validationFraction = validationFraction;
    options.testFraction = testFraction;
    auto data = Training::loadDataset(options);
    if (!data)
        return fail(data.error());
    if (!version.lineage.datasetDigest.isEmpty() && data->digest != version.lineage.datasetDigest)
        return fail(Error::corrupt(QObject::tr("the files of dataset '%1' changed since this version was trained "
                                               "(SHA-256 %2, trained on %3)")
                                       .arg(name, data->digest.left(12), version.lineage.datasetDigest.left(12))));
    if (data->height <= 0 || data->width <= 0)
        return fail(Error::unsupported(QObject::tr("dataset '%1' holds no images").arg(name)));
    auto indices = Training::splitDataset(*data, validationFraction, testFraction, seed);
    if (!indices)
        return fail(indices.error());
    if (indices->test.empty())
        return fail(Error::notFound(QObject::tr("dataset '%1' has an empty test split").arg(name)));

    auto s = std::make_shared<Split>();
    s->dataset = name;
    s->height = data->height;
    s->width = data->width;
    s->classNames = data->classNames;
    s->rows = indices->test;
    const size_t pixelsPerImage = size_t(data->height) * size_t(data->width);
    s->pixels.reserve(s->rows.size() * pixelsPerImage);
    s->labels.reserve(s->rows.size());
    for (int64_t row : s->rows) {
        const auto begin = data->pixels.begin() + std::ptrdiff_t(size_t(row) * pixelsPerImage);
        s->pixels.insert(s->pixels.end(), begin, begin + std::ptrdiff_t(pixelsPerImage));
        s->labels.push_back(data->labels[size_t(row)]);
    }
    std::lock_guard lock(m_mutex);
    m_splits.insert(key, s);
    return std::shared_ptr<const Split>(s);
}

Result<TestSample> TestSampleLoader::sample(const VersionInfo &version)
{
    QString why;
    if (!canSample(version, &why))
        return fail(Error::unsupported(why));
    auto s = split(version);
    if (!s)
        return fail(s.error());
    const Split &split = **s;
    const size_t pick = size_t(QRandomGenerator::global()->bounded(quint64(split.rows.size())));
    const size_t pixelsPerImage = size_t(split.height) * size_t(split.width);
    TestSample out;
    out.dataset = split.dataset;
    out.row = split.rows[pick];
    out.testRows = qint64(split.rows.size());
    out.height = split.height;
    out.width = split.width;
    const auto begin = split.pixels.begin() + std::ptrdiff_t(pick * pixelsPerImage);
    out.pixels.assign(begin, begin + std::ptrdiff_t(pixelsPerImage));
    out.label = int(split.labels[pick]);
    out.labelName = split.classNames.value(out.label);
    return out;
}
