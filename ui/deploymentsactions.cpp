// DeploymentsPage: the actions on deployments. The public slots run the runtime call on the page's
// pool and report the outcome; the *Selected() wrappers ask what they must first (which version,
// a confirmation for unload and remove).

#include "deploymentspage.h"

#include "catalogclient.h"
#include "deployments/backgroundtasks.h"
#include "deployments/deploydialog.h"
#include "uiformat.h"

#include "core/workspace.h"
#include "runtime/deploymentmanager.h"
#include "serving/servinghost.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

using namespace ModelDesk;
using Runtime::DeploymentStatus;

void DeploymentsPage::runAction(const QString &name, const QString &what, const QString &done, StatusWork work)
{
    m_tasks->run(this, std::move(work), [this, name, what, done](const Result<DeploymentStatus> &result) {
        if (result) {
            Q_EMIT info(done);
            log(RequestLogModel::Source::Action, name, DeploymentTableModel::primaryVersion(*result), true, what, done);
        } else {
            const QString why = UiFormat::errorText(result.error());
            Q_EMIT error(tr("%1 of '%2' failed: %3").arg(what, name, why));
            log(RequestLogModel::Source::Action, name, 0, false, tr("%1 failed").arg(what), why);
        }
        refresh();
    });
}

void DeploymentsPage::openDeployDialog(const QString &model, int version)
{
    QStringList existing;
    for (int row = 0; row < m_model->rowCount(); ++row)
        existing << m_model->statusAt(row).spec.name;
    DeployDialog dialog(m_client.snapshot(), existing, this);
    if (!model.isEmpty())
        dialog.select(model, version);
    if (dialog.exec() != QDialog::Accepted)
        return;
    deploy(dialog.spec());
}

void DeploymentsPage::deploy(const Runtime::DeploymentSpec &spec)
{
    if (auto s = spec.validate(); !s) {
        Q_EMIT error(tr("Cannot deploy: %1").arg(UiFormat::errorText(s.error())));
        return;
    }
    const bool exists = m_model->rowOf(spec.name) >= 0;
    const QString target = spec.version ? tr("%1 v%2").arg(spec.model).arg(*spec.version)
                           : spec.alias.isEmpty() ? tr("%1 (latest version)").arg(spec.model)
                                                  : tr("%1@%2").arg(spec.model, spec.alias);
    const QString done = exists ? tr("Deployment '%1' updated to %2.").arg(spec.name, target)
                                : tr("Deploying %1 as '%2': loading and warming up in the background.").arg(target, spec.name);
    log(RequestLogModel::Source::Action, spec.name, spec.version.value_or(0), true, tr("deploy"), target);
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    const QString actor = currentOsUser();
    runAction(spec.name, tr("Deploy"), done, [runtime, spec, actor] { return runtime->deploy(spec, actor); });
    // Show the new row at once (state "loading") and select it.
    const QString name = spec.name;
    QMetaObject::Connection *once = new QMetaObject::Connection;
    *once = connect(this, &DeploymentsPage::refreshed, this, [this, name, once] {
        if (selectDeployment(name)) {
            disconnect(*once);
            delete once;
        }
    });
}

void DeploymentsPage::swapTo(const QString &name, int version)
{
    log(RequestLogModel::Source::Action, name, version, true, tr("swap"), tr("loading v%1 next to the serving version").arg(version));
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    const QString actor = currentOsUser();
    runAction(name, tr("Swap"), tr("Deployment '%1' now serves v%2 (hot swap; the old version drained).").arg(name).arg(version),
              [runtime, name, version, actor] { return runtime->swap(name, version, actor); });
}

void DeploymentsPage::rollback(const QString &name)
{
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    const QString actor = currentOsUser();
    m_tasks->run(this, [runtime, name, actor] { return runtime->rollback(name, actor); },
                 [this, name](const Result<DeploymentStatus> &r) {
                     if (r) {
                         const int v = DeploymentTableModel::primaryVersion(*r);
                         const QString done = tr("Deployment '%1' rolled back to v%2.").arg(name).arg(v);
                         Q_EMIT info(done);
                         log(RequestLogModel::Source::Action, name, v, true, tr("Rollback"), done);
                     } else {
                         const QString why = UiFormat::errorText(r.error());
                         Q_EMIT error(tr("Rollback of '%1' failed: %2").arg(name, why));
                         log(RequestLogModel::Source::Action, name, 0, false, tr("Rollback failed"), why);
                     }
                     refresh();
                 });
}

void DeploymentsPage::setCanary(const QString &name, std::optional<int> version, int percent)
{
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    const QString actor = currentOsUser();
    const QString done = version && percent > 0
                             ? tr("Deployment '%1': canary v%2 gets %3% of routed traffic.").arg(name).arg(*version).arg(percent)
                             : tr("Deployment '%1': canary removed, the primary version gets all traffic.").arg(name);
    if (!version || percent <= 0) {
        version.reset();
        percent = 0;
    }
    runAction(name, tr("Canary"), done, [runtime, name, version, percent, actor] {
        return runtime->setCanary(name, version, percent, actor);
    });
}

