#pragma once
// Private to the registry: the numbered schema migrations and the schema check. The schema number is
// PRAGMA user_version on SQLite and the one-row table schema_version on PostgreSQL; each migration
// runs under the registry write lock (Dialect::beginWriteStatement) in one transaction on both.

#include "core/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace ModelDesk::Registry {

class RegistryDatabase;

namespace Migrations {

int latestVersion();

// Brings the database up to latestVersion(), one transaction per migration. Safe when several
// processes open a new file at once: each migration re-reads user_version under the write lock.
// Corrupt when the file is newer than this build or is an SQLite file that is not a registry.
Result<int> migrate(const RegistryDatabase &database);

// integrity_check, foreign_key_check, expected tables and triggers, schema version: one line per problem.
Result<QStringList> check(const QSqlDatabase &db);

} // namespace Migrations
} // namespace ModelDesk::Registry
