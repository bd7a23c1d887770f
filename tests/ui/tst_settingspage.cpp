// The Settings page over a real catalog (SQLite registry in a QTemporaryDir, a real TorchScript
// model), a real ServingHost (HTTP on 127.0.0.1, port 0) and a real keychain: gnome-keyring on a
// private D-Bus session (privatekeyring.h). Built a second time as tst_settingspage_nokeychain with
// no session bus at all: the page then says "no secure store" and the passphrase path works.
//
// What is checked: every setting lands in its QSettings key (server, deployment defaults, theme
// with its signal, tray, retention); a non-loopback address without TLS is a loud warning; the
// server restarts on the saved address; encryption at rest turns on from the page (model files
// encrypted on disk) and the WorkspaceUnlocker of a restarted console gets the key back - from the
// keychain, or through the UnlockDialog with the passphrase (a wrong one is refused) - so the
// encrypted model reads again; until then it is refused with "the workspace is locked".

#include "uitestfixture.h"
#include "settings/encryptionsettingswidget.h"
#include "settings/workspaceunlocker.h"
#include "settingspage.h"
#include "unlockdialog.h"

#include "encryptiontestutil.h"
#include "privatekeyring.h"
#include "testmodels.h"

#include "artifacts/artifactkeyring.h"
#include "artifacts/storedfile.h"
#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "serving/servinghost.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>

using namespace ModelDesk;
using Registry::ModelCatalog;
using Security::KeySource;

namespace {
const QByteArray kPassphrase = "correct horse battery staple";
}

class tst_SettingsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void keysAreStable();
    void serverSettingsAreSavedAndApplied();
    void nonLoopbackWithoutTlsWarns();
    void deploymentDefaultsAreStored();
    void themeIsStoredAndSignalled();
    void trayAndRetentionAreStored();
    void keychainStateIsShown();
    void encryptionFromTheKeychain();
    void encryptionWithPassphraseAndUnlockDialog();

private:
    void createPage();
    VersionInfo importModel(ModelCatalog &catalog);
    // The console restarts: a new catalog and unlocker over the same workspace.
    void restartConsole();
    static bool hasKeychain() { return !qEnvironmentVariableIsSet("MODELDESK_TEST_NO_KEYCHAIN"); }

    TestUi::UiTestFixture m_fx;
    std::unique_ptr<WorkspaceUnlocker> m_unlocker;
    std::unique_ptr<SettingsPage> m_page;
};

void tst_SettingsPage::init()
{
    TestUi::UiTestFixture::Options options;
    options.pollIntervalMs = 0;
    options.watchOtherProcesses = false;
    QVERIFY(m_fx.open(options));
}

void tst_SettingsPage::createPage()
{
    if (!m_fx.startServices())
        QFAIL("the client and the serving host did not start");
    WorkspaceUnlocker::Options unlockOptions;
    unlockOptions.keychainTimeoutMs = 5000;
    unlockOptions.allowUnlockPrompt = false;
    m_unlocker = std::make_unique<WorkspaceUnlocker>(*m_fx.catalog, QStringLiteral("tester"), unlockOptions);
    m_unlocker->setRuntime(&m_fx.host->runtime());
    m_unlocker->start();
    RuntimeInfo runtime;
    runtime.torchVersion = QStringLiteral("1.13.1");
    m_page = std::make_unique<SettingsPage>(*m_fx.client, *m_fx.host, m_unlocker.get(), *m_fx.settings, runtime);
    m_page->resize(1300, 900);
    m_page->show();
}

void tst_SettingsPage::cleanup()
{
    m_page.reset();
    m_unlocker.reset();
    m_fx.reset();
}

VersionInfo tst_SettingsPage::importModel(ModelCatalog &catalog)
{
    Registry::ImportRequest request;
    request.sourcePath = TestData::modelPath(QStringLiteral("linear.pt"));
    request.model = QStringLiteral("linear");
    auto v = catalog.importFile(request, QStringLiteral("tester"));
    if (!v)
        qWarning("import: %s", qPrintable(v.error().message));
    return v.value_or(VersionInfo{});
}

void tst_SettingsPage::restartConsole()
{
    m_page.reset();
    m_unlocker.reset();
    m_fx.host->shutdown();
    m_fx.host.reset();
    m_fx.client->shutdown();
    m_fx.client.reset();
    m_fx.catalog.reset();
    m_fx.catalog = m_fx.openCatalog();
    QVERIFY(m_fx.catalog);
    createPage();
}

