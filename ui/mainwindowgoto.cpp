// MainWindow, going places: the command palette's entries, and opening a version, a deployment, a
// run or an audit entry's target on its page.

#include "mainwindow.h"

#include "catalogclient.h"
#include "commandpalette.h"
#include "dashboardpage.h"
#include "deploymentspage.h"
#include "modelspage.h"
#include "trainingpage.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPointer>

#include <algorithm>

void MainWindow::openAuditTarget(const QString &target)
{
    const auto startsWith = [&](const char *prefix) { return target.startsWith(QLatin1String(prefix)); };
    if (startsWith("deployment/")) {
        showDeployment(target.mid(11));
    } else if (startsWith("run/")) {
        showRun(target.mid(4));
    } else if (startsWith("dataset/")) {
        showPage(TrainingPageIndex);
    } else if (startsWith("token/")) {
        showPage(AccessPageIndex);
    } else if (startsWith("settings/")) {
        showPage(SettingsPageIndex);
    } else {
        // "name", "name:3" or "name@alias"
        const qsizetype colon = target.indexOf(u':');
        const qsizetype at = target.indexOf(u'@');
        QString model = target;
        int version = 0;
        if (colon > 0) {
            model = target.left(colon);
            version = target.mid(colon + 1).toInt();
        } else if (at > 0) {
            model = target.left(at);
            const QString alias = target.mid(at + 1);
            for (const auto &v : m_client.snapshot().versions) {
                if (v.model == model && v.aliases.contains(alias))
                    version = v.version;
            }
        }
        showModelVersion(model, version);
    }
}

void MainWindow::showDeployment(const QString &name)
{
    showPage(DeploymentsPageIndex);
    if (name.isEmpty() || m_deploymentsPage->selectDeployment(name))
        return;
    // Not listed yet (the page reads the runtime off the GUI thread): select it after its next read.
    connect(m_deploymentsPage, &DeploymentsPage::refreshed, this,
            [this, name] { m_deploymentsPage->selectDeployment(name); }, Qt::SingleShotConnection);
    m_deploymentsPage->refresh();
}

void MainWindow::showRun(const QString &runId)
{
    showPage(TrainingPageIndex);
    if (!runId.isEmpty())
        m_trainingPage->openRun(runId);
}

void MainWindow::showModelVersion(const QString &model, int version)
{
    showPage(ModelsPageIndex);
    if (version == 0) {
        for (const auto &m : m_client.snapshot().models) {
            if (m.name == model)
                version = m.latestVersion;
        }
    }
    if (!m_modelsPage->selectVersion(model, version)) {
        // Hidden by the filter: clear it and try again.
        m_modelsPage->filterEdit()->clear();
        if (!m_modelsPage->selectVersion(model, version))
            report(LogPanel::Level::Warning, tr("%1:%2 is no longer in the registry.").arg(model).arg(version));
    }
}

QList<PaletteEntry> MainWindow::paletteEntries() const
{
    QList<PaletteEntry> entries;
    for (int i = 0; i < PageCount; ++i) {
        PaletteEntry e;
        e.kind = PaletteEntry::Kind::Page;
        e.text = m_navigation->item(i)->text();
        e.detail = QKeySequence(QKeyCombination(Qt::CTRL, Qt::Key(Qt::Key_1 + i))).toString(QKeySequence::NativeText);
        e.icon = QIcon(navigationIconPath(i));
        auto *self = const_cast<MainWindow *>(this);
        e.run = [self, i] { self->showPage(i); };
        entries << e;
    }
    for (QAction *menuAction : menuBar()->actions()) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || a->menu() || !a->isEnabled() || !a->isVisible()
                || a->objectName() == QLatin1String("commandPaletteAction"))
                continue;
            const QString text = actionText(a);
            if (text.isEmpty() || std::any_of(entries.cbegin(), entries.cend(), [&](const PaletteEntry &p) {
                    return p.kind == PaletteEntry::Kind::Page && p.text == text;
                }))
                continue; // View > page entries are already listed as pages
            PaletteEntry e;
            e.kind = PaletteEntry::Kind::Action;
            e.text = text;
            e.detail = a->shortcut().toString(QKeySequence::NativeText);
            e.icon = a->icon();
            QPointer<QAction> action(a);
            e.run = [action] {
                if (action && action->isEnabled())
                    action->trigger();
            };
            entries << e;
        }
    }
    auto *self = const_cast<MainWindow *>(this);
    const CatalogSnapshot &snapshot = m_client.snapshot();
    const QIcon modelIcon(QStringLiteral(":/icons/models.svg"));
    for (const auto &m : snapshot.models) {
        PaletteEntry e;
        e.kind = PaletteEntry::Kind::Model;
        e.text = m.name;
        e.detail = tr("model, %n version(s)", nullptr, m.versionCount);
        e.icon = modelIcon;
        const QString name = m.name;
        e.run = [self, name] { self->showModelVersion(name, 0); };
        entries << e;
    }
    const QIcon versionIcon(QStringLiteral(":/icons/alias.svg"));
    for (const auto &v : snapshot.versions) {
        PaletteEntry e;
        e.kind = PaletteEntry::Kind::Version;
        e.text = QString(v.model + u':' + QString::number(v.version));
        QStringList detail;
        for (const QString &alias : v.aliases)
            detail << QString(u'@' + alias);
        if (!v.description.isEmpty())
            detail << v.description.left(60);
        e.detail = detail.join(QStringLiteral("  "));
        e.icon = versionIcon;
        const QString model = v.model;
        const int version = v.version;
        e.run = [self, model, version] { self->showModelVersion(model, version); };
        entries << e;
    }
    const QIcon deploymentIcon(QStringLiteral(":/icons/deployments.svg"));
    for (const auto &d : m_dashboard->deployments()) {
        PaletteEntry e;
        e.kind = PaletteEntry::Kind::Deployment;
        e.text = d.spec.name;
        e.detail = tr("deployment of %1 (%2)").arg(d.spec.model, ModelDesk::Runtime::deploymentStateName(d.state));
        e.icon = deploymentIcon;
        const QString name = d.spec.name;
        e.run = [self, name] { self->showDeployment(name); };
        entries << e;
    }
    return entries;
}

void MainWindow::openCommandPalette()
{
    m_dashboard->refreshNow(); // fresher deployments next time
    m_palette->setEntries(paletteEntries());
    m_palette->popUp();
}
