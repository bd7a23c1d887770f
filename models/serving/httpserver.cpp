// The only translation unit that includes Boost.Beast/Asio (they are heavy to compile).
#include "httpserver.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <atomic>
#include <deque>
#include <future>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace ModelDesk::Serving {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kPadding = 64;           // simdjson reads up to 64 bytes past the end
constexpr std::size_t kReadBufferBytes = 64 * 1024;
constexpr std::size_t kLingerBytes = 4u << 20;  // discard at most this much after an early response
constexpr auto kLingerTime = std::chrono::seconds(2);
const std::string kServerHeader = "ModelDesk/" MODELDESK_VERSION;

// Responses stay valid when the server stops: whoever still holds a Responder checks this first.
struct Gate
{
    std::mutex mutex;
    bool open = true;
};

class SessionBase
{
public:
    virtual ~SessionBase() = default;
    virtual void closeFromServer() = 0;
};

struct ServerShared
{
    HttpHandler *handler = nullptr;
    HttpServerOptions options;
    std::shared_ptr<Gate> gate = std::make_shared<Gate>();
    std::mutex sessionsMutex;
    std::unordered_map<SessionBase *, std::weak_ptr<SessionBase>> sessions;
};

std::string errorJson(std::string_view message)
{
    std::string out = R"({"error":")";
    for (char c : message) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += "\"}";
    return out;
}

HttpResponse simpleError(int status, std::string_view message)
{
    HttpResponse r;
    r.status = status;
    r.body = errorJson(message);
    r.close = true;
    return r;
}

std::string humanBytes(std::uint64_t n)
{
    if (n % (1u << 20) == 0)
        return std::to_string(n >> 20) + " MiB";
    if (n % 1024 == 0)
        return std::to_string(n >> 10) + " KiB";
    return std::to_string(n) + " bytes";
}

// One connection. Derived supplies stream(), start() and shutdownStream() for plain TCP or TLS.
template <class Derived>
class Session : public SessionBase
{
public:
    Session(ServerShared &shared, net::any_io_executor executor, std::string remote)
        : m_shared(shared), m_timer(executor), m_remote(std::move(remote))
    {
        // Beast reads max(512, free capacity) bytes at a time and the parser drains the buffer as
        // it goes, so an unreserved buffer reads a 10 KB inference body in ~20 recvmsg calls.
        m_buffer.reserve(kReadBufferBytes);
    }

    ~Session() override
    {
        removeBodyFile();
        std::lock_guard lock(m_shared.sessionsMutex);
        m_shared.sessions.erase(this);
    }

    void closeFromServer() override
    {
        net::post(derived().stream().get_executor(), [self = derived().shared_from_this()] { self->closeNow(); });
    }

protected:
    Derived &derived() { return static_cast<Derived &>(*this); }
    auto &lowest() { return beast::get_lowest_layer(derived().stream()); }

    void registerSelf()
    {
        std::lock_guard lock(m_shared.sessionsMutex);
        m_shared.sessions.emplace(this, derived().shared_from_this());
    }

    // ---- deadlines: one timer, re-armed lazily ----
    // Each phase change sets m_deadline; the timer is re-armed only when the new deadline is earlier
    // than the pending wait's expiry. A wait that fires before the deadline (the phase moved on)
    // re-arms itself at the deadline. So the several phase changes of every request cost no timer
    // operation at all (the timeouts are tens of seconds), and a wait is always pending: it also
    // keeps the session alive until closeNow() cancels it.
    enum class Phase { None, Idle, Body, Write, Linger };

