// Link support for the fuzz build: the dataset loaders hash their input files with
// ArtifactStore::sha256, whose translation unit pulls in the whole store (and LibTorch's
// TorchScript check). This is the same one-line function, without the rest of the store.
#include "artifacts/artifactstore.h"

#include <QCryptographicHash>

namespace ModelDesk::Artifacts {

QString ArtifactStore::sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace ModelDesk::Artifacts
