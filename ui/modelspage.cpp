#include "modelspage.h"

#include "catalogclient.h"
#include "exportactions.h"
#include "importdialog.h"
#include "importprogresswidget.h"
#include "itemmodels/versionfilterproxymodel.h"
#include "itemmodels/versiontablemodel.h"
#include "uiformat.h"
#include "versiondetailswidget.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

bool isModelFile(const QUrl &url)
{
    if (!url.isLocalFile())
        return false;
    const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
    return suffix == QLatin1String("pt") || suffix == QLatin1String("pth");
}

} // namespace

ModelsPage::ModelsPage(CatalogClient &client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new VersionTableModel(this))
    , m_proxy(new VersionFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_lastDirectory = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    createActions();
    buildLayout();
    setAcceptDrops(true);

    connect(&m_client, &CatalogClient::snapshotReady, this, &ModelsPage::applySnapshot);
    connect(&m_client, &CatalogClient::auditReady, m_details, &VersionDetailsWidget::setAuditEntries);
    connect(&m_client, &CatalogClient::importStarted, this, [this](const QString &path, const QString &model) {
        m_progress->start(QFileInfo(path).fileName(), model);
        m_importAction->setEnabled(false);
    });
    connect(&m_client, &CatalogClient::importProgress, m_progress, &ImportProgressWidget::setProgress);
    connect(m_progress, &ImportProgressWidget::cancelRequested, &m_client, &CatalogClient::cancelImport);
    connect(&m_client, &CatalogClient::importFinished, this, [this](const ModelDesk::VersionInfo &v) {
        m_progress->finish();
        m_importAction->setEnabled(true);
        m_selectAfterRefresh = std::pair{v.model, v.version};
        Q_EMIT info(tr("Imported %1 as %2:%3 (SHA-256 %4, %5).")
                        .arg(v.lineage.source, v.model)
                        .arg(v.version)
                        .arg(UiFormat::shortDigest(v.digest), UiFormat::humanSize(v.size)));
        // Next file only after this handler: a modal dialog must not open inside a signal delivery.
        QTimer::singleShot(0, this, &ModelsPage::startNextImport);
    });
    connect(&m_client, &CatalogClient::importFailed, this, [this](const QString &message, bool cancelled) {
        m_progress->finish();
        m_importAction->setEnabled(true);
        if (cancelled) {
            Q_EMIT info(tr("Import cancelled; nothing was stored."));
        } else {
            Q_EMIT error(tr("Import failed: %1").arg(message));
            if (isVisible()) {
                // After this handler (no modal loop inside a signal delivery), then the next file.
                QTimer::singleShot(0, this, [this, message] {
                    QMessageBox box(QMessageBox::Warning, tr("Import Failed"),
                                    tr("The model could not be imported:\n%1").arg(message), QMessageBox::Ok, this);
                    box.setInformativeText(
                        tr("ModelDesk imports TorchScript files: a model saved with torch.jit.save() after "
                           "torch.jit.script() or torch.jit.trace(). Check that the file is one and is complete "
                           "(not a state_dict or a pickled nn.Module), then import it again. The log panel keeps "
                           "this message."));
                    box.exec();
                    startNextImport();
                });
                return;
            }
        }
        QTimer::singleShot(0, this, &ModelsPage::startNextImport);
    });
}

ModelsPage::~ModelsPage() = default;

