#include "versiondetailswidget.h"

#include "uiformat.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString jsonLines(const QJsonObject &object)
{
    if (object.isEmpty())
        return QCoreApplication::translate("VersionDetailsWidget", "none");
    QStringList lines;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        lines << QString(it.key() + QStringLiteral(": ") + UiFormat::jsonValue(it.value()));
    return lines.join(u'\n');
}

QString specLines(const QList<ModelDesk::TensorSpec> &specs)
{
    if (specs.isEmpty())
        return QCoreApplication::translate("VersionDetailsWidget", "unknown");
    QStringList lines;
    for (const auto &s : specs)
        lines << UiFormat::tensorSpec(s);
    return lines.join(u'\n');
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

} // namespace

VersionDetailsWidget::VersionDetailsWidget(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
{
    auto *empty = new QLabel(tr("Select a version to see its details."), this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    m_stack->addWidget(empty);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(scroll);
    auto *contentLayout = new QVBoxLayout(m_content);

    m_title = new QLabel(m_content);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_description = new QLabel(m_content);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_description);

    m_versionSections = new QWidget(m_content);
    auto *sectionsLayout = new QVBoxLayout(m_versionSections);
    sectionsLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_versionSections);

    QFormLayout *artifact = addSection(tr("Artifact"));
    auto *digestRow = new QWidget(m_versionSections);
    auto *digestLayout = new QHBoxLayout(digestRow);
    digestLayout->setContentsMargins(0, 0, 0, 0);
    m_digest = new QLineEdit(digestRow);
    m_digest->setObjectName(QStringLiteral("versionDigest"));
    m_digest->setReadOnly(true);
    m_digest->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_digest->setCursorPosition(0);
    m_copyDigest = new QToolButton(digestRow);
    m_copyDigest->setText(tr("Copy"));
    m_copyDigest->setToolTip(tr("Copy the full SHA-256 digest to the clipboard"));
    digestLayout->addWidget(m_digest, 1);
    digestLayout->addWidget(m_copyDigest);
    artifact->addRow(tr("SHA-256:"), digestRow);
    m_size = addField(artifact, tr("Size:"));
    m_format = addField(artifact, tr("Format:"));
    m_parameters = addField(artifact, tr("Parameters:"));
    m_created = addField(artifact, tr("Created:"));
    m_created->setObjectName(QStringLiteral("versionCreated")); // a clock: the screenshot test masks it
    m_createdBy = addField(artifact, tr("Created by:"));
    m_aliases = addField(artifact, tr("Aliases:"));
    m_tags = addField(artifact, tr("Tags:"));

    QFormLayout *signature = addSection(tr("Signature"));
    m_inputs = addField(signature, tr("Inputs:"));
    m_outputs = addField(signature, tr("Outputs:"));
    m_schema = addField(signature, tr("Schema:"));
    m_schema->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_inputs->setFont(m_schema->font());
    m_outputs->setFont(m_schema->font());

    QFormLayout *training = addSection(tr("Metrics and parameters"));
    m_metrics = addField(training, tr("Metrics:"));
    m_params = addField(training, tr("Hyper-parameters:"));

    QFormLayout *lineage = addSection(tr("Lineage"));
    m_source = addField(lineage, tr("Source:"));
    m_run = addField(lineage, tr("Training run:"));
    m_dataset = addField(lineage, tr("Dataset digest:"));
    m_parent = addField(lineage, tr("Parent version:"));

    auto *auditBox = new QGroupBox(tr("Audit trail of this model"), m_content);
    auto *auditLayout = new QVBoxLayout(auditBox);
    m_audit = new QTreeWidget(auditBox);
    m_audit->setRootIsDecorated(false);
    m_audit->setAlternatingRowColors(true);
    m_audit->setHeaderLabels({tr("Time"), tr("Actor"), tr("Action"), tr("Target"), tr("Detail")});
    m_audit->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_audit->header()->setStretchLastSection(true);
    m_audit->setMinimumHeight(140);
    auditLayout->addWidget(m_audit);
    contentLayout->addWidget(auditBox, 1);

    scroll->setWidget(m_content);
    m_stack->addWidget(scroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_copyDigest, &QToolButton::clicked, this, [this] {
        if (m_digest->text().isEmpty())
            return;
        QGuiApplication::clipboard()->setText(m_digest->text());
        Q_EMIT digestCopied(m_digest->text());
    });
    showNothing();
}

