#include "tryitpanel.h"

#include "classnames.h"
#include "backgroundtasks.h"
#include "deploymenttablemodel.h"
#include "testsampleloader.h"
#include "tryitformat.h"
#include "uiformat.h"

#include "runtime/deploymentmanager.h"
#include "serving/kservecodec.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <chrono>
#include <mutex>

using namespace ModelDesk;
using Runtime::DeploymentStatus;

// The runtime answers on its own thread; the relay forwards to the panel only while it exists.
struct TryItPanel::Relay
{
    std::mutex mutex;
    TryItPanel *panel = nullptr;
};

struct TryItPanel::Pending
{
    quint64 serial = 0;
    QString deployment;
    std::optional<int> version;
    Serving::KServe::DecodedInferRequest request; // without inputs: selects and shapes the outputs
    std::chrono::steady_clock::time_point sent;
    QString sampleLabel;
};

TryItPanel::TryItPanel(Runtime::DeploymentManager &runtime, BackgroundTasks &tasks, TestSampleLoader &samples,
                       QWidget *parent)
    : QWidget(parent)
    , m_runtime(runtime)
    , m_tasks(tasks)
    , m_samples(samples)
    , m_relay(std::make_shared<Relay>())
{
    m_relay->panel = this;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_target = new QLabel(this);
    m_target->setTextFormat(Qt::PlainText);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_version = new QComboBox(this);
    m_version->setToolTip(tr("Routed: as clients are routed (canary split). A version: pinned, as /v2/models/<name>/versions/<v>/infer."));
    m_example = new QToolButton(this);
    m_example->setText(tr("Example"));
    m_example->setToolTip(tr("Write a request of the right shape from the version's signature"));
    m_example->setPopupMode(QToolButton::MenuButtonPopup);
    auto *exampleMenu = new QMenu(m_example);
    exampleMenu->addAction(tr("Zeros"), this, [this] { fillExample(false); });
    exampleMenu->addAction(tr("Random values"), this, [this] { fillExample(true); });
    m_example->setMenu(exampleMenu);
    connect(m_example, &QToolButton::clicked, this, [this] { fillExample(false); });
    m_copyCurl = new QToolButton(this);
    m_copyCurl->setText(tr("Copy as curl"));
    connect(m_copyCurl, &QToolButton::clicked, this, [this] {
        const QString command = curlCommand();
        if (command.isEmpty())
            return;
        QGuiApplication::clipboard()->setText(command);
        showResult(true, tr("Copied a curl command for this request to the clipboard."));
    });
    m_sample = new QPushButton(tr("Test Sample"), this);
    m_send = new QPushButton(QIcon(QStringLiteral(":/icons/deployments.svg")), tr("&Send"), this);
    m_send->setToolTip(tr("Send the request inside the console (Ctrl+Enter); works with the HTTP server stopped"));
    m_send->setDefault(true);

    m_target->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addStretch(1);
    top->addWidget(new QLabel(tr("Version:"), this));
    top->addWidget(m_version);
    top->addWidget(m_example);
    top->addWidget(m_copyCurl);
    top->addWidget(m_sample);
    top->addWidget(m_send);

    m_editor = new QPlainTextEdit(this);
    m_editor->setFont(mono);
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setPlaceholderText(tr("A KServe v2 inference request (JSON). Select a deployment, then Example or Test Sample."));
    m_editor->setTabChangesFocus(true);

    m_thumbnail = new QLabel(this);
    m_thumbnail->setFixedSize(84, 84);
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_thumbnail->setFrameShape(QFrame::StyledPanel);
    m_sampleCaption = new QLabel(this);
    m_sampleCaption->setWordWrap(true);
    m_sampleCaption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_sampleCaption->setMaximumWidth(120);
    auto *sampleBox = new QWidget(this);
    auto *sampleLayout = new QVBoxLayout(sampleBox);
    sampleLayout->setContentsMargins(0, 0, 0, 0);
    sampleLayout->addWidget(m_thumbnail, 0, Qt::AlignHCenter);
    sampleLayout->addWidget(m_sampleCaption);
    sampleLayout->addStretch(1);
    sampleBox->setVisible(false);
    m_thumbnail->setProperty("box", QVariant::fromValue<QObject *>(sampleBox));

    auto *requestSide = new QWidget(this);
    auto *requestLayout = new QHBoxLayout(requestSide);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    requestLayout->addWidget(m_editor, 1);
    requestLayout->addWidget(sampleBox);

    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_response = new QPlainTextEdit(this);
    m_response->setReadOnly(true);
    m_response->setFont(mono);
    m_response->setPlaceholderText(tr("The response appears here."));
    auto *responseSide = new QWidget(this);
    auto *responseLayout = new QVBoxLayout(responseSide);
    responseLayout->setContentsMargins(0, 0, 0, 0);
    responseLayout->addWidget(m_result);
    responseLayout->addWidget(m_response, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(requestSide);
    splitter->addWidget(responseSide);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_target);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_send, &QPushButton::clicked, this, &TryItPanel::send);
    connect(m_sample, &QPushButton::clicked, this, &TryItPanel::pickTestSample);
    auto *sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    sendShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(sendShortcut, &QShortcut::activated, this, &TryItPanel::send);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_status.spec.name.isEmpty())
            m_texts.insert(m_status.spec.name, m_editor->toPlainText());
    });
    connect(m_version, &QComboBox::currentIndexChanged, this, &TryItPanel::updateButtons);
    setTarget({}, {});
}

