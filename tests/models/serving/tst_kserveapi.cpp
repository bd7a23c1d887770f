// KServe v2 routes through a real server on 127.0.0.1 port 0 and a raw HTTP client: every route and
// error case, every datatype, binary tensors both ways, output selection, pipelining, the auth
// matrix, a client gone mid-inference, Triton statistics and /metrics checked by promtool.

#include "servingtestutil.h"

#include "serving/kservecodec.h"

#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <cstring>

using namespace ModelDesk;
using namespace ServingTest;

class tst_KServeApi : public QObject
{
    Q_OBJECT

private:
    ServingFixture m_fx;

    std::optional<HttpReply> infer(const QByteArray &body, const QByteArray &deployment = "mlp",
                                   QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        return m_fx.send("POST", "/v2/models/" + deployment + "/infer", body, m_fx.op, headers);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.start());
        m_fx.engine.add(QStringLiteral("mlp"), QStringLiteral("mlp-model"), {1, 2});
        m_fx.engine.add(QStringLiteral("pub"), QStringLiteral("pub-model"), {3}, true);
        m_fx.engine.add(QStringLiteral("other"), QStringLiteral("other-model"), {1});
    }

    void serverMetadata()
    {
        auto r = m_fx.get("/v2");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const QJsonObject o = r->json();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("modeldesk"));
        QVERIFY(!o.value(QStringLiteral("version")).toString().isEmpty());
        QVERIFY(o.value(QStringLiteral("extensions")).toArray().contains(QStringLiteral("binary_tensor_data")));
        QCOMPARE(m_fx.send("POST", "/v2", "{}")->status, 405);
    }

    void health()
    {
        QCOMPARE(m_fx.get("/v2/health/live")->status, 200);
        QCOMPARE(m_fx.get("/v2/health/ready")->status, 200);
        m_fx.engine.setState(QStringLiteral("other"), Runtime::DeploymentState::Loading);
        auto r = m_fx.get("/v2/health/ready");
        QCOMPARE(r->status, 503);
        QVERIFY(!r->header("Retry-After").isEmpty());
        m_fx.engine.setState(QStringLiteral("other"), Runtime::DeploymentState::Ready);
        QCOMPARE(m_fx.get("/v2/health/ready")->status, 200);
    }

    void modelMetadata()
    {
        auto r = m_fx.get("/v2/models/mlp", m_fx.viewer);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QJsonObject o = r->json();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("mlp"));
        QCOMPARE(o.value(QStringLiteral("platform")).toString(), QStringLiteral("pytorch_torchscript"));
        QCOMPARE(o.value(QStringLiteral("versions")).toArray(), (QJsonArray{QStringLiteral("1"), QStringLiteral("2")}));
        const QJsonObject in = o.value(QStringLiteral("inputs")).toArray().first().toObject();
        QCOMPARE(in.value(QStringLiteral("datatype")).toString(), QStringLiteral("FP32"));
        QCOMPARE(in.value(QStringLiteral("shape")).toArray(), (QJsonArray{-1, 784}));
        QCOMPARE(o.value(QStringLiteral("outputs")).toArray().size(), 1);

        r = m_fx.get("/v2/models/mlp/versions/2", m_fx.viewer);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("versions")).toArray(), QJsonArray{QStringLiteral("2")});

        QCOMPARE(m_fx.get("/v2/models/mlp/versions/7", m_fx.viewer)->status, 404);
        QCOMPARE(m_fx.get("/v2/models/mlp/versions/01", m_fx.viewer)->status, 404);
        r = m_fx.get("/v2/models/nope", m_fx.viewer);
        QCOMPARE(r->status, 404);
        QVERIFY(r->error().contains(QStringLiteral("nope")));
        QCOMPARE(m_fx.get("/v2/models/Bad..Name", m_fx.viewer)->status, 404);
        QCOMPARE(m_fx.get("/v2/models/mlp/versions/1/what", m_fx.viewer)->status, 404);
        QCOMPARE(m_fx.get("/v2/nothing", m_fx.viewer)->status, 404);
    }

    void modelReady()
    {
        QCOMPARE(m_fx.get("/v2/models/mlp/ready", m_fx.viewer)->status, 200);
        QCOMPARE(m_fx.get("/v2/models/mlp/versions/2/ready", m_fx.viewer)->status, 200);
        m_fx.engine.setState(QStringLiteral("other"), Runtime::DeploymentState::Failed, QStringLiteral("file is corrupt"));
        auto r = m_fx.get("/v2/models/other/ready", m_fx.viewer);
        QCOMPARE(r->status, 503);
        QVERIFY(r->error().contains(QStringLiteral("failed")));
        QVERIFY(r->error().contains(QStringLiteral("file is corrupt")));
        m_fx.engine.setState(QStringLiteral("other"), Runtime::DeploymentState::Ready);
    }

    void inferJson()
    {
        auto r = infer(inferBody(4));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->header("Content-Type"), QByteArray("application/json"));
        const QJsonObject o = r->json();
        QCOMPARE(o.value(QStringLiteral("model_name")).toString(), QStringLiteral("mlp"));
        QCOMPARE(o.value(QStringLiteral("model_version")).toString(), QStringLiteral("1"));
        QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("req-1"));
        const QJsonArray outputs = o.value(QStringLiteral("outputs")).toArray();
        QCOMPARE(outputs.size(), 2);
        const QJsonObject out = outputs.first().toObject();
        QCOMPARE(out.value(QStringLiteral("name")).toString(), QStringLiteral("output__0"));
        QCOMPARE(out.value(QStringLiteral("datatype")).toString(), QStringLiteral("FP32"));
        QCOMPARE(out.value(QStringLiteral("shape")).toArray(), (QJsonArray{1, 4}));
        QCOMPARE(out.value(QStringLiteral("data")).toArray(), (QJsonArray{0, 2, 4, 6}));
    }

    void inferPinnedVersion()
    {
        auto r = m_fx.send("POST", "/v2/models/mlp/versions/2/infer", inferBody(2), m_fx.op);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("model_version")).toString(), QStringLiteral("2"));
        QCOMPARE(m_fx.send("POST", "/v2/models/mlp/versions/9/infer", inferBody(2), m_fx.op)->status, 404);
    }

    void inferNestedAndOrder()
    {
        // data before datatype/shape, nested rows.
        const QByteArray body =
            R"({"inputs":[{"data":[[1.5,-2],[3.25,4]],"name":"x","shape":[2,2],"datatype":"FP32"}]})";
        auto r = infer(body);
        QCOMPARE(r->status, 200);
        const QJsonObject out = r->json().value(QStringLiteral("outputs")).toArray().first().toObject();
        QCOMPARE(out.value(QStringLiteral("data")).toArray(), (QJsonArray{3, -4, 6.5, 8}));
        QVERIFY(!r->json().contains(QStringLiteral("id")));
    }

    void inferDatatypes_data()
    {
        QTest::addColumn<QByteArray>("datatype");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("BOOL") << QByteArray("BOOL") << QByteArray("[true,false,true]");
        QTest::newRow("UINT8") << QByteArray("UINT8") << QByteArray("[0,128,255]");
        QTest::newRow("INT8") << QByteArray("INT8") << QByteArray("[-128,0,127]");
        QTest::newRow("INT16") << QByteArray("INT16") << QByteArray("[-32768,1,32767]");
        QTest::newRow("INT32") << QByteArray("INT32") << QByteArray("[-2147483648,7,2147483647]");
        QTest::newRow("INT64") << QByteArray("INT64") << QByteArray("[-9223372036854775808,9007199254740993,9223372036854775807]");
        QTest::newRow("FP16") << QByteArray("FP16") << QByteArray("[0.5,-2,65504]");
        QTest::newRow("BF16") << QByteArray("BF16") << QByteArray("[0.5,-2,256]");
        QTest::newRow("FP64") << QByteArray("FP64") << QByteArray("[0.1,-1e-300,1.7976931348623157e+308]");
    }

    void inferDatatypes()
    {
        QFETCH(QByteArray, datatype);
        QFETCH(QByteArray, data);
        const QByteArray body = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"" + datatype + "\",\"shape\":[3],\"data\":" + data +
                                R"(}],"outputs":[{"name":"output__0"}]})";
        auto r = infer(body);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        // The fake engine copies non-FP32 tensors: the text must come back identical (exact
        // integers beyond 2^53, shortest round-trip floats).
        const QByteArray expected = QByteArray("\"datatype\":\"") + datatype + "\",\"shape\":[3],\"data\":" + data;
        QVERIFY2(r->body.contains(expected), r->body.constData());
    }

    void inferOutputSelection()
    {
        auto r = infer(inferBody(2, R"("outputs":[{"name":"output__1"}],)"));
        QCOMPARE(r->status, 200);
        const QJsonArray outputs = r->json().value(QStringLiteral("outputs")).toArray();
        QCOMPARE(outputs.size(), 1);
        QCOMPARE(outputs.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("output__1"));
        QCOMPARE(outputs.first().toObject().value(QStringLiteral("data")).toArray(), QJsonArray{1});

        r = infer(inferBody(2, R"("outputs":[{"name":"nope"}],)"));
        QCOMPARE(r->status, 400);
        QVERIFY(r->error().contains(QStringLiteral("nope")));
    }

    void binaryTensorsBothWays()
    {
        const float values[4] = {1.0f, -0.5f, 3.0f, 1e-3f};
        const QByteArray json =
            R"({"id":"b","parameters":{"binary_data_output":true},"inputs":[{"name":"x","datatype":"FP32","shape":[2,2],"parameters":{"binary_data_size":16}}]})";
        const QByteArray body = json + QByteArray(reinterpret_cast<const char *>(values), sizeof values);
        auto r = infer(body, "mlp",
                       {{"Inference-Header-Content-Length", QByteArray::number(json.size())},
                        {"Content-Type", "application/octet-stream"}});
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->header("Content-Type"), QByteArray("application/octet-stream"));
        const int headerLength = r->header("Inference-Header-Content-Length").toInt();
        QVERIFY(headerLength > 0);
        const QJsonObject o = QJsonDocument::fromJson(r->body.left(headerLength)).object();
        QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("b"));
        const QJsonArray outputs = o.value(QStringLiteral("outputs")).toArray();
        QCOMPARE(outputs.size(), 2);
        const QJsonObject out0 = outputs[0].toObject();
        QCOMPARE(out0.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("binary_data_size")).toInt(), 16);
        QVERIFY(!out0.contains(QStringLiteral("data")));
        QCOMPARE(r->body.size(), headerLength + 16 + 8);
        float back[4];
        std::memcpy(back, r->body.constData() + headerLength, 16);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(back[i], values[i] * 2);
        std::int64_t version = 0;
        std::memcpy(&version, r->body.constData() + headerLength + 16, 8);
        QCOMPARE(version, std::int64_t(1));

        // Binary only for the output that asks for it; JSON input.
        r = infer(inferBody(2, R"("outputs":[{"name":"output__1"},{"name":"output__0","parameters":{"binary_data":true}}],)"));
        QCOMPARE(r->status, 200);
        const int len = r->header("Inference-Header-Content-Length").toInt();
        const QJsonArray outs = QJsonDocument::fromJson(r->body.left(len)).object().value(QStringLiteral("outputs")).toArray();
        QCOMPARE(outs[0].toObject().value(QStringLiteral("data")).toArray(), QJsonArray{1});
        QCOMPARE(r->body.size(), len + 8);
    }

    void inferErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("headerLength");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const QByteArray in = R"({"inputs":[{"name":"x","datatype":"FP32","shape":[1,2],)";
        QTest::newRow("not json") << QByteArray("{nope") << QByteArray() << 400 << "JSON";
        QTest::newRow("not object") << QByteArray("[1,2]") << QByteArray() << 400 << "object";
        QTest::newRow("no inputs") << QByteArray(R"({"id":"x"})") << QByteArray() << 400 << "no inputs";
        QTest::newRow("empty inputs") << QByteArray(R"({"inputs":[]})") << QByteArray() << 400 << "no inputs";
        QTest::newRow("too few values") << in + R"("data":[1]}]})" << QByteArray() << 400 << "needs 2 values";
        QTest::newRow("too many values") << in + R"("data":[1,2,3]}]})" << QByteArray() << 400 << "more values";
        QTest::newRow("huge shape") << QByteArray(R"({"inputs":[{"name":"x","datatype":"FP32","shape":[100000000,100000],"data":[1]}]})")
                                    << QByteArray() << 400 << "more than the request carries";
        QTest::newRow("overflow shape")
            << QByteArray(R"({"inputs":[{"name":"x","datatype":"FP64","shape":[4294967296,4294967296,4294967296],"data":[1]}]})")
            << QByteArray() << 400 << "too large";
        QTest::newRow("negative dim") << QByteArray(R"({"inputs":[{"name":"x","datatype":"FP32","shape":[-1],"data":[1]}]})")
                                      << QByteArray() << 400 << "non-negative";
        QTest::newRow("unknown datatype") << QByteArray(R"({"inputs":[{"name":"x","datatype":"FP8","shape":[1],"data":[1]}]})")
                                          << QByteArray() << 400 << "unknown datatype";
        QTest::newRow("BYTES") << QByteArray(R"({"inputs":[{"name":"x","datatype":"BYTES","shape":[1],"data":["a"]}]})")
                               << QByteArray() << 422 << "BYTES";
        QTest::newRow("string value") << in + R"("data":[1,"2"]}]})" << QByteArray() << 400 << "not a number";
        QTest::newRow("int8 range") << QByteArray(R"({"inputs":[{"name":"x","datatype":"INT8","shape":[1],"data":[300]}]})")
                                    << QByteArray() << 400 << "out of range";
        QTest::newRow("float for int") << QByteArray(R"({"inputs":[{"name":"x","datatype":"INT32","shape":[1],"data":[1.5]}]})")
                                       << QByteArray() << 400 << "not an integer";
        QTest::newRow("bool garbage") << QByteArray(R"({"inputs":[{"name":"x","datatype":"BOOL","shape":[1],"data":[2]}]})")
                                      << QByteArray() << 400 << "boolean";
        QTest::newRow("numeric id") << QByteArray(R"({"id":5,"inputs":[]})") << QByteArray() << 400 << "id";
        QTest::newRow("no name") << QByteArray(R"({"inputs":[{"datatype":"FP32","shape":[1],"data":[1]}]})") << QByteArray()
                                 << 400 << "no name";
        QTest::newRow("no data") << QByteArray(R"({"inputs":[{"name":"x","datatype":"FP32","shape":[1]}]})") << QByteArray()
                                 << 400 << "no data";
        QTest::newRow("trailing") << inferBody(2) + "xyz" << QByteArray() << 400 << "JSON";
        QTest::newRow("binary without header")
            << QByteArray(R"({"inputs":[{"name":"x","datatype":"FP32","shape":[1],"parameters":{"binary_data_size":4}}]})")
            << QByteArray() << 400 << "Inference-Header-Content-Length";
        QTest::newRow("header length too big") << inferBody(2) << QByteArray("99999") << 400 << "larger than the body";
        QTest::newRow("header length garbage") << inferBody(2) << QByteArray("12a") << 400 << "integer";
        const QByteArray bin = R"({"inputs":[{"name":"x","datatype":"FP32","shape":[2],"parameters":{"binary_data_size":4}}]})";
        QTest::newRow("binary size mismatch") << bin + "abcd" << QByteArray::number(bin.size()) << 400 << "binary_data_size is 4";
        const QByteArray bin2 = R"({"inputs":[{"name":"x","datatype":"FP32","shape":[1],"parameters":{"binary_data_size":4}}]})";
        QTest::newRow("extra binary bytes") << bin2 + "abcdefgh" << QByteArray::number(bin2.size()) << 400 << "binary tensor data";
        QTest::newRow("deep nesting") << QByteArray(R"({"inputs":[{"name":"x","datatype":"FP32","shape":[1],"data":)") +
                                             QByteArray(40, '[') + "1" + QByteArray(40, ']') + "}]}"
                                      << QByteArray() << 400 << "nested too deeply";
    }

    void inferErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, headerLength);
        QFETCH(int, status);
        QFETCH(QString, message);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!headerLength.isEmpty())
            headers.append({"Inference-Header-Content-Length", headerLength});
        auto r = infer(body, "mlp", headers);
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QVERIFY2(r->error().contains(message, Qt::CaseInsensitive), qPrintable(r->error()));
    }

    void inferWrongMethodAndUnknown()
    {
        QCOMPARE(m_fx.get("/v2/models/mlp/infer", m_fx.op)->status, 405);
        QCOMPARE(m_fx.get("/v2/models/mlp/infer", m_fx.op)->header("Allow"), QByteArray("POST"));
        QCOMPARE(infer(inferBody(2), "ghost")->status, 404);
    }

    void inferUnavailable()
    {
        m_fx.engine.setState(QStringLiteral("other"), Runtime::DeploymentState::Loading);
        auto r = infer(inferBody(2), "other");
        QCOMPARE(r->status, 503);
        QCOMPARE(r->header("Retry-After"), QByteArray("2"));
        m_fx.engine.setState(QStringLiteral("other"), Runtime::DeploymentState::Ready);
    }

    void pipelinedInference()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(m_fx.port()));
        QByteArray all;
        for (int i = 0; i < 5; ++i) {
            const QByteArray body = "{\"id\":\"p" + QByteArray::number(i) +
                                    "\",\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1]}]}";
            all += HttpTestClient::request("POST", "/v2/models/mlp/infer", body,
                                           {{"Authorization", "Bearer " + m_fx.op}, {"Content-Type", "application/json"}});
        }
        c.send(all);
        for (int i = 0; i < 5; ++i) {
            auto r = c.read();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(r->json().value(QStringLiteral("id")).toString(), QStringLiteral("p%1").arg(i));
        }
    }

    void bodyLimit()
    {
        ServingFixture small;
        Serving::ModelServerOptions o;
        o.limits.bodyLimitBytes = 4096;
        QVERIFY(small.start(o));
        small.engine.add(QStringLiteral("mlp"), QStringLiteral("mlp-model"), {1});
        auto r = small.send("POST", "/v2/models/mlp/infer", inferBody(2000), small.op);
        QCOMPARE(r->status, 413);
        QVERIFY(r->json().contains(QStringLiteral("error")));
        QCOMPARE(small.send("POST", "/v2/models/mlp/infer", inferBody(10), small.op)->status, 200);
        // Refused from the head: nothing of the announced 1 GiB is sent.
        HttpTestClient c;
        QVERIFY(c.connectTo(small.port()));
        c.send("POST /v2/models/mlp/infer HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + small.op +
               "\r\nContent-Length: 1073741824\r\n\r\n");
        auto early = c.read();
        QVERIFY(early);
        QCOMPARE(early->status, 413);
    }

    void authMatrix_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("status");

        struct RouteCase
        {
            const char *name;
            QByteArray method, target, body;
            // none, wrong, expired, revoked, outOfScope, viewer, operator, admin
            std::array<int, 8> expected;
        };
        const QList<RouteCase> routes = {
            {"infer", "POST", "/v2/models/mlp/infer", inferBody(2), {401, 401, 401, 401, 403, 403, 200, 200}},
            {"metadata", "GET", "/v2/models/mlp", {}, {401, 401, 401, 401, 403, 200, 200, 200}},
            {"ready", "GET", "/v2/models/mlp/ready", {}, {401, 401, 401, 401, 403, 200, 200, 200}},
            {"stats", "GET", "/v2/models/mlp/stats", {}, {401, 401, 401, 401, 403, 200, 200, 200}},
            {"public infer", "POST", "/v2/models/pub/infer", inferBody(2), {200, 401, 401, 401, 200, 200, 200, 200}},
            {"public metadata", "GET", "/v2/models/pub", {}, {200, 401, 401, 401, 200, 200, 200, 200}},
            {"public stats", "GET", "/v2/models/pub/stats", {}, {401, 401, 401, 401, 403, 200, 200, 200}},
            {"health", "GET", "/v2/health/live", {}, {200, 401, 401, 401, 200, 200, 200, 200}},
            {"metrics", "GET", "/metrics", {}, {401, 401, 401, 401, 200, 200, 200, 200}},
            {"management read", "GET", "/api/v1/models", {}, {401, 401, 401, 401, 200, 200, 200, 200}},
            {"management deployment read", "GET", "/api/v1/deployments/mlp", {}, {401, 401, 401, 401, 403, 200, 200, 200}},
            {"management write", "PATCH", "/api/v1/deployments/mlp", R"({"public":false})", {401, 401, 401, 401, 403, 403, 200, 200}},
            {"tokens", "GET", "/api/v1/tokens", {}, {401, 401, 401, 401, 403, 403, 403, 200}},
            {"openapi", "GET", "/api/v1/openapi.json", {}, {200, 401, 401, 401, 200, 200, 200, 200}},
        };
        const char *who[] = {"none", "wrong", "expired", "revoked", "out-of-scope", "viewer", "operator", "admin"};
        for (const RouteCase &rc : routes) {
            for (int i = 0; i < 8; ++i) {
                QTest::addRow("%s / %s", rc.name, who[i])
                    << rc.method << rc.target << rc.body << QString::fromLatin1(who[i]) << rc.expected[i];
            }
        }
    }

    void authMatrix()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(QString, who);
        QFETCH(int, status);

        static QHash<QString, QByteArray> tokens;
        if (tokens.isEmpty()) {
            tokens[QStringLiteral("none")] = {};
            tokens[QStringLiteral("wrong")] = "mdk_thisisnotatokenthisisnotatokenthisisnotatok";
            // An expired token, written as a registry row (the service refuses past expiries).
            const QByteArray expired = "mdk_expiredexpiredexpiredexpiredexpiredexpired1";
            TokenRecord rec;
            rec.name = QStringLiteral("expired");
            rec.hash = Security::TokenService::hashSecret(QString::fromLatin1(expired));
            rec.role = QStringLiteral("admin");
            rec.expires = QDateTime::currentDateTimeUtc().addSecs(-60);
            QVERIFY(m_fx.catalog->registry().createToken(rec, QStringLiteral("tester")));
            tokens[QStringLiteral("expired")] = expired;
            const QByteArray revoked = m_fx.token(QStringLiteral("revoked"), Security::Role::Admin);
            QVERIFY(m_fx.get("/api/v1/tokens", revoked)->status == 200); // works before...
            QVERIFY(m_fx.tokens->revoke(QStringLiteral("revoked"), QStringLiteral("tester")));
            tokens[QStringLiteral("revoked")] = revoked;
            tokens[QStringLiteral("out-of-scope")] =
                m_fx.token(QStringLiteral("scoped"), Security::Role::Operator, {QStringLiteral("other-model")});
            tokens[QStringLiteral("viewer")] = m_fx.viewer;
            tokens[QStringLiteral("operator")] = m_fx.op;
            tokens[QStringLiteral("admin")] = m_fx.admin;
        }
        auto r = m_fx.send(method, target, body, tokens.value(who));
        QVERIFY(r);
        QVERIFY2(r->status == status, qPrintable(QStringLiteral("got %1: %2").arg(r->status).arg(QString::fromUtf8(r->body.left(200)))));
        if (status >= 400) {
            QVERIFY(!r->error().isEmpty());
            if (status == 401)
                QCOMPARE(r->header("WWW-Authenticate"), QByteArray("Bearer"));
        }
    }

    void perModelPermissionsAreEnforced()
    {
        // An operator key narrowed to inference on mlp-model and reading elsewhere.
        const QByteArray app = m_fx.token(QStringLiteral("infer-only"), Security::Role::Operator,
                                          {QStringLiteral("mlp-model:infer"), QStringLiteral("*:read")});
        QCOMPARE(m_fx.send("POST", "/v2/models/mlp/infer", inferBody(2), app)->status, 200);
        QCOMPARE(m_fx.get("/v2/models/mlp", app)->status, 200);
        QCOMPARE(m_fx.get("/v2/models/other", app)->status, 200);
        QCOMPARE(m_fx.send("POST", "/v2/models/other/infer", inferBody(2), app)->status, 403);
        auto denied = m_fx.send("PATCH", "/api/v1/deployments/mlp", R"({"public":false})", app);
        QCOMPARE(denied->status, 403);
        QVERIFY2(denied->error().contains(QStringLiteral("deploy")), qPrintable(denied->error()));
        // A deploy-only key may change the deployment but not call it.
        const QByteArray deployer = m_fx.token(QStringLiteral("deploy-only"), Security::Role::Operator,
                                               {QStringLiteral("mlp-model:deploy")});
        QCOMPARE(m_fx.send("PATCH", "/api/v1/deployments/mlp", R"({"public":false})", deployer)->status, 200);
        QCOMPARE(m_fx.send("POST", "/v2/models/mlp/infer", inferBody(2), deployer)->status, 403);
    }

    void scopedTokenSeesOnlyItsModels()
    {
        const QByteArray scoped = m_fx.token(QStringLiteral("scoped-viewer"), Security::Role::Viewer, {QStringLiteral("mlp-model")});
        auto r = m_fx.get("/api/v1/deployments", scoped);
        QCOMPARE(r->status, 200);
        const QJsonArray list = r->json().value(QStringLiteral("deployments")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("mlp"));
        r = m_fx.get("/v2/models/stats", scoped);
        QCOMPARE(r->status, 200);
        for (const QJsonValue &v : r->json().value(QStringLiteral("model_stats")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("name")).toString(), QStringLiteral("mlp"));
    }

    void requestJournal()
    {
        const std::uint64_t before = m_fx.server->metrics()->journal().lastSeq();
        QCOMPARE(infer(inferBody(2))->status, 200);
        QCOMPARE(m_fx.send("POST", "/v2/models/mlp/versions/2/infer", inferBody(2), m_fx.op)->status, 200);
        QCOMPARE(infer("{not json")->status, 400);
        QCOMPARE(m_fx.send("POST", "/v2/models/mlp/infer", inferBody(2), "mdk_wrong")->status, 401);

        auto r = m_fx.get("/api/v1/requests?after=" + QByteArray::number(qulonglong(before)), m_fx.op);
        QVERIFY2(r->status == 200, r->body.constData());
        const QJsonArray list = r->json().value(QStringLiteral("requests")).toArray();
        QCOMPARE(list.size(), 4);
        const QJsonObject ok = list.at(0).toObject();
        QCOMPARE(ok.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(ok.value(QStringLiteral("path")).toString(), QStringLiteral("/v2/models/mlp/infer"));
        QCOMPARE(ok.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(ok.value(QStringLiteral("actor")).toString(), QStringLiteral("op"));
        QCOMPARE(ok.value(QStringLiteral("deployment")).toString(), QStringLiteral("mlp"));
        QCOMPARE(ok.value(QStringLiteral("version")).toInt(), 1); // the version that answered
        QCOMPARE(ok.value(QStringLiteral("route")).toString(), QStringLiteral("v2_infer"));
        QVERIFY(ok.value(QStringLiteral("latency_us")).toInteger() >= 0);
        QVERIFY(!ok.value(QStringLiteral("remote")).toString().isEmpty());
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(list.at(2).toObject().value(QStringLiteral("status")).toInt(), 400);
        QCOMPARE(list.at(3).toObject().value(QStringLiteral("status")).toInt(), 401);
        QVERIFY(!list.at(3).toObject().contains(QStringLiteral("actor"))); // nobody authenticated
        const qint64 next = r->json().value(QStringLiteral("next")).toInteger();
        QCOMPARE(next, list.at(3).toObject().value(QStringLiteral("seq")).toInteger());

        // Paging: only what came after (the listing itself was journaled after it was answered).
        r = m_fx.get("/api/v1/requests?after=" + QByteArray::number(next), m_fx.op);
        const QJsonArray newer = r->json().value(QStringLiteral("requests")).toArray();
        QCOMPARE(newer.size(), 1);
        QCOMPARE(newer.first().toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/requests"));

        // Bad parameters and roles.
        QCOMPARE(m_fx.get("/api/v1/requests?limit=0", m_fx.op)->status, 400);
        QCOMPARE(m_fx.get("/api/v1/requests?limit=abc", m_fx.op)->status, 400);
        QCOMPARE(m_fx.get("/api/v1/requests?after=-1", m_fx.op)->status, 400);
        QCOMPARE(m_fx.get("/api/v1/requests", m_fx.viewer)->status, 403);
        QCOMPARE(m_fx.get("/api/v1/requests")->status, 401);

        // A scoped token sees its own model's deployment only.
        const QByteArray scoped = m_fx.token(QStringLiteral("scoped-op"), Security::Role::Operator, {QStringLiteral("other-model")});
        QCOMPARE(m_fx.send("POST", "/v2/models/other/infer", inferBody(2), scoped)->status, 200);
        r = m_fx.get("/api/v1/requests?limit=1000", scoped);
        QCOMPARE(r->status, 200);
        const QJsonArray seen = r->json().value(QStringLiteral("requests")).toArray();
        QVERIFY(!seen.isEmpty());
        for (const QJsonValue &v : seen)
            QCOMPARE(v.toObject().value(QStringLiteral("deployment")).toString(), QStringLiteral("other"));
    }

    void clientGoneMidInference()
    {
        m_fx.engine.hold = true;
        {
            HttpTestClient c;
            QVERIFY(c.connectTo(m_fx.port()));
            c.send(HttpTestClient::request("POST", "/v2/models/mlp/infer", inferBody(8),
                                           {{"Authorization", "Bearer " + m_fx.op}}));
            QTRY_COMPARE(m_fx.engine.heldCount(), 1);
            c.close();
        }
        m_fx.engine.hold = false;
        m_fx.engine.release(); // the runtime answers after the client left: dropped safely
        auto r = infer(inferBody(2));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
    }

    void serverStoppedMidInference()
    {
        auto fx = std::make_unique<ServingFixture>();
        QVERIFY(fx->start());
        fx->engine.add(QStringLiteral("mlp"), QStringLiteral("mlp-model"), {1});
        fx->engine.hold = true;
        HttpTestClient c;
        QVERIFY(c.connectTo(fx->port()));
        c.send(HttpTestClient::request("POST", "/v2/models/mlp/infer", inferBody(8), {{"Authorization", "Bearer " + fx->op}}));
        QTRY_COMPARE(fx->engine.heldCount(), 1);
        fx->server->stop();
        fx->server.reset();
        fx->engine.release(); // the callback outlives the server
        QVERIFY(c.waitClosed());
    }

    void tritonStats()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_fx.send("POST", "/v2/models/mlp/versions/2/infer", inferBody(2), m_fx.op)->status, 200);
        auto r = m_fx.get("/v2/models/mlp/versions/2/stats", m_fx.viewer);
        QCOMPARE(r->status, 200);
        const QJsonArray stats = r->json().value(QStringLiteral("model_stats")).toArray();
        QCOMPARE(stats.size(), 1);
        const QJsonObject s = stats.first().toObject();
        QCOMPARE(s.value(QStringLiteral("name")).toString(), QStringLiteral("mlp"));
        QCOMPARE(s.value(QStringLiteral("version")).toString(), QStringLiteral("2"));
        QVERIFY(s.value(QStringLiteral("inference_count")).toInteger() >= 3);
        const QJsonObject inference = s.value(QStringLiteral("inference_stats")).toObject();
        for (const char *k : {"success", "fail", "queue", "compute_input", "compute_infer", "compute_output"}) {
            QVERIFY2(inference.value(QLatin1String(k)).toObject().contains(QStringLiteral("ns")), k);
        }
        QVERIFY(inference.value(QStringLiteral("success")).toObject().value(QStringLiteral("count")).toInteger() >= 3);
        QVERIFY(!s.value(QStringLiteral("batch_stats")).toArray().isEmpty());
        // Refused requests count as failures of the version they targeted.
        const qint64 failBefore = inference.value(QStringLiteral("fail")).toObject().value(QStringLiteral("count")).toInteger();
        QCOMPARE(m_fx.send("POST", "/v2/models/mlp/versions/2/infer", "{bad", m_fx.op)->status, 400);
        r = m_fx.get("/v2/models/mlp/versions/2/stats", m_fx.viewer);
        const qint64 failAfter = r->json()
                                     .value(QStringLiteral("model_stats")).toArray().first().toObject()
                                     .value(QStringLiteral("inference_stats")).toObject()
                                     .value(QStringLiteral("fail")).toObject()
                                     .value(QStringLiteral("count")).toInteger();
        QCOMPARE(failAfter, failBefore + 1);
    }

    void metricsPassPromtool()
    {
        QCOMPARE(infer(inferBody(2))->status, 200);
        auto r = m_fx.get("/metrics", m_fx.viewer);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(r->header("Content-Type").startsWith("text/plain; version=0.0.4"));
        const QByteArray text = r->body;
        QVERIFY(text.contains("modeldesk_http_requests_total{"));
        QVERIFY(text.contains(R"(modeldesk_inference_requests_total{deployment="mlp",outcome="ok",version="1"})"));
        QVERIFY(text.contains("modeldesk_inference_request_duration_seconds_bucket{deployment=\"mlp\""));
        QVERIFY(text.contains("le=\"0.0001\""));
        QVERIFY(text.contains(R"(modeldesk_deployment_state{deployment="mlp",state="ready"} 1)"));

        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus)");
        QProcess p;
        p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(p.waitForStarted());
        p.write(text);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        const QByteArray complaint = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, complaint.constData());
    }
};

QTEST_GUILESS_MAIN(tst_KServeApi)
#include "tst_kserveapi.moc"