QFormLayout *VersionDetailsWidget::addSection(const QString &title)
{
    auto *box = new QGroupBox(title, m_versionSections);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_versionSections->layout()->addWidget(box);
    return form;
}

QLabel *VersionDetailsWidget::addField(QFormLayout *form, const QString &label)
{
    auto *value = new QLabel(form->parentWidget());
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    form->addRow(label, value);
    return value;
}

void VersionDetailsWidget::showNothing()
{
    m_model.clear();
    m_version = -1;
    m_audit->clear();
    m_stack->setCurrentIndex(0);
}

void VersionDetailsWidget::showVersion(const ModelDesk::VersionInfo &v)
{
    if (v.model != m_model)
        m_audit->clear(); // another model's trail must not linger while the new one loads
    m_model = v.model;
    m_version = v.version;
    m_stack->setCurrentIndex(1);

    if (v.version == 0) {
        m_title->setText(v.model);
        m_description->setText(v.description.isEmpty() ? tr("This model has no version.")
                                                        : QString(v.description + u'\n' + tr("This model has no version.")));
        m_versionSections->hide();
        return;
    }
    m_versionSections->show();
    m_title->setText(tr("%1, version %2").arg(v.model).arg(v.version));
    m_description->setText(v.description);
    m_description->setVisible(!v.description.isEmpty());

    m_digest->setText(v.digest);
    m_digest->setCursorPosition(0);
    m_size->setText(UiFormat::sizeWithBytes(v.size));
    m_format->setText(orDash(v.format));
    m_parameters->setText(UiFormat::number(v.parameterCount));
    m_created->setText(UiFormat::dateTime(v.created));
    m_createdBy->setText(orDash(v.createdBy));
    m_aliases->setText(v.aliases.isEmpty() ? tr("none") : v.aliases.join(QStringLiteral(", ")));
    QStringList tagLines;
    for (auto it = v.tags.cbegin(); it != v.tags.cend(); ++it)
        tagLines << QString(it.key() + QStringLiteral(" = ") + it.value());
    m_tags->setText(tagLines.isEmpty() ? tr("none") : tagLines.join(u'\n'));

    m_inputs->setText(specLines(v.signature.inputs));
    m_outputs->setText(specLines(v.signature.outputs));
    m_schema->setText(orDash(v.signature.schema));

    m_metrics->setText(jsonLines(v.metrics));
    m_params->setText(jsonLines(v.params));

    m_source->setText(orDash(v.lineage.source));
    m_run->setText(orDash(v.lineage.runId));
    m_dataset->setText(orDash(v.lineage.datasetDigest));
    m_parent->setText(v.lineage.parentVersion ? QString(v.model + u':' + QString::number(*v.lineage.parentVersion))
                                              : QStringLiteral("—"));
}

void VersionDetailsWidget::setAuditEntries(const QString &model, const QList<ModelDesk::AuditEntry> &entries)
{
    if (model != m_model)
        return; // an answer for a model that is no longer shown
    m_audit->clear();
    QList<QTreeWidgetItem *> items;
    for (const auto &e : entries) {
        auto *item = new QTreeWidgetItem({UiFormat::dateTime(e.time), e.actor, e.action, e.target, e.detail});
        item->setToolTip(4, e.detail);
        items << item;
    }
    m_audit->addTopLevelItems(items);
}

QString VersionDetailsWidget::digestText() const
{
    return m_digest->text();
}

int VersionDetailsWidget::auditRowCount() const
{
    return m_audit->topLevelItemCount();
}
