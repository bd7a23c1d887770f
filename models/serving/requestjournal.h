#pragma once
// RequestJournal: the last N HTTP requests the server answered, one entry each (method, path,
// status, latency, caller, deployment and the version that answered), for the console's request
// log and GET /api/v1/requests. A bounded ring with increasing sequence numbers: a reader asks
// for everything after the last sequence it saw and learns how many it missed when it fell
// behind (at thousands of requests per second the ring keeps the newest; the per-second counts
// live in the metrics).
//
// Threads: record() is called on the HTTP I/O threads and runtime workers (one short lock and a
// move into a preallocated slot); since() from any thread.

#include <QDateTime>
#include <QString>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace ModelDesk::Serving {

struct RequestEntry
{
    std::uint64_t seq = 0;          // 1, 2, ... in answer order
    QDateTime time;                 // when the answer was sent (UTC)
    std::string method;
    std::string path;               // without the query string, at most kMaxPath bytes
    int status = 0;
    std::int64_t latencyUs = 0;     // head received -> answer handed to the connection
    QString actor;                  // token name; empty for an anonymous caller
    QString deployment;             // KServe model routes only
    QString model;                  // the deployment's registry model (for scoped readers)
    int version = 0;                // the version that answered (or was targeted); 0 = none
    std::string remoteAddress;
    const char *routeClass = "other";
};

class RequestJournal final
{
public:
    static constexpr std::size_t kMaxPath = 200;

    explicit RequestJournal(std::size_t capacity = 2000);
    RequestJournal(const RequestJournal &) = delete;
    RequestJournal &operator=(const RequestJournal &) = delete;

    // Assigns the sequence number and the time; truncates the path.
    void record(RequestEntry entry);

    struct Page
    {
        std::vector<RequestEntry> entries; // oldest first
        std::uint64_t next = 0;            // pass as `after` next time (the last seq returned, or `after`)
        std::uint64_t missed = 0;          // entries after `after` that the ring no longer holds
    };
    // Entries with seq > after, at most `limit` of the OLDEST still held (so paging forward never
    // skips any the ring holds); `after` = 0 starts at the oldest held.
    Page since(std::uint64_t after, std::size_t limit) const;
    // The newest `limit` entries (oldest first), for a first look.
    Page latest(std::size_t limit) const;
    std::uint64_t lastSeq() const;
    std::size_t capacity() const { return m_ring.size(); }

private:
    Page collect(std::uint64_t from, std::size_t limit, std::uint64_t after) const;

    mutable std::mutex m_mutex;
    std::vector<RequestEntry> m_ring;
    std::uint64_t m_last = 0; // seq of the newest entry; the ring holds (m_last - size, m_last]
};

} // namespace ModelDesk::Serving
