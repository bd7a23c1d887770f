#pragma once
// What a trained model's registry version records: metrics (test accuracy, per-class precision /
// recall / F1, confusion matrix, validation and training figures), params (hyper-parameters,
// classes, preprocessing with vocabulary or standardisation statistics), lineage (run id, dataset
// digest, parent version) and the signature with dtypes and shapes. Pure functions; any thread.

#include "core/modeltypes.h"
#include "core/result.h"
#include "evaluation.h"
#include "preprocessing.h"
#include "trainer.h"
#include "trainingconfig.h"

#include <optional>

namespace ModelDesk::Training {

struct VersionMetadataInput
{
    QString runId;
    TrainingConfig config;
    DatasetRecord dataset;
    QStringList classNames;
    Preprocessing preprocessing;
    struct Sizes
    {
        qint64 train = 0, validation = 0, test = 0;
    } split;
    QString evaluatedSplit;                 // "test" normally
    ClassificationReport report;            // on evaluatedSplit
    std::optional<ClassificationReport> validationReport;
    TrainResult train;
    QString parentModel;                    // fine-tuning
    int parentVersion = 0;
};

NewVersion makeNewVersion(const VersionMetadataInput &in, const ExportedModel &exported);

// export.json in the run folder: the NewVersion to register the run's model with later.
QJsonObject newVersionToJson(const NewVersion &v);
Result<NewVersion> newVersionFromJson(const QJsonObject &o);

// The few headline figures a run's summary keeps (test accuracy, loss, macro F1, baseline, ...).
QJsonObject runSummary(const QJsonObject &versionMetrics);

} // namespace ModelDesk::Training
