#include "tagdialog.h"

#include "core/names.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

TagDialog::TagDialog(const QString &target, QWidget *parent)
    : QDialog(parent)
    , m_key(new QLineEdit(this))
    , m_value(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Set Tag on %1").arg(target));
    m_key->setPlaceholderText(tr("e.g. stage"));
    m_value->setPlaceholderText(tr("e.g. validated"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28;"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("&Value:"), m_value);
    form->addRow(QString(), m_error);
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_key, &QLineEdit::textChanged, this, &TagDialog::validate);
    connect(m_value, &QLineEdit::textChanged, this, &TagDialog::validate);
    validate();
    resize(sizeHint().expandedTo(QSize(380, 0)));
}

QString TagDialog::key() const
{
    return m_key->text().trimmed();
}

QString TagDialog::value() const
{
    return m_value->text();
}

void TagDialog::setTag(const QString &key, const QString &value)
{
    m_key->setText(key);
    m_value->setText(value);
}

QString TagDialog::validationMessage() const
{
    if (key().isEmpty())
        return tr("Enter a tag key.");
    if (!ModelDesk::Names::checkTagKey(key()))
        return tr("'%1' is not a valid tag key: use 1-64 characters a-z, 0-9, '.', '_' or '-', starting with a "
                  "letter or digit.").arg(key().left(80));
    if (const auto status = ModelDesk::Names::checkTagValue(value()); !status)
        return value().size() > 256 ? tr("The value is longer than 256 characters.")
                                    : tr("The value contains a control character.");
    return {};
}

void TagDialog::validate()
{
    const QString message = validationMessage();
    m_error->setText(key().isEmpty() ? QString() : message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty());
}
