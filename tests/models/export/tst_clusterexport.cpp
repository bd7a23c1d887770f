// Export for cluster engines: Triton's config.pbtxt (parsed strictly by protobuf's text-format
// parser against Triton's documented schema), the repository layout written from a real registry,
// and the KServe InferenceService manifest (parsed as YAML).

#include "exporttestutil.h"
#include "testmodels.h"
#include "triton_model_config.pb.h"

#include "registry/clusterexport.h"
#include "registry/modelcatalog.h"
#include "registry/modelregistry.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

using namespace ModelDesk;
using namespace ModelDesk::Registry;
using namespace ModelDesk::ExportTest;

namespace {

class Collector final : public google::protobuf::io::ErrorCollector
{
public:
    QStringList errors;
    void AddError(int line, google::protobuf::io::ColumnNumber column, const std::string &message) override
    {
        errors
            << QStringLiteral("%1:%2: %3").arg(line + 1).arg(column + 1).arg(QString::fromStdString(message));
    }
};

// Strict: unknown fields, bad enum values and wrong types fail, as in Triton's own loader.
bool parseConfig(const QString &text, inference::ModelConfig *config, QString *why)
{
    google::protobuf::TextFormat::Parser parser;
    Collector collector;
    parser.RecordErrorsTo(&collector);
    if (parser.ParseFromString(text.toStdString(), config))
        return true;
    *why = collector.errors.join(QStringLiteral("; "));
    return false;
}

TensorSpec spec(const QString &name, const QString &dtype, QList<qint64> shape)
{
    return TensorSpec{name, dtype, std::move(shape)};
}

VersionInfo version(int number, QList<TensorSpec> inputs, QList<TensorSpec> outputs,
                    const QString &model = QStringLiteral("mlp"))
{
    VersionInfo v;
    v.model = model;
    v.version = number;
    v.signature.inputs = std::move(inputs);
    v.signature.outputs = std::move(outputs);
    return v;
}

VersionInfo mlpVersion(int number)
{
    return version(number, {spec(QStringLiteral("x"), QStringLiteral("FP32"), {-1, 784})},
                   {spec(QStringLiteral("output__0"), QStringLiteral("FP32"), {-1, 10})});
}

DeploymentHints hints(int maxBatch, int delayUs, int workers)
{
    DeploymentHints h;
    h.deployment = QStringLiteral("fashion");
    h.model = QStringLiteral("mlp");
    h.maxBatchSize = maxBatch;
    h.maxQueueDelayUs = delayUs;
    h.workers = workers;
    return h;
}

// The JSON a runtime DeploymentSpec::toJson writes (see models/runtime/inferenceengine.h).
QJsonObject deploymentSpec(const QString &name, const QString &model, QJsonValue version,
                           QJsonValue canaryVersion, int canaryPercent, int maxBatch = 16, int delayUs = 1000,
                           int workers = 2)
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("model"), model},
        {QStringLiteral("version"), version},
        {QStringLiteral("alias"), QString()},
        {QStringLiteral("canary_version"), canaryVersion},
        {QStringLiteral("canary_percent"), canaryPercent},
        {QStringLiteral("sticky_header"), QString()},
        {QStringLiteral("public"), false},
        {QStringLiteral("batching"), QJsonObject{{QStringLiteral("max_batch_size"), maxBatch},
                                                 {QStringLiteral("max_queue_delay_us"), delayUs},
                                                 {QStringLiteral("workers"), workers},
                                                 {QStringLiteral("intra_op_threads"), 1},
                                                 {QStringLiteral("queue_capacity"), 1024},
                                                 {QStringLiteral("request_timeout_ms"), 30000},
                                                 {QStringLiteral("idle_unload_seconds"), 0}}}};
}

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace

class tst_ClusterExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parserIsStrict();
    void dataTypes_data();
    void dataTypes();
    void deploymentHintsAreReadTolerantly();
    void deploymentHintsPreferTheServingDeployment();
    void batchableConfigFromDeployment();
    void configWithoutDeployment();
    void notBatchableShapes();
    void batchedScalarsAreReshaped();
    void multipleInputsAndOutputs();
    void missingDtypeNeedsOverride();
    void versionsMustShareSignature();
    void repositoryFromRegistry();
    void existingFolderNeedsOverwrite();
    void badReferenceWritesNothing();
    void encryptedWorkspaceNeedsConsent();
    void kserveNames_data();
    void kserveNames();
    void kserveManifest();
    void kserveCanaryFromDeployment();
};