    void setPhase(Phase phase, bool force = false)
    {
        if (m_closed || (phase == m_phase && !force))
            return;
        m_phase = phase;
        const HttpServerOptions &o = m_shared.options;
        const Clock::time_point now = Clock::now();
        switch (phase) {
        case Phase::None: m_deadline = Clock::time_point::max(); break;
        case Phase::Idle: m_deadline = now + std::chrono::milliseconds(o.idleTimeoutMs); break;
        case Phase::Body: m_deadline = now + std::chrono::milliseconds(o.bodyTimeoutMs); break;
        case Phase::Write: m_deadline = now + std::chrono::milliseconds(o.writeTimeoutMs); break;
        case Phase::Linger: m_deadline = now + kLingerTime; break;
        }
        if (m_timerPending && m_timer.expiry() <= m_deadline)
            return; // the pending wait fires first and re-arms at m_deadline
        armTimer();
    }

    void armTimer()
    {
        // expires_at() cancels a pending wait: its handler runs with operation_aborted and, seeing a
        // newer generation, leaves m_timerPending to this wait.
        m_timer.expires_at(m_deadline);
        m_timerPending = true;
        const std::uint64_t generation = ++m_timerGeneration;
        m_timer.async_wait([self = derived().shared_from_this(), generation](beast::error_code ec) {
            if (generation != self->m_timerGeneration)
                return; // replaced by a newer wait
            self->m_timerPending = false;
            if (ec == net::error::operation_aborted || self->m_closed)
                return; // cancelled (closing)
            if (self->m_deadline <= Clock::now()) {
                self->closeNow();
                return;
            }
            self->armTimer(); // the phase moved on: wait for its deadline
        });
    }

    void updatePhase()
    {
        if (m_closing)
            return; // Linger owns the timer
        if (m_writing)
            setPhase(Phase::Write);
        else if (m_readingBody)
            setPhase(Phase::Body);
        else if (m_reading && m_slots.empty())
            setPhase(Phase::Idle);
        else
            setPhase(Phase::None);
    }

    // ---- reading ----
    void doReadHead()
    {
        if (m_closed || m_closing || m_readDone || m_reading || m_readingBody)
            return;
        if (int(m_slots.size()) >= m_shared.options.maxPipelined) {
            m_paused = true;
            return;
        }
        m_paused = false;
        m_head.emplace();
        m_head->header_limit(std::uint32_t(m_shared.options.headerLimitBytes));
        // The real limit is decided per request after the head; see onHead.
        m_head->body_limit(std::numeric_limits<std::uint64_t>::max());
        m_reading = true;
        updatePhase();
        http::async_read_header(derived().stream(), m_buffer, *m_head,
                                [self = derived().shared_from_this()](beast::error_code ec, std::size_t) {
                                    self->onHead(ec);
                                });
    }

    void onHead(beast::error_code ec)
    {
        m_reading = false;
        if (m_closed)
            return;
        if (m_closing) {
            lingerRead(ec);
            return;
        }
        if (ec == http::error::end_of_stream || ec == net::error::eof) {
            // The client finished sending (it may still read): answer what is pending, then close.
            m_readDone = true;
            maybeFinish();
            updatePhase();
            return;
        }
        if (ec) {
            if (ec == http::error::header_limit) {
                failRequest(431, "request header fields too large (limit " +
                                     humanBytes(std::uint64_t(m_shared.options.headerLimitBytes)) + ")");
            } else if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
                failRequest(400, "malformed HTTP request: " + ec.message());
            } else {
                closeNow();
            }
            return;
        }