void tst_SettingsPage::keysAreStable()
{
    // application.cpp and other pages read these; the names are a contract with the settings file.
    QCOMPARE(SettingsPage::languageKey(), QStringLiteral("ui/language"));
    QCOMPARE(SettingsPage::themeKey(), QStringLiteral("ui/theme"));
    QCOMPARE(SettingsPage::closeToTrayKey(), QStringLiteral("ui/closeToTray"));
    QCOMPARE(SettingsPage::serverHostKey(), QStringLiteral("server/host"));
    QCOMPARE(SettingsPage::serverPortKey(), QStringLiteral("server/port"));
    QCOMPARE(SettingsPage::serverTlsCertKey(), QStringLiteral("server/tlsCert"));
    QCOMPARE(SettingsPage::serverTlsKeyKey(), QStringLiteral("server/tlsKey"));
    QCOMPARE(SettingsPage::serverAutoStartKey(), QStringLiteral("server/autoStart"));
    QCOMPARE(SettingsPage::maxBatchKey(), QStringLiteral("deploy/maxBatch"));
    QCOMPARE(SettingsPage::maxDelayUsKey(), QStringLiteral("deploy/maxDelayUs"));
    QCOMPARE(SettingsPage::workersKey(), QStringLiteral("deploy/workers"));
    QCOMPARE(SettingsPage::intraOpThreadsKey(), QStringLiteral("deploy/intraOpThreads"));
}

void tst_SettingsPage::serverSettingsAreSavedAndApplied()
{
    createPage();
    QVERIFY(!m_fx.host->isServerRunning());
    m_page->hostEdit()->setText(QStringLiteral("127.0.0.1"));
    m_page->portBox()->setValue(0); // any free port: the test may run next to a real console
    m_page->autoStartBox()->setChecked(true);
    QSignalSpy infos(m_page.get(), &SettingsPage::info);
    QSignalSpy errors(m_page.get(), &SettingsPage::error);
    m_page->applyServerButton()->click();
    QCOMPARE(errors.count(), 0);
    QCOMPARE(m_fx.settings->value(SettingsPage::serverHostKey()).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_fx.settings->value(SettingsPage::serverPortKey()).toInt(), 0);
    QCOMPARE(m_fx.settings->value(SettingsPage::serverAutoStartKey()).toBool(), true);
    QVERIFY(m_fx.host->isServerRunning());
    QVERIFY(m_fx.host->serverUrl().startsWith(QStringLiteral("http://127.0.0.1:")));
    QVERIFY(!infos.isEmpty());
    QVERIFY(infos.last().first().toString().contains(m_fx.host->serverUrl()));

    // A certificate that does not exist: refused, nothing saved, the server keeps running.
    m_page->tlsCertEdit()->setText(m_fx.dir->filePath(QStringLiteral("missing.pem")));
    m_page->tlsKeyEdit()->setText(m_fx.dir->filePath(QStringLiteral("missing.key")));
    m_page->applyServerButton()->click();
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.last().first().toString().contains(QStringLiteral("cannot be read")));
    QVERIFY(m_fx.settings->value(SettingsPage::serverTlsCertKey()).toString().isEmpty());
    QVERIFY(m_fx.host->isServerRunning());
}

void tst_SettingsPage::nonLoopbackWithoutTlsWarns()
{
    createPage();
    QVERIFY(!m_page->serverWarning()->isVisibleTo(m_page.get()));
    m_page->hostEdit()->setText(QStringLiteral("0.0.0.0"));
    QVERIFY(m_page->serverWarning()->isVisibleTo(m_page.get()));
    QVERIFY(m_page->serverWarning()->text().contains(QStringLiteral("no TLS")));
    m_page->tlsCertEdit()->setText(QStringLiteral("/etc/ssl/server.pem"));
    QVERIFY(m_page->serverWarning()->text().contains(QStringLiteral("needs both")) == false);
    QVERIFY(m_page->serverWarning()->text().contains(QStringLiteral("no TLS")));
    m_page->tlsKeyEdit()->setText(QStringLiteral("/etc/ssl/server.key"));
    QVERIFY(m_page->serverWarning()->text().contains(QStringLiteral("over TLS")));
    m_page->hostEdit()->setText(QStringLiteral("localhost"));
    m_page->tlsKeyEdit()->clear();
    QVERIFY(m_page->serverWarning()->text().contains(QStringLiteral("needs both")));
    m_page->tlsCertEdit()->clear();
    QVERIFY(!m_page->serverWarning()->isVisibleTo(m_page.get()));
}