void tst_ClusterExport::parserIsStrict()
{
    inference::ModelConfig config;
    QString why;
    QVERIFY(parseConfig(QStringLiteral("name: \"m\"\nplatform: \"pytorch_libtorch\"\nmax_batch_size: 4\n"),
                        &config, &why));
    QCOMPARE(config.max_batch_size(), 4);
    QVERIFY(!parseConfig(QStringLiteral("name: \"m\"\nplatfrom: \"pytorch_libtorch\"\n"), &config, &why));
    QVERIFY2(why.contains(QStringLiteral("platfrom")), qPrintable(why));
    QVERIFY(!parseConfig(QStringLiteral("input [ { name: \"a\" data_type: FP32 } ]\n"), &config, &why));
}

void tst_ClusterExport::dataTypes_data()
{
    QTest::addColumn<QString>("kserve");
    QTest::addColumn<QString>("triton");
    QTest::newRow("FP32") << "FP32"
                          << "TYPE_FP32";
    QTest::newRow("fp16 lower case") << "fp16"
                                     << "TYPE_FP16";
    QTest::newRow("INT64") << "INT64"
                           << "TYPE_INT64";
    QTest::newRow("UINT8") << "UINT8"
                           << "TYPE_UINT8";
    QTest::newRow("BOOL") << "BOOL"
                          << "TYPE_BOOL";
    QTest::newRow("BF16") << "BF16"
                          << "TYPE_BF16";
    QTest::newRow("BYTES") << "BYTES"
                           << "TYPE_STRING";
    QTest::newRow("unknown") << "FLOAT"
                             << "";
    QTest::newRow("empty") << ""
                           << "";
}

void tst_ClusterExport::dataTypes()
{
    QFETCH(QString, kserve);
    QFETCH(QString, triton);
    QCOMPARE(tritonDataType(kserve), triton);
    if (!triton.isEmpty()) {
        // Every name we produce is a value of Triton's DataType enum.
        inference::DataType parsed;
        QVERIFY(inference::DataType_Parse(triton.toStdString(), &parsed));
    }
}

void tst_ClusterExport::deploymentHintsAreReadTolerantly()
{
    const DeploymentHints h = deploymentHintsFromSpec(
        QStringLiteral("fashion"),
        deploymentSpec(QStringLiteral("fashion"), QStringLiteral("mlp"), 3, 4, 25, 32, 2500, 3));
    QVERIFY(h.found());
    QCOMPARE(h.model, QStringLiteral("mlp"));
    QCOMPARE(h.version, std::optional<int>(3));
    QCOMPARE(h.canaryVersion, std::optional<int>(4));
    QCOMPARE(h.canaryPercent, 25);
    QCOMPARE(h.maxBatchSize, 32);
    QCOMPARE(h.maxQueueDelayUs, 2500);
    QCOMPARE(h.workers, 3);

    // camelCase keys, numbers as strings, no batching object, a null version: defaults where missing.
    const DeploymentHints loose =
        deploymentHintsFromSpec({}, QJsonObject{{QStringLiteral("name"), QStringLiteral("d2")},
                                                {QStringLiteral("model"), QStringLiteral("mlp")},
                                                {QStringLiteral("version"), QJsonValue::Null},
                                                {QStringLiteral("alias"), QStringLiteral("production")},
                                                {QStringLiteral("canaryPercent"), QStringLiteral("40")},
                                                {QStringLiteral("maxBatchSize"), QStringLiteral("12")}});
    QCOMPARE(loose.deployment, QStringLiteral("d2"));
    QVERIFY(!loose.version);
    QCOMPARE(loose.alias, QStringLiteral("production"));
    QCOMPARE(loose.canaryPercent, 0); // no canary version: no canary share
    QCOMPARE(loose.maxBatchSize, 12);
    QCOMPARE(loose.maxQueueDelayUs, 500);
    QCOMPARE(loose.workers, 1);
}

