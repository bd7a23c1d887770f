#include "evaluation.h"

#include <QJsonArray>

#include <algorithm>

namespace ModelDesk::Training {

ClassificationReport ClassificationReport::fromPredictions(const QStringList &classes,
                                                           const std::vector<int64_t> &labels,
                                                           const std::vector<int64_t> &predictions, double loss)
{
    ClassificationReport r;
    r.classes = classes;
    const qsizetype k = classes.size();
    r.confusion = QList<QList<qint64>>(k, QList<qint64>(k, 0));
    r.count = qint64(labels.size());
    r.loss = loss;
    qint64 correct = 0;
    for (size_t i = 0; i < labels.size() && i < predictions.size(); ++i) {
        const int64_t t = labels[i];
        const int64_t p = predictions[i];
        if (t < 0 || t >= k || p < 0 || p >= k)
            continue;
        ++r.confusion[t][p];
        if (t == p)
            ++correct;
    }
    r.accuracy = r.count > 0 ? double(correct) / double(r.count) : 0.0;
    qint64 majority = 0;
    int present = 0;
    for (qsizetype c = 0; c < k; ++c) {
        ClassMetrics m;
        m.name = classes[c];
        qint64 predicted = 0;
        for (qsizetype t = 0; t < k; ++t)
            predicted += r.confusion[t][c];
        for (qsizetype p = 0; p < k; ++p)
            m.support += r.confusion[c][p];
        const qint64 tp = r.confusion[c][c];
        m.precision = predicted > 0 ? double(tp) / double(predicted) : 0.0;
        m.recall = m.support > 0 ? double(tp) / double(m.support) : 0.0;
        m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0.0;
        majority = std::max(majority, m.support);
        // Macro averages over the classes that occur in the evaluated data.
        if (m.support > 0) {
            r.macroPrecision += m.precision;
            r.macroRecall += m.recall;
            r.macroF1 += m.f1;
            ++present;
        }
        r.perClass.append(m);
    }
    if (present > 0) {
        r.macroPrecision /= present;
        r.macroRecall /= present;
        r.macroF1 /= present;
    }
    r.majorityBaseline = r.count > 0 ? double(majority) / double(r.count) : 0.0;
    return r;
}

QJsonObject ClassificationReport::toJson(const QString &prefix) const
{
    QJsonArray perClassJson;
    for (const ClassMetrics &m : perClass) {
        perClassJson.append(QJsonObject{{QStringLiteral("class"), m.name},
                                        {QStringLiteral("precision"), m.precision},
                                        {QStringLiteral("recall"), m.recall},
                                        {QStringLiteral("f1"), m.f1},
                                        {QStringLiteral("support"), m.support}});
    }
    QJsonArray matrix;
    for (const QList<qint64> &row : confusion) {
        QJsonArray r;
        for (qint64 v : row)
            r.append(v);
        matrix.append(r);
    }
    return {{prefix + QStringLiteral("accuracy"), accuracy},
            {prefix + QStringLiteral("loss"), loss},
            {prefix + QStringLiteral("macro_precision"), macroPrecision},
            {prefix + QStringLiteral("macro_recall"), macroRecall},
            {prefix + QStringLiteral("macro_f1"), macroF1},
            {prefix + QStringLiteral("majority_baseline"), majorityBaseline},
            {prefix + QStringLiteral("count"), count},
            {prefix + QStringLiteral("per_class"), perClassJson},
            {prefix + QStringLiteral("confusion_matrix"), matrix},
            {QStringLiteral("classes"), QJsonArray::fromStringList(classes)}};
}

} // namespace ModelDesk::Training