TryItPanel::~TryItPanel()
{
    std::lock_guard lock(m_relay->mutex);
    m_relay->panel = nullptr;
}

void TryItPanel::setTarget(const DeploymentStatus &status, const QList<VersionInfo> &versions)
{
    const bool sameTarget = status.spec.name == m_status.spec.name;
    const QVariant pinned = m_version->currentData();
    m_status = status;
    m_versions = versions;
    updateTargetText();
    // The version list: routed, then every loaded version of the deployment.
    QList<int> loaded;
    for (const auto &v : status.versions)
        loaded << v.version;
    QList<int> listed;
    for (int i = 1; i < m_version->count(); ++i)
        listed << m_version->itemData(i).toInt();
    if (listed != loaded || m_version->count() == 0) {
        m_version->blockSignals(true);
        m_version->clear();
        m_version->addItem(tr("Routed"));
        for (int v : loaded)
            m_version->addItem(tr("v%1").arg(v), v);
        const int keep = sameTarget ? m_version->findData(pinned) : -1;
        m_version->setCurrentIndex(keep > 0 ? keep : 0);
        m_version->blockSignals(false);
    }
    if (!sameTarget) {
        m_editor->blockSignals(true);
        m_editor->setPlainText(m_texts.value(status.spec.name));
        m_editor->blockSignals(false);
        m_sampleLabel.clear();
        m_thumbnail->property("box").value<QObject *>()->setProperty("visible", false);
        m_result->clear();
        m_response->clear();
        if (!status.spec.name.isEmpty() && m_editor->toPlainText().isEmpty())
            fillExample(false);
    }
    updateButtons();
}

void TryItPanel::setServerUrl(const QString &url)
{
    if (url == m_serverUrl)
        return;
    m_serverUrl = url;
    updateTargetText();
    updateButtons();
}

void TryItPanel::updateTargetText()
{
    if (m_status.spec.name.isEmpty()) {
        m_target->setText(tr("Select a deployment to try it."));
        return;
    }
    QString text = tr("Endpoint %1 (%2), %3").arg(m_status.spec.name, m_status.spec.model,
                                                  DeploymentTableModel::stateText(m_status));
    if (!m_serverUrl.isEmpty())
        text += tr(" — over HTTP: POST %1/v2/models/%2/infer").arg(m_serverUrl, m_status.spec.name);
    m_target->setText(text);
}

QString TryItPanel::curlCommand() const
{
    if (m_serverUrl.isEmpty() || m_status.spec.name.isEmpty())
        return {};
    QString path = QStringLiteral("/v2/models/") + m_status.spec.name;
    if (const QVariant pinned = m_version->currentData(); pinned.isValid())
        path += QStringLiteral("/versions/") + QString::number(pinned.toInt());
    path += QStringLiteral("/infer");
    QString body = m_editor->toPlainText().trimmed();
    const QJsonDocument doc = QJsonDocument::fromJson(body.toUtf8());
    if (doc.isObject())
        body = QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    QString command = QStringLiteral("curl -sS -X POST '") + m_serverUrl + path
                      + QStringLiteral("' -H 'Content-Type: application/json'");
    if (!m_status.spec.isPublic)
        command += QStringLiteral(" -H \"Authorization: Bearer $MODELDESK_TOKEN\"");
    command += QStringLiteral(" --data-binary @- <<'JSON'\n") + body + QStringLiteral("\nJSON\n");
    return command;
}

