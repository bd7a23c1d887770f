#include "commandpalette.h"

#include <QApplication>
#include <QFrame>
#include <QHash>
#include <QPainter>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kMaxShown = 60;
constexpr int kEntryRole = Qt::UserRole + 1;

bool isWordStart(QStringView text, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar before = text.at(i - 1);
    const QChar here = text.at(i);
    return !before.isLetterOrNumber() || (before.isLower() && here.isUpper());
}

} // namespace

std::optional<int> CommandPalette::fuzzyScore(QStringView pattern, QStringView text)
{
    int score = 0;
    qsizetype t = 0;
    qsizetype previous = -2;
    qsizetype first = -1;
    for (const QChar p : pattern) {
        if (p.isSpace())
            continue;
        const QChar lp = p.toLower();
        while (t < text.size() && text.at(t).toLower() != lp)
            ++t;
        if (t == text.size())
            return std::nullopt;
        if (first < 0)
            first = t;
        score += 1;
        if (t == previous + 1)
            score += 6; // adjacent to the previous match
        if (isWordStart(text, t))
            score += 8;
        previous = t;
        ++t;
    }
    if (first < 0)
        return 0; // an empty pattern matches everything equally
    score -= int(std::min<qsizetype>(first, 10)); // earlier is better
    score -= int(std::min<qsizetype>(text.size(), 60)) / 10; // shorter is better, a little
    if (text.startsWith(pattern.trimmed(), Qt::CaseInsensitive))
        score += 15;
    return score;
}

CommandPalette::CommandPalette(QWidget *parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint)
{
    setObjectName(QStringLiteral("commandPalette"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_search->setPlaceholderText(tr("Go to a page, run an action, find a model, version or deployment…"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("paletteResults"));
    m_results->setUniformItemSizes(true);
    m_results->setIconSize(QSize(18, 18));
    m_hint = new QLabel(this);
    m_hint->setEnabled(false);

    // A popup has no window frame: draw one, so the palette stands out from the page under it.
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setFrameShadow(QFrame::Raised);
    frame->setAutoFillBackground(true);
    auto *inner = new QVBoxLayout(frame);
    inner->setContentsMargins(8, 8, 8, 6);
    inner->addWidget(m_search);
    inner->addWidget(m_results, 1);
    inner->addWidget(m_hint);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(frame);

    connect(m_search, &QLineEdit::textChanged, this, &CommandPalette::updateResults);
    connect(m_results, &QListWidget::itemActivated, this, [this] { runSelected(); });
    resize(620, 420);
}

QString CommandPalette::kindName(PaletteEntry::Kind kind)
{
    switch (kind) {
    case PaletteEntry::Kind::Page:
        return tr("Page");
    case PaletteEntry::Kind::Action:
        return tr("Action");
    case PaletteEntry::Kind::Model:
        return tr("Model");
    case PaletteEntry::Kind::Version:
        return tr("Version");
    case PaletteEntry::Kind::Deployment:
        return tr("Deployment");
    }
    return {};
}

void CommandPalette::setEntries(QList<PaletteEntry> entries)
{
    m_entries = std::move(entries);
    // The icons are drawn in one colour: on the selection highlight they need the highlighted-text
    // colour, or the selected row's icon disappears into the highlight.
    QHash<qint64, QIcon> converted;
    const QColor selected = palette().color(QPalette::HighlightedText);
    for (PaletteEntry &e : m_entries) {
        if (e.icon.isNull())
            continue;
        auto it = converted.find(e.icon.cacheKey());
        if (it == converted.end()) {
            QIcon icon;
            for (int size : {18, 36}) { // 36: device pixel ratio 2
                const QPixmap normal = e.icon.pixmap(QSize(size, size));
                QPixmap tinted = normal;
                QPainter painter(&tinted);
                painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
                painter.fillRect(tinted.rect(), selected);
                painter.end();
                icon.addPixmap(normal, QIcon::Normal);
                icon.addPixmap(tinted, QIcon::Selected);
            }
            it = converted.insert(e.icon.cacheKey(), icon);
        }
        e.icon = *it;
    }
    updateResults();
}

void CommandPalette::popUp()
{
    m_search->clear();
    updateResults();
    if (QWidget *host = parentWidget() ? parentWidget()->window() : nullptr) {
        const int width = std::clamp(host->width() / 2, 420, 720);
        resize(width, std::clamp(host->height() / 2, 260, 480));
        const QPoint topCentre = host->mapToGlobal(QPoint(host->width() / 2, 0));
        move(topCentre.x() - width / 2, topCentre.y() + 60);
    }
    show();
    raise();
    activateWindow();
    m_search->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::updateResults()
{
    const QString pattern = m_search->text();
    struct Hit
    {
        int score;
        int index;
    };
    QList<Hit> hits;
    for (int i = 0; i < m_entries.size(); ++i) {
        const PaletteEntry &e = m_entries.at(i);
        std::optional<int> score = fuzzyScore(pattern, e.text);
        if (!score && !e.detail.isEmpty()) {
            // The detail (aliases, shortcut) counts, but less than the name itself: "fshprod" finds
            // "fashion-mnist:2  @production", "@prod" finds it too.
            if (auto both = fuzzyScore(pattern, QString(e.text + QStringLiteral("  ") + e.detail)))
                score = *both - 10;
            else if (auto onDetail = fuzzyScore(pattern, e.detail))
                score = *onDetail / 2 - 10;
        }
        if (score)
            hits.append({*score, i});
    }
    if (!pattern.trimmed().isEmpty())
        std::stable_sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.score > b.score; });

    m_results->clear();
    for (int n = 0; n < hits.size() && n < kMaxShown; ++n) {
        const PaletteEntry &e = m_entries.at(hits.at(n).index);
        QString label = e.text;
        if (!e.detail.isEmpty())
            label = QString(label + QStringLiteral("    ") + e.detail);
        auto *item = new QListWidgetItem(e.icon, label, m_results);
        item->setData(kEntryRole, hits.at(n).index);
        item->setToolTip(kindName(e.kind));
        item->setData(Qt::AccessibleDescriptionRole, kindName(e.kind));
    }
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
    if (hits.isEmpty())
        m_hint->setText(tr("Nothing matches “%1”. Try fewer letters, or a model name.").arg(pattern));
    else
        m_hint->setText(tr("↑↓ to choose, Enter to open, Esc to close — %n match(es)", nullptr, int(hits.size())));
}

QStringList CommandPalette::shownTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_results->count(); ++i)
        texts << m_entries.at(m_results->item(i)->data(kEntryRole).toInt()).text;
    return texts;
}

bool CommandPalette::runSelected()
{
    QListWidgetItem *item = m_results->currentItem();
    if (!item && m_results->count() > 0)
        item = m_results->item(0);
    if (!item)
        return false;
    const std::function<void()> run = m_entries.at(item->data(kEntryRole).toInt()).run;
    hide();
    // After the palette has closed: the entry may open a modal dialog.
    if (run)
        QTimer::singleShot(0, parentWidget() ? static_cast<QObject *>(parentWidget()) : qApp, run);
    return true;
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp:
            QApplication::sendEvent(m_results, event);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runSelected();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}