void tst_ClusterExport::deploymentHintsPreferTheServingDeployment()
{
    const QList<DeploymentRecord> records{
        {QStringLiteral("a-old"),
         deploymentSpec(QStringLiteral("a-old"), QStringLiteral("mlp"), 1, QJsonValue::Null, 0, 4),
         {}},
        {QStringLiteral("b-new"),
         deploymentSpec(QStringLiteral("b-new"), QStringLiteral("mlp"), 2, QJsonValue::Null, 0, 64),
         {}},
        {QStringLiteral("other"),
         deploymentSpec(QStringLiteral("other"), QStringLiteral("linear"), 2, QJsonValue::Null, 0),
         {}},
    };
    QCOMPARE(findDeploymentHints(records, QStringLiteral("mlp"), {mlpVersion(2)}).deployment,
             QStringLiteral("b-new"));
    QCOMPARE(findDeploymentHints(records, QStringLiteral("mlp"), {mlpVersion(1)}).deployment,
             QStringLiteral("a-old"));
    // No deployment serves version 7: the first of the model's deployments by name.
    QCOMPARE(findDeploymentHints(records, QStringLiteral("mlp"), {mlpVersion(7)}).deployment,
             QStringLiteral("a-old"));
    QVERIFY(!findDeploymentHints(records, QStringLiteral("nothing"), {mlpVersion(1)}).found());
    VersionInfo aliased = mlpVersion(5);
    aliased.aliases = {QStringLiteral("production")};
    const QList<DeploymentRecord> byAlias{
        {QStringLiteral("a"),
         deploymentSpec(QStringLiteral("a"), QStringLiteral("mlp"), 1, QJsonValue::Null, 0),
         {}},
        {QStringLiteral("z"),
         QJsonObject{{QStringLiteral("model"), QStringLiteral("mlp")},
                     {QStringLiteral("alias"), QStringLiteral("production")}},
         {}}};
    QCOMPARE(findDeploymentHints(byAlias, QStringLiteral("mlp"), {aliased}).deployment, QStringLiteral("z"));
}

void tst_ClusterExport::batchableConfigFromDeployment()
{
    auto result = tritonModelConfig({mlpVersion(3)}, hints(16, 2000, 2), {});
    QVERIFY2(result, errorText(result));
    inference::ModelConfig c;
    QString why;
    QVERIFY2(parseConfig(result->config, &c, &why), qPrintable(why + QLatin1Char('\n') + result->config));
    QCOMPARE(QString::fromStdString(c.name()), QStringLiteral("mlp"));
    QCOMPARE(QString::fromStdString(c.platform()), QStringLiteral("pytorch_libtorch"));
    QCOMPARE(c.max_batch_size(), 16);
    QCOMPARE(c.input_size(), 1);
    QCOMPARE(QString::fromStdString(c.input(0).name()), QStringLiteral("INPUT__0"));
    QCOMPARE(c.input(0).data_type(), inference::TYPE_FP32);
    QCOMPARE(c.input(0).dims_size(), 1); // the batch dimension is implied by max_batch_size
    QCOMPARE(c.input(0).dims(0), 784);
    QCOMPARE(c.output_size(), 1);
    QCOMPARE(QString::fromStdString(c.output(0).name()), QStringLiteral("OUTPUT__0"));
    QCOMPARE(c.output(0).dims(0), 10);
    QVERIFY(c.has_dynamic_batching());
    QCOMPARE(c.dynamic_batching().max_queue_delay_microseconds(), quint64(2000));
    QCOMPARE(c.instance_group_size(), 1);
    QCOMPARE(c.instance_group(0).count(), 2);
    QCOMPARE(c.instance_group(0).kind(), inference::ModelInstanceGroup::KIND_CPU);
    QVERIFY(c.version_policy().has_specific());
    QCOMPARE(c.version_policy().specific().versions_size(), 1);
    QCOMPARE(c.version_policy().specific().versions(0), 3);
    QCOMPARE(QString::fromStdString(c.parameters().at("INFERENCE_MODE").string_value()),
             QStringLiteral("true"));
    QVERIFY(result->dynamicBatching);
    QCOMPARE(result->deployment, QStringLiteral("fashion"));

    // An explicit max batch size wins over the deployment's.
    TritonExportOptions options;
    options.maxBatchSize = 4;
    auto four = tritonModelConfig({mlpVersion(3)}, hints(16, 2000, 2), options);
    QVERIFY(four);
    QVERIFY(parseConfig(four->config, &c, &why));
    QCOMPARE(c.max_batch_size(), 4);
    options.maxBatchSize = 0;
    auto none = tritonModelConfig({mlpVersion(3)}, hints(16, 2000, 2), options);
    QVERIFY(none);
    QVERIFY(parseConfig(none->config, &c, &why));
    QCOMPARE(c.max_batch_size(), 0);
    QCOMPARE(c.input(0).dims_size(), 2); // full shape when not batching
    QCOMPARE(c.input(0).dims(0), -1);
    QVERIFY(!c.has_dynamic_batching());
}

void tst_ClusterExport::configWithoutDeployment()
{
    auto result = tritonModelConfig({mlpVersion(1)}, {}, {});
    QVERIFY(result);
    inference::ModelConfig c;
    QString why;
    QVERIFY2(parseConfig(result->config, &c, &why), qPrintable(why));
    QCOMPARE(c.max_batch_size(), 8);
    QVERIFY(!c.has_dynamic_batching());
    QCOMPARE(c.instance_group_size(), 0);
    QVERIFY(result->deployment.isEmpty());
}

