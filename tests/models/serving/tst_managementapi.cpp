// /api/v1 through a real server: model upload (real TorchScript files, streamed to the workspace's
// tmp folder and imported by the catalog), versions, aliases, tags, deletes guarded by deployments,
// deployment management (fake engine), tokens (secret once, revocation at once), runs, audit with
// the token name as actor, OpenAPI document, route and name errors.

#include "servingtestutil.h"

#include "testmodels.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

using namespace ModelDesk;
using namespace ServingTest;

class tst_ManagementApi : public QObject
{
    Q_OBJECT

private:
    ServingFixture m_fx;

    std::optional<HttpReply> upload(const QByteArray &target, const QString &file, const QByteArray &token)
    {
        return m_fx.send("POST", target, TestData::readModel(file), token, {{"Content-Type", "application/octet-stream"}});
    }

    QStringList auditActors(const QString &target)
    {
        auto r = m_fx.get("/api/v1/audit?target=" + target.toUtf8(), m_fx.admin);
        QStringList actors;
        for (const QJsonValue &v : r->json().value(QStringLiteral("audit")).toArray())
            actors << v.toObject().value(QStringLiteral("actor")).toString();
        return actors;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fx.start()); }

    void uploadAndInspectModels()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        auto r = upload("/api/v1/models?name=mlp&description=first%20cut", QStringLiteral("mlp.pt"), m_fx.op);
        QVERIFY(r);
        QVERIFY2(r->status == 201, r->body.constData());
        QJsonObject v = r->json();
        QCOMPARE(v.value(QStringLiteral("model")).toString(), QStringLiteral("mlp"));
        QCOMPARE(v.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(v.value(QStringLiteral("description")).toString(), QStringLiteral("first cut"));
        QCOMPARE(v.value(QStringLiteral("sha256")).toString().size(), 64);

        r = upload("/api/v1/models/mlp/versions?description=second", QStringLiteral("mlp_v2.pt"), m_fx.op);
        QCOMPARE(r->status, 201);
        QCOMPARE(r->json().value(QStringLiteral("version")).toInt(), 2);

        // Nothing is left in the upload folder.
        QCOMPARE(QDir(m_fx.catalog->workspace().tmpDir()).entryList(QDir::Files).size(), 0);

        r = m_fx.get("/api/v1/models", m_fx.viewer);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("models")).toArray().size(), 1);
        r = m_fx.get("/api/v1/models/mlp", m_fx.viewer);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("versions")).toArray().size(), 2);
        r = m_fx.get("/api/v1/models/mlp/versions/2", m_fx.viewer);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("description")).toString(), QStringLiteral("second"));
        QCOMPARE(m_fx.get("/api/v1/models/mlp/versions/3", m_fx.viewer)->status, 404);
        QCOMPARE(m_fx.get("/api/v1/models/ghost", m_fx.viewer)->status, 404);
        QVERIFY(auditActors(QStringLiteral("mlp")).contains(QStringLiteral("op")));
    }

    void uploadRefusals()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        // Not TorchScript: the client's fault, never a 500.
        auto r = upload("/api/v1/models?name=junk", QStringLiteral("random.bin"), m_fx.op);
        QVERIFY(r->status == 400 || r->status == 422);
        QVERIFY(!r->error().isEmpty());
        QCOMPARE(upload("/api/v1/models?name=mlp", QStringLiteral("mlp.pt"), m_fx.viewer)->status, 403);
        QCOMPARE(upload("/api/v1/models?name=mlp", QStringLiteral("mlp.pt"), {})->status, 401);
        QCOMPARE(upload("/api/v1/models", QStringLiteral("mlp.pt"), m_fx.op)->status, 400);
        QCOMPARE(upload("/api/v1/models?name=..%2Fetc", QStringLiteral("mlp.pt"), m_fx.op)->status, 400);
        // No endpoint takes a path: a "path" parameter is ignored and an empty body is refused.
        r = m_fx.send("POST", "/api/v1/models?name=sneaky&path=/etc/passwd", {}, m_fx.op);
        QCOMPARE(r->status, 400);
        QVERIFY(r->error().contains(QStringLiteral("request body")));
        const QByteArray scoped = m_fx.token(QStringLiteral("scoped-op"), Security::Role::Operator, {QStringLiteral("other")});
        QCOMPARE(upload("/api/v1/models?name=mlp", QStringLiteral("mlp.pt"), scoped)->status, 403);
        QCOMPARE(QDir(m_fx.catalog->workspace().tmpDir()).entryList(QDir::Files).size(), 0);
    }

    void versionEdits()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        auto r = m_fx.send("PATCH", "/api/v1/models/mlp/versions/1", R"({"description":"better words"})", m_fx.op);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("description")).toString(), QStringLiteral("better words"));
        QCOMPARE(m_fx.send("PATCH", "/api/v1/models/mlp/versions/1", R"({"description":5})", m_fx.op)->status, 400);

        r = m_fx.send("PUT", "/api/v1/models/mlp/aliases/production", R"({"version":2})", m_fx.op);
        QCOMPARE(r->status, 200);
        r = m_fx.get("/api/v1/models/mlp/versions/2", m_fx.viewer);
        QVERIFY(r->json().value(QStringLiteral("aliases")).toArray().contains(QStringLiteral("production")));
        QCOMPARE(m_fx.send("PUT", "/api/v1/models/mlp/aliases/production", R"({"version":9})", m_fx.op)->status, 404);
        QCOMPARE(m_fx.send("PUT", "/api/v1/models/mlp/aliases/production", R"({"version":"2"})", m_fx.op)->status, 400);
        QCOMPARE(m_fx.send("DELETE", "/api/v1/models/mlp/aliases/production", {}, m_fx.op)->status, 200);

        r = m_fx.send("PUT", "/api/v1/models/mlp/versions/1/tags/stage", R"({"value":"qa"})", m_fx.op);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("tags")).toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("qa"));
        QCOMPARE(m_fx.send("PUT", "/api/v1/models/mlp/versions/1/tags/BAD%20KEY", R"({"value":"x"})", m_fx.op)->status, 400);
        QCOMPARE(m_fx.send("DELETE", "/api/v1/models/mlp/versions/1/tags/stage", {}, m_fx.op)->status, 200);
        QCOMPARE(m_fx.send("PUT", "/api/v1/models/mlp/versions/1/tags/stage", R"({"value":"qa"})", m_fx.viewer)->status, 403);
    }

    void deploymentLifecycle()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        auto r = m_fx.send("POST", "/api/v1/deployments", R"({"name":"web","model":"mlp","version":1})", m_fx.op);
        QVERIFY2(r->status == 201, r->body.constData());
        QCOMPARE(r->json().value(QStringLiteral("name")).toString(), QStringLiteral("web"));
        QCOMPARE(m_fx.send("POST", "/api/v1/deployments", R"({"name":"web","model":"mlp","version":1})", m_fx.op)->status, 409);
        QCOMPARE(m_fx.send("POST", "/api/v1/deployments", R"({"name":"x","model":"mlp","version":0})", m_fx.op)->status, 400);
        QCOMPARE(m_fx.send("POST", "/api/v1/deployments", R"({"name":"x"})", m_fx.op)->status, 400);
        QCOMPARE(m_fx.send("POST", "/api/v1/deployments", "not json", m_fx.op)->status, 400);

        r = m_fx.send("PUT", "/api/v1/deployments/web", R"({"model":"mlp","version":1,"public":true})", m_fx.op);
        QCOMPARE(r->status, 200);
        r = m_fx.send("PATCH", "/api/v1/deployments/web", R"({"batching":{"max_batch_size":32},"public":false})", m_fx.op);
        QVERIFY2(r->status == 200, r->body.constData());
        QCOMPARE(r->json().value(QStringLiteral("spec")).toObject().value(QStringLiteral("batching")).toObject()
                     .value(QStringLiteral("max_batch_size")).toInt(), 32);
        QCOMPARE(m_fx.send("PATCH", "/api/v1/deployments/web", R"({"batching":{"turbo":1}})", m_fx.op)->status, 400);
        QCOMPARE(m_fx.send("PATCH", "/api/v1/deployments/web", R"({"batching":{"max_batch_size":0}})", m_fx.op)->status, 400);
        QCOMPARE(m_fx.send("PATCH", "/api/v1/deployments/web", R"({"model":"other"})", m_fx.op)->status, 400);

        // Deployed versions cannot be deleted.
        r = m_fx.send("DELETE", "/api/v1/models/mlp/versions/1", {}, m_fx.op);
        QCOMPARE(r->status, 409);
        QVERIFY(r->error().contains(QStringLiteral("web")));
        QCOMPARE(m_fx.send("DELETE", "/api/v1/models/mlp", {}, m_fx.op)->status, 409);

        QCOMPARE(m_fx.send("POST", "/api/v1/deployments/web/swap", R"({"version":2})", m_fx.op)->status, 200);
        QCOMPARE(m_fx.send("POST", "/api/v1/deployments/web/swap", R"({"version":"x"})", m_fx.op)->status, 400);
        r = m_fx.send("POST", "/api/v1/deployments/web/rollback", {}, m_fx.op);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("spec")).toObject().value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(m_fx.send("POST", "/api/v1/deployments/web/rollback", {}, m_fx.op)->status, 409);
        r = m_fx.send("POST", "/api/v1/deployments/web/canary", R"({"version":2,"percent":10})", m_fx.op);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("spec")).toObject().value(QStringLiteral("canary_percent")).toInt(), 10);
        QCOMPARE(m_fx.send("POST", "/api/v1/deployments/web/canary", R"({"version":2,"percent":101})", m_fx.op)->status, 400);
        r = m_fx.send("POST", "/api/v1/deployments/web/canary", R"({"version":null})", m_fx.op);
        QCOMPARE(r->json().value(QStringLiteral("spec")).toObject().value(QStringLiteral("canary_percent")).toInt(), 0);
        r = m_fx.send("POST", "/api/v1/deployments/web/unload", {}, m_fx.op);
        QCOMPARE(r->json().value(QStringLiteral("state")).toString(), QStringLiteral("unloaded"));
        QCOMPARE(m_fx.get("/api/v1/deployments", m_fx.viewer)->json().value(QStringLiteral("deployments")).toArray().size(), 1);
        QCOMPARE(m_fx.send("DELETE", "/api/v1/deployments/web", {}, m_fx.op)->status, 200);
        QCOMPARE(m_fx.get("/api/v1/deployments/web", m_fx.viewer)->status, 404);
        QCOMPARE(m_fx.send("POST", "/api/v1/deployments/web/swap", R"({"version":2})", m_fx.op)->status, 404);

        // Every change carries the token name as actor.
        for (const QString &a : m_fx.engine.actions())
            QVERIFY2(a.endsWith(QStringLiteral(" by op")), qPrintable(a));

        // Now the model can go.
        QCOMPARE(m_fx.send("DELETE", "/api/v1/models/mlp/versions/2", {}, m_fx.op)->status, 200);
        QCOMPARE(m_fx.get("/api/v1/models/mlp/versions/2", m_fx.viewer)->status, 404);
        QCOMPARE(m_fx.send("DELETE", "/api/v1/models/mlp", {}, m_fx.op)->status, 200);
        QCOMPARE(m_fx.get("/api/v1/models/mlp", m_fx.viewer)->status, 404);
    }

    void tokens()
    {
        auto r = m_fx.send("POST", "/api/v1/tokens", R"({"name":"ci","role":"operator","models":["a","b"],"expires":"30d"})", m_fx.admin);
        QVERIFY2(r->status == 201, r->body.constData());
        QCOMPARE(r->header("Cache-Control"), QByteArray("no-store"));
        const QByteArray secret = r->json().value(QStringLiteral("token")).toString().toUtf8();
        QVERIFY(secret.startsWith("mdk_"));
        QVERIFY(!r->json().value(QStringLiteral("expires")).toString().isEmpty());
        QCOMPARE(m_fx.get("/api/v1/models", secret)->status, 200);

        r = m_fx.get("/api/v1/tokens", m_fx.admin);
        QCOMPARE(r->status, 200);
        QVERIFY(!r->body.contains(secret));
        QVERIFY(!r->body.contains(Security::TokenService::hashSecret(QString::fromUtf8(secret)).toUtf8()));
        bool listed = false;
        for (const QJsonValue &t : r->json().value(QStringLiteral("tokens")).toArray()) {
            if (t.toObject().value(QStringLiteral("name")).toString() == QLatin1String("ci")) {
                listed = true;
                QCOMPARE(t.toObject().value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
                QCOMPARE(t.toObject().value(QStringLiteral("models")).toArray().size(), 2);
            }
        }
        QVERIFY(listed);

        QCOMPARE(m_fx.send("POST", "/api/v1/tokens", R"({"name":"ci","role":"viewer"})", m_fx.admin)->status, 409);
        QCOMPARE(m_fx.send("POST", "/api/v1/tokens", R"({"name":"x","role":"root"})", m_fx.admin)->status, 400);
        QCOMPARE(m_fx.send("POST", "/api/v1/tokens", R"({"name":"x","role":"viewer","expires":"yesterday"})", m_fx.admin)->status, 400);
        QCOMPARE(m_fx.send("POST", "/api/v1/tokens", R"({"name":"Bad Name","role":"viewer"})", m_fx.admin)->status, 400);

        QCOMPARE(m_fx.send("DELETE", "/api/v1/tokens/ci", {}, m_fx.admin)->status, 200);
        QCOMPARE(m_fx.get("/api/v1/models", secret)->status, 401); // at once
        QCOMPARE(m_fx.send("DELETE", "/api/v1/tokens/ghost", {}, m_fx.admin)->status, 404);
        QVERIFY(auditActors(QStringLiteral("token%2Fci")).contains(QStringLiteral("admin")));
    }

    void runs()
    {
        RunRecord run;
        run.id = QStringLiteral("20260101-120000-ab12");
        run.state = QStringLiteral("finished");
        run.dataset = QStringLiteral("fashion");
        QVERIFY(m_fx.catalog->registry().createRun(run, QStringLiteral("tester")));
        auto r = m_fx.get("/api/v1/runs", m_fx.viewer);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("runs")).toArray().size(), 1);
        r = m_fx.get("/api/v1/runs/20260101-120000-ab12?metrics=true", m_fx.viewer);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->json().value(QStringLiteral("state")).toString(), QStringLiteral("finished"));
        QVERIFY(r->json().contains(QStringLiteral("metrics_history")));
        QCOMPARE(m_fx.get("/api/v1/runs/nope", m_fx.viewer)->status, 404);
    }

    void openApiDocument()
    {
        auto r = m_fx.get("/api/v1/openapi.json");
        QCOMPARE(r->status, 200);
        const QJsonObject doc = r->json();
        QCOMPARE(doc.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        for (const char *p : {"/v2/models/{model}/infer", "/api/v1/models", "/api/v1/deployments/{deployment}/swap",
                              "/api/v1/tokens", "/metrics"})
            QVERIFY2(paths.contains(QLatin1String(p)), p);
    }

    void routeErrors()
    {
        QCOMPARE(m_fx.get("/api/v1/nope", m_fx.viewer)->status, 404);
        QCOMPARE(m_fx.get("/api", m_fx.viewer)->status, 404);
        QCOMPARE(m_fx.get("/", m_fx.viewer)->status, 404);
        auto r = m_fx.send("PUT", "/api/v1/models", "{}", m_fx.op);
        QCOMPARE(r->status, 405);
        QVERIFY(r->header("Allow").contains("GET"));
        QVERIFY(r->header("Allow").contains("POST"));
        r = m_fx.get("/api/v1/models/Not_Valid!", m_fx.viewer);
        QCOMPARE(r->status, 400);
        QVERIFY(r->error().contains(QStringLiteral("invalid model name")));
        QCOMPARE(m_fx.get("/api/v1/models/x/versions/0", m_fx.viewer)->status, 400);
        QCOMPARE(m_fx.get("/api/v1/models/x/versions/-1", m_fx.viewer)->status, 400);
    }
};

QTEST_GUILESS_MAIN(tst_ManagementApi)
#include "tst_managementapi.moc"
