#pragma once
// CommandPalette: Ctrl+K / Ctrl+Shift+P. One search field over everything the console can go to or
// do — pages, menu actions, models, versions, deployments — matched fuzzily (the typed letters in
// order, not necessarily adjacent: "fshprd" finds "fashion@production"). Up/Down pick, Enter runs,
// Escape closes. The caller supplies the entries each time it opens the palette, so the list
// reflects the registry and the runtime at that moment. GUI thread only.

#include <QDialog>
#include <QIcon>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;

struct PaletteEntry
{
    enum class Kind { Page, Action, Model, Version, Deployment };
    Kind kind = Kind::Action;
    QString text;   // what is matched and shown ("fashion:3", "Import…")
    QString detail; // shown greyed and matched with less weight ("production, staging", "Ctrl+I")
    QIcon icon;
    std::function<void()> run;
};

class CommandPalette final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)

public:
    explicit CommandPalette(QWidget *parent = nullptr);

    // Replaces the entries (in their default order: shown as given while the search is empty).
    void setEntries(QList<PaletteEntry> entries);
    // Clears the search, shows the palette over the top of its parent window and focuses the field.
    void popUp();

    QLineEdit *searchEdit() const { return m_search; }
    QListWidget *results() const { return m_results; }
    // The texts of the entries listed now, best match first.
    QStringList shownTexts() const;
    // Runs the selected entry (the best match when none is selected); false when nothing is listed.
    bool runSelected();

    // Fuzzy match of `pattern` against `text`, case-insensitive: nullopt unless every character of
    // the pattern appears in order; higher is better (adjacent runs, word starts and a prefix count
    // most; spaces in the pattern are ignored).
    static std::optional<int> fuzzyScore(QStringView pattern, QStringView text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateResults();
    static QString kindName(PaletteEntry::Kind kind);

    QLineEdit *m_search = nullptr;
    QListWidget *m_results = nullptr;
    QLabel *m_hint = nullptr;
    QList<PaletteEntry> m_entries;
};
