#include "confusionmatrixwidget.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace {

constexpr int Margin = 6;
constexpr int AxisTitle = 18;  // room for "true" / "predicted"

QColor blend(const QColor &from, const QColor &to, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * t),
                            float(from.greenF() + (to.greenF() - from.greenF()) * t),
                            float(from.blueF() + (to.blueF() - from.blueF()) * t));
}

} // namespace

ConfusionMatrixWidget::ConfusionMatrixWidget(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ConfusionMatrixWidget::setMatrix(const QStringList &classes, const QList<QList<qint64>> &matrix)
{
    const qsizetype n = matrix.size();
    const bool square = classes.size() == n
                        && std::all_of(matrix.cbegin(), matrix.cend(), [n](const QList<qint64> &r) { return r.size() == n; });
    m_classes = square ? classes : QStringList();
    m_matrix = square ? matrix : QList<QList<qint64>>();
    m_rowTotals.clear();
    for (const QList<qint64> &r : std::as_const(m_matrix)) {
        qint64 sum = 0;
        for (qint64 v : r)
            sum += v;
        m_rowTotals.append(sum);
    }
    updateGeometryMetrics();
    updateGeometry();
    update();
}

qint64 ConfusionMatrixWidget::count(int t, int p) const
{
    if (t < 0 || t >= m_matrix.size() || p < 0 || p >= m_matrix.size())
        return 0;
    return m_matrix[t][p];
}

qint64 ConfusionMatrixWidget::total() const
{
    qint64 sum = 0;
    for (qint64 v : m_rowTotals)
        sum += v;
    return sum;
}

QColor ConfusionMatrixWidget::cellColor(int t, int p) const
{
    const qint64 rowTotal = m_rowTotals.value(t);
    const double share = rowTotal > 0 ? double(count(t, p)) / double(rowTotal) : 0.0;
    const QColor paper(250, 250, 250);
    if (t == p)
        return blend(paper, QColor(25, 90, 170), share);
    // Mistakes saturate sooner: a 20% confusion deserves attention.
    return blend(paper, QColor(220, 110, 20), std::min(1.0, share * 2.5));
}

void ConfusionMatrixWidget::updateGeometryMetrics()
{
    const QFontMetrics fm(font());
    int widest = 0;
    for (const QString &c : std::as_const(m_classes))
        widest = std::max(widest, fm.horizontalAdvance(c.left(24)));
    // A few pixels of slack: elision measures a little wider than horizontalAdvance on some fonts.
    m_labelWidth = widest + 2 * Margin + AxisTitle + 6;
    m_labelHeight = widest + 2 * Margin + AxisTitle + 6;
    // Room for the biggest count in a cell.
    qint64 biggest = 0;
    for (const QList<qint64> &r : std::as_const(m_matrix))
        for (qint64 v : r)
            biggest = std::max(biggest, v);
    m_cell = std::max({32, fm.horizontalAdvance(QString::number(biggest)) + 10, fm.height() + 12});
}

QRect ConfusionMatrixWidget::cellRect(int t, int p) const
{
    return QRect(m_labelWidth + p * m_cell, m_labelHeight + t * m_cell, m_cell, m_cell);
}

QSize ConfusionMatrixWidget::sizeHint() const
{
    const int n = int(m_matrix.size());
    if (n == 0)
        return {240, 160};
    return {m_labelWidth + n * m_cell + Margin, m_labelHeight + n * m_cell + Margin};
}

QSize ConfusionMatrixWidget::minimumSizeHint() const { return sizeHint(); }

void ConfusionMatrixWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const int n = int(m_matrix.size());
    if (n == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No confusion matrix"));
        return;
    }
    const QFontMetrics fm(font());
    for (int t = 0; t < n; ++t) {
        for (int p = 0; p < n; ++p) {
            const QRect r = cellRect(t, p);
            const QColor fill = cellColor(t, p);
            painter.fillRect(r, fill);
            painter.setPen(QColor(220, 220, 220));
            painter.drawRect(r.adjusted(0, 0, -1, -1));
            painter.setPen(fill.lightnessF() < 0.55 ? Qt::white : Qt::black);
            painter.drawText(r, Qt::AlignCenter, QString::number(m_matrix[t][p]));
        }
    }
    painter.setPen(palette().color(QPalette::Text));
    for (int i = 0; i < n; ++i) {
        const QString name = fm.elidedText(m_classes[i], Qt::ElideRight, m_labelWidth - 2 * Margin - AxisTitle);
        const QRect row = cellRect(i, 0);
        painter.drawText(QRect(AxisTitle, row.top(), m_labelWidth - AxisTitle - Margin, m_cell),
                         Qt::AlignRight | Qt::AlignVCenter, name);
        // Predicted-class names read bottom-up above their column.
        const QRect col = cellRect(0, i);
        painter.save();
        painter.translate(col.center().x(), m_labelHeight - Margin);
        painter.rotate(-90);
        painter.drawText(QRect(0, -m_cell / 2, m_labelHeight - AxisTitle - Margin, m_cell), Qt::AlignLeft | Qt::AlignVCenter,
                         name);
        painter.restore();
    }
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRect(m_labelWidth, 0, n * m_cell, AxisTitle), Qt::AlignCenter, tr("predicted"));
    painter.save();
    painter.translate(0, m_labelHeight + n * m_cell);
    painter.rotate(-90);
    painter.drawText(QRect(0, 0, n * m_cell, AxisTitle), Qt::AlignCenter, tr("true"));
    painter.restore();
}

bool ConfusionMatrixWidget::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const int n = int(m_matrix.size());
        for (int t = 0; t < n; ++t) {
            for (int p = 0; p < n; ++p) {
                if (cellRect(t, p).contains(help->pos())) {
                    const qint64 rowTotal = m_rowTotals.value(t);
                    QToolTip::showText(help->globalPos(),
                                       tr("true %1, predicted %2: %3 of %4 (%5%)")
                                           .arg(m_classes[t], m_classes[p])
                                           .arg(m_matrix[t][p])
                                           .arg(rowTotal)
                                           .arg(rowTotal > 0 ? 100.0 * double(m_matrix[t][p]) / double(rowTotal) : 0.0, 0, 'f', 1),
                                       this);
                    return true;
                }
            }
        }
        QToolTip::hideText();
        e->ignore();
        return true;
    }
    return QWidget::event(e);
}
