#include "ziparchive.h"

#include <QtEndian>

#include <optional>

namespace ModelDesk::Artifacts {

namespace {

// Record signatures and fixed sizes from PKWARE's APPNOTE.TXT (6.3.x), sections 4.3.7 - 4.3.16.
constexpr quint32 kLocalHeaderSig = 0x04034b50;
constexpr quint32 kCentralHeaderSig = 0x02014b50;
constexpr quint32 kEndSig = 0x06054b50;
constexpr quint32 kZip64EndSig = 0x06064b50;
constexpr quint32 kZip64LocatorSig = 0x07064b50;
constexpr quint64 kLocalHeaderSize = 30;
constexpr quint64 kCentralHeaderSize = 46;
constexpr quint64 kEndSize = 22;
constexpr quint64 kZip64EndSize = 56;
constexpr quint64 kZip64LocatorSize = 20;
constexpr quint16 kZip64ExtraId = 0x0001;

Error corrupt(const char *why)
{
    return Error::invalid(QStringLiteral("archive is truncated or corrupt (%1)").arg(QLatin1String(why)));
}

// Bounds-checked little-endian reads: every offset comes from the untrusted file.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes) : m_bytes(bytes) {}
    quint64 size() const { return quint64(m_bytes.size()); }
    bool has(quint64 offset, quint64 length) const { return offset <= size() && length <= size() - offset; }
    quint16 u16(quint64 at) const { return qFromLittleEndian<quint16>(m_bytes.data() + at); }
    quint32 u32(quint64 at) const { return qFromLittleEndian<quint32>(m_bytes.data() + at); }
    quint64 u64(quint64 at) const { return qFromLittleEndian<quint64>(m_bytes.data() + at); }
    QByteArrayView slice(quint64 at, quint64 length) const { return m_bytes.sliced(qsizetype(at), qsizetype(length)); }

private:
    QByteArrayView m_bytes;
};

struct Directory
{
    quint64 entries = 0;
    quint64 offset = 0;
    quint64 size = 0;
    quint64 limit = 0; // where the central directory must end (the first end record)
};

// The end of central directory record: the last signature whose comment reaches the file's end.
std::optional<quint64> findEnd(const Reader &r)
{
    if (r.size() < kEndSize)
        return std::nullopt;
    const quint64 lowest = r.size() - kEndSize > 0xffff ? r.size() - kEndSize - 0xffff : 0;
    for (quint64 at = r.size() - kEndSize;; --at) {
        if (r.u32(at) == kEndSig && at + kEndSize + r.u16(at + 20) == r.size())
            return at;
        if (at == lowest)
            return std::nullopt;
    }
}

Result<Directory> readEnd(const Reader &r)
{
    const auto end = findEnd(r);
    if (!end)
        return fail(corrupt("end of central directory not found"));
    const quint64 at = *end;
    const quint16 disk = r.u16(at + 4), cdDisk = r.u16(at + 6);
    const quint16 diskEntries = r.u16(at + 8), entries = r.u16(at + 10);
    const quint32 cdSize = r.u32(at + 12), cdOffset = r.u32(at + 16);

    Directory d{entries, cdOffset, cdSize, at};
    const bool hasLocator = at >= kZip64LocatorSize && r.u32(at - kZip64LocatorSize) == kZip64LocatorSig;
    if (hasLocator) {
        const quint64 loc = at - kZip64LocatorSize;
        const quint64 z = r.u64(loc + 8);
        if (r.u32(loc + 4) != 0 || r.u32(loc + 16) != 1)
            return fail(Error::invalid(QStringLiteral("multi-part zip archives are not supported")));
        if (z > loc || loc - z < kZip64EndSize || r.u32(z) != kZip64EndSig)
            return fail(corrupt("bad ZIP64 end of central directory"));
        const quint64 recordSize = r.u64(z + 4);
        if (recordSize < kZip64EndSize - 12 || recordSize > loc - z - 12)
            return fail(corrupt("bad ZIP64 end of central directory"));
        if (r.u32(z + 16) != 0 || r.u32(z + 20) != 0)
            return fail(Error::invalid(QStringLiteral("multi-part zip archives are not supported")));
        if (r.u64(z + 24) != r.u64(z + 32))
            return fail(corrupt("entry counts disagree"));
        const Directory z64{r.u64(z + 32), r.u64(z + 48), r.u64(z + 40), z};
        // Where the classic record has a real value (not the 0xFFFF... "see ZIP64" marker) it must agree.
        if ((entries != 0xffff && entries != z64.entries) || (cdSize != 0xffffffff && cdSize != z64.size)
            || (cdOffset != 0xffffffff && cdOffset != z64.offset))
            return fail(corrupt("end records disagree"));
        d = z64;
    } else {
        if (disk != 0 || cdDisk != 0)
            return fail(Error::invalid(QStringLiteral("multi-part zip archives are not supported")));
        if (diskEntries != entries)
            return fail(corrupt("entry counts disagree"));
    }
    if (d.offset > d.limit || d.size > d.limit - d.offset)
        return fail(corrupt("central directory outside the file"));
    // Each entry takes at least a fixed header: this bounds the work before any allocation.
    if (d.entries > d.size / kCentralHeaderSize)
        return fail(corrupt("central directory too small for its entry count"));
    return d;
}

// Fills the 64-bit values that the central header marks as 0xFFFFFFFF from the ZIP64 extra field
// (APPNOTE 4.5.3: only the marked fields are present, in this order).
Status applyZip64Extra(const Reader &r, quint64 extraAt, quint64 extraLength, ZipEntry &e, bool needUncompressed,
                       bool needCompressed, bool needOffset)
{
    if (!needUncompressed && !needCompressed && !needOffset)
        return {};
    quint64 at = extraAt;
    const quint64 end = extraAt + extraLength;
    while (end - at >= 4) {
        const quint16 id = r.u16(at), length = r.u16(at + 2);
        if (length > end - at - 4)
            break;
        if (id == kZip64ExtraId) {
            quint64 p = at + 4;
            const quint64 fieldEnd = p + length;
            auto take = [&](quint64 &value) {
                if (fieldEnd - p < 8)
                    return false;
                value = r.u64(p);
                p += 8;
                return true;
            };
            if ((needUncompressed && !take(e.uncompressedSize)) || (needCompressed && !take(e.compressedSize))
                || (needOffset && !take(e.localHeaderOffset)))
                return fail(corrupt("short ZIP64 extra field"));
            return {};
        }
        at += 4 + length;
    }
    return fail(corrupt("missing ZIP64 extra field"));
}

Status checkLocalHeader(const Reader &r, const ZipEntry &e, quint64 dataLimit)
{
    const quint64 at = e.localHeaderOffset;
    if (!r.has(at, kLocalHeaderSize) || at + kLocalHeaderSize > dataLimit || r.u32(at) != kLocalHeaderSig)
        return fail(corrupt("bad local header"));
    const quint64 nameLength = r.u16(at + 26), extraLength = r.u16(at + 28);
    const quint64 dataAt = at + kLocalHeaderSize + nameLength + extraLength;
    if (dataAt > dataLimit || e.compressedSize > dataLimit - dataAt)
        return fail(corrupt("entry data outside the file"));
    // The loader finds data through the local header; a different name there would let the
    // directory we checked and the bytes the loader reads tell different stories.
    if (r.slice(at + kLocalHeaderSize, nameLength) != QByteArrayView(e.name))
        return fail(corrupt("local and central entry names differ"));
    return {};
}

} // namespace

