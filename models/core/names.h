#pragma once
// Validation of every name a user or client can give: models, aliases, tags, deployments, tokens,
// versions and references such as "name", "name:3", "name@production". One place, used by every face.

#include "result.h"

#include <QString>
#include <optional>

namespace ModelDesk::Names {

// ^[a-z0-9][a-z0-9._-]{0,63}$ and not "." / ".." sequences that could name a path.
bool isValidName(const QString &name);
Status checkName(const QString &name, const QString &what); // error message says what and why

// Tag keys follow the name rule; tag values are any printable text up to 256 characters.
Status checkTagKey(const QString &key);
Status checkTagValue(const QString &value);

// A lower-case hex SHA-256 digest (64 characters).
bool isValidDigest(const QString &digest);

// "name", "name:VERSION" or "name@ALIAS".
struct ModelRef
{
    QString name;
    std::optional<int> version; // set for name:VERSION
    QString alias;              // set for name@ALIAS
    QString toString() const;
};
Result<ModelRef> parseModelRef(const QString &text);

} // namespace ModelDesk::Names