std::optional<VersionInfo> TryItPanel::versionInfo(int version) const
{
    for (const VersionInfo &v : m_versions) {
        if (v.version == version)
            return v;
    }
    return std::nullopt;
}

int TryItPanel::targetVersion() const
{
    const QVariant pinned = m_version->currentData();
    return pinned.isValid() ? pinned.toInt() : DeploymentTableModel::primaryVersion(m_status);
}

void TryItPanel::updateButtons()
{
    const bool hasTarget = !m_status.spec.name.isEmpty();
    m_send->setEnabled(hasTarget && !m_waiting);
    m_example->setEnabled(hasTarget);
    m_copyCurl->setEnabled(hasTarget && !m_serverUrl.isEmpty());
    m_copyCurl->setToolTip(m_serverUrl.isEmpty()
                               ? tr("The HTTP server is stopped")
                               : m_status.spec.isPublic
                                     ? tr("Copy a curl command that sends this request over HTTP")
                                     : tr("Copy a curl command that sends this request over HTTP (this deployment is "
                                          "private: set MODELDESK_TOKEN to an API token from the Access page)"));
    m_version->setEnabled(hasTarget);
    QString why;
    const auto info = versionInfo(targetVersion());
    const bool canSample = hasTarget && info && TestSampleLoader::canSample(*info, &why);
    m_sample->setEnabled(canSample);
    m_sample->setToolTip(canSample ? tr("Fill the request with a random image of the test split this version was "
                                        "evaluated on")
                                   : (why.isEmpty() ? tr("Select a deployment first") : why));
}

void TryItPanel::showResult(bool ok, const QString &text)
{
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText, ok ? this->palette().color(QPalette::WindowText) : QColor(0xc0, 0x1c, 0x28));
    m_result->setPalette(palette);
    m_result->setText(text);
}

std::optional<Signature> TryItPanel::signatureInEditor() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(m_editor->toPlainText().toUtf8());
    const QJsonArray inputs = doc.object().value(QStringLiteral("inputs")).toArray();
    if (inputs.isEmpty())
        return std::nullopt;
    Signature signature;
    for (const QJsonValue &value : inputs) {
        const QJsonObject input = value.toObject();
        TensorSpec spec;
        spec.name = input.value(QStringLiteral("name")).toString();
        spec.dtype = input.value(QStringLiteral("datatype")).toString();
        for (const QJsonValue &d : input.value(QStringLiteral("shape")).toArray()) {
            if (!d.isDouble() || d.toDouble() < 1)
                return std::nullopt;
            spec.shape << qint64(d.toDouble());
        }
        if (spec.shape.isEmpty())
            return std::nullopt;
        signature.inputs << spec;
    }
    return signature;
}

void TryItPanel::fillExample(bool random)
{
    if (m_status.spec.name.isEmpty())
        return;
    const int version = targetVersion();
    Signature signature;
    bool found = false;
    for (const auto &v : m_status.versions) {
        if (v.version == version) {
            signature = v.signature;
            found = true;
        }
    }
    if (const auto info = versionInfo(version); !found && info)
        signature = info->signature;
    const QString id = QStringLiteral("console-%1").arg(m_serial + 1);
    auto text = TryItFormat::exampleRequest(signature, random ? TryItFormat::Fill::Random : TryItFormat::Fill::Zeros, id);
    m_sampleLabel.clear();
    m_thumbnail->property("box").value<QObject *>()->setProperty("visible", false);
    if (text) {
        m_editor->setPlainText(*text);
        showResult(true, tr("Example request for v%1 from its signature. Edit it, then Send.").arg(version));
        return;
    }
    // Imported TorchScript does not record shapes. When the editor already says them (the operator
    // set "shape"), fill "data" to match, so nobody types 784 zeros by hand.
    if (const auto fromEditor = signatureInEditor()) {
        if (auto filled = TryItFormat::exampleRequest(*fromEditor, random ? TryItFormat::Fill::Random : TryItFormat::Fill::Zeros, id)) {
            m_editor->setPlainText(*filled);
            showResult(true, tr("Filled \"data\" for the shapes written in the request: the signature of v%1 does not "
                                "record them (edit \"shape\" and press Example again to change them).")
                                 .arg(version));
            return;
        }
    }
    // Otherwise a skeleton the operator completes.
    const QString name = signature.inputs.isEmpty() || signature.inputs.constFirst().name.isEmpty()
                             ? QStringLiteral("input__0")
                             : signature.inputs.constFirst().name;
    m_editor->setPlainText(QStringLiteral("{\n  \"id\": \"%1\",\n  \"inputs\": [\n    {\n      \"name\": \"%2\",\n"
                                          "      \"datatype\": \"FP32\",\n      \"shape\": [1, 1],\n"
                                          "      \"data\": [0]\n    }\n  ]\n}\n")
                               .arg(id, name));
    showResult(true, tr("No example from the signature: %1. Set \"shape\" to what the model takes and press Example "
                        "again to fill \"data\"; the request is kept for this endpoint.")
                         .arg(UiFormat::errorText(text.error())));
}

