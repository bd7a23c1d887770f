#pragma once
// TryItPanel: sends one KServe v2 request to the selected deployment inside the console process
// (DeploymentManager::infer: it works with the HTTP server off) and shows the response, its
// latency and, for a classifier, the top class with its label. The request is edited as JSON,
// prefilled from the version's signature, or built from a random image of the version's test split
// ("Test sample", for versions trained on IDX images). Requests go through the HTTP server's own
// codec, so a request that works here works over HTTP. Bad JSON is reported and nothing is sent.
//
// Threads: GUI thread; infer() answers on a runtime thread and the answer is posted back through a
// relay that the destructor disconnects, so a late answer never reaches a deleted panel.

#include "requestlogmodel.h"

#include "core/modeltypes.h"
#include "runtime/inferenceengine.h"

#include <QHash>
#include <QWidget>
#include <memory>
#include <optional>

namespace ModelDesk::Runtime {
class DeploymentManager;
}
class BackgroundTasks;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class TestSampleLoader;

class TryItPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TryItPanel)

public:
    TryItPanel(ModelDesk::Runtime::DeploymentManager &runtime, BackgroundTasks &tasks, TestSampleLoader &samples,
               QWidget *parent = nullptr);
    ~TryItPanel() override;

    // The deployment requests go to, with the registry versions of its model (for class names and
    // test samples); an empty status name clears the target.
    void setTarget(const ModelDesk::Runtime::DeploymentStatus &status, const QList<ModelDesk::VersionInfo> &versions);
    QString targetName() const { return m_status.spec.name; }
    // The HTTP server's URL ("" when it is stopped), for the endpoint line and "Copy as curl".
    void setServerUrl(const QString &url);
    // A curl command that sends the editor's request over HTTP (empty when the server is stopped).
    QString curlCommand() const;

    QPlainTextEdit *editor() const { return m_editor; }
    QPlainTextEdit *responseView() const { return m_response; }
    QLabel *resultLabel() const { return m_result; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *sampleButton() const { return m_sample; }
    QComboBox *versionBox() const { return m_version; }
    QLabel *thumbnail() const { return m_thumbnail; }
    bool isWaiting() const { return m_waiting; }

public Q_SLOTS:
    void fillExample(bool random = false);
    void pickTestSample();
    // Returns false when nothing was sent (no target, bad JSON, a request already waiting).
    bool send();

Q_SIGNALS:
    void logged(const RequestLogModel::Entry &entry);
    // A response or an error arrived (or a request was refused before sending).
    void answered(bool ok);

private:
    struct Relay;
    void showResult(bool ok, const QString &text);
    void finish(const ModelDesk::Runtime::InferResult &result, double latencyMs, quint64 serial);
    std::optional<ModelDesk::VersionInfo> versionInfo(int version) const;
    int targetVersion() const; // pinned version, else the primary
    // The inputs as the editor's JSON describes them (names, datatypes, positive shapes), if it does.
    std::optional<ModelDesk::Signature> signatureInEditor() const;
    void updateButtons();
    void updateTargetText();

    ModelDesk::Runtime::DeploymentManager &m_runtime;
    BackgroundTasks &m_tasks;
    TestSampleLoader &m_samples;
    std::shared_ptr<Relay> m_relay;
    ModelDesk::Runtime::DeploymentStatus m_status;
    QList<ModelDesk::VersionInfo> m_versions;
    QHash<QString, QString> m_texts;          // edited request per endpoint
    QString m_sampleLabel;                    // true label of the test sample in the editor
    quint64 m_serial = 0;
    bool m_waiting = false;
    struct Pending;
    std::shared_ptr<Pending> m_pending;

    QString m_serverUrl;
    QLabel *m_target = nullptr;
    QToolButton *m_copyCurl = nullptr;
    QComboBox *m_version = nullptr;
    QToolButton *m_example = nullptr;
    QPushButton *m_sample = nullptr;
    QPushButton *m_send = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_thumbnail = nullptr;
    QLabel *m_sampleCaption = nullptr;
    QLabel *m_result = nullptr;
    QPlainTextEdit *m_response = nullptr;
};