        auto &msg = m_head->get();
        m_request = HttpRequest{};
        m_request.method = std::string(msg.method_string());
        m_request.target = std::string(msg.target());
        m_request.version = int(msg.version());
        m_request.remoteAddress = m_remote;
        m_request.received = Clock::now();
        for (const auto &field : msg)
            m_request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));

        HeaderDecision decision;
        try {
            decision = m_shared.handler->onHeader(m_request);
        } catch (const std::exception &e) {
            qCCritical(lcServing).noquote() << "request handler threw:" << e.what();
            decision.reject = simpleError(500, "internal error");
        }

        Slot &slot = newSlot();
        slot.keepAlive = m_head->keep_alive();
        slot.version = msg.version();
        const bool hasBody = m_head->chunked() || (m_head->content_length() && *m_head->content_length() > 0);

        if (decision.reject) {
            if (!slot.keepAlive)
                m_readDone = true;
            if (hasBody) {
                // The body is not read, so the next request cannot be found: close after answering.
                slot.closeAfter = true;
                m_readDone = true;
            }
            complete(slot.id, std::move(*decision.reject));
            doReadHead();
            return;
        }
        if (auto len = m_head->content_length(); len && *len > decision.bodyLimit) {
            slot.closeAfter = true;
            m_readDone = true;
            complete(slot.id, simpleError(413, "request body of " + std::to_string(*len) +
                                                   " bytes is larger than the limit of " +
                                                   humanBytes(decision.bodyLimit)));
            return;
        }
        m_request.context = std::move(decision.context);
        if (!hasBody) {
            if (!slot.keepAlive)
                m_readDone = true;
            m_head.reset();
            dispatch(slot.id, std::move(m_request));
            doReadHead();
            return;
        }

        m_bodySlot = slot.id;
        if (decision.bodyToFile) {
            m_bodyFile = QDir(decision.bodyFileDir).filePath(QStringLiteral("upload-%1.part").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
            m_fileParser.emplace(std::move(*m_head));
            m_fileParser->body_limit(decision.bodyLimit);
            beast::error_code fec;
            m_fileParser->get().body().open(QFile::encodeName(m_bodyFile).constData(), beast::file_mode::write_new, fec);
            if (fec) {
                qCWarning(lcServing).noquote() << "cannot create upload file" << m_bodyFile << ":" << QString::fromStdString(fec.message());
                m_bodyFile.clear();
                slot.closeAfter = true;
                m_readDone = true;
                complete(slot.id, simpleError(500, "cannot store the upload: " + fec.message()));
                return;
            }
        } else {
            m_stringParser.emplace(std::move(*m_head));
            m_stringParser->body_limit(decision.bodyLimit);
            if (auto len = m_stringParser->content_length())
                m_stringParser->get().body().reserve(std::size_t(*len) + kPadding);
        }
        m_head.reset();

        const bool expectContinue =
            beast::iequals(m_request.header("Expect"), "100-continue") && !m_writing && m_slots.size() == 1;
        m_readingBody = true;
        updatePhase();
        if (expectContinue) {
            static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
            m_writing = true;
            net::async_write(derived().stream(), net::buffer(kContinue),
                             [self = derived().shared_from_this()](beast::error_code wec, std::size_t) {
                                 self->m_writing = false;
                                 if (wec) {
                                     self->closeNow();
                                     return;
                                 }
                                 self->readBody();
                             });
        } else {
            readBody();
        }
    }

    void readBody()
    {
        if (m_closed)
            return;
        auto done = [self = derived().shared_from_this()](beast::error_code ec, std::size_t) { self->onBody(ec); };
        if (m_fileParser)
            http::async_read(derived().stream(), m_buffer, *m_fileParser, std::move(done));
        else
            http::async_read(derived().stream(), m_buffer, *m_stringParser, std::move(done));
    }

    void onBody(beast::error_code ec)
    {
        m_readingBody = false;
        if (m_closed)
            return;
        const std::uint64_t slotId = m_bodySlot;
        if (ec) {
            m_stringParser.reset();
            m_fileParser.reset();
            removeBodyFile();
            if (ec == http::error::body_limit) {
                failRequest(413, "request body is larger than the limit", slotId);
            } else if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
                       ec != http::error::partial_message) {
                failRequest(400, "malformed HTTP request body: " + ec.message(), slotId);
            } else {
                closeNow();
            }
            return;
        }
        bool keepAlive = true;
        if (m_fileParser) {
            keepAlive = m_fileParser->keep_alive();
            m_fileParser.reset(); // closes the file
            m_request.bodyFile = m_bodyFile;
            m_bodyFile.clear();
        } else {
            keepAlive = m_stringParser->keep_alive();
            m_request.body = std::move(m_stringParser->get().body());
            m_stringParser.reset();
            if (m_request.body.capacity() < m_request.body.size() + kPadding)
                m_request.body.reserve(m_request.body.size() + kPadding);
        }
        if (!keepAlive) {
            m_readDone = true;
            if (Slot *slot = findSlot(slotId))
                slot->keepAlive = false;
        }
        dispatch(slotId, std::move(m_request));
        doReadHead();
        updatePhase();
    }

    // A request that cannot be parsed further: answer it and close.
    void failRequest(int status, const std::string &message, std::uint64_t slotId = 0)
    {
        if (slotId == 0)
            slotId = newSlot().id;
        if (Slot *slot = findSlot(slotId))
            slot->closeAfter = true;
        m_readDone = true;
        complete(slotId, simpleError(status, message));
    }

    void dispatch(std::uint64_t slotId, HttpRequest request)
    {
        std::weak_ptr<Derived> weak = derived().shared_from_this();
        std::shared_ptr<Gate> gate = m_shared.gate;
        Responder respond(
            [weak, gate](std::uint64_t slot, HttpResponse response) {
                std::lock_guard lock(gate->mutex);
                if (!gate->open)
                    return;
                if (auto self = weak.lock()) {
                    net::post(self->stream().get_executor(),
                              [self, slot, response = std::move(response)]() mutable {
                                  self->complete(slot, std::move(response));
                              });
                }
            },
            slotId);
        try {
            m_shared.handler->handle(std::move(request), respond);
        } catch (const std::exception &e) {
            qCCritical(lcServing).noquote() << "request handler threw:" << e.what();
            respond(simpleError(500, "internal error"));
        }
    }

    // ---- responses, in request order ----
    struct Slot
    {
        std::uint64_t id = 0;
        unsigned version = 11;
        bool keepAlive = true;
        bool closeAfter = false;
        std::unique_ptr<http::response<http::string_body>> response;
    };

    Slot &newSlot()
    {
        m_slots.push_back(Slot{m_nextSlot++});
        return m_slots.back();
    }

    Slot *findSlot(std::uint64_t id)
    {
        for (Slot &s : m_slots) {
            if (s.id == id)
                return &s;
        }
        return nullptr;
    }

    void complete(std::uint64_t slotId, HttpResponse r)
    {
        if (m_closed)
            return;
        Slot *slot = findSlot(slotId);
        if (!slot || slot->response)
            return;
        auto res = std::make_unique<http::response<http::string_body>>(http::status(r.status), slot->version);
        res->set(http::field::server, kServerHeader);
        res->set(http::field::content_type, r.contentType);
        for (auto &[key, value] : r.headers)
            res->set(key, value);
        res->body() = std::move(r.body);
        const bool keep = slot->keepAlive && !r.close && !slot->closeAfter;
        res->keep_alive(keep);
        res->prepare_payload();
        slot->closeAfter = !keep;
        slot->response = std::move(res);
        maybeWrite();
    }

    void maybeWrite()
    {
        if (m_writing || m_closed || m_slots.empty() || !m_slots.front().response)
            return;
        m_writing = true;
        setPhase(Phase::Write, true);
        http::async_write(derived().stream(), *m_slots.front().response,
                          [self = derived().shared_from_this()](beast::error_code ec, std::size_t) {
                              self->onWrite(ec);
                          });
    }

    void onWrite(beast::error_code ec)
    {
        m_writing = false;
        if (m_closed)
            return;
        if (ec) {
            closeNow();
            return;
        }
        const bool close = m_slots.front().closeAfter;
        m_slots.pop_front();
        if (close) {
            m_readDone = true;
            m_slots.clear();
            gracefulClose();
            return;
        }
        if (m_paused)
            doReadHead();
        maybeWrite();
        maybeFinish();
        updatePhase();
    }

    void maybeFinish()
    {
        if (m_readDone && m_slots.empty() && !m_writing && !m_readingBody)
            gracefulClose();
    }

    // ---- closing ----
    // Sends our FIN, then reads and discards what the client still sends for a moment, so that an
    // early answer (413, 401) is not destroyed by a reset caused by unread request bytes.
    void gracefulClose()
    {
        if (m_closed || m_closing)
            return;
        m_closing = true;
        setPhase(Phase::Linger, true);
        derived().shutdownStream();
    }

    // Called by Derived once its shutdown is done (TCP: immediately; TLS: after close_notify).
    void startLinger()
    {
        if (m_closed)
            return;
        if (m_reading || m_readingBody)
            return; // the read in flight ends in lingerRead()
        lingerRead({});
    }

    void lingerRead(beast::error_code ec)
    {
        if (m_closed)
            return;
        if (ec || m_lingered > kLingerBytes) {
            closeNow();
            return;
        }
        m_reading = true;
        lowest().socket().async_read_some(net::buffer(m_scratch),
                                          [self = derived().shared_from_this()](beast::error_code rec, std::size_t n) {
                                              self->m_reading = false;
                                              self->m_lingered += n;
                                              self->lingerRead(rec);
                                          });
    }

    void closeNow()
    {
        if (m_closed)
            return;
        m_closed = true;
        // A write or body read still in flight refers to the front response and to the body
        // parser; it completes (aborted) after the close below, so those stay until the session
        // is destroyed by the last handler.
        if (m_writing) {
            while (m_slots.size() > 1)
                m_slots.pop_back();
        } else {
            m_slots.clear();
        }
        m_timer.cancel();
        beast::error_code ec;
        lowest().socket().shutdown(tcp::socket::shutdown_both, ec);
        lowest().socket().close(ec);
        if (!m_readingBody) {
            m_stringParser.reset();
            m_fileParser.reset();
        }
        removeBodyFile();
    }

    void removeBodyFile()
    {
        if (!m_bodyFile.isEmpty()) {
            QFile::remove(m_bodyFile);
            m_bodyFile.clear();
        }
    }

    ServerShared &m_shared;
    beast::flat_buffer m_buffer;
    net::steady_timer m_timer;
    Clock::time_point m_deadline = Clock::time_point::max();
    bool m_timerPending = false;
    std::uint64_t m_timerGeneration = 0;
    std::string m_remote;
    Phase m_phase = Phase::None;

    std::optional<http::request_parser<http::empty_body>> m_head;
    std::optional<http::request_parser<http::string_body>> m_stringParser;
    std::optional<http::request_parser<http::file_body>> m_fileParser;
    HttpRequest m_request;           // head of the request whose body is being read
    std::uint64_t m_bodySlot = 0;
    QString m_bodyFile;

    std::deque<Slot> m_slots;
    std::uint64_t m_nextSlot = 1;
    bool m_reading = false;
    bool m_readingBody = false;
    bool m_writing = false;
    bool m_paused = false;
    bool m_readDone = false;         // no more requests will be read on this connection
    bool m_closing = false;
    bool m_closed = false;
    std::size_t m_lingered = 0;
    std::array<char, 16384> m_scratch{};
};

