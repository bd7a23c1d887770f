#include "demorunner.h"

#include "catalogclient.h"
#include "demoload.h"
#include "demomodel.h"
#include "uiformat.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "runtime/deploymentmanager.h"
#include "serving/servinghost.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <algorithm>
#include <chrono>
#include <exception>

// Q_INIT_RESOURCE must be called outside any namespace; the data is in this static library.
static void initDemoResources()
{
    Q_INIT_RESOURCE(demo);
}

using namespace ModelDesk;
using namespace std::chrono_literals;

// Step lines on stderr too: run-demo.sh and screenshots.sh report the time to "live" from them.
Q_LOGGING_CATEGORY(lcDemo, "modeldesk.demo")

namespace {

Error exceptionError(const std::exception &e)
{
    return Error::internal(QString::fromLocal8Bit(e.what()));
}

} // namespace

// What the data step hands over (built on the worker, moved to the GUI thread).
struct DemoRunner::Prepared
{
    std::shared_ptr<const DemoData> data;
    QString path;
    bool fallback = false;
    int existingVersion = 0;  // the demo model's alias target when the workspace already has it
};

template <typename Work, typename Done>
void DemoRunner::runAsync(Work work, Done done)
{
    const quint64 generation = m_generation;
    m_pool.start([this, generation, work = std::move(work), done = std::move(done)]() mutable {
        // No exception may cross the thread boundary: it becomes the step's error.
        using R = decltype(work());
        std::optional<R> result;
        try {
            result.emplace(work());
        } catch (const std::exception &e) {
            result.emplace(fail(exceptionError(e)));
        } catch (...) {
            result.emplace(fail(Error::internal(QStringLiteral("unknown exception"))));
        }
        // Queued to this object: dropped by Qt if the runner is gone (the destructor waits for the pool).
        QMetaObject::invokeMethod(this, [this, generation, done = std::move(done), r = std::move(*result)]() mutable {
            if (generation == m_generation)
                done(std::move(r));
        }, Qt::QueuedConnection);
    });
}

