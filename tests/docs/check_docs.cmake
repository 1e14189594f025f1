# cmake -DCHECK=<name> -DSOURCE_DIR=<repo> -DPROJECT_VERSION=<x.y.z> -P check_docs.cmake
#
#   changelog_version  the newest version heading of docs/CHANGELOG.md
#                      ("## [x.y.z] ..." or "## x.y.z ...") is the CMake
#                      project version.
#   notice_complete    NOTICE names every file under data/ (as data/<path>)
#                      and every folder under samples/ (as samples/<name>/).
cmake_minimum_required(VERSION 3.25)

if(CHECK STREQUAL "changelog_version")
  set(changelog "${SOURCE_DIR}/docs/CHANGELOG.md")
  if(NOT EXISTS "${changelog}")
    message(FATAL_ERROR "docs/CHANGELOG.md is missing")
  endif()
  file(STRINGS "${changelog}" headings REGEX "^## +\\[?[0-9]+\\.[0-9]+\\.[0-9]+")
  if(NOT headings)
    message(FATAL_ERROR "docs/CHANGELOG.md has no '## [x.y.z]' version heading")
  endif()
  list(GET headings 0 top)
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" top_version "${top}")
  if(NOT top_version STREQUAL PROJECT_VERSION)
    message(FATAL_ERROR "docs/CHANGELOG.md's newest entry is ${top_version}, "
                        "but CMakeLists.txt says project(kurdi VERSION ${PROJECT_VERSION})")
  endif()
  message(STATUS "CHANGELOG top version ${top_version} == project version")

elseif(CHECK STREQUAL "notice_complete")
  file(READ "${SOURCE_DIR}/NOTICE" notice)
  set(missing "")
  file(GLOB_RECURSE data_files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/data/*")
  file(GLOB sample_entries RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/samples/*")
  set(names ${data_files})
  foreach(entry IN LISTS sample_entries)
    if(IS_DIRECTORY "${SOURCE_DIR}/${entry}")
      list(APPEND names "${entry}/")
    endif()
  endforeach()
  list(LENGTH data_files n_data)
  if(n_data EQUAL 0)
    message(FATAL_ERROR "no files under data/: wrong SOURCE_DIR?")
  endif()
  foreach(name IN LISTS names)
    string(FIND "${notice}" "${name}" at)
    if(at EQUAL -1)
      list(APPEND missing "${name}")
    endif()
  endforeach()
  if(missing)
    list(JOIN missing "\n  " missing_text)
    message(FATAL_ERROR "NOTICE does not name:\n  ${missing_text}\n"
                        "Every shipped data file and sample folder needs its source, "
                        "licence and attribution in NOTICE.")
  endif()
  list(LENGTH names n)
  message(STATUS "NOTICE names all ${n} data files and sample folders")

else()
  message(FATAL_ERROR "unknown CHECK '${CHECK}'")
endif()
