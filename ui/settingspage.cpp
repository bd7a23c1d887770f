#include "settingspage.h"

#include "catalogclient.h"
#include "settings/encryptionsettingswidget.h"

#include "serving/httpserver.h"
#include "serving/servinghost.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

using ModelDesk::Runtime::BatchingConfig;

QString SettingsPage::languageKey() { return QStringLiteral("ui/language"); }
QString SettingsPage::themeKey() { return QStringLiteral("ui/theme"); }
QString SettingsPage::closeToTrayKey() { return QStringLiteral("ui/closeToTray"); }
QString SettingsPage::workspaceKey() { return QStringLiteral("workspace/path"); }
QString SettingsPage::serverHostKey() { return QStringLiteral("server/host"); }
QString SettingsPage::serverPortKey() { return QStringLiteral("server/port"); }
QString SettingsPage::serverTlsCertKey() { return QStringLiteral("server/tlsCert"); }
QString SettingsPage::serverTlsKeyKey() { return QStringLiteral("server/tlsKey"); }
QString SettingsPage::serverAutoStartKey() { return QStringLiteral("server/autoStart"); }
QString SettingsPage::maxBatchKey() { return QStringLiteral("deploy/maxBatch"); }
QString SettingsPage::maxDelayUsKey() { return QStringLiteral("deploy/maxDelayUs"); }
QString SettingsPage::workersKey() { return QStringLiteral("deploy/workers"); }
QString SettingsPage::intraOpThreadsKey() { return QStringLiteral("deploy/intraOpThreads"); }
QString SettingsPage::minuteHistoryDaysKey() { return QStringLiteral("monitoring/minuteHistoryDays"); }
QString SettingsPage::hourHistoryDaysKey() { return QStringLiteral("monitoring/hourHistoryDays"); }

BatchingConfig SettingsPage::deploymentDefaults(const QSettings &settings)
{
    BatchingConfig b;
    b.maxBatchSize = settings.value(maxBatchKey(), b.maxBatchSize).toInt();
    b.maxQueueDelayUs = settings.value(maxDelayUsKey(), b.maxQueueDelayUs).toInt();
    b.workers = settings.value(workersKey(), b.workers).toInt();
    b.intraOpThreads = settings.value(intraOpThreadsKey(), b.intraOpThreads).toInt();
    // A hand-edited file with out-of-range values must not make every new deployment fail.
    if (!ModelDesk::Runtime::checkBatchingConfig(b))
        return BatchingConfig{};
    return b;
}

namespace {

QGroupBox *section(const QString &title, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    return box;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setEnabled(false); // the muted palette: an explanation, not a value
    return label;
}

QSpinBox *spinBox(int min, int max, int value, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setValue(value);
    box->setAccelerated(true);
    return box;
}

} // namespace

SettingsPage::SettingsPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, WorkspaceUnlocker *unlocker,
                           QSettings &settings, const RuntimeInfo &runtime, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_client(&client)
    , m_serving(&host)
    , m_unlocker(unlocker)
{
    build(client.workspacePath(), runtime);
}

