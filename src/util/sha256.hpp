// SHA-256 (FIPS 180-4), for content hashes that go into analyzer versions
// (user lexicons). Small and dependency-free; not for secrets.
#pragma once
#include <string>
#include <string_view>

namespace kurdi::util {

/// Lower-case hexadecimal SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace kurdi::util
