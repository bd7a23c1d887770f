#pragma once
// TrainingPage: placeholder until its feature is built; says what the page will offer (see PlannedPage).

#include "plannedpage.h"

class CatalogClient;
namespace ModelDesk::Serving {
class ServingHost;
}

class TrainingPage final : public PlannedPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingPage)

public:
    TrainingPage(CatalogClient &client, ModelDesk::Serving::ServingHost &host, QWidget *parent = nullptr);
};