SettingsPage::SettingsPage(const QString &workspacePath, const RuntimeInfo &runtime, QSettings &settings,
                           QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
{
    build(workspacePath, runtime);
}

void SettingsPage::build(const QString &workspacePath, const RuntimeInfo &runtime)
{
    m_workspacePath = workspacePath;
    auto *title = new QLabel(tr("Settings"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    // Two columns on a wide window: where things live and run | how the console behaves.
    auto *content = new QWidget;
    auto *left = new QVBoxLayout;
    left->addWidget(workspaceSection(workspacePath));
    left->addWidget(serverSection());
    left->addWidget(deploymentSection());
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    if (m_unlocker) {
        m_encryption = new EncryptionSettingsWidget(*m_unlocker, content);
        connect(m_encryption, &EncryptionSettingsWidget::info, this, &SettingsPage::info);
        connect(m_encryption, &EncryptionSettingsWidget::error, this, &SettingsPage::error);
        right->addWidget(m_encryption);
    }
    right->addWidget(appearanceSection());
    right->addWidget(retentionSection());
    right->addWidget(runtimeSection(runtime));
    right->addStretch(1);
    auto *columns = new QHBoxLayout(content);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 18, 24, 18);
    outer->addWidget(title);
    outer->addWidget(scroll, 1);
}

QWidget *SettingsPage::workspaceSection(const QString &workspacePath)
{
    auto *box = section(tr("Workspace"), this);
    auto *path = new QLineEdit(QDir::toNativeSeparators(workspacePath), box);
    path->setObjectName(QStringLiteral("workspacePath"));
    path->setReadOnly(true);
    auto *openButton = new QPushButton(tr("Open Folder"), box);
    connect(openButton, &QPushButton::clicked, this, [this] {
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m_workspacePath)))
            Q_EMIT error(tr("Could not open %1 in a file manager.").arg(m_workspacePath));
    });
    auto *anotherButton = new QPushButton(tr("Open Another..."), box);
    anotherButton->setToolTip(tr("Open another workspace folder in a new window, or use it from the next start."));
    connect(anotherButton, &QPushButton::clicked, this, &SettingsPage::openAnotherWorkspace);
    auto *row = new QHBoxLayout;
    row->addWidget(path, 1);
    row->addWidget(openButton);
    row->addWidget(anotherButton);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(note(tr("The registry, the model files and the training runs of this console live here. "
                              "A console works on one workspace at a time: another one opens in a new window, or "
                              "from the next start (also: --workspace DIR)."),
                           box));
    return box;
}

void SettingsPage::openAnotherWorkspace()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"), QDir::homePath());
    if (dir.isEmpty())
        return;
    if (QDir::cleanPath(dir) == QDir::cleanPath(m_workspacePath)) {
        Q_EMIT info(tr("%1 is the workspace already open.").arg(QDir::toNativeSeparators(dir)));
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Open Workspace"),
                    tr("Open %1 in a new window now, or use it instead of this one from the next start?")
                        .arg(QDir::toNativeSeparators(dir)),
                    QMessageBox::Cancel, this);
    QPushButton *now = box.addButton(tr("New Window"), QMessageBox::AcceptRole);
    QPushButton *next = box.addButton(tr("At Next Start"), QMessageBox::ActionRole);
    box.exec();
    if (box.clickedButton() == now) {
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("--workspace"), dir}))
            Q_EMIT error(tr("Could not start another ModelDesk window for %1.").arg(QDir::toNativeSeparators(dir)));
        else
            Q_EMIT info(tr("Opening the workspace %1 in a new window.").arg(QDir::toNativeSeparators(dir)));
    } else if (box.clickedButton() == next) {
        m_settings.setValue(workspaceKey(), dir);
        m_settings.sync();
        Q_EMIT info(tr("The workspace %1 opens at the next start (restart ModelDesk to switch).")
                        .arg(QDir::toNativeSeparators(dir)));
    }
}

