#pragma once
// PlannedPage: the honest content of a page whose feature arrives in a later release: a heading,
// one sentence on what the page is for, and the list of what it will offer. No fake data.
// TrainingPage, DeploymentsPage, MonitoringPage and AccessPage derive from it until they are built.

#include <QStringList>
#include <QWidget>

class PlannedPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlannedPage)

public:
    QString heading() const { return m_heading; }
    QStringList plannedItems() const { return m_items; }

Q_SIGNALS:
    // Same signals as the built pages, so MainWindow reports them the same way.
    void info(const QString &message);
    void error(const QString &message);

protected:
    PlannedPage(const QString &iconPath, const QString &heading, const QString &summary, const QStringList &items,
                const QString &meanwhile, QWidget *parent);

private:
    QString m_heading;
    QStringList m_items;
};
