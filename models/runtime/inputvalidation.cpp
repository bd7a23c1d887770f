#include "inputvalidation.h"

namespace ModelDesk::Runtime {

namespace {

QString specShapeText(const QList<qint64> &shape)
{
    QStringList parts;
    for (qint64 d : shape)
        parts.append(QString::number(d));
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString inputNames(const Signature &signature)
{
    QStringList names;
    for (const TensorSpec &t : signature.inputs)
        names.append(t.name.isEmpty() ? QStringLiteral("?") : t.name);
    return names.join(QStringLiteral(", "));
}

} // namespace

QString shapeText(const std::vector<int64_t> &shape)
{
    QStringList parts;
    for (int64_t d : shape)
        parts.append(QString::number(d));
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

Status checkInputs(const Signature &signature, std::vector<Tensor> &inputs)
{
    if (inputs.empty())
        return fail(Error::invalid(QStringLiteral("the request has no inputs")));
    // Models take a handful of inputs: a pairwise check beats allocating a set on every request.
    for (size_t i = 0; i < inputs.size(); ++i) {
        const Tensor &t = inputs[i];
        for (size_t j = 0; j < i; ++j) {
            if (!t.name.isEmpty() && inputs[j].name == t.name)
                return fail(Error::invalid(QStringLiteral("input '%1' is given twice").arg(t.name)));
        }
        if (auto s = t.checkConsistent(); !s)
            return s;
    }
    if (signature.inputs.isEmpty())
        return {};
    const auto expected = static_cast<size_t>(signature.inputs.size());
    if (inputs.size() != expected)
        return fail(Error::invalid(QStringLiteral("the model expects %1 input(s) (%2), got %3")
                                       .arg(expected)
                                       .arg(inputNames(signature))
                                       .arg(inputs.size())));

    // Put named inputs in forward's order; clients that use other names are served positionally.
    bool allNamed = true;
    std::vector<int> order(inputs.size(), -1);
    for (size_t i = 0; i < inputs.size() && allNamed; ++i) {
        int found = -1;
        for (qsizetype j = 0; j < signature.inputs.size(); ++j) {
            if (!signature.inputs.at(j).name.isEmpty() && signature.inputs.at(j).name == inputs[i].name)
                found = static_cast<int>(j);
        }
        if (found < 0)
            allNamed = false;
        order[i] = found;
    }
    if (allNamed) {
        std::vector<Tensor> sorted(inputs.size());
        for (size_t i = 0; i < inputs.size(); ++i)
            sorted[static_cast<size_t>(order[i])] = std::move(inputs[i]);
        inputs = std::move(sorted);
    }

    for (size_t i = 0; i < inputs.size(); ++i) {
        const TensorSpec &spec = signature.inputs.at(static_cast<qsizetype>(i));
        const Tensor &t = inputs[i];
        const QString label = t.name.isEmpty() ? QStringLiteral("#%1").arg(i) : t.name;
        if (!spec.dtype.isEmpty() && spec.dtype != dataTypeName(t.dtype))
            return fail(Error::invalid(QStringLiteral("input '%1': the model expects datatype %2, got %3")
                                           .arg(label, spec.dtype, dataTypeName(t.dtype))));
        if (spec.shape.isEmpty())
            continue;
        bool match = static_cast<size_t>(spec.shape.size()) == t.shape.size();
        for (size_t d = 0; match && d < t.shape.size(); ++d) {
            const qint64 want = spec.shape.at(static_cast<qsizetype>(d));
            if (want >= 0 && want != t.shape[d])
                match = false;
        }
        if (!match)
            return fail(Error::invalid(QStringLiteral("input '%1': the model expects shape %2, got %3")
                                           .arg(label, specShapeText(spec.shape), shapeText(t.shape))));
    }
    return {};
}

Status checkRequestedOutputs(const Signature &signature, const QStringList &requested)
{
    if (requested.isEmpty() || signature.outputs.isEmpty())
        return {};
    QStringList names = outputNames(signature);
    if (names.contains(QString()))
        return {};   // unnamed outputs: the names are only known after forward
    for (const QString &r : requested) {
        if (!names.contains(r))
            return fail(Error::invalid(
                QStringLiteral("unknown output '%1' (the model has: %2)").arg(r, names.join(QStringLiteral(", ")))));
    }
    return {};
}

int64_t stackableRows(const Signature &signature, const std::vector<Tensor> &inputs)
{
    if (inputs.empty() || inputs.front().shape.empty())
        return -1;
    const int64_t rows = inputs.front().shape.front();
    if (rows <= 0)
        return -1;
    for (const Tensor &t : inputs) {
        if (t.shape.empty() || t.shape.front() != rows)
            return -1;
    }
    for (const TensorSpec &spec : signature.inputs) {
        if (!spec.shape.isEmpty() && spec.shape.front() >= 0)
            return -1;   // a fixed dim 0 is not a batch dimension
    }
    return rows;
}

Result<std::vector<Tensor>> selectOutputs(std::vector<Tensor> outputs, const QStringList &requested)
{
    if (requested.isEmpty())
        return outputs;
    std::vector<Tensor> selected;
    selected.reserve(static_cast<size_t>(requested.size()));
    for (const QString &name : requested) {
        auto it = std::find_if(outputs.begin(), outputs.end(), [&](const Tensor &t) { return t.name == name; });
        if (it == outputs.end()) {
            QStringList names;
            for (const Tensor &t : outputs)
                names.append(t.name);
            return fail(Error::invalid(
                QStringLiteral("unknown output '%1' (the model has: %2)").arg(name, names.join(QStringLiteral(", ")))));
        }
        selected.push_back(*it);
    }
    return selected;
}

QStringList outputNames(const Signature &signature)
{
    QStringList names;
    for (const TensorSpec &t : signature.outputs)
        names.append(t.name);
    return names;
}

std::optional<std::vector<Tensor>> syntheticInputs(const Signature &signature, int64_t rows, bool *guessed,
                                                   QString *why)
{
    if (guessed)
        *guessed = false;
    if (signature.inputs.isEmpty()) {
        if (why)
            *why = QStringLiteral("the signature does not describe the inputs");
        return std::nullopt;
    }
    std::vector<Tensor> inputs;
    for (const TensorSpec &spec : signature.inputs) {
        if (spec.shape.isEmpty()) {
            if (why)
                *why = QStringLiteral("the signature gives no shape for input '%1'").arg(spec.name);
            return std::nullopt;
        }
        Tensor t;
        t.name = spec.name;
        if (spec.dtype.isEmpty()) {
            t.dtype = DataType::Float32;
            if (guessed)
                *guessed = true;
        } else if (auto dt = dataTypeFromName(spec.dtype)) {
            t.dtype = *dt;
        } else {
            if (why)
                *why = QStringLiteral("input '%1' has datatype '%2', which the runtime cannot build")
                           .arg(spec.name, spec.dtype);
            return std::nullopt;
        }
        for (qsizetype d = 0; d < spec.shape.size(); ++d) {
            const qint64 dim = spec.shape.at(d);
            t.shape.push_back(dim >= 0 ? dim : (d == 0 ? rows : 1));
        }
        const auto count = t.elementCount();
        if (!count || *count * dataTypeSize(t.dtype) > (int64_t(1) << 30)) {
            if (why)
                *why = QStringLiteral("input '%1' would need more than 1 GiB").arg(spec.name);
            return std::nullopt;
        }
        t.data = QByteArray(static_cast<qsizetype>(*count * dataTypeSize(t.dtype)), '\0');
        inputs.push_back(std::move(t));
    }
    return inputs;
}

} // namespace ModelDesk::Runtime