class PlainSession final : public Session<PlainSession>, public std::enable_shared_from_this<PlainSession>
{
public:
    PlainSession(tcp::socket &&socket, ServerShared &shared, std::string remote)
        : Session(shared, socket.get_executor(), std::move(remote)), m_stream(std::move(socket))
    {
    }
    beast::tcp_stream &stream() { return m_stream; }
    void start()
    {
        registerSelf();
        doReadHead();
    }
    void shutdownStream()
    {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        startLinger();
    }

private:
    friend class Session<PlainSession>;
    beast::tcp_stream m_stream;
};

class TlsSession final : public Session<TlsSession>, public std::enable_shared_from_this<TlsSession>
{
public:
    TlsSession(tcp::socket &&socket, ssl::context &context, ServerShared &shared, std::string remote)
        : Session(shared, socket.get_executor(), std::move(remote)), m_stream(std::move(socket), context)
    {
    }
    beast::ssl_stream<beast::tcp_stream> &stream() { return m_stream; }
    void start()
    {
        registerSelf();
        setPhase(Phase::Idle, true);
        m_stream.async_handshake(ssl::stream_base::server, [self = shared_from_this()](beast::error_code ec) {
            if (ec) {
                qCDebug(lcServing).noquote() << "TLS handshake failed:" << QString::fromStdString(ec.message());
                self->closeNow();
                return;
            }
            self->doReadHead();
        });
    }
    void shutdownStream()
    {
        // close_notify, then close: a lingering read makes no sense inside TLS.
        m_stream.async_shutdown([self = shared_from_this()](beast::error_code) { self->closeNow(); });
    }

private:
    friend class Session<TlsSession>;
    beast::ssl_stream<beast::tcp_stream> m_stream;
};

} // namespace

