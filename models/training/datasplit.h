#pragma once
// Deterministic train / validation / test split and shuffles from a seed. The generator is our own
// (SplitMix64 + unbiased bounded draws), so the same seed gives the same split on every platform and
// standard library. Pure functions; any thread.

#include "core/result.h"
#include "dataset.h"

#include <cstdint>
#include <vector>

namespace ModelDesk::Training {

struct SplitIndices
{
    std::vector<int64_t> train;
    std::vector<int64_t> validation;
    std::vector<int64_t> test;
};

// Rows [dataset.testStart, rows) are the test split when the data has its own test files; otherwise
// testFraction of the shuffled rows are. validationFraction of the remaining rows validate.
// InvalidArgument when the training split would be empty.
Result<SplitIndices> splitDataset(const Dataset &dataset, double validationFraction, double testFraction,
                                  quint64 seed);

// A permutation of 0..n-1 from `seed` (Fisher-Yates).
std::vector<int64_t> shuffledIndices(int64_t n, quint64 seed);
void shuffle(std::vector<int64_t> &values, quint64 seed);

// Mixes a seed with a stream number (epoch, purpose) into an independent seed.
quint64 mixSeed(quint64 seed, quint64 stream);

} // namespace ModelDesk::Training
