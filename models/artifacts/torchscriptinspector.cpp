// The one LibTorch translation unit of the artifacts part: loading TorchScript from memory and
// reading forward's schema. Everything that needs no LibTorch lives in archivecheck.cpp and
// childinspection.cpp, so this file (about 20 s to compile) rarely rebuilds.

#include "torchscriptinspector.h"

#include <torch/script.h>
#include <torch/version.h>

#include <caffe2/serialize/read_adapter_interface.h>

#include <cstring>
#include <sstream>

namespace ModelDesk::Artifacts {

namespace {

const QLatin1String kServes("ModelDesk serves models whose forward maps tensors to tensor(s)");

// Hands LibTorch's zip reader the bytes in place: no copy, never a file on disk, and no path into
// the flatbuffer loader that load(std::istream&) would take for non-zip input.
class ByteArrayReader final : public caffe2::serialize::ReadAdapterInterface
{
public:
    explicit ByteArrayReader(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    size_t size() const override { return static_cast<size_t>(m_bytes.size()); }
    size_t read(uint64_t pos, void *buf, size_t n, const char * /*what*/) const override
    {
        if (pos >= size())
            return 0;
        n = std::min<size_t>(n, size() - pos);
        std::memcpy(buf, m_bytes.constData() + pos, n);
        return n;
    }

private:
    QByteArray m_bytes; // implicitly shared with the caller's array
};

QString firstLine(const char *text)
{
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (!t.isEmpty())
            return t.left(300);
    }
    return QStringLiteral("unknown error");
}

Error outOfMemory()
{
    return Error{Error::Code::TooLarge, QStringLiteral("not enough memory to load the TorchScript model")};
}

QString typeName(const c10::TypePtr &type) { return QString::fromStdString(type->annotation_str()); }

bool isTensor(const c10::TypePtr &type) { return type->kind() == c10::TypeKind::TensorType; }

Result<TorchScriptInfo> describe(const torch::jit::Module &module)
{
    const auto forward = module.find_method("forward");
    if (!forward)
        return fail(Error::unsupported(QStringLiteral("the module has no forward method; %1").arg(kServes)));
    const c10::FunctionSchema &schema = forward->function().getSchema();

    TorchScriptInfo info;
    std::ostringstream printed;
    printed << schema;
    info.signature.schema = QString::fromStdString(printed.str());

    if (schema.is_vararg())
        return fail(Error::unsupported(QStringLiteral("forward takes variable arguments; %1").arg(kServes)));
    const auto &arguments = schema.arguments();
    // A method's first argument is the module itself, whatever it is called.
    for (size_t i = 1; i < arguments.size(); ++i) {
        const c10::Argument &arg = arguments[i];
        const QString name = QString::fromStdString(arg.name());
        if (!isTensor(arg.type()))
            return fail(Error::unsupported(
                QStringLiteral("forward takes a '%1' argument '%2'; %3").arg(typeName(arg.type()), name, kServes)));
        info.signature.inputs.append(TensorSpec{name, {}, {}});
    }
    if (info.signature.inputs.isEmpty())
        return fail(Error::unsupported(QStringLiteral("forward takes no tensor argument; %1").arg(kServes)));

    if (schema.returns().size() != 1)
        return fail(Error::unsupported(QStringLiteral("forward returns %1 values; %2").arg(schema.returns().size()).arg(kServes)));
    const c10::TypePtr returned = schema.returns().front().type();
    if (isTensor(returned)) {
        info.outputKind = QStringLiteral("tensor");
        info.signature.outputs.append(TensorSpec{QStringLiteral("output__0"), {}, {}});
    } else if (const auto tuple = returned->cast<c10::TupleType>()) {
        const auto elements = tuple->elements();
        const bool allTensors = std::all_of(elements.begin(), elements.end(), isTensor);
        if (elements.empty() || !allTensors)
            return fail(Error::unsupported(QStringLiteral("forward returns '%1'; %2").arg(typeName(returned), kServes)));
        info.outputKind = QStringLiteral("tuple[%1]").arg(elements.size());
        for (size_t i = 0; i < elements.size(); ++i)
            info.signature.outputs.append(TensorSpec{QStringLiteral("output__%1").arg(i), {}, {}});
    } else {
        return fail(Error::unsupported(QStringLiteral("forward returns '%1'; %2").arg(typeName(returned), kServes)));
    }

    for (const at::Tensor &p : module.parameters(/*recurse=*/true))
        info.parameterCount += p.numel();
    return info;
}

} // namespace

Result<TorchScriptInfo> inspectBytes(const QByteArray &bytes)
{
    if (auto s = checkArchiveStructure(bytes); !s)
        return fail(s.error());
    // No exception may leave: LibTorch reports bad archives, unknown ops and bad code by throwing.
    try {
        const torch::jit::Module module =
            torch::jit::load(std::make_shared<ByteArrayReader>(bytes), c10::Device(c10::kCPU));
        return describe(module);
    } catch (const c10::Error &e) {
        const QString line = firstLine(e.what_without_backtrace());
        // LibTorch's allocator reports exhaustion as a c10::Error, not std::bad_alloc.
        if (line.contains(QLatin1String("can't allocate memory")))
            return fail(outOfMemory());
        return fail(Error::invalid(QStringLiteral("cannot load TorchScript: %1").arg(line)));
    } catch (const std::bad_alloc &) {
        return fail(outOfMemory());
    } catch (const std::exception &e) {
        return fail(Error::invalid(QStringLiteral("cannot load TorchScript: %1").arg(firstLine(e.what()))));
    }
}

QString torchVersion()
{
    return QStringLiteral("%1.%2.%3").arg(TORCH_VERSION_MAJOR).arg(TORCH_VERSION_MINOR).arg(TORCH_VERSION_PATCH);
}

} // namespace ModelDesk::Artifacts
