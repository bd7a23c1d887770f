#include "preprocessing.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace ModelDesk::Training {

namespace {

QJsonArray floatArray(const std::vector<float> &v)
{
    QJsonArray a;
    for (float x : v)
        a.append(double(x));
    return a;
}

std::vector<float> floatVector(const QJsonValue &v)
{
    std::vector<float> out;
    for (const QJsonValue &x : v.toArray())
        out.push_back(float(x.toDouble()));
    return out;
}

// Population standard deviation in double; a constant column gets 1 so it maps to 0, not NaN.
float safeStd(double sumSq, double mean, double n)
{
    const double var = std::max(0.0, sumSq / n - mean * mean);
    const double sd = std::sqrt(var);
    return sd < 1e-8 ? 1.0f : float(sd);
}

} // namespace

QJsonObject Preprocessing::toJson() const
{
    QJsonObject o;
    switch (input) {
    case InputKind::Features:
        o.insert(QStringLiteral("input"), QStringLiteral("features"));
        o.insert(QStringLiteral("standardize_mean"), floatArray(mean));
        o.insert(QStringLiteral("standardize_std"), floatArray(stddev));
        break;
    case InputKind::Image:
        o.insert(QStringLiteral("input"), QStringLiteral("image"));
        o.insert(QStringLiteral("scale"), scale);
        o.insert(QStringLiteral("standardize_mean"), floatArray(mean));
        o.insert(QStringLiteral("standardize_std"), floatArray(stddev));
        o.insert(QStringLiteral("height"), height);
        o.insert(QStringLiteral("width"), width);
        break;
    case InputKind::Text:
        o.insert(QStringLiteral("input"), QStringLiteral("tokens"));
        o.insert(QStringLiteral("tokenizer"), QStringLiteral("lowercase-ascii-words"));
        o.insert(QStringLiteral("padding_id"), 0);
        o.insert(QStringLiteral("unknown_id"), 1);
        o.insert(QStringLiteral("max_tokens"), maxTokens);
        if (hashBuckets > 0) {
            o.insert(QStringLiteral("hash"), QStringLiteral("fnv1a32"));
            o.insert(QStringLiteral("hash_buckets"), hashBuckets);
        } else {
            o.insert(QStringLiteral("vocabulary"), QJsonArray::fromStringList(vocabulary));
        }
        break;
    }
    return o;
}

Result<Preprocessing> Preprocessing::fromJson(const QJsonObject &o)
{
    Preprocessing p;
    const QString input = o.value(QStringLiteral("input")).toString();
    if (input == QLatin1String("features")) {
        p.input = InputKind::Features;
    } else if (input == QLatin1String("image")) {
        p.input = InputKind::Image;
        p.scale = o.value(QStringLiteral("scale")).toDouble(1.0);
        p.height = o.value(QStringLiteral("height")).toInt();
        p.width = o.value(QStringLiteral("width")).toInt();
    } else if (input == QLatin1String("tokens")) {
        p.input = InputKind::Text;
        p.maxTokens = o.value(QStringLiteral("max_tokens")).toInt(256);
        p.hashBuckets = o.value(QStringLiteral("hash_buckets")).toInt(0);
        for (const QJsonValue &w : o.value(QStringLiteral("vocabulary")).toArray())
            p.vocabulary.append(w.toString());
        return p;
    } else {
        return fail(Error::corrupt(QStringLiteral("unknown preprocessing input '%1'").arg(input)));
    }
    p.mean = floatVector(o.value(QStringLiteral("standardize_mean")));
    p.stddev = floatVector(o.value(QStringLiteral("standardize_std")));
    if (p.mean.size() != p.stddev.size() || p.mean.empty())
        return fail(Error::corrupt(QStringLiteral("preprocessing has inconsistent standardisation statistics")));
    return p;
}

