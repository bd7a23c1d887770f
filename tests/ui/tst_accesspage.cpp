// The Access page over a real catalog and a real ServingHost in a QTemporaryDir: a token made
// through the page's create path shows its secret once and the TokenService accepts that secret,
// the table never shows a secret or hash, revoking turns the row "revoked" and the secret stops
// working, per-model permissions show in the matrix as the server enforces them, the audit search
// filters, and the CSV export quotes what needs quoting. The security box answers without blocking.

#include "access/audittablemodel.h"
#include "access/auditwidget.h"
#include "access/permissionmatrixmodel.h"
#include "access/securitystatewidget.h"
#include "access/tokencreatedialog.h"
#include "access/tokensecretdialog.h"
#include "access/tokentablemodel.h"
#include "accesspage.h"
#include "uitestfixture.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "registry/modelregistry.h"
#include "security/tokenservice.h"
#include "serving/servinghost.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using namespace ModelDesk::Security;
using Registry::ModelCatalog;

class tst_AccessPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createDialogBuildsTheRequest();
    void createdTokenShowsItsSecretOnce();
    void revokedTokenStopsWorking();
    void tokenFromTheCliAppears();
    void auditSearchFilters();
    void csvExportQuotes();
    void securityStateAnswers();

private:
    Registry::ModelRegistry &registry() { return m_fx.catalog->registry(); }
    // Searches with `filter` and returns the matches (waits for the worker).
    QList<AuditEntry> search(const AuditFilter &filter);
    // Every text the token table shows for a row (display and tooltips).
    QStringList rowTexts(int row) const;
    void answerConfirmation(const QString &button);

    TestUi::UiTestFixture m_fx;
    std::unique_ptr<AccessPage> m_page;
};

void tst_AccessPage::init()
{
    cleanup();
    TestUi::UiTestFixture::Options options;
    options.pollIntervalMs = 200;
    QVERIFY(m_fx.open(options));
    for (const char *name : {"fraud", "churn"})
        QVERIFY(registry().createModel(QString::fromLatin1(name), {}, {}, QStringLiteral("cli-user")));
    QVERIFY(m_fx.startServices());
    m_page = std::make_unique<AccessPage>(*m_fx.client, *m_fx.host);
    new QAbstractItemModelTester(m_page->tokenModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    new QAbstractItemModelTester(m_page->matrixModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    new QAbstractItemModelTester(m_page->auditWidget()->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_page.get());
    m_page->resize(1200, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    // Both models reach the page through the catalog client's snapshot; no tokens yet.
    QTRY_COMPARE(m_page->matrixModel()->rowCount(), 2);
    QCOMPARE(m_page->matrixModel()->columnCount(), 0);
}

void tst_AccessPage::cleanup()
{
    m_page.reset();
    m_fx.reset();
}

void tst_AccessPage::answerConfirmation(const QString &button)
{
    // The confirmation is modal: answer it from the event loop it runs.
    QTimer::singleShot(0, this, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(QLatin1Char('&')) == button) {
                b->click();
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no button '%1' in the confirmation").arg(button)));
    });
}

QStringList tst_AccessPage::rowTexts(int row) const
{
    QStringList texts;
    const TokenTableModel *model = m_page->tokenModel();
    for (int c = 0; c < model->columnCount(); ++c) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
            texts << model->index(row, c).data(role).toString();
    }
    return texts;
}

QList<AuditEntry> tst_AccessPage::search(const AuditFilter &filter)
{
    AuditWidget *audit = m_page->auditWidget();
    audit->setFilter(filter);
    QSignalSpy done(audit, &AuditWidget::searchFinished);
    audit->search();
    if (!done.wait(10000))
        return {};
    return audit->matches();
}

void tst_AccessPage::createDialogBuildsTheRequest()
{
    TokenCreateDialog dialog({QStringLiteral("fraud"), QStringLiteral("churn")}, {QStringLiteral("taken")});
    QVERIFY(!dialog.validationMessage().isEmpty()); // no name yet
    dialog.setTokenName(QStringLiteral("taken"));
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("exists")));
    dialog.setTokenName(QStringLiteral("Bad Name"));
    QVERIFY(!dialog.validationMessage().isEmpty());
    dialog.setTokenName(QStringLiteral("app"));
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));

    // Operator on all models with everything it allows: no scope entries, like the CLI's default.
    dialog.setRole(Role::Operator);
    QCOMPARE(dialog.request().models, QStringList());
    QCOMPARE(dialog.request().role, Role::Operator);
    QVERIFY(!dialog.request().expires.isValid());
    // Narrowed on all models: one "*" entry; infer brings read along.
    dialog.setPermissions(QString(), Permission::Infer);
    QCOMPARE(dialog.permissions(QString()), Permissions(Permission::Read) | Permission::Infer);
    QCOMPARE(dialog.request().models, QStringList{QStringLiteral("*:read+infer")});
    // Picked models, each with its own permissions; an unticked model is out of scope.
    dialog.setAllModels(false);
    QVERIFY(!dialog.validationMessage().isEmpty()); // nothing ticked yet
    dialog.setPermissions(QStringLiteral("fraud"), rolePermissions(Role::Operator));
    dialog.setPermissions(QStringLiteral("churn"), Permission::Deploy);
    QVERIFY(dialog.validationMessage().isEmpty());
    QCOMPARE(dialog.request().models, (QStringList{QStringLiteral("churn:read+deploy"), QStringLiteral("fraud")}));
    // A viewer cannot be given more than read.
    dialog.setRole(Role::Viewer);
    dialog.setPermissions(QStringLiteral("fraud"), Permission::Infer);
    QCOMPARE(dialog.permissions(QStringLiteral("fraud")), Permissions(Permission::Read));
    // Expiry: the end of the chosen day, in the future.
    dialog.setExpiry(QDate::currentDate().addDays(3));
    QVERIFY(dialog.request().expires > QDateTime::currentDateTimeUtc().addDays(2));
}

