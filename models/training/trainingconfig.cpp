#include "trainingconfig.h"

#include "core/names.h"

#include <QJsonArray>

#include <cmath>

namespace ModelDesk::Training {

namespace {

QJsonArray intArray(const QList<int> &values)
{
    QJsonArray a;
    for (int v : values)
        a.append(v);
    return a;
}

QList<int> intList(const QJsonValue &v, const QList<int> &fallback)
{
    if (!v.isArray())
        return fallback;
    QList<int> out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toInt());
    return out;
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

// Seeds are 64-bit; JSON numbers are doubles, so the seed travels as a decimal string.
quint64 seedFrom(const QJsonValue &v, quint64 fallback)
{
    if (v.isString()) {
        bool ok = false;
        const quint64 s = v.toString().toULongLong(&ok);
        return ok ? s : fallback;
    }
    if (v.isDouble())
        return quint64(v.toDouble());
    return fallback;
}

Status invalid(const QString &message) { return fail(Error::invalid(message)); }

} // namespace

QJsonObject DataOptions::toJson() const
{
    return {{QStringLiteral("path"), path},
            {QStringLiteral("dataset"), dataset},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("label_column"), labelColumn},
            {QStringLiteral("text_column"), textColumn},
            {QStringLiteral("topics"), QJsonArray::fromStringList(topics)},
            {QStringLiteral("classes"), classes},
            {QStringLiteral("class_names"), QJsonArray::fromStringList(classNames)},
            {QStringLiteral("validation_fraction"), validationFraction},
            {QStringLiteral("test_fraction"), testFraction},
            {QStringLiteral("max_vocabulary"), maxVocabulary},
            {QStringLiteral("min_count"), minCount},
            {QStringLiteral("hash_buckets"), hashBuckets},
            {QStringLiteral("max_tokens"), maxTokens}};
}

DataOptions DataOptions::fromJson(const QJsonObject &o)
{
    DataOptions d;
    d.path = o.value(QStringLiteral("path")).toString();
    d.dataset = o.value(QStringLiteral("dataset")).toString();
    d.kind = o.value(QStringLiteral("kind")).toString();
    d.labelColumn = o.value(QStringLiteral("label_column")).toString();
    d.textColumn = o.value(QStringLiteral("text_column")).toString();
    d.topics = stringList(o.value(QStringLiteral("topics")));
    d.classes = o.value(QStringLiteral("classes")).toInt(d.classes);
    d.classNames = stringList(o.value(QStringLiteral("class_names")));
    d.validationFraction = o.value(QStringLiteral("validation_fraction")).toDouble(d.validationFraction);
    d.testFraction = o.value(QStringLiteral("test_fraction")).toDouble(d.testFraction);
    d.maxVocabulary = o.value(QStringLiteral("max_vocabulary")).toInt(d.maxVocabulary);
    d.minCount = o.value(QStringLiteral("min_count")).toInt(d.minCount);
    d.hashBuckets = o.value(QStringLiteral("hash_buckets")).toInt(d.hashBuckets);
    d.maxTokens = o.value(QStringLiteral("max_tokens")).toInt(d.maxTokens);
    return d;
}

TrainingConfig TrainingConfig::defaultsFor(const QString &arch)
{
    TrainingConfig c;
    c.arch = arch;
    if (arch == QLatin1String("textcnn")) {
        // Chosen by a sweep on the fortunes topics (docs/training.md): small embeddings and strong
        // dropout generalise best on a few thousand short texts.
        c.hidden = {0};
        c.embeddingDim = 32;
        c.dropout = 0.5;
        c.learningRate = 3e-2;
        c.batchSize = 32;
        c.epochs = 10;
    }
    return c;
}

QJsonObject TrainingConfig::toJson() const
{
    return {{QStringLiteral("data"), data.toJson()},
            {QStringLiteral("arch"), arch},
            {QStringLiteral("hidden"), intArray(hidden)},
            {QStringLiteral("activation"), activation},
            {QStringLiteral("dropout"), dropout},
            {QStringLiteral("embedding_dim"), embeddingDim},
            {QStringLiteral("channels"), intArray(channels)},
            {QStringLiteral("optimizer"), optimizer},
            {QStringLiteral("lr"), learningRate},
            {QStringLiteral("momentum"), momentum},
            {QStringLiteral("nesterov"), nesterov},
            {QStringLiteral("weight_decay"), weightDecay},
            {QStringLiteral("batch_size"), batchSize},
            {QStringLiteral("epochs"), epochs},
            {QStringLiteral("schedule"), schedule},
            {QStringLiteral("step_size"), stepSize},
            {QStringLiteral("gamma"), gamma},
            {QStringLiteral("grad_clip"), gradientClip},
            {QStringLiteral("patience"), patience},
            {QStringLiteral("monitor"), monitor},
            {QStringLiteral("seed"), QString::number(seed)},
            {QStringLiteral("threads"), threads},
            {QStringLiteral("log_every"), logEverySteps},
            {QStringLiteral("register"), registerAs},
            {QStringLiteral("description"), description},
            {QStringLiteral("from"), from}};
}

