#pragma once
// KServe v2 / Open Inference Protocol body codec: infer requests in (JSON with flat or nested data,
// or the binary tensor data extension) and infer responses out. JSON is parsed with simdjson's
// On-Demand API; declared shape x datatype is checked against the data given before any tensor
// memory is allocated. Numbers are written with std::to_chars (see JsonWriter).
//
// Threads: pure functions, safe from any thread (each thread reuses its own parser buffers).
// Errors: InvalidArgument with a message that names the tensor and what is wrong; Unsupported for
// valid protocol features we do not implement (BYTES tensors, the classification extension).

#include "runtime/inferenceengine.h"
#include "runtime/tensor.h"

#include "core/result.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ModelDesk::Serving::KServe {

struct RequestedOutput
{
    QString name;
    std::optional<bool> binary;      // parameters.binary_data
};

struct DecodedInferRequest
{
    QString id;
    std::vector<Runtime::Tensor> inputs;
    std::vector<RequestedOutput> outputs;  // empty = every output, in model order
    bool binaryOutputs = false;            // request parameters.binary_data_output
};

// `body` is the whole request body. With the binary extension, jsonLength is the value of the
// Inference-Header-Content-Length header: the JSON is body[0, jsonLength) and the tensors follow.
// Reads up to 64 bytes past body.size() when body.capacity() allows (simdjson padding); copies otherwise.
Result<DecodedInferRequest> decodeInferRequest(const std::string &body, std::optional<std::size_t> jsonLength = {});

// Parses the Inference-Header-Content-Length value; InvalidArgument when malformed or > bodySize.
Result<std::optional<std::size_t>> parseHeaderLength(std::string_view value, std::size_t bodySize);

struct EncodedResponse
{
    std::string body;
    std::string contentType;                  // application/json or application/octet-stream
    std::optional<std::size_t> jsonLength;    // set when binary tensors follow the JSON
};

// Encodes a runtime response; `request` selects outputs (order and binary form). InvalidArgument
// when a requested output does not exist.
Result<EncodedResponse> encodeInferResponse(const Runtime::InferResponse &response, const DecodedInferRequest &request);

// Appends the JSON "data" array of a tensor (flat, row-major) to `out`.
void appendTensorData(std::string &out, const Runtime::Tensor &tensor);

// IEEE half and bfloat16 conversions (round to nearest even).
std::uint16_t floatToHalf(float f);
float halfToFloat(std::uint16_t h);
std::uint16_t floatToBFloat16(float f);
float bfloat16ToFloat(std::uint16_t b);

} // namespace ModelDesk::Serving::KServe
