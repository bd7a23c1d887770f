#pragma once
// DeployDialog: what to serve and how — a model, a version or an alias (an alias is followed when
// it moves), the endpoint name (validated like the CLI's), batching, workers and access. It only
// builds the DeploymentSpec; the page runs the deployment off the GUI thread. GUI thread only.

#include "catalogworker.h"

#include "runtime/inferenceengine.h"

#include <QDialog>
#include <QStringList>

class BatchingForm;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

class DeployDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployDialog)

public:
    // existingEndpoints: deploying to one of them updates it (hot swap) instead of creating one.
    DeployDialog(const CatalogSnapshot &snapshot, const QStringList &existingEndpoints, QWidget *parent = nullptr);

    // Preselects a model and a version (0 = the default target of that model).
    void select(const QString &model, int version = 0);
    // Selects the target entry for an alias ("production"); false when the model has no such alias.
    bool selectAlias(const QString &alias);

    ModelDesk::Runtime::DeploymentSpec spec() const;
    // Empty when the spec is valid; otherwise the first problem, as shown in the dialog.
    QString problem() const;

    QComboBox *modelBox() const { return m_model; }
    QComboBox *targetBox() const { return m_target; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    BatchingForm *batchingForm() const { return m_batching; }

private:
    void fillTargets();
    void validate();

    CatalogSnapshot m_snapshot;
    QStringList m_existing;
    QComboBox *m_model = nullptr;
    QComboBox *m_target = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_sticky = nullptr;
    BatchingForm *m_batching = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_endpointEdited = false;
};