void tst_ClusterExport::notBatchableShapes()
{
    const VersionInfo fixed = version(1, {spec(QStringLiteral("x"), QStringLiteral("FP64"), {3, 4})},
                                      {spec(QStringLiteral("y"), QStringLiteral("FP64"), {3})});
    auto result = tritonModelConfig({fixed}, hints(16, 500, 1), {});
    QVERIFY(result);
    inference::ModelConfig c;
    QString why;
    QVERIFY2(parseConfig(result->config, &c, &why), qPrintable(why));
    QCOMPARE(c.max_batch_size(), 0);
    QCOMPARE(c.input(0).data_type(), inference::TYPE_FP64);
    QCOMPARE(c.input(0).dims_size(), 2);
    QCOMPARE(c.input(0).dims(0), 3);
    QVERIFY(!c.has_dynamic_batching());

    TritonExportOptions options;
    options.maxBatchSize = 8;
    auto refused = tritonModelConfig({fixed}, {}, options);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::InvalidArgument);
    QVERIFY2(refused.error().message.contains(QStringLiteral("[3,4]")), qPrintable(refused.error().message));
}

void tst_ClusterExport::batchedScalarsAreReshaped()
{
    const VersionInfo scalar = version(1, {spec(QStringLiteral("x"), QStringLiteral("FP32"), {-1, 4})},
                                       {spec(QStringLiteral("score"), QStringLiteral("FP32"), {-1})});
    auto result = tritonModelConfig({scalar}, {}, {});
    QVERIFY(result);
    inference::ModelConfig c;
    QString why;
    QVERIFY2(parseConfig(result->config, &c, &why), qPrintable(why));
    // Triton wants non-empty dims: [1] reshaped to [] is its documented form for this case.
    QCOMPARE(c.output(0).dims_size(), 1);
    QCOMPARE(c.output(0).dims(0), 1);
    QVERIFY(c.output(0).has_reshape());
    QCOMPARE(c.output(0).reshape().shape_size(), 0);
}

void tst_ClusterExport::multipleInputsAndOutputs()
{
    const VersionInfo two = version(2,
                                    {spec(QStringLiteral("ids"), QStringLiteral("INT64"), {-1, 16}),
                                     spec(QStringLiteral("mask"), QStringLiteral("BOOL"), {-1, 16})},
                                    {spec(QStringLiteral("output__0"), QStringLiteral("FP32"), {-1, 3}),
                                     spec(QStringLiteral("output__1"), QStringLiteral("FP32"), {-1, 3})});
    auto result = tritonModelConfig({two}, {}, {});
    QVERIFY(result);
    inference::ModelConfig c;
    QString why;
    QVERIFY2(parseConfig(result->config, &c, &why), qPrintable(why));
    QCOMPARE(c.input_size(), 2);
    QCOMPARE(QString::fromStdString(c.input(1).name()), QStringLiteral("INPUT__1"));
    QCOMPARE(c.input(0).data_type(), inference::TYPE_INT64);
    QCOMPARE(c.input(1).data_type(), inference::TYPE_BOOL);
    QCOMPARE(c.output_size(), 2);
    QCOMPARE(QString::fromStdString(c.output(1).name()), QStringLiteral("OUTPUT__1"));
    // The original tensor names are kept in a comment for the reader.
    QVERIFY(result->config.contains(QStringLiteral("INPUT__1 = mask")));
}

void tst_ClusterExport::missingDtypeNeedsOverride()
{
    // What an imported TorchScript version records: names, no dtype, no shape.
    const VersionInfo imported =
        version(1, {spec(QStringLiteral("x"), {}, {})}, {spec(QStringLiteral("output__0"), {}, {})});
    auto refused = tritonModelConfig({imported}, {}, {});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::InvalidArgument);
    QVERIFY2(refused.error().message.contains(QStringLiteral("--input")),
             qPrintable(refused.error().message));

    TritonExportOptions options;
    options.inputs = {spec({}, QStringLiteral("FP32"), {-1, 784})};
    auto outputMissing = tritonModelConfig({imported}, {}, options);
    QVERIFY(!outputMissing);
    QVERIFY2(outputMissing.error().message.contains(QStringLiteral("--output")),
             qPrintable(outputMissing.error().message));

    options.outputs = {spec({}, QStringLiteral("FP32"), {-1, 10})};
    auto filled = tritonModelConfig({imported}, {}, options);
    QVERIFY2(filled, errorText(filled));
    inference::ModelConfig c;
    QString why;
    QVERIFY2(parseConfig(filled->config, &c, &why), qPrintable(why));
    QCOMPARE(c.input(0).dims(0), 784);

    options.inputs << spec({}, QStringLiteral("FP32"), {-1, 1});
    auto tooMany = tritonModelConfig({imported}, {}, options);
    QVERIFY(!tooMany);
    QCOMPARE(tooMany.error().code, Error::Code::InvalidArgument);
}

