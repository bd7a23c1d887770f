#include "auditwidget.h"

#include "asynctask.h"
#include "auditcsv.h"
#include "audittablemodel.h"
#include "uiformat.h"

#include "registry/modelregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace ModelDesk;

AuditWidget::AuditWidget(Registry::ModelRegistry &registry, QThreadPool &pool, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_pool(pool), m_model(new AuditTableModel(this))
{
    m_lastDirectory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    build();
    showPage();
}

void AuditWidget::build()
{
    auto *layout = new QVBoxLayout(this);
    auto *grid = new QGridLayout;
    m_actor = new QLineEdit(this);
    m_actor->setPlaceholderText(tr("any (OS user or token name)"));
    m_action = new QComboBox(this);
    m_action->setEditable(true);
    m_action->addItem(QString());
    for (const char *kind : {"token.", "model.", "version.", "alias.", "tag.", "deployment.", "encryption.", "run.",
                             "dataset.", "settings."})
        m_action->addItem(QString::fromLatin1(kind));
    m_action->lineEdit()->setPlaceholderText(tr("any"));
    m_action->setToolTip(tr("An action such as token.create, or a kind ending in '.' for all its actions"));
    m_target = new QLineEdit(this);
    m_target->setPlaceholderText(tr("model name, or e.g. token/ or deployment/"));
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("words in any column"));
    m_text->setClearButtonEnabled(true);
    m_useFrom = new QCheckBox(tr("From"), this);
    m_from = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-7), this);
    m_useTo = new QCheckBox(tr("To"), this);
    m_to = new QDateTimeEdit(QDateTime::currentDateTime(), this);
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setEnabled(false);
    }
    m_maxRows = new QSpinBox(this);
    m_maxRows->setRange(100, 200000);
    m_maxRows->setSingleStep(1000);
    m_maxRows->setValue(5000);
    m_maxRows->setToolTip(tr("At most this many matches are kept (newest first)"));
    m_search = new QPushButton(tr("&Search"), this);
    m_search->setDefault(true);
    m_export = new QPushButton(tr("&Export CSV…"), this);
    m_export->setToolTip(tr("Save every match of the current search as a CSV file"));

    grid->addWidget(new QLabel(tr("Actor:"), this), 0, 0);
    grid->addWidget(m_actor, 0, 1);
    grid->addWidget(new QLabel(tr("Action:"), this), 0, 2);
    grid->addWidget(m_action, 0, 3);
    grid->addWidget(new QLabel(tr("Model/target:"), this), 0, 4);
    grid->addWidget(m_target, 0, 5);
    grid->addWidget(new QLabel(tr("Text:"), this), 1, 0);
    grid->addWidget(m_text, 1, 1);
    auto *range = new QHBoxLayout;
    range->addWidget(m_useFrom);
    range->addWidget(m_from);
    range->addSpacing(12);
    range->addWidget(m_useTo);
    range->addWidget(m_to);
    range->addStretch();
    grid->addLayout(range, 1, 2, 1, 4);
    auto *actions = new QHBoxLayout;
    actions->addWidget(new QLabel(tr("Max. matches:"), this));
    actions->addWidget(m_maxRows);
    actions->addStretch();
    actions->addWidget(m_search);
    actions->addWidget(m_export);
    grid->addLayout(actions, 2, 0, 1, 6);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);
    layout->addLayout(grid);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(AuditTableModel::TimeColumn, 150);
    m_view->setColumnWidth(AuditTableModel::ActorColumn, 120);
    m_view->setColumnWidth(AuditTableModel::ActionColumn, 140);
    m_view->setColumnWidth(AuditTableModel::TargetColumn, 180);
    layout->addWidget(m_view, 1);

    auto *pager = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true); // a long status must not make the window wider
    m_previous = new QPushButton(tr("‹ Newer"), this);
    m_next = new QPushButton(tr("Older ›"), this);
    pager->addWidget(m_status, 1);
    pager->addWidget(m_previous);
    pager->addWidget(m_next);
    layout->addLayout(pager);

    connect(m_search, &QPushButton::clicked, this, &AuditWidget::search);
    for (QLineEdit *e : {m_actor, m_target, m_text, m_action->lineEdit()})
        connect(e, &QLineEdit::returnPressed, this, &AuditWidget::search);
    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_export, &QPushButton::clicked, this, &AuditWidget::chooseExportFile);
    connect(m_previous, &QPushButton::clicked, this, [this] { setPage(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setPage(m_page + 1); });
}

AuditFilter AuditWidget::filter() const
{
    AuditFilter f;
    f.actor = m_actor->text().trimmed();
    f.action = m_action->currentText().trimmed();
    f.target = m_target->text().trimmed();
    f.text = m_text->text().trimmed();
    if (m_useFrom->isChecked())
        f.from = m_from->dateTime().toUTC();
    if (m_useTo->isChecked())
        f.to = m_to->dateTime().toUTC();
    f.maxRows = m_maxRows->value();
    return f;
}

void AuditWidget::setFilter(const AuditFilter &f)
{
    m_actor->setText(f.actor);
    m_action->setCurrentText(f.action);
    m_target->setText(f.target);
    m_text->setText(f.text);
    m_useFrom->setChecked(f.from.isValid());
    if (f.from.isValid())
        m_from->setDateTime(f.from.toLocalTime());
    m_useTo->setChecked(f.to.isValid());
    if (f.to.isValid())
        m_to->setDateTime(f.to.toLocalTime());
    m_maxRows->setValue(f.maxRows);
}

