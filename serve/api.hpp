// The JSON API of kurdi serve (docs/serve.md), independent of the HTTP
// library: a request's path and parameters in, a status and a body out. The
// server (server.cpp) routes to these; tests call them directly too.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "serve/pool.hpp"

namespace kurdi::serve {

/// Bounds on what one request may ask for (docs/serve.md, "Limits").
struct Limits {
  std::size_t max_query_bytes = 1000;    ///< q of /api/search
  std::uint32_t max_page_size = 100;     ///< limit of /api/search
  std::uint32_t max_offset = 10000;      ///< offset of /api/search
  std::size_t max_filter_bytes = 200;    ///< source of /api/search
  /// text of /api/analyze. A GET's URI is at most 8,192 bytes (cpp-httplib),
  /// which holds about 2,700 bytes of percent-encoded Kurdish text anyway.
  std::size_t max_text_bytes = 4000;
  std::size_t max_id_bytes = 1000;       ///< {id} of /api/documents/{id}
  /// Matches of /api/search counted exactly; past it "total" is a lower
  /// bound ("total_relation": "gte"). 0: count every match.
  std::uint64_t count_limit = 10000;
  /// Milliseconds a request may spend in the archive (SQLite) before it is
  /// stopped with 503 "timeout". 0: no limit.
  std::uint32_t time_limit_ms = 10000;
};

/// Query parameters, decoded (the first value of a repeated name counts).
using Params = std::multimap<std::string, std::string>;

struct Reply {
  int status = 200;
  std::string body;  ///< JSON
};

/// {"error": {"code": CODE, "message": MESSAGE}} with `status`.
Reply error_reply(int status, std::string_view code, std::string_view message);

class Api {
 public:
  Api(ArchivePool& pool, const Limits& limits) : pool_(pool), limits_(limits) {}

  /// GET /api/search?q=&limit=&offset=&from=&to=&source=
  Reply search(const Params& params) const;
  /// GET /api/documents/{id} (`id` already percent-decoded)
  Reply document(std::string_view id) const;
  /// GET /api/stats
  Reply stats() const;
  /// GET /api/analyze?text=
  Reply analyze(const Params& params) const;
  /// GET /healthz
  Reply health() const;

 private:
  ArchivePool& pool_;
  Limits limits_;
};

}  // namespace kurdi::serve