void tst_ClusterExport::versionsMustShareSignature()
{
    const VersionInfo other = version(2, {spec(QStringLiteral("x"), QStringLiteral("FP32"), {-1, 4})},
                                      {spec(QStringLiteral("output__0"), QStringLiteral("FP32"), {-1, 3})});
    auto refused = tritonModelConfig({mlpVersion(1), other}, {}, {});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("different signatures")),
             qPrintable(refused.error().message));

    auto both = tritonModelConfig({mlpVersion(5), mlpVersion(2), mlpVersion(5)}, {}, {});
    QVERIFY(both);
    QCOMPARE(both->versions, (QList<int>{2, 5}));
}

void tst_ClusterExport::repositoryFromRegistry()
{
    MODELDESK_REQUIRE_TEST_MODELS();
    QTemporaryDir dir;
    auto catalog = openCatalog(dir.filePath(QStringLiteral("ws")));
    QVERIFY(catalog);
    const QString actor = QStringLiteral("tester");
    for (const char *file : {"mlp.pt", "mlp_v2.pt"}) {
        ImportRequest r;
        r.sourcePath = TestData::modelPath(QLatin1String(file));
        r.model = QStringLiteral("mlp");
        auto v = catalog->importFile(r, actor);
        QVERIFY2(v, errorText(v));
    }
    QVERIFY(catalog->registry().setAlias(QStringLiteral("mlp"), QStringLiteral("production"), 2, actor));
    QVERIFY(catalog->registry().saveDeployment(
        {QStringLiteral("fashion"),
         deploymentSpec(QStringLiteral("fashion"), QStringLiteral("mlp"), 2, QJsonValue::Null, 0, 24, 750, 2),
         {}},
        actor));

    TritonExportOptions options;
    options.outputDir = dir.filePath(QStringLiteral("repo"));
    options.inputs = {spec({}, QStringLiteral("FP32"), {-1, 784})};
    options.outputs = {spec({}, QStringLiteral("FP32"), {-1, 10})};
    options.actor = actor;
    const QList<Names::ModelRef> refs{*Names::parseModelRef(QStringLiteral("mlp:1")),
                                      *Names::parseModelRef(QStringLiteral("mlp@production"))};
    auto written = exportTritonRepository(*catalog, refs, options);
    QVERIFY2(written, errorText(written));
    QCOMPARE(written->size(), 1);
    QCOMPARE(written->first().versions, (QList<int>{1, 2}));

    // Exactly Triton's layout; no staging leftovers; numeric version folders not starting with 0.
    QCOMPARE(filesUnder(options.outputDir),
             (QStringList{QStringLiteral("mlp"), QStringLiteral("mlp/1"), QStringLiteral("mlp/1/model.pt"),
                          QStringLiteral("mlp/2"), QStringLiteral("mlp/2/model.pt"),
                          QStringLiteral("mlp/config.pbtxt")}));
    // Plain TorchScript, byte for byte what was imported.
    QCOMPARE(sha256OfFile(options.outputDir + QStringLiteral("/mlp/1/model.pt")),
             sha256OfFile(TestData::modelPath(QStringLiteral("mlp.pt"))));
    QCOMPARE(sha256OfFile(options.outputDir + QStringLiteral("/mlp/2/model.pt")),
             sha256OfFile(TestData::modelPath(QStringLiteral("mlp_v2.pt"))));

    QFile configFile(options.outputDir + QStringLiteral("/mlp/config.pbtxt"));
    QVERIFY(configFile.open(QIODevice::ReadOnly));
    inference::ModelConfig c;
    QString why;
    QVERIFY2(parseConfig(QString::fromUtf8(configFile.readAll()), &c, &why), qPrintable(why));
    QCOMPARE(c.max_batch_size(), 24);
    QCOMPARE(c.dynamic_batching().max_queue_delay_microseconds(), quint64(750));
    QCOMPARE(c.version_policy().specific().versions_size(), 2);
    QCOMPARE(c.version_policy().specific().versions(0), 1);
    QCOMPARE(c.version_policy().specific().versions(1), 2);

    AuditQuery q;
    q.action = QStringLiteral("version.export");
    auto audit = catalog->registry().audit(q);
    QVERIFY(audit);
    QStringList targets;
    for (const AuditEntry &e : *audit)
        targets << e.target;
    targets.sort();
    QCOMPARE(targets, (QStringList{QStringLiteral("mlp:1"), QStringLiteral("mlp:2")}));
}

