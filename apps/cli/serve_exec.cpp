// kurdi serve: kurdi hands the whole command line to kurdi-serve with
// execv(), so the process the user started (its PID, its signals, its exit
// status and stderr) is the server; nothing of kurdi stays around it.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "serve_command.hpp"
#include "session.hpp"

// The directory kurdi-serve is installed in, relative to the directory of
// the installed kurdi (computed by apps/cli/CMakeLists.txt from
// CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_LIBEXECDIR), so that an install
// moved to another prefix still finds it.
#ifndef KURDI_SERVE_FROM_BINDIR
#error "KURDI_SERVE_FROM_BINDIR must be defined by the build"
#endif

namespace kurdi::cli {

int exec_serve(char** argv) {
  namespace fs = std::filesystem;
  // /proc/self/exe, not argv[0]: kurdi is usually found through PATH, and
  // a symlink to it (/usr/local/bin/kurdi -> ...) is resolved there.
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) {
    std::fprintf(stderr, "kurdi serve: cannot find kurdi-serve, the server program: /proc/self/exe: %s\n",
                 error.message().c_str());
    return kExitBadInput;
  }
  const fs::path dir = self.parent_path();
  std::vector<std::string> candidates{(dir / "kurdi-serve").string()};
  const std::string installed = (dir / KURDI_SERVE_FROM_BINDIR / "kurdi-serve").lexically_normal().string();
  if (installed != candidates.front()) candidates.push_back(installed);

  for (const std::string& path : candidates) {
    ::execv(path.c_str(), argv);
    // Only "no such file" moves on to the next place: a kurdi-serve that is
    // there but cannot run (permissions, a broken file) is reported as such.
    if (errno != ENOENT && errno != ENOTDIR) {
      std::fprintf(stderr, "kurdi serve: cannot run %s: %s\n", path.c_str(), std::strerror(errno));
      return kExitBadInput;
    }
  }
  std::string looked;
  for (const std::string& path : candidates) {
    if (!looked.empty()) looked += " and ";
    looked += path;
  }
  std::fprintf(stderr,
               "kurdi serve: cannot find kurdi-serve, the server program that kurdi runs for `kurdi serve` "
               "(looked for %s)\n",
               looked.c_str());
  return kExitBadInput;
}

}  // namespace kurdi::cli
