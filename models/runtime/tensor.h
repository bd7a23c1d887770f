#pragma once
// Torch-free tensor value used between the HTTP layer and the runtime: a name, a KServe v2 datatype,
// a shape and contiguous little-endian bytes. The runtime converts to/from torch::Tensor.

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace ModelDesk::Runtime {

enum class DataType { Bool, UInt8, Int8, Int16, Int32, Int64, Float16, BFloat16, Float32, Float64 };

// KServe v2 names: BOOL, UINT8, INT8, INT16, INT32, INT64, FP16, BF16, FP32, FP64.
QString dataTypeName(DataType t);
std::optional<DataType> dataTypeFromName(QStringView name);
int dataTypeSize(DataType t); // bytes per element (BOOL = 1)

struct Tensor
{
    QString name;
    DataType dtype = DataType::Float32;
    std::vector<int64_t> shape;
    QByteArray data;          // element count * dataTypeSize bytes, row-major, little-endian

    // Product of the shape (1 for a scalar); nullopt when a dim is negative or the product overflows.
    std::optional<int64_t> elementCount() const;
    // Checks data.size() == elementCount() * dataTypeSize(dtype); InvalidArgument naming the tensor otherwise.
    Status checkConsistent() const;
};

} // namespace ModelDesk::Runtime