struct HttpServer::Private
{
    HttpServerOptions options;
    ServerShared shared;                        // outlives the io_context (declared first)
    std::optional<ssl::context> tls;
    std::unique_ptr<net::io_context> ioc;
    std::optional<tcp::acceptor> acceptor;
    std::vector<std::thread> threads;
    quint16 port = 0;
    bool running = false;

    void doAccept()
    {
        acceptor->async_accept(net::make_strand(*ioc), [this](beast::error_code ec, tcp::socket socket) {
            if (!acceptor->is_open())
                return;
            if (!ec) {
                beast::error_code rec;
                const auto endpoint = socket.remote_endpoint(rec);
                std::string remote = rec ? std::string() : endpoint.address().to_string();
                socket.set_option(tcp::no_delay(true), rec);
                if (tls)
                    std::make_shared<TlsSession>(std::move(socket), *tls, shared, std::move(remote))->start();
                else
                    std::make_shared<PlainSession>(std::move(socket), shared, std::move(remote))->start();
            } else if (ec != net::error::operation_aborted) {
                qCWarning(lcServing).noquote() << "accept failed:" << QString::fromStdString(ec.message());
            }
            doAccept();
        });
    }
};

HttpServer::HttpServer(HttpHandler &handler, HttpServerOptions options) : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->options.ioThreads = std::max(1, d->options.ioThreads);
    d->options.maxPipelined = std::max(1, d->options.maxPipelined);
    d->shared.handler = &handler;
    d->shared.options = d->options;
}

