# Install rules and packaging: `cmake --install` and `cpack -G DEB`.
#
# Installs the `kurdi` program, libkurdi (shared with its SONAME links, and
# static), the public headers, a pkg-config file, a CMake package exporting
# kurdi::kurdi_shared and kurdi::kurdi_static, the man page and the licence
# files. Every version number comes from project(kurdi VERSION ...).
include(CMakePackageConfigHelpers)

set(KURDI_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/kurdi")
set(KURDI_PKGCONFIG_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

# --- program ------------------------------------------------------------------
if(TARGET kurdi)
  install(TARGETS kurdi RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# --- libraries and headers ----------------------------------------------------
install(TARGETS kurdi_shared kurdi_static
  EXPORT kurdiTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/kurdi.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/kurdi
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")

# --- CMake package: find_package(kurdi) ----------------------------------------
install(EXPORT kurdiTargets
  NAMESPACE kurdi::
  FILE kurdiTargets.cmake
  DESTINATION ${KURDI_CMAKE_DIR})
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
  DESTINATION ${KURDI_CMAKE_DIR})

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
install(FILES ${PROJECT_BINARY_DIR}/kurdi.pc DESTINATION ${KURDI_PKGCONFIG_DIR})

# --- man page and licence files ---------------------------------------------------
if(EXISTS ${PROJECT_SOURCE_DIR}/docs/kurdi.1)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/kurdi.1
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
install(FILES
  ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE ${PROJECT_SOURCE_DIR}/README.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

# --- CPack: cpack -G DEB ------------------------------------------------------------
set(CPACK_PACKAGE_NAME kurdi)
set(CPACK_PACKAGE_VENDOR "kurdi developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "kurdi developers <kurdi@kurdi.invalid>")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "kurdi developers <kurdi@kurdi.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY on the Description: line and
# indents this text below it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "kurdi normalizes, tokenizes and splits Sorani (Arabic-script Central Kurdish)
text with byte offsets into the original input. The package holds the kurdi
command, libkurdi (shared and static), headers, pkg-config and CMake files.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/")
include(CPack)
