#pragma once
// AuditWidget: the searchable audit log — filters (actor, action, model or target, time range,
// free text), results newest first in pages, and Export CSV of every match. The registry filters
// by actor, action, target and start time; the end of the range and the free text are applied to
// its answer on the same worker thread, then at most `maxRows` matches are kept. The log itself
// cannot be changed from here (or anywhere: the registry refuses UPDATE and DELETE on it).
//
// Threads: searches and exports run on the given pool; results come back to the GUI thread.

#include "core/modeltypes.h"
#include "core/result.h"

#include <QDateTime>
#include <QWidget>

namespace ModelDesk::Registry {
class ModelRegistry;
}
class AuditTableModel;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QThreadPool;

struct AuditFilter
{
    QString actor;                 // exact
    QString action;                // exact, or a kind ending in '.' ("token.")
    QString target;                // a model name (its versions and aliases too) or a target prefix
    QString text;                  // free text, case-insensitive, in any column
    QDateTime from;                // invalid = no bound
    QDateTime to;
    int maxRows = 5000;
};

class AuditWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditWidget)

public:
    static constexpr int PageSize = 200;

    // The registry and the pool must outlive the widget.
    AuditWidget(ModelDesk::Registry::ModelRegistry &registry, QThreadPool &pool, QWidget *parent = nullptr);

    AuditFilter filter() const;           // read from the filter fields
    void setFilter(const AuditFilter &filter);
    void search();                        // with the fields' filter
    bool isSearching() const { return m_searching; }

    int matchCount() const { return int(m_matches.size()); }
    const QList<ModelDesk::AuditEntry> &matches() const { return m_matches; }
    int page() const { return m_page; }
    int pageCount() const;
    void setPage(int page);
    AuditTableModel *tableModel() const { return m_model; }

    void chooseExportFile();              // asks for a path, then exportCsv
    void exportCsv(const QString &path);  // every match, not just the page shown

    // Checks a search's filter: InvalidArgument for a reversed time range.
    static ModelDesk::Status checkFilter(const AuditFilter &filter);
    // The filtering the worker does, exposed for tests.
    static QList<ModelDesk::AuditEntry> searchBlocking(ModelDesk::Registry::ModelRegistry &registry,
                                                       const AuditFilter &filter, QString *errorText = nullptr);

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);
    void searchFinished(int matches);
    void exportFinished(const QString &path, bool ok);

private:
    void build();
    void showPage();

    ModelDesk::Registry::ModelRegistry &m_registry;
    QThreadPool &m_pool;
    AuditTableModel *m_model = nullptr;
    QLineEdit *m_actor = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_target = nullptr;
    QLineEdit *m_text = nullptr;
    QCheckBox *m_useFrom = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QCheckBox *m_useTo = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QSpinBox *m_maxRows = nullptr;
    QPushButton *m_search = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    QList<ModelDesk::AuditEntry> m_matches;
    int m_page = 0;
    bool m_searching = false;
    bool m_truncated = false;
    QString m_lastDirectory;
};
