#pragma once
// Builds small zip archives in memory for the structure-check tests: stored entries, optional ZIP64
// records (as LibTorch writes them) and optional ZIP64 extra fields. CRCs are left at zero: the
// structure check never reads them, and these archives are not meant to load.

#include <QByteArray>
#include <QList>
#include <QtEndian>

namespace ModelDesk::TestZip {

struct Entry
{
    QByteArray name;
    QByteArray data;
    quint16 method = 0;
    quint16 flags = 0;
    bool zip64Extra = false; // sizes and offset as 0xFFFFFFFF + a ZIP64 extra field
    QByteArray localName;    // if set, the local header carries this name instead
};

inline void put16(QByteArray &b, quint16 v)
{
    char raw[2];
    qToLittleEndian(v, raw);
    b.append(raw, 2);
}
inline void put32(QByteArray &b, quint32 v)
{
    char raw[4];
    qToLittleEndian(v, raw);
    b.append(raw, 4);
}
inline void put64(QByteArray &b, quint64 v)
{
    char raw[8];
    qToLittleEndian(v, raw);
    b.append(raw, 8);
}

inline QByteArray build(const QList<Entry> &entries, bool zip64End = true)
{
    QByteArray out;
    QList<quint64> offsets;
    for (const Entry &e : entries) {
        offsets.append(out.size());
        const QByteArray name = e.localName.isEmpty() ? e.name : e.localName;
        put32(out, 0x04034b50);
        put16(out, 45);
        put16(out, e.flags);
        put16(out, e.method);
        put16(out, 0);
        put16(out, 0x21); // 1980-01-01
        put32(out, 0);
        put32(out, quint32(e.data.size()));
        put32(out, quint32(e.data.size()));
        put16(out, quint16(name.size()));
        put16(out, 0);
        out.append(name);
        out.append(e.data);
    }
    const quint64 cdOffset = out.size();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Entry &e = entries.at(i);
        QByteArray extra;
        if (e.zip64Extra) {
            put16(extra, 0x0001);
            put16(extra, 24);
            put64(extra, quint64(e.data.size()));
            put64(extra, quint64(e.data.size()));
            put64(extra, offsets.at(i));
        }
        put32(out, 0x02014b50);
        put16(out, 0x031e);
        put16(out, 45);
        put16(out, e.flags);
        put16(out, e.method);
        put16(out, 0);
        put16(out, 0x21);
        put32(out, 0);
        put32(out, e.zip64Extra ? 0xffffffffu : quint32(e.data.size()));
        put32(out, e.zip64Extra ? 0xffffffffu : quint32(e.data.size()));
        put16(out, quint16(e.name.size()));
        put16(out, quint16(extra.size()));
        put16(out, 0);
        put16(out, 0);
        put16(out, 0);
        put32(out, 0);
        put32(out, e.zip64Extra ? 0xffffffffu : quint32(offsets.at(i)));
        out.append(e.name);
        out.append(extra);
    }
    const quint64 cdSize = out.size() - cdOffset;
    if (zip64End) {
        const quint64 z = out.size();
        put32(out, 0x06064b50);
        put64(out, 44);
        put16(out, 0x031e);
        put16(out, 45);
        put32(out, 0);
        put32(out, 0);
        put64(out, entries.size());
        put64(out, entries.size());
        put64(out, cdSize);
        put64(out, cdOffset);
        put32(out, 0x07064b50);
        put32(out, 0);
        put64(out, z);
        put32(out, 1);
    }
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint16(entries.size()));
    put16(out, quint16(entries.size()));
    put32(out, quint32(cdSize));
    put32(out, quint32(cdOffset));
    put16(out, 0);
    return out;
}

// The entries of a minimal TorchScript-shaped archive under folder "m/".
inline QList<Entry> torchScriptShape()
{
    return {{"m/data.pkl", "\x80\x02."},
            {"m/code/__torch__.py", "class M: pass\n"},
            {"m/constants.pkl", "\x80\x02)."},
            {"m/version", "3\n"}};
}

} // namespace ModelDesk::TestZip
