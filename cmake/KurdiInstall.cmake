# Install rules and packaging: `cmake --install` and `cpack -G DEB`.
#
# Installs the `kurdi` program, libkurdi (shared with its SONAME links, and
# static), the public headers, a pkg-config file, a CMake package exporting
# kurdi::kurdi_shared and kurdi::kurdi_static, the man page and the licence
# files. Every version number comes from project(kurdi VERSION ...).
#
# Install components, one Debian package each (Debian's library naming):
#   runtime -> libkurdi0      libkurdi.so.0 and its licence files
#   dev     -> libkurdi-dev   headers, libkurdi.so, libkurdi.a, pkg-config, CMake package
#   cli     -> kurdi          the kurdi program, kurdi-serve (<libexecdir>/kurdi/,
#                             the server that `kurdi serve` runs), the SQLite
#                             extension, the man page, README
# The program links libkurdi statically, so `kurdi` does not depend on libkurdi0.
include(CMakePackageConfigHelpers)

set(KURDI_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/kurdi")
set(KURDI_PKGCONFIG_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

# --- program ------------------------------------------------------------------
if(TARGET kurdi)
  install(TARGETS kurdi RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
endif()
# Not a command of its own: `kurdi serve` execs it, and finds it relative to
# kurdi's own directory (apps/cli/CMakeLists.txt, KURDI_SERVE_FROM_BINDIR).
if(TARGET kurdi-serve)
  install(TARGETS kurdi-serve RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/kurdi COMPONENT cli)
endif()

# --- libraries and headers ----------------------------------------------------
install(TARGETS kurdi_shared kurdi_static
  EXPORT kurdiTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/kurdi.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/kurdi
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")

# --- CMake package: find_package(kurdi) ----------------------------------------
install(EXPORT kurdiTargets
  NAMESPACE kurdi::
  FILE kurdiTargets.cmake
  DESTINATION ${KURDI_CMAKE_DIR}
  COMPONENT dev)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/kurdiConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kurdiConfig.cmake
  INSTALL_DESTINATION ${KURDI_CMAKE_DIR})
# 0.x releases promise nothing across minor versions.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(kurdi_compat SameMinorVersion)
else()
  set(kurdi_compat SameMajorVersion)
endif()
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/kurdiConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY ${kurdi_compat})
install(FILES
  ${PROJECT_BINARY_DIR}/kurdiConfig.cmake
  ${PROJECT_BINARY_DIR}/kurdiConfigVersion.cmake
  DESTINATION ${KURDI_CMAKE_DIR} COMPONENT dev)

# --- pkg-config ------------------------------------------------------------------
# The .pc file finds its prefix from its own location (${pcfiledir}), so the
# same file is right under /usr/local, in a DESTDIR and inside the .deb (/usr).
file(RELATIVE_PATH KURDI_PC_TO_PREFIX
  "/${KURDI_PKGCONFIG_DIR}" "/")
string(REGEX REPLACE "/$" "" KURDI_PC_TO_PREFIX "${KURDI_PC_TO_PREFIX}")
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(KURDI_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(KURDI_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/cmake/kurdi.pc.in
  ${PROJECT_BINARY_DIR}/kurdi.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/kurdi.pc DESTINATION ${KURDI_PKGCONFIG_DIR} COMPONENT dev)

# --- man page and licence files ---------------------------------------------------
if(EXISTS ${PROJECT_SOURCE_DIR}/docs/kurdi.1)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/kurdi.1
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
endif()
# Every package carries the licence and the data notices in its own doc folder
# (Debian: /usr/share/doc/<package>/), so no file belongs to two packages.
install(FILES
  ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE ${PROJECT_SOURCE_DIR}/README.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT cli)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE
  DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/libkurdi${PROJECT_VERSION_MAJOR} COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE
  DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/libkurdi-dev COMPONENT dev)

# --- CPack: cpack -G DEB ------------------------------------------------------------
set(CPACK_PACKAGE_NAME kurdi)
set(CPACK_PACKAGE_VENDOR "kurdi developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Sorani Kurdish text engine: normalize, tokenize, stem, transliterate")
set(CPACK_PACKAGE_CONTACT "kurdi developers <kurdi@kurdi.invalid>")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "kurdi developers <kurdi@kurdi.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# CPack writes CPACK_PACKAGE_DESCRIPTION_SUMMARY on
# the Description: line of every package and indents its text below it.
set(kurdi_deb_about
"kurdi normalizes, tokenizes, stems, lemmatizes and transliterates Sorani
(Arabic-script Central Kurdish) text, with byte offsets into the original
input.")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli runtime dev)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_COMPONENT_DEV_DEPENDS runtime)
set(CPACK_DEBIAN_CLI_PACKAGE_NAME kurdi)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libkurdi${PROJECT_VERSION_MAJOR})
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libkurdi-dev)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_CLI_DESCRIPTION "${kurdi_deb_about}
This package holds the kurdi command and its man page.")
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "${kurdi_deb_about}
This package holds the shared library libkurdi.")
set(CPACK_DEBIAN_DEV_DESCRIPTION "${kurdi_deb_about}
This package holds the C and C++ headers, the static library and the
pkg-config and CMake files for building programs with libkurdi.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps sees only linked libraries. kurdi loads libxml2 with dlopen
# at the first HTML file (archive/read/libxml2.cpp), so the dependency is
# declared here, with the minimum version libxml2's symbols file gives for
# the functions it calls; CPack appends the computed Depends to it.
if(TARGET kurdi_archive_read)
  set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "libxml2 (>= 2.7.4)")
endif()
# Only the package holding libkurdi.so.N gets a shlibs file (CPack looks for shared libraries).
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/")
include(CPack)
