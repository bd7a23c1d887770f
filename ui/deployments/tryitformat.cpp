#include "tryitformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>

#include <cmath>
#include <cstring>

using namespace ModelDesk;
using Runtime::DataType;
using Runtime::Tensor;

namespace TryItFormat {

namespace {

QString shapeText(const QList<qint64> &shape)
{
    QStringList dims;
    for (qint64 d : shape)
        dims << QString::number(d);
    return u'[' + dims.join(QStringLiteral(", ")) + u']';
}

QString quoted(const QString &s)
{
    // QJsonDocument escapes exactly as JSON wants; strip the array brackets around it.
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

QString tensorBlock(const QString &name, const QString &dtype, const QList<qint64> &shape, const QString &data)
{
    return QStringLiteral("    {\n      \"name\": %1,\n      \"datatype\": %2,\n      \"shape\": %3,\n      \"data\": [%4]\n    }")
        .arg(quoted(name), quoted(dtype), shapeText(shape), data);
}

QString requestText(const QString &id, const QStringList &tensors)
{
    return QStringLiteral("{\n  \"id\": %1,\n  \"inputs\": [\n%2\n  ]\n}\n").arg(quoted(id), tensors.join(QStringLiteral(",\n")));
}

QString randomValue(const QString &dtype, QRandomGenerator &rng)
{
    if (dtype == QLatin1String("BOOL"))
        return rng.bounded(2) ? QStringLiteral("true") : QStringLiteral("false");
    if (dtype.startsWith(QLatin1String("INT")) || dtype.startsWith(QLatin1String("UINT")))
        return QString::number(rng.bounded(10));
    return QString::number(rng.generateDouble(), 'g', 4);
}

QString zeroValue(const QString &dtype)
{
    return dtype == QLatin1String("BOOL") ? QStringLiteral("false") : QStringLiteral("0");
}

std::optional<double> elementAt(const Tensor &t, qint64 i)
{
    const char *p = t.data.constData();
    switch (t.dtype) {
    case DataType::Float32: {
        float f;
        std::memcpy(&f, p + i * 4, 4);
        return f;
    }
    case DataType::Float64: {
        double d;
        std::memcpy(&d, p + i * 8, 8);
        return d;
    }
    case DataType::Float16: {
        std::uint16_t h;
        std::memcpy(&h, p + i * 2, 2);
        return Serving::KServe::halfToFloat(h);
    }
    case DataType::BFloat16: {
        std::uint16_t h;
        std::memcpy(&h, p + i * 2, 2);
        return Serving::KServe::bfloat16ToFloat(h);
    }
    default:
        return std::nullopt;
    }
}

} // namespace

Result<QString> exampleRequest(const Signature &signature, Fill fill, const QString &id)
{
    if (signature.inputs.isEmpty())
        return fail(Error::invalid(QObject::tr("the signature lists no input")));
    QRandomGenerator rng(QRandomGenerator::global()->generate());
    QStringList tensors;
    for (qsizetype i = 0; i < signature.inputs.size(); ++i) {
        const TensorSpec &spec = signature.inputs.at(i);
        const QString name = spec.name.isEmpty() ? QStringLiteral("input__%1").arg(i) : spec.name;
        if (spec.shape.isEmpty())
            return fail(Error::invalid(QObject::tr("the signature does not record the shape of input '%1'").arg(name)));
        QList<qint64> shape;
        qint64 elements = 1;
        for (qint64 d : spec.shape) {
            shape << (d < 0 ? 1 : d);
            elements *= shape.constLast();
            if (elements > maxEditorElements)
                return fail(Error::invalid(QObject::tr("input '%1' has more than %2 values: too large for the editor")
                                               .arg(name)
                                               .arg(maxEditorElements)));
        }
        const QString dtype = spec.dtype.isEmpty() ? QStringLiteral("FP32") : spec.dtype;
        QStringList values;
        values.reserve(elements);
        for (qint64 e = 0; e < elements; ++e)
            values << (fill == Fill::Zeros ? zeroValue(dtype) : randomValue(dtype, rng));
        tensors << tensorBlock(name, dtype, shape, values.join(QStringLiteral(", ")));
    }
    return requestText(id, tensors);
}

Result<QString> imageRequest(const Signature &signature, const std::vector<uint8_t> &pixels, int height, int width,
                             const QString &id)
{
    const qint64 count = qint64(height) * width;
    if (count <= 0 || qint64(pixels.size()) != count)
        return fail(Error::invalid(QObject::tr("the sample image has %1 pixels, expected %2x%3")
                                       .arg(pixels.size())
                                       .arg(height)
                                       .arg(width)));
    if (signature.inputs.size() > 1)
        return fail(Error::invalid(QObject::tr("the model takes %1 inputs; an image sample fills one").arg(signature.inputs.size())));
    QString name = QStringLiteral("input__0");
    QList<qint64> shape{1, count};
    if (!signature.inputs.isEmpty()) {
        const TensorSpec &spec = signature.inputs.constFirst();
        if (!spec.name.isEmpty())
            name = spec.name;
        if (!spec.dtype.isEmpty() && spec.dtype != QLatin1String("FP32"))
            return fail(Error::invalid(QObject::tr("input '%1' takes %2, not image pixels").arg(name, spec.dtype)));
        if (!spec.shape.isEmpty()) {
            QList<qint64> fixed;
            qint64 elements = 1;
            for (qint64 d : spec.shape) {
                fixed << (d < 0 ? 1 : d);
                elements *= fixed.constLast();
            }
            if (elements != count)
                return fail(Error::invalid(QObject::tr("input '%1' has shape %2, which does not hold a %3x%4 image")
                                               .arg(name, shapeText(spec.shape))
                                               .arg(height)
                                               .arg(width)));
            shape = fixed;
        }
    }
    QStringList values;
    values.reserve(count);
    for (uint8_t p : pixels)
        values << QString::number(p);
    return requestText(id, {tensorBlock(name, QStringLiteral("FP32"), shape, values.join(QStringLiteral(", ")))});
}

Result<Serving::KServe::DecodedInferRequest> parseRequest(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    // Qt's parser first: its messages name the offset, which an editor user can find.
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        const QString before = QString::fromUtf8(utf8.left(error.offset));
        const qsizetype line = before.count(u'\n') + 1;
        const qsizetype column = error.offset - (before.lastIndexOf(u'\n') + 1) + 1;
        return fail(Error::invalid(QObject::tr("not valid JSON at line %1, column %2: %3")
                                       .arg(line)
                                       .arg(column)
                                       .arg(error.errorString())));
    }
    if (!doc.isObject())
        return fail(Error::invalid(QObject::tr("the request must be a JSON object with an \"inputs\" array")));
    std::string body(utf8.constData(), size_t(utf8.size()));
    body.reserve(body.size() + 64); // simdjson padding, so the codec need not copy
    return Serving::KServe::decodeInferRequest(body);
}

Result<QString> responseText(const Runtime::InferResponse &response, const Serving::KServe::DecodedInferRequest &request)
{
    auto encoded = Serving::KServe::encodeInferResponse(response, request);
    if (!encoded)
        return fail(encoded.error());
    const std::size_t jsonLength = encoded->jsonLength.value_or(encoded->body.size());
    const QByteArray json = QByteArray::fromRawData(encoded->body.data(), qsizetype(jsonLength));
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QString text = doc.isNull() ? QString::fromUtf8(json) : formatJson(doc.object());
    if (encoded->jsonLength)
        text += QObject::tr("\n(+ %1 bytes of binary tensor data)").arg(encoded->body.size() - jsonLength);
    return text;
}

QString formatJson(const QJsonValue &value, int indent)
{
    const QString pad(indent, u' ');
    const QString inner(indent + 2, u' ');
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        if (o.isEmpty())
            return QStringLiteral("{}");
        QStringList parts;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            parts << inner + quoted(it.key()) + QStringLiteral(": ") + formatJson(it.value(), indent + 2);
        return QStringLiteral("{\n") + parts.join(QStringLiteral(",\n")) + u'\n' + pad + u'}';
    }
    case QJsonValue::Array: {
        const QJsonArray a = value.toArray();
        bool scalars = true;
        for (const QJsonValue &v : a)
            scalars = scalars && !v.isArray() && !v.isObject();
        QStringList parts;
        for (const QJsonValue &v : a)
            parts << formatJson(v, indent + 2);
        if (scalars)
            return u'[' + parts.join(QStringLiteral(", ")) + u']';
        for (QString &p : parts)
            p.prepend(inner);
        return QStringLiteral("[\n") + parts.join(QStringLiteral(",\n")) + u'\n' + pad + u']';
    }
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 1e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String:
        return quoted(value.toString());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QStringLiteral("null");
    }
}