void TryItPanel::pickTestSample()
{
    const auto info = versionInfo(targetVersion());
    if (m_status.spec.name.isEmpty() || !info)
        return;
    m_sample->setEnabled(false);
    showResult(true, tr("Reading a test sample of dataset '%1'…").arg(info->params.value(QStringLiteral("dataset")).toString()));
    TestSampleLoader *loader = &m_samples;
    const VersionInfo version = *info;
    const QString endpoint = m_status.spec.name;
    m_tasks.run(this, [loader, version] { return loader->sample(version); },
                [this, version, endpoint](const Result<TestSample> &sample) {
                    updateButtons();
                    if (endpoint != m_status.spec.name)
                        return; // the selection moved on meanwhile
                    if (!sample) {
                        showResult(false, tr("No test sample: %1").arg(UiFormat::errorText(sample.error())));
                        return;
                    }
                    Signature signature = version.signature;
                    for (const auto &v : m_status.versions) {
                        if (v.version == version.version)
                            signature = v.signature;
                    }
                    auto text = TryItFormat::imageRequest(signature, sample->pixels, sample->height, sample->width,
                                                          QStringLiteral("console-%1").arg(m_serial + 1));
                    if (!text) {
                        showResult(false, tr("No test sample: %1").arg(UiFormat::errorText(text.error())));
                        return;
                    }
                    m_editor->setPlainText(*text);
                    const QImage image(sample->pixels.data(), sample->width, sample->height, sample->width,
                                       QImage::Format_Grayscale8);
                    m_thumbnail->setPixmap(QPixmap::fromImage(image.copy()).scaled(m_thumbnail->size() - QSize(4, 4),
                                                                                    Qt::KeepAspectRatio,
                                                                                    Qt::FastTransformation));
                    m_sampleLabel = sample->labelName.isEmpty() ? QString::number(sample->label) : sample->labelName;
                    m_sampleCaption->setText(tr("test row %1\ntrue: %2").arg(sample->row).arg(m_sampleLabel));
                    m_thumbnail->property("box").value<QObject *>()->setProperty("visible", true);
                    showResult(true, tr("A random image of the test split (%1 rows) of '%2'. Send it.")
                                         .arg(sample->testRows)
                                         .arg(sample->dataset));
                });
}

