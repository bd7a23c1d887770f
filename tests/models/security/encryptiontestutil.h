#pragma once
// Helpers for the encryption-at-rest tests: a run of known plaintext from the middle of a model's
// tensor data, and a search for it in every file of a workspace.

#include "artifacts/ziparchive.h"

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QtEndian>

namespace EncryptionTest {

// 64 bytes from the middle of the largest tensor record ("<archive>/data/<n>", stored uncompressed
// by torch.jit.save) of a TorchScript file; empty if there is none.
inline QByteArray tensorNeedle(const QByteArray &model)
{
    auto entries = ModelDesk::Artifacts::readZipDirectory(model);
    if (!entries)
        return {};
    qint64 bestSize = 0;
    qint64 bestOffset = -1;
    for (const auto &e : *entries) {
        if (!e.name.contains("/data/") || e.method != 0 || qint64(e.uncompressedSize) <= bestSize)
            continue;
        const qint64 local = qint64(e.localHeaderOffset);
        if (local + 30 > model.size())
            continue;
        const auto *p = reinterpret_cast<const uchar *>(model.constData() + local);
        const qint64 data = local + 30 + qFromLittleEndian<quint16>(p + 26) + qFromLittleEndian<quint16>(p + 28);
        bestSize = qint64(e.uncompressedSize);
        bestOffset = data;
    }
    if (bestOffset < 0 || bestSize < 256)
        return {};
    return model.mid(bestOffset + bestSize / 2, 64);
}

// Every file under `root` (registry, WAL, artifacts, temporary files, ...) that contains `needle`.
inline QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

} // namespace EncryptionTest