void tst_AccessPage::createdTokenShowsItsSecretOnce()
{
    TokenCreateDialog dialog({QStringLiteral("churn"), QStringLiteral("fraud")}, {});
    dialog.setTokenName(QStringLiteral("fraud-app"));
    dialog.setRole(Role::Operator);
    dialog.setAllModels(false);
    dialog.setPermissions(QStringLiteral("fraud"), Permission::Infer);
    QSignalSpy created(m_page.get(), &AccessPage::tokenCreated);
    m_page->createToken(dialog.request());
    QVERIFY(created.wait(10000));

    // The once-dialog holds a secret the server accepts, with the permissions asked for.
    QTRY_VERIFY(m_page->secretDialog());
    TokenSecretDialog *shown = m_page->secretDialog();
    QTRY_VERIFY(shown->isVisible());
    const QString secret = shown->secret();
    QVERIFY2(secret.startsWith(QStringLiteral("mdk_")), qPrintable(secret));
    auto principal = m_fx.host->tokens().authenticate(secret);
    QVERIFY2(principal, principal ? "" : qPrintable(principal.error().message));
    QCOMPARE(principal->name, QStringLiteral("fraud-app"));
    QCOMPARE(principal->permissionsOn(QStringLiteral("fraud")), Permissions(Permission::Read) | Permission::Infer);
    QCOMPARE(principal->permissionsOn(QStringLiteral("churn")), Permissions());
    shown->copyToClipboard();
    QCOMPARE(QGuiApplication::clipboard()->text(), secret);
    QGuiApplication::clipboard()->clear();

    // The table lists it, never with the secret or its hash.
    TokenTableModel *tokens = m_page->tokenModel();
    QTRY_VERIFY(tokens->rowOf(QStringLiteral("fraud-app")) >= 0);
    const int row = tokens->rowOf(QStringLiteral("fraud-app"));
    const QString hash = TokenService::hashSecret(secret);
    for (const QString &text : rowTexts(row)) {
        QVERIFY(!text.contains(secret));
        QVERIFY(!text.contains(hash));
    }
    QVERIFY(tokens->token(row)->hash.isEmpty());
    QCOMPARE(tokens->state(row), TokenTableModel::State::Active);
    QCOMPARE(tokens->index(row, TokenTableModel::StateColumn).data().toString(), QStringLiteral("active"));
    QCOMPARE(tokens->index(row, TokenTableModel::ScopeColumn).data().toString(), QStringLiteral("fraud"));
    QCOMPARE(tokens->index(row, TokenTableModel::PermissionsColumn).data().toString(), QStringLiteral("read, infer"));
    // Audited with the OS user as actor, who shows as the creator.
    QTRY_COMPARE(tokens->index(tokens->rowOf(QStringLiteral("fraud-app")), TokenTableModel::CreatedByColumn).data().toString(),
                 currentOsUser());
    AuditQuery q;
    q.action = QStringLiteral("token.create");
    auto entries = registry().audit(q);
    QVERIFY(entries && entries->size() == 1);
    QCOMPARE(entries->first().actor, currentOsUser());
    QCOMPARE(entries->first().target, QStringLiteral("token/fraud-app"));

    // Who may do what: read+infer on fraud, nothing on churn.
    PermissionMatrixModel *matrix = m_page->matrixModel();
    QTRY_COMPARE(matrix->columnCount(), 1);
    QCOMPARE(matrix->rowCount(), 2);
    QCOMPARE(matrix->permissions(QStringLiteral("fraud"), QStringLiteral("fraud-app")),
             Permissions(Permission::Read) | Permission::Infer);
    QCOMPARE(matrix->permissions(QStringLiteral("churn"), QStringLiteral("fraud-app")), Permissions());
    const QModelIndex cell = matrix->index(matrix->rowOfModel(QStringLiteral("fraud")), 0);
    QCOMPARE(cell.data().toString(), QStringLiteral("R I – –"));

    // Closing the dialog forgets the secret: it is not shown again anywhere.
    shown->close();
    QTRY_VERIFY(!m_page->secretDialog());

    // A second token with the same name is refused with a message, and no dialog opens.
    QSignalSpy errors(m_page.get(), &AccessPage::error);
    m_page->createToken(dialog.request());
    QVERIFY(errors.wait(10000));
    QVERIFY2(errors.first().first().toString().contains(QStringLiteral("exists")), qPrintable(errors.first().first().toString()));
    QVERIFY(!m_page->secretDialog());
}

