#pragma once
// ArtifactKeyring: what the ArtifactStore needs to know about encryption at rest, shared by every
// thread that uses the store.
//  - encryptNewFiles(): asked before every write (the workspace setting may change under us: another
//    process can enable or disable encryption). An error here fails the write: an artifact is never
//    written in plaintext because the setting could not be read.
//  - masterKey(): the key that unwraps data keys, given by setMasterKey() (a GUI that read it from the
//    keychain asynchronously) or loaded on first need by the KeyLoader (the CLI's blocking keychain or
//    passphrase prompt). The first load result is kept, success or failure, so a locked keychain costs
//    one timeout per process rather than one per artifact; setMasterKey()/forgetMasterKey() reset it.
// Threads: every method is thread-safe; a load blocks other callers of masterKey() until it is done.

#include "masterkey.h"

#include "core/result.h"

#include <functional>
#include <mutex>
#include <optional>

namespace ModelDesk::Artifacts {

class ArtifactKeyring final
{
public:
    using PolicyReader = std::function<Result<bool>()>;
    using KeyLoader = std::function<Result<MasterKey>()>;

    explicit ArtifactKeyring(PolicyReader policy = {}, KeyLoader loader = {});
    ArtifactKeyring(const ArtifactKeyring &) = delete;
    ArtifactKeyring &operator=(const ArtifactKeyring &) = delete;

    // Whether new files are written encrypted; false without a policy reader.
    Result<bool> encryptNewFiles() const;

    // The master key; Unavailable (with the loader's reason) when there is none.
    Result<MasterKey> masterKey() const;
    bool hasMasterKey() const;
    void setMasterKey(const MasterKey &key);
    // Drops the key (and a remembered load failure): the next masterKey() asks the loader again.
    void forgetMasterKey();
    void setKeyLoader(KeyLoader loader);

private:
    PolicyReader m_policy;
    mutable std::mutex m_mutex;
    KeyLoader m_loader;
    mutable std::optional<Result<MasterKey>> m_key;
};

} // namespace ModelDesk::Artifacts
