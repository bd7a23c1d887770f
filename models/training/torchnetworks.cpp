// The architectures (MLP, text classifier, small CNN) and their export to TorchScript: a
// torch::jit::Module built in C++ with the trained parameters registered on it and a forward
// define()d in TorchScript that applies the preprocessing first, so the file takes raw inputs.
#include "torchnetworks.h"

#include <sstream>

namespace ModelDesk::Training::Torch {

namespace {

torch::Tensor activate(const torch::Tensor &x, const QString &activation)
{
    if (activation == QLatin1String("tanh"))
        return torch::tanh(x);
    if (activation == QLatin1String("gelu"))
        return torch::gelu(x);
    return torch::relu(x);
}

std::string scriptActivation(const QString &activation)
{
    if (activation == QLatin1String("tanh"))
        return "torch.tanh";
    if (activation == QLatin1String("gelu"))
        return "torch.gelu";
    return "torch.relu";
}

qint64 count(const torch::Tensor &t) { return t.numel(); }

QString linearLine(const QString &name, const torch::nn::Linear &l, const QString &activation)
{
    const auto &w = l->weight;
    return QStringLiteral("%1  Linear %2 -> %3%4  (%5 parameters)")
        .arg(name)
        .arg(w.size(1))
        .arg(w.size(0))
        .arg(activation.isEmpty() ? QString() : QStringLiteral(", ") + activation)
        .arg(count(w) + count(l->bias));
}

// Copies every trained parameter into the scripted module under its export name.
void registerParameters(torch::jit::Module &m, const torch::nn::Module &net)
{
    for (const auto &p : net.named_parameters())
        m.register_parameter(exportName(p.key()), p.value().detach().clone(), false);
}

// Standardisation buffers and scale, shared by the feature and image inputs.
void registerStandardisation(torch::jit::Module &m, const Preprocessing &p)
{
    m.register_buffer("input_mean", torch::tensor(std::vector<float>(p.mean.begin(), p.mean.end())));
    m.register_buffer("input_std", torch::tensor(std::vector<float>(p.stddev.begin(), p.stddev.end())));
    m.register_attribute("input_scale", c10::FloatType::get(), p.scale);
}

// Preprocessing line of the scripted forward; `x` is the raw input.
const char *standardiseLine = "    x = (x.float() * self.input_scale - self.input_mean) / self.input_std\n";

// Dense head: hidden layers then the output layer.
std::string denseSource(size_t hiddenLayers, const std::string &act)
{
    std::string s;
    for (size_t i = 0; i < hiddenLayers; ++i) {
        const std::string n = std::to_string(i);
        s += "    x = " + act + "(torch.linear(x, self.fc" + n + "_weight, self.fc" + n + "_bias))\n";
    }
    s += "    return torch.linear(x, self.out_weight, self.out_bias)\n";
    return s;
}

class MlpImpl final : public ClassifierImpl
{
public:
    MlpImpl(const TrainingConfig &c, int64_t inputs, int classes, bool image)
        : m_activation(c.activation), m_dropout(c.dropout), m_image(image)
    {
        int64_t in = inputs;
        for (qsizetype i = 0; i < c.hidden.size(); ++i) {
            m_hidden.push_back(register_module("fc" + std::to_string(i), torch::nn::Linear(in, c.hidden[i])));
            in = c.hidden[i];
        }
        m_out = register_module("out", torch::nn::Linear(in, classes));
    }

    torch::Tensor forward(const torch::Tensor &input, const torch::Tensor &) override
    {
        torch::Tensor x = input;
        for (auto &l : m_hidden) {
            x = activate(l->forward(x), m_activation);
            if (m_dropout > 0)
                x = torch::dropout(x, m_dropout, is_training());
        }
        return m_out->forward(x);
    }

    QStringList describe() const override
    {
        QStringList lines;
        for (size_t i = 0; i < m_hidden.size(); ++i)
            lines.append(linearLine(QStringLiteral("fc%1").arg(i), m_hidden[i], m_activation));
        if (m_dropout > 0)
            lines.append(QStringLiteral("dropout %1 after each hidden layer").arg(m_dropout));
        lines.append(linearLine(QStringLiteral("out"), m_out, {}));
        return lines;
    }

