// Export of a trained network to TorchScript, verified by loading the bytes back (LibTorch).
#include "trainerprivate.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <torch/csrc/jit/serialization/export.h>

#include <sstream>

namespace ModelDesk::Training {

namespace {

QJsonArray toJsonRows(const torch::Tensor &t)
{
    QJsonArray rows;
    const auto c = t.contiguous();
    const int64_t n = c.size(0);
    const int64_t m = c.numel() / std::max<int64_t>(n, 1);
    for (int64_t i = 0; i < n; ++i) {
        QJsonArray row;
        for (int64_t j = 0; j < m; ++j) {
            if (c.scalar_type() == torch::kInt64)
                row.append(qint64(c.data_ptr<int64_t>()[i * m + j]));
            else
                row.append(double(c.data_ptr<float>()[i * m + j]));
        }
        rows.append(row);
    }
    return rows;
}

QString firstLine(const std::exception &e) { return QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0); }

} // namespace

torch::Tensor Trainer::Private::rawInput(const Dataset &data, const std::vector<int64_t> &rows) const
{
    const auto index = torch::tensor(rows, torch::kInt64);
    switch (preprocessing.input) {
    case InputKind::Features:
        return torch::from_blob(const_cast<float *>(data.features.data()),
                                {data.rows(), int64_t(data.featureNames.size())}, torch::kFloat32)
            .index_select(0, index);
    case InputKind::Image:
        return torch::from_blob(const_cast<uint8_t *>(data.pixels.data()),
                                {data.rows(), int64_t(data.height) * data.width}, torch::kUInt8)
            .index_select(0, index)
            .to(torch::kFloat32);
    case InputKind::Text: {
        const TextEncoder encoder(preprocessing);
        std::vector<std::vector<int64_t>> encoded(rows.size());
        size_t longest = 1;
        for (size_t i = 0; i < rows.size(); ++i) {
            encoder.encode(data.texts[rows[i]], encoded[i]);
            longest = std::max(longest, encoded[i].size());
        }
        auto t = torch::zeros({int64_t(rows.size()), int64_t(longest)}, torch::kInt64);
        for (size_t i = 0; i < rows.size(); ++i)
            std::copy(encoded[i].begin(), encoded[i].end(), t.data_ptr<int64_t>() + i * longest);
        return t;
    }
    }
    return {};
}

Result<ExportedModel> Trainer::exportTorchScript(const QJsonObject &metadata) const
{
    Private &p = *d;
    ExportedModel out;
    try {
        applyThreads(p.config.threads);
        torch::jit::Module module = p.net->toTorchScript(p.preprocessing);
        module.register_attribute("training", c10::BoolType::get(), false);
        c10::List<std::string> classes;
        for (const QString &c : p.classNames)
            classes.push_back(c.toStdString());
        module.register_attribute("class_names", c10::ListType::ofStrings(), classes);
        module.register_attribute("modeldesk_metadata", c10::StringType::get(),
                                  QJsonDocument(metadata).toJson(QJsonDocument::Compact).toStdString());
        // Straight into the buffer the job writes (encrypted when the workspace says so) and wipes.
        torch::jit::ExportModule(module, [&out](const void *data, size_t size) -> size_t {
            out.bytes.append(static_cast<const char *>(data), qsizetype(size));
            return size;
        });

        // Load the bytes back, as a consumer would, and compare with the trained network.
        torch::jit::Module loaded = torch::jit::load(std::make_shared<ByteArrayReader>(out.bytes), c10::Device(c10::kCPU));
        loaded.eval();
        torch::NoGradGuard guard;
        const torch::Tensor exported = loaded.forward({p.checkRaw}).toTensor();
        p.net->eval();
        const int64_t rows = p.checkSplit.rows;
        const Batch b = p.batch(p.checkSplit, torch::arange(rows, torch::kInt64));
        const torch::Tensor expected = p.net->forward(b.x, b.offsets);
        p.net->train();
        if (!exported.sizes().equals(expected.sizes()))
            return fail(Error::internal(QStringLiteral("exported model gives a differently shaped output")));
        out.maxAbsDifference = rows > 0 ? (exported - expected).abs().max().item<double>() : 0.0;

        std::ostringstream schema;
        schema << loaded.get_method("forward").function().getSchema();
        const Torch::InputContract contract = Torch::inputContract(p.preprocessing);
        out.signature.inputs = {TensorSpec{contract.name, contract.dtype, contract.shape}};
        out.signature.outputs = {TensorSpec{QStringLiteral("logits"), QStringLiteral("FP32"), {-1, qint64(p.classNames.size())}}};
        out.signature.schema = QString::fromStdString(schema.str());
        for (const auto &t : loaded.parameters())
            out.parameterCount += t.numel();

        QJsonArray shape;
        for (int64_t s : p.checkRaw.sizes())
            shape.append(qint64(s));
        out.check = {{QStringLiteral("dtype"), contract.dtype},
                     {QStringLiteral("shape"), shape},
                     {QStringLiteral("input"), toJsonRows(p.checkRaw)},
                     {QStringLiteral("output"), toJsonRows(expected)}};
    } catch (const std::exception &e) {
        return fail(Error::internal(QStringLiteral("export to TorchScript failed: %1").arg(firstLine(e))));
    }
    if (!(out.maxAbsDifference < 1e-3))
        return fail(Error::internal(QStringLiteral("the exported model's outputs differ from the trained network by %1")
                                        .arg(out.maxAbsDifference)));
    return out;
}

} // namespace ModelDesk::Training