void tst_AccessPage::revokedTokenStopsWorking()
{
    TokenRequest request;
    request.name = QStringLiteral("short-lived");
    request.role = Role::Admin;
    QSignalSpy created(m_page.get(), &AccessPage::tokenCreated);
    m_page->createToken(request);
    QVERIFY(created.wait(10000));
    QTRY_VERIFY(m_page->secretDialog());
    const QString secret = m_page->secretDialog()->secret();
    m_page->secretDialog()->close();
    QVERIFY(m_fx.host->tokens().authenticate(secret));
    TokenTableModel *tokens = m_page->tokenModel();
    QTRY_VERIFY(tokens->rowOf(QStringLiteral("short-lived")) >= 0);
    QTRY_COMPARE(m_page->matrixModel()->columnCount(), 1);

    // Revoke asks first: Cancel keeps the token.
    QVERIFY(m_page->selectToken(QStringLiteral("short-lived")));
    QSignalSpy revoked(m_page.get(), &AccessPage::tokenRevoked);
    answerConfirmation(QStringLiteral("Cancel"));
    m_page->revokeSelected();
    QVERIFY(m_fx.host->tokens().authenticate(secret));
    QCOMPARE(revoked.size(), 0);
    answerConfirmation(QStringLiteral("Revoke"));
    m_page->revokeSelected();
    QVERIFY(revoked.wait(10000));
    QTRY_COMPARE(tokens->state(tokens->rowOf(QStringLiteral("short-lived"))), TokenTableModel::State::Revoked);
    QVERIFY(tokens->index(tokens->rowOf(QStringLiteral("short-lived")), TokenTableModel::StateColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("revoked")));
    QCOMPARE(m_fx.host->tokens().authenticate(secret).error().code, Error::Code::Unauthenticated);
    // A revoked token may do nothing: it leaves the matrix.
    QTRY_COMPARE(m_page->matrixModel()->columnCount(), 0);
    AuditQuery q;
    q.action = QStringLiteral("token.revoke");
    auto entries = registry().audit(q);
    QVERIFY(entries && entries->size() == 1);
    QCOMPARE(entries->first().actor, currentOsUser());
}