    torch::jit::Module toTorchScript(const Preprocessing &p) const override
    {
        torch::jit::Module m("modeldesk.MlpClassifier");
        registerParameters(m, *this);
        registerStandardisation(m, p);
        std::string src = "def forward(self, x):\n";
        if (m_image) // images arrive as [N, H*W], [N, H, W] or [N, 1, H, W]
            src += "    x = x.reshape([x.size(0), " + std::to_string(p.featureCount()) + "])\n";
        src += standardiseLine;
        src += denseSource(m_hidden.size(), scriptActivation(m_activation));
        m.define(src);
        return m;
    }

private:
    std::vector<torch::nn::Linear> m_hidden;
    torch::nn::Linear m_out{nullptr};
    QString m_activation;
    double m_dropout = 0;
    bool m_image = false;
};

class TextClassifierImpl final : public ClassifierImpl
{
public:
    TextClassifierImpl(const TrainingConfig &c, int64_t vocabularyRows, int classes)
        : m_activation(c.activation), m_dropout(c.dropout)
    {
        m_embedding = register_module(
            "embedding",
            torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(vocabularyRows, c.embeddingDim).mode(torch::kMean)));
        int64_t in = c.embeddingDim;
        const int hidden = c.hidden.isEmpty() ? 0 : c.hidden.first();
        if (hidden > 0) {
            m_hidden = register_module("fc0", torch::nn::Linear(in, hidden));
            in = hidden;
        }
        m_out = register_module("out", torch::nn::Linear(in, classes));
    }

    torch::Tensor forward(const torch::Tensor &tokens, const torch::Tensor &offsets) override
    {
        torch::Tensor x = m_embedding->forward(tokens, offsets);
        if (m_hidden) {
            if (m_dropout > 0)
                x = torch::dropout(x, m_dropout, is_training());
            x = activate(m_hidden->forward(x), m_activation);
        }
        if (m_dropout > 0)
            x = torch::dropout(x, m_dropout, is_training());
        return m_out->forward(x);
    }

    QStringList describe() const override
    {
        const auto &w = m_embedding->weight;
        QStringList lines{QStringLiteral("embedding  EmbeddingBag %1 words x %2, mean  (%3 parameters)")
                              .arg(w.size(0))
                              .arg(w.size(1))
                              .arg(count(w))};
        if (m_hidden)
            lines.append(linearLine(QStringLiteral("fc0"), m_hidden, m_activation));
        if (m_dropout > 0)
            lines.append(QStringLiteral("dropout %1").arg(m_dropout));
        lines.append(linearLine(QStringLiteral("out"), m_out, {}));
        return lines;
    }

    torch::jit::Module toTorchScript(const Preprocessing &p) const override
    {
        torch::jit::Module m("modeldesk.TextClassifier");
        registerParameters(m, *this);
        const int64_t rows = m_embedding->weight.size(0);
        // Tokenizer state lives in the module too, so `encode(text)` gives the ids forward expects.
        c10::Dict<std::string, int64_t> vocabulary;
        for (qsizetype i = 0; i < p.vocabulary.size(); ++i)
            vocabulary.insert(p.vocabulary[i].toStdString(), int64_t(i + 2));
        m.register_attribute("vocabulary", c10::DictType::create(c10::StringType::get(), c10::IntType::get()),
                             vocabulary);
        m.register_attribute("hash_buckets", c10::IntType::get(), int64_t(p.hashBuckets));
        m.register_attribute("max_tokens", c10::IntType::get(), int64_t(p.maxTokens));
        std::string src = R"(
def forward(self, tokens):
    if tokens.dim() == 1:
        tokens = tokens.unsqueeze(0)
    tokens = tokens.long()
    invalid = (tokens < 0) | (tokens >= )" + std::to_string(rows) + R"()
    tokens = tokens.masked_fill(invalid, 1)
    mask = (tokens > 0).float().unsqueeze(2)
    summed = (torch.embedding(self.embedding_weight, tokens) * mask).sum(1)
    x = summed / mask.sum(1).clamp_min(1.0)
)";
        if (m_hidden)
            src += "    x = " + scriptActivation(m_activation) + "(torch.linear(x, self.fc0_weight, self.fc0_bias))\n";
        src += "    return torch.linear(x, self.out_weight, self.out_bias)\n";
        src += R"(
def word_id(self, word: str) -> int:
    if self.hash_buckets > 0:
        h = 2166136261
        for ch in word:
            h = ((h ^ ord(ch)) * 16777619) & 4294967295
        return 2 + h % self.hash_buckets
    return self.vocabulary.get(word, 1)

def encode(self, text: str):
    ids: List[int] = []
    word = ""
    for ch in text + " ":
        o = ord(ch)
        if o >= 65 and o <= 90:
            o = o + 32
        if (o >= 97 and o <= 122) or (o >= 48 and o <= 57):
            word = word + chr(o)
        elif word != "":
            if len(ids) < self.max_tokens:
                ids.append(self.word_id(word))
            word = ""
    if len(ids) == 0:
        ids.append(0)
    return torch.tensor([ids])
)";
        m.define(src);
        return m;
    }

