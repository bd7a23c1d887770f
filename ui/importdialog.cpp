#include "importdialog.h"

#include "core/names.h"
#include "uiformat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

ImportDialog::ImportDialog(const QString &filePath, const QStringList &existingModels, QWidget *parent)
    : QDialog(parent)
    , m_filePath(filePath)
    , m_existing(existingModels)
    , m_name(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_description(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import Model"));
    const QFileInfo file(filePath);

    auto *fileLabel = new QLabel(this);
    fileLabel->setText(QString(file.fileName() + QStringLiteral("  (") + UiFormat::humanSize(file.size()) + u')'));
    fileLabel->setToolTip(file.absoluteFilePath());

    m_name->setEditable(true);
    m_name->setInsertPolicy(QComboBox::NoInsert);
    m_name->addItems(existingModels);
    m_name->lineEdit()->setPlaceholderText(tr("e.g. fashion-classifier"));
    m_name->setEditText(UiFormat::suggestedModelName(filePath));

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false); // greyed: a hint, not a message

    m_description->setPlaceholderText(tr("Optional: what this version is, where it comes from"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);

    auto *importButton = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    importButton->setDefault(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("File:"), fileLabel);
    form->addRow(tr("Model &name:"), m_name);
    form->addRow(QString(), m_error);
    form->addRow(QString(), m_hint);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QComboBox::editTextChanged, this, &ImportDialog::validate);
    validate();
    resize(sizeHint().expandedTo(QSize(460, 0)));
}

QString ImportDialog::modelName() const
{
    return m_name->currentText().trimmed();
}

void ImportDialog::setModelName(const QString &name)
{
    m_name->setEditText(name);
}

QString ImportDialog::description() const
{
    return m_description->toPlainText().trimmed();
}

QString ImportDialog::validationMessage() const
{
    const QString name = modelName();
    if (name.isEmpty())
        return tr("Enter a model name.");
    if (ModelDesk::Names::isValidName(name))
        return {};
    // Our own (translated) wording of the core's name rule.
    return tr("'%1' is not a valid model name: use 1-64 characters a-z, 0-9, '.', '_' or '-', starting with a "
              "letter or digit, and no '..'.").arg(name.left(80));
}

void ImportDialog::validate()
{
    const QString message = validationMessage();
    m_error->setText(modelName().isEmpty() ? QString() : message);
    m_error->setVisible(!m_error->text().isEmpty());
    if (message.isEmpty()) {
        m_hint->setText(m_existing.contains(modelName())
                            ? tr("Adds the next version of the existing model '%1'.").arg(modelName())
                            : tr("Creates the new model '%1' with version 1.").arg(modelName()));
    } else {
        m_hint->clear();
    }
    m_hint->setVisible(!m_hint->text().isEmpty());
    for (auto *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(message.isEmpty());
    }
}
