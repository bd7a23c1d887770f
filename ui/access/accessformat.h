#pragma once
// How the Access page words roles, permissions and token scopes, so the table, the matrix and the
// create dialog say the same thing. Translated under the "AccessFormat" context.

#include "core/modeltypes.h"
#include "security/tokenservice.h"

#include <QString>

namespace AccessFormat {

QString roleLabel(ModelDesk::Security::Role role);             // "Viewer"
QString roleDescription(ModelDesk::Security::Role role);       // one line: what the role may do
QString permissionLabel(ModelDesk::Security::Permission permission); // "read"
QString permissionsLabel(ModelDesk::Security::Permissions permissions); // "read, infer"; "none"
QString permissionLetters(ModelDesk::Security::Permissions permissions); // "R I – –" for the matrix
// "all models" or "fraud, churn (+ every other model)".
QString scopeText(const ModelDesk::TokenRecord &token);
// "read, infer, deploy, modify" or "fraud: read, infer; other models: read".
QString permissionsSummary(const ModelDesk::TokenRecord &token);

} // namespace AccessFormat
