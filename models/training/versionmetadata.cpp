#include "versionmetadata.h"

#include <QJsonArray>

namespace ModelDesk::Training {

NewVersion makeNewVersion(const VersionMetadataInput &in, const ExportedModel &exported)
{
    NewVersion v;
    v.format = QStringLiteral("torchscript");
    v.signature = exported.signature;
    v.parameterCount = exported.parameterCount;

    // Metrics: the evaluated split's report with its prefix ("test_accuracy", ...), plus validation
    // and training figures.
    const QString prefix = in.evaluatedSplit + QLatin1Char('_');
    v.metrics = in.report.toJson(prefix);
    if (in.validationReport) {
        v.metrics.insert(QStringLiteral("validation_accuracy"), in.validationReport->accuracy);
        v.metrics.insert(QStringLiteral("validation_loss"), in.validationReport->loss);
    }
    v.metrics.insert(QStringLiteral("epochs"), in.train.epochsDone);
    v.metrics.insert(QStringLiteral("stopped_early"), in.train.stoppedEarly);
    if (in.train.bestEpoch > 0)
        v.metrics.insert(QStringLiteral("best_epoch"), in.train.bestEpoch);
    v.metrics.insert(QStringLiteral("train_seconds"), in.train.seconds);
    v.metrics.insert(QStringLiteral("train_samples_per_second"), in.train.samplesPerSecond);
    v.metrics.insert(QStringLiteral("export_max_abs_difference"), exported.maxAbsDifference);

    // Params: the hyper-parameters as configured, the classes and the preprocessing.
    QJsonObject params = in.config.toJson();
    params.remove(QStringLiteral("register"));
    params.remove(QStringLiteral("description"));
    params.remove(QStringLiteral("data"));
    params.insert(QStringLiteral("task"), QStringLiteral("classification"));
    params.insert(QStringLiteral("dataset"), in.dataset.name);
    params.insert(QStringLiteral("data_kind"), in.dataset.kind);
    params.insert(QStringLiteral("classes"), QJsonArray::fromStringList(in.classNames));
    params.insert(QStringLiteral("preprocessing"), in.preprocessing.toJson());
    params.insert(QStringLiteral("split"), QJsonObject{{QStringLiteral("train"), in.split.train},
                                                       {QStringLiteral("validation"), in.split.validation},
                                                       {QStringLiteral("test"), in.split.test},
                                                       {QStringLiteral("validation_fraction"), in.config.data.validationFraction},
                                                       {QStringLiteral("test_fraction"), in.config.data.testFraction}});
    params.insert(QStringLiteral("output"), QStringLiteral("logits"));
    if (in.parentVersion > 0)
        params.insert(QStringLiteral("parent"), QStringLiteral("%1:%2").arg(in.parentModel).arg(in.parentVersion));
    else
        params.remove(QStringLiteral("from"));
    v.params = params;

    v.lineage.runId = in.runId;
    v.lineage.datasetDigest = in.dataset.digest;
    v.lineage.source = QStringLiteral("training");
    if (in.parentVersion > 0)
        v.lineage.parentVersion = in.parentVersion;

    v.description = !in.config.description.isEmpty()
                        ? in.config.description
                        : QStringLiteral("%1 trained on %2 (run %3): %4 accuracy %5")
                              .arg(in.config.arch, in.dataset.name, in.runId, in.evaluatedSplit)
                              .arg(in.report.accuracy, 0, 'f', 4);
    return v;
}

QJsonObject newVersionToJson(const NewVersion &v)
{
    QJsonObject lineage{{QStringLiteral("run_id"), v.lineage.runId},
                        {QStringLiteral("dataset_sha256"), v.lineage.datasetDigest},
                        {QStringLiteral("source"), v.lineage.source}};
    if (v.lineage.parentVersion)
        lineage.insert(QStringLiteral("parent_version"), *v.lineage.parentVersion);
    return {{QStringLiteral("format"), v.format},
            {QStringLiteral("signature"), v.signature.toJson()},
            {QStringLiteral("parameter_count"), v.parameterCount},
            {QStringLiteral("metrics"), v.metrics},
            {QStringLiteral("params"), v.params},
            {QStringLiteral("lineage"), lineage},
            {QStringLiteral("description"), v.description}};
}

Result<NewVersion> newVersionFromJson(const QJsonObject &o)
{
    if (!o.value(QStringLiteral("signature")).isObject() || !o.value(QStringLiteral("params")).isObject())
        return fail(Error::corrupt(QStringLiteral("export.json is not a version description")));
    NewVersion v;
    v.format = o.value(QStringLiteral("format")).toString(QStringLiteral("torchscript"));
    v.signature = Signature::fromJson(o.value(QStringLiteral("signature")).toObject());
    v.parameterCount = qint64(o.value(QStringLiteral("parameter_count")).toDouble());
    v.metrics = o.value(QStringLiteral("metrics")).toObject();
    v.params = o.value(QStringLiteral("params")).toObject();
    const QJsonObject lineage = o.value(QStringLiteral("lineage")).toObject();
    v.lineage.runId = lineage.value(QStringLiteral("run_id")).toString();
    v.lineage.datasetDigest = lineage.value(QStringLiteral("dataset_sha256")).toString();
    v.lineage.source = lineage.value(QStringLiteral("source")).toString();
    if (lineage.contains(QStringLiteral("parent_version")))
        v.lineage.parentVersion = lineage.value(QStringLiteral("parent_version")).toInt();
    v.description = o.value(QStringLiteral("description")).toString();
    return v;
}

QJsonObject runSummary(const QJsonObject &m)
{
    QJsonObject s;
    for (auto it = m.constBegin(); it != m.constEnd(); ++it) {
        if (it.value().isDouble() || it.value().isBool())
            s.insert(it.key(), it.value());
    }
    return s;
}

} // namespace ModelDesk::Training
