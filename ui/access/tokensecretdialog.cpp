#include "tokensecretdialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

TokenSecretDialog::TokenSecretDialog(const QString &tokenName, const QString &secret, QWidget *parent)
    : QDialog(parent), m_tokenName(tokenName)
{
    setWindowTitle(tr("Token '%1' Created").arg(tokenName));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *warning = new QLabel(tr("<b>Copy this secret now. You will not see it again.</b><br>"
                                  "ModelDesk keeps only a hash of it. If it is lost, revoke the token and create "
                                  "a new one."),
                               this);
    warning->setWordWrap(true);
    top->addWidget(warning, 1);
    layout->addLayout(top);

    auto *row = new QHBoxLayout;
    m_secret = new QLineEdit(secret, this);
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(secret) + 24);
    m_secret->selectAll();
    row->addWidget(m_secret, 1);
    m_copy = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), this);
    m_copy->setToolTip(tr("Copy the secret to the clipboard"));
    row->addWidget(m_copy);
    layout->addLayout(row);

    auto *usage = new QLabel(tr("Clients send it as the header <tt>Authorization: Bearer &lt;secret&gt;</tt>."), this);
    usage->setTextFormat(Qt::RichText);
    usage->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(usage);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &TokenSecretDialog::copyToClipboard);
}

QString TokenSecretDialog::secret() const { return m_secret->text(); }

void TokenSecretDialog::copyToClipboard()
{
    QGuiApplication::clipboard()->setText(m_secret->text());
    m_copy->setText(tr("Copied"));
}

void TokenSecretDialog::done(int result)
{
    // The secret leaves the GUI with the dialog (QString memory is not wiped, but no widget keeps it).
    m_secret->clear();
    QDialog::done(result);
}