void tst_AccessPage::tokenFromTheCliAppears()
{
    // Another process (the CLI) makes a token: the page follows the registry's change counter.
    auto other = Registry::ModelRegistry::open(registry().path());
    QVERIFY(other);
    TokenService cli(**other);
    QVERIFY(cli.create(TokenRequest{QStringLiteral("ci"), Role::Viewer, {QStringLiteral("churn")}, {}}, QStringLiteral("cli-user")));
    TokenTableModel *tokens = m_page->tokenModel();
    QTRY_VERIFY_WITH_TIMEOUT(tokens->rowOf(QStringLiteral("ci")) >= 0, 10000);
    QTRY_COMPARE(tokens->index(tokens->rowOf(QStringLiteral("ci")), TokenTableModel::CreatedByColumn).data().toString(),
                 QStringLiteral("cli-user"));
    QTRY_COMPARE(m_page->matrixModel()->permissions(QStringLiteral("churn"), QStringLiteral("ci")),
                 Permissions(Permission::Read));
}

void tst_AccessPage::auditSearchFilters()
{
    QVERIFY(registry().recordAudit(QStringLiteral("alice"), QStringLiteral("model.describe"), QStringLiteral("fraud"),
                                   QStringLiteral("first needle")));
    QVERIFY(registry().recordAudit(QStringLiteral("bob"), QStringLiteral("deployment.create"),
                                   QStringLiteral("deployment/fraud"), QStringLiteral("{}")));
    QVERIFY(m_fx.host->tokens().create(TokenRequest{QStringLiteral("t1"), Role::Viewer, {}, {}}, QStringLiteral("alice")));

    AuditFilter byActor;
    byActor.actor = QStringLiteral("alice");
    const QList<AuditEntry> alice = search(byActor);
    QCOMPARE(alice.size(), 2);
    for (const AuditEntry &e : alice)
        QCOMPARE(e.actor, QStringLiteral("alice"));
    QCOMPARE(m_page->auditWidget()->tableModel()->rowCount(), 2);

    AuditFilter byAction;
    byAction.action = QStringLiteral("token.");
    const QList<AuditEntry> tokenActions = search(byAction);
    QCOMPARE(tokenActions.size(), 1);
    QCOMPARE(tokenActions.first().action, QStringLiteral("token.create"));

    AuditFilter both;
    both.actor = QStringLiteral("cli-user");
    both.action = QStringLiteral("model.create");
    QCOMPARE(search(both).size(), 2); // fraud and churn, made by the fixture

    AuditFilter byModel;
    byModel.target = QStringLiteral("fraud");
    const QList<AuditEntry> fraud = search(byModel);
    QCOMPARE(fraud.size(), 2); // model.create and model.describe; not deployment/fraud
    for (const AuditEntry &e : fraud)
        QCOMPARE(e.target, QStringLiteral("fraud"));

    AuditFilter text;
    text.text = QStringLiteral("NEEDLE");
    const QList<AuditEntry> needle = search(text);
    QCOMPARE(needle.size(), 1);
    QCOMPARE(needle.first().actor, QStringLiteral("alice"));

    AuditFilter past;
    past.to = QDateTime::currentDateTimeUtc().addDays(-1);
    QCOMPARE(search(past).size(), 0);
    AuditFilter future;
    future.from = QDateTime::currentDateTimeUtc().addDays(1);
    QCOMPARE(search(future).size(), 0);

    // The limit keeps the newest matches.
    AuditFilter limited;
    limited.maxRows = 100;
    for (int i = 0; i < 120; ++i)
        QVERIFY(registry().recordAudit(QStringLiteral("bulk"), QStringLiteral("model.describe"), QStringLiteral("churn"),
                                       QString::number(i)));
    const QList<AuditEntry> newest = search(limited);
    QCOMPARE(newest.size(), 100);
    QCOMPARE(newest.first().detail, QStringLiteral("119"));
}

void tst_AccessPage::csvExportQuotes()
{
    const QString tricky = QStringLiteral("say \"hi\", then go");
    QVERIFY(registry().recordAudit(QStringLiteral("carol"), QStringLiteral("model.describe"), QStringLiteral("fraud"), tricky));
    QVERIFY(registry().recordAudit(QStringLiteral("carol"), QStringLiteral("model.describe"), QStringLiteral("churn"),
                                   QStringLiteral("=HYPERLINK(\"x\")")));
    AuditFilter carol;
    carol.actor = QStringLiteral("carol");
    QCOMPARE(search(carol).size(), 2);

    const QString path = m_fx.dir->filePath(QStringLiteral("audit.csv"));
    QSignalSpy exported(m_page->auditWidget(), &AuditWidget::exportFinished);
    m_page->auditWidget()->exportCsv(path);
    QVERIFY(exported.wait(10000));
    QCOMPARE(exported.first().at(1).toBool(), true);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("id,time,actor,action,target,detail"));
    // Newest first: the formula cell, defused with an apostrophe and quoted for its quotes.
    QVERIFY2(lines.at(1).endsWith(QStringLiteral(",carol,model.describe,churn,\"'=HYPERLINK(\"\"x\"\")\"")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).endsWith(QStringLiteral(",carol,model.describe,fraud,\"say \"\"hi\"\", then go\"")), qPrintable(lines.at(2)));
}

