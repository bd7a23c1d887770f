#include "datasplit.h"

#include <cmath>
#include <numeric>

namespace ModelDesk::Training {

namespace {

struct SplitMix64
{
    quint64 state;
    quint64 next()
    {
        quint64 z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound) without modulo bias (rejection of the short last bucket).
    quint64 below(quint64 bound)
    {
        const quint64 limit = ~quint64(0) - (~quint64(0) % bound);
        quint64 r;
        do {
            r = next();
        } while (r >= limit);
        return r % bound;
    }
};

} // namespace

quint64 mixSeed(quint64 seed, quint64 stream)
{
    SplitMix64 g{seed ^ (stream * 0xd1b54a32d192ed03ULL)};
    g.next();
    return g.next();
}

void shuffle(std::vector<int64_t> &values, quint64 seed)
{
    SplitMix64 g{seed};
    for (size_t i = values.size(); i > 1; --i) {
        const size_t j = size_t(g.below(i));
        std::swap(values[i - 1], values[j]);
    }
}

std::vector<int64_t> shuffledIndices(int64_t n, quint64 seed)
{
    std::vector<int64_t> v(size_t(std::max<int64_t>(n, 0)));
    std::iota(v.begin(), v.end(), int64_t(0));
    shuffle(v, seed);
    return v;
}

Result<SplitIndices> splitDataset(const Dataset &dataset, double validationFraction, double testFraction,
                                  quint64 seed)
{
    SplitIndices s;
    const int64_t rows = dataset.rows();
    const int64_t pool = dataset.testStart >= 0 ? dataset.testStart : rows;
    std::vector<int64_t> order = shuffledIndices(pool, mixSeed(seed, 1));
    size_t at = 0;
    if (dataset.testStart >= 0) {
        for (int64_t i = dataset.testStart; i < rows; ++i)
            s.test.push_back(i);
    } else {
        const size_t n = size_t(std::llround(double(pool) * testFraction));
        s.test.assign(order.begin(), order.begin() + n);
        at = n;
    }
    const size_t v = size_t(std::llround(double(pool) * validationFraction));
    s.validation.assign(order.begin() + at, order.begin() + std::min(order.size(), at + v));
    at = std::min(order.size(), at + v);
    s.train.assign(order.begin() + at, order.end());
    if (s.train.empty())
        return fail(Error::invalid(QStringLiteral("%1: %2 rows leave nothing for training after the validation and test splits")
                                       .arg(dataset.sourcePath)
                                       .arg(rows)));
    return s;
}

} // namespace ModelDesk::Training
