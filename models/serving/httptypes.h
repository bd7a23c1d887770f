#pragma once
// Plain HTTP request/response values between the Beast transport (HttpServer) and the handlers,
// so that only one translation unit pays for Boost.Beast and handlers can be unit-tested without it.

#include <QString>
#include <any>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ModelDesk::Serving {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Case-insensitive lookup; empty view when absent.
std::string_view findHeader(const HeaderList &headers, std::string_view name);

struct HttpRequest
{
    std::string method;                 // "GET", "POST", ...
    std::string target;                 // origin-form: path + optional "?query"
    int version = 11;                   // 10 or 11
    HeaderList headers;
    std::string body;                   // in-memory body; capacity >= size + 64 (simdjson padding)
    QString bodyFile;                   // set instead of body when the handler asked for a file; the handler removes it
    std::any context;                   // what HttpHandler::onHeader attached
    std::string remoteAddress;
    std::chrono::steady_clock::time_point received = std::chrono::steady_clock::now();

    std::string_view path() const;      // target up to '?'
    std::string_view query() const;     // after '?', raw (percent-encoded)
    std::string_view header(std::string_view name) const { return findHeader(headers, name); }
};

struct HttpResponse
{
    int status = 200;
    std::string contentType = "application/json";
    HeaderList headers;
    std::string body;
    bool close = false;                 // close the connection after this response
};

// Sends the response for one request, from any thread, exactly once (later calls are ignored).
// If the client went away or the server stopped, the response is dropped. A Responder that is
// destroyed without being called answers 500, so a handler bug never leaves a client hanging.
class Responder
{
public:
    // Hands the response to the connection (the transport makes it safe to call after the
    // connection or the server is gone).
    using Deliver = std::function<void(std::uint64_t slot, HttpResponse response)>;

    Responder() = default;
    Responder(Deliver deliver, std::uint64_t slot);

    void operator()(HttpResponse response) const;
    bool isValid() const { return bool(m_state); }

private:
    struct State;
    std::shared_ptr<State> m_state;
};

// What a handler decides once the request head is known, before any body byte is buffered.
struct HeaderDecision
{
    std::uint64_t bodyLimit = 32ull << 20;
    bool bodyToFile = false;             // stream the body into a new file in bodyFileDir
    QString bodyFileDir;
    std::optional<HttpResponse> reject;  // answer now without reading the body (auth, unknown route, ...)
    std::any context;                    // handed back in HttpRequest::context
};

// Thread contract: both methods run on an HTTP I/O thread and must not block; handle() answers
// through the Responder, possibly later from another thread.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    virtual HeaderDecision onHeader(const HttpRequest &head) = 0;
    virtual void handle(HttpRequest request, Responder respond) = 0;
};

} // namespace ModelDesk::Serving
