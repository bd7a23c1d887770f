#include "metrictile.h"

#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

MetricTile::MetricTile(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_state(new QLabel(this))
    , m_rows(new QGridLayout)
{
    setObjectName(QStringLiteral("metricTile"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(190);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred); // a row of tiles of one height
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    m_title->setTextFormat(Qt::PlainText);
    m_state->setTextFormat(Qt::PlainText);
    m_state->hide();
    m_rows->setHorizontalSpacing(12);
    m_rows->setVerticalSpacing(2);
    m_rows->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_state);
    layout->addLayout(m_rows);
    layout->addStretch(1);
}

QString MetricTile::title() const
{
    return m_title->text();
}

void MetricTile::setState(const QString &state, const QString &tone)
{
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    QPalette pal = m_state->palette();
    const QColor color = tone == QLatin1String("good")   ? QColor(0x26, 0x8b, 0x3a)
                         : tone == QLatin1String("busy") ? QColor(0xb5, 0x83, 0x00)
                         : tone == QLatin1String("bad")  ? QColor(0xc0, 0x1c, 0x28)
                                                         : palette().color(QPalette::WindowText);
    pal.setColor(QPalette::WindowText, color);
    m_state->setPalette(pal);
}

QString MetricTile::state() const
{
    return m_state->text();
}

void MetricTile::setRow(const QString &key, const QString &label, const QString &text, std::optional<double> number)
{
    auto it = m_values.find(key);
    if (it == m_values.end()) {
        const int row = m_rows->rowCount();
        auto *name = new QLabel(label, this);
        name->setEnabled(false); // secondary text colour
        auto *value = new QLabel(this);
        value->setTextFormat(Qt::PlainText);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_rows->addWidget(name, row, 0);
        m_rows->addWidget(value, row, 1);
        it = m_values.insert(key, Row{value, {}});
    }
    it->value->setText(text);
    // Values change length every second ("9.8 %" -> "10.2 %"); a value column that only grows keeps
    // the row of tiles from shifting back and forth.
    if (const int w = it->value->sizeHint().width(); w > it->value->minimumWidth())
        it->value->setMinimumWidth(w);
    it->number = number;
}

QString MetricTile::rowText(const QString &key) const
{
    const auto it = m_values.constFind(key);
    return it == m_values.cend() ? QString() : it->value->text();
}

std::optional<double> MetricTile::number(const QString &key) const
{
    const auto it = m_values.constFind(key);
    return it == m_values.cend() ? std::nullopt : it->number;
}

void MetricTile::setClickable(bool clickable)
{
    m_clickable = clickable;
    setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setToolTip(clickable ? tr("Click to show this deployment in the charts") : QString());
}

void MetricTile::setSelected(bool selected)
{
    m_selected = selected;
    updateFrame();
}

void MetricTile::updateFrame()
{
    // The highlight colour of the palette, so it follows light and dark themes.
    setStyleSheet(m_selected ? QStringLiteral("#metricTile { border: 2px solid palette(highlight); border-radius: 3px; }")
                             : QString());
}

void MetricTile::mousePressEvent(QMouseEvent *event)
{
    if (m_clickable && event->button() == Qt::LeftButton) {
        Q_EMIT clicked();
        event->accept();
        return;
    }
    QFrame::mousePressEvent(event);
}