Result<TrainingConfig> TrainingConfig::fromJson(const QJsonObject &o)
{
    if (!o.contains(QStringLiteral("arch")) || !o.value(QStringLiteral("data")).isObject())
        return fail(Error::corrupt(QStringLiteral("training config has no 'arch' or 'data'")));
    TrainingConfig c;
    c.data = DataOptions::fromJson(o.value(QStringLiteral("data")).toObject());
    c.arch = o.value(QStringLiteral("arch")).toString(c.arch);
    c.hidden = intList(o.value(QStringLiteral("hidden")), c.hidden);
    c.activation = o.value(QStringLiteral("activation")).toString(c.activation);
    c.dropout = o.value(QStringLiteral("dropout")).toDouble(c.dropout);
    c.embeddingDim = o.value(QStringLiteral("embedding_dim")).toInt(c.embeddingDim);
    c.channels = intList(o.value(QStringLiteral("channels")), c.channels);
    c.optimizer = o.value(QStringLiteral("optimizer")).toString(c.optimizer);
    c.learningRate = o.value(QStringLiteral("lr")).toDouble(c.learningRate);
    c.momentum = o.value(QStringLiteral("momentum")).toDouble(c.momentum);
    c.nesterov = o.value(QStringLiteral("nesterov")).toBool(c.nesterov);
    c.weightDecay = o.value(QStringLiteral("weight_decay")).toDouble(c.weightDecay);
    c.batchSize = o.value(QStringLiteral("batch_size")).toInt(c.batchSize);
    c.epochs = o.value(QStringLiteral("epochs")).toInt(c.epochs);
    c.schedule = o.value(QStringLiteral("schedule")).toString(c.schedule);
    c.stepSize = o.value(QStringLiteral("step_size")).toInt(c.stepSize);
    c.gamma = o.value(QStringLiteral("gamma")).toDouble(c.gamma);
    c.gradientClip = o.value(QStringLiteral("grad_clip")).toDouble(c.gradientClip);
    c.patience = o.value(QStringLiteral("patience")).toInt(c.patience);
    c.monitor = o.value(QStringLiteral("monitor")).toString(c.monitor);
    c.seed = seedFrom(o.value(QStringLiteral("seed")), c.seed);
    c.threads = o.value(QStringLiteral("threads")).toInt(c.threads);
    c.logEverySteps = o.value(QStringLiteral("log_every")).toInt(c.logEverySteps);
    c.registerAs = o.value(QStringLiteral("register")).toString();
    c.description = o.value(QStringLiteral("description")).toString();
    c.from = o.value(QStringLiteral("from")).toString();
    return c;
}

