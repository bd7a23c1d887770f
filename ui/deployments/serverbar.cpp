#include "serverbar.h"

#include "uiformat.h"

#include "serving/httpserver.h"
#include "serving/servinghost.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using ModelDesk::Serving::HttpServer;

namespace {

QLineEdit *fileEdit(QWidget *parent, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setMinimumWidth(220);
    return edit;
}

} // namespace

ServerBar::ServerBar(ModelDesk::Serving::ServingHost &host, QWidget *parent)
    : QWidget(parent)
    , m_serving(host)
{
    const ModelDesk::Serving::ModelServerOptions options = m_serving.serverOptions();

    m_light = new QLabel(this);
    m_light->setFixedSize(12, 12);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::RichText);
    m_status->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_status->setOpenExternalLinks(true);
    m_status->setWordWrap(true);

    m_shownHost = options.http.host;
    m_shownPort = options.http.port;
    m_host = new QLineEdit(options.http.host, this);
    m_host->setToolTip(tr("Address to listen on. 127.0.0.1 (loopback) keeps the server private to this machine."));
    m_host->setMaximumWidth(150);
    m_port = new QSpinBox(this);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free"));
    m_port->setValue(options.http.port);
    m_port->setToolTip(tr("TCP port (0 = any free port)"));
    m_tlsToggle = new QToolButton(this);
    m_tlsToggle->setText(tr("TLS…"));
    m_tlsToggle->setCheckable(true);
    m_tlsToggle->setToolTip(tr("Serve HTTPS with a certificate and private key (PEM files)"));
    m_autoStart = new QCheckBox(tr("Start with the console"), this);
    m_autoStart->setChecked(QSettings().value(QStringLiteral("server/autoStart"), true).toBool());
    m_start = new QPushButton(tr("&Start"), this);
    m_start->setToolTip(tr("Start the HTTP server with this address and port (restarts it when running)"));
    m_stop = new QPushButton(tr("S&top"), this);
    m_stop->setToolTip(tr("Stop the HTTP server; deployments stay loaded and the try-it panel still works"));

    // Two rows, so that the bar fits a narrow window: state and the buttons, then the address.
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_light);
    row->addWidget(m_status, 1);
    row->addWidget(m_start);
    row->addWidget(m_stop);
    auto *addressRow = new QHBoxLayout;
    addressRow->setContentsMargins(0, 0, 0, 0);
    addressRow->addWidget(new QLabel(tr("Address:"), this));
    addressRow->addWidget(m_host);
    addressRow->addWidget(new QLabel(tr("Port:"), this));
    addressRow->addWidget(m_port);
    addressRow->addWidget(m_tlsToggle);
    addressRow->addWidget(m_autoStart);
    addressRow->addStretch(1);

    m_cert = fileEdit(this, tr("certificate chain (PEM)"));
    m_cert->setText(options.http.tlsCertificateFile);
    m_key = fileEdit(this, tr("private key (PEM)"));
    m_key->setText(options.http.tlsPrivateKeyFile);
    auto *certBrowse = new QToolButton(this);
    certBrowse->setText(QStringLiteral("…"));
    auto *keyBrowse = new QToolButton(this);
    keyBrowse->setText(QStringLiteral("…"));
    m_tlsRow = new QWidget(this);
    auto *tls = new QHBoxLayout(m_tlsRow);
    tls->setContentsMargins(0, 0, 0, 0);
    tls->addStretch(1);
    tls->addWidget(new QLabel(tr("Certificate:"), m_tlsRow));
    tls->addWidget(m_cert);
    tls->addWidget(certBrowse);
    tls->addWidget(new QLabel(tr("Key:"), m_tlsRow));
    tls->addWidget(m_key);
    tls->addWidget(keyBrowse);
    const bool hasTls = !options.http.tlsCertificateFile.isEmpty();
    m_tlsToggle->setChecked(hasTls);
    m_tlsRow->setVisible(hasTls);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addLayout(addressRow);
    layout->addWidget(m_tlsRow);

    connect(m_tlsToggle, &QToolButton::toggled, m_tlsRow, &QWidget::setVisible);
    const auto browse = [this](QLineEdit *edit, const QString &title) {
        const QString file = QFileDialog::getOpenFileName(this, title, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!file.isEmpty())
            edit->setText(file);
    };
    connect(certBrowse, &QToolButton::clicked, this, [this, browse] { browse(m_cert, tr("TLS Certificate")); });
    connect(keyBrowse, &QToolButton::clicked, this, [this, browse] { browse(m_key, tr("TLS Private Key")); });
    connect(m_start, &QPushButton::clicked, this, [this] { start(false); });
    connect(m_stop, &QPushButton::clicked, this, &ServerBar::stop);
    connect(m_autoStart, &QCheckBox::toggled, this, [](bool on) {
        QSettings().setValue(QStringLiteral("server/autoStart"), on);
    });
    connect(m_host, &QLineEdit::returnPressed, this, [this] { start(false); });

    refresh();
}

