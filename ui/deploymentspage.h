#pragma once
// DeploymentsPage: placeholder until its feature is built; says what the page will offer (see PlannedPage).

#include "plannedpage.h"

class DeploymentsPage final : public PlannedPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentsPage)

public:
    explicit DeploymentsPage(QWidget *parent = nullptr);
};
