// The dates a document may carry (docs/archive-input.md, "Dates").
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kurdi::archive::detail {

/// "YYYY-MM-DD" for one of the accepted forms, nullopt for anything else:
///   YYYY-MM-DD
///   YYYY-MM-DDTHH:MM[:SS][.fff][Z|+HH:MM|-HH:MM]   (T or t, Z or z)
///   YYYY-MM-DD HH:MM[:SS]
///   YYYY/MM/DD
/// The calendar date is kept as written: a time zone offset is checked, not
/// applied. Years 0001-9999; the day must exist in that month (leap years).
std::optional<std::string> normalize_date(std::string_view text);

}  // namespace kurdi::archive::detail
