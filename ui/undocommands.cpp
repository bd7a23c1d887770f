#include "undocommands.h"

#include "catalogclient.h"


AliasCommand::AliasCommand(CatalogClient &client, QString model, QString alias, std::optional<int> target,
                           std::optional<int> previous)
    : m_client(client)
    , m_model(std::move(model))
    , m_alias(std::move(alias))
    , m_target(target)
    , m_previous(previous)
{
    const QString ref = QString(m_model + u'@' + m_alias);
    if (!m_target)
        setText(tr("Remove Alias %1").arg(ref));
    else if (m_previous)
        setText(tr("Move Alias %1 to Version %2").arg(ref).arg(*m_target));
    else
        setText(tr("Set Alias %1 on Version %2").arg(ref).arg(*m_target));
}

void AliasCommand::redo()
{
    pointAt(m_target);
}

void AliasCommand::undo()
{
    pointAt(m_previous);
}

void AliasCommand::pointAt(std::optional<int> version)
{
    if (version)
        m_client.setAlias(m_model, m_alias, *version);
    else
        m_client.removeAlias(m_model, m_alias);
}

TagCommand::TagCommand(CatalogClient &client, QString model, int version, QString key, std::optional<QString> value,
                       std::optional<QString> previous)
    : m_client(client)
    , m_model(std::move(model))
    , m_version(version)
    , m_key(std::move(key))
    , m_value(std::move(value))
    , m_previous(std::move(previous))
{
    const QString ref = QString(m_model + u':' + QString::number(m_version));
    if (!m_value)
        setText(tr("Remove Tag '%1' from %2").arg(m_key, ref));
    else
        setText(tr("Set Tag %1=%2 on %3").arg(m_key, *m_value, ref));
}

void TagCommand::redo()
{
    write(m_value);
}

void TagCommand::undo()
{
    write(m_previous);
}

void TagCommand::write(const std::optional<QString> &value)
{
    if (value)
        m_client.setTag(m_model, m_version, m_key, *value);
    else
        m_client.removeTag(m_model, m_version, m_key);
}
