#pragma once
// SettingsPage: the console's settings, each stored in QSettings under the key named by the static
// functions below (the composition root reads them at start):
//  - workspace: where the data lives (read-only; another one opens in a new window or at next start);
//  - server: address, port, TLS certificate/key files, start at launch (applied by restarting the
//    server from here; a non-loopback address without TLS is a loud warning);
//  - defaults for new deployments: batching (max batch, max delay), workers, intra-op threads;
//  - language (next start), theme (live: themeChanged()), close to tray;
//  - encryption at rest and the keychain state (EncryptionSettingsWidget, through the
//    WorkspaceUnlocker), and how long the metrics history is kept (next start).
// Threads: GUI only; the blocking work (encryption, keychain) is the WorkspaceUnlocker's.

#include "core/platforminfo.h"
#include "runtime/inferenceengine.h"

#include <QWidget>

class CatalogClient;
class EncryptionSettingsWidget;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;
class WorkspaceUnlocker;
namespace ModelDesk::Serving {
class ServingHost;
}

// What the settings page shows about the running process; filled by the composition root
// (which links LibTorch; the UI does not).
struct RuntimeInfo
{
    QString torchVersion;
    ModelDesk::BlasInfo blas;
};

class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    // QSettings keys.
    static QString languageKey();          // "" (follow the system), "en" or "zh_CN"
    static QString themeKey();             // "system", "light" or "dark"
    static QString closeToTrayKey();       // bool, default false
    static QString workspaceKey();         // the workspace to open at the next start when none is given
    static QString serverHostKey();        // default 127.0.0.1
    static QString serverPortKey();        // default 8080
    static QString serverTlsCertKey();     // PEM file; with the key file: HTTPS
    static QString serverTlsKeyKey();
    static QString serverAutoStartKey();   // bool, default true
    static QString maxBatchKey();          // deploy/maxBatch ...
    static QString maxDelayUsKey();
    static QString workersKey();
    static QString intraOpThreadsKey();
    static QString minuteHistoryDaysKey(); // metrics history: 1-minute points, days (default 7)
    static QString hourHistoryDaysKey();   // 1-hour points, days (default 90)

    // The batching a new deployment starts with (the saved defaults over BatchingConfig's).
    static ModelDesk::Runtime::BatchingConfig deploymentDefaults(const QSettings &settings);

    // The full page, as MainWindow builds it. `unlocker` may be null (no encryption section).
    SettingsPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, WorkspaceUnlocker *unlocker,
                 QSettings &settings, const RuntimeInfo &runtime, QWidget *parent = nullptr);
    // Without the services (kept for callers that have none): the server is not restarted from
    // here and there is no encryption section; everything else works.
    SettingsPage(const QString &workspacePath, const RuntimeInfo &runtime, QSettings &settings,
                 QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    QCheckBox *closeToTrayBox() const { return m_closeToTray; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *tlsCertEdit() const { return m_tlsCert; }
    QLineEdit *tlsKeyEdit() const { return m_tlsKey; }
    QCheckBox *autoStartBox() const { return m_autoStart; }
    QLabel *serverWarning() const { return m_serverWarning; }
    QPushButton *applyServerButton() const { return m_applyServer; }
    QSpinBox *maxBatchBox() const { return m_maxBatch; }
    QSpinBox *maxDelayBox() const { return m_maxDelay; }
    QSpinBox *workersBox() const { return m_workers; }
    QSpinBox *threadsBox() const { return m_threads; }
    QLabel *defaultsError() const { return m_defaultsError; }
    QSpinBox *minuteDaysBox() const { return m_minuteDays; }
    QSpinBox *hourDaysBox() const { return m_hourDays; }
    EncryptionSettingsWidget *encryptionWidget() const { return m_encryption; }

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);
    // The theme chosen ("system", "light" or "dark"); MainWindow applies it at once.
    void themeChanged(const QString &theme);

private:
    void build(const QString &workspacePath, const RuntimeInfo &runtime);
    QWidget *workspaceSection(const QString &workspacePath);
    QWidget *serverSection();
    QWidget *deploymentSection();
    QWidget *appearanceSection();
    QWidget *retentionSection();
    QWidget *runtimeSection(const RuntimeInfo &runtime);
    void languageChosen(int index);
    void openAnotherWorkspace();
    void updateServerWarning();
    void applyServer();
    void saveDeploymentDefaults();

    QSettings &m_settings;
    CatalogClient *m_client = nullptr;
    ModelDesk::Serving::ServingHost *m_serving = nullptr;
    WorkspaceUnlocker *m_unlocker = nullptr;
    QString m_workspacePath;
    QComboBox *m_language = nullptr;
    QLabel *m_restartNote = nullptr;
    QString m_startLanguage;
    QComboBox *m_theme = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_tlsCert = nullptr;
    QLineEdit *m_tlsKey = nullptr;
    QCheckBox *m_autoStart = nullptr;
    QLabel *m_serverWarning = nullptr;
    QLabel *m_serverNote = nullptr;
    QPushButton *m_applyServer = nullptr;
    QSpinBox *m_maxBatch = nullptr;
    QSpinBox *m_maxDelay = nullptr;
    QSpinBox *m_workers = nullptr;
    QSpinBox *m_threads = nullptr;
    QLabel *m_defaultsError = nullptr;
    QSpinBox *m_minuteDays = nullptr;
    QSpinBox *m_hourDays = nullptr;
    EncryptionSettingsWidget *m_encryption = nullptr;
};