QString ServerBar::stateText() const
{
    switch (m_state) {
    case State::Running:
        return tr("Running at %1").arg(m_serving.serverUrl());
    case State::Stopped:
        return tr("Stopped — deployments still answer the try-it panel");
    case State::Failed:
        return tr("Not running: %1").arg(m_failure);
    }
    return {};
}

void ServerBar::refresh()
{
    // Another place (Settings page, tray menu) may have restarted the server with other options:
    // show them, unless the operator is editing the fields.
    const ModelDesk::Serving::ModelServerOptions options = m_serving.serverOptions();
    if (options.http.host != m_shownHost || options.http.port != m_shownPort) {
        m_shownHost = options.http.host;
        m_shownPort = options.http.port;
        if (!m_host->hasFocus() && !m_port->hasFocus()) {
            m_host->setText(options.http.host);
            m_port->setValue(options.http.port);
            m_cert->setText(options.http.tlsCertificateFile);
            m_key->setText(options.http.tlsPrivateKeyFile);
        }
    }
    if (m_serving.isServerRunning())
        m_state = State::Running;
    else if (m_state == State::Running)
        m_state = State::Stopped;
    showState();
}

void ServerBar::showState()
{
    QColor light;
    QString text;
    switch (m_state) {
    case State::Running: {
        light = QColor(0x2e, 0xa0, 0x43);
        const QString url = m_serving.serverUrl();
        text = tr("Running at <a href=\"%1/v2\">%1</a>").arg(url.toHtmlEscaped());
        if (!HttpServer::isLoopbackHost(m_serving.serverOptions().http.host))
            text += QStringLiteral(" &nbsp;<b style=\"color:#c01c28\">") + tr("exposed beyond this machine") + QStringLiteral("</b>");
        break;
    }
    case State::Stopped:
        light = QColor(0x9a, 0x9a, 0x9a);
        text = stateText().toHtmlEscaped();
        break;
    case State::Failed:
        light = QColor(0xc0, 0x1c, 0x28);
        text = QStringLiteral("<span style=\"color:#c01c28\">") + stateText().toHtmlEscaped() + QStringLiteral("</span>");
        break;
    }
    m_light->setStyleSheet(QStringLiteral("background:%1; border-radius:6px;").arg(light.name()));
    m_status->setText(text);
    m_status->setToolTip(stateText());
    m_start->setText(m_state == State::Running ? tr("Re&start") : tr("&Start"));
    m_stop->setEnabled(m_state == State::Running);
    Q_EMIT stateChanged();
}