private:
    torch::nn::EmbeddingBag m_embedding{nullptr};
    torch::nn::Linear m_hidden{nullptr};
    torch::nn::Linear m_out{nullptr};
    QString m_activation;
    double m_dropout = 0;
};

class CnnImpl final : public ClassifierImpl
{
public:
    CnnImpl(const TrainingConfig &c, int height, int width, int classes)
        : m_activation(c.activation), m_dropout(c.dropout), m_height(height), m_width(width)
    {
        m_conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(1, c.channels[0], 3).padding(1)));
        m_conv2 = register_module("conv2",
                                  torch::nn::Conv2d(torch::nn::Conv2dOptions(c.channels[0], c.channels[1], 3).padding(1)));
        const int64_t flat = int64_t(c.channels[1]) * (height / 4) * (width / 4);
        int64_t in = flat;
        for (qsizetype i = 0; i < c.hidden.size(); ++i) {
            m_hidden.push_back(register_module("fc" + std::to_string(i), torch::nn::Linear(in, c.hidden[i])));
            in = c.hidden[i];
        }
        m_out = register_module("out", torch::nn::Linear(in, classes));
    }

    torch::Tensor forward(const torch::Tensor &input, const torch::Tensor &) override
    {
        torch::Tensor x = input.reshape({-1, 1, m_height, m_width});
        x = torch::max_pool2d(activate(m_conv1->forward(x), m_activation), {2, 2}, {2, 2});
        x = torch::max_pool2d(activate(m_conv2->forward(x), m_activation), {2, 2}, {2, 2});
        x = x.flatten(1);
        for (auto &l : m_hidden) {
            if (m_dropout > 0)
                x = torch::dropout(x, m_dropout, is_training());
            x = activate(l->forward(x), m_activation);
        }
        if (m_dropout > 0)
            x = torch::dropout(x, m_dropout, is_training());
        return m_out->forward(x);
    }

    QStringList describe() const override
    {
        auto convLine = [](const QString &name, const torch::nn::Conv2d &c, const QString &act) -> QString {
            return QStringLiteral("%1  Conv2d %2 -> %3, 3x3, padding 1, %4, max-pool 2x2  (%5 parameters)")
                .arg(name)
                .arg(c->weight.size(1))
                .arg(c->weight.size(0))
                .arg(act)
                .arg(count(c->weight) + count(c->bias));
        };
        QStringList lines{convLine(QStringLiteral("conv1"), m_conv1, m_activation),
                          convLine(QStringLiteral("conv2"), m_conv2, m_activation)};
        for (size_t i = 0; i < m_hidden.size(); ++i)
            lines.append(linearLine(QStringLiteral("fc%1").arg(i), m_hidden[i], m_activation));
        if (m_dropout > 0)
            lines.append(QStringLiteral("dropout %1 before each dense layer").arg(m_dropout));
        lines.append(linearLine(QStringLiteral("out"), m_out, {}));
        return lines;
    }

    torch::jit::Module toTorchScript(const Preprocessing &p) const override
    {
        torch::jit::Module m("modeldesk.CnnClassifier");
        registerParameters(m, *this);
        registerStandardisation(m, p);
        const std::string act = scriptActivation(m_activation);
        std::string src = "def forward(self, x):\n"
                          "    x = x.reshape([-1, 1, " + std::to_string(m_height) + ", " + std::to_string(m_width) + "])\n";
        src += standardiseLine;
        src += "    x = torch.max_pool2d(" + act + "(torch.conv2d(x, self.conv1_weight, self.conv1_bias, [1, 1], [1, 1])), [2, 2], [2, 2])\n";
        src += "    x = torch.max_pool2d(" + act + "(torch.conv2d(x, self.conv2_weight, self.conv2_bias, [1, 1], [1, 1])), [2, 2], [2, 2])\n";
        src += "    x = x.flatten(1)\n";
        src += denseSource(m_hidden.size(), act);
        m.define(src);
        return m;
    }

