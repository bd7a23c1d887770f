// Encoding side of the KServe v2 codec (see kservecodec.h): responses, tensor data as JSON, and
// the half / bfloat16 conversions both directions use. Decoding is in kservecodec.cpp.
#include "kservecodec.h"

#include "jsonwriter.h"

#include <cstring>

namespace ModelDesk::Serving::KServe {

using Runtime::DataType;
using Runtime::Tensor;

namespace {
Error invalid(const QString &message) { return Error::invalid(message); }
} // namespace

void appendTensorData(std::string &out, const Tensor &t)
{
    const auto *p = reinterpret_cast<const unsigned char *>(t.data.constData());
    const std::int64_t n = t.elementCount().value_or(0);
    const int size = Runtime::dataTypeSize(t.dtype);
    out.reserve(out.size() + std::size_t(n) * (t.dtype == DataType::Float32 ? 12 : 8) + 2);
    out += '[';
    for (std::int64_t i = 0; i < n; ++i) {
        if (i)
            out += ',';
        const unsigned char *e = p + i * size;
        switch (t.dtype) {
        case DataType::Bool: out += *e ? "true" : "false"; break;
        case DataType::UInt8: JsonWriter::appendNumber(out, std::int64_t(*e)); break;
        case DataType::Int8: JsonWriter::appendNumber(out, std::int64_t(std::int8_t(*e))); break;
        case DataType::Int16: {
            std::int16_t v;
            std::memcpy(&v, e, 2);
            JsonWriter::appendNumber(out, std::int64_t(v));
            break;
        }
        case DataType::Int32: {
            std::int32_t v;
            std::memcpy(&v, e, 4);
            JsonWriter::appendNumber(out, std::int64_t(v));
            break;
        }
        case DataType::Int64: {
            std::int64_t v;
            std::memcpy(&v, e, 8);
            JsonWriter::appendNumber(out, v);
            break;
        }
        case DataType::Float16: {
            std::uint16_t v;
            std::memcpy(&v, e, 2);
            JsonWriter::appendNumber(out, halfToFloat(v));
            break;
        }
        case DataType::BFloat16: {
            std::uint16_t v;
            std::memcpy(&v, e, 2);
            JsonWriter::appendNumber(out, bfloat16ToFloat(v));
            break;
        }
        case DataType::Float32: {
            float v;
            std::memcpy(&v, e, 4);
            JsonWriter::appendNumber(out, v);
            break;
        }
        case DataType::Float64: {
            double v;
            std::memcpy(&v, e, 8);
            JsonWriter::appendNumber(out, v);
            break;
        }
        }
    }
    out += ']';
}

Result<EncodedResponse> encodeInferResponse(const Runtime::InferResponse &response, const DecodedInferRequest &request)
{
    // Which outputs, in which order, in which form.
    struct Chosen
    {
        const Tensor *tensor;
        bool binary;
    };
    std::vector<Chosen> chosen;
    if (request.outputs.empty()) {
        for (const Tensor &t : response.outputs)
            chosen.push_back({&t, request.binaryOutputs});
    } else {
        for (const RequestedOutput &ro : request.outputs) {
            const Tensor *found = nullptr;
            for (const Tensor &t : response.outputs) {
                if (t.name == ro.name) {
                    found = &t;
                    break;
                }
            }
            if (!found)
                return fail(invalid(QStringLiteral("unknown output '%1'").arg(ro.name.left(64))));
            chosen.push_back({found, ro.binary.value_or(request.binaryOutputs)});
        }
    }

    EncodedResponse enc;
    std::string &out = enc.body;
    out.reserve(256);
    JsonWriter w(out);
    w.beginObject();
    w.key("model_name").value(response.deployment);
    w.key("model_version").value(std::string_view(std::to_string(response.version)));
    if (!response.id.isEmpty())
        w.key("id").value(response.id);
    w.key("parameters").beginObject();
    w.key("model").value(response.model);
    w.key("queue_us").value(response.timings.queueUs);
    w.key("compute_us").value(response.timings.computeUs);
    w.key("batch_size").value(response.timings.batchSize);
    w.endObject();
    w.key("outputs").beginArray();
    bool anyBinary = false;
    for (const Chosen &c : chosen) {
        const Tensor &t = *c.tensor;
        if (auto s = t.checkConsistent(); !s)
            return fail(Error::internal(QStringLiteral("runtime returned an inconsistent output: %1").arg(s.error().message)));
        w.beginObject();
        w.key("name").value(t.name);
        w.key("datatype").value(Runtime::dataTypeName(t.dtype));
        w.key("shape").beginArray();
        for (std::int64_t d : t.shape)
            w.value(d);
        w.endArray();
        if (c.binary) {
            anyBinary = true;
            w.key("parameters").beginObject().key("binary_data_size").value(std::int64_t(t.data.size())).endObject();
        } else {
            w.key("data");
            w.raw({}); // comma/colon bookkeeping; the array text follows
            appendTensorData(out, t);
        }
        w.endObject();
    }
    w.endArray();
    w.endObject();

    if (anyBinary) {
        enc.jsonLength = out.size();
        for (const Chosen &c : chosen) {
            if (c.binary)
                out.append(c.tensor->data.constData(), std::size_t(c.tensor->data.size()));
        }
        enc.contentType = "application/octet-stream";
    } else {
        enc.contentType = "application/json";
    }
    return enc;
}

std::uint16_t floatToHalf(float f)
{
    std::uint32_t x;
    std::memcpy(&x, &f, 4);
    const std::uint32_t sign = (x >> 16) & 0x8000u;
    std::uint32_t mant = x & 0x007fffffu;
    const int exp = int((x >> 23) & 0xffu);
    if (exp == 0xff) // inf or NaN (keep NaN quiet)
        return std::uint16_t(sign | 0x7c00u | (mant ? 0x200u | (mant >> 13) : 0u));
    const int e = exp - 127 + 15;
    if (e >= 0x1f)
        return std::uint16_t(sign | 0x7c00u);
    if (e <= 0) {
        if (e < -10)
            return std::uint16_t(sign);
        mant |= 0x00800000u;
        const int shift = 14 - e;
        std::uint32_t half = mant >> shift;
        const std::uint32_t rem = mant & ((1u << shift) - 1u);
        const std::uint32_t halfway = 1u << (shift - 1);
        if (rem > halfway || (rem == halfway && (half & 1u)))
            ++half;
        return std::uint16_t(sign | half);
    }
    std::uint32_t half = sign | (std::uint32_t(e) << 10) | (mant >> 13);
    const std::uint32_t rem = mant & 0x1fffu;
    if (rem > 0x1000u || (rem == 0x1000u && (half & 1u)))
        ++half; // may carry into the exponent: rounds up to the next binade or to infinity, as it should
    return std::uint16_t(half);
}

float halfToFloat(std::uint16_t h)
{
    const std::uint32_t sign = std::uint32_t(h & 0x8000u) << 16;
    int exp = (h >> 10) & 0x1f;
    std::uint32_t mant = h & 0x3ffu;
    std::uint32_t x;
    if (exp == 0) {
        if (mant == 0) {
            x = sign;
        } else {
            exp = 1;
            while (!(mant & 0x400u)) {
                mant <<= 1;
                --exp;
            }
            mant &= 0x3ffu;
            x = sign | (std::uint32_t(exp + 112) << 23) | (mant << 13);
        }
    } else if (exp == 0x1f) {
        x = sign | 0x7f800000u | (mant << 13);
    } else {
        x = sign | (std::uint32_t(exp + 112) << 23) | (mant << 13);
    }
    float f;
    std::memcpy(&f, &x, 4);
    return f;
}

std::uint16_t floatToBFloat16(float f)
{
    std::uint32_t x;
    std::memcpy(&x, &f, 4);
    if ((x & 0x7fffffffu) > 0x7f800000u)
        return std::uint16_t((x >> 16) | 0x40u); // quiet NaN
    x += 0x7fffu + ((x >> 16) & 1u);
    return std::uint16_t(x >> 16);
}

float bfloat16ToFloat(std::uint16_t b)
{
    const std::uint32_t x = std::uint32_t(b) << 16;
    float f;
    std::memcpy(&f, &x, 4);
    return f;
}

} // namespace ModelDesk::Serving::KServe
