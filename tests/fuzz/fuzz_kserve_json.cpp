// KServe v2 JSON infer request decoder (the body of POST /v2/models/{m}/infer), then the response
// encoder on what was decoded (as the server echoes tensors back): every decoded tensor must be
// consistent, and encoding it must succeed.
#include "serving/kservecodec.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace ModelDesk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string body(reinterpret_cast<const char *>(data), size);
    auto decoded = Serving::KServe::decodeInferRequest(body);
    if (!decoded)
        return 0;
    Runtime::InferResponse response;
    response.id = decoded->id;
    for (const auto &t : decoded->inputs) {
        if (!t.checkConsistent())
            std::abort(); // the decoder promised consistent tensors
        response.outputs.push_back(t);
    }
    Serving::KServe::DecodedInferRequest every; // all outputs, JSON and binary
    (void)Serving::KServe::encodeInferResponse(response, every);
    every.binaryOutputs = true;
    (void)Serving::KServe::encodeInferResponse(response, every);
    (void)Serving::KServe::encodeInferResponse(response, *decoded);
    return 0;
}
