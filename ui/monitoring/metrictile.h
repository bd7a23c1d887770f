#pragma once
// MetricTile: one overview tile of the Monitoring page — a title, a state line (e.g. "ready",
// coloured) and a few "label  value" rows (QPS, p50/p99, error rate; CPU, memory). A deployment
// tile is clickable: clicked() lets the page select that deployment in the charts.
// Rows keep their numeric value too (number()), so the page and tests read what is shown without
// parsing text.
//
// Threads: GUI thread. Ownership: a QWidget in the parent's tree.

#include <QFrame>
#include <QHash>
#include <optional>

class QGridLayout;
class QLabel;

class MetricTile final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricTile)

public:
    explicit MetricTile(const QString &title, QWidget *parent = nullptr);

    QString title() const;
    // state: short text; tone: "good", "busy", "bad" or "" (neutral).
    void setState(const QString &state, const QString &tone = {});
    QString state() const;
    // Adds the row on first use, in call order. number: the value the text shows, if numeric.
    void setRow(const QString &key, const QString &label, const QString &text, std::optional<double> number = {});
    QString rowText(const QString &key) const;
    std::optional<double> number(const QString &key) const;

    void setClickable(bool clickable);
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }

Q_SIGNALS:
    void clicked();

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Row
    {
        QLabel *value = nullptr;
        std::optional<double> number;
    };
    void updateFrame();

    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QGridLayout *m_rows = nullptr;
    QHash<QString, Row> m_values;
    bool m_clickable = false;
    bool m_selected = false;
};
