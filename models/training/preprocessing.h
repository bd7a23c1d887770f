#pragma once
// Preprocessing fitted on the training split and kept with the model (in the exported TorchScript
// graph and in the version's params), so a served model takes raw inputs:
//   features  x' = (x * 1 - mean[j]) / std[j]            per CSV column
//   image     x' = (x * (1/255) - mean) / std            one mean/std over all training pixels
//   text      lower-case ASCII words [a-z0-9]+ -> ids:   0 = padding, 1 = unknown word,
//             2.. = vocabulary (most frequent training words) or 2 + FNV-1a-32(word) % hashBuckets;
//             at most maxTokens ids per text.
// Value type; any thread.

#include "core/result.h"
#include "dataset.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace ModelDesk::Training {

struct Preprocessing
{
    InputKind input = InputKind::Features;
    std::vector<float> mean;      // features: per column; image: one value
    std::vector<float> stddev;    // same size as mean, never 0
    double scale = 1.0;           // image: 1/255
    int height = 0;               // image
    int width = 0;
    QStringList vocabulary;       // text: word of id i + 2
    int hashBuckets = 0;          // text: > 0 means hashed words instead of a vocabulary
    int maxTokens = 256;

    qint64 featureCount() const { return input == InputKind::Image ? qint64(height) * width : qint64(mean.size()); }
    int embeddingRows() const { return 2 + (hashBuckets > 0 ? hashBuckets : int(vocabulary.size())); }

    QJsonObject toJson() const;
    static Result<Preprocessing> fromJson(const QJsonObject &o);
};

// Statistics and vocabulary from the training rows only (no peeking at validation or test data).
Preprocessing fitPreprocessing(const Dataset &dataset, const std::vector<int64_t> &trainRows, const DataOptions &options);

// The tokenizer: lower-case ASCII words, every other character separates words.
QStringList tokenize(QStringView text);
quint32 fnv1a32(QStringView word);

// Maps texts to token ids with a Preprocessing's vocabulary or hashing.
class TextEncoder
{
public:
    explicit TextEncoder(const Preprocessing &p);
    // Appends the ids of `text` (at most maxTokens) to `ids`; returns how many were appended.
    int encode(QStringView text, std::vector<int64_t> &ids) const;

private:
    QHash<QString, int64_t> m_index;
    int m_hashBuckets = 0;
    int m_maxTokens = 256;
};

} // namespace ModelDesk::Training