HttpServer::~HttpServer() { stop(); }

bool HttpServer::isLoopbackHost(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    beast::error_code ec;
    const auto address = net::ip::make_address(host.toStdString(), ec);
    return !ec && address.is_loopback();
}

Status HttpServer::start()
{
    if (d->running)
        return fail(Error::conflict(QStringLiteral("the HTTP server is already running")));
    const HttpServerOptions &o = d->options;

    const bool wantTls = !o.tlsCertificateFile.isEmpty() || !o.tlsPrivateKeyFile.isEmpty();
    if (wantTls) {
        if (o.tlsCertificateFile.isEmpty() || o.tlsPrivateKeyFile.isEmpty())
            return fail(Error::invalid(QStringLiteral("TLS needs both a certificate file and a private key file")));
        d->tls.emplace(ssl::context::tls_server);
        d->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                            ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
        beast::error_code ec;
        d->tls->use_certificate_chain_file(QFile::encodeName(o.tlsCertificateFile).toStdString(), ec);
        if (ec)
            return fail(Error::invalid(QStringLiteral("cannot use TLS certificate '%1': %2")
                                           .arg(o.tlsCertificateFile, QString::fromStdString(ec.message()))));
        d->tls->use_private_key_file(QFile::encodeName(o.tlsPrivateKeyFile).toStdString(), ssl::context::pem, ec);
        if (ec)
            return fail(Error::invalid(QStringLiteral("cannot use TLS private key '%1': %2")
                                           .arg(o.tlsPrivateKeyFile, QString::fromStdString(ec.message()))));
    }

    const std::string host = o.host == QLatin1String("localhost") ? std::string("127.0.0.1") : o.host.toStdString();
    beast::error_code ec;
    const auto address = net::ip::make_address(host, ec);
    if (ec)
        return fail(Error::invalid(QStringLiteral("invalid listen address '%1': use a numeric IPv4/IPv6 address or localhost")
                                       .arg(o.host.left(80))));
    if (!address.is_loopback() && !d->tls) {
        qCWarning(lcServing).noquote()
            << "WARNING: serving on" << o.host
            << "WITHOUT TLS: tokens and data cross the network in clear text. Use --tls-cert/--tls-key.";
    }

    d->ioc = std::make_unique<net::io_context>(o.ioThreads);
    d->acceptor.emplace(*d->ioc);
    const tcp::endpoint endpoint(address, o.port);
    d->acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        d->acceptor->set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        d->acceptor->bind(endpoint, ec);
    if (!ec)
        d->acceptor->listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        d->acceptor.reset();
        d->ioc.reset();
        return fail(Error::io(QStringLiteral("cannot listen on %1:%2: %3")
                                  .arg(o.host)
                                  .arg(o.port)
                                  .arg(QString::fromStdString(ec.message()))));
    }
    d->port = d->acceptor->local_endpoint().port();
    {
        std::lock_guard lock(d->shared.gate->mutex);
        d->shared.gate->open = true;
    }
    d->doAccept();
    for (int i = 0; i < o.ioThreads; ++i)
        d->threads.emplace_back([ioc = d->ioc.get(), spin = std::chrono::microseconds(d->options.spinUs)] {
            if (spin.count() <= 0) {
                ioc->run();
                return;
            }
            while (!ioc->stopped()) {
                if (ioc->poll() > 0)
                    continue;
                const auto until = Clock::now() + spin;
                bool ran = false;
                while (!ioc->stopped() && Clock::now() < until) {
                    if (ioc->poll() > 0) {
                        ran = true;
                        break;
                    }
                }
                if (!ran && !ioc->stopped())
                    ioc->run_one();
            }
        });
    d->running = true;
    qCInfo(lcServing).noquote() << "listening on" << url();
    return {};
}

