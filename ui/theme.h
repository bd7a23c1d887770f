#pragma once
// Theme: the console's light and dark looks. Both use the Fusion style with a palette of ours, so a
// page looks the same on every desktop and the dark look is complete (the native styles of some
// desktops ignore a dark palette). "system" follows the desktop: Qt 6.4's QStyleHints has no
// colorScheme, so the desktop's choice is read from the platform theme's palette (window lightness)
// and from the GTK settings (GTK_THEME, gtk-3.0/settings.ini), which is where GNOME-like desktops
// without a Qt platform theme say it.
//
// GUI thread only: it changes the application's style and palette.

#include <QPalette>
#include <QString>

namespace Theme {

enum class Mode { Light, Dark };

// QSettings key holding "system" (default), "light" or "dark".
QString settingsKey();
// "system", "light", "dark"; anything else reads as "system".
QString normalized(const QString &setting);

// What the desktop asks for, without the palette this module applies (see the .cpp).
bool systemPrefersDark();
// The mode a setting stands for now.
Mode resolve(const QString &setting);
QPalette palette(Mode mode);
bool isDark(const QPalette &palette);

// Fusion style and the palette of `setting` for the whole application; returns the mode applied.
Mode apply(const QString &setting);

} // namespace Theme
