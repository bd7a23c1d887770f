#include "namedialog.h"

#include "core/names.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

NameDialog::NameDialog(const QString &title, const QString &prompt, const QString &what,
                       const QStringList &suggestions, QWidget *parent)
    : QDialog(parent)
    , m_what(what)
    , m_edit(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    m_edit->setEditable(true);
    m_edit->setInsertPolicy(QComboBox::NoInsert);
    m_edit->addItems(suggestions);
    m_edit->setCurrentIndex(-1);
    m_edit->lineEdit()->setPlaceholderText(tr("lower-case letters, digits, '.', '_' or '-'"));

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28;"));

    auto *promptLabel = new QLabel(prompt, this);
    promptLabel->setBuddy(m_edit);
    promptLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(promptLabel);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QComboBox::editTextChanged, this, &NameDialog::validate);
    validate();
    resize(sizeHint().expandedTo(QSize(380, 0)));
}

QString NameDialog::name() const
{
    return m_edit->currentText().trimmed();
}

void NameDialog::setName(const QString &name)
{
    m_edit->setEditText(name);
}

QString NameDialog::validationMessage() const
{
    const QString text = name();
    if (text.isEmpty())
        return tr("Enter a name.");
    if (ModelDesk::Names::isValidName(text))
        return {};
    return tr("'%1' is not a valid %2: use 1-64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or "
              "digit, and no '..'.").arg(text.left(80), m_what);
}

void NameDialog::validate()
{
    const QString message = validationMessage();
    // An empty field is not an error yet: say nothing until the user typed something.
    m_error->setText(name().isEmpty() ? QString() : message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty());
}