void HttpServer::stop()
{
    if (!d->running)
        return;
    d->running = false;
    {
        // From now on late responses (runtime callbacks, management jobs) are dropped.
        std::lock_guard lock(d->shared.gate->mutex);
        d->shared.gate->open = false;
    }
    // Close the listener and every connection on the I/O threads, so clients see a clean FIN.
    auto closed = std::make_shared<std::promise<void>>();
    auto future = closed->get_future();
    net::post(*d->ioc, [this, closed] {
        beast::error_code ec;
        d->acceptor->close(ec);
        std::vector<std::shared_ptr<SessionBase>> sessions;
        {
            std::lock_guard lock(d->shared.sessionsMutex);
            for (auto &[ptr, weak] : d->shared.sessions) {
                if (auto s = weak.lock())
                    sessions.push_back(std::move(s));
            }
        }
        for (auto &s : sessions)
            s->closeFromServer();
        closed->set_value();
    });
    future.wait_for(std::chrono::seconds(2));
    // Let the posted closes run, then stop whatever is left (a stuck peer cannot hold us).
    auto drained = std::make_shared<std::promise<void>>();
    auto drainedFuture = drained->get_future();
    net::post(*d->ioc, [drained] { drained->set_value(); });
    drainedFuture.wait_for(std::chrono::seconds(2));
    d->ioc->stop();
    for (std::thread &t : d->threads)
        t.join();
    d->threads.clear();
    d->acceptor.reset();
    d->ioc.reset(); // destroys the remaining sessions and their handlers
    qCInfo(lcServing) << "HTTP server stopped";
}

bool HttpServer::isRunning() const { return d->running; }
bool HttpServer::isTls() const { return d->tls.has_value(); }
quint16 HttpServer::port() const { return d->port; }

QString HttpServer::url() const
{
    QString host = d->options.host;
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3").arg(isTls() ? QStringLiteral("https") : QStringLiteral("http"), host).arg(d->port);
}

} // namespace ModelDesk::Serving