void tst_ClusterExport::existingFolderNeedsOverwrite()
{
    MODELDESK_REQUIRE_TEST_MODELS();
    QTemporaryDir dir;
    auto catalog = openCatalog(dir.filePath(QStringLiteral("ws")));
    QVERIFY(catalog);
    ImportRequest r;
    r.sourcePath = TestData::modelPath(QStringLiteral("linear.pt"));
    r.model = QStringLiteral("linear");
    QVERIFY(catalog->importFile(r, QStringLiteral("tester")));

    TritonExportOptions options;
    options.outputDir = dir.filePath(QStringLiteral("repo"));
    options.inputs = {spec({}, QStringLiteral("FP32"), {-1, 4})};
    options.outputs = {spec({}, QStringLiteral("FP32"), {-1, 3})};
    const QList<Names::ModelRef> refs{*Names::parseModelRef(QStringLiteral("linear"))};
    QVERIFY(exportTritonRepository(*catalog, refs, options));
    QFile marker(options.outputDir + QStringLiteral("/linear/stale.txt"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.close();

    auto again = exportTritonRepository(*catalog, refs, options);
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::AlreadyExists);
    QVERIFY(QFile::exists(marker.fileName()));

    options.overwrite = true;
    QVERIFY(exportTritonRepository(*catalog, refs, options));
    QVERIFY(!QFile::exists(marker.fileName()));
    QCOMPARE(filesUnder(options.outputDir),
             (QStringList{QStringLiteral("linear"), QStringLiteral("linear/1"),
                          QStringLiteral("linear/1/model.pt"), QStringLiteral("linear/config.pbtxt")}));
}

void tst_ClusterExport::badReferenceWritesNothing()
{
    MODELDESK_REQUIRE_TEST_MODELS();
    QTemporaryDir dir;
    auto catalog = openCatalog(dir.filePath(QStringLiteral("ws")));
    QVERIFY(catalog);
    ImportRequest r;
    r.sourcePath = TestData::modelPath(QStringLiteral("linear.pt"));
    r.model = QStringLiteral("linear");
    QVERIFY(catalog->importFile(r, QStringLiteral("tester")));
    TritonExportOptions options;
    options.outputDir = dir.filePath(QStringLiteral("repo"));
    options.inputs = {spec({}, QStringLiteral("FP32"), {-1, 4})};
    options.outputs = {spec({}, QStringLiteral("FP32"), {-1, 3})};

    auto missing = exportTritonRepository(
        *catalog,
        {*Names::parseModelRef(QStringLiteral("linear")), *Names::parseModelRef(QStringLiteral("nosuch:1"))},
        options);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QVERIFY(filesUnder(options.outputDir).isEmpty());

    // Without dtype/shape overrides the imported version cannot be described: nothing is written.
    TritonExportOptions bare;
    bare.outputDir = options.outputDir;
    auto undescribed =
        exportTritonRepository(*catalog, {*Names::parseModelRef(QStringLiteral("linear"))}, bare);
    QVERIFY(!undescribed);
    QCOMPARE(undescribed.error().code, Error::Code::InvalidArgument);
    QVERIFY(filesUnder(options.outputDir).isEmpty());
}

void tst_ClusterExport::encryptedWorkspaceNeedsConsent()
{
    MODELDESK_REQUIRE_TEST_MODELS();
    QTemporaryDir dir;
    auto catalog = openCatalog(dir.filePath(QStringLiteral("ws")));
    QVERIFY(catalog);
    ImportRequest r;
    r.sourcePath = TestData::modelPath(QStringLiteral("linear.pt"));
    r.model = QStringLiteral("linear");
    QVERIFY(catalog->importFile(r, QStringLiteral("tester")));
    QVERIFY(catalog->registry().changeSettings(
        {{QString::fromLatin1(encryptionEnabledSetting), QStringLiteral("true")}}, {},
        QStringLiteral("tester"), QStringLiteral("encryption.enable")));
    TritonExportOptions options;
    options.outputDir = dir.filePath(QStringLiteral("repo"));
    options.inputs = {spec({}, QStringLiteral("FP32"), {-1, 4})};
    options.outputs = {spec({}, QStringLiteral("FP32"), {-1, 3})};
    const QList<Names::ModelRef> refs{*Names::parseModelRef(QStringLiteral("linear"))};
    auto refused = exportTritonRepository(*catalog, refs, options);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::InvalidArgument);
    QVERIFY2(refused.error().message.contains(QStringLiteral("--decrypt")),
             qPrintable(refused.error().message));
    QVERIFY(filesUnder(options.outputDir).isEmpty());
    // Confirmed: Triton gets plain TorchScript.
    options.allowPlaintextOfEncrypted = true;
    auto written = exportTritonRepository(*catalog, refs, options);
    QVERIFY2(written, errorText(written));
    QCOMPARE(sha256OfFile(options.outputDir + QStringLiteral("/linear/1/model.pt")),
             sha256OfFile(TestData::modelPath(QStringLiteral("linear.pt"))));
}