void tst_SettingsPage::deploymentDefaultsAreStored()
{
    createPage();
    m_page->maxBatchBox()->setValue(32);
    m_page->maxDelayBox()->setValue(2000);
    m_page->workersBox()->setValue(2);
    m_page->threadsBox()->setValue(3);
    QCOMPARE(m_fx.settings->value(SettingsPage::maxBatchKey()).toInt(), 32);
    QCOMPARE(m_fx.settings->value(SettingsPage::maxDelayUsKey()).toInt(), 2000);
    QCOMPARE(m_fx.settings->value(SettingsPage::workersKey()).toInt(), 2);
    QCOMPARE(m_fx.settings->value(SettingsPage::intraOpThreadsKey()).toInt(), 3);
    const auto b = SettingsPage::deploymentDefaults(*m_fx.settings);
    QCOMPARE(b.maxBatchSize, 32);
    QCOMPARE(b.maxQueueDelayUs, 2000);
    QCOMPARE(b.workers, 2);
    QCOMPARE(b.intraOpThreads, 3);
    // A hand-edited, out-of-range file gives the built-in defaults rather than failing deployments.
    m_fx.settings->setValue(SettingsPage::workersKey(), 1000);
    QCOMPARE(SettingsPage::deploymentDefaults(*m_fx.settings).workers, Runtime::BatchingConfig{}.workers);
}

void tst_SettingsPage::themeIsStoredAndSignalled()
{
    createPage();
    QCOMPARE(m_page->themeBox()->currentData().toString(), QStringLiteral("system"));
    QSignalSpy themes(m_page.get(), &SettingsPage::themeChanged);
    m_page->themeBox()->setCurrentIndex(m_page->themeBox()->findData(QStringLiteral("dark")));
    QCOMPARE(themes.count(), 1);
    QCOMPARE(themes.first().first().toString(), QStringLiteral("dark"));
    QCOMPARE(m_fx.settings->value(SettingsPage::themeKey()).toString(), QStringLiteral("dark"));
    // A new page shows what was saved.
    m_page.reset();
    RuntimeInfo runtime;
    SettingsPage again(*m_fx.client, *m_fx.host, m_unlocker.get(), *m_fx.settings, runtime);
    QCOMPARE(again.themeBox()->currentData().toString(), QStringLiteral("dark"));
}

void tst_SettingsPage::trayAndRetentionAreStored()
{
    createPage();
    QVERIFY(!m_page->closeToTrayBox()->isChecked());
    m_page->closeToTrayBox()->setChecked(true);
    QCOMPARE(m_fx.settings->value(SettingsPage::closeToTrayKey()).toBool(), true);
    QCOMPARE(m_page->minuteDaysBox()->value(), 7);
    QCOMPARE(m_page->hourDaysBox()->value(), 90);
    m_page->minuteDaysBox()->setValue(30);
    QCOMPARE(m_fx.settings->value(SettingsPage::minuteHistoryDaysKey()).toInt(), 30);
    m_page->hourDaysBox()->setValue(10); // hourly points cannot be kept shorter than minute ones
    QCOMPARE(m_fx.settings->value(SettingsPage::hourHistoryDaysKey()).toInt(), 10);
    QCOMPARE(m_page->minuteDaysBox()->value(), 10);
    QCOMPARE(m_fx.settings->value(SettingsPage::minuteHistoryDaysKey()).toInt(), 10);
}

void tst_SettingsPage::keychainStateIsShown()
{
    createPage();
    EncryptionSettingsWidget *w = m_page->encryptionWidget();
    QVERIFY(w);
    // Asynchronous: the GUI thread stays free while the keychain is asked.
    QTRY_VERIFY_WITH_TIMEOUT(!w->keychainLabel()->text().startsWith(QStringLiteral("Checking")), 15000);
    if (hasKeychain()) {
        QVERIFY2(w->keychainState().isAvailable(), qPrintable(w->keychainState().message));
        QVERIFY(w->keychainLabel()->text().startsWith(QStringLiteral("Available")));
    } else {
        QVERIFY(!w->keychainState().isAvailable());
        QVERIFY(w->keychainLabel()->text().startsWith(QStringLiteral("No secure store")));
        QVERIFY(w->keychainLabel()->text().contains(QStringLiteral("passphrase")));
    }
    QTRY_COMPARE(m_unlocker->state(), WorkspaceUnlocker::State::NotSetUp);
    QTRY_VERIFY(w->statusLabel()->text().startsWith(QStringLiteral("Off")));
    QVERIFY(w->enableButton()->isEnabled());
    QVERIFY(!w->disableButton()->isEnabled());
}

