# Turns the project's NOTICE into a C++ raw string for `kurdi --licenses`.
# Usage: cmake -DINPUT=NOTICE -DOUTPUT=notice.cpp -P embed_notice.cmake
# A missing NOTICE gives an empty string (kurdi --licenses then fails with a
# message); the file is only rewritten when its content changes.
set(delim "kurdi_notice")
if(EXISTS "${INPUT}")
  file(READ "${INPUT}" text)
  set(present "true")
  string(FIND "${text}" ")${delim}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delim}\"")
  endif()
else()
  set(text "")
  set(present "false")
endif()
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by apps/cli/embed_notice.cmake. Do not edit.
#include <string_view>

namespace kurdi::cli {
extern const bool kNoticePresent;
extern const std::string_view kNotice;
const bool kNoticePresent = ${present};
const std::string_view kNotice = R\"${delim}(${text})${delim}\";
}  // namespace kurdi::cli
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
