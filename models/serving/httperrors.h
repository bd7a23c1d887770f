#pragma once
// The one place where the HTTP layer maps Error::Code to a status code and renders {"error": "..."}.
//   InvalidArgument 400, Unsupported 422, Unauthenticated 401 (+ WWW-Authenticate), PermissionDenied 403,
//   NotFound 404, AlreadyExists/Conflict 409, TooLarge 413, Unavailable 503 (+ Retry-After),
//   Timeout 504, Cancelled 503, Corrupt/Io/Internal 500 (never used for bad input).

#include "httptypes.h"

#include "core/result.h"

namespace ModelDesk::Serving {

int httpStatusFor(Error::Code code);

// retryAfterSeconds is sent for 503 (at least 1 s).
HttpResponse errorResponse(const Error &error, int retryAfterSeconds = 0);

// Router-level outcomes that have no Error::Code: 404 unknown route and 405 wrong method.
HttpResponse routeNotFound(std::string_view path);
HttpResponse methodNotAllowed(std::string_view allow);

} // namespace ModelDesk::Serving
