#pragma once
// HttpServer: the HTTP/1.1 transport of the serving module, on Boost.Beast (see environment.md for
// why not Qt HttpServer 6.4). It owns an Asio io_context run by its own I/O threads and hands every
// request to an HttpHandler. What it guarantees:
//  - loopback by default; another address is the caller's explicit choice, and without TLS it logs
//    a loud warning;
//  - body limits decided per request from the head, checked against Content-Length before reading
//    and while streaming chunked bodies (413, then the connection closes);
//  - keep-alive with an idle timeout, body and write timeouts, `Connection: close` and HTTP/1.0;
//  - pipelined requests are handled concurrently and answered in order;
//  - a response for a client that went away (or after stop()) is dropped safely.
//
// Threads: start()/stop() from one controlling thread; handlers run on the I/O threads.
// Ownership: the handler must outlive the server (or stop() must have returned).

#include "httptypes.h"

#include "core/result.h"

#include <QString>
#include <memory>

namespace ModelDesk::Serving {

struct HttpServerOptions
{
    QString host = QStringLiteral("127.0.0.1");   // numeric address or "localhost"
    quint16 port = 0;                              // 0 = any free port (see port())
    QString tlsCertificateFile;                    // PEM chain; with tlsPrivateKeyFile: HTTPS
    QString tlsPrivateKeyFile;                     // PEM
    int ioThreads = 1;
    int headerLimitBytes = 16 * 1024;
    int idleTimeoutMs = 60'000;                    // keep-alive idle and request-head timeout
    int bodyTimeoutMs = 120'000;                   // reading one request body
    int writeTimeoutMs = 60'000;                   // writing one response
    int maxPipelined = 16;                         // requests in flight per connection before reading pauses
    // An I/O thread that runs out of ready work keeps polling for this long before it sleeps in
    // epoll: the answer from a worker or the client's next request is then handled without a
    // wake-up (tens of microseconds on an idle core). Costs up to this much CPU per idle gap; 0 = off.
    int spinUs = 50;
};

class HttpServer final
{
public:
    HttpServer(HttpHandler &handler, HttpServerOptions options);
    ~HttpServer(); // stop()
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds, listens and starts the I/O threads. InvalidArgument for a bad host or TLS files,
    // Io when the address cannot be bound. Call once.
    Status start();
    // Closes the listener and every connection and joins the I/O threads. Idempotent.
    void stop();

    bool isRunning() const;
    bool isTls() const;
    quint16 port() const;          // the bound port (useful with port 0)
    QString url() const;           // "http://127.0.0.1:8080"

    static bool isLoopbackHost(const QString &host);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ModelDesk::Serving
