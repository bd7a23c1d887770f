#include "accesspage.h"

AccessPage::AccessPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent)
    : PlannedPage(QStringLiteral(":/icons/access.svg"), tr("Access"),
                  tr("Decide who may call the HTTP API and what they may do."),
                  {
                      tr("API tokens with roles (viewer, operator, admin) and a per-model scope, stored only as hashes"),
                      tr("Expiry, revocation and last use of every token"),
                      tr("The console's secrets and the model-encryption key kept in the system keychain"),
                      tr("Model artifacts encrypted at rest and checked on every load"),
                      tr("Loopback-only serving by default; TLS when exposed"),
                  },
                  tr("Meanwhile: the audit trail of every model is shown in its details on the Models page."),
                  parent)
{
    Q_UNUSED(client)
    Q_UNUSED(host)
}
