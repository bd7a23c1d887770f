#include "trainingpage.h"

TrainingPage::TrainingPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent)
    : PlannedPage(QStringLiteral(":/icons/training.svg"), tr("Training"),
                  tr("Train models on this workstation with the embedded LibTorch runtime, no Python needed."),
                  {
                      tr("Import datasets: CSV tables, text CSV and IDX image files such as Fashion-MNIST, split into train, validation and test"),
                      tr("Architectures: MLP, text classifier and small CNN; optimizers SGD, Adam and AdamW"),
                      tr("Live loss and accuracy charts, early stopping, resume from a checkpoint"),
                      tr("Hyper-parameter sweeps and evaluation on the test split (accuracy, per-class metrics, confusion matrix)"),
                      tr("Every finished run registered as a new model version with its metrics and lineage"),
                  },
                  tr("Meanwhile: import TorchScript files trained elsewhere on the Models page."), parent)
{
    Q_UNUSED(client)
    Q_UNUSED(host)
}
