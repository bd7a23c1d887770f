#include "names.h"

#include <QRegularExpression>

namespace ModelDesk::Names {

bool isValidName(const QString &name)
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9][a-z0-9._-]{0,63}")));
    return re.match(name).hasMatch() && !name.contains(QLatin1String(".."));
}

Status checkName(const QString &name, const QString &what)
{
    if (name.isEmpty())
        return fail(Error::invalid(QStringLiteral("%1 name is empty").arg(what)));
    if (!isValidName(name))
        return fail(Error::invalid(
            QStringLiteral("invalid %1 name '%2': use 1-64 characters a-z, 0-9, '.', '_', '-', starting with a "
                           "letter or digit")
                .arg(what, name.left(80))));
    return {};
}

Status checkTagKey(const QString &key) { return checkName(key, QStringLiteral("tag")); }

Status checkTagValue(const QString &value)
{
    if (value.size() > 256)
        return fail(Error::invalid(QStringLiteral("tag value is longer than 256 characters")));
    for (QChar c : value) {
        if (c.category() == QChar::Other_Control)
            return fail(Error::invalid(QStringLiteral("tag value contains a control character")));
    }
    return {};
}

bool isValidDigest(const QString &digest)
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{64}")));
    return re.match(digest).hasMatch();
}

QString ModelRef::toString() const
{
    if (version)
        return name + QLatin1Char(':') + QString::number(*version);
    if (!alias.isEmpty())
        return name + QLatin1Char('@') + alias;
    return name;
}

Result<ModelRef> parseModelRef(const QString &text)
{
    ModelRef ref;
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    if (colon >= 0 && at >= 0)
        return fail(Error::invalid(QStringLiteral("'%1': use NAME:VERSION or NAME@ALIAS, not both").arg(text.left(80))));
    if (colon >= 0) {
        ref.name = text.left(colon);
        bool ok = false;
        const QString v = text.mid(colon + 1);
        const int version = v.toInt(&ok);
        if (!ok || version < 1 || v.startsWith(QLatin1Char('+')) || v.startsWith(QLatin1Char('0')))
            return fail(Error::invalid(QStringLiteral("'%1': version must be a positive integer").arg(text.left(80))));
        ref.version = version;
    } else if (at >= 0) {
        ref.name = text.left(at);
        ref.alias = text.mid(at + 1);
        if (auto s = checkName(ref.alias, QStringLiteral("alias")); !s)
            return fail(s.error());
    } else {
        ref.name = text;
    }
    if (auto s = checkName(ref.name, QStringLiteral("model")); !s)
        return fail(s.error());
    return ref;
}

} // namespace ModelDesk::Names
