#pragma once
// Classification metrics from labels and predictions: accuracy, per-class precision / recall / F1,
// macro averages and the confusion matrix (rows = true class, columns = predicted class).
// Value type; pure; any thread.

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace ModelDesk::Training {

struct ClassMetrics
{
    QString name;
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    qint64 support = 0;   // true examples of the class
};

struct ClassificationReport
{
    QStringList classes;
    QList<QList<qint64>> confusion;  // [true][predicted]
    QList<ClassMetrics> perClass;
    qint64 count = 0;
    double accuracy = 0;
    double loss = 0;                 // mean cross-entropy, when known
    double macroPrecision = 0;
    double macroRecall = 0;
    double macroF1 = 0;
    double majorityBaseline = 0;     // accuracy of always predicting the most frequent true class

    static ClassificationReport fromPredictions(const QStringList &classes, const std::vector<int64_t> &labels,
                                                const std::vector<int64_t> &predictions, double loss);
    // {"accuracy", "loss", "macro_f1", ..., "per_class": [...], "confusion_matrix": [[...]]} with
    // every key prefixed by `prefix` except the nested lists ("test_accuracy", ...).
    QJsonObject toJson(const QString &prefix = {}) const;
};

} // namespace ModelDesk::Training