DemoRunner::DemoRunner(CatalogClient &client, Serving::ServingHost &host, DemoOptions options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_host(host)
    , m_options(std::move(options))
{
    initDemoResources();
    qRegisterMetaType<DemoSample>();
    // Training has a thread of its own, so a deploy wait never queues behind it, and one job at a time
    // (intra-op threads are process-wide).
    m_pool.setMaxThreadCount(2);
    m_pool.setObjectName(QStringLiteral("demo"));
    m_trainingPool.setMaxThreadCount(1);
    m_trainingPool.setObjectName(QStringLiteral("demo-training"));
}

DemoRunner::~DemoRunner()
{
    ++m_generation;
    if (m_job)
        m_job->cancel();
    m_load.reset();
    m_trainingPool.waitForDone();
    m_pool.waitForDone();
}

QString DemoRunner::actor() const
{
    return m_options.actor.isEmpty() ? currentOsUser() : m_options.actor;
}

bool DemoRunner::isLoadRunning() const { return m_load && m_load->isRunning(); }
qint64 DemoRunner::requestsAnswered() const { return m_load ? m_load->answered() : 0; }
qint64 DemoRunner::requestsFailed() const { return m_load ? m_load->failed() : 0; }

QString DemoRunner::stepName(Step step)
{
    switch (step) {
    case Step::Data: return tr("Data");
    case Step::Training: return tr("Training");
    case Step::Registering: return tr("Version");
    case Step::Deploying: return tr("Deployment");
    case Step::Load: return tr("Traffic");
    }
    return {};
}

QStringList DemoRunner::fashionClassNames()
{
    // The Fashion-MNIST label names (Zalando's README); stored and served in English like the
    // dataset itself, shown translated by ClassNames::display.
    return {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
            QStringLiteral("Dress"), QStringLiteral("Coat"), QStringLiteral("Sandal"), QStringLiteral("Shirt"),
            QStringLiteral("Sneaker"), QStringLiteral("Bag"), QStringLiteral("Ankle boot")};
}

bool DemoRunner::hasFashionMnist(const QString &dir)
{
    return hasFashionMnistFiles(dir);
}

void DemoRunner::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void DemoRunner::failStep(Step step, const QString &message)
{
    qCWarning(lcDemo).noquote() << stepName(step) << "failed:" << message;
    Q_EMIT stepFinished(step, false, message);
    Q_EMIT error(tr("Demo: %1").arg(message));
    setState(State::Failed);
}

void DemoRunner::start()
{
    if (isBusy())
        return;
    ++m_generation;
    m_clock.start();
    m_secondsToLive = -1;
    m_version = 0;
    setState(State::Running);
    runData();
}

void DemoRunner::cancel()
{
    if (m_state != State::Running)
        return;
    ++m_generation; // answers of work in flight are ignored from now on
    if (m_job)
        m_job->cancel();
    stopLoad();
    Q_EMIT info(tr("Demo cancelled; what it already created stays until you remove the demo."));
    setState(State::Cancelled);
}

void DemoRunner::runData()
{
    Q_EMIT stepStarted(Step::Data, tr("Looking for Fashion-MNIST…"));
    const QString system = m_options.fashionMnistPath;
    const QString root = m_host.catalog().workspace().root();
    const QString model = m_options.model;
    const QString alias = m_options.alias;
    Registry::ModelCatalog *catalog = &m_host.catalog();
    runAsync(
        [=]() -> Result<Prepared> {
            Prepared p;
            p.fallback = !hasFashionMnist(system);
            if (p.fallback) {
                auto dir = extractDemoFallbackData(root);
                if (!dir)
                    return fail(dir.error());
                p.path = *dir;
            } else {
                p.path = system;
            }
            auto data = loadDemoTestImages(p.path, fashionClassNames());
            if (!data)
                return fail(data.error());
            p.data = *data;
            if (Status s = checkDemoOwnsModel(*catalog, model); !s)
                return fail(s.error());
            if (auto v = catalog->resolve(model + QLatin1Char('@') + alias))
                p.existingVersion = v->version;
            return p;
        },
        [this](Result<Prepared> r) {
            if (!r)
                return failStep(Step::Data, UiFormat::errorText(r.error()));
            m_data = r->data;
            m_dataPath = r->path;
            m_fallback = r->fallback;
            if (m_fallback)
                Q_EMIT warning(tr("Fashion-MNIST is not installed: the demo uses its small built-in set (%1 test "
                                  "images). Install the package dataset-fashion-mnist for the full demo.")
                                   .arg(m_data->count()));
            Q_EMIT stepFinished(Step::Data, true,
                                m_fallback ? tr("Built-in sample of Fashion-MNIST (install dataset-fashion-mnist "
                                                "for the full set)")
                                           : tr("Fashion-MNIST from %1").arg(m_dataPath));
            if (r->existingVersion > 0) {
                m_version = r->existingVersion;
                Q_EMIT stepFinished(Step::Training, true,
                                    tr("Already trained: %1 version %2").arg(m_options.model).arg(m_version));
                Q_EMIT stepFinished(Step::Registering, true,
                                    tr("%1:%2 is %3").arg(m_options.model).arg(m_version).arg(m_options.alias));
                runDeploying();
                return;
            }
            runTraining();
        });
}

void DemoRunner::runTraining()
{
    Training::TrainingRequest request;
    Training::TrainingConfig &c = request.config;
    c = Training::TrainingConfig::defaultsFor(QStringLiteral("mlp"));
    c.data.path = m_dataPath;
    c.data.kind = QStringLiteral("idx");
    c.data.classNames = fashionClassNames();
    c.data.classes = int(c.data.classNames.size());
    if (m_fallback)
        c.data.dataset = m_options.fallbackDataset;
    // Two passes over 60 000 images: ~85% test accuracy in about two seconds on one core; the small
    // built-in set needs a few more passes.
    c.epochs = m_options.epochs > 0 ? m_options.epochs : (m_fallback ? 5 : 2);
    c.logEverySteps = m_fallback ? 2 : 20;
    c.threads = std::max(1, m_options.trainingThreads);
    c.registerAs = m_options.model;
    c.description = tr("First-run demo: an MLP trained on Fashion-MNIST by the console");
    request.actor = actor();

    // The previous job (cancelled or finished) may still be returning from run(): wait for it.
    m_trainingPool.waitForDone();
    m_job = std::make_unique<Training::TrainingJob>(&m_host.catalog(), request);
    m_jobRunning = true;
    Training::TrainingJob *job = m_job.get();
    const quint64 generation = m_generation;
    connect(job, &Training::TrainingJob::started, this, [this](const QString &runId, const QString &) {
        Q_EMIT info(tr("Demo: training run %1 started.").arg(runId));
    });
    connect(job, &Training::TrainingJob::progress, this, [this](const Training::TrainingProgress &p) {
        Q_EMIT trainingProgress(p.fraction, tr("epoch %1/%2, %3 images/s").arg(p.epoch).arg(p.epochs)
                                                .arg(qRound64(p.samplesPerSecond)));
    });
    connect(job, &Training::TrainingJob::phase, this, [this](const QString &text) {
        Q_EMIT trainingProgress(1.0, text);
    });
    connect(job, &Training::TrainingJob::finished, this,
            [this, generation](const Training::TrainingOutcome &outcome) {
                m_jobRunning = false;
                Q_EMIT trainingFinished(outcome.runId, outcome.ok());
                if (m_resetPending)
                    removeDemo();
                else if (generation == m_generation)
                    onTrainingFinished(outcome);
            });
    Q_EMIT stepStarted(Step::Training, tr("Training an MLP (%1 epoch(s))…").arg(c.epochs));
    m_client.trainingJobs().add(job); // the Training page follows it live
    m_trainingPool.start(job);
    Q_EMIT trainingStarted(job);
}

void DemoRunner::onTrainingFinished(const Training::TrainingOutcome &outcome)
{
    if (!outcome.ok()) {
        if (outcome.state == QLatin1String("cancelled")) {
            Q_EMIT stepFinished(Step::Training, false, tr("Cancelled"));
            setState(State::Cancelled);
            return;
        }
        return failStep(Step::Training, outcome.errorMessage);
    }
    const double accuracy = outcome.metrics.value(QStringLiteral("test_accuracy")).toDouble(-1);
    Q_EMIT stepFinished(Step::Training, true,
                        accuracy >= 0 ? tr("Trained in %1 s, test accuracy %2%")
                                            .arg(outcome.trainSeconds, 0, 'f', 1)
                                            .arg(accuracy * 100, 0, 'f', 1)
                                      : tr("Trained in %1 s").arg(outcome.trainSeconds, 0, 'f', 1));
    if (outcome.version <= 0)
        return failStep(Step::Registering, tr("the training run %1 registered no version").arg(outcome.runId));
    runRegistering(outcome.version);
}

void DemoRunner::runRegistering(int version)
{
    m_version = version;
    Q_EMIT stepStarted(Step::Registering, tr("Pointing %1 at version %2…").arg(m_options.alias).arg(version));
    Registry::ModelCatalog *catalog = &m_host.catalog();
    const QString model = m_options.model, alias = m_options.alias, who = actor();
    runAsync(
        [=]() -> Status {
            if (Status s = catalog->registry().setAlias(model, alias, version, who); !s)
                return s;
            // Lets people (and reset) tell the demo's versions from their own.
            return catalog->registry().setTag(model, version, QLatin1String(demoOriginTag),
                                              QLatin1String(demoOriginValue), who);
        },
        [this, version](Status s) {
            if (!s)
                return failStep(Step::Registering, UiFormat::errorText(s.error()));
            m_client.refresh();
            Q_EMIT versionRegistered(m_options.model, version);
            Q_EMIT stepFinished(Step::Registering, true,
                                tr("%1 version %2 is %3").arg(m_options.model).arg(version).arg(m_options.alias));
            runDeploying();
        });
}

void DemoRunner::runDeploying()
{
    Q_EMIT stepStarted(Step::Deploying, tr("Loading %1 into the runtime…").arg(m_options.model));
    Runtime::DeploymentSpec spec;
    spec.name = m_options.model;
    spec.model = m_options.model;
    spec.alias = m_options.alias; // follows the alias: a better version promoted later is served at once
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    const QString who = actor();
    runAsync(
        [=]() -> Result<Runtime::DeploymentStatus> {
            auto status = runtime->deploy(spec, who);
            if (!status)
                return fail(status.error());
            return runtime->waitReady(spec.name, 120s);
        },
        [this](Result<Runtime::DeploymentStatus> r) {
            if (!r)
                return failStep(Step::Deploying, UiFormat::errorText(r.error()));
            const int version = r->versions.isEmpty() ? m_version : r->versions.first().version;
            QString input = QStringLiteral("input");
            if (!r->versions.isEmpty() && !r->versions.first().signature.inputs.isEmpty())
                input = r->versions.first().signature.inputs.first().name;
            m_load = std::make_unique<DemoLoad>(m_host.runtime(), m_data, m_options.model, input);
            connect(m_load.get(), &DemoLoad::firstAnswer, this, &DemoRunner::onFirstAnswer);
            connect(m_load.get(), &DemoLoad::firstFailure, this, [this](const QString &message) {
                Q_EMIT warning(tr("Demo traffic: a request failed: %1").arg(message));
            });
            m_version = version;
            Q_EMIT deploymentReady(m_options.model, version);
            Q_EMIT stepFinished(Step::Deploying, true,
                                tr("%1 is ready (version %2)").arg(m_options.model).arg(version));
            onDeployed(version);
        });
}

void DemoRunner::onDeployed(int)
{
    trySample();
    if (m_options.requestsPerSecond <= 0) {
        Q_EMIT stepFinished(Step::Load, true, tr("No synthetic traffic (switched off)"));
        m_secondsToLive = double(m_clock.elapsed()) / 1000.0;
        setState(State::Live);
        return;
    }
    Q_EMIT stepStarted(Step::Load, tr("Sending %1 requests per second…").arg(m_options.requestsPerSecond));
    startLoad();
}

void DemoRunner::onFirstAnswer()
{
    if (m_state != State::Running)
        return;
    m_secondsToLive = double(m_clock.elapsed()) / 1000.0;
    qCInfo(lcDemo).noquote() << QStringLiteral("live %1 s after the demo started (%2)")
                                    .arg(m_secondsToLive, 0, 'f', 1)
                                    .arg(m_fallback ? QStringLiteral("built-in data") : QStringLiteral("Fashion-MNIST"));
    Q_EMIT stepFinished(Step::Load, true,
                        tr("%1 test images per second; watch the Monitoring page").arg(m_options.requestsPerSecond));
    Q_EMIT info(tr("Demo live %1 s after it started: %2 is answering requests.")
                    .arg(m_secondsToLive, 0, 'f', 1)
                    .arg(m_options.model));
    setState(State::Live);
    Q_EMIT live(m_secondsToLive);
}

void DemoRunner::startLoad()
{
    if (!m_load || m_load->isRunning())
        return;
    m_load->start(m_options.requestsPerSecond > 0 ? m_options.requestsPerSecond : 10);
    Q_EMIT loadChanged(true);
}

void DemoRunner::stopLoad()
{
    if (!m_load || !m_load->isRunning())
        return;
    m_load->stop();
    Q_EMIT loadChanged(false);
}

void DemoRunner::trySample()
{
    if (!m_data || m_data->count() == 0) {
        Q_EMIT error(tr("Demo: no test images yet; start the demo first."));
        return;
    }
    classify(int(QRandomGenerator::global()->bounded(m_data->count())));
}

void DemoRunner::classify(int index)
{
    QString input = QStringLiteral("input");
    if (auto status = m_host.runtime().deployment(m_options.model);
        status && !status->versions.isEmpty() && !status->versions.first().signature.inputs.isEmpty())
        input = status->versions.first().signature.inputs.first().name;
    Runtime::InferRequest request;
    request.id = QStringLiteral("demo-try-it");
    request.deployment = m_options.model;
    request.inputs.push_back(m_data->input(index, input));
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    const std::shared_ptr<const DemoData> data = m_data;
    runAsync(
        [=, request = std::move(request)]() mutable -> Result<DemoSample> {
            return classifyBlocking(*runtime, *data, index, std::move(request), 60s);
        },
        [this](Result<DemoSample> r) {
            if (!r) {
                Q_EMIT error(tr("Demo: the try-it request failed: %1").arg(UiFormat::errorText(r.error())));
                return;
            }
            Q_EMIT sampleReady(*r);
        });
}

void DemoRunner::reset()
{
    if (m_state == State::Resetting)
        return;
    ++m_generation;
    stopLoad();
    setState(State::Resetting);
    if (m_jobRunning) {
        // Export and registration run after the last batch: wait for the job to end, or its version
        // could appear right after the model is deleted.
        m_job->cancel();
        m_resetPending = true;
        return;
    }
    removeDemo();
}

void DemoRunner::removeDemo()
{
    m_resetPending = false;
    Runtime::DeploymentManager *runtime = &m_host.runtime();
    Registry::ModelCatalog *catalog = &m_host.catalog();
    const QString model = m_options.model, who = actor();
    runAsync(
        [=]() -> Result<bool> { return removeDemoModel(*runtime, *catalog, model, who); },
        [this](Result<bool> s) {
            m_load.reset();
            m_data.reset();
            m_version = 0;
            m_client.refresh();
            if (!s) {
                setState(State::Failed);
                Q_EMIT error(tr("Demo: removing it failed: %1").arg(UiFormat::errorText(s.error())));
                Q_EMIT resetFinished(false, UiFormat::errorText(s.error()));
                return;
            }
            setState(State::Idle);
            // Run and dataset records have no delete in the registry API: they stay as history.
            const QString message =
                *s ? tr("Demo removed: its deployment and the model %1 with its versions (the training run and the "
                        "dataset record stay in the history).")
                         .arg(m_options.model)
                   : tr("Demo removed: its deployment and the demo's versions of %1; the versions added by hand "
                        "stay.")
                         .arg(m_options.model);
            Q_EMIT info(message);
            Q_EMIT resetFinished(true, message);
        });
}
