#pragma once
// JsonWriter: appends JSON to a std::string without QJson's allocations. Numbers are written with
// std::to_chars: locale-independent, shortest text that reads back to the same float/double.
// Non-finite numbers have no JSON form and are written as null.

#include <QString>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ModelDesk::Serving {

class JsonWriter
{
public:
    explicit JsonWriter(std::string &out) : m_out(out) {}

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view k);

    JsonWriter &value(std::string_view s);
    JsonWriter &value(const char *s) { return value(std::string_view(s)); }
    JsonWriter &value(const QString &s);
    JsonWriter &value(bool b);
    JsonWriter &value(int v) { return value(std::int64_t(v)); }
    JsonWriter &value(std::int64_t v);
    JsonWriter &value(std::uint64_t v);
    JsonWriter &value(double v);
    JsonWriter &value(float v);
    JsonWriter &null();
    JsonWriter &raw(std::string_view json); // an already valid JSON value

    // Low-level helpers used by the tensor encoder (no comma handling).
    static void appendEscaped(std::string &out, std::string_view s);
    static void appendNumber(std::string &out, double v);
    static void appendNumber(std::string &out, float v);
    static void appendNumber(std::string &out, std::int64_t v);
    static void appendNumber(std::string &out, std::uint64_t v);

private:
    void separate();

    std::string &m_out;
    std::vector<bool> m_first;   // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace ModelDesk::Serving
