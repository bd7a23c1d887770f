// KServe v2 binary tensor extension: the Inference-Header-Content-Length header value and a body of
// JSON followed by raw tensor bytes. Input layout: first line = the header value, rest = the body.
#include "serving/kservecodec.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace ModelDesk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view all(reinterpret_cast<const char *>(data), size);
    const auto eol = all.find('\n');
    if (eol == std::string_view::npos)
        return 0;
    const std::string_view header = all.substr(0, eol);
    // No reserve: the decoder must copy when there is no simdjson padding, and must not read past it.
    std::string body(all.substr(eol + 1));
    auto length = Serving::KServe::parseHeaderLength(header, body.size());
    if (!length)
        return 0;
    auto decoded = Serving::KServe::decodeInferRequest(body, *length);
    if (!decoded)
        return 0;
    Runtime::InferResponse response;
    for (const auto &t : decoded->inputs) {
        if (!t.checkConsistent())
            std::abort();
        response.outputs.push_back(t);
    }
    (void)Serving::KServe::encodeInferResponse(response, *decoded);
    return 0;
}
