# Warnings for the project's own targets (not for third-party headers).
add_library(kurdi_warnings INTERFACE)
target_compile_options(kurdi_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wnull-dereference
  $<$<BOOL:${KURDI_WERROR}>:-Werror>)
