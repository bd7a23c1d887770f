// The training loop, evaluation and checkpoints (LibTorch). Export lives in trainerexport.cpp.
#include "trainer.h"

#include "artifacts/masterkey.h"
#include "core/faultinjection.h"
#include "core/logging.h"
#include "trainerprivate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <dlfcn.h>

#include <cmath>
#include <sstream>

namespace ModelDesk::Training {

using namespace Torch;

namespace {

constexpr qint64 EvalBatch = 1024;
const QString CheckpointState = QStringLiteral("checkpoint.json");

Status writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return fail(Error::io(QStringLiteral("cannot write %1: %2").arg(path, f.errorString())));
    if (f.write(bytes) != bytes.size() || !f.commit())
        return fail(Error::io(QStringLiteral("cannot write %1: %2").arg(path, f.errorString())));
    return {};
}

QString sha256(const QByteArray &b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

double learningRateFor(const TrainingConfig &c, int epochIndex)
{
    if (c.schedule == QLatin1String("step"))
        return c.learningRate * std::pow(c.gamma, double(epochIndex / c.stepSize));
    if (c.schedule == QLatin1String("cosine"))
        return c.learningRate * 0.5 * (1.0 + std::cos(M_PI * double(epochIndex) / double(c.epochs)));
    return c.learningRate;
}

} // namespace

// ---- Private -------------------------------------------------------------------------------------

SplitData Trainer::Private::buildSplit(const Dataset &data, const std::vector<int64_t> &rows) const
{
    SplitData s;
    s.rows = int64_t(rows.size());
    std::vector<int64_t> labels(rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        labels[i] = data.labels[size_t(rows[i])];
    s.y = torch::tensor(labels, torch::kInt64);
    if (rows.empty())
        return s;
    const auto index = torch::tensor(rows, torch::kInt64);
    switch (preprocessing.input) {
    case InputKind::Features: {
        const auto all = torch::from_blob(const_cast<float *>(data.features.data()),
                                          {data.rows(), int64_t(data.featureNames.size())}, torch::kFloat32);
        s.x = all.index_select(0, index);
        break;
    }
    case InputKind::Image: {
        const auto all = torch::from_blob(const_cast<uint8_t *>(data.pixels.data()),
                                          {data.rows(), int64_t(data.height) * data.width}, torch::kUInt8);
        // Kept as bytes (a quarter of the memory); batches are converted and standardised as they are drawn.
        s.x = all.index_select(0, index);
        break;
    }
    case InputKind::Text: {
        const TextEncoder encoder(preprocessing);
        s.starts.reserve(rows.size());
        s.lengths.reserve(rows.size());
        for (int64_t r : rows) {
            s.starts.push_back(int64_t(s.tokens.size()));
            s.lengths.push_back(encoder.encode(data.texts[r], s.tokens));
        }
        break;
    }
    }
    return s;
}

torch::Tensor Trainer::Private::standardise(torch::Tensor fresh) const
{
    // The same arithmetic as the exported forward, element by element, so both see identical numbers.
    torch::Tensor x = fresh.scalar_type() == torch::kFloat32 ? std::move(fresh) : fresh.to(torch::kFloat32);
    return x.mul_(preprocessing.scale).sub_(meanTensor).div_(stdTensor);
}

Batch Trainer::Private::batch(const SplitData &s, const torch::Tensor &index) const
{
    Batch b;
    b.y = s.y.index_select(0, index);
    if (preprocessing.input != InputKind::Text) {
        b.x = standardise(s.x.index_select(0, index));
        return b;
    }
    const int64_t n = index.size(0);
    const int64_t *rows = index.data_ptr<int64_t>();
    std::vector<int64_t> offsets(static_cast<size_t>(n));
    int64_t total = 0;
    for (int64_t i = 0; i < n; ++i) {
        offsets[size_t(i)] = total;
        total += s.lengths[size_t(rows[i])];
    }
    auto tokens = torch::empty({total}, torch::kInt64);
    int64_t *out = tokens.data_ptr<int64_t>();
    for (int64_t i = 0; i < n; ++i) {
        const int64_t r = rows[i];
        std::copy_n(s.tokens.data() + s.starts[size_t(r)], s.lengths[size_t(r)], out + offsets[size_t(i)]);
    }
    b.x = tokens;
    b.offsets = torch::tensor(offsets, torch::kInt64);
    return b;
}

const SplitData &Trainer::Private::split(Split which) const
{
    switch (which) {
    case Split::Train: return train;
    case Split::Validation: return validation;
    case Split::Test: return test;
    }
    return test;
}

void Trainer::Private::makeOptimizer()
{
    auto params = net->parameters();
    if (config.optimizer == QLatin1String("sgd")) {
        optimizer = std::make_unique<torch::optim::SGD>(params, torch::optim::SGDOptions(config.learningRate)
                                                                    .momentum(config.momentum)
                                                                    .nesterov(config.nesterov)
                                                                    .weight_decay(config.weightDecay));
    } else if (config.optimizer == QLatin1String("adamw")) {
        optimizer = std::make_unique<torch::optim::AdamW>(
            params, torch::optim::AdamWOptions(config.learningRate).weight_decay(config.weightDecay));
    } else {
        optimizer = std::make_unique<torch::optim::Adam>(
            params, torch::optim::AdamOptions(config.learningRate).weight_decay(config.weightDecay));
    }
}

Result<ClassificationReport> Trainer::Private::evaluate(const SplitData &s)
{
    std::vector<int64_t> labels(size_t(s.rows));
    std::vector<int64_t> predictions(size_t(s.rows));
    double lossSum = 0;
    if (s.rows > 0) {
        torch::InferenceMode guard;
        net->eval();
        for (int64_t start = 0; start < s.rows; start += EvalBatch) {
            const int64_t end = std::min<int64_t>(s.rows, start + EvalBatch);
            const Batch b = batch(s, torch::arange(start, end, torch::kInt64));
            const auto logits = net->forward(b.x, b.offsets);
            lossSum += torch::nn::functional::cross_entropy(
                           logits, b.y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                           .item<double>();
            const auto pred = logits.argmax(1).contiguous();
            std::copy_n(pred.data_ptr<int64_t>(), end - start, predictions.data() + start);
            std::copy_n(b.y.data_ptr<int64_t>(), end - start, labels.data() + start);
        }
        net->train();
    }
    return ClassificationReport::fromPredictions(classNames, labels, predictions,
                                                 s.rows > 0 ? lossSum / double(s.rows) : 0.0);
}

void Trainer::Private::rememberBest()
{
    best.clear();
    for (const auto &p : net->named_parameters())
        best.emplace_back(p.key(), p.value().detach().clone());
}

void Trainer::Private::restoreBest()
{
    torch::NoGradGuard guard;
    auto params = net->named_parameters();
    for (const auto &[name, value] : best)
        params[name].copy_(value);
}

// ---- Trainer --------------------------------------------------------------------------------------

Trainer::Trainer() : d(std::make_unique<Private>()) {}
Trainer::~Trainer() = default;

void Trainer::applyThreads(int threads)
{
    at::set_num_threads(std::max(1, threads));
    // LibTorch does not set OpenBLAS's own pool; the pthread OpenBLAS would otherwise use every core.
    using SetThreads = void (*)(int);
    static const auto setBlasThreads = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (setBlasThreads)
        setBlasThreads(std::max(1, threads));
}

Result<std::unique_ptr<Trainer>> Trainer::create(const TrainingConfig &config, const Dataset &dataset,
                                                 const SplitIndices &split, const Preprocessing &preprocessing)
{
    std::unique_ptr<Trainer> t(new Trainer);
    Private &p = *t->d;
    p.config = config;
    p.preprocessing = preprocessing;
    p.classNames = dataset.classNames;
    try {
        applyThreads(config.threads);
        if (preprocessing.input != dataset.input())
            return fail(Error::invalid(QStringLiteral("the model's preprocessing expects other data (%1)")
                                           .arg(preprocessing.toJson().value(QStringLiteral("input")).toString())));
        if (preprocessing.input != InputKind::Text && preprocessing.featureCount() != dataset.featureCount())
            return fail(Error::invalid(QStringLiteral("the model expects %1 features per row; the data has %2")
                                           .arg(preprocessing.featureCount())
                                           .arg(dataset.featureCount())));
        torch::manual_seed(mixSeed(config.seed, 3));
        auto net = makeClassifier(config, preprocessing, int(dataset.classNames.size()));
        if (!net)
            return fail(net.error());
        p.net = *net;
        p.makeOptimizer();
        p.meanTensor = torch::tensor(std::vector<float>(preprocessing.mean.begin(), preprocessing.mean.end()));
        p.stdTensor = torch::tensor(std::vector<float>(preprocessing.stddev.begin(), preprocessing.stddev.end()));
        p.train = p.buildSplit(dataset, split.train);
        p.validation = p.buildSplit(dataset, split.validation);
        p.test = p.buildSplit(dataset, split.test);
        // A few real rows, raw, to verify the export (test rows first: they are what users send).
        const std::vector<int64_t> &source = !split.test.empty() ? split.test
                                             : !split.validation.empty() ? split.validation
                                                                         : split.train;
        p.checkRows.assign(source.begin(), source.begin() + std::min<size_t>(8, source.size()));
        p.checkSplit = p.buildSplit(dataset, p.checkRows);
        p.checkRaw = p.rawInput(dataset, p.checkRows);
    } catch (const std::exception &e) {
        return fail(Error::internal(QStringLiteral("cannot build the network: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0))));
    }
    return t;
}

QString Trainer::architectureSummary() const
{
    QStringList lines = d->net->describe();
    lines.append(QStringLiteral("total  %1 parameters").arg(parameterCount()));
    return lines.join(QLatin1Char('\n'));
}

qint64 Trainer::parameterCount() const
{
    qint64 n = 0;
    for (const auto &p : d->net->parameters())
        n += p.numel();
    return n;
}

qint64 Trainer::stepsPerEpoch() const { return (d->train.rows + d->config.batchSize - 1) / d->config.batchSize; }

int Trainer::epochsDone() const { return d->state.epochsDone; }

Status Trainer::initializeFrom(const QByteArray &torchScript)
{
    try {
        torch::jit::Module parent = torch::jit::load(std::make_shared<ByteArrayReader>(torchScript), c10::Device(c10::kCPU));
        std::map<std::string, torch::Tensor> available;
        for (const auto &p : parent.named_parameters(false))
            available[p.name] = p.value;
        torch::NoGradGuard guard;
        for (auto &p : d->net->named_parameters()) {
            const std::string name = exportName(p.key());
            const auto it = available.find(name);
            if (it == available.end())
                return fail(Error::invalid(QStringLiteral("the parent model has no parameter '%1': not the same architecture")
                                               .arg(QString::fromStdString(name))));
            if (!it->second.sizes().equals(p.value().sizes())) {
                auto dims = [](const torch::Tensor &t) -> QString {
                    QStringList s;
                    for (int64_t v : t.sizes())
                        s.append(QString::number(v));
                    return QLatin1Char('[') + s.join(QLatin1Char(',')) + QLatin1Char(']');
                };
                return fail(Error::invalid(QStringLiteral("the parent model's %1 is %2, this run needs %3: not the same architecture")
                                               .arg(QString::fromStdString(name), dims(it->second), dims(p.value()))));
            }
            p.value().copy_(it->second);
        }
    } catch (const std::exception &e) {
        return fail(Error::invalid(QStringLiteral("cannot read the parent model: %1")
                                       .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0))));
    }
    return {};
}

bool Trainer::hasCheckpoint(const QString &dir) { return QFile::exists(dir + QLatin1Char('/') + CheckpointState); }

void Trainer::setRunFiles(Artifacts::RunFiles files) { d->runFiles = std::move(files); }

Status Trainer::saveCheckpoint(const QString &dir) const
{
    // Serialised straight into a buffer we own, so it can be wiped: with encryption at rest on, the
    // only plaintext copy of the weights outside torch's tensors.
    QByteArray bytes;
    try {
        torch::serialize::OutputArchive archive;
        torch::serialize::OutputArchive model;
        torch::serialize::OutputArchive optimizer;
        d->net->save(model);
        d->optimizer->save(optimizer);
        archive.write("model", model);
        archive.write("optimizer", optimizer);
        if (!d->best.empty()) {
            torch::serialize::OutputArchive best;
            for (const auto &[name, value] : d->best)
                best.write(name, value);
            archive.write("best", best);
        }
        archive.save_to([&bytes](const void *data, size_t size) -> size_t {
            bytes.append(static_cast<const char *>(data), qsizetype(size));
            return size;
        });
    } catch (const std::exception &e) {
        Artifacts::secureWipe(bytes);
        return fail(Error::internal(QStringLiteral("cannot serialise the checkpoint: %1").arg(QString::fromUtf8(e.what()))));
    }
    const QString file = QStringLiteral("checkpoint-%1.pt").arg(d->state.epochsDone);
    const QString digest = sha256(bytes);
    const Status written = d->runFiles.write(dir + QLatin1Char('/') + file, bytes, digest);
    Artifacts::secureWipe(bytes);
    if (!written)
        return written;
    faultPoint("train:checkpoint:written"); // the new .pt is on disk, checkpoint.json still names the old
    const QJsonObject state{{QStringLiteral("file"), file},
                            {QStringLiteral("sha256"), digest},
                            {QStringLiteral("epochs_done"), d->state.epochsDone},
                            {QStringLiteral("global_step"), d->state.globalStep},
                            {QStringLiteral("best_epoch"), d->state.bestEpoch},
                            {QStringLiteral("best_metric"), d->state.bestMetric},
                            {QStringLiteral("bad_epochs"), d->state.badEpochs},
                            {QStringLiteral("stopped_early"), d->state.stoppedEarly},
                            {QStringLiteral("train_seconds"), d->state.trainSeconds},
                            {QStringLiteral("preprocessing"), d->preprocessing.toJson()}};
    if (auto ok = writeAtomically(dir + QLatin1Char('/') + CheckpointState, QJsonDocument(state).toJson()); !ok)
        return ok;
    faultPoint("train:checkpoint:recorded"); // before the older checkpoints are removed
    // The state file now names the new checkpoint; older ones are no longer needed.
    const QStringList old = QDir(dir).entryList({QStringLiteral("checkpoint-*.pt")}, QDir::Files);
    for (const QString &name : old) {
        if (name != file)
            QFile::remove(dir + QLatin1Char('/') + name);
    }
    return {};
}

Status Trainer::loadCheckpoint(const QString &dir)
{
    QFile stateFile(dir + QLatin1Char('/') + CheckpointState);
    if (!stateFile.open(QIODevice::ReadOnly))
        return fail(Error::notFound(QStringLiteral("no checkpoint in %1").arg(dir)));
    const QJsonObject state = QJsonDocument::fromJson(stateFile.readAll()).object();
    const QString file = state.value(QStringLiteral("file")).toString();
    const QString digest = state.value(QStringLiteral("sha256")).toString();
    if (file.isEmpty() || file.contains(QLatin1Char('/')) || digest.size() != 64)
        return fail(Error::corrupt(QStringLiteral("%1 is not a checkpoint state file").arg(stateFile.fileName())));
    const QString path = dir + QLatin1Char('/') + file;
    if (!QFileInfo(path).isFile())
        return fail(Error::corrupt(QStringLiteral("checkpoint file %1 is missing").arg(path)));
    // Decrypted (when encrypted at rest) and checked against the digest in memory; torch reads the
    // buffer in place, and it is wiped after.
    auto bytes = d->runFiles.read(path, digest);
    if (!bytes)
        return fail(bytes.error().code == Error::Code::Corrupt
                        ? Error::corrupt(QStringLiteral("cannot resume from the checkpoint: %1").arg(bytes.error().message))
                        : bytes.error());
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(bytes->constData(), size_t(bytes->size()));
        torch::serialize::InputArchive model;
        torch::serialize::InputArchive optimizer;
        archive.read("model", model);
        archive.read("optimizer", optimizer);
        d->net->load(model);
        d->optimizer->load(optimizer);
        d->best.clear();
        torch::serialize::InputArchive best;
        if (archive.try_read("best", best)) {
            for (const auto &p : d->net->named_parameters()) {
                torch::Tensor t;
                best.read(p.key(), t);
                d->best.emplace_back(p.key(), t);
            }
        }
    } catch (const std::exception &e) {
        Artifacts::secureWipe(*bytes);
        return fail(Error::corrupt(QStringLiteral("cannot load checkpoint %1: %2")
                                       .arg(path, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0))));
    }
    Artifacts::secureWipe(*bytes);
    d->state.epochsDone = state.value(QStringLiteral("epochs_done")).toInt();
    d->state.globalStep = qint64(state.value(QStringLiteral("global_step")).toDouble());
    d->state.bestEpoch = state.value(QStringLiteral("best_epoch")).toInt();
    d->state.bestMetric = state.value(QStringLiteral("best_metric")).toDouble();
    d->state.badEpochs = state.value(QStringLiteral("bad_epochs")).toInt();
    d->state.stoppedEarly = state.value(QStringLiteral("stopped_early")).toBool();
    d->state.trainSeconds = state.value(QStringLiteral("train_seconds")).toDouble();
    return {};
}

Result<TrainResult> Trainer::train(const TrainerHooks &hooks, const QString &checkpointDir)
{
    Private &p = *d;
    TrainResult result;
    try {
        applyThreads(p.config.threads);
        const int64_t n = p.train.rows;
        const int64_t batchSize = p.config.batchSize;
        const qint64 steps = stepsPerEpoch();
        const int epochs = p.config.epochs;
        const qint64 totalSteps = steps * epochs;
        const bool monitorLoss = p.config.monitor == QLatin1String("validation_loss");
        QElapsedTimer total;
        total.start();
        qint64 stepsThisCall = 0;
        qint64 samplesThisCall = 0;
        p.net->train();
        for (int epoch = p.state.epochsDone; epoch < epochs && !p.state.stoppedEarly; ++epoch) {
            QElapsedTimer epochTimer;
            epochTimer.start();
            const double lr = learningRateFor(p.config, epoch);
            for (auto &group : p.optimizer->param_groups())
                group.options().set_lr(lr);
            // Per-epoch streams: a resumed run draws exactly what an uninterrupted one would.
            torch::manual_seed(mixSeed(p.config.seed, 2000 + quint64(epoch)));
            const std::vector<int64_t> order = shuffledIndices(n, mixSeed(p.config.seed, 1000 + quint64(epoch)));
            const auto orderTensor = torch::tensor(order, torch::kInt64);

            double epochLoss = 0, windowLoss = 0;
            int64_t epochCorrect = 0, windowCorrect = 0, windowSamples = 0;
            int windowSteps = 0;
            qint64 lastProgress = -1000;
            for (qint64 s = 0; s < steps; ++s) {
                if (hooks.shouldStop && hooks.shouldStop()) {
                    result.cancelled = true;
                    break;
                }
                const int64_t start = s * batchSize;
                const int64_t end = std::min(n, start + batchSize);
                const Batch b = p.batch(p.train, orderTensor.slice(0, start, end));
                p.optimizer->zero_grad();
                const auto logits = p.net->forward(b.x, b.offsets);
                const auto loss = torch::nn::functional::cross_entropy(logits, b.y);
                loss.backward();
                if (p.config.gradientClip > 0)
                    torch::nn::utils::clip_grad_norm_(p.net->parameters(), p.config.gradientClip);
                p.optimizer->step();

                const double l = loss.item<double>();
                if (!std::isfinite(l))
                    return fail(Error::invalid(QStringLiteral("the loss became %1 at epoch %2, step %3: lower the learning rate "
                                                              "(now %4) or enable gradient clipping")
                                                   .arg(l)
                                                   .arg(epoch + 1)
                                                   .arg(s + 1)
                                                   .arg(lr)));
                const int64_t correct = logits.argmax(1).eq(b.y).sum().item<int64_t>();
                const int64_t size = end - start;
                epochLoss += l * double(size);
                epochCorrect += correct;
                windowLoss += l;
                windowCorrect += correct;
                windowSamples += size;
                ++windowSteps;
                ++p.state.globalStep;
                ++stepsThisCall;
                samplesThisCall += size;

                const double elapsed = double(total.nsecsElapsed()) / 1e9;
                const double rate = elapsed > 0 ? double(samplesThisCall) / elapsed : 0;
                if (windowSteps >= p.config.logEverySteps || s + 1 == steps) {
                    if (hooks.step)
                        hooks.step({{}, epoch + 1, p.state.globalStep, windowLoss / windowSteps,
                                    double(windowCorrect) / double(std::max<int64_t>(windowSamples, 1)), lr, rate});
                    windowLoss = 0;
                    windowCorrect = windowSamples = 0;
                    windowSteps = 0;
                }
                const qint64 nowMs = total.elapsed();
                if (hooks.progress && (nowMs - lastProgress >= 100 || s + 1 == steps)) {
                    lastProgress = nowMs;
                    const qint64 done = qint64(epoch) * steps + s + 1;
                    const double perStep = elapsed / double(stepsThisCall);
                    hooks.progress({{}, epoch + 1, epochs, s + 1, steps, p.state.globalStep, totalSteps,
                                    double(done) / double(totalSteps), rate, perStep * double(totalSteps - done),
                                    epochLoss / double(end)});
                }
            }
            if (result.cancelled)
                break;

            EpochMetrics m;
            m.epoch = epoch + 1;
            m.step = p.state.globalStep;
            m.trainLoss = epochLoss / double(std::max<int64_t>(n, 1));
            m.trainAccuracy = double(epochCorrect) / double(std::max<int64_t>(n, 1));
            m.learningRate = lr;
            if (p.validation.rows > 0) {
                auto report = p.evaluate(p.validation);
                if (!report)
                    return fail(report.error());
                m.hasValidation = true;
                m.validationLoss = report->loss;
                m.validationAccuracy = report->accuracy;
                const double metric = monitorLoss ? report->loss : report->accuracy;
                m.improved = p.state.bestEpoch == 0 || (monitorLoss ? metric < p.state.bestMetric : metric > p.state.bestMetric);
                if (m.improved) {
                    p.state.bestEpoch = epoch + 1;
                    p.state.bestMetric = metric;
                    p.state.badEpochs = 0;
                    if (p.config.patience > 0)
                        p.rememberBest();
                } else {
                    ++p.state.badEpochs;
                    if (p.config.patience > 0 && p.state.badEpochs >= p.config.patience)
                        p.state.stoppedEarly = true;
                }
            }
            m.seconds = double(epochTimer.nsecsElapsed()) / 1e9;
            m.samplesPerSecond = m.seconds > 0 ? double(n) / m.seconds : 0;
            p.state.epochsDone = epoch + 1;
            p.state.trainSeconds += m.seconds;
            if (!checkpointDir.isEmpty()) {
                if (auto ok = saveCheckpoint(checkpointDir); !ok)
                    return fail(ok.error());
            }
            if (hooks.epoch)
                hooks.epoch(m);
        }
        if (!result.cancelled && p.config.patience > 0 && !p.best.empty() && p.state.bestEpoch != p.state.epochsDone)
            p.restoreBest();
        result.seconds = double(total.nsecsElapsed()) / 1e9;
        result.samplesPerSecond = result.seconds > 0 ? double(samplesThisCall) / result.seconds : 0;
    } catch (const std::exception &e) {
        return fail(Error::internal(QStringLiteral("training failed: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0))));
    }
    result.epochsDone = p.state.epochsDone;
    result.stoppedEarly = p.state.stoppedEarly;
    result.bestEpoch = p.state.bestEpoch;
    result.bestMetric = p.state.bestMetric;
    result.globalStep = p.state.globalStep;
    return result;
}

Result<ClassificationReport> Trainer::evaluate(Split which)
{
    try {
        applyThreads(d->config.threads);
        return d->evaluate(d->split(which));
    } catch (const std::exception &e) {
        return fail(Error::internal(QStringLiteral("evaluation failed: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0))));
    }
}

} // namespace ModelDesk::Training
