#pragma once
// Undoable registry edits for the console's QUndoStack (Edit > Undo / Redo): alias moves and tag
// edits. Each command knows the state before and after, so undo puts the previous state back
// explicitly (the alias points at its old version again, or goes away if it did not exist; the tag
// gets its old value back, or goes away) rather than "reversing" an operation.
//
// The work goes through CatalogClient, so it runs on the catalog worker thread in call order;
// outcomes are reported like any other catalog operation (log panel, status bar). A refused step
// (the version was deleted meanwhile) is reported there and leaves the stack as it is.
// The client must outlive the commands (the stack is owned by the main window).

#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>

#include <optional>

class CatalogClient;

class AliasCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(AliasCommand)

public:
    // Points model@alias at `target` (nullopt: removes the alias); `previous` is the version it
    // pointed at before (nullopt: the alias did not exist).
    AliasCommand(CatalogClient &client, QString model, QString alias, std::optional<int> target,
                 std::optional<int> previous);

    void redo() override;
    void undo() override;

    QString model() const { return m_model; }
    QString alias() const { return m_alias; }

private:
    void pointAt(std::optional<int> version);

    CatalogClient &m_client;
    const QString m_model;
    const QString m_alias;
    const std::optional<int> m_target;
    const std::optional<int> m_previous;
};

class TagCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(TagCommand)

public:
    // Sets key=value on model:version (nullopt: removes the tag); `previous` is the value before
    // (nullopt: the tag did not exist).
    TagCommand(CatalogClient &client, QString model, int version, QString key, std::optional<QString> value,
               std::optional<QString> previous);

    void redo() override;
    void undo() override;

private:
    void write(const std::optional<QString> &value);

    CatalogClient &m_client;
    const QString m_model;
    const int m_version;
    const QString m_key;
    const std::optional<QString> m_value;
    const std::optional<QString> m_previous;
};