void tst_ClusterExport::kserveNames_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("service");
    QTest::newRow("plain") << "mlp"
                           << "mlp";
    QTest::newRow("dots and underscores") << "my_model.v2"
                                          << "my-model-v2";
    QTest::newRow("leading digit") << "9lives"
                                   << "m-9lives";
    QTest::newRow("runs of separators") << "a__b..c"
                                        << "a-b-c";
    QTest::newRow("trailing separator") << "abc_"
                                        << "abc";
    QTest::newRow("long") << QString(64, QLatin1Char('a')) << QString(45, QLatin1Char('a'));
}

void tst_ClusterExport::kserveNames()
{
    QFETCH(QString, model);
    QFETCH(QString, service);
    QCOMPARE(kserveServiceName(model), service);
    QVERIFY(isValidKServeName(service));
    QVERIFY(!isValidKServeName(QStringLiteral("Upper")));
    QVERIFY(!isValidKServeName(QStringLiteral("1abc")));
    QVERIFY(!isValidKServeName(QStringLiteral("a_b")));
    QVERIFY(!isValidKServeName(QStringLiteral("abc-")));
}

void tst_ClusterExport::kserveManifest()
{
    MODELDESK_REQUIRE_TEST_MODELS();
    QTemporaryDir dir;
    auto catalog = openCatalog(dir.filePath(QStringLiteral("ws")));
    QVERIFY(catalog);
    ImportRequest r;
    r.sourcePath = TestData::modelPath(QStringLiteral("mlp.pt"));
    r.model = QStringLiteral("fashion_mlp");
    auto v = catalog->importFile(r, QStringLiteral("tester"));
    QVERIFY(v);

    auto m = Registry::kserveManifest(*catalog, *Names::parseModelRef(QStringLiteral("fashion_mlp")), {});
    QVERIFY2(m, errorText(m));
    QString why;
    const QJsonArray docs = yamlText(m->yaml, dir.path(), &why);
    QVERIFY2(docs.size() == 1, qPrintable(why + QLatin1Char('\n') + m->yaml));
    const QJsonObject isvc = docs.first().toObject();
    QCOMPARE(isvc.value(QStringLiteral("apiVersion")).toString(),
             QStringLiteral("serving.kserve.io/v1beta1"));
    QCOMPARE(isvc.value(QStringLiteral("kind")).toString(), QStringLiteral("InferenceService"));
    const QJsonObject meta = isvc.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(meta.value(QStringLiteral("name")).toString(), QStringLiteral("fashion-mlp"));
    QVERIFY(!meta.contains(QStringLiteral("namespace")));
    const QJsonObject annotations = meta.value(QStringLiteral("annotations")).toObject();
    QCOMPARE(annotations.value(QStringLiteral("modeldesk.io/model")).toString(),
             QStringLiteral("fashion_mlp"));
    QCOMPARE(annotations.value(QStringLiteral("modeldesk.io/version")).toString(), QStringLiteral("1"));
    QCOMPARE(annotations.value(QStringLiteral("modeldesk.io/sha256")).toString(), v->digest);
    const QJsonObject predictor =
        isvc.value(QStringLiteral("spec")).toObject().value(QStringLiteral("predictor")).toObject();
    QVERIFY(!predictor.contains(QStringLiteral("canaryTrafficPercent")));
    const QJsonObject model = predictor.value(QStringLiteral("model")).toObject();
    QCOMPARE(model.value(QStringLiteral("modelFormat")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("pytorch"));
    QCOMPARE(model.value(QStringLiteral("runtime")).toString(), QStringLiteral("kserve-tritonserver"));
    QCOMPARE(model.value(QStringLiteral("protocolVersion")).toString(), QStringLiteral("v2"));
    QVERIFY(model.value(QStringLiteral("storageUri")).toString().contains(QStringLiteral("CHANGE-ME")));
    const QJsonObject resources = model.value(QStringLiteral("resources")).toObject();
    QVERIFY(resources.value(QStringLiteral("requests")).toObject().contains(QStringLiteral("memory")));
    QVERIFY(resources.value(QStringLiteral("limits")).toObject().contains(QStringLiteral("cpu")));

    KServeExportOptions options;
    options.serviceName = QStringLiteral("fmnist");
    options.serviceNamespace = QStringLiteral("models");
    options.storageUri = QStringLiteral("pvc://triton-repo/fashion");
    auto named =
        Registry::kserveManifest(*catalog, *Names::parseModelRef(QStringLiteral("fashion_mlp:1")), options);
    QVERIFY(named);
    const QJsonObject isvc2 = yamlText(named->yaml, dir.path(), &why).first().toObject();
    QCOMPARE(isvc2.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("fmnist"));
    QCOMPARE(isvc2.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("namespace")).toString(),
             QStringLiteral("models"));
    QCOMPARE(isvc2.value(QStringLiteral("spec"))
                 .toObject()
                 .value(QStringLiteral("predictor"))
                 .toObject()
                 .value(QStringLiteral("model"))
                 .toObject()
                 .value(QStringLiteral("storageUri"))
                 .toString(),
             options.storageUri);

    options.serviceName = QStringLiteral("Not_Valid");
    auto invalid =
        Registry::kserveManifest(*catalog, *Names::parseModelRef(QStringLiteral("fashion_mlp")), options);
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().code, Error::Code::InvalidArgument);
    auto unknown = Registry::kserveManifest(*catalog, *Names::parseModelRef(QStringLiteral("nosuch")), {});
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, Error::Code::NotFound);
}

