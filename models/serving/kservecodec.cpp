#include "kservecodec.h"

#include <simdjson.h>

#include <array>
#include <cstring>
#include <limits>

namespace ModelDesk::Serving::KServe {

using Runtime::DataType;
using Runtime::Tensor;
namespace od = simdjson::ondemand;

namespace {

constexpr int kMaxRank = 16;
constexpr int kMaxNesting = 32;

Error invalid(const QString &message) { return Error::invalid(message); }

QString fromView(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

QString jsonError(simdjson::error_code e)
{
    return QString::fromLatin1(simdjson::error_message(e));
}

// Writes parsed scalars into the tensor buffer, converting to the tensor's datatype. The scalar
// reader is chosen once per tensor (no per-value datatype switch), and the JSON type is looked at
// only for the first value of each array (flat arrays are the common case).
class TensorFiller
{
public:
    TensorFiller(Tensor &t, std::int64_t count) : m_tensor(t), m_count(count), m_size(Runtime::dataTypeSize(t.dtype))
    {
        m_out = reinterpret_cast<unsigned char *>(t.data.data());
        switch (t.dtype) {
        case DataType::Bool: m_scalar = &TensorFiller::boolean; break;
        case DataType::UInt8: m_scalar = &TensorFiller::integer<std::uint8_t>; break;
        case DataType::Int8: m_scalar = &TensorFiller::integer<std::int8_t>; break;
        case DataType::Int16: m_scalar = &TensorFiller::integer<std::int16_t>; break;
        case DataType::Int32: m_scalar = &TensorFiller::integer<std::int32_t>; break;
        case DataType::Int64: m_scalar = &TensorFiller::integer<std::int64_t>; break;
        case DataType::Float16: m_scalar = &TensorFiller::floating<DataType::Float16>; break;
        case DataType::BFloat16: m_scalar = &TensorFiller::floating<DataType::BFloat16>; break;
        case DataType::Float32: m_scalar = &TensorFiller::floating<DataType::Float32>; break;
        case DataType::Float64: m_scalar = &TensorFiller::floating<DataType::Float64>; break;
        }
    }

    Status fill(od::array array, int depth)
    {
        if (depth > kMaxNesting)
            return fail(invalid(QStringLiteral("input '%1': data is nested too deeply").arg(m_tensor.name)));
        bool first = true;
        bool nested = false;
        for (auto element : array) {
            od::value v;
            if (auto e = std::move(element).get(v))
                return fail(invalid(QStringLiteral("input '%1': invalid JSON in data: %2").arg(m_tensor.name, jsonError(e))));
            if (first) {
                od::json_type type;
                if (auto e = v.type().get(type))
                    return fail(invalid(QStringLiteral("input '%1': invalid JSON in data: %2").arg(m_tensor.name, jsonError(e))));
                nested = type == od::json_type::array;
                first = false;
            }
            if (nested) {
                od::array inner;
                if (v.get_array().get(inner))
                    return fail(invalid(QStringLiteral("input '%1': data mixes arrays and values at one level").arg(m_tensor.name)));
                if (auto s = fill(inner, depth + 1); !s)
                    return s;
                continue;
            }
            if (m_index >= m_count)
                return fail(tooMany());
            if (auto s = (this->*m_scalar)(v); !s)
                return s;
            ++m_index;
        }
        return {};
    }

    Status finish() const
    {
        if (m_index != m_count)
            return fail(invalid(QStringLiteral("input '%1': shape %2 needs %3 values, data has %4")
                                    .arg(m_tensor.name, shapeText())
                                    .arg(m_count)
                                    .arg(m_index)));
        return {};
    }

private:
    using ScalarReader = Status (TensorFiller::*)(od::value &);

    QString shapeText() const
    {
        QStringList dims;
        for (auto d : m_tensor.shape)
            dims << QString::number(d);
        return QLatin1Char('[') + dims.join(QLatin1Char(',')) + QLatin1Char(']');
    }

    Error tooMany() const
    {
        return invalid(QStringLiteral("input '%1': data has more values than shape %2 allows (%3)")
                           .arg(m_tensor.name, shapeText())
                           .arg(m_count));
    }

    Error badValue(const char *expected) const
    {
        return invalid(QStringLiteral("input '%1': value %2 is not %3")
                           .arg(m_tensor.name)
                           .arg(m_index)
                           .arg(QLatin1String(expected)));
    }

    template <typename T>
    void put(T v)
    {
        std::memcpy(m_out + m_index * m_size, &v, sizeof(T));
    }

    template <typename T>
    Status integer(od::value &v)
    {
        std::int64_t x = 0;
        if (v.get_int64().get(x))
            return fail(badValue("an integer"));
        if (x < std::int64_t(std::numeric_limits<T>::min()) || x > std::int64_t(std::numeric_limits<T>::max()))
            return fail(invalid(QStringLiteral("input '%1': value %2 (%3) is out of range for %4")
                                    .arg(m_tensor.name)
                                    .arg(m_index)
                                    .arg(x)
                                    .arg(Runtime::dataTypeName(m_tensor.dtype))));
        put(T(x));
        return {};
    }

    Status boolean(od::value &v)
    {
        bool b = false;
        if (!v.get_bool().get(b)) {
            put<std::uint8_t>(b ? 1 : 0);
            return {};
        }
        std::int64_t x = 0;
        if (v.get_int64().get(x) || (x != 0 && x != 1))
            return fail(badValue("a boolean (true/false)"));
        put<std::uint8_t>(std::uint8_t(x));
        return {};
    }

    template <DataType D>
    Status floating(od::value &v)
    {
        double d = 0;
        if (v.get_double().get(d))
            return fail(badValue("a number"));
        if constexpr (D == DataType::Float64)
            put(d);
        else if constexpr (D == DataType::Float32)
            put(float(d));
        else if constexpr (D == DataType::Float16)
            put(floatToHalf(float(d)));
        else
            put(floatToBFloat16(float(d)));
        return {};
    }

    Tensor &m_tensor;
    std::int64_t m_count;
    std::int64_t m_index = 0;
    int m_size;
    unsigned char *m_out;
    ScalarReader m_scalar = nullptr;
};

struct PendingInput
{
    Tensor tensor;
    bool hasName = false;
    bool hasType = false;
    bool hasShape = false;
    std::optional<std::int64_t> binarySize;
    bool hasParameters = false;
    bool hasData = false;
    bool dataParsed = false;
    std::string_view deferredData; // raw JSON array, when data came before datatype/shape
};

// A key given twice in one input would let a later "shape" or "datatype" contradict data already
// decoded against the first one; JSON leaves duplicates undefined, so they are refused.
Status once(bool &seen, std::string_view key, const QString &input)
{
    if (seen)
        return fail(invalid(QStringLiteral("input '%1': key \"%2\" is given more than once").arg(input, fromView(key))));
    seen = true;
    return {};
}

// Checks the declared shape and allocates the tensor once we know the data can match it.
Status allocate(Tensor &t, std::size_t availableBytes, bool binary)
{
    const auto n = t.elementCount();
    if (!n)
        return fail(invalid(QStringLiteral("input '%1': shape has a negative or too large dimension").arg(t.name)));
    const std::int64_t size = Runtime::dataTypeSize(t.dtype);
    if (*n > std::numeric_limits<std::int64_t>::max() / size)
        return fail(invalid(QStringLiteral("input '%1': shape is too large").arg(t.name)));
    // A JSON value takes at least one byte, a binary one exactly `size`: a shape that promises more
    // than the body holds is refused before anything is allocated.
    const std::uint64_t needed = binary ? std::uint64_t(*n * size) : std::uint64_t(*n);
    if (needed > availableBytes)
        return fail(invalid(QStringLiteral("input '%1': shape declares %2 elements of %3, more than the request carries")
                                .arg(t.name)
                                .arg(*n)
                                .arg(Runtime::dataTypeName(t.dtype))));
    t.data = QByteArray(qsizetype(*n * size), Qt::Uninitialized);
    return {};
}

Status parseJsonData(PendingInput &in, od::array array, std::size_t rawBytes)
{
    if (auto s = allocate(in.tensor, rawBytes, false); !s)
        return s;
    TensorFiller filler(in.tensor, *in.tensor.elementCount());
    if (auto s = filler.fill(array, 1); !s)
        return s;
    in.dataParsed = true;
    return filler.finish();
}

Status parseInput(od::object object, PendingInput &in, std::size_t jsonSize)
{
    for (auto fieldResult : object) {
        od::field field;
        if (auto e = std::move(fieldResult).get(field))
            return fail(invalid(QStringLiteral("invalid JSON in inputs: %1").arg(jsonError(e))));
        const auto key = field.key();
        od::value v = field.value();
        if (key == "name") {
            if (auto s = once(in.hasName, "name", in.tensor.name); !s)
                return s;
            std::string_view s;
            if (v.get_string().get(s))
                return fail(invalid(QStringLiteral("input name must be a string")));
            in.tensor.name = fromView(s);
        } else if (key == "datatype") {
            if (auto s = once(in.hasType, "datatype", in.tensor.name); !s)
                return s;
            std::string_view s;
            if (v.get_string().get(s))
                return fail(invalid(QStringLiteral("input datatype must be a string")));
            const QString name = fromView(s);
            if (name == QLatin1String("BYTES"))
                return fail(Error::unsupported(QStringLiteral("input '%1': datatype BYTES is not supported").arg(in.tensor.name)));
            const auto dt = Runtime::dataTypeFromName(name);
            if (!dt)
                return fail(invalid(QStringLiteral("input '%1': unknown datatype '%2'").arg(in.tensor.name, name.left(20))));
            in.tensor.dtype = *dt;
        } else if (key == "shape") {
            if (auto s = once(in.hasShape, "shape", in.tensor.name); !s)
                return s;
            od::array dims;
            if (v.get_array().get(dims))
                return fail(invalid(QStringLiteral("input '%1': shape must be an array of integers").arg(in.tensor.name)));
            in.tensor.shape.clear();
            for (auto dimResult : dims) {
                std::int64_t d = 0;
                if (dimResult.get_int64().get(d) || d < 0)
                    return fail(invalid(QStringLiteral("input '%1': shape must hold non-negative integers").arg(in.tensor.name)));
                if (in.tensor.shape.size() >= kMaxRank)
                    return fail(invalid(QStringLiteral("input '%1': rank is larger than %2").arg(in.tensor.name).arg(kMaxRank)));
                in.tensor.shape.push_back(d);
            }
        } else if (key == "parameters") {
            if (auto s = once(in.hasParameters, "parameters", in.tensor.name); !s)
                return s;
            od::object params;
            if (v.get_object().get(params))
                return fail(invalid(QStringLiteral("input '%1': parameters must be an object").arg(in.tensor.name)));
            for (auto p : params) {
                od::field pf;
                if (std::move(p).get(pf))
                    return fail(invalid(QStringLiteral("input '%1': invalid parameters").arg(in.tensor.name)));
                if (pf.key() == "binary_data_size") {
                    std::int64_t n = 0;
                    if (pf.value().get_int64().get(n) || n < 0)
                        return fail(invalid(QStringLiteral("input '%1': binary_data_size must be a non-negative integer")
                                                .arg(in.tensor.name)));
                    in.binarySize = n;
                }
            }
        } else if (key == "data") {
            if (auto s = once(in.hasData, "data", in.tensor.name); !s)
                return s;
            od::array array;
            if (v.get_array().get(array))
                return fail(invalid(QStringLiteral("input '%1': data must be an array").arg(in.tensor.name)));
            if (in.hasType && in.hasShape) {
                if (auto s = parseJsonData(in, array, jsonSize); !s)
                    return s;
            } else {
                std::string_view raw;
                if (auto e = array.raw_json().get(raw))
                    return fail(invalid(QStringLiteral("input '%1': invalid JSON in data: %2").arg(in.tensor.name, jsonError(e))));
                in.deferredData = raw;
            }
        }
    }
    return {};
}

} // namespace

Result<std::optional<std::size_t>> parseHeaderLength(std::string_view value, std::size_t bodySize)
{
    if (value.empty())
        return std::optional<std::size_t>();
    std::size_t n = 0;
    for (char c : value) {
        if (c < '0' || c > '9' || n > (std::numeric_limits<std::size_t>::max() - 9) / 10)
            return fail(invalid(QStringLiteral("Inference-Header-Content-Length must be a non-negative integer")));
        n = n * 10 + std::size_t(c - '0');
    }
    if (n > bodySize)
        return fail(invalid(QStringLiteral("Inference-Header-Content-Length (%1) is larger than the body (%2 bytes)")
                                .arg(n)
                                .arg(bodySize)));
    return std::optional<std::size_t>(n);
}

Result<DecodedInferRequest> decodeInferRequest(const std::string &body, std::optional<std::size_t> jsonLength)
{
    thread_local od::parser parser;
    thread_local od::parser dataParser;
    const std::size_t jsonSize = jsonLength.value_or(body.size());
    if (jsonSize > body.size())
        return fail(invalid(QStringLiteral("JSON header length is larger than the body")));

    // simdjson reads up to SIMDJSON_PADDING bytes past the JSON; the body string normally has room.
    std::string padded;
    const char *base = body.data();
    std::size_t capacity = body.capacity();
    if (capacity < jsonSize + simdjson::SIMDJSON_PADDING) {
        padded.reserve(jsonSize + simdjson::SIMDJSON_PADDING);
        padded.assign(body.data(), jsonSize);
        base = padded.data();
        capacity = padded.capacity();
    }

    od::document doc;
    if (auto e = parser.iterate(simdjson::padded_string_view(base, jsonSize, capacity)).get(doc))
        return fail(invalid(QStringLiteral("request body is not valid JSON: %1").arg(jsonError(e))));
    od::object root;
    if (auto e = doc.get_object().get(root))
        return fail(invalid(QStringLiteral("request body must be a JSON object: %1").arg(jsonError(e))));

    DecodedInferRequest out;
    std::vector<PendingInput> inputs;
    bool sawInputs = false;
    bool seenTop[4] = {}; // id, parameters, inputs, outputs
    for (auto fieldResult : root) {
        od::field field;
        if (auto e = std::move(fieldResult).get(field))
            return fail(invalid(QStringLiteral("request body is not valid JSON: %1").arg(jsonError(e))));
        const auto key = field.key();
        od::value v = field.value();
        if (key == "id" || key == "parameters" || key == "inputs" || key == "outputs") {
            const auto slot = key == "id" ? 0 : key == "parameters" ? 1 : key == "inputs" ? 2 : 3;
            if (seenTop[slot])
                return fail(invalid(QStringLiteral("request key \"%1\" is given more than once")
                                        .arg(QLatin1String(std::array{"id", "parameters", "inputs", "outputs"}[slot]))));
            seenTop[slot] = true;
        }
        if (key == "id") {
            std::string_view s;
            if (v.get_string().get(s))
                return fail(invalid(QStringLiteral("request id must be a string")));
            out.id = fromView(s);
        } else if (key == "parameters") {
            od::object params;
            if (v.get_object().get(params))
                return fail(invalid(QStringLiteral("request parameters must be an object")));
            for (auto p : params) {
                od::field pf;
                if (std::move(p).get(pf))
                    return fail(invalid(QStringLiteral("invalid request parameters")));
                if (pf.key() == "binary_data_output") {
                    bool b = false;
                    if (pf.value().get_bool().get(b))
                        return fail(invalid(QStringLiteral("parameter binary_data_output must be a boolean")));
                    out.binaryOutputs = b;
                }
            }
        } else if (key == "inputs") {
            sawInputs = true;
            od::array array;
            if (v.get_array().get(array))
                return fail(invalid(QStringLiteral("inputs must be an array")));
            for (auto element : array) {
                od::object object;
                if (element.get_object().get(object))
                    return fail(invalid(QStringLiteral("each input must be an object")));
                PendingInput in;
                if (auto s = parseInput(object, in, jsonSize); !s)
                    return fail(s.error());
                inputs.push_back(std::move(in));
            }
        } else if (key == "outputs") {
            od::array array;
            if (v.get_array().get(array))
                return fail(invalid(QStringLiteral("outputs must be an array")));
            for (auto element : array) {
                od::object object;
                if (element.get_object().get(object))
                    return fail(invalid(QStringLiteral("each requested output must be an object")));
                RequestedOutput ro;
                bool named = false;
                for (auto f : object) {
                    od::field of;
                    if (std::move(f).get(of))
                        return fail(invalid(QStringLiteral("invalid requested output")));
                    if (of.key() == "name") {
                        std::string_view s;
                        if (of.value().get_string().get(s))
                            return fail(invalid(QStringLiteral("output name must be a string")));
                        ro.name = fromView(s);
                        named = true;
                    } else if (of.key() == "parameters") {
                        od::object params;
                        if (of.value().get_object().get(params))
                            return fail(invalid(QStringLiteral("output parameters must be an object")));
                        for (auto p : params) {
                            od::field pf;
                            if (std::move(p).get(pf))
                                return fail(invalid(QStringLiteral("invalid output parameters")));
                            if (pf.key() == "binary_data") {
                                bool b = false;
                                if (pf.value().get_bool().get(b))
                                    return fail(invalid(QStringLiteral("output parameter binary_data must be a boolean")));
                                ro.binary = b;
                            } else if (pf.key() == "classification") {
                                return fail(Error::unsupported(QStringLiteral("the classification extension is not supported")));
                            }
                        }
                    }
                }
                if (!named)
                    return fail(invalid(QStringLiteral("a requested output has no name")));
                out.outputs.push_back(std::move(ro));
            }
        }
    }
    // Anything after the top-level object is an error (simdjson On-Demand stops at the object's end).
    const char *trailing = nullptr;
    if (doc.current_location().get(trailing) == simdjson::SUCCESS)
        return fail(invalid(QStringLiteral("request body has content after the JSON object")));
    if (!sawInputs || inputs.empty())
        return fail(invalid(QStringLiteral("request has no inputs")));

    // Binary tensors follow the JSON in input order.
    std::size_t offset = jsonSize;
    for (PendingInput &in : inputs) {
        if (!in.hasName || in.tensor.name.isEmpty())
            return fail(invalid(QStringLiteral("an input has no name")));
        if (!in.hasType)
            return fail(invalid(QStringLiteral("input '%1' has no datatype").arg(in.tensor.name)));
        if (!in.hasShape)
            return fail(invalid(QStringLiteral("input '%1' has no shape").arg(in.tensor.name)));
        if (in.binarySize) {
            if (in.dataParsed || !in.deferredData.empty())
                return fail(invalid(QStringLiteral("input '%1' has both data and binary_data_size").arg(in.tensor.name)));
            if (!jsonLength)
                return fail(invalid(QStringLiteral("input '%1' uses binary_data_size but the request has no "
                                                   "Inference-Header-Content-Length header")
                                        .arg(in.tensor.name)));
            const std::size_t size = std::size_t(*in.binarySize);
            if (size > body.size() - offset)
                return fail(invalid(QStringLiteral("input '%1': binary_data_size %2 runs past the end of the body")
                                        .arg(in.tensor.name)
                                        .arg(size)));
            const auto n = in.tensor.elementCount();
            const std::int64_t elementSize = Runtime::dataTypeSize(in.tensor.dtype);
            if (n && *n <= std::numeric_limits<std::int64_t>::max() / elementSize && std::uint64_t(*n * elementSize) != size)
                return fail(invalid(QStringLiteral("input '%1': shape and %2 need %3 bytes, binary_data_size is %4")
                                        .arg(in.tensor.name, Runtime::dataTypeName(in.tensor.dtype))
                                        .arg(*n * elementSize)
                                        .arg(size)));
            if (auto s = allocate(in.tensor, size, true); !s)
                return fail(s.error());
            if (size)
                std::memcpy(in.tensor.data.data(), body.data() + offset, size);
            offset += size;
        } else if (!in.deferredData.empty()) {
            const std::string_view raw = in.deferredData;
            const std::size_t room = std::size_t(base + capacity - raw.data());
            od::document dataDoc;
            if (auto e = dataParser.iterate(simdjson::padded_string_view(raw.data(), raw.size(), room)).get(dataDoc))
                return fail(invalid(QStringLiteral("input '%1': invalid JSON in data: %2").arg(in.tensor.name, jsonError(e))));
            od::array array;
            if (dataDoc.get_array().get(array))
                return fail(invalid(QStringLiteral("input '%1': data must be an array").arg(in.tensor.name)));
            if (auto s = parseJsonData(in, array, raw.size()); !s)
                return fail(s.error());
        } else if (!in.dataParsed) {
            return fail(invalid(QStringLiteral("input '%1' has no data").arg(in.tensor.name)));
        }
        // Whatever order the keys came in, what leaves here matches its shape and datatype.
        if (auto s = in.tensor.checkConsistent(); !s)
            return fail(invalid(s.error().message));
        out.inputs.push_back(std::move(in.tensor));
    }
    if (jsonLength && offset != body.size())
        return fail(invalid(QStringLiteral("binary tensor data is %1 bytes, the inputs declare %2")
                                .arg(body.size() - jsonSize)
                                .arg(offset - jsonSize)));
    return out;
}

} // namespace ModelDesk::Serving::KServe
