#include "theme.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace {

// GNOME and other GTK desktops without a Qt platform theme: the dark choice lives in GTK's own settings.
bool gtkPrefersDark()
{
    const QString gtkTheme = qEnvironmentVariable("GTK_THEME").toLower();
    if (gtkTheme.endsWith(QLatin1String(":dark")) || gtkTheme.endsWith(QLatin1String("-dark")))
        return true;
    QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (configHome.isEmpty())
        configHome = QDir::home().filePath(QStringLiteral(".config"));
    const QString ini = QDir(configHome).filePath(QStringLiteral("gtk-3.0/settings.ini"));
    if (!QFileInfo::exists(ini))
        return false;
    const QSettings gtk(ini, QSettings::IniFormat);
    const QString prefer = gtk.value(QStringLiteral("Settings/gtk-application-prefer-dark-theme")).toString().toLower();
    if (prefer == QLatin1String("1") || prefer == QLatin1String("true"))
        return true;
    return gtk.value(QStringLiteral("Settings/gtk-theme-name")).toString().toLower().contains(QLatin1String("dark"));
}

QPalette darkPalette()
{
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(230, 230, 230);
    const QColor disabledText(128, 128, 128);
    const QColor highlight(42, 130, 218);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(55, 55, 58));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(75, 75, 80));
    p.setColor(QPalette::Midlight, QColor(62, 62, 66));
    p.setColor(QPalette::Mid, QColor(40, 40, 42));
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::Link, QColor(100, 170, 245));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 240));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(70, 70, 74));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

QPalette lightPalette()
{
    // Fusion's own light palette: the look the console was designed in.
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion ? fusion->standardPalette() : QPalette(Qt::white);
}

void useFusion()
{
    if (QApplication::style() && QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0)
        return;
    QApplication::setStyle(QStringLiteral("Fusion"));
}

} // namespace

namespace Theme {

QString settingsKey()
{
    return QStringLiteral("ui/theme");
}

QString normalized(const QString &setting)
{
    const QString s = setting.trimmed().toLower();
    if (s == QLatin1String("light") || s == QLatin1String("dark"))
        return s;
    return QStringLiteral("system");
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

bool systemPrefersDark()
{
    if (gtkPrefersDark())
        return true;
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return false;
    // A default-constructed palette resolves every role from the platform theme (falling back to the
    // style's), i.e. the desktop's palette without ours; the caller applies its own right after.
    QApplication::setPalette(QPalette());
    return isDark(QApplication::palette());
}

Mode resolve(const QString &setting)
{
    const QString s = normalized(setting);
    if (s == QLatin1String("dark"))
        return Mode::Dark;
    if (s == QLatin1String("light"))
        return Mode::Light;
    return systemPrefersDark() ? Mode::Dark : Mode::Light;
}

QPalette palette(Mode mode)
{
    return mode == Mode::Dark ? darkPalette() : lightPalette();
}

Mode apply(const QString &setting)
{
    useFusion();
    const Mode mode = resolve(setting);
    QApplication::setPalette(palette(mode));
    return mode;
}

} // namespace Theme
