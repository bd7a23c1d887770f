#pragma once
// ImportProgressWidget: the strip shown while an import runs: what is imported, a progress bar
// (busy while the file is checked, then bytes copied) and a Cancel button.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

class ImportProgressWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportProgressWidget)

public:
    explicit ImportProgressWidget(QWidget *parent = nullptr);

    void start(const QString &fileName, const QString &model);
    void setProgress(qint64 done, qint64 total);
    void setCancelling();
    void finish();

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QString m_fileName;
    QString m_model;
};
