#include "artifactkeyring.h"

namespace ModelDesk::Artifacts {

ArtifactKeyring::ArtifactKeyring(PolicyReader policy, KeyLoader loader)
    : m_policy(std::move(policy))
    , m_loader(std::move(loader))
{
}

Result<bool> ArtifactKeyring::encryptNewFiles() const
{
    if (!m_policy)
        return false;
    return m_policy();
}

Result<MasterKey> ArtifactKeyring::masterKey() const
{
    std::lock_guard lock(m_mutex);
    if (!m_key) {
        if (!m_loader)
            return fail(Error{Error::Code::Unavailable,
                              QStringLiteral("the workspace master key has not been unlocked")});
        m_key = m_loader();
        if (*m_key && m_key->value().isNull())
            m_key = fail(Error::internal(QStringLiteral("the key loader returned no key")));
    }
    return *m_key;
}

bool ArtifactKeyring::hasMasterKey() const
{
    std::lock_guard lock(m_mutex);
    return m_key && m_key->has_value();
}

void ArtifactKeyring::setMasterKey(const MasterKey &key)
{
    std::lock_guard lock(m_mutex);
    m_key = key;
}

void ArtifactKeyring::forgetMasterKey()
{
    std::lock_guard lock(m_mutex);
    m_key.reset();
}

void ArtifactKeyring::setKeyLoader(KeyLoader loader)
{
    std::lock_guard lock(m_mutex);
    m_loader = std::move(loader);
    m_key.reset();
}

} // namespace ModelDesk::Artifacts