void tst_AccessPage::securityStateAnswers()
{
    SecurityStateWidget *state = m_page->securityState();
    // Shown pages check on their own; the answer comes without blocking the GUI thread, within
    // the keychain deadline, as "available" or a clear "no secure store".
    QTRY_VERIFY_WITH_TIMEOUT(state->keychainChecked(), 20000);
    QVERIFY2(state->keychainText().contains(QStringLiteral("available")) ||
                 state->keychainText().contains(QStringLiteral("no secure store")),
             qPrintable(state->keychainText()));
    QTRY_VERIFY_WITH_TIMEOUT(state->encryptionChecked(), 20000);
    QVERIFY2(state->encryptionText().contains(QStringLiteral("off")), qPrintable(state->encryptionText()));
    // The server is off until started; then it listens on loopback only.
    QVERIFY2(state->serverText().contains(QStringLiteral("stopped")), qPrintable(state->serverText()));
    QVERIFY(m_fx.host->startServer());
    state->refresh();
    QTRY_VERIFY2(state->serverText().contains(QStringLiteral("loopback")), qPrintable(state->serverText()));

    // A picture of the page for people to look at, when asked for.
    const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QVERIFY(m_fx.host->tokens().create(TokenRequest{QStringLiteral("fraud-app"), Role::Operator,
                                                         {QStringLiteral("fraud:infer"), QStringLiteral("*:read")}, {}},
                                           QStringLiteral("operator")));
        QVERIFY(m_fx.host->tokens().create(TokenRequest{QStringLiteral("ci-deployer"), Role::Operator, {QStringLiteral("churn")},
                                                         QDateTime::currentDateTimeUtc().addDays(30)},
                                           QStringLiteral("operator")));
        QVERIFY(m_fx.host->tokens().create(TokenRequest{QStringLiteral("dashboard"), Role::Viewer, {}, {}}, QStringLiteral("operator")));
        QVERIFY(m_fx.host->tokens().create(TokenRequest{QStringLiteral("root-key"), Role::Admin, {}, {}}, QStringLiteral("operator")));
        QVERIFY(m_fx.host->tokens().revoke(QStringLiteral("root-key"), QStringLiteral("operator")));
        QTRY_COMPARE(m_page->tokenModel()->rowCount(), 4);
        QVERIFY(m_page->grab().save(shots + QStringLiteral("/access-tokens.png")));
        m_page->tabs()->setCurrentIndex(AccessPage::MatrixTab);
        QVERIFY(m_page->grab().save(shots + QStringLiteral("/access-matrix.png")));
        QSignalSpy searched(m_page->auditWidget(), &AuditWidget::searchFinished);
        m_page->tabs()->setCurrentIndex(AccessPage::AuditTab);
        QVERIFY(searched.wait(10000));
        QVERIFY(m_page->grab().save(shots + QStringLiteral("/access-audit.png")));
        TokenCreateDialog dialog({QStringLiteral("churn"), QStringLiteral("fraud")}, {}, m_page.get());
        dialog.setTokenName(QStringLiteral("fraud-app2"));
        dialog.setAllModels(false);
        dialog.setPermissions(QStringLiteral("fraud"), Permission::Infer);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/access-create.png")));
        TokenSecretDialog secret(QStringLiteral("fraud-app2"), QStringLiteral("mdk_EXAMPLEexampleEXAMPLEexampleEXAMPLEexample12"), m_page.get());
        secret.show();
        QVERIFY(QTest::qWaitForWindowExposed(&secret));
        QVERIFY(secret.grab().save(shots + QStringLiteral("/access-secret.png")));
    }
}

QTEST_MAIN(tst_AccessPage)
#include "tst_accesspage.moc"
