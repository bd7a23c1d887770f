#include "uiformat.h"

#include "core/names.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

namespace UiFormat {

QString humanSize(qint64 bytes)
{
    // QLocale gives "1.4 MiB" with IEC units, localized digits.
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString sizeWithBytes(qint64 bytes)
{
    if (bytes < 1024)
        return humanSize(bytes);
    return QCoreApplication::translate("UiFormat", "%1 (%2 bytes)").arg(humanSize(bytes), number(bytes));
}

QString shortDigest(const QString &digest)
{
    return digest.left(12);
}

QString dateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

QString tensorSpec(const ModelDesk::TensorSpec &spec)
{
    // A scripted module often records neither dtype nor shape: then it is just "a tensor".
    QStringList dims;
    for (qint64 d : spec.shape)
        dims << (d < 0 ? QStringLiteral("?") : QString::number(d));
    QString text = spec.name.isEmpty() ? QStringLiteral("-") : spec.name;
    text += QStringLiteral(": ");
    text += spec.dtype.isEmpty() ? QStringLiteral("Tensor") : spec.dtype;
    if (!spec.shape.isEmpty())
        text += QString(QStringLiteral(" [") + dims.join(QStringLiteral(", ")) + u']');
    return text;
}

QString jsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)) && qAbs(d) < 1e15)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', 6);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString tagsText(const QMap<QString, QString> &tags)
{
    QStringList parts;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        parts << (it.value().isEmpty() ? it.key() : QString(it.key() + u'=' + it.value()));
    return parts.join(QStringLiteral(", "));
}

QString errorText(const ModelDesk::Error &error)
{
    if (error.message.isEmpty())
        return ModelDesk::Error::codeName(error.code);
    return error.message;
}

QString suggestedModelName(const QString &fileName)
{
    QString base = QFileInfo(fileName).completeBaseName().toLower();
    static const QRegularExpression invalid(QStringLiteral("[^a-z0-9._-]+"));
    base.replace(invalid, QStringLiteral("-"));
    // Names start with a letter or digit and have no "." runs that could look like a path.
    static const QRegularExpression leading(QStringLiteral("^[._-]+"));
    base.remove(leading);
    static const QRegularExpression dots(QStringLiteral("\\.{2,}"));
    base.replace(dots, QStringLiteral("."));
    base = base.left(64);
    while (base.endsWith(u'-'))
        base.chop(1);
    return ModelDesk::Names::isValidName(base) ? base : QString();
}

} // namespace UiFormat
