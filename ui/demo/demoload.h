#pragma once
// DemoData: the demo's test images in memory (immutable once built, shared between threads).
// DemoLoad: a gentle synthetic load for the demo deployment — real test images sent at a fixed rate
// through the runtime (InferenceEngine::infer, in-process: the HTTP server may be off), so the
// Monitoring charts of the deployment move.
//
// Threads: DemoLoad is used from its owner's thread; the requests are sent from its own QThread and
// answered on runtime threads, which only touch shared atomic counters (so an answer arriving after
// the load is destroyed is harmless). Back-pressure: no new request while 64 are unanswered.

#include "core/result.h"
#include "runtime/inferenceengine.h"
#include "runtime/tensor.h"

#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

struct DemoData
{
    int width = 28;
    int height = 28;
    std::vector<uint8_t> pixels;  // count() x height x width, row-major
    std::vector<int> labels;
    QStringList classNames;

    int count() const { return int(labels.size()); }
    QImage image(int index) const;
    // FP32 [1, height*width] raw pixel values: the trained model's input (preprocessing is inside it).
    ModelDesk::Runtime::Tensor input(int index, const QString &name) const;
};

struct DemoSample;

// The data step's blocking parts (worker threads): the built-in set copied from the executable to
// <workspace>/demo-data (the loader reads files; unchanged files are not rewritten), the first test
// images of an IDX folder, and whether a folder holds the four Fashion-MNIST files.
ModelDesk::Result<QString> extractDemoFallbackData(const QString &workspaceRoot);
ModelDesk::Result<std::shared_ptr<const DemoData>> loadDemoTestImages(const QString &path,
                                                                      const QStringList &classNames);
bool hasFashionMnistFiles(const QString &dir);

// Sends `request` (test image `index` of `data`) and waits up to `timeout` for the answer: the
// predicted class with its softmax probability, the true label and the round-trip time.
// Blocking: worker threads only (the runtime answers on its own threads).
ModelDesk::Result<DemoSample> classifyBlocking(ModelDesk::Runtime::InferenceEngine &engine, const DemoData &data,
                                               int index, ModelDesk::Runtime::InferRequest request,
                                               std::chrono::milliseconds timeout);

class DemoLoad final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoLoad)

public:
    DemoLoad(ModelDesk::Runtime::InferenceEngine &engine, std::shared_ptr<const DemoData> data, QString deployment,
             QString inputName, QObject *parent = nullptr);
    ~DemoLoad() override; // stop()

    void start(int requestsPerSecond);
    void stop();
    bool isRunning() const { return m_running; }

    qint64 sent() const;
    qint64 answered() const;
    qint64 failed() const;

Q_SIGNALS:
    // Emitted once per start(), from the load thread, when the first answer has come back.
    void firstAnswer();
    // The first failure of a start() (later ones are counted only), from the load thread.
    void firstFailure(const QString &message);

private:
    struct Counters
    {
        std::atomic<qint64> sent{0};
        std::atomic<qint64> answered{0};
        std::atomic<qint64> failed{0};
        std::atomic<int> inFlight{0};
        std::atomic<bool> failureNoted{false};
        QString firstError;       // written once by the first failing callback (guarded by failureNoted)
        std::atomic<bool> errorReady{false};
    };
    void tick();

    ModelDesk::Runtime::InferenceEngine &m_engine;
    std::shared_ptr<const DemoData> m_data;
    QString m_deployment;
    QString m_inputName;
    QThread m_thread;
    QObject *m_ticker = nullptr;  // lives in m_thread; owns the timer
    std::shared_ptr<Counters> m_counters = std::make_shared<Counters>();
    bool m_running = false;
    bool m_firstAnswerSent = false;   // load thread only
    bool m_firstFailureSent = false;  // load thread only
    int m_next = 0;                   // load thread only
};