private:
    torch::nn::Conv2d m_conv1{nullptr};
    torch::nn::Conv2d m_conv2{nullptr};
    std::vector<torch::nn::Linear> m_hidden;
    torch::nn::Linear m_out{nullptr};
    QString m_activation;
    double m_dropout = 0;
    int m_height = 0;
    int m_width = 0;
};

} // namespace

std::string exportName(const std::string &parameterName)
{
    std::string s = parameterName;
    for (char &c : s) {
        if (c == '.')
            c = '_';
    }
    return s;
}

InputContract inputContract(const Preprocessing &p)
{
    switch (p.input) {
    case InputKind::Features: return {QStringLiteral("features"), QStringLiteral("FP32"), {-1, p.featureCount()}};
    case InputKind::Image: return {QStringLiteral("pixels"), QStringLiteral("FP32"), {-1, p.featureCount()}};
    case InputKind::Text: return {QStringLiteral("tokens"), QStringLiteral("INT64"), {-1, -1}};
    }
    return {};
}

Result<std::shared_ptr<ClassifierImpl>> makeClassifier(const TrainingConfig &config, const Preprocessing &p, int classes)
{
    if (classes < 2)
        return fail(Error::invalid(QStringLiteral("a classifier needs at least two classes")));
    if (config.arch == QLatin1String("mlp")) {
        if (p.input == InputKind::Text)
            return fail(Error::invalid(QStringLiteral("the mlp architecture needs numeric features or images; "
                                                      "this is text data (use --arch textcnn)")));
        return std::shared_ptr<ClassifierImpl>(
            std::make_shared<MlpImpl>(config, p.featureCount(), classes, p.input == InputKind::Image));
    }
    if (config.arch == QLatin1String("textcnn")) {
        if (p.input != InputKind::Text)
            return fail(Error::invalid(QStringLiteral("the textcnn architecture needs text data "
                                                      "(text-csv or fortunes); use --arch mlp%1")
                                           .arg(p.input == InputKind::Image ? QStringLiteral(" or cnn") : QString())));
        return std::shared_ptr<ClassifierImpl>(std::make_shared<TextClassifierImpl>(config, p.embeddingRows(), classes));
    }
    if (config.arch == QLatin1String("cnn")) {
        if (p.input != InputKind::Image)
            return fail(Error::invalid(QStringLiteral("the cnn architecture needs image data (IDX files); use --arch %1")
                                           .arg(p.input == InputKind::Text ? QStringLiteral("textcnn") : QStringLiteral("mlp"))));
        if (p.height < 4 || p.width < 4)
            return fail(Error::invalid(QStringLiteral("the cnn needs images of at least 4x4 pixels (got %1x%2)")
                                           .arg(p.height)
                                           .arg(p.width)));
        return std::shared_ptr<ClassifierImpl>(std::make_shared<CnnImpl>(config, p.height, p.width, classes));
    }
    return fail(Error::invalid(QStringLiteral("unknown architecture '%1'").arg(config.arch)));
}

} // namespace ModelDesk::Training::Torch
