#pragma once
// Checks of a request against a version's signature, done before queueing so a bad request costs
// no queue slot and no forward; plus the small helpers that depend on the signature (stackable
// rows, output selection, synthetic warm-up input). Pure functions, torch-free, any thread.

#include "tensor.h"

#include "core/modeltypes.h"
#include "core/result.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace ModelDesk::Runtime {

// Datatype, rank, fixed dims and bytes (= shape x datatype) of every input; InvalidArgument with a
// message naming the input otherwise. When every input name matches a signature input, the inputs
// are reordered into forward's order; otherwise they are taken positionally. An unknown signature
// (no inputs, or dtype "" / shape []) accepts anything consistent and lets forward decide.
Status checkInputs(const Signature &signature, std::vector<Tensor> &inputs);

// When the signature names its outputs, every requested output must be one of them.
Status checkRequestedOutputs(const Signature &signature, const QStringList &requested);

// Rows along dim 0 when the inputs can be stacked with other requests' (see PendingRequest::rows).
int64_t stackableRows(const Signature &signature, const std::vector<Tensor> &inputs);

// Keeps the requested outputs, in the requested order (all of them when `requested` is empty).
Result<std::vector<Tensor>> selectOutputs(std::vector<Tensor> outputs, const QStringList &requested);

// Names for positional outputs, from the signature.
QStringList outputNames(const Signature &signature);

// Zero-filled inputs for warm-up with `rows` rows where dim 0 is variable; nullopt (with the reason
// in `why`) when the signature gives no shape for some input. A missing dtype is taken as FP32 and
// `guessed` is set, so a failing warm-up with a guessed dtype is not held against the model.
std::optional<std::vector<Tensor>> syntheticInputs(const Signature &signature, int64_t rows, bool *guessed,
                                                   QString *why);

QString shapeText(const std::vector<int64_t> &shape);

} // namespace ModelDesk::Runtime
