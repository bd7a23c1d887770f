#include "accesspage.h"

#include "access/accessformat.h"
#include "access/asynctask.h"
#include "access/auditwidget.h"
#include "access/permissionmatrixmodel.h"
#include "access/securitystatewidget.h"
#include "access/tokencreatedialog.h"
#include "access/tokensecretdialog.h"
#include "access/tokentablemodel.h"
#include "catalogclient.h"
#include "uiformat.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "registry/modelregistry.h"
#include "serving/servinghost.h"

#include <QAction>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace ModelDesk;
using namespace ModelDesk::Security;

namespace {

QLabel *emptyState(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(24);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

AccessPage::AccessPage(CatalogClient &client, Serving::ServingHost &host, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_host(host)
    , m_service(host.tokens())
    , m_actor(ModelDesk::currentOsUser())
    , m_tokens(new TokenTableModel(this))
    , m_matrix(new PermissionMatrixModel(this))
{
    // Two threads: a long audit search never holds up a token change.
    m_pool.setMaxThreadCount(2);

    auto *layout = new QVBoxLayout(this);
    m_security = new SecurityStateWidget(host, m_pool, 8000, this);
    layout->addWidget(m_security);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildTokensTab(), QIcon(QStringLiteral(":/icons/access.svg")), tr("API Tokens"));
    m_tabs->addTab(buildMatrixTab(), tr("Who May Do What"));
    m_audit = new AuditWidget(host.catalog().registry(), m_pool, this);
    m_tabs->addTab(m_audit, tr("Audit Log"));
    layout->addWidget(m_tabs, 1);

    connect(m_audit, &AuditWidget::info, this, &AccessPage::info);
    connect(m_audit, &AuditWidget::error, this, &AccessPage::error);
    connect(&m_client, &CatalogClient::snapshotReady, this, &AccessPage::applySnapshot);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == AuditTab && m_audit->matchCount() == 0 && !m_audit->isSearching())
            m_audit->search(); // the newest entries, so the tab never opens blank
    });
    // Expiry is a matter of time, not of a registry change: look again now and then.
    auto *clock = new QTimer(this);
    clock->setInterval(60 * 1000);
    connect(clock, &QTimer::timeout, this, &AccessPage::refresh);
    clock->start();
    applySnapshot(m_client.snapshot());
    updateActions();
}

AccessPage::~AccessPage()
{
    // Running calls hold references to the services, not to the page; wait so none outlives us.
    m_pool.waitForDone();
}

TokenSecretDialog *AccessPage::secretDialog() const { return m_secretDialog.data(); }

QWidget *AccessPage::buildTokensTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *bar = new QToolBar(tr("Token actions"), tab);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    m_newAction = bar->addAction(QIcon(QStringLiteral(":/icons/access.svg")), tr("&New Token…"));
    m_newAction->setToolTip(tr("Create an API token; its secret is shown once"));
    m_revokeAction = bar->addAction(QIcon(QStringLiteral(":/icons/delete.svg")), tr("&Revoke…"));
    m_revokeAction->setToolTip(tr("Revoke the selected token: the server refuses it at once"));
    m_revokeAction->setShortcut(QKeySequence::Delete);
    m_revokeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    tab->addAction(m_revokeAction); // Delete works while the token table has the focus
    bar->addSeparator();
    m_refreshAction = bar->addAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Refresh"));
    m_refreshAction->setToolTip(tr("Read the tokens again (changes by the CLI are picked up every second)"));
    layout->addWidget(bar);

    m_tokenStack = new QStackedWidget(tab);
    m_tokenStack->addWidget(emptyState(
        tr("No API tokens yet.\n\nThe HTTP API refuses every management call, and inference on private "
           "deployments, without a token. Create one with New Token… — or on the command line with "
           "'modeldesk-cli tokens create'."),
        tab));
    m_tokenView = new QTableView(tab);
    m_tokenView->setModel(m_tokens);
    m_tokenView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tokenView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tokenView->setAlternatingRowColors(true);
    m_tokenView->setWordWrap(false);
    m_tokenView->verticalHeader()->hide();
    m_tokenView->horizontalHeader()->setStretchLastSection(true);
    m_tokenView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_tokenView->setColumnWidth(TokenTableModel::NameColumn, 140);
    m_tokenView->setColumnWidth(TokenTableModel::RoleColumn, 80);
    m_tokenView->setColumnWidth(TokenTableModel::ScopeColumn, 150);
    m_tokenView->setColumnWidth(TokenTableModel::PermissionsColumn, 200);
    m_tokenView->setColumnWidth(TokenTableModel::CreatedByColumn, 90);
    m_tokenView->setColumnWidth(TokenTableModel::CreatedColumn, 140);
    m_tokenView->setColumnWidth(TokenTableModel::ExpiresColumn, 140);
    m_tokenView->setColumnWidth(TokenTableModel::LastUsedColumn, 140);
    m_tokenStack->addWidget(m_tokenView);
    layout->addWidget(m_tokenStack, 1);

    auto *note = new QLabel(tr("Secrets are never shown here: the registry keeps only their hashes. The console and "
                               "the command line act as the OS user (%1) and are recorded as such in the audit log.")
                                .arg(m_actor),
                            tab);
    note->setObjectName(QStringLiteral("actorNote"));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);

    connect(m_newAction, &QAction::triggered, this, &AccessPage::newToken);
    connect(m_revokeAction, &QAction::triggered, this, &AccessPage::revokeSelected);
    connect(m_refreshAction, &QAction::triggered, this, &AccessPage::refresh);
    m_tokenView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tokenView->addAction(m_revokeAction);
    m_tokenView->addAction(m_newAction);
    connect(m_tokenView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AccessPage::updateActions);
    connect(m_tokens, &QAbstractItemModel::modelReset, this, &AccessPage::updateActions);
    return tab;
}