Status AuditWidget::checkFilter(const AuditFilter &f)
{
    if (f.from.isValid() && f.to.isValid() && f.to < f.from)
        return fail(Error::invalid(QStringLiteral("the end of the time range is before its start")));
    return {};
}

QList<AuditEntry> AuditWidget::searchBlocking(Registry::ModelRegistry &registry, const AuditFilter &f, QString *errorText)
{
    AuditQuery q;
    q.actor = f.actor;
    q.action = f.action;
    q.target = f.target;
    q.since = f.from;
    const bool localFilter = f.to.isValid() || !f.text.isEmpty();
    // Without local filters the registry can stop early (one more than asked tells "truncated").
    q.limit = localFilter ? 0 : f.maxRows + 1;
    auto found = registry.audit(q);
    if (!found) {
        if (errorText)
            *errorText = UiFormat::errorText(found.error());
        return {};
    }
    if (!localFilter)
        return *found;
    QList<AuditEntry> out;
    for (const AuditEntry &e : *found) {
        if (f.to.isValid() && e.time > f.to)
            continue;
        if (!f.text.isEmpty() && !e.actor.contains(f.text, Qt::CaseInsensitive) &&
            !e.action.contains(f.text, Qt::CaseInsensitive) && !e.target.contains(f.text, Qt::CaseInsensitive) &&
            !e.detail.contains(f.text, Qt::CaseInsensitive))
            continue;
        out << e;
        if (out.size() > f.maxRows)
            break;
    }
    return out;
}

void AuditWidget::search()
{
    const AuditFilter f = filter();
    if (auto s = checkFilter(f); !s) {
        m_status->setText(UiFormat::errorText(s.error()));
        Q_EMIT error(tr("Audit search: %1").arg(UiFormat::errorText(s.error())));
        return;
    }
    m_searching = true;
    m_search->setEnabled(false);
    m_status->setText(tr("Searching…"));
    Registry::ModelRegistry &registry = m_registry;
    struct Answer
    {
        QList<AuditEntry> entries;
        QString error;
    };
    runAsync(
        m_pool, this,
        [&registry, f] {
            Answer a;
            a.entries = searchBlocking(registry, f, &a.error);
            return a;
        },
        [this, f](Answer a) {
            m_searching = false;
            m_search->setEnabled(true);
            if (!a.error.isEmpty()) {
                m_status->setText(tr("The audit log could not be read: %1").arg(a.error));
                Q_EMIT error(tr("Audit search failed: %1").arg(a.error));
                Q_EMIT searchFinished(-1);
                return;
            }
            m_truncated = a.entries.size() > f.maxRows;
            if (m_truncated)
                a.entries.resize(f.maxRows);
            m_matches = std::move(a.entries);
            m_page = 0;
            showPage();
            Q_EMIT searchFinished(int(m_matches.size()));
        });
}

int AuditWidget::pageCount() const { return m_matches.isEmpty() ? 0 : int((m_matches.size() + PageSize - 1) / PageSize); }

void AuditWidget::setPage(int page)
{
    if (page < 0 || page >= pageCount())
        return;
    m_page = page;
    showPage();
}

void AuditWidget::showPage()
{
    const qsizetype first = qsizetype(m_page) * PageSize;
    m_model->setEntries(m_matches.mid(first, PageSize));
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(m_page + 1 < pageCount());
    m_export->setEnabled(!m_matches.isEmpty());
    if (m_matches.isEmpty()) {
        m_status->setText(tr("No entries match. Every change made from the console, the CLI or the API is recorded "
                             "here with who made it; widen the search or clear the filters."));
        return;
    }
    QString text = tr("Entries %1–%2 of %3, newest first")
                       .arg(UiFormat::number(first + 1), UiFormat::number(first + m_model->rowCount()),
                            UiFormat::number(m_matches.size()));
    if (m_truncated)
        text += tr(" (only the newest %1 are kept: narrow the search)").arg(UiFormat::number(m_matches.size()));
    m_status->setText(text);
}

void AuditWidget::chooseExportFile()
{
    if (m_matches.isEmpty())
        return;
    const QString suggested =
        QDir(m_lastDirectory).filePath(QStringLiteral("modeldesk-audit-%1.csv")
                                           .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Audit Log"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    exportCsv(path);
}

void AuditWidget::exportCsv(const QString &path)
{
    const QList<AuditEntry> rows = m_matches;
    m_export->setEnabled(false);
    runAsync(
        m_pool, this, [path, rows] { return AuditCsv::writeFile(path, rows); },
        [this, path, count = rows.size()](const Status &s) {
            m_export->setEnabled(!m_matches.isEmpty());
            if (!s) {
                Q_EMIT error(tr("Audit export failed: %1").arg(UiFormat::errorText(s.error())));
                Q_EMIT exportFinished(path, false);
                return;
            }
            Q_EMIT info(tr("Exported %1 audit entries to %2.").arg(UiFormat::number(count), QDir::toNativeSeparators(path)));
            Q_EMIT exportFinished(path, true);
        });
}