void tst_SettingsPage::encryptionFromTheKeychain()
{
    if (const QString why = TestData::modelsUnavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    const VersionInfo version = importModel(*m_fx.catalog);
    QVERIFY(!version.digest.isEmpty());
    createPage();
    EncryptionSettingsWidget *w = m_page->encryptionWidget();
    QTRY_VERIFY(w->statusLabel()->text().startsWith(QStringLiteral("Off")));
    QTRY_VERIFY_WITH_TIMEOUT(!w->keychainLabel()->text().startsWith(QStringLiteral("Checking")), 15000);

    QSignalSpy finished(m_unlocker.get(), &WorkspaceUnlocker::encryptionFinished);
    QSignalSpy errors(w, &EncryptionSettingsWidget::error);
    QVERIFY(w->turnOn(KeySource::Keychain));
    QVERIFY(w->progressBar()->isVisibleTo(w));
    QVERIFY(finished.wait(60000));
    if (!hasKeychain()) {
        // No secure store: refused, with the way out named; nothing was encrypted.
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.last().first().toString().contains(QStringLiteral("passphrase")),
                 qPrintable(errors.last().first().toString()));
        QCOMPARE(*m_fx.catalog->store().storedForm(version.digest), Artifacts::StoredForm::Plain);
        return;
    }
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(!w->progressBar()->isVisibleTo(w));
    QVERIFY2(w->statusLabel()->text().startsWith(QStringLiteral("On: 1 of 1")), qPrintable(w->statusLabel()->text()));
    QCOMPARE(*m_fx.catalog->store().storedForm(version.digest), Artifacts::StoredForm::Encrypted);
    QCOMPARE(m_unlocker->state(), WorkspaceUnlocker::State::Unlocked);
    QFile model(TestData::modelPath(QStringLiteral("linear.pt")));
    QVERIFY(model.open(QIODevice::ReadOnly));
    const QByteArray plain = model.readAll();
    const QByteArray needle = EncryptionTest::tensorNeedle(plain);
    if (!needle.isEmpty())
        QCOMPARE(EncryptionTest::filesContaining(m_fx.dir->filePath(QStringLiteral("workspace")), needle), QStringList());

    // A deployment of the encrypted model, persisted for the next start.
    Runtime::DeploymentSpec spec;
    spec.name = QStringLiteral("linear");
    spec.model = QStringLiteral("linear");
    spec.version = version.version;
    auto deployed = m_fx.host->runtime().deploy(spec, QStringLiteral("tester"));
    QVERIFY2(deployed, deployed ? "" : qPrintable(deployed.error().message));
    auto ready = m_fx.host->runtime().waitReady(spec.name, std::chrono::seconds(60));
    QVERIFY2(ready, ready ? "" : qPrintable(ready.error().message));

    // A restarted console reads the key from the keychain, asynchronously, and the model opens; the
    // deployment restored before the key arrived serves again.
    restartConsole();
    QTRY_COMPARE_WITH_TIMEOUT(m_unlocker->state(), WorkspaceUnlocker::State::Unlocked, 15000);
    const auto deploymentState = [this] {
        auto d = m_fx.host->runtime().deployment(QStringLiteral("linear"));
        return d ? d->state : Runtime::DeploymentState::Failed;
    };
    QTRY_COMPARE_WITH_TIMEOUT(deploymentState(), Runtime::DeploymentState::Ready, 60000);
    auto bytes = m_fx.catalog->store().read(version.digest);
    QVERIFY2(bytes, bytes ? "" : qPrintable(bytes.error().message));
    QCOMPARE(*bytes, plain);
    QTRY_VERIFY(m_page->encryptionWidget()->statusLabel()->text().startsWith(QStringLiteral("On")));

    QVERIFY(m_fx.host->runtime().remove(QStringLiteral("linear"), QStringLiteral("tester")));

    // Turning it off from the page decrypts every file and forgets the key.
    QSignalSpy off(m_unlocker.get(), &WorkspaceUnlocker::encryptionFinished);
    QTRY_VERIFY(m_page->encryptionWidget()->disableButton()->isEnabled());
    QVERIFY(m_page->encryptionWidget()->turnOff());
    QVERIFY(off.wait(60000));
    QVERIFY2(off.first().at(0).toBool(), qPrintable(off.first().at(1).toString()));
    QCOMPARE(*m_fx.catalog->store().storedForm(version.digest), Artifacts::StoredForm::Plain);
    QCOMPARE(m_unlocker->state(), WorkspaceUnlocker::State::NotSetUp);
    // ... and the keychain entry goes too (asynchronously, from the GUI thread).
    const auto entryGone = [this] {
        auto entry = m_unlocker->secrets().readBlocking(Security::Secret::ModelMasterKey);
        return !entry && entry.error().code == Error::Code::NotFound;
    };
    QTRY_VERIFY_WITH_TIMEOUT(entryGone(), 15000);
}

