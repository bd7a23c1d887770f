#pragma once
// ModelsPage: the registry's models and versions in a filterable table, the selected version's
// details, and the actions on them (import by button or drag-and-drop, alias, tag, export, delete).
// All registry work goes through the CatalogClient; this page never blocks the GUI thread.
// Outcomes are reported through info()/error() to the main window's log panel and status bar;
// a message box only answers a user's own action (confirmations, a failed import).

#include "core/modeltypes.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class CatalogClient;
struct CatalogSnapshot;
class ImportProgressWidget;
class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QToolBar;
class QUndoStack;
class VersionDetailsWidget;
class VersionFilterProxyModel;
class VersionTableModel;

class ModelsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelsPage)

public:
    explicit ModelsPage(CatalogClient &client, QWidget *parent = nullptr);
    ~ModelsPage() override;

    VersionTableModel *tableModel() const { return m_model; }
    VersionFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    VersionDetailsWidget *details() const { return m_details; }
    QLineEdit *filterEdit() const { return m_filter; }
    QAction *importAction() const { return m_importAction; }

    // The selected row's version (version == 0: a model without versions), if any.
    std::optional<ModelDesk::VersionInfo> selectedVersion() const;
    bool selectVersion(const QString &model, int version);
    // Alias and tag edits go on this stack so Edit > Undo can reverse them (not owned; may be null:
    // the edits then run without undo).
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }

public Q_SLOTS:
    // Opens a file dialog, then asks for the model name of each chosen file.
    void chooseFilesToImport();
    // Asks for the model name of each file (ImportDialog), then imports them one after another.
    void importFiles(const QStringList &paths);
    // Starts an import without asking (the dialog's answer, or a caller that knows the name).
    bool importFileAs(const QString &path, const QString &model, const QString &description);

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);
    // The page is about to ask the user something (import dialog): the window should show it.
    void showRequested();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void buildLayout();
    void applySnapshot(const CatalogSnapshot &snapshot);
    void updateSelectionState();
    void startNextImport();
    QStringList modelNames() const;
    QStringList aliasesOfModel(const QString &model) const;

    // modelsactions.cpp: actions on the selection.
    void exportSelected();
    void setAliasOnSelected();
    void removeAliasFromSelected();
    void setTagOnSelected();
    void removeTagFromSelected();
    void deleteSelectedVersion();
    void deleteSelectedModel();

    CatalogClient &m_client;
    QUndoStack *m_undoStack = nullptr;
    VersionTableModel *m_model = nullptr;
    VersionFilterProxyModel *m_proxy = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_counts = nullptr;
    QTableView *m_view = nullptr;
    VersionDetailsWidget *m_details = nullptr;
    ImportProgressWidget *m_progress = nullptr;

    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_setAliasAction = nullptr;
    QAction *m_removeAliasAction = nullptr;
    QAction *m_setTagAction = nullptr;
    QAction *m_removeTagAction = nullptr;
    QAction *m_deleteVersionAction = nullptr;
    QAction *m_deleteModelAction = nullptr;
    QAction *m_refreshAction = nullptr;

    QStringList m_pendingImports;
    bool m_askingForName = false;
    std::optional<std::pair<QString, int>> m_selectAfterRefresh;
    QString m_lastDirectory;
    bool m_firstSnapshot = true;
};
