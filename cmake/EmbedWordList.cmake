# Compiles a reviewed word list (one entry per line, '#' starts a comment,
# blank lines ignored) into a C++ array of string_views, sorted and unique.
# Usage: cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P EmbedWordList.cmake
file(STRINGS "${INPUT}" lines ENCODING UTF-8)
set(entries "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "#.*$" "" line "${line}")
  string(STRIP "${line}" line)
  if(line STREQUAL "")
    continue()
  endif()
  if(line MATCHES "[\"\\\\]")
    message(FATAL_ERROR "${INPUT}: entry '${line}' contains a quote or backslash")
  endif()
  list(APPEND entries "${line}")
endforeach()
list(REMOVE_DUPLICATES entries)
list(SORT entries)  # byte order, so the library can binary-search
list(LENGTH entries count)
set(body "")
foreach(e IN LISTS entries)
  string(APPEND body "    \"${e}\",\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/EmbedWordList.cmake. Do not edit.
#include <cstddef>
#include <string_view>

namespace kurdi::data {
extern const std::string_view ${NAME}[];
extern const std::size_t ${NAME}_count;
const std::string_view ${NAME}[] = {
${body}};
const std::size_t ${NAME}_count = ${count};
}  // namespace kurdi::data
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