void ModelsPage::createActions()
{
    const auto make = [this](const QString &icon, const QString &text, const QString &tip, void (ModelsPage::*slot)()) {
        auto *action = new QAction(QIcon(QString(QStringLiteral(":/icons/") + icon + QStringLiteral(".svg"))), text, this);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_importAction = make(QStringLiteral("import"), tr("&Import…"), tr("Import a TorchScript file as a new model version"),
                          &ModelsPage::chooseFilesToImport);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setShortcutContext(Qt::WindowShortcut);
    m_exportAction = make(QStringLiteral("export"), tr("&Export…"), tr("Save the selected version's TorchScript file"),
                          &ModelsPage::exportSelected);
    m_setAliasAction = make(QStringLiteral("alias"), tr("Set &Alias…"), tr("Point an alias such as 'production' at the selected version"),
                            &ModelsPage::setAliasOnSelected);
    m_removeAliasAction = make(QStringLiteral("alias-remove"), tr("Remove Alias…"), tr("Remove an alias from the selected version"),
                               &ModelsPage::removeAliasFromSelected);
    m_setTagAction = make(QStringLiteral("tag"), tr("Set &Tag…"), tr("Set a key=value tag on the selected version"),
                          &ModelsPage::setTagOnSelected);
    m_removeTagAction = make(QStringLiteral("tag-remove"), tr("Remove Tag…"), tr("Remove a tag from the selected version"),
                             &ModelsPage::removeTagFromSelected);
    m_deleteVersionAction = make(QStringLiteral("delete"), tr("&Delete Version…"), tr("Delete the selected version"),
                                 &ModelsPage::deleteSelectedVersion);
    m_deleteVersionAction->setShortcut(QKeySequence::Delete);
    m_deleteVersionAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteModelAction = make(QStringLiteral("delete-model"), tr("Delete &Model…"), tr("Delete the selected model with all its versions"),
                               &ModelsPage::deleteSelectedModel);
    m_refreshAction = new QAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Refresh"), this);
    m_refreshAction->setToolTip(tr("Read the registry again (changes are also picked up every second)"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_refreshAction, &QAction::triggered, &m_client, &CatalogClient::refresh);
    for (QAction *a : {m_deleteVersionAction, m_refreshAction})
        addAction(a);
}

void ModelsPage::buildLayout()
{
    m_toolBar = new QToolBar(tr("Model actions"), this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->addAction(m_importAction);
    m_toolBar->addAction(m_exportAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_setAliasAction);
    m_toolBar->addAction(m_setTagAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deleteVersionAction);
    // The rarer actions in one menu, so the bar fits a laptop screen without an overflow chevron.
    auto *moreMenu = new QMenu(this);
    moreMenu->addActions({m_removeAliasAction, m_removeTagAction});
    moreMenu->addSeparator();
    moreMenu->addAction(m_deleteModelAction);
    auto *moreButton = new QToolButton(this);
    moreButton->setText(tr("More"));
    moreButton->setToolTip(tr("Remove an alias or a tag, delete a whole model"));
    moreButton->setMenu(moreMenu);
    moreButton->setPopupMode(QToolButton::InstantPopup);
    moreButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addWidget(moreButton);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refreshAction);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by model, alias, tag or digest prefix"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(280);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &VersionFilterProxyModel::setSearchText);

    m_counts = new QLabel(this);
    m_counts->setEnabled(false);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_counts);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(VersionTableModel::ModelColumn, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Export submenu: TorchScript file, Triton repository, KServe manifest (exportactions.h).
    auto *exportActions = new ExportActions(m_client, [this] { return selectedVersion(); }, this);
    connect(exportActions, &ExportActions::info, this, &ModelsPage::info);
    connect(exportActions, &ExportActions::error, this, &ModelsPage::error);
    connect(m_view, &QTableView::customContextMenuRequested, this, [this, exportActions](const QPoint &pos) {
        QMenu menu(this);
        menu.addMenu(exportActions->menu());
        menu.addActions({m_setAliasAction, m_removeAliasAction, m_setTagAction, m_removeTagAction});
        menu.addSeparator();
        menu.addActions({m_deleteVersionAction, m_deleteModelAction});
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ModelsPage::updateSelectionState);

    m_details = new VersionDetailsWidget(this);
    connect(m_details, &VersionDetailsWidget::digestCopied, this, [this](const QString &digest) {
        Q_EMIT info(tr("Copied SHA-256 %1 to the clipboard.").arg(digest));
    });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("modelsSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({640, 420}); // the table gets the room; restored sizes override this
    m_details->setMinimumWidth(340);

    m_progress = new ImportProgressWidget(this);

    auto *hint = new QLabel(tr("Tip: drop .pt files here to import them."), this);
    hint->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 6);
    layout->addWidget(m_toolBar);
    layout->addLayout(filterRow);
    layout->addWidget(m_progress);
    layout->addWidget(splitter, 1);
    layout->addWidget(hint);

    updateSelectionState();
}

void ModelsPage::applySnapshot(const CatalogSnapshot &snapshot)
{
    m_model->setSnapshot(snapshot.models, snapshot.versions);
    m_counts->setText(tr("%n model(s)", nullptr, int(snapshot.models.size())) + QStringLiteral(", ")
                      + tr("%n version(s)", nullptr, int(snapshot.versions.size())));
    if (m_firstSnapshot && !snapshot.versions.isEmpty()) {
        m_firstSnapshot = false;
        m_view->resizeColumnsToContents();
        // Something to look at from the start: the first row's details.
        if (!m_view->selectionModel()->hasSelection() && m_proxy->rowCount() > 0)
            m_view->selectRow(0);
    }
    if (m_selectAfterRefresh && selectVersion(m_selectAfterRefresh->first, m_selectAfterRefresh->second))
        m_selectAfterRefresh.reset();
    // The selected row may have changed in place (alias moved, tag set): show its new state and
    // re-read its model's audit trail, which every change extends.
    updateSelectionState();
}

std::optional<ModelDesk::VersionInfo> ModelsPage::selectedVersion() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const QModelIndex source = m_proxy->mapToSource(rows.constFirst());
    if (!source.isValid())
        return std::nullopt;
    return m_model->versionAt(source.row());
}

bool ModelsPage::selectVersion(const QString &model, int version)
{
    const int row = m_model->rowOf(model, version);
    if (row < 0)
        return false;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!proxyIndex.isValid())
        return false; // filtered out
    m_view->selectionModel()->setCurrentIndex(proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(proxyIndex);
    return true;
}

void ModelsPage::updateSelectionState()
{
    const auto selected = selectedVersion();
    const bool hasVersion = selected && selected->version > 0;
    m_exportAction->setEnabled(hasVersion);
    m_setAliasAction->setEnabled(hasVersion);
    m_setTagAction->setEnabled(hasVersion);
    m_removeAliasAction->setEnabled(hasVersion && !selected->aliases.isEmpty());
    m_removeTagAction->setEnabled(hasVersion && !selected->tags.isEmpty());
    m_deleteVersionAction->setEnabled(hasVersion);
    m_deleteModelAction->setEnabled(selected.has_value());
    if (!selected) {
        m_details->showNothing();
        return;
    }
    m_details->showVersion(*selected);
    m_client.loadAudit(selected->model);
}

QStringList ModelsPage::modelNames() const
{
    QStringList names;
    for (const auto &m : m_client.snapshot().models)
        names << m.name;
    names.sort();
    return names;
}

QStringList ModelsPage::aliasesOfModel(const QString &model) const
{
    QStringList aliases;
    for (const auto &v : m_client.snapshot().versions) {
        if (v.model == model)
            aliases << v.aliases;
    }
    aliases.sort();
    return aliases;
}

void ModelsPage::chooseFilesToImport()
{
    Q_EMIT showRequested();
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import TorchScript Model"), m_lastDirectory,
        tr("TorchScript models (*.pt *.pth);;All files (*)"));
    if (files.isEmpty())
        return;
    m_lastDirectory = QFileInfo(files.constFirst()).absolutePath();
    importFiles(files);
}

void ModelsPage::importFiles(const QStringList &paths)
{
    Q_EMIT showRequested();
    m_pendingImports << paths;
    startNextImport();
}

void ModelsPage::startNextImport()
{
    if (m_askingForName || m_client.isImporting() || m_pendingImports.isEmpty())
        return;
    const QString path = m_pendingImports.takeFirst();
    ImportDialog dialog(path, modelNames(), this);
    m_askingForName = true;
    const int answer = dialog.exec();
    m_askingForName = false;
    if (answer != QDialog::Accepted) {
        Q_EMIT info(tr("Import of %1 skipped.").arg(QFileInfo(path).fileName()));
        QTimer::singleShot(0, this, &ModelsPage::startNextImport);
        return;
    }
    importFileAs(path, dialog.modelName(), dialog.description());
}

bool ModelsPage::importFileAs(const QString &path, const QString &model, const QString &description)
{
    ModelDesk::Registry::ImportRequest request;
    request.sourcePath = path;
    request.model = model;
    request.description = description;
    if (!m_client.importFile(request)) {
        // One import at a time: queue it behind the running one, name already chosen.
        Q_EMIT error(tr("Another import is running; try %1 again when it has finished.").arg(QFileInfo(path).fileName()));
        return false;
    }
    return true;
}

void ModelsPage::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::any_of(urls.cbegin(), urls.cend(), isModelFile))
        event->acceptProposedAction();
}

void ModelsPage::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (isModelFile(url))
            files << url.toLocalFile();
    }
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    // The drop's own event must return before a modal dialog opens (the drag source waits for it).
    QTimer::singleShot(0, this, [this, files] { importFiles(files); });
}
