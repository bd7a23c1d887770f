#pragma once
// Reads the central directory of a zip archive held in memory (ZIP64 included: LibTorch's writer
// always emits the ZIP64 end records, whatever the file size) and checks that every entry's local
// header and data lie inside the file. Private to the artifacts part; the TorchScript checks on top
// live in archivecheck.cpp. No decompression, no LibTorch.

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace ModelDesk::Artifacts {

struct ZipEntry
{
    QByteArray name;          // raw bytes as stored (UTF-8 or CP437)
    quint16 flags = 0;
    quint16 method = 0;       // 0 stored, 8 deflate
    quint64 compressedSize = 0;
    quint64 uncompressedSize = 0;
    quint64 localHeaderOffset = 0;
};

// Entries in central-directory order. Errors are InvalidArgument with a one-line reason.
Result<QList<ZipEntry>> readZipDirectory(QByteArrayView bytes);

} // namespace ModelDesk::Artifacts