QWidget *SettingsPage::serverSection()
{
    auto *box = section(tr("HTTP Server"), this);
    m_host = new QLineEdit(m_settings.value(serverHostKey(), QStringLiteral("127.0.0.1")).toString(), box);
    m_host->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_port = spinBox(0, 65535, m_settings.value(serverPortKey(), 8080).toInt(), box);
    m_port->setSpecialValueText(tr("any free port"));
    m_tlsCert = new QLineEdit(m_settings.value(serverTlsCertKey()).toString(), box);
    m_tlsKey = new QLineEdit(m_settings.value(serverTlsKeyKey()).toString(), box);
    m_tlsCert->setPlaceholderText(tr("none: plain HTTP"));
    m_tlsKey->setPlaceholderText(tr("none: plain HTTP"));
    const auto fileRow = [this, box](QLineEdit *edit, const QString &caption) {
        auto *browse = new QPushButton(tr("Browse..."), box);
        connect(browse, &QPushButton::clicked, this, [this, edit, caption] {
            const QString file = QFileDialog::getOpenFileName(this, caption, QFileInfo(edit->text()).path(),
                                                              tr("PEM files (*.pem *.crt *.key);;All files (*)"));
            if (!file.isEmpty())
                edit->setText(file);
        });
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        return row;
    };
    m_autoStart = new QCheckBox(tr("Start the server when ModelDesk starts"), box);
    m_autoStart->setChecked(m_settings.value(serverAutoStartKey(), true).toBool());
    m_serverWarning = new QLabel(box);
    m_serverWarning->setWordWrap(true);
    m_serverWarning->setStyleSheet(QStringLiteral("color: #c01c28; font-weight: bold;"));
    m_serverNote = note(QString(), box);
    m_applyServer = new QPushButton(m_serving ? tr("Save and Restart Server") : tr("Save"), box);

    auto *form = new QFormLayout;
    form->addRow(tr("Address:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("TLS certificate:"), fileRow(m_tlsCert, tr("TLS Certificate")));
    form->addRow(tr("TLS private key:"), fileRow(m_tlsKey, tr("TLS Private Key")));
    form->addRow(QString(), m_autoStart);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_applyServer);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(m_serverWarning);
    layout->addWidget(m_serverNote);
    layout->addLayout(buttons);

    for (QLineEdit *edit : {m_host, m_tlsCert, m_tlsKey})
        connect(edit, &QLineEdit::textChanged, this, &SettingsPage::updateServerWarning);
    connect(m_applyServer, &QPushButton::clicked, this, &SettingsPage::applyServer);
    updateServerWarning();
    return box;
}

void SettingsPage::updateServerWarning()
{
    const QString host = m_host->text().trimmed();
    const bool tls = !m_tlsCert->text().trimmed().isEmpty() && !m_tlsKey->text().trimmed().isEmpty();
    QString warning;
    if (!host.isEmpty() && !ModelDesk::Serving::HttpServer::isLoopbackHost(host)) {
        warning = tls ? tr("The server will be reachable from other machines at %1 (over TLS). Give API tokens "
                           "only to those who need them.")
                            .arg(host)
                      : tr("Warning: %1 is reachable from other machines and there is no TLS: tokens and model "
                           "data cross the network in plain text. Set a certificate and a key, or use 127.0.0.1.")
                            .arg(host);
    } else if (m_tlsCert->text().trimmed().isEmpty() != m_tlsKey->text().trimmed().isEmpty()) {
        warning = tr("TLS needs both a certificate and a private key.");
    }
    m_serverWarning->setText(warning);
    m_serverWarning->setVisible(!warning.isEmpty());
    m_serverNote->setText(m_serving ? tr("Changes apply when the server restarts (the button does it now; "
                                      "deployments stay loaded).")
                                 : tr("Changes apply at the next start."));
}

void SettingsPage::applyServer()
{
    const QString host = m_host->text().trimmed().isEmpty() ? QStringLiteral("127.0.0.1") : m_host->text().trimmed();
    const QString cert = m_tlsCert->text().trimmed();
    const QString key = m_tlsKey->text().trimmed();
    if (cert.isEmpty() != key.isEmpty()) {
        Q_EMIT error(tr("TLS needs both a certificate and a private key; nothing was saved."));
        return;
    }
    for (const QString &file : {cert, key}) {
        if (!file.isEmpty() && !QFileInfo(file).isReadable()) {
            Q_EMIT error(tr("The file %1 cannot be read; nothing was saved.").arg(QDir::toNativeSeparators(file)));
            return;
        }
    }
    if (!ModelDesk::Serving::HttpServer::isLoopbackHost(host) && cert.isEmpty()) {
        const auto answer = QMessageBox::warning(
            this, tr("Serve Without TLS?"),
            tr("%1 makes the server reachable from other machines, and without TLS everything, API tokens "
               "included, crosses the network in plain text.\n\nServe on %1 without TLS anyway?")
                .arg(host),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_settings.setValue(serverHostKey(), host);
    m_settings.setValue(serverPortKey(), m_port->value());
    m_settings.setValue(serverTlsCertKey(), cert);
    m_settings.setValue(serverTlsKeyKey(), key);
    m_settings.setValue(serverAutoStartKey(), m_autoStart->isChecked());
    m_settings.sync();
    if (!m_serving) {
        Q_EMIT info(tr("Server settings saved; they apply at the next start."));
        return;
    }
    auto options = m_serving->serverOptions();
    options.http.host = host;
    options.http.port = quint16(m_port->value());
    options.http.tlsCertificateFile = cert;
    options.http.tlsPrivateKeyFile = key;
    m_serving->setServerOptions(options);
    const bool wasRunning = m_serving->isServerRunning();
    if (!wasRunning && !m_autoStart->isChecked()) {
        Q_EMIT info(tr("Server settings saved; the server is off (start it from the Deployments page)."));
        return;
    }
    m_serving->stopServer();
    if (auto s = m_serving->startServer(); !s) {
        Q_EMIT error(tr("Server settings saved, but the server did not start: %1").arg(s.error().message));
        return;
    }
    Q_EMIT info(tr("The server now listens on %1.").arg(m_serving->serverUrl()));
}

QWidget *SettingsPage::deploymentSection()
{
    auto *box = section(tr("New Deployments"), this);
    const BatchingConfig b = deploymentDefaults(m_settings);
    m_maxBatch = spinBox(1, 4096, b.maxBatchSize, box);
    m_maxDelay = spinBox(0, 1000000, b.maxQueueDelayUs, box);
    m_maxDelay->setSuffix(tr(" µs"));
    m_maxDelay->setSingleStep(100);
    m_workers = spinBox(1, 64, b.workers, box);
    m_threads = spinBox(1, 256, b.intraOpThreads, box);
    m_defaultsError = new QLabel(box);
    m_defaultsError->setWordWrap(true);
    m_defaultsError->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_defaultsError->hide();
    auto *form = new QFormLayout(box);
    form->addRow(tr("Max batch size:"), m_maxBatch);
    form->addRow(tr("Max queue delay:"), m_maxDelay);
    form->addRow(tr("Worker threads:"), m_workers);
    form->addRow(tr("Intra-op threads:"), m_threads);
    form->addRow(QString(), m_defaultsError);
    form->addRow(QString(), note(tr("Used when a deployment is created; each deployment can be tuned live on the "
                                    "Deployments page. Workers x intra-op threads above %1 (the cores of this "
                                    "machine) slows everything down.")
                                     .arg(QThread::idealThreadCount()),
                                 box));
    for (QSpinBox *spin : {m_maxBatch, m_maxDelay, m_workers, m_threads})
        connect(spin, &QSpinBox::valueChanged, this, &SettingsPage::saveDeploymentDefaults);
    return box;
}

void SettingsPage::saveDeploymentDefaults()
{
    BatchingConfig b;
    b.maxBatchSize = m_maxBatch->value();
    b.maxQueueDelayUs = m_maxDelay->value();
    b.workers = m_workers->value();
    b.intraOpThreads = m_threads->value();
    if (auto s = ModelDesk::Runtime::checkBatchingConfig(b); !s) {
        m_defaultsError->setText(s.error().message);
        m_defaultsError->show();
        return;
    }
    m_defaultsError->hide();
    m_settings.setValue(maxBatchKey(), b.maxBatchSize);
    m_settings.setValue(maxDelayUsKey(), b.maxQueueDelayUs);
    m_settings.setValue(workersKey(), b.workers);
    m_settings.setValue(intraOpThreadsKey(), b.intraOpThreads);
}

QWidget *SettingsPage::appearanceSection()
{
    auto *holder = new QWidget(this);
    auto *languageBox = section(tr("Language"), holder);
    auto *box = section(tr("Appearance"), holder);
    m_language = new QComboBox(languageBox);
    m_language->addItem(tr("System"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));   // each language in its own words
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_startLanguage = m_settings.value(languageKey()).toString();
    const int current = m_language->findData(m_startLanguage);
    m_language->setCurrentIndex(current < 0 ? 0 : current);
    m_restartNote = note(tr("A new language applies the next time ModelDesk starts."), languageBox);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsPage::languageChosen);

    m_theme = new QComboBox(box);
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    const int theme = m_theme->findData(m_settings.value(themeKey(), QStringLiteral("system")).toString());
    m_theme->setCurrentIndex(theme < 0 ? 0 : theme);
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QString theme = m_theme->itemData(index).toString();
        m_settings.setValue(themeKey(), theme);
        Q_EMIT themeChanged(theme);
    });

    m_closeToTray = new QCheckBox(tr("Closing the window keeps ModelDesk serving in the system tray"), box);
    m_closeToTray->setChecked(m_settings.value(closeToTrayKey(), false).toBool());
    connect(m_closeToTray, &QCheckBox::toggled, this, [this](bool on) {
        m_settings.setValue(closeToTrayKey(), on);
        Q_EMIT info(on ? tr("Closing the window now keeps ModelDesk running in the tray; quit from the tray menu.")
                       : tr("Closing the window now quits ModelDesk."));
    });

    auto *languageForm = new QFormLayout(languageBox);
    languageForm->addRow(tr("Interface language:"), m_language);
    languageForm->addRow(QString(), m_restartNote);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(QString(), m_closeToTray);
    auto *layout = new QVBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(languageBox);
    layout->addWidget(box);
    return holder;
}

