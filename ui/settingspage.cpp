#include "settingspage.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

QString SettingsPage::languageKey()
{
    return QStringLiteral("ui/language");
}

SettingsPage::SettingsPage(const QString &workspacePath, const RuntimeInfo &runtime, QSettings &settings,
                           QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_workspacePath(workspacePath)
{
    auto *title = new QLabel(tr("Settings"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    // Workspace
    auto *workspaceBox = new QGroupBox(tr("Workspace"), this);
    auto *path = new QLineEdit(workspacePath, workspaceBox);
    path->setReadOnly(true);
    path->setToolTip(tr("Start ModelDesk with --workspace DIR (or set MODELDESK_WORKSPACE) to use another folder."));
    auto *openButton = new QPushButton(tr("Open Folder"), workspaceBox);
    connect(openButton, &QPushButton::clicked, this, [this] {
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m_workspacePath)))
            Q_EMIT error(tr("Could not open %1 in a file manager.").arg(m_workspacePath));
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(path, 1);
    pathRow->addWidget(openButton);
    auto *workspaceNote = new QLabel(tr("The registry, the model files and the training runs of this console live "
                                        "here. Choose another folder with --workspace DIR at start."),
                                     workspaceBox);
    workspaceNote->setWordWrap(true);
    workspaceNote->setEnabled(false);
    auto *workspaceLayout = new QVBoxLayout(workspaceBox);
    workspaceLayout->addLayout(pathRow);
    workspaceLayout->addWidget(workspaceNote);

    // Language
    auto *languageBox = new QGroupBox(tr("Language"), this);
    m_language = new QComboBox(languageBox);
    m_language->addItem(tr("System"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));   // each language in its own words
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_startLanguage = m_settings.value(languageKey()).toString();
    const int current = m_language->findData(m_startLanguage);
    m_language->setCurrentIndex(current < 0 ? 0 : current);
    m_restartNote = new QLabel(languageBox);
    m_restartNote->setWordWrap(true);
    m_restartNote->setText(tr("A new language applies the next time ModelDesk starts."));
    auto *languageLayout = new QFormLayout(languageBox);
    languageLayout->addRow(tr("Interface language:"), m_language);
    languageLayout->addRow(QString(), m_restartNote);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsPage::languageChosen);

    // Runtime
    auto *runtimeBox = new QGroupBox(tr("Runtime"), this);
    auto *runtimeLayout = new QFormLayout(runtimeBox);
    const auto selectable = [runtimeBox](const QString &text) {
        auto *label = new QLabel(text, runtimeBox);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        return label;
    };
    runtimeLayout->addRow(tr("LibTorch:"), selectable(runtime.torchVersion.isEmpty() ? tr("unknown") : runtime.torchVersion));
    QString blasText = runtime.blas.path.isEmpty() ? tr("no libblas.so.3 loaded")
                                                   : QString(runtime.blas.provider + QStringLiteral(" — ") + runtime.blas.path);
    auto *blasLabel = selectable(blasText);
    if (runtime.blas.isReference()) {
        blasLabel->setText(QString(blasText + u'\n'
                                   + tr("This is the slow reference BLAS: install libopenblas0-pthread for 5-20x faster "
                                        "training and inference.")));
        blasLabel->setStyleSheet(QStringLiteral("color: #c01c28;"));
    }
    runtimeLayout->addRow(tr("BLAS:"), blasLabel);
    runtimeLayout->addRow(tr("Qt:"), selectable(QString::fromLatin1(qVersion())));
    runtimeLayout->addRow(tr("ModelDesk:"), selectable(QStringLiteral(MODELDESK_VERSION)));

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(workspaceBox);
    column->addWidget(languageBox);
    column->addWidget(runtimeBox);
    column->addStretch(1);

    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(24, 18, 24, 18);
    outer->addLayout(column, 3);
    outer->addStretch(1);
}

void SettingsPage::languageChosen(int index)
{
    const QString code = m_language->itemData(index).toString();
    m_settings.setValue(languageKey(), code);
    m_settings.sync();
    if (code == m_startLanguage) {
        m_restartNote->setText(tr("A new language applies the next time ModelDesk starts."));
        return;
    }
    m_restartNote->setText(tr("Saved. Restart ModelDesk to use %1.").arg(m_language->itemText(index)));
    Q_EMIT info(tr("Interface language set to %1; it applies at the next start.").arg(m_language->itemText(index)));
}