std::optional<Prediction> topClass(const std::vector<Tensor> &outputs, const QStringList &classNames)
{
    if (outputs.empty())
        return std::nullopt;
    const Tensor &t = outputs.front();
    qint64 k = 0;
    if (t.shape.size() == 1)
        k = t.shape[0];
    else if (t.shape.size() == 2 && t.shape[0] == 1)
        k = t.shape[1];
    if (k < 2 || !t.checkConsistent() || !elementAt(t, 0))
        return std::nullopt;
    Prediction p;
    p.classes = k;
    p.score = *elementAt(t, 0);
    for (qint64 i = 1; i < k; ++i) {
        const double v = *elementAt(t, i);
        if (v > p.score) {
            p.score = v;
            p.index = i;
        }
    }
    double sum = 0;
    for (qint64 i = 0; i < k; ++i)
        sum += std::exp(*elementAt(t, i) - p.score);
    p.probability = sum > 0 ? 1.0 / sum : 0;
    if (p.index < classNames.size())
        p.label = classNames.at(p.index);
    return p;
}

QStringList classNames(const VersionInfo &version)
{
    QStringList names;
    for (const QJsonValue &v : version.params.value(QStringLiteral("classes")).toArray())
        names << v.toString();
    return names;
}

} // namespace TryItFormat
