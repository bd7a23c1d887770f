#pragma once
// A real model server on 127.0.0.1 port 0 over a real workspace (registry + catalog in a
// QTemporaryDir) and real tokens, with the FakeEngine behind it.

#include "fakeengine.h"
#include "httptestclient.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "security/tokenservice.h"
#include "serving/modelserver.h"
#include "serving/servingmetrics.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace ServingTest {

using namespace ModelDesk;

struct ServingFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Registry::ModelCatalog> catalog;
    std::unique_ptr<Security::TokenService> tokens;
    FakeEngine engine;
    std::shared_ptr<Serving::ServingMetrics> metrics = std::make_shared<Serving::ServingMetrics>();
    std::unique_ptr<Serving::ModelServer> server;
    QByteArray admin, op, viewer;

    ~ServingFixture()
    {
        if (server)
            server->stop();
        engine.observer = nullptr;
    }

    bool start(Serving::ModelServerOptions options = {})
    {
        if (!dir.isValid())
            return false;
        auto ws = Workspace::open(dir.path());
        if (!ws)
            return false;
        auto c = Registry::ModelCatalog::open(*ws);
        if (!c)
            return false;
        catalog = std::move(*c);
        tokens = std::make_unique<Security::TokenService>(catalog->registry());
        engine.observer = metrics.get();
        options.http.port = 0;
        server = std::make_unique<Serving::ModelServer>(engine, *catalog, *tokens, options, metrics);
        if (!server->start())
            return false;
        admin = token(QStringLiteral("admin"), Security::Role::Admin);
        op = token(QStringLiteral("op"), Security::Role::Operator);
        viewer = token(QStringLiteral("viewer"), Security::Role::Viewer);
        return !admin.isEmpty() && !op.isEmpty() && !viewer.isEmpty();
    }

    QByteArray token(const QString &name, Security::Role role, const QStringList &models = {}, const QDateTime &expires = {})
    {
        Security::TokenRequest r;
        r.name = name;
        r.role = role;
        r.models = models;
        r.expires = expires;
        auto issued = tokens->create(r, QStringLiteral("tester"));
        return issued ? issued->secret.toUtf8() : QByteArray();
    }

    quint16 port() const { return server->port(); }

    std::optional<HttpReply> get(const QByteArray &target, const QByteArray &token = {})
    {
        return fetch(port(), "GET", target, {}, token);
    }
    std::optional<HttpReply> send(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                                  const QByteArray &token = {}, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        return fetch(port(), method, target, body, token, headers);
    }
};

// A v2 JSON request with one FP32 [1, n] input of values 0, 1, 2, ...
inline QByteArray inferBody(int n = 4, const QByteArray &extra = {})
{
    QByteArray data;
    for (int i = 0; i < n; ++i)
        data += (i ? "," : "") + QByteArray::number(i);
    return R"({"id":"req-1",)" + extra + R"("inputs":[{"name":"input__0","datatype":"FP32","shape":[1,)" +
           QByteArray::number(n) + R"(],"data":[)" + data + "]}]}";
}

} // namespace ServingTest
