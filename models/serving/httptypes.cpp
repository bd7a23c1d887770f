#include "httptypes.h"

#include <atomic>
#include <strings.h>

namespace ModelDesk::Serving {

std::string_view findHeader(const HeaderList &headers, std::string_view name)
{
    for (const auto &[key, value] : headers) {
        if (key.size() == name.size() && ::strncasecmp(key.data(), name.data(), name.size()) == 0)
            return value;
    }
    return {};
}

std::string_view HttpRequest::path() const
{
    const std::string_view t(target);
    const auto q = t.find('?');
    return q == std::string_view::npos ? t : t.substr(0, q);
}

std::string_view HttpRequest::query() const
{
    const std::string_view t(target);
    const auto q = t.find('?');
    return q == std::string_view::npos ? std::string_view() : t.substr(q + 1);
}

struct Responder::State
{
    Deliver deliver;
    std::uint64_t slot = 0;
    std::atomic<bool> used{false};

    void send(HttpResponse response)
    {
        if (used.exchange(true))
            return;
        if (deliver)
            deliver(slot, std::move(response));
    }

    ~State()
    {
        if (!used.load()) {
            HttpResponse r;
            r.status = 500;
            r.body = R"({"error":"internal error: the request was not answered"})";
            send(std::move(r));
        }
    }
};

Responder::Responder(Deliver deliver, std::uint64_t slot) : m_state(std::make_shared<State>())
{
    m_state->deliver = std::move(deliver);
    m_state->slot = slot;
}

void Responder::operator()(HttpResponse response) const
{
    if (m_state)
        m_state->send(std::move(response));
}

} // namespace ModelDesk::Serving
