#pragma once
// SettingsPage: where this console keeps its data (workspace, read-only here, with "Open folder"),
// the interface language (System / English / 简体中文, stored in QSettings and applied at the next
// start), and what the process runs on (LibTorch version, the loaded BLAS library).

#include "core/platforminfo.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSettings;

// What the settings page shows about the running process; filled by the composition root
// (which links LibTorch; the UI does not).
struct RuntimeInfo
{
    QString torchVersion;
    ModelDesk::BlasInfo blas;
};

class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    // QSettings key holding "" (follow the system), "en" or "zh_CN".
    static QString languageKey();

    SettingsPage(const QString &workspacePath, const RuntimeInfo &runtime, QSettings &settings,
                 QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }

Q_SIGNALS:
    void info(const QString &message);
    void error(const QString &message);

private:
    void languageChosen(int index);

    QSettings &m_settings;
    QString m_workspacePath;
    QComboBox *m_language = nullptr;
    QLabel *m_restartNote = nullptr;
    QString m_startLanguage;
};
