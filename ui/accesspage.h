#pragma once
// AccessPage: who may use the HTTP API and what they did. Tabs: API tokens (create — the secret is
// shown once —, revoke; role, scope, per-model permissions, creator, expiry, last use, state),
// "who may do what" (models × active tokens → read/infer/deploy/modify, by the server's own rules),
// and the searchable, exportable audit log; above them a read-only security state box (keychain,
// encryption at rest, where the server listens).
//
// Threads: token and registry calls block (TokenService reads the registry), so they run on the
// page's own pool; results come back to the GUI thread. Every change is audited by the
// TokenService/registry with the OS user as actor.

#include "security/tokenservice.h"

#include <QPointer>
#include <QThreadPool>
#include <QWidget>

class AuditWidget;
class CatalogClient;
class PermissionMatrixModel;
class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class SecurityStateWidget;
class TokenSecretDialog;
class TokenTableModel;
struct CatalogSnapshot;
namespace ModelDesk::Serving {
class ServingHost;
}

class AccessPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessPage)

public:
    AccessPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent = nullptr);
    ~AccessPage() override;

    enum Tab { TokensTab, MatrixTab, AuditTab };

    TokenTableModel *tokenModel() const { return m_tokens; }
    PermissionMatrixModel *matrixModel() const { return m_matrix; }
    AuditWidget *auditWidget() const { return m_audit; }
    SecurityStateWidget *securityState() const { return m_security; }
    QTabWidget *tabs() const { return m_tabs; }
    // The dialog showing the last created token's secret, while it is open.
    TokenSecretDialog *secretDialog() const;

    // The create dialog, then createToken() with its request.
    void newToken();
    // Creates the token off the GUI thread, then shows its secret once (TokenSecretDialog).
    void createToken(const ModelDesk::Security::TokenRequest &request);
    // Asks for confirmation, then revokeToken().
    void revokeSelected();
    void revokeToken(const QString &name);
    void refresh(); // tokens and matrix (the registry's models come from the catalog client)
    QString selectedToken() const;
    bool selectToken(const QString &name); // false when it is not listed

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);
    void tokensRefreshed();
    void tokenCreated(const QString &name);
    void tokenRevoked(const QString &name);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildTokensTab();
    QWidget *buildMatrixTab();
    void applySnapshot(const CatalogSnapshot &snapshot);
    void updateActions();
    void updateMatrix();
    void warnLater(const QString &title, const QString &text);

    CatalogClient &m_client;
    ModelDesk::Serving::ServingHost &m_host;
    ModelDesk::Security::TokenService &m_service;
    QString m_actor;
    QThreadPool m_pool; // declared before the widgets that post to it; waited for in the destructor
    TokenTableModel *m_tokens = nullptr;
    PermissionMatrixModel *m_matrix = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_tokenView = nullptr;
    QStackedWidget *m_tokenStack = nullptr;
    QTableView *m_matrixView = nullptr;
    QStackedWidget *m_matrixStack = nullptr;
    QLabel *m_matrixNote = nullptr;
    AuditWidget *m_audit = nullptr;
    SecurityStateWidget *m_security = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_revokeAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QPointer<TokenSecretDialog> m_secretDialog;
    QStringList m_models;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
    bool m_securityChecked = false;
};
