#include "monitoringpage.h"

MonitoringPage::MonitoringPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent)
    : PlannedPage(QStringLiteral(":/icons/monitoring.svg"), tr("Monitoring"),
                  tr("Watch each deployment live, with charts kept across restarts."),
                  {
                      tr("Latency percentiles (p50, p95, p99), throughput, errors and queue time per deployment"),
                      tr("Batch sizes and process CPU and memory use"),
                      tr("Time windows from minutes to days"),
                      tr("Thresholds that raise an alert"),
                      tr("The same figures as the server's Prometheus /metrics endpoint"),
                  },
                  tr("Meanwhile: the log panel at the bottom records every action and error of this console."),
                  parent)
{
    Q_UNUSED(client)
    Q_UNUSED(host)
}
