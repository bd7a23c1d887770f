#include "securitystatewidget.h"

#include "asynctask.h"
#include "uiformat.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "security/workspaceencryption.h"
#include "serving/servinghost.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace ModelDesk;
using namespace ModelDesk::Security;

namespace {

QString okText(const QString &text) { return QStringLiteral("<span style=\"color:#2e7d32\">●</span> ") + text.toHtmlEscaped(); }
QString warnText(const QString &text) { return QStringLiteral("<span style=\"color:#c62828\">●</span> ") + text.toHtmlEscaped(); }
QString plainText(const QString &text) { return QStringLiteral("<span style=\"color:#9e9e9e\">●</span> ") + text.toHtmlEscaped(); }

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

SecurityStateWidget::SecurityStateWidget(Serving::ServingHost &host, QThreadPool &pool, int keychainTimeoutMs,
                                         QWidget *parent)
    : QWidget(parent), m_host(host), m_pool(pool), m_keychainTimeoutMs(keychainTimeoutMs)
{
    SecretStore::Options options;
    options.timeoutMs = keychainTimeoutMs;
    options.allowUnlockPrompt = false; // a status box must never pop up an unlock prompt by itself
    m_secrets = new SecretStore(host.catalog().workspace().root(), options, this);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Security state"), this);
    auto *grid = new QGridLayout(box);
    m_keychain = valueLabel(box);
    m_keychain->setObjectName(QStringLiteral("keychainState"));
    m_encryption = valueLabel(box);
    m_server = valueLabel(box);
    grid->addWidget(new QLabel(tr("Keychain:"), box), 0, 0, Qt::AlignTop);
    grid->addWidget(m_keychain, 0, 1);
    grid->addWidget(new QLabel(tr("Encryption at rest:"), box), 1, 0, Qt::AlignTop);
    grid->addWidget(m_encryption, 1, 1);
    grid->addWidget(new QLabel(tr("HTTP server:"), box), 2, 0, Qt::AlignTop);
    grid->addWidget(m_server, 2, 1);
    m_recheck = new QPushButton(tr("Check Again"), box);
    m_recheck->setToolTip(tr("Ask the keychain and the workspace again"));
    grid->addWidget(m_recheck, 0, 2, Qt::AlignTop);
    grid->setColumnStretch(1, 1);
    outer->addWidget(box);

    connect(m_recheck, &QPushButton::clicked, this, &SecurityStateWidget::refresh);
    m_keychain->setText(plainText(tr("checking…")));
    m_encryption->setText(plainText(tr("checking…")));
    // The server can be switched on and off on the Deployments page: follow it cheaply.
    auto *timer = new QTimer(this);
    timer->setInterval(2000);
    connect(timer, &QTimer::timeout, this, &SecurityStateWidget::refreshServer);
    timer->start();
    refreshServer();
}

SecurityStateWidget::~SecurityStateWidget() = default;

void SecurityStateWidget::refresh()
{
    refreshServer();
    if (!m_keychainRunning) {
        m_keychainRunning = true;
        m_keychain->setText(plainText(tr("checking… (at most %1 s)").arg((m_keychainTimeoutMs + 999) / 1000)));
        m_secrets->checkAvailability(this, [this](KeychainState state) {
            m_keychainRunning = false;
            showKeychain(state);
        });
    }
    Registry::ModelCatalog &catalog = m_host.catalog();
    runAsync(
        m_pool, this, [&catalog] { return WorkspaceEncryption(catalog, nullptr).status(); },
        [this](const Result<EncryptionStatus> &status) {
            m_encryptionChecked = true;
            if (!status) {
                m_encryption->setText(warnText(tr("unknown: %1").arg(UiFormat::errorText(status.error()))));
            } else if (status->enabled) {
                QString text = tr("on — %1 of %2 artifacts encrypted (AES-256-GCM), key in the %3")
                                   .arg(status->encrypted)
                                   .arg(status->artifacts)
                                   .arg(status->keySource == KeySource::Keychain ? tr("keychain")
                                                                                 : tr("passphrase-wrapped key file"));
                if (!status->complete())
                    text += tr("; %1 still in plaintext: finish it from Settings").arg(status->plain);
                m_encryption->setText(status->complete() ? okText(text) : warnText(text));
            } else {
                QString text = tr("off — %1 artifacts stored in plaintext; turn it on in Settings").arg(status->artifacts);
                if (status->encrypted > 0)
                    text += tr(" (%1 still encrypted: finish turning it off from Settings)").arg(status->encrypted);
                m_encryption->setText(plainText(text));
            }
            if (status && !status->problems.isEmpty())
                m_encryption->setToolTip(status->problems.join(QLatin1Char('\n')));
            Q_EMIT encryptionStateKnown();
        });
}

void SecurityStateWidget::showKeychain(const KeychainState &state)
{
    m_keychainChecked = true;
    if (state.isAvailable()) {
        m_keychain->setText(okText(tr("available (the OS keychain holds the console's secrets)")));
        m_keychain->setToolTip({});
    } else {
        const QString why = state.message.isEmpty() ? reasonName(state.reason) : state.message;
        // SecretStore's message already starts with "no secure store: ..." when it has one.
        const QString line = why.startsWith(QLatin1String("no secure store")) ? why : tr("no secure store — %1").arg(why);
        m_keychain->setText(warnText(line) +
                            QStringLiteral("<br><small>") +
                            tr("Secrets are then never written in plaintext: encryption asks for a passphrase "
                               "instead (see Settings).")
                                .toHtmlEscaped() +
                            QStringLiteral("</small>"));
        m_keychain->setToolTip(why);
    }
    Q_EMIT keychainStateKnown(state);
}

void SecurityStateWidget::refreshServer()
{
    if (!m_host.isServerRunning()) {
        m_server->setText(plainText(tr("stopped — nothing listens")));
        return;
    }
    const Serving::ModelServerOptions options = m_host.serverOptions();
    const QString host = options.http.host;
    const bool loopback = host == QLatin1String("127.0.0.1") || host == QLatin1String("::1") ||
                          host == QLatin1String("localhost");
    const bool tls = !options.http.tlsCertificateFile.isEmpty();
    const QString url = m_host.serverUrl();
    if (loopback)
        m_server->setText(okText(tr("%1 — this machine only (loopback)%2").arg(url, tls ? tr(", TLS") : QString())));
    else if (tls)
        m_server->setText(okText(tr("%1 — reachable from the network, with TLS").arg(url)));
    else
        m_server->setText(warnText(tr("%1 — reachable from the network WITHOUT TLS: tokens travel in clear text").arg(url)));
}

QString SecurityStateWidget::keychainText() const { return m_keychain->text(); }
QString SecurityStateWidget::encryptionText() const { return m_encryption->text(); }
QString SecurityStateWidget::serverText() const { return m_server->text(); }
