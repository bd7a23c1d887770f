// The compiled translations (modeldesk_<locale>.qm) are resources of this library under :/i18n.
// qt_add_translations links them in through an object library, so nothing here must reference
// them; this file only gives the static library a translation unit.
namespace ModelDesk::Translations {
extern const char resourcePrefix[];
const char resourcePrefix[] = ":/i18n";
} // namespace ModelDesk::Translations