QWidget *AccessPage::buildMatrixTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    m_matrixNote = new QLabel(
        tr("What each active token may do on each model over the HTTP API, from its role and scope — the same rules "
           "the server applies. <b>R</b> read · <b>I</b> infer · <b>D</b> deploy · <b>M</b> modify. Tokens without a "
           "scope reach models added later too; revoked and expired tokens may do nothing and are left out."),
        tab);
    m_matrixNote->setWordWrap(true);
    layout->addWidget(m_matrixNote);
    m_matrixStack = new QStackedWidget(tab);
    m_matrixStack->addWidget(emptyState(QString(), tab));
    m_matrixView = new QTableView(tab);
    m_matrixView->setModel(m_matrix);
    m_matrixView->setSelectionMode(QAbstractItemView::NoSelection);
    m_matrixView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrixView->horizontalHeader()->setMinimumSectionSize(90);
    m_matrixStack->addWidget(m_matrixView);
    layout->addWidget(m_matrixStack, 1);
    return tab;
}

void AccessPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_securityChecked) {
        // Lazily: the keychain is asked only when someone looks at the page.
        m_securityChecked = true;
        m_security->refresh();
    }
    refresh();
}

void AccessPage::applySnapshot(const CatalogSnapshot &snapshot)
{
    QStringList models;
    for (const ModelInfo &m : snapshot.models)
        models << m.name;
    models.sort();
    m_models = models;
    // Any registry change (a token made by the CLI bumps the same counter) refreshes the list.
    refresh();
}

void AccessPage::refresh()
{
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    TokenService &service = m_service;
    Registry::ModelRegistry &registry = m_host.catalog().registry();
    struct Answer
    {
        QList<TokenTableModel::Row> rows;
        QString error;
    };
    runAsync(
        m_pool, this,
        [&service, &registry] {
            Answer a;
            auto list = service.list();
            if (!list) {
                a.error = UiFormat::errorText(list.error());
                return a;
            }
            // Who created each token: its token.create audit entry (names are never reused).
            AuditQuery q;
            q.target = QStringLiteral("token/");
            q.action = QStringLiteral("token.create");
            q.limit = 0;
            QHash<QString, QString> creators;
            if (auto entries = registry.audit(q)) {
                for (const AuditEntry &e : *entries)
                    creators.insert(e.target.mid(6), e.actor);
            }
            for (const TokenRecord &t : *list)
                a.rows << TokenTableModel::Row{t, creators.value(t.name)};
            return a;
        },
        [this](Answer a) {
            m_refreshing = false;
            if (!a.error.isEmpty()) {
                Q_EMIT error(tr("Cannot read the API tokens: %1").arg(a.error));
            } else {
                const QString selected = selectedToken();
                const bool first = m_tokens->rowCount() == 0;
                m_tokens->setTokens(std::move(a.rows));
                if (first && m_tokens->rowCount() > 0) {
                    // Fit the columns once to what is there, without letting a long scope push
                    // the state off the screen; later the operator's widths stay.
                    m_tokenView->resizeColumnsToContents();
                    for (int c : {int(TokenTableModel::ScopeColumn), int(TokenTableModel::PermissionsColumn)})
                        m_tokenView->setColumnWidth(c, std::min(m_tokenView->columnWidth(c), 240));
                }
                m_tokenStack->setCurrentIndex(m_tokens->rowCount() == 0 ? 0 : 1);
                if (const int row = m_tokens->rowOf(selected); row >= 0)
                    m_tokenView->selectRow(row);
                updateMatrix();
                Q_EMIT tokensRefreshed();
            }
            if (m_refreshAgain) {
                m_refreshAgain = false;
                refresh();
            }
        });
}