void SettingsPage::languageChosen(int index)
{
    const QString code = m_language->itemData(index).toString();
    m_settings.setValue(languageKey(), code);
    m_settings.sync();
    if (code == m_startLanguage) {
        m_restartNote->setText(tr("A new language applies the next time ModelDesk starts."));
        return;
    }
    m_restartNote->setText(tr("Saved. Restart ModelDesk to use %1.").arg(m_language->itemText(index)));
    Q_EMIT info(tr("Interface language set to %1; it applies at the next start.").arg(m_language->itemText(index)));
}

QWidget *SettingsPage::retentionSection()
{
    auto *box = section(tr("Data Retention"), this);
    m_minuteDays = spinBox(1, 365, m_settings.value(minuteHistoryDaysKey(), 7).toInt(), box);
    m_hourDays = spinBox(1, 3650, m_settings.value(hourHistoryDaysKey(), 90).toInt(), box);
    m_minuteDays->setSuffix(tr(" days"));
    m_hourDays->setSuffix(tr(" days"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("Minute-by-minute metrics:"), m_minuteDays);
    form->addRow(tr("Hourly metrics:"), m_hourDays);
    form->addRow(QString(), note(tr("How long the monitoring history is kept in metrics.sqlite. Applies at the next "
                                    "start; older points are then removed within the hour."),
                                 box));
    connect(m_minuteDays, &QSpinBox::valueChanged, this, [this](int days) {
        m_settings.setValue(minuteHistoryDaysKey(), days);
        if (m_hourDays->value() < days)
            m_hourDays->setValue(days); // hourly points outlive the minute ones they are made of
    });
    connect(m_hourDays, &QSpinBox::valueChanged, this, [this](int days) {
        m_settings.setValue(hourHistoryDaysKey(), days);
        if (m_minuteDays->value() > days)
            m_minuteDays->setValue(days);
    });
    return box;
}

QWidget *SettingsPage::runtimeSection(const RuntimeInfo &runtime)
{
    auto *box = section(tr("Runtime"), this);
    auto *layout = new QFormLayout(box);
    const auto selectable = [box](const QString &text) {
        auto *label = new QLabel(text, box);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        return label;
    };
    layout->addRow(tr("LibTorch:"), selectable(runtime.torchVersion.isEmpty() ? tr("unknown") : runtime.torchVersion));
    const QString blasText = runtime.blas.path.isEmpty()
        ? tr("no libblas.so.3 loaded")
        : QString(runtime.blas.provider + QStringLiteral(" — ") + runtime.blas.path);
    auto *blasLabel = selectable(blasText);
    if (runtime.blas.isReference()) {
        blasLabel->setText(QString(blasText + u'\n'
                                   + tr("This is the slow reference BLAS: install libopenblas0-pthread for 5-20x faster "
                                        "training and inference.")));
        blasLabel->setStyleSheet(QStringLiteral("color: #c01c28;"));
    }
    layout->addRow(tr("BLAS:"), blasLabel);
    layout->addRow(tr("Qt:"), selectable(QString::fromLatin1(qVersion())));
    layout->addRow(tr("ModelDesk:"), selectable(QStringLiteral(MODELDESK_VERSION)));
    return box;
}
