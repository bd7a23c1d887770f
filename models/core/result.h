#pragma once
// Result<T> and Error: the error contract of the whole core. Every operation that can fail returns
// Result<T>; the UI, the CLI and the HTTP layer each map Error::Code in exactly one place.

#include <QString>
#include <expected>
#include <utility>

namespace ModelDesk {

struct Error
{
    enum class Code {
        InvalidArgument,   // bad input from a user or client (HTTP 400, CLI exit 2)
        NotFound,          // unknown model, version, alias, file (404, exit 3)
        AlreadyExists,     // name taken (409, exit 4)
        Conflict,          // state forbids the action, e.g. deleting a deployed version (409, exit 4)
        Corrupt,           // digest mismatch, broken schema, unreadable artifact (500, exit 5)
        Io,                // file system or database I/O failure (500, exit 6)
        Unsupported,       // valid input we cannot handle, e.g. a forward that is not tensor -> tensor (422, exit 2)
        PermissionDenied,  // token or role forbids it (403, exit 7)
        Unauthenticated,   // no or bad credentials (401, exit 7)
        TooLarge,          // size limit (413, exit 2)
        Unavailable,       // overloaded, not ready (503, exit 8)
        Timeout,           // (504, exit 8)
        Cancelled,         // the user stopped it (exit 130)
        Internal,          // a bug: never for bad input (500, exit 1)
    };

    Code code = Code::Internal;
    QString message;

    static Error invalid(QString m) { return {Code::InvalidArgument, std::move(m)}; }
    static Error notFound(QString m) { return {Code::NotFound, std::move(m)}; }
    static Error exists(QString m) { return {Code::AlreadyExists, std::move(m)}; }
    static Error conflict(QString m) { return {Code::Conflict, std::move(m)}; }
    static Error corrupt(QString m) { return {Code::Corrupt, std::move(m)}; }
    static Error io(QString m) { return {Code::Io, std::move(m)}; }
    static Error unsupported(QString m) { return {Code::Unsupported, std::move(m)}; }
    static Error internal(QString m) { return {Code::Internal, std::move(m)}; }
    static Error cancelled(QString m = QStringLiteral("cancelled")) { return {Code::Cancelled, std::move(m)}; }

    // Stable lower-case name of the code, used in JSON output and logs ("invalid_argument", ...).
    static QString codeName(Code code);
};

template <typename T>
using Result = std::expected<T, Error>;

// Result of an operation with no value: `return {};` on success, `return std::unexpected(Error{...})` on failure.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error e) { return std::unexpected<Error>(std::move(e)); }

} // namespace ModelDesk