void AccessPage::updateMatrix()
{
    m_matrix->setContent(m_models, m_tokens->tokens());
    auto *empty = qobject_cast<QLabel *>(m_matrixStack->widget(0));
    if (m_models.isEmpty()) {
        empty->setText(tr("No models yet. Import or train one on the Models or Training page; this table then shows "
                          "which token may read, call, deploy or change it."));
        m_matrixStack->setCurrentIndex(0);
    } else if (m_matrix->columnCount() == 0) {
        empty->setText(tr("No active tokens: nobody may use the HTTP API except public inference endpoints. "
                          "Create a token on the API Tokens tab."));
        m_matrixStack->setCurrentIndex(0);
    } else {
        m_matrixStack->setCurrentIndex(1);
    }
}

QString AccessPage::selectedToken() const
{
    const QModelIndexList rows = m_tokenView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const TokenRecord *t = m_tokens->token(rows.first().row());
    return t ? t->name : QString();
}

bool AccessPage::selectToken(const QString &name)
{
    const int row = m_tokens->rowOf(name);
    if (row < 0)
        return false;
    m_tokenView->selectRow(row);
    return true;
}

void AccessPage::updateActions()
{
    const int row = m_tokens->rowOf(selectedToken());
    m_revokeAction->setEnabled(row >= 0 && m_tokens->state(row) != TokenTableModel::State::Revoked);
}

void AccessPage::warnLater(const QString &title, const QString &text)
{
    // The answer to an action, shown without a nested event loop: results arrive from workers,
    // and a blocking box here would hold up every later result.
    if (!isVisible())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void AccessPage::newToken()
{
    QStringList taken;
    for (const TokenRecord &t : m_tokens->tokens())
        taken << t.name;
    TokenCreateDialog dialog(m_models, taken, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    createToken(dialog.request());
}

void AccessPage::createToken(const TokenRequest &request)
{
    TokenService &service = m_service;
    const QString actor = m_actor;
    m_newAction->setEnabled(false);
    runAsync(
        m_pool, this, [&service, request, actor] { return service.create(request, actor); },
        [this](Result<IssuedToken> issued) {
            m_newAction->setEnabled(true);
            if (!issued) {
                const QString message = UiFormat::errorText(issued.error());
                Q_EMIT error(tr("Token not created: %1").arg(message));
                warnLater(tr("Token Not Created"), tr("The token could not be created.\n\n%1").arg(message));
                return;
            }
            const TokenRecord &t = issued->record;
            Q_EMIT info(tr("Token '%1' created (%2, %3).")
                            .arg(t.name, AccessFormat::roleLabel(parseRole(t.role).value_or(Role::Viewer)).toLower(),
                                 AccessFormat::scopeText(t)));
            if (m_secretDialog)
                m_secretDialog->close();
            m_secretDialog = new TokenSecretDialog(t.name, issued->secret, this);
            m_secretDialog->setAttribute(Qt::WA_DeleteOnClose);
            m_secretDialog->open();
            issued->secret.fill(QLatin1Char('0')); // our copy goes; the dialog holds the only one
            refresh();
            Q_EMIT tokenCreated(t.name);
        });
}

void AccessPage::revokeSelected()
{
    const QString name = selectedToken();
    if (name.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Revoke Token"),
                    tr("Revoke the token '%1'?").arg(name), QMessageBox::Cancel, this);
    box.setInformativeText(tr("Programs that use it are refused from the next request on. This cannot be undone: "
                              "to give access again, create a new token."));
    QPushButton *revoke = box.addButton(tr("Revoke"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != revoke)
        return;
    revokeToken(name);
}

void AccessPage::revokeToken(const QString &name)
{
    TokenService &service = m_service;
    const QString actor = m_actor;
    runAsync(
        m_pool, this, [&service, name, actor] { return service.revoke(name, actor); },
        [this, name](const Status &s) {
            if (!s) {
                const QString message = UiFormat::errorText(s.error());
                Q_EMIT error(tr("Token '%1' not revoked: %2").arg(name, message));
                warnLater(tr("Token Not Revoked"), tr("The token could not be revoked.\n\n%1").arg(message));
                return;
            }
            Q_EMIT info(tr("Token '%1' revoked; the server refuses it from now on.").arg(name));
            refresh();
            Q_EMIT tokenRevoked(name);
        });
}