Preprocessing fitPreprocessing(const Dataset &dataset, const std::vector<int64_t> &trainRows, const DataOptions &options)
{
    Preprocessing p;
    p.input = dataset.input();
    const double n = double(std::max<size_t>(trainRows.size(), 1));
    switch (p.input) {
    case InputKind::Features: {
        const size_t f = size_t(dataset.featureNames.size());
        std::vector<double> sum(f, 0.0), sumSq(f, 0.0);
        for (int64_t r : trainRows) {
            const float *row = dataset.features.data() + size_t(r) * f;
            for (size_t j = 0; j < f; ++j) {
                sum[j] += row[j];
                sumSq[j] += double(row[j]) * row[j];
            }
        }
        p.mean.resize(f);
        p.stddev.resize(f);
        for (size_t j = 0; j < f; ++j) {
            const double m = sum[j] / n;
            p.mean[j] = float(m);
            p.stddev[j] = safeStd(sumSq[j], m, n);
        }
        break;
    }
    case InputKind::Image: {
        p.scale = 1.0 / 255.0;
        p.height = dataset.height;
        p.width = dataset.width;
        const size_t pixels = size_t(dataset.height) * dataset.width;
        // Integer histogram: exact and fast for bytes.
        std::vector<quint64> histogram(256, 0);
        for (int64_t r : trainRows) {
            const uint8_t *row = dataset.pixels.data() + size_t(r) * pixels;
            for (size_t j = 0; j < pixels; ++j)
                ++histogram[row[j]];
        }
        double sum = 0, sumSq = 0, count = 0;
        for (int v = 0; v < 256; ++v) {
            const double x = v * p.scale;
            sum += x * double(histogram[v]);
            sumSq += x * x * double(histogram[v]);
            count += double(histogram[v]);
        }
        count = std::max(count, 1.0);
        const double m = sum / count;
        p.mean = {float(m)};
        p.stddev = {safeStd(sumSq, m, count)};
        break;
    }
    case InputKind::Text: {
        p.maxTokens = options.maxTokens;
        p.hashBuckets = options.hashBuckets;
        if (p.hashBuckets > 0)
            break;
        QHash<QString, qint64> counts;
        for (int64_t r : trainRows) {
            const QStringList words = tokenize(dataset.texts[r]);
            for (const QString &w : words)
                ++counts[w];
        }
        std::vector<std::pair<QString, qint64>> ranked;
        ranked.reserve(size_t(counts.size()));
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() >= options.minCount)
                ranked.emplace_back(it.key(), it.value());
        }
        std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (ranked.size() > size_t(options.maxVocabulary))
            ranked.resize(size_t(options.maxVocabulary));
        for (const auto &[word, count] : ranked)
            p.vocabulary.append(word);
        break;
    }
    }
    return p;
}

QStringList tokenize(QStringView text)
{
    QStringList words;
    QString current;
    for (QChar c : text) {
        char16_t u = c.unicode();
        if (u >= 'A' && u <= 'Z')
            u = char16_t(u - 'A' + 'a');
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
            current.append(QChar(u));
        } else if (!current.isEmpty()) {
            words.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        words.append(current);
    return words;
}

quint32 fnv1a32(QStringView word)
{
    quint32 h = 2166136261u;
    for (QChar c : word) {
        h ^= quint32(c.unicode());
        h *= 16777619u;
    }
    return h;
}

TextEncoder::TextEncoder(const Preprocessing &p) : m_hashBuckets(p.hashBuckets), m_maxTokens(p.maxTokens)
{
    m_index.reserve(p.vocabulary.size());
    for (qsizetype i = 0; i < p.vocabulary.size(); ++i)
        m_index.insert(p.vocabulary[i], int64_t(i + 2));
}

int TextEncoder::encode(QStringView text, std::vector<int64_t> &ids) const
{
    const QStringList words = tokenize(text);
    int n = 0;
    for (const QString &w : words) {
        if (n >= m_maxTokens)
            break;
        if (m_hashBuckets > 0)
            ids.push_back(2 + int64_t(fnv1a32(w) % quint32(m_hashBuckets)));
        else
            ids.push_back(m_index.value(w, 1));
        ++n;
    }
    return n;
}

} // namespace ModelDesk::Training
