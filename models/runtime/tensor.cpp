#include "tensor.h"

#include <limits>

namespace ModelDesk::Runtime {

QString dataTypeName(DataType t)
{
    switch (t) {
    case DataType::Bool: return QStringLiteral("BOOL");
    case DataType::UInt8: return QStringLiteral("UINT8");
    case DataType::Int8: return QStringLiteral("INT8");
    case DataType::Int16: return QStringLiteral("INT16");
    case DataType::Int32: return QStringLiteral("INT32");
    case DataType::Int64: return QStringLiteral("INT64");
    case DataType::Float16: return QStringLiteral("FP16");
    case DataType::BFloat16: return QStringLiteral("BF16");
    case DataType::Float32: return QStringLiteral("FP32");
    case DataType::Float64: return QStringLiteral("FP64");
    }
    return QStringLiteral("FP32");
}

std::optional<DataType> dataTypeFromName(QStringView name)
{
    static const std::pair<const char *, DataType> table[] = {
        {"BOOL", DataType::Bool},   {"UINT8", DataType::UInt8},   {"INT8", DataType::Int8},
        {"INT16", DataType::Int16}, {"INT32", DataType::Int32},   {"INT64", DataType::Int64},
        {"FP16", DataType::Float16}, {"BF16", DataType::BFloat16}, {"FP32", DataType::Float32},
        {"FP64", DataType::Float64}};
    for (const auto &[n, t] : table) {
        if (name == QLatin1String(n))
            return t;
    }
    return std::nullopt;
}

int dataTypeSize(DataType t)
{
    switch (t) {
    case DataType::Bool:
    case DataType::UInt8:
    case DataType::Int8: return 1;
    case DataType::Int16:
    case DataType::Float16:
    case DataType::BFloat16: return 2;
    case DataType::Int32:
    case DataType::Float32: return 4;
    case DataType::Int64:
    case DataType::Float64: return 8;
    }
    return 4;
}

std::optional<int64_t> Tensor::elementCount() const
{
    int64_t n = 1;
    for (int64_t d : shape) {
        if (d < 0)
            return std::nullopt;
        if (d != 0 && n > std::numeric_limits<int64_t>::max() / d)
            return std::nullopt;
        n *= d;
    }
    return n;
}

Status Tensor::checkConsistent() const
{
    const auto n = elementCount();
    if (!n)
        return fail(Error::invalid(QStringLiteral("tensor '%1' has an invalid shape").arg(name)));
    const int size = dataTypeSize(dtype);
    if (*n > std::numeric_limits<int64_t>::max() / size || *n * size != data.size())
        return fail(Error::invalid(QStringLiteral("tensor '%1': shape and datatype %2 need %3 elements, got %4 bytes")
                                       .arg(name, dataTypeName(dtype))
                                       .arg(*n)
                                       .arg(data.size())));
    return {};
}

} // namespace ModelDesk::Runtime
