// The Beast transport on its own, with a scriptable handler: keep-alive, pipelining order,
// Connection: close, HTTP/1.0, body and header limits before buffering, early refusals, uploads to
// a file, 100-continue, disconnects and stop() with responses still pending, idle timeout, TLS.

#include "httptestclient.h"

#include "serving/httpserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QTest>
#include <QUrlQuery>
#include <atomic>
#include <map>
#include <mutex>

using namespace ModelDesk;
using namespace ModelDesk::Serving;
using namespace ServingTest;

namespace {

class ScriptHandler final : public HttpHandler
{
public:
    QString uploadDir;
    std::atomic<int> handled{0};
    std::mutex mutex;
    std::map<std::string, Responder> held;
    QString lastUploadFile;
    qint64 lastUploadSize = -1;

    HeaderDecision onHeader(const HttpRequest &head) override
    {
        HeaderDecision d;
        d.bodyLimit = 64 * 1024;
        const std::string_view path = head.path();
        if (path == "/reject") {
            HttpResponse r;
            r.status = 401;
            r.body = R"({"error":"go away"})";
            d.reject = r;
        } else if (path == "/small") {
            d.bodyLimit = 1024;
        } else if (path == "/upload") {
            d.bodyToFile = true;
            d.bodyFileDir = uploadDir;
            d.bodyLimit = 1 << 20;
        }
        return d;
    }

    void handle(HttpRequest request, Responder respond) override
    {
        ++handled;
        const std::string path(request.path());
        if (path.rfind("/hold/", 0) == 0) {
            std::lock_guard lock(mutex);
            held.emplace(path.substr(6), respond);
            return;
        }
        HttpResponse r;
        r.contentType = "text/plain";
        if (path == "/upload") {
            std::lock_guard lock(mutex);
            lastUploadFile = request.bodyFile;
            lastUploadSize = QFileInfo(request.bodyFile).size();
            r.body = std::to_string(lastUploadSize);
            QFile::remove(request.bodyFile);
        } else {
            r.body = request.method + " " + request.target + " " + std::to_string(request.body.size());
        }
        respond(std::move(r));
    }

    int heldCount()
    {
        std::lock_guard lock(mutex);
        return int(held.size());
    }

    void release(const std::string &id, const std::string &body)
    {
        Responder r;
        {
            std::lock_guard lock(mutex);
            auto it = held.find(id);
            if (it == held.end())
                return;
            r = it->second;
            held.erase(it);
        }
        HttpResponse resp;
        resp.contentType = "text/plain";
        resp.body = body;
        r(std::move(resp));
    }
};

} // namespace

