// ZIP central-directory reader (ZIP64 too) that checks every TorchScript upload before LibTorch
// sees it: every entry it accepts must lie inside the file.
#include "artifacts/ziparchive.h"

#include <cstdint>
#include <cstdlib>

using namespace ModelDesk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto entries = Artifacts::readZipDirectory(bytes);
    if (!entries)
        return 0;
    for (const auto &e : *entries) {
        if (e.localHeaderOffset >= quint64(size))
            std::abort(); // accepted an entry whose local header is outside the file
    }
    return 0;
}
