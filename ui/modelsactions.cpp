// ModelsPage: the actions on the selected version or model (export, alias, tag, delete). Each one
// asks what it must (with confirmation for deletions) and hands the work to the CatalogClient.

#include "modelspage.h"

#include "catalogclient.h"
#include "namedialog.h"
#include "tagdialog.h"
#include "undocommands.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>

namespace {

QString versionRef(const ModelDesk::VersionInfo &v)
{
    return QString(v.model + u':' + QString::number(v.version));
}

// Runs a reversible edit through the undo stack when there is one (push() runs it), else at once.
void perform(QUndoStack *stack, QUndoCommand *command)
{
    if (stack) {
        stack->push(command);
        return;
    }
    command->redo();
    delete command;
}

// The version an alias of `model` points at in the last snapshot, if any.
std::optional<int> aliasTarget(const CatalogSnapshot &snapshot, const QString &model, const QString &alias)
{
    for (const auto &v : snapshot.versions) {
        if (v.model == model && v.aliases.contains(alias))
            return v.version;
    }
    return std::nullopt;
}

std::optional<QString> tagValue(const ModelDesk::VersionInfo &v, const QString &key)
{
    const auto it = v.tags.constFind(key);
    if (it == v.tags.cend())
        return std::nullopt;
    return *it;
}

} // namespace

void ModelsPage::exportSelected()
{
    const auto v = selectedVersion();
    if (!v || v->version == 0)
        return;
    const QString suggested = QDir(m_lastDirectory).filePath(QString(v->model + QStringLiteral("-v") + QString::number(v->version)
                                                                     + QStringLiteral(".pt")));
    const QString destination = QFileDialog::getSaveFileName(this, tr("Export %1").arg(versionRef(*v)), suggested,
                                                             tr("TorchScript models (*.pt);;All files (*)"));
    if (destination.isEmpty())
        return;
    m_lastDirectory = QFileInfo(destination).absolutePath();
    m_client.exportVersion(v->model, v->version, destination);
}

void ModelsPage::setAliasOnSelected()
{
    const auto v = selectedVersion();
    if (!v || v->version == 0)
        return;
    QStringList suggestions{QStringLiteral("production"), QStringLiteral("staging"), QStringLiteral("candidate")};
    const QStringList existing = aliasesOfModel(v->model);
    for (const QString &alias : existing) {
        if (!suggestions.contains(alias))
            suggestions << alias;
    }
    // Say where each existing alias points, so moving one is a conscious choice.
    QStringList current;
    for (const auto &other : m_client.snapshot().versions) {
        if (other.model != v->model)
            continue;
        for (const QString &alias : other.aliases)
            current << tr("%1 → version %2").arg(alias).arg(other.version);
    }
    QString prompt = tr("Alias to point at %1. An alias names one version of a model; setting an alias that "
                        "exists moves it here.").arg(versionRef(*v));
    if (!current.isEmpty())
        prompt += QString(u'\n' + tr("Current aliases: %1").arg(current.join(QStringLiteral(", "))));
    NameDialog dialog(tr("Set Alias"), prompt, tr("alias"), suggestions, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString alias = dialog.name();
    const std::optional<int> previous = aliasTarget(m_client.snapshot(), v->model, alias);
    if (previous == v->version) {
        Q_EMIT info(tr("Alias %1@%2 already points at version %3.").arg(v->model, alias).arg(v->version));
        return;
    }
    perform(m_undoStack, new AliasCommand(m_client, v->model, alias, v->version, previous));
}

void ModelsPage::removeAliasFromSelected()
{
    const auto v = selectedVersion();
    if (!v || v->version == 0 || v->aliases.isEmpty())
        return;
    QString alias;
    if (v->aliases.size() == 1) {
        alias = v->aliases.constFirst();
        const auto answer = QMessageBox::question(this, tr("Remove Alias"),
                                                  tr("Remove the alias '%1' from %2?").arg(alias, versionRef(*v)));
        if (answer != QMessageBox::Yes)
            return;
    } else {
        bool ok = false;
        alias = QInputDialog::getItem(this, tr("Remove Alias"), tr("Alias to remove from %1:").arg(versionRef(*v)),
                                      v->aliases, 0, false, &ok);
        if (!ok || alias.isEmpty())
            return;
    }
    perform(m_undoStack, new AliasCommand(m_client, v->model, alias, std::nullopt, v->version));
}

void ModelsPage::setTagOnSelected()
{
    const auto v = selectedVersion();
    if (!v || v->version == 0)
        return;
    TagDialog dialog(versionRef(*v), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    perform(m_undoStack, new TagCommand(m_client, v->model, v->version, dialog.key(), dialog.value(),
                                        tagValue(*v, dialog.key())));
}

void ModelsPage::removeTagFromSelected()
{
    const auto v = selectedVersion();
    if (!v || v->version == 0 || v->tags.isEmpty())
        return;
    QString key;
    if (v->tags.size() == 1) {
        key = v->tags.firstKey();
        const auto answer = QMessageBox::question(this, tr("Remove Tag"),
                                                  tr("Remove the tag '%1' from %2?").arg(key, versionRef(*v)));
        if (answer != QMessageBox::Yes)
            return;
    } else {
        bool ok = false;
        key = QInputDialog::getItem(this, tr("Remove Tag"), tr("Tag to remove from %1:").arg(versionRef(*v)),
                                    v->tags.keys(), 0, false, &ok);
        if (!ok || key.isEmpty())
            return;
    }
    perform(m_undoStack, new TagCommand(m_client, v->model, v->version, key, std::nullopt, tagValue(*v, key)));
}

void ModelsPage::deleteSelectedVersion()
{
    const auto v = selectedVersion();
    if (!v || v->version == 0)
        return;
    QString text = tr("Delete version %1 of model '%2'?").arg(v->version).arg(v->model);
    if (!v->aliases.isEmpty())
        text += QString(u'\n' + tr("Its aliases go with it: %1.").arg(v->aliases.join(QStringLiteral(", "))));
    QMessageBox box(QMessageBox::Warning, tr("Delete Version"), text, QMessageBox::Cancel, this);
    box.setInformativeText(tr("The artifact file is removed when no other version uses it. This cannot be undone."));
    auto *deleteButton = box.addButton(tr("Delete Version"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != deleteButton)
        return;
    m_client.deleteVersion(v->model, v->version);
}

void ModelsPage::deleteSelectedModel()
{
    const auto v = selectedVersion();
    if (!v)
        return;
    int versionCount = 0;
    for (const auto &m : m_client.snapshot().models) {
        if (m.name == v->model)
            versionCount = m.versionCount;
    }
    QMessageBox box(QMessageBox::Warning, tr("Delete Model"),
                    tr("Delete model '%1' with all its versions (%2)?").arg(v->model).arg(versionCount),
                    QMessageBox::Cancel, this);
    box.setInformativeText(tr("Its aliases and tags go with it, and artifact files no other model uses are removed. "
                              "This cannot be undone."));
    auto *deleteButton = box.addButton(tr("Delete Model"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != deleteButton)
        return;
    m_client.deleteModel(v->model);
}
