#pragma once
// EvaluationDialog: a finished run's evaluation: accuracy against the majority-class baseline, the
// confusion matrix heat map, and per-class precision / recall / F1 / support. Non-modal; shows data
// it is given (read on a worker by the page). GUI thread only.

#include "trainingqueries.h"

#include <QDialog>

class ConfusionMatrixWidget;
class QLabel;
class QTableWidget;

class EvaluationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationDialog)

public:
    explicit EvaluationDialog(const TrainingQueries::RunEvaluation &evaluation, QWidget *parent = nullptr);

    ConfusionMatrixWidget *matrix() const { return m_matrix; }
    QTableWidget *perClassTable() const { return m_perClass; }

private:
    ConfusionMatrixWidget *m_matrix = nullptr;
    QTableWidget *m_perClass = nullptr;
};