void tst_SettingsPage::encryptionWithPassphraseAndUnlockDialog()
{
    if (const QString why = TestData::modelsUnavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    const VersionInfo version = importModel(*m_fx.catalog);
    QVERIFY(!version.digest.isEmpty());
    createPage();
    EncryptionSettingsWidget *w = m_page->encryptionWidget();
    QTRY_VERIFY(w->statusLabel()->text().startsWith(QStringLiteral("Off")));

    // The new-passphrase dialog checks length and repetition before OK.
    {
        UnlockDialog ask;
        ask.passphraseEdit()->setText(QStringLiteral("short"));
        QVERIFY(ask.validationMessage().contains(QStringLiteral("at least")));
        ask.passphraseEdit()->setText(QString::fromUtf8(kPassphrase));
        ask.repeatEdit()->setText(QStringLiteral("something else"));
        QVERIFY(ask.validationMessage().contains(QStringLiteral("differ")));
        ask.repeatEdit()->setText(QString::fromUtf8(kPassphrase));
        QVERIFY(ask.validationMessage().isEmpty());
        QCOMPARE(ask.passphrase(), kPassphrase);
    }

    QSignalSpy finished(m_unlocker.get(), &WorkspaceUnlocker::encryptionFinished);
    QVERIFY(w->turnOn(KeySource::Passphrase, kPassphrase));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(*m_fx.catalog->store().storedForm(version.digest), Artifacts::StoredForm::Encrypted);
    QVERIFY(w->statusLabel()->text().contains(QStringLiteral("passphrase")));

    // Restart: the key is behind the passphrase; nothing loads until the user gives it.
    restartConsole();
    QSignalSpy needed(m_unlocker.get(), &WorkspaceUnlocker::passphraseNeeded);
    QTRY_COMPARE(m_unlocker->state(), WorkspaceUnlocker::State::NeedsPassphrase);
    auto locked = m_fx.catalog->store().read(version.digest);
    QVERIFY(!locked);
    QVERIFY2(locked.error().message.contains(QStringLiteral("locked")), qPrintable(locked.error().message));
    QTRY_VERIFY(m_page->encryptionWidget()->unlockButton()->isVisibleTo(m_page.get()));

    UnlockDialog *dialog = UnlockDialog::open(*m_unlocker, m_page.get());
    QVERIFY(dialog);
    QCOMPARE(UnlockDialog::open(*m_unlocker, m_page.get()), dialog); // one at a time
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->passphraseEdit()->setText(QStringLiteral("not the passphrase"));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorLabel()->text().startsWith(QStringLiteral("Wrong passphrase")), 20000);
    QVERIFY(dialog->isVisible());
    QCOMPARE(accepted.count(), 0);
    dialog->passphraseEdit()->setText(QString::fromUtf8(kPassphrase));
    dialog->accept();
    QVERIFY(accepted.wait(20000));
    QCOMPARE(m_unlocker->state(), WorkspaceUnlocker::State::Unlocked);
    auto bytes = m_fx.catalog->store().read(version.digest);
    QVERIFY2(bytes, bytes ? "" : qPrintable(bytes.error().message));
    QFile model(TestData::modelPath(QStringLiteral("linear.pt")));
    QVERIFY(model.open(QIODevice::ReadOnly));
    QCOMPARE(*bytes, model.readAll());
}

int main(int argc, char **argv)
{
    // With a keychain: a private D-Bus session with its own unlocked gnome-keyring. Without one
    // (MODELDESK_TEST_NO_KEYCHAIN): no session bus at all, as on a headless server.
    if (qEnvironmentVariableIsSet("MODELDESK_TEST_NO_KEYCHAIN"))
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/modeldesk-no-bus");
    else
        TestKeyring::enterPrivateSession(argc, argv);
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    tst_SettingsPage tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_settingspage.moc"