class tst_HttpServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ScriptHandler m_handler;
    std::unique_ptr<HttpServer> m_server;

    quint16 port() const { return m_server->port(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_handler.uploadDir = m_dir.path();
        HttpServerOptions o;
        o.port = 0;
        o.ioThreads = 2;
        m_server = std::make_unique<HttpServer>(m_handler, o);
        QVERIFY(m_server->start());
        QVERIFY(port() != 0);
        QVERIFY(m_server->url().startsWith(QStringLiteral("http://127.0.0.1:")));
    }

    void cleanupTestCase() { m_server->stop(); }

    void keepAlive()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        for (int i = 0; i < 3; ++i) {
            c.send(HttpTestClient::request("GET", "/echo?i=" + QByteArray::number(i)));
            auto r = c.read();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(r->body, "GET /echo?i=" + QByteArray::number(i) + " 0");
            QVERIFY(r->header("Connection").toLower() != "close");
        }
        QCOMPARE(c.socket().state(), QAbstractSocket::ConnectedState);
    }

    void pipelinedResponsesInOrder()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        c.send(HttpTestClient::request("GET", "/hold/first") + HttpTestClient::request("GET", "/hold/second") +
               HttpTestClient::request("POST", "/echo", "xyz"));
        // Both held requests reach the handler before either is answered: they run concurrently.
        QTRY_COMPARE(m_handler.heldCount(), 2);
        m_handler.release("second", "2");
        m_handler.release("first", "1");
        auto a = c.read();
        auto b = c.read();
        auto e = c.read();
        QVERIFY(a && b && e);
        QCOMPARE(a->body, QByteArray("1"));
        QCOMPARE(b->body, QByteArray("2"));
        QCOMPARE(e->body, QByteArray("POST /echo 3"));
    }

    void connectionClose()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        c.send(HttpTestClient::request("GET", "/echo", {}, {{"Connection", "close"}}));
        auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->header("Connection").toLower(), QByteArray("close"));
        QVERIFY(c.waitClosed());
    }

    void http10()
    {
        {
            HttpTestClient c;
            QVERIFY(c.connectTo(port()));
            c.send(HttpTestClient::request("GET", "/echo", {}, {}, "HTTP/1.0"));
            auto r = c.read();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(r->version, QByteArray("HTTP/1.0"));
            QVERIFY(c.waitClosed());
        }
        {
            // HTTP/1.0 keep-alive, as ApacheBench -k sends it.
            HttpTestClient c;
            QVERIFY(c.connectTo(port()));
            for (int i = 0; i < 2; ++i) {
                c.send(HttpTestClient::request("GET", "/echo", {}, {{"Connection", "keep-alive"}}, "HTTP/1.0"));
                auto r = c.read();
                QVERIFY(r);
                QCOMPARE(r->version, QByteArray("HTTP/1.0"));
                QCOMPARE(r->header("Connection").toLower(), QByteArray("keep-alive"));
            }
        }
    }

    void bodyLimitFromContentLength()
    {
        const int before = m_handler.handled;
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        // 10 GiB announced, nothing sent: the answer comes from the head alone.
        c.send("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 10737418240\r\n\r\n");
        auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(r->error().contains(QStringLiteral("limit")));
        QVERIFY(c.waitClosed());
        QCOMPARE(int(m_handler.handled), before);
    }

    void bodyLimitWhileStreaming()
    {
        const int before = m_handler.handled;
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        c.send("POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk(600, 'a');
        for (int i = 0; i < 3; ++i)
            c.send(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(c.waitClosed());
        QCOMPARE(int(m_handler.handled), before);
    }

    void headerLimit()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        c.send("GET /echo HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(20000, 'b') + "\r\n\r\n");
        auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 431);
        QVERIFY(c.waitClosed());
    }

    void malformedRequest()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        c.send("THIS IS NOT HTTP\r\n\r\n");
        auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 400);
        QVERIFY(c.waitClosed());
    }

    void refusedBeforeBody()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        c.send("POST /reject HTTP/1.1\r\nHost: x\r\nContent-Length: 50000\r\n\r\n" + QByteArray(100, 'x'));
        auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 401);
        QVERIFY(c.waitClosed()); // the unread body makes the connection unusable
        // Without a body the connection stays usable.
        HttpTestClient k;
        QVERIFY(k.connectTo(port()));
        k.send(HttpTestClient::request("GET", "/reject") + HttpTestClient::request("GET", "/echo"));
        auto first = k.read();
        auto second = k.read();
        QVERIFY(first && second);
        QCOMPARE(first->status, 401);
        QCOMPARE(second->status, 200);
    }

    void uploadStreamsToFile()
    {
        const QByteArray data(300 * 1024, 'u');
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        c.send(HttpTestClient::request("POST", "/upload", data));
        auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArray::number(data.size()));
        QVERIFY(m_handler.lastUploadFile.startsWith(m_dir.path()));
        QVERIFY(!QFile::exists(m_handler.lastUploadFile));
        // Over the upload limit: refused, and no partial file is left behind.
        HttpTestClient big;
        QVERIFY(big.connectTo(port()));
        big.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk(256 * 1024, 'v');
        for (int i = 0; i < 5 && big.socket().state() == QAbstractSocket::ConnectedState; ++i)
            big.send(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        auto tooBig = big.read();
        QVERIFY(tooBig);
        QCOMPARE(tooBig->status, 413);
        QTRY_COMPARE(QDir(m_dir.path()).entryList(QDir::Files).size(), 0);
    }

    void expectContinue()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        QTRY_VERIFY(c.socket().waitForReadyRead(100) || c.socket().bytesAvailable() > 0);
        const QByteArray interim = c.socket().readAll();
        QVERIFY2(interim.startsWith("HTTP/1.1 100 Continue"), interim.constData());
        c.send("hello");
        auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->body, QByteArray("POST /echo 5"));
    }

    void clientGoneBeforeAnswer()
    {
        {
            HttpTestClient c;
            QVERIFY(c.connectTo(port()));
            c.send(HttpTestClient::request("GET", "/hold/gone"));
            QTRY_COMPARE(m_handler.heldCount(), 1);
            c.close();
        }
        // Give the server a chance to see the reset, then answer: the response is dropped safely.
        HttpTestClient probe;
        QVERIFY(probe.connectTo(port()));
        probe.send(HttpTestClient::request("GET", "/echo"));
        QVERIFY(probe.read());
        m_handler.release("gone", "late");
        probe.send(HttpTestClient::request("GET", "/echo"));
        auto r = probe.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
    }

    void unansweredResponderGives500()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(port()));
        c.send(HttpTestClient::request("GET", "/hold/dropped"));
        QTRY_COMPARE(m_handler.heldCount(), 1);
        {
            std::lock_guard lock(m_handler.mutex);
            m_handler.held.clear(); // the handler "forgets" the request
        }
        auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 500);
    }

    void idleConnectionsAreClosed()
    {
        ScriptHandler handler;
        HttpServerOptions o;
        o.idleTimeoutMs = 200;
        HttpServer server(handler, o);
        QVERIFY(server.start());
        HttpTestClient c;
        QVERIFY(c.connectTo(server.port()));
        QVERIFY(c.waitClosed(10000));
        // A slow client that never finishes its head is closed too.
        HttpTestClient slow;
        QVERIFY(slow.connectTo(server.port()));
        slow.send("GET /echo HTTP/1.1\r\nHo");
        QVERIFY(slow.waitClosed(10000));
    }

    void slowBodyIsClosedAtTheBodyTimeout()
    {
        // The body deadline is earlier than the idle one already pending: the timer must move up.
        ScriptHandler handler;
        HttpServerOptions o;
        o.idleTimeoutMs = 60000;
        o.bodyTimeoutMs = 300;
        HttpServer server(handler, o);
        QVERIFY(server.start());
        HttpTestClient c;
        QVERIFY(c.connectTo(server.port()));
        QElapsedTimer clock;
        clock.start();
        c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part of it");
        QVERIFY(c.waitClosed(20000));
        QVERIFY2(clock.elapsed() < 20000, "closed by the body timeout, not the idle one");
        // A client that keeps its connection busy is not cut by a deadline of an earlier phase.
        HttpServerOptions quick;
        quick.idleTimeoutMs = 400;
        HttpServer busy(handler, quick);
        QVERIFY(busy.start());
        HttpTestClient k;
        QVERIFY(k.connectTo(busy.port()));
        for (int i = 0; i < 6; ++i) {
            QTest::qWait(150); // 900 ms in all: past the first idle deadline, never idle for 400 ms
            k.send(HttpTestClient::request("GET", "/echo"));
            auto r = k.read();
            QVERIFY2(r, "the connection was closed while in use");
            QCOMPARE(r->status, 200);
        }
        QVERIFY(k.waitClosed(10000)); // and then idle: closed
    }

    void stopWithPendingResponses()
    {
        ScriptHandler handler;
        auto server = std::make_unique<HttpServer>(handler, HttpServerOptions{});
        QVERIFY(server->start());
        HttpTestClient c;
        QVERIFY(c.connectTo(server->port()));
        c.send(HttpTestClient::request("GET", "/hold/pending"));
        QTRY_COMPARE(handler.heldCount(), 1);
        server->stop();
        QVERIFY(c.waitClosed());
        handler.release("pending", "after stop"); // must be dropped without touching freed state
        server.reset();
        QVERIFY(!c.read(200));
    }

    void badListenAddress()
    {
        ScriptHandler handler;
        HttpServerOptions o;
        o.host = QStringLiteral("not-an-address");
        HttpServer server(handler, o);
        auto s = server.start();
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::InvalidArgument);
        QVERIFY(HttpServer::isLoopbackHost(QStringLiteral("127.0.0.1")));
        QVERIFY(HttpServer::isLoopbackHost(QStringLiteral("::1")));
        QVERIFY(!HttpServer::isLoopbackHost(QStringLiteral("0.0.0.0")));
    }

    void tls()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                       QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
            QSKIP("openssl cannot make a test certificate");

        ScriptHandler handler;
        HttpServerOptions o;
        o.tlsCertificateFile = cert;
        o.tlsPrivateKeyFile = key;
        HttpServer server(handler, o);
        QVERIFY(server.start());
        QVERIFY(server.isTls());
        QVERIFY(server.url().startsWith(QStringLiteral("https://")));

        QSslSocket s;
        s.setPeerVerifyMode(QSslSocket::VerifyNone);
        s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY2(s.waitForEncrypted(10000), qPrintable(s.errorString()));
        s.write(HttpTestClient::request("GET", "/echo", {}, {{"Connection", "close"}}));
        QByteArray all;
        while (s.waitForReadyRead(10000))
            all += s.readAll();
        all += s.readAll();
        QVERIFY2(all.startsWith("HTTP/1.1 200"), all.constData());
        QVERIFY(all.endsWith("GET /echo 0"));

        // Wrong key file: a clear error at start.
        HttpServerOptions bad = o;
        bad.tlsPrivateKeyFile = m_dir.filePath(QStringLiteral("missing.pem"));
        HttpServer broken(handler, bad);
        auto st = broken.start();
        QVERIFY(!st);
        QVERIFY(st.error().message.contains(QStringLiteral("private key")));
    }
};

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
