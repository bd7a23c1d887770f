#include "requestjournal.h"

#include <algorithm>

namespace ModelDesk::Serving {

RequestJournal::RequestJournal(std::size_t capacity) : m_ring(std::max<std::size_t>(1, capacity)) {}

void RequestJournal::record(RequestEntry entry)
{
    if (entry.path.size() > kMaxPath)
        entry.path.resize(kMaxPath);
    entry.time = QDateTime::currentDateTimeUtc();
    std::lock_guard lock(m_mutex);
    entry.seq = ++m_last;
    m_ring[entry.seq % m_ring.size()] = std::move(entry);
}

RequestJournal::Page RequestJournal::collect(std::uint64_t from, std::size_t limit, std::uint64_t after) const
{
    // Caller holds m_mutex. Entries from..m_last are in the ring.
    Page page;
    page.next = after;
    const std::uint64_t oldest = m_last >= m_ring.size() ? m_last - m_ring.size() + 1 : 1;
    if (from < oldest) {
        page.missed = oldest - from;
        from = oldest;
    }
    for (std::uint64_t s = from; s <= m_last && page.entries.size() < limit; ++s)
        page.entries.push_back(m_ring[s % m_ring.size()]);
    if (!page.entries.empty())
        page.next = page.entries.back().seq;
    return page;
}

RequestJournal::Page RequestJournal::since(std::uint64_t after, std::size_t limit) const
{
    std::lock_guard lock(m_mutex);
    if (after >= m_last) {
        Page page;
        page.next = m_last; // a reader from a former server life resynchronises
        return page;
    }
    Page page = collect(after + 1, limit, after);
    if (after == 0)
        page.missed = 0; // "from the start" misses nothing it asked for
    return page;
}

RequestJournal::Page RequestJournal::latest(std::size_t limit) const
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t from = m_last > limit ? m_last - limit + 1 : 1;
    Page page = collect(from, limit, from - 1);
    page.missed = 0;
    return page;
}

std::uint64_t RequestJournal::lastSeq() const
{
    std::lock_guard lock(m_mutex);
    return m_last;
}

} // namespace ModelDesk::Serving
