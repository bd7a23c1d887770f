#include "inferencesession.h"

#include "core/logging.h"

#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <caffe2/serialize/read_adapter_interface.h>
#include <torch/script.h>

#include <cstring>
#include <malloc.h>
#include <new>

namespace ModelDesk::Runtime {

namespace {

// Reads the archive straight from the verified QByteArray: an std::istringstream would copy the
// whole file once more, which for a large model is a second transient copy of its weights.
class ByteArrayReadAdapter final : public caffe2::serialize::ReadAdapterInterface
{
public:
    explicit ByteArrayReadAdapter(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    size_t size() const override { return static_cast<size_t>(m_bytes.size()); }
    size_t read(uint64_t pos, void *buf, size_t n, const char *) const override
    {
        const auto total = static_cast<uint64_t>(m_bytes.size());
        if (pos >= total)
            return 0;
        const size_t count = static_cast<size_t>(std::min<uint64_t>(n, total - pos));
        std::memcpy(buf, m_bytes.constData() + pos, count);
        return count;
    }

private:
    QByteArray m_bytes;
};

std::optional<c10::ScalarType> toScalarType(DataType t)
{
    switch (t) {
    case DataType::Bool: return c10::ScalarType::Bool;
    case DataType::UInt8: return c10::ScalarType::Byte;
    case DataType::Int8: return c10::ScalarType::Char;
    case DataType::Int16: return c10::ScalarType::Short;
    case DataType::Int32: return c10::ScalarType::Int;
    case DataType::Int64: return c10::ScalarType::Long;
    case DataType::Float16: return c10::ScalarType::Half;
    case DataType::BFloat16: return c10::ScalarType::BFloat16;
    case DataType::Float32: return c10::ScalarType::Float;
    case DataType::Float64: return c10::ScalarType::Double;
    }
    return std::nullopt;
}

std::optional<DataType> fromScalarType(c10::ScalarType t)
{
    switch (t) {
    case c10::ScalarType::Bool: return DataType::Bool;
    case c10::ScalarType::Byte: return DataType::UInt8;
    case c10::ScalarType::Char: return DataType::Int8;
    case c10::ScalarType::Short: return DataType::Int16;
    case c10::ScalarType::Int: return DataType::Int32;
    case c10::ScalarType::Long: return DataType::Int64;
    case c10::ScalarType::Half: return DataType::Float16;
    case c10::ScalarType::BFloat16: return DataType::BFloat16;
    case c10::ScalarType::Float: return DataType::Float32;
    case c10::ScalarType::Double: return DataType::Float64;
    default: return std::nullopt;
    }
}

// TorchScript wraps interpreter failures in a banner ("The following operation failed in the
// TorchScript interpreter.") plus a traceback; the line a client can act on is the final
// "RuntimeError: ..." one. Plain c10 errors carry it on their first line.
QString usefulLine(const char *what)
{
    const QString text = QString::fromUtf8(what);
    QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &l : lines)
        l = l.trimmed();
    lines.removeAll(QString());
    if (lines.isEmpty())
        return QStringLiteral("forward failed");
    QString line = lines.first();
    if (text.contains(QLatin1String("failed in the TorchScript interpreter")) ||
        text.contains(QLatin1String("Traceback of TorchScript"))) {
        line = lines.last();
        for (qsizetype i = lines.size() - 1; i >= 0; --i) {
            if (lines.at(i).contains(QLatin1String("Error: "))) {
                line = lines.at(i);
                break;
            }
        }
    }
    if (line.size() > 300)
        line = line.left(297) + QStringLiteral("...");
    return line;
}

Result<Tensor> toValue(const at::Tensor &source, const QString &name)
{
    const auto dtype = fromScalarType(source.scalar_type());
    if (!dtype)
        return fail(Error::unsupported(
            QStringLiteral("output '%1' has datatype %2, which has no KServe v2 equivalent")
                .arg(name, QString::fromLatin1(c10::toString(source.scalar_type())))));
    const at::Tensor t = source.device().is_cpu() ? source.contiguous() : source.to(at::kCPU).contiguous();
    Tensor out;
    out.name = name;
    out.dtype = *dtype;
    out.shape.assign(t.sizes().begin(), t.sizes().end());
    out.data = QByteArray(static_cast<const char *>(t.data_ptr()), static_cast<qsizetype>(t.nbytes()));
    return out;
}

QString positionalName(const QStringList &names, int i)
{
    if (i < names.size() && !names.at(i).isEmpty())
        return names.at(i);
    return QStringLiteral("output__%1").arg(i);
}

Result<std::vector<Tensor>> convertOutputs(const c10::IValue &value, const QStringList &outputNames)
{
    std::vector<Tensor> outputs;
    auto add = [&](const c10::IValue &v, const QString &name) -> Status {
        if (!v.isTensor())
            return fail(Error::unsupported(
                QStringLiteral("forward returned %1 for output '%2', not a tensor")
                    .arg(QString::fromStdString(v.tagKind()), name)));
        auto t = toValue(v.toTensor(), name);
        if (!t)
            return fail(t.error());
        outputs.push_back(std::move(*t));
        return {};
    };
    if (value.isTensor()) {
        if (auto s = add(value, positionalName(outputNames, 0)); !s)
            return fail(s.error());
    } else if (value.isTuple()) {
        const auto &elements = value.toTupleRef().elements();
        for (size_t i = 0; i < elements.size(); ++i) {
            if (auto s = add(elements[i], positionalName(outputNames, static_cast<int>(i))); !s)
                return fail(s.error());
        }
    } else if (value.isList()) {
        const auto list = value.toListRef();
        for (size_t i = 0; i < list.size(); ++i) {
            if (auto s = add(list[i], positionalName(outputNames, static_cast<int>(i))); !s)
                return fail(s.error());
        }
    } else if (value.isGenericDict()) {
        for (const auto &entry : value.toGenericDict()) {
            if (!entry.key().isString())
                return fail(Error::unsupported(QStringLiteral("forward returned a dict whose keys are not strings")));
            if (auto s = add(entry.value(), QString::fromStdString(entry.key().toStringRef())); !s)
                return fail(s.error());
        }
    } else {
        return fail(Error::unsupported(
            QStringLiteral("forward returned %1, not tensor(s)").arg(QString::fromStdString(value.tagKind()))));
    }
    return outputs;
}

} // namespace

struct InferenceSession::Private
{
    // Module is a handle; forward() is non-const in its API but does not mutate the module in eval mode.
    mutable torch::jit::Module module;
    qint64 parameterCount = 0;
    qint64 parameterBytes = 0;
};

struct InferenceSession::ThreadScope::Private
{
    c10::InferenceMode mode;
};

InferenceSession::InferenceSession() : d(std::make_unique<Private>()) {}
InferenceSession::~InferenceSession() = default;

InferenceSession::ThreadScope::ThreadScope() : d(std::make_unique<Private>()) {}
InferenceSession::ThreadScope::~ThreadScope() = default;

std::unique_ptr<InferenceSession::ThreadScope> InferenceSession::enterWorkerThread(int intraOpThreads)
{
    // LibTorch here uses OpenMP, whose thread count is per calling thread: a worker that does not
    // set it runs with whatever the thread inherited (1 on these machines).
    try {
        at::set_num_threads(std::max(1, intraOpThreads));
    } catch (const std::exception &e) {
        qCWarning(lcRuntime) << "cannot set intra-op threads:" << e.what();
    }
    return std::unique_ptr<ThreadScope>(new ThreadScope());
}

void InferenceSession::releaseFreedMemory()
{
    malloc_trim(0);
}

Result<std::shared_ptr<InferenceSession>> InferenceSession::load(const QByteArray &bytes, const QString &context)
{
    if (bytes.isEmpty())
        return fail(Error::corrupt(QStringLiteral("%1: the artifact is empty").arg(context)));
    auto session = std::shared_ptr<InferenceSession>(new InferenceSession());
    try {
        session->d->module = torch::jit::load(std::make_shared<ByteArrayReadAdapter>(bytes), c10::Device(c10::kCPU));
        session->d->module.eval();
        for (const at::Tensor &p : session->d->module.parameters()) {
            session->d->parameterCount += p.numel();
            session->d->parameterBytes += static_cast<qint64>(p.nbytes());
        }
        for (const at::Tensor &b : session->d->module.buffers())
            session->d->parameterBytes += static_cast<qint64>(b.nbytes());
        if (!session->d->module.find_method("forward"))
            return fail(Error::unsupported(QStringLiteral("%1: the module has no forward method").arg(context)));
    } catch (const c10::Error &e) {
        return fail(Error::corrupt(QStringLiteral("%1: cannot load TorchScript: %2")
                                       .arg(context, usefulLine(e.what_without_backtrace()))));
    } catch (const std::bad_alloc &) {
        return fail(Error{Error::Code::Unavailable, QStringLiteral("%1: out of memory while loading").arg(context)});
    } catch (const std::exception &e) {
        return fail(Error::corrupt(QStringLiteral("%1: cannot load TorchScript: %2").arg(context, usefulLine(e.what()))));
    }
    return session;
}

Result<std::vector<Tensor>> InferenceSession::forward(std::vector<Tensor> &inputs, const QStringList &outputNames) const
{
    try {
        std::vector<c10::IValue> args;
        args.reserve(inputs.size());
        for (Tensor &in : inputs) {
            const auto type = toScalarType(in.dtype);
            const auto count = in.elementCount();
            if (!type || !count || *count * dataTypeSize(in.dtype) != in.data.size())
                return fail(Error::invalid(QStringLiteral("input '%1': data does not match its shape").arg(in.name)));
            // data() detaches a shared buffer, so an in-place op in the model can only touch our copy.
            void *ptr = *count == 0 ? nullptr : static_cast<void *>(in.data.data());
            const std::vector<int64_t> sizes(in.shape.begin(), in.shape.end());
            args.emplace_back(*count == 0 ? at::empty(sizes, at::TensorOptions().dtype(*type))
                                          : at::from_blob(ptr, sizes, at::TensorOptions().dtype(*type)));
        }
        const c10::IValue result = d->module.forward(std::move(args));
        return convertOutputs(result, outputNames);
    } catch (const c10::Error &e) {
        return fail(Error::invalid(usefulLine(e.what_without_backtrace())));
    } catch (const std::bad_alloc &) {
        return fail(Error{Error::Code::Unavailable, QStringLiteral("out of memory during forward")});
    } catch (const std::exception &e) {
        return fail(Error::invalid(usefulLine(e.what())));
    }
}

qint64 InferenceSession::parameterCount() const
{
    return d->parameterCount;
}

qint64 InferenceSession::parameterBytes() const
{
    return d->parameterBytes;
}

} // namespace ModelDesk::Runtime
