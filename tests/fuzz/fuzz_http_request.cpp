// The HTTP request path up to the router, as the server runs it: Boost.Beast's request parser with
// the server's limits (16 KiB head, body limit per request), the head copied into our HttpRequest,
// then the routing helpers every request goes through: path split, version segment, name checks on
// captured segments, header lookups, the binary-extension header length and the query decoding.
// Several pipelined requests may follow each other in one input.
#include "serving/httptypes.h"
#include "serving/kservecodec.h"
#include "serving/servingcontext.h"

#include "core/names.h"

#include <QUrlQuery>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <cstdlib>

namespace http = boost::beast::http;
using namespace ModelDesk;
using namespace ModelDesk::Serving;

namespace {

void route(const HttpRequest &request)
{
    const auto segments = splitPath(request.path());
    for (std::string_view s : segments) {
        if (s.empty() || request.path().find(s) == std::string_view::npos)
            std::abort(); // splitPath returned a view that is not part of the path
        (void)parseVersionSegment(s);
        (void)Names::checkName(toQString(s), QStringLiteral("model"));
    }
    if (auto v = parseVersionSegment(request.path()); v && *v <= 0)
        std::abort();
    const QUrlQuery query(toQString(request.query()));
    (void)query.queryItemValue(QStringLiteral("limit"), QUrl::FullyDecoded);
    (void)request.header("Authorization");
    (void)KServe::parseHeaderLength(request.header("Inference-Header-Content-Length"), request.body.size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string_view rest(reinterpret_cast<const char *>(data), size);
    for (int pipelined = 0; pipelined < 4 && !rest.empty(); ++pipelined) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(16 * 1024);
        parser.body_limit(1 << 20);
        parser.eager(true);
        boost::beast::error_code ec;
        const std::size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
        if (ec && ec != http::error::need_more)
            return 0;
        if (!parser.is_header_done())
            return 0;
        const auto &msg = parser.get();
        HttpRequest request;
        request.method = std::string(msg.method_string());
        request.target = std::string(msg.target());
        request.version = int(msg.version());
        for (const auto &field : msg)
            request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        if (parser.is_done())
            request.body = msg.body();
        route(request);
        if (used == 0 || used > rest.size())
            return 0;
        rest.remove_prefix(used);
    }
    return 0;
}