bool TryItPanel::send()
{
    if (m_status.spec.name.isEmpty() || m_waiting)
        return false;
    const QString endpoint = m_status.spec.name;
    auto decoded = TryItFormat::parseRequest(m_editor->toPlainText());
    if (!decoded) {
        const QString why = UiFormat::errorText(decoded.error());
        showResult(false, tr("Not sent: %1").arg(why));
        Q_EMIT logged({{}, RequestLogModel::Source::Console, endpoint, 0, false, tr("not sent"), -1, why});
        Q_EMIT answered(false);
        return false;
    }
    auto pending = std::make_shared<Pending>();
    pending->serial = ++m_serial;
    pending->deployment = endpoint;
    const QVariant pinned = m_version->currentData();
    if (pinned.isValid())
        pending->version = pinned.toInt();
    pending->sampleLabel = m_sampleLabel;

    Runtime::InferRequest request;
    request.id = decoded->id.isEmpty() ? QStringLiteral("console-%1").arg(pending->serial) : decoded->id;
    request.deployment = endpoint;
    request.version = pending->version;
    request.inputs = std::move(decoded->inputs);
    for (const auto &o : decoded->outputs)
        request.requestedOutputs << o.name;
    decoded->inputs.clear();
    pending->request = std::move(*decoded);
    m_pending = pending;
    m_waiting = true;
    updateButtons();
    showResult(true, tr("Sent to %1, waiting for the answer…").arg(endpoint));

    const std::shared_ptr<Relay> relay = m_relay;
    const quint64 serial = pending->serial;
    pending->sent = std::chrono::steady_clock::now();
    request.received = pending->sent;
    const auto sent = pending->sent;
    m_runtime.infer(std::move(request), [relay, serial, sent](Runtime::InferResult result) {
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent).count();
        std::lock_guard lock(relay->mutex);
        if (!relay->panel)
            return;
        QMetaObject::invokeMethod(
            relay->panel, [panel = relay->panel, result = std::move(result), ms, serial] { panel->finish(result, ms, serial); },
            Qt::QueuedConnection);
    });
    return true;
}

void TryItPanel::finish(const Runtime::InferResult &result, double latencyMs, quint64 serial)
{
    if (!m_pending || m_pending->serial != serial)
        return;
    const std::shared_ptr<Pending> pending = std::move(m_pending);
    m_waiting = false;
    updateButtons();
    RequestLogModel::Entry entry;
    entry.source = RequestLogModel::Source::Console;
    entry.deployment = pending->deployment;
    entry.latencyMs = latencyMs;
    if (!result) {
        const QString why = UiFormat::errorText(result.error().error);
        const QString code = Error::codeName(result.error().error.code);
        QString text = tr("Error (%1) after %2 ms: %3").arg(code).arg(latencyMs, 0, 'f', 2).arg(why);
        if (result.error().retryAfterSeconds > 0)
            text += tr(" — retry after %1 s").arg(result.error().retryAfterSeconds);
        showResult(false, text);
        m_response->setPlainText(TryItFormat::formatJson(QJsonObject{{QStringLiteral("error"), why}}));
        entry.version = pending->version.value_or(0);
        entry.ok = false;
        entry.outcome = tr("error: %1").arg(code);
        entry.detail = why;
        Q_EMIT logged(entry);
        Q_EMIT answered(false);
        return;
    }
    const Runtime::InferResponse &response = *result;
    entry.version = response.version;
    auto body = TryItFormat::responseText(response, pending->request);
    m_response->setPlainText(body ? *body : tr("(the response could not be written: %1)").arg(UiFormat::errorText(body.error())));
    QString text = tr("v%1 answered in %2 ms (queue %3 ms, compute %4 ms, batch of %5)")
                       .arg(response.version)
                       .arg(latencyMs, 0, 'f', 2)
                       .arg(double(response.timings.queueUs) / 1000.0, 0, 'f', 2)
                       .arg(double(response.timings.computeUs) / 1000.0, 0, 'f', 2)
                       .arg(response.timings.batchSize);
    entry.outcome = tr("ok");
    entry.detail = tr("id %1").arg(response.id);
    const auto info = versionInfo(response.version);
    if (const auto top = TryItFormat::topClass(response.outputs, info ? TryItFormat::classNames(*info) : QStringList())) {
        const QString label = top->label.isEmpty() ? tr("class %1").arg(top->index)
                                                   : tr("%1 (class %2)").arg(ClassNames::display(top->label)).arg(top->index);
        QString predicted = tr("Predicted: %1 — score %2, softmax %3%").arg(label).arg(top->score, 0, 'g', 4).arg(top->probability * 100.0, 0, 'f', 1);
        if (!pending->sampleLabel.isEmpty()) {
            const bool right = top->label.isEmpty() ? pending->sampleLabel == QString::number(top->index)
                                                    : pending->sampleLabel == top->label;
            // Compared as stored, shown in the interface language.
            const QString truth = ClassNames::display(pending->sampleLabel);
            predicted += right ? tr(" — true label %1 ✓").arg(truth) : tr(" — true label %1 ✗").arg(truth);
        }
        text = predicted + u'\n' + text;
        entry.detail = tr("%1, predicted %2").arg(entry.detail, label);
    }
    showResult(true, text);
    Q_EMIT logged(entry);
    Q_EMIT answered(true);
}
