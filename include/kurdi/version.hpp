// kurdi: version of the library and of its analysis.
#pragma once
#include <string_view>
#include "kurdi/export.hpp"

KURDI_PUBLIC_BEGIN
namespace kurdi {

/// The release version ("MAJOR.MINOR.PATCH"), from the CMake project version.
std::string_view version() noexcept;

/// The analyzer version: the release version plus a hash of every rule table
/// and compiled word list ("0.1.0+3f9a0c12b4de"). Anything that stores
/// analyzed text (an index, a tsvector) records it; a different value means
/// the stored analysis is stale and the data must be reindexed.
std::string_view analyzer_version() noexcept;

}  // namespace kurdi
KURDI_PUBLIC_END
