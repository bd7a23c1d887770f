#pragma once
// DemoRunner: the console's first-run demo as one QObject. start() walks five steps, each off the
// GUI thread and cancellable: pick the data (Debian's Fashion-MNIST, else the small set built into
// the console), train a small MLP (a TrainingJob, exposed through trainingStarted() so the Training
// page can show its live curves), register the version and point the `production` alias at it,
// deploy it, then send a gentle synthetic load of real test images so the Monitoring charts move.
// trySample() classifies one test image and answers with sampleReady(). reset() removes what the
// demo made (load, deployment, model with its versions), every change audited as usual.
//
// A workspace that already has the demo model skips training: start() deploys the production
// version again and restarts the load (a second `run-demo.sh`, or the console restarted).
//
// Threads: construct and call on the GUI thread; the work runs on the runner's own thread pool and
// the runtime's threads, results come back as queued signals. Ownership: the client and the host
// must outlive the runner; the destructor cancels training, stops the load and waits for its workers.

#include "training/trainingjob.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <memory>

class CatalogClient;
class DemoLoad;
struct DemoData;
namespace ModelDesk::Serving {
class ServingHost;
}

struct DemoOptions
{
    QString fashionMnistPath = QStringLiteral("/usr/share/datasets/fashion-mnist");
    QString model = QStringLiteral("fashion-demo");       // registered model and deployment name
    QString alias = QStringLiteral("production");
    QString fallbackDataset = QStringLiteral("fashion-mnist-demo"); // dataset name of the built-in set
    int epochs = 0;               // 0 = 2 epochs on the full set, 5 on the built-in one
    // One intra-op thread: measured here, 2 threads on a busy 2-core machine made an epoch 60x slower
    // (1.6 s -> 102 s: OpenBLAS threads spinning against each other); 1 thread is fast everywhere.
    int trainingThreads = 1;
    int requestsPerSecond = 10;   // synthetic load; 0 = no load after deploy
    QString actor;                // audit actor; empty = the OS user
};

// One classified test image, for the "try it" panel.
struct DemoSample
{
    QImage image;                 // 28x28 grey, as stored in the IDX file
    int index = -1;               // row in the test split
    int truth = -1;
    int predicted = -1;
    double confidence = 0;        // softmax probability of the predicted class
    QString truthName;
    QString predictedName;
    double latencyMs = 0;
    int version = 0;              // the model version that answered
};
Q_DECLARE_METATYPE(DemoSample)

class DemoRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoRunner)

public:
    enum class Step { Data, Training, Registering, Deploying, Load };
    Q_ENUM(Step)
    enum class State { Idle, Running, Live, Failed, Cancelled, Resetting };
    Q_ENUM(State)

    DemoRunner(CatalogClient &client, ModelDesk::Serving::ServingHost &host, DemoOptions options = {},
               QObject *parent = nullptr);
    ~DemoRunner() override;

    const DemoOptions &options() const { return m_options; }
    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Running || m_state == State::Resetting; }
    bool isLoadRunning() const;
    bool usesFallbackData() const { return m_fallback; }
    QString deployment() const { return m_options.model; }
    int version() const { return m_version; }
    // The demo's training job while it runs (nullptr otherwise).
    ModelDesk::Training::TrainingJob *trainingJob() const { return m_jobRunning ? m_job.get() : nullptr; }
    // Seconds from start() to the first answered load request (-1 until then).
    double secondsToLive() const { return m_secondsToLive; }
    qint64 requestsAnswered() const;
    qint64 requestsFailed() const;

    static QString stepName(Step step);       // "Training", ... (translated)
    static QStringList fashionClassNames();   // label -> "T-shirt/top", ...
    // True when `dir` holds the four Fashion-MNIST IDX files (gzipped or plain).
    static bool hasFashionMnist(const QString &dir);

public Q_SLOTS:
    void start();          // ignored while busy
    void cancel();         // stops the step in progress; what was done stays (reset() removes it)
    void startLoad();
    void stopLoad();
    void trySample();      // a random test image; answered by sampleReady() or error()
    void reset();          // stop, undeploy, delete the demo model; answered by resetFinished()

Q_SIGNALS:
    void stateChanged(DemoRunner::State state);
    // A step began (`running`) or ended; detail is one line for the operator.
    void stepStarted(DemoRunner::Step step, const QString &detail);
    void stepFinished(DemoRunner::Step step, bool ok, const QString &detail);
    // Training progress of the demo run, 0..1, with a short text ("epoch 1/1, 2 300 samples/s").
    void trainingProgress(double fraction, const QString &text);
    void trainingStarted(ModelDesk::Training::TrainingJob *job);
    // The demo's run ended (the Training page can open its curves: TrainingPage::openRun(runId)).
    void trainingFinished(const QString &runId, bool ok);
    void versionRegistered(const QString &model, int version);
    void deploymentReady(const QString &deployment, int version);
    // The load answered its first request: the charts start moving.
    void live(double secondsSinceStart);
    void loadChanged(bool running);
    void sampleReady(const DemoSample &sample);
    void resetFinished(bool ok, const QString &message);
    // The usual page signals (MainWindow routes them to the log panel and status bar).
    void info(const QString &message);
    void warning(const QString &message);
    void error(const QString &message);

private:
    struct Prepared;
    void setState(State state);
    void failStep(Step step, const QString &message);
    void runData();
    void onDataReady(const std::shared_ptr<const DemoData> &data, bool fallback, const QString &notice,
                     int existingVersion);
    void runTraining();
    void onTrainingFinished(const ModelDesk::Training::TrainingOutcome &outcome);
    void runRegistering(int version);
    void runDeploying();
    void onDeployed(int version);
    void onFirstAnswer();
    void classify(int index);
    void removeDemo();
    QString actor() const;
    // Runs `work` on the runner's pool; `done` gets its result on the GUI thread unless the runner
    // was destroyed or the generation changed (cancel/reset) meanwhile.
    template <typename Work, typename Done>
    void runAsync(Work work, Done done);

    CatalogClient &m_client;
    ModelDesk::Serving::ServingHost &m_host;
    DemoOptions m_options;
    State m_state = State::Idle;
    QThreadPool m_pool;             // data, registry and deploy steps, try-it
    QThreadPool m_trainingPool;     // the training job (one thread)
    quint64 m_generation = 0;      // bumped by cancel/reset: late answers of old work are dropped
    std::unique_ptr<ModelDesk::Training::TrainingJob> m_job;
    bool m_jobRunning = false;
    bool m_resetPending = false;
    std::shared_ptr<const DemoData> m_data;
    std::unique_ptr<DemoLoad> m_load;
    bool m_fallback = false;
    QString m_dataPath;
    int m_version = 0;
    QElapsedTimer m_clock;
    double m_secondsToLive = -1;
};
