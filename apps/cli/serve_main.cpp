// kurdi-serve: the program behind `kurdi serve` (serve_command.hpp). kurdi
// execs it with its own argument vector ("kurdi", "serve", ARGS...), so this
// parses that command line the way kurdi's main.cpp did when the server was
// linked into kurdi: the same top-level flags, the same `serve` subcommand,
// the same help, messages and exit codes.
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <exception>

#include "archive/archive.hpp"
#include "program.hpp"
#include "serve_command.hpp"
#include "session.hpp"

namespace {

using namespace kurdi::cli;

int run(int argc, char** argv) {
  CLI::App app(help::kProgram);
  // kurdi answers --version and --licenses itself; they are declared here
  // only so that a command line kurdi passes on parses as it did in kurdi.
  TopLevelFlags flags;
  set_up_program(app, flags);
  CLI::App* serve = add_serve_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e);
  }
  if (!serve->parsed() || flags.version || flags.licenses) {
    std::fputs("kurdi-serve runs `kurdi serve`; start the server with: kurdi serve ARCHIVE [OPTIONS]\n", stderr);
    return kExitUsage;
  }
  return run_serve();
}

}  // namespace

int main(int argc, char** argv) {
  // As in kurdi: a closed connection or pipe is an EPIPE error, not a signal.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return run(argc, argv);
  } catch (const kurdi::archive::ArchiveError& e) {
    std::fprintf(stderr, "kurdi: %s\n", e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kurdi: %s\n", e.what());
    return kExitBadInput;
  }
}
