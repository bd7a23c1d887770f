#pragma once
// A deliberately small HTTP/1.x client on a raw QTcpSocket, so tests control every byte: pipelining,
// HTTP/1.0, Connection: close, half-sent bodies, disconnects. Blocking (waitFor*), for test threads.

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTcpSocket>
#include <QTest>
#include <optional>

namespace ServingTest {

struct HttpReply
{
    int status = 0;
    QByteArray version;                       // "HTTP/1.1"
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString error() const { return json().value(QStringLiteral("error")).toString(); }
};

class HttpTestClient
{
public:
    bool connectTo(quint16 port, int timeoutMs = 5000)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return m_socket.waitForConnected(timeoutMs);
    }

    void send(const QByteArray &raw)
    {
        m_socket.write(raw);
        m_socket.flush();
        while (m_socket.bytesToWrite() > 0 && m_socket.state() == QAbstractSocket::ConnectedState)
            m_socket.waitForBytesWritten(5000);
    }

    // One response (1xx informational responses are skipped). nullopt on timeout or when the
    // connection closed before a whole response arrived.
    std::optional<HttpReply> read(int timeoutMs = 15000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            if (auto r = parse()) {
                if (r->status >= 100 && r->status < 200)
                    continue;
                return r;
            }
            const int left = timeoutMs - int(timer.elapsed());
            if (left <= 0)
                return std::nullopt;
            if (!m_socket.waitForReadyRead(left)) {
                m_buffer += m_socket.readAll();
                if (m_socket.state() != QAbstractSocket::ConnectedState) {
                    if (auto r = parse())
                        return r;
                    return std::nullopt;
                }
                continue;
            }
            m_buffer += m_socket.readAll();
        }
    }

    // True when the server closes the connection within the timeout (and sends nothing more).
    bool waitClosed(int timeoutMs = 15000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() == QAbstractSocket::ConnectedState) {
            const int left = timeoutMs - int(timer.elapsed());
            if (left <= 0)
                return false;
            if (m_socket.waitForReadyRead(left))
                m_buffer += m_socket.readAll();
        }
        return true;
    }

    QByteArray pending() const { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }
    void close() { m_socket.abort(); }

    static QByteArray request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                              const QList<QPair<QByteArray, QByteArray>> &headers = {},
                              const QByteArray &version = "HTTP/1.1")
    {
        QByteArray r = method + ' ' + target + ' ' + version + "\r\nHost: 127.0.0.1\r\n";
        bool hasLength = false;
        for (const auto &[k, v] : headers) {
            r += k + ": " + v + "\r\n";
            hasLength = hasLength || k.compare("Content-Length", Qt::CaseInsensitive) == 0 ||
                        k.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0;
        }
        if (!hasLength && (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH"))
            r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        r += "\r\n";
        r += body;
        return r;
    }

private:
    std::optional<HttpReply> parse()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        HttpReply r;
        const QList<QByteArray> statusParts = lines.first().trimmed().split(' ');
        if (statusParts.size() < 2)
            return std::nullopt;
        r.version = statusParts[0];
        r.status = statusParts[1].toInt();
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray key = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            r.headers.append({key, value});
            if (key.compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (m_buffer.size() < end + 4 + length)
            return std::nullopt;
        r.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return r;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// One request on a fresh connection.
inline std::optional<HttpReply> fetch(quint16 port, const QByteArray &method, const QByteArray &target,
                                      const QByteArray &body = {}, const QByteArray &token = {},
                                      QList<QPair<QByteArray, QByteArray>> headers = {})
{
    HttpTestClient client;
    if (!client.connectTo(port))
        return std::nullopt;
    if (!token.isEmpty())
        headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + token)));
    if (!body.isEmpty() && [&] {
            for (const auto &h : headers)
                if (h.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
                    return false;
            return true;
        }())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    client.send(HttpTestClient::request(method, target, body, headers));
    return client.read();
}

} // namespace ServingTest
