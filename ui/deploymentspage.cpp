#include "deploymentspage.h"

DeploymentsPage::DeploymentsPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent)
    : PlannedPage(QStringLiteral(":/icons/deployments.svg"), tr("Deployments"),
                  tr("Serve model versions on the local HTTP server (KServe v2 / Open Inference Protocol)."),
                  {
                      tr("Deploy a version or an alias: load, warm up, ready"),
                      tr("Hot-swap to another version with no failed request, roll back in one click"),
                      tr("Canary: split traffic between two versions"),
                      tr("Tune batching (max batch size, max queue delay), workers and threads live"),
                      tr("Unload to free memory, idle auto-unload; deployments come back after a restart"),
                  },
                  tr("Meanwhile: set aliases such as 'production' on the Models page; deployments will follow them."),
                  parent)
{
    Q_UNUSED(client)
    Q_UNUSED(host)
}
