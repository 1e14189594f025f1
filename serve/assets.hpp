// The web page's files (serve/assets/), compiled into the binary at build
// time by embed_assets.cmake: the installed kurdi needs no data directory,
// and the server can only ever send these files (no path reaches the disk).
#pragma once
#include <span>
#include <string_view>

namespace kurdi::serve {

struct Asset {
  std::string_view path;          ///< relative to serve/assets/, e.g. "app.js"
  std::string_view content_type;
  std::string_view data;
};

/// Every bundled file.
std::span<const Asset> assets();
/// The bundled file at exactly `path`, or null.
const Asset* find_asset(std::string_view path);

}  // namespace kurdi::serve
