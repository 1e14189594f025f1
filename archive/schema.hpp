// The archive's SQLite schema and its migrations (docs/archive.md, "Schema").
// The schema version is PRAGMA user_version; PRAGMA application_id marks the
// file as a kurdi archive. Version N is reached by applying the migrations
// 1..N in order, so a new archive and an upgraded one run the same steps.
#pragma once
#include <cstdint>
#include <string_view>

#include "sqlite_db.hpp"

namespace kurdi::archive::schema {

/// "krdi": PRAGMA application_id of every kurdi archive.
inline constexpr std::int32_t kApplicationId = 0x6B726469;

/// The schema version this kurdi writes.
int current_version() noexcept;

/// Applies the migrations after `from_version` up to current_version(), in
/// the caller's transaction. `tokenizer` is the FTS5 tokenizer spec of a
/// new archive's index ("kurdi" except in benchmarks).
void migrate(const db::Connection& connection, int from_version, std::string_view tokenizer);

}  // namespace kurdi::archive::schema
