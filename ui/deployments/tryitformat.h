#pragma once
// The texts of the try-it panel: a KServe v2 request built from a version's signature (or from an
// image of a test split), the request parsed with the HTTP server's own codec (so what works here
// works over HTTP), a response laid out for reading (number arrays on one line), and the top class
// of a classifier's scores. Pure functions; any thread.

#include "core/modeltypes.h"
#include "core/result.h"
#include "runtime/inferenceengine.h"
#include "serving/kservecodec.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

namespace TryItFormat {

enum class Fill { Zeros, Random };

// Requests larger than this many elements are not written into the editor (it would freeze it).
constexpr qint64 maxEditorElements = 1'000'000;

// {"id", "inputs": [{"name", "datatype", "shape", "data"}]} for every input of the signature, with
// variable dims (-1) as 1 and "any" dtype as FP32. InvalidArgument naming the input when its shape
// is not recorded (imported TorchScript files do not say it).
ModelDesk::Result<QString> exampleRequest(const ModelDesk::Signature &signature, Fill fill, const QString &id);

// One image as raw pixel values 0..255 (the exported models scale and normalise inside), FP32, in
// the shape of the single input when it has height*width elements, else [1, height*width].
ModelDesk::Result<QString> imageRequest(const ModelDesk::Signature &signature, const std::vector<uint8_t> &pixels,
                                        int height, int width, const QString &id);

// The request as the HTTP server would decode it. Bad JSON or a bad tensor: InvalidArgument.
ModelDesk::Result<ModelDesk::Serving::KServe::DecodedInferRequest> parseRequest(const QString &text);

// The response body as the HTTP server would send it, laid out for reading.
ModelDesk::Result<QString> responseText(const ModelDesk::Runtime::InferResponse &response,
                                        const ModelDesk::Serving::KServe::DecodedInferRequest &request);

// Indented JSON whose arrays of scalars stay on one line; numbers in their shortest form.
QString formatJson(const QJsonValue &value, int indent = 0);

struct Prediction
{
    qint64 index = 0;
    double score = 0;
    double probability = 0; // softmax of the scores
    qint64 classes = 0;
    QString label;          // from the version's params.classes, empty when unknown
};

// The top class when the first output holds one row of scores (shape [K] or [1, K], K >= 2, float).
std::optional<Prediction> topClass(const std::vector<ModelDesk::Runtime::Tensor> &outputs, const QStringList &classNames);

// Class names recorded with a trained version (params.classes), empty otherwise.
QStringList classNames(const ModelDesk::VersionInfo &version);

} // namespace TryItFormat
