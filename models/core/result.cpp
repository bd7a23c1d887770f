#include "result.h"

namespace ModelDesk {

QString Error::codeName(Code code)
{
    switch (code) {
    case Code::InvalidArgument: return QStringLiteral("invalid_argument");
    case Code::NotFound: return QStringLiteral("not_found");
    case Code::AlreadyExists: return QStringLiteral("already_exists");
    case Code::Conflict: return QStringLiteral("conflict");
    case Code::Corrupt: return QStringLiteral("corrupt");
    case Code::Io: return QStringLiteral("io");
    case Code::Unsupported: return QStringLiteral("unsupported");
    case Code::PermissionDenied: return QStringLiteral("permission_denied");
    case Code::Unauthenticated: return QStringLiteral("unauthenticated");
    case Code::TooLarge: return QStringLiteral("too_large");
    case Code::Unavailable: return QStringLiteral("unavailable");
    case Code::Timeout: return QStringLiteral("timeout");
    case Code::Cancelled: return QStringLiteral("cancelled");
    case Code::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace ModelDesk
