#pragma once
// ConfusionMatrixWidget: a confusion matrix as a heat map. Rows are the true classes, columns the
// predicted ones; each cell shows its count and is shaded by the share of its row (so a class with
// few examples reads as clearly as a big one): the diagonal in blue, mistakes in orange. Class
// names label both axes; a tooltip names the cell. GUI thread only.

#include <QList>
#include <QStringList>
#include <QWidget>

class ConfusionMatrixWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfusionMatrixWidget)

public:
    explicit ConfusionMatrixWidget(QWidget *parent = nullptr);

    // classes.size() must equal the matrix's size (square); otherwise the widget shows nothing.
    void setMatrix(const QStringList &classes, const QList<QList<qint64>> &matrix);

    QStringList classes() const { return m_classes; }
    int classCount() const { return int(m_matrix.size()); }
    qint64 count(int trueClass, int predictedClass) const;
    qint64 total() const;
    // The color a cell is painted with (tests check that the diagonal of a good model is darker).
    QColor cellColor(int trueClass, int predictedClass) const;
    QRect cellRect(int trueClass, int predictedClass) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    void updateGeometryMetrics();

    QStringList m_classes;
    QList<QList<qint64>> m_matrix;
    QList<qint64> m_rowTotals;
    int m_labelWidth = 0;   // left margin for the true-class names
    int m_labelHeight = 0;  // top margin for the predicted-class names (rotated)
    int m_cell = 36;
};
