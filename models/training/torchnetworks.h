#pragma once
// Internal to modeldesk_training (includes LibTorch): the three architectures and their TorchScript
// export. Only the torch translation units of this library include it; public headers never do.

#include "core/result.h"
#include "preprocessing.h"
#include "trainingconfig.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <QString>
#include <QStringList>

#include <memory>

namespace ModelDesk::Training::Torch {

// Every network maps a batch to logits [N, classes]. `x` is [N, F] float (preprocessed features or
// flattened images) or, for text, flat INT64 token ids with `offsets` (EmbeddingBag layout).
class ClassifierImpl : public torch::nn::Module
{
public:
    virtual torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &offsets) = 0;
    // Human-readable layers, one per line.
    virtual QStringList describe() const = 0;
    // A scripted module whose forward takes the raw input (see docs/training.md) and returns the same
    // logits as forward() on the preprocessed input; parameters are copies, named as in
    // named_parameters() with '.' -> '_'.
    virtual torch::jit::Module toTorchScript(const Preprocessing &p) const = 0;
};

// InvalidArgument when the architecture does not fit the data.
Result<std::shared_ptr<ClassifierImpl>> makeClassifier(const TrainingConfig &config, const Preprocessing &p,
                                                       int classes);

// "fc0.weight" -> "fc0_weight": attribute names in the exported module.
std::string exportName(const std::string &parameterName);

// The exported module's input contract for a preprocessing kind.
struct InputContract
{
    QString name;
    QString dtype;
    QList<qint64> shape;
};
InputContract inputContract(const Preprocessing &p);

} // namespace ModelDesk::Training::Torch
