#pragma once
// VersionDetailsWidget: everything the registry knows about one selected version (digest with a
// copy button, size, signature, parameter count, metrics, hyper-parameters, lineage, tags, aliases)
// and the audit trail of its model. Pure view: it shows what it is given. GUI thread only.

#include "core/modeltypes.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;
class QTreeWidget;

class VersionDetailsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionDetailsWidget)

public:
    explicit VersionDetailsWidget(QWidget *parent = nullptr);

    // version.version == 0 shows a model that has no version yet.
    void showVersion(const ModelDesk::VersionInfo &version);
    void showNothing();
    void setAuditEntries(const QString &model, const QList<ModelDesk::AuditEntry> &entries);

    QString shownModel() const { return m_model; }
    int shownVersion() const { return m_version; }
    QString digestText() const;
    int auditRowCount() const;

Q_SIGNALS:
    void digestCopied(const QString &digest);

private:
    QLabel *addField(QFormLayout *form, const QString &label);
    QFormLayout *addSection(const QString &title);

    QStackedWidget *m_stack = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QLineEdit *m_digest = nullptr;
    QToolButton *m_copyDigest = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_format = nullptr;
    QLabel *m_parameters = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_createdBy = nullptr;
    QLabel *m_aliases = nullptr;
    QLabel *m_tags = nullptr;
    QLabel *m_inputs = nullptr;
    QLabel *m_outputs = nullptr;
    QLabel *m_schema = nullptr;
    QLabel *m_metrics = nullptr;
    QLabel *m_params = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_run = nullptr;
    QLabel *m_dataset = nullptr;
    QLabel *m_parent = nullptr;
    QTreeWidget *m_audit = nullptr;
    QWidget *m_versionSections = nullptr;
    QString m_model;
    int m_version = -1;
};