void tst_ClusterExport::kserveCanaryFromDeployment()
{
    MODELDESK_REQUIRE_TEST_MODELS();
    QTemporaryDir dir;
    auto catalog = openCatalog(dir.filePath(QStringLiteral("ws")));
    QVERIFY(catalog);
    for (const char *file : {"mlp.pt", "mlp_v2.pt"}) {
        ImportRequest r;
        r.sourcePath = TestData::modelPath(QLatin1String(file));
        r.model = QStringLiteral("mlp");
        QVERIFY(catalog->importFile(r, QStringLiteral("tester")));
    }
    // Version 1 is the stable one; 10% of traffic goes to version 2.
    QVERIFY(catalog->registry().saveDeployment(
        {QStringLiteral("fashion"),
         deploymentSpec(QStringLiteral("fashion"), QStringLiteral("mlp"), 1, 2, 10),
         {}},
        QStringLiteral("tester")));

    QString why;
    auto canary = Registry::kserveManifest(*catalog, *Names::parseModelRef(QStringLiteral("mlp:2")), {});
    QVERIFY(canary);
    QCOMPARE(canary->canaryPercent, std::optional<int>(10));
    QVERIFY2(canary->note.contains(QStringLiteral("mlp:1")), qPrintable(canary->note));
    const QJsonObject predictor = yamlText(canary->yaml, dir.path(), &why)
                                      .first()
                                      .toObject()
                                      .value(QStringLiteral("spec"))
                                      .toObject()
                                      .value(QStringLiteral("predictor"))
                                      .toObject();
    QCOMPARE(predictor.value(QStringLiteral("canaryTrafficPercent")).toInt(-1), 10);
    QVERIFY(predictor.value(QStringLiteral("model"))
                .toObject()
                .value(QStringLiteral("storageUri"))
                .toString()
                .endsWith(QStringLiteral("/v2")));

    auto stable = Registry::kserveManifest(*catalog, *Names::parseModelRef(QStringLiteral("mlp:1")), {});
    QVERIFY(stable);
    QVERIFY(!stable->canaryPercent);
    QVERIFY2(stable->note.contains(QStringLiteral("export mlp:2")), qPrintable(stable->note));
    const QJsonObject stablePredictor = yamlText(stable->yaml, dir.path(), &why)
                                            .first()
                                            .toObject()
                                            .value(QStringLiteral("spec"))
                                            .toObject()
                                            .value(QStringLiteral("predictor"))
                                            .toObject();
    QVERIFY(!stablePredictor.contains(QStringLiteral("canaryTrafficPercent")));
}

QTEST_GUILESS_MAIN(tst_ClusterExport)
#include "tst_clusterexport.moc"