void DeploymentsPage::configure(const QString &name, const Runtime::BatchingConfig &batching, bool isPublic)
{
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    const QString actor = currentOsUser();
    const QString done = tr("Deployment '%1': max batch %2, delay %3 µs, %4 worker(s) × %5 thread(s), queue %6, timeout "
                            "%7 ms, %8 — applied live.")
                             .arg(name)
                             .arg(batching.maxBatchSize)
                             .arg(batching.maxQueueDelayUs)
                             .arg(batching.workers)
                             .arg(batching.intraOpThreads)
                             .arg(batching.queueCapacity)
                             .arg(batching.requestTimeoutMs)
                             .arg(isPublic ? tr("public") : tr("token required"));
    runAction(name, tr("Configure"), done, [runtime, name, batching, isPublic, actor] {
        return runtime->configure(name, batching, isPublic, actor);
    });
}

void DeploymentsPage::unload(const QString &name)
{
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    const QString actor = currentOsUser();
    runAction(name, tr("Unload"), tr("Deployment '%1' unloaded: its memory is freed; Load Again serves it again.").arg(name),
              [runtime, name, actor] { return runtime->unload(name, actor); });
}

void DeploymentsPage::loadAgain(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    const Runtime::DeploymentSpec spec = m_model->statusAt(row).spec;
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    const QString actor = currentOsUser();
    runAction(name, tr("Load"), tr("Deployment '%1' is loading again.").arg(name),
              [runtime, spec, actor] { return runtime->deploy(spec, actor); });
}

void DeploymentsPage::remove(const QString &name)
{
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    const QString actor = currentOsUser();
    runAction(name, tr("Remove"), tr("Deployment '%1' removed; the model versions stay in the registry.").arg(name),
              [runtime, name, actor]() -> Result<DeploymentStatus> {
                  if (auto s = runtime->remove(name, actor); !s)
                      return fail(s.error());
                  DeploymentStatus gone;
                  gone.spec.name = name;
                  return gone;
              });
}

void DeploymentsPage::swapSelected()
{
    const auto status = selectedStatus();
    if (!status)
        return;
    const int primary = DeploymentTableModel::primaryVersion(*status);
    QStringList items;
    QList<int> numbers;
    for (const VersionInfo &v : versionsOf(status->spec.model)) {
        if (v.version == primary)
            continue;
        QString text = tr("v%1 — %2").arg(v.version).arg(UiFormat::dateTime(v.created));
        if (!v.aliases.isEmpty())
            text += tr(" (@%1)").arg(v.aliases.join(QStringLiteral(", @")));
        const QJsonValue accuracy = v.metrics.value(QStringLiteral("test_accuracy"));
        if (accuracy.isDouble())
            text += tr(", test accuracy %1").arg(accuracy.toDouble(), 0, 'f', 4);
        items << text;
        numbers << v.version;
    }
    if (items.isEmpty()) {
        QMessageBox::information(this, tr("Swap Version"),
                                 tr("Model '%1' has no other version to swap to. Import or train one first.").arg(status->spec.model));
        return;
    }
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Swap Version"),
                                                 tr("Serve another version of %1 on '%2' (now v%3). It is loaded and warmed "
                                                    "first; no request fails. An alias is no longer followed.")
                                                     .arg(status->spec.model, status->spec.name)
                                                     .arg(primary),
                                                 items, 0, false, &ok);
    if (!ok)
        return;
    swapTo(status->spec.name, numbers.at(items.indexOf(choice)));
}

void DeploymentsPage::rollbackSelected()
{
    if (const auto status = selectedStatus())
        rollback(status->spec.name);
}

void DeploymentsPage::unloadSelected()
{
    const auto status = selectedStatus();
    if (!status)
        return;
    const auto answer = QMessageBox::question(this, tr("Unload Deployment"),
                                              tr("Unload '%1'? Its memory is freed and requests are answered 503 until "
                                                 "you load it again. The definition stays.")
                                                  .arg(status->spec.name));
    if (answer == QMessageBox::Yes)
        unload(status->spec.name);
}

void DeploymentsPage::loadSelectedAgain()
{
    if (const auto status = selectedStatus())
        loadAgain(status->spec.name);
}

void DeploymentsPage::removeSelected()
{
    const auto status = selectedStatus();
    if (!status)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Remove Deployment"),
                    tr("Remove the deployment '%1'? The endpoint stops answering at once (clients get 404) and it is not "
                       "restored at the next start. The versions of %2 stay in the registry.")
                        .arg(status->spec.name, status->spec.model),
                    QMessageBox::Cancel, this);
    QPushButton *removeButton = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == removeButton)
        remove(status->spec.name);
}