Result<QList<ZipEntry>> readZipDirectory(QByteArrayView bytes)
{
    const Reader r(bytes);
    const auto dir = readEnd(r);
    if (!dir)
        return fail(dir.error());

    QList<ZipEntry> entries;
    entries.reserve(qsizetype(dir->entries));
    const quint64 cdEnd = dir->offset + dir->size;
    quint64 at = dir->offset;
    for (quint64 i = 0; i < dir->entries; ++i) {
        if (cdEnd - at < kCentralHeaderSize || r.u32(at) != kCentralHeaderSig)
            return fail(corrupt("bad central directory entry"));
        ZipEntry e;
        e.flags = r.u16(at + 8);
        e.method = r.u16(at + 10);
        const quint32 compressed = r.u32(at + 20), uncompressed = r.u32(at + 24);
        const quint64 nameLength = r.u16(at + 28), extraLength = r.u16(at + 30), commentLength = r.u16(at + 32);
        const quint16 diskStart = r.u16(at + 34);
        const quint32 offset = r.u32(at + 42);
        const quint64 variable = nameLength + extraLength + commentLength;
        if (cdEnd - at - kCentralHeaderSize < variable)
            return fail(corrupt("central directory entry runs past its end"));
        e.name = r.slice(at + kCentralHeaderSize, nameLength).toByteArray();
        e.compressedSize = compressed;
        e.uncompressedSize = uncompressed;
        e.localHeaderOffset = offset;
        if (auto s = applyZip64Extra(r, at + kCentralHeaderSize + nameLength, extraLength, e,
                                     uncompressed == 0xffffffff, compressed == 0xffffffff, offset == 0xffffffff);
            !s)
            return fail(s.error());
        if (diskStart != 0 && diskStart != 0xffff)
            return fail(Error::invalid(QStringLiteral("multi-part zip archives are not supported")));
        if (auto s = checkLocalHeader(r, e, dir->offset); !s)
            return fail(s.error());
        entries.append(std::move(e));
        at += kCentralHeaderSize + variable;
    }
    return entries;
}

} // namespace ModelDesk::Artifacts