Status TrainingConfig::validate() const
{
    static const QStringList kinds{QString(), QStringLiteral("csv"), QStringLiteral("text-csv"),
                                   QStringLiteral("idx"), QStringLiteral("fortunes")};
    if (data.path.isEmpty() && data.dataset.isEmpty())
        return invalid(QStringLiteral("no data: give a data path or a registered dataset name"));
    if (!kinds.contains(data.kind))
        return invalid(QStringLiteral("unknown data kind '%1' (use csv, text-csv, idx or fortunes)").arg(data.kind));
    if (!data.dataset.isEmpty()) {
        if (auto ok = Names::checkName(data.dataset, QStringLiteral("dataset")); !ok)
            return ok;
    }
    if (data.validationFraction < 0 || data.validationFraction >= 0.9)
        return invalid(QStringLiteral("validation fraction must be in [0, 0.9) (got %1)").arg(data.validationFraction));
    if (data.testFraction < 0 || data.testFraction >= 0.9 || data.validationFraction + data.testFraction >= 0.95)
        return invalid(QStringLiteral("test fraction must be in [0, 0.9) and leave data for training (got %1)")
                           .arg(data.testFraction));
    if (data.classes < 0 || data.classes == 1 || data.classes > 100000)
        return invalid(QStringLiteral("class count must be 0 (from the data) or between 2 and 100000 (got %1)")
                           .arg(data.classes));
    if (data.maxVocabulary < 2 || data.maxVocabulary > 5000000)
        return invalid(QStringLiteral("maximum vocabulary must be between 2 and 5000000 (got %1)").arg(data.maxVocabulary));
    if (data.minCount < 1)
        return invalid(QStringLiteral("minimum word count must be >= 1 (got %1)").arg(data.minCount));
    if (data.hashBuckets < 0 || data.hashBuckets > 5000000)
        return invalid(QStringLiteral("hash buckets must be between 0 and 5000000 (got %1)").arg(data.hashBuckets));
    if (data.maxTokens < 1 || data.maxTokens > 100000)
        return invalid(QStringLiteral("maximum tokens per text must be between 1 and 100000 (got %1)").arg(data.maxTokens));

    static const QStringList archs{QStringLiteral("mlp"), QStringLiteral("textcnn"), QStringLiteral("cnn")};
    if (!archs.contains(arch))
        return invalid(QStringLiteral("unknown architecture '%1' (use mlp, textcnn or cnn)").arg(arch));
    for (int h : hidden) {
        if (h < (arch == QLatin1String("textcnn") ? 0 : 1) || h > 65536)
            return invalid(QStringLiteral("hidden layer size must be between 1 and 65536 (got %1)").arg(h));
    }
    if (arch == QLatin1String("textcnn") && hidden.size() > 1)
        return invalid(QStringLiteral("the text classifier has one dense layer: give one hidden size (0 = none)"));
    static const QStringList activations{QStringLiteral("relu"), QStringLiteral("tanh"), QStringLiteral("gelu")};
    if (!activations.contains(activation))
        return invalid(QStringLiteral("unknown activation '%1' (use relu, tanh or gelu)").arg(activation));
    if (!(dropout >= 0 && dropout < 1))
        return invalid(QStringLiteral("dropout must be in [0, 1) (got %1)").arg(dropout));
    if (embeddingDim < 1 || embeddingDim > 4096)
        return invalid(QStringLiteral("embedding size must be between 1 and 4096 (got %1)").arg(embeddingDim));
    if (channels.size() != 2 || channels[0] < 1 || channels[1] < 1 || channels[0] > 1024 || channels[1] > 1024)
        return invalid(QStringLiteral("CNN channels must be two sizes between 1 and 1024, e.g. 32,64"));

    static const QStringList optimizers{QStringLiteral("sgd"), QStringLiteral("adam"), QStringLiteral("adamw")};
    if (!optimizers.contains(optimizer))
        return invalid(QStringLiteral("unknown optimizer '%1' (use sgd, adam or adamw)").arg(optimizer));
    if (!(learningRate > 0 && learningRate <= 10))
        return invalid(QStringLiteral("learning rate must be in (0, 10] (got %1)").arg(learningRate));
    if (!(momentum >= 0 && momentum < 1))
        return invalid(QStringLiteral("momentum must be in [0, 1) (got %1)").arg(momentum));
    if (nesterov && (optimizer != QLatin1String("sgd") || momentum <= 0))
        return invalid(QStringLiteral("nesterov needs the sgd optimizer with momentum > 0"));
    if (!(weightDecay >= 0 && weightDecay < 1))
        return invalid(QStringLiteral("weight decay must be in [0, 1) (got %1)").arg(weightDecay));
    if (batchSize < 1 || batchSize > 65536)
        return invalid(QStringLiteral("batch size must be between 1 and 65536 (got %1)").arg(batchSize));
    if (epochs < 1 || epochs > 100000)
        return invalid(QStringLiteral("epochs must be between 1 and 100000 (got %1)").arg(epochs));
    static const QStringList schedules{QStringLiteral("constant"), QStringLiteral("step"), QStringLiteral("cosine")};
    if (!schedules.contains(schedule))
        return invalid(QStringLiteral("unknown schedule '%1' (use constant, step or cosine)").arg(schedule));
    if (stepSize < 1)
        return invalid(QStringLiteral("step size must be >= 1 epoch (got %1)").arg(stepSize));
    if (!(gamma > 0 && gamma <= 1))
        return invalid(QStringLiteral("gamma must be in (0, 1] (got %1)").arg(gamma));
    if (!(gradientClip >= 0) || std::isinf(gradientClip))
        return invalid(QStringLiteral("gradient clip must be >= 0 (got %1)").arg(gradientClip));
    if (patience < 0)
        return invalid(QStringLiteral("patience must be >= 0 (got %1)").arg(patience));
    if (monitor != QLatin1String("validation_accuracy") && monitor != QLatin1String("validation_loss"))
        return invalid(QStringLiteral("unknown monitor '%1' (use validation_accuracy or validation_loss)").arg(monitor));
    if (patience > 0 && data.validationFraction <= 0)
        return invalid(QStringLiteral("early stopping needs a validation split (validation fraction > 0)"));
    if (threads < 1 || threads > 256)
        return invalid(QStringLiteral("threads must be between 1 and 256 (got %1)").arg(threads));
    if (logEverySteps < 1)
        return invalid(QStringLiteral("log interval must be >= 1 step (got %1)").arg(logEverySteps));
    if (!registerAs.isEmpty()) {
        if (auto ok = Names::checkName(registerAs, QStringLiteral("model")); !ok)
            return ok;
    }
    if (!from.isEmpty()) {
        if (auto ref = Names::parseModelRef(from); !ref)
            return fail(ref.error());
    }
    return {};
}

} // namespace ModelDesk::Training
