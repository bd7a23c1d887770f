#pragma once
// Internal to modeldesk_training (includes LibTorch): Trainer's private state, shared by the torch
// translation units trainer.cpp (loop, checkpoints) and trainerexport.cpp (TorchScript export).

#include "torchnetworks.h"
#include "trainer.h"

#include <caffe2/serialize/read_adapter_interface.h>

#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ModelDesk::Training {

// One split, ready for batching: features/images as the raw [N, F] tensor (float or bytes), or text as
// concatenated token ids with per-row start and length.
struct SplitData
{
    int64_t rows = 0;
    torch::Tensor x;
    torch::Tensor y;
    std::vector<int64_t> tokens;
    std::vector<int64_t> starts;
    std::vector<int64_t> lengths;
};

struct Batch
{
    torch::Tensor x;
    torch::Tensor offsets;
    torch::Tensor y;
};

// Progress that a checkpoint records.
struct TrainerState
{
    int epochsDone = 0;
    qint64 globalStep = 0;
    int bestEpoch = 0;
    double bestMetric = 0;
    int badEpochs = 0;
    bool stoppedEarly = false;
    double trainSeconds = 0;
};

// Lets torch::jit::load read a QByteArray in place: an std::istringstream would make one more copy
// of the weights, which nobody could wipe.
class ByteArrayReader final : public caffe2::serialize::ReadAdapterInterface
{
public:
    explicit ByteArrayReader(const QByteArray &bytes) : m_bytes(bytes) {}
    size_t size() const override { return size_t(m_bytes.size()); }
    size_t read(uint64_t pos, void *buf, size_t n, const char *) const override
    {
        const auto total = uint64_t(m_bytes.size());
        if (pos >= total)
            return 0;
        const size_t count = size_t(std::min<uint64_t>(n, total - pos));
        std::memcpy(buf, m_bytes.constData() + pos, count);
        return count;
    }

private:
    const QByteArray &m_bytes; // outlives the load
};

struct Trainer::Private
{
    TrainingConfig config;
    Preprocessing preprocessing;
    QStringList classNames;
    std::shared_ptr<Torch::ClassifierImpl> net;
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    SplitData train;
    SplitData validation;
    SplitData test;
    TrainerState state;
    torch::Tensor meanTensor;   // preprocessing.mean / stddev as tensors
    torch::Tensor stdTensor;
    std::vector<std::pair<std::string, torch::Tensor>> best; // weights of the best epoch (early stopping)
    Artifacts::RunFiles runFiles;          // checkpoint files: plaintext or encrypted at rest

    // Rows used to verify the export: preprocessed (checkSplit) and raw as the exported model takes them.
    std::vector<int64_t> checkRows;
    SplitData checkSplit;
    torch::Tensor checkRaw;

    SplitData buildSplit(const Dataset &data, const std::vector<int64_t> &rows) const;
    // Raw rows -> the network's input: float, * scale, - mean, / std. `fresh` is modified in place
    // when it is already float (pass a tensor nobody else holds, e.g. an index_select result).
    torch::Tensor standardise(torch::Tensor fresh) const;
    // Raw model input for `rows`: FP32 [N, F] values or INT64 [N, L] token ids padded with 0.
    torch::Tensor rawInput(const Dataset &data, const std::vector<int64_t> &rows) const;
    Batch batch(const SplitData &s, const torch::Tensor &index) const;
    const SplitData &split(Split which) const;
    void makeOptimizer();
    Result<ClassificationReport> evaluate(const SplitData &s);
    void rememberBest();
    void restoreBest();
};

} // namespace ModelDesk::Training