bool ServerBar::start(bool confirmed)
{
    const QString host = m_host->text().trimmed();
    if (host.isEmpty()) {
        m_state = State::Failed;
        m_failure = tr("no address given (use 127.0.0.1 to stay on this machine)");
        showState();
        Q_EMIT error(tr("HTTP server not started: %1").arg(m_failure));
        return false;
    }
    const QString cert = m_tlsToggle->isChecked() ? m_cert->text().trimmed() : QString();
    const QString key = m_tlsToggle->isChecked() ? m_key->text().trimmed() : QString();
    if (cert.isEmpty() != key.isEmpty()) {
        m_state = State::Failed;
        m_failure = tr("TLS needs both a certificate and a private key file");
        showState();
        Q_EMIT error(tr("HTTP server not started: %1").arg(m_failure));
        return false;
    }
    if (!confirmed && !HttpServer::isLoopbackHost(host)) {
        const QString risk = cert.isEmpty()
                                 ? tr("<p><b>Without TLS, requests, responses and API tokens cross the network in clear "
                                      "text.</b> Add a certificate and key (TLS…) unless the network is trusted.</p>")
                                 : tr("<p>Traffic is encrypted with the given certificate.</p>");
        QMessageBox box(QMessageBox::Warning, tr("Expose the Model Server?"),
                        tr("<p>Listening on <b>%1</b> lets other machines that can reach this address call the "
                           "server. Public deployments answer them without a token; management always needs one.</p>%2"
                           "<p>Listen on %1 anyway?</p>")
                            .arg(host.toHtmlEscaped(), risk),
                        QMessageBox::Cancel, this);
        QPushButton *listen = box.addButton(tr("Listen on %1").arg(host), QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != listen)
            return false;
    }

    const ModelDesk::Serving::ModelServerOptions previous = m_serving.serverOptions();
    const bool wasRunning = m_serving.isServerRunning();
    const quint16 boundPort = m_serving.serverPort();
    ModelDesk::Serving::ModelServerOptions options = previous;
    options.http.host = host;
    options.http.port = quint16(m_port->value());
    options.http.tlsCertificateFile = cert;
    options.http.tlsPrivateKeyFile = key;
    m_serving.stopServer(); // options apply at the next start
    m_serving.setServerOptions(options);
    if (auto s = m_serving.startServer(); !s) {
        QString why = UiFormat::errorText(s.error());
        const QString where = host + u':' + QString::number(m_port->value());
        if (!why.contains(where))
            why = tr("could not listen on %1 — %2").arg(where, why);
        // A failed move must not leave clients without the server they had, at the same address.
        ModelDesk::Serving::ModelServerOptions restore = previous;
        if (wasRunning)
            restore.http.port = boundPort;
        m_serving.setServerOptions(restore);
        if (wasRunning && m_serving.startServer()) {
            m_state = State::Running;
            m_failure.clear();
            showState();
            Q_EMIT error(tr("HTTP server not moved: %1; it still runs at %2.").arg(why, m_serving.serverUrl()));
            return false;
        }
        m_state = State::Failed;
        m_failure = why;
        showState();
        Q_EMIT error(tr("HTTP server not started: %1").arg(m_failure));
        return false;
    }
    m_state = State::Running;
    m_failure.clear();
    saveSettings();
    showState();
    Q_EMIT info(tr("HTTP server running at %1.").arg(m_serving.serverUrl()));
    return true;
}

void ServerBar::stop()
{
    if (!m_serving.isServerRunning())
        return;
    m_serving.stopServer();
    m_state = State::Stopped;
    showState();
    Q_EMIT info(tr("HTTP server stopped; deployments stay loaded."));
}

void ServerBar::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("server/host"), m_host->text().trimmed());
    settings.setValue(QStringLiteral("server/port"), m_port->value());
    settings.setValue(QStringLiteral("server/autoStart"), m_autoStart->isChecked());
    // The Settings page's keys for the TLS files (read with the others at the next start).
    settings.setValue(QStringLiteral("server/tlsCert"), m_serving.serverOptions().http.tlsCertificateFile);
    settings.setValue(QStringLiteral("server/tlsKey"), m_serving.serverOptions().http.tlsPrivateKeyFile);
}
