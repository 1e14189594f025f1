// The top level of the command line, shared by kurdi (main.cpp) and
// kurdi-serve (serve_main.cpp), which parses the `kurdi serve ...` command
// line kurdi hands it: the same program name, help and flags, and the same
// usage errors. Included only by those two files (it needs CLI11).
#pragma once
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "help_text.hpp"
#include "session.hpp"

namespace kurdi::cli {

struct TopLevelFlags {
  bool version = false;
  bool licenses = false;
};

/// Names the program "kurdi" (CLI11 builds "Usage: kurdi CMD ..." from it)
/// and adds its footer, -h/--help, --version and --licenses; at most one
/// subcommand.
inline void set_up_program(CLI::App& app, TopLevelFlags& flags) {
  app.name("kurdi");
  app.footer(help::kProgramExamples);
  app.set_help_flag("-h,--help", help::kHelp);
  app.require_subcommand(0, 1);
  app.add_flag("--version", flags.version, help::kVersion);
  app.add_flag("--licenses", flags.licenses, help::kLicenses);
}

/// What a failed app.parse() prints and returns: the help (exit 0) for
/// --help, else "kurdi: MESSAGE" and "Run 'kurdi CMD --help' for usage."
/// (exit 2).
inline int report_parse_error(const CLI::App& app, const CLI::ParseError& e) {
  if (e.get_exit_code() == 0) return app.exit(e);
  std::string command = "kurdi";
  for (const CLI::App* sub : app.get_subcommands()) command += " " + sub->get_name();
  // A first word that names no command (kurdi idnex): CLI11 only says that an
  // argument was not expected.
  const std::vector<std::string> left = app.remaining();
  if (command == "kurdi" && !left.empty() && !left.front().starts_with("-") &&
      dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    std::fprintf(stderr, "kurdi: '%s' is not a kurdi command\nRun 'kurdi --help' for the commands.\n",
                 left.front().c_str());
    return kExitUsage;
  }
  std::fprintf(stderr, "kurdi: %s\nRun '%s --help' for usage.\n", e.what(), command.c_str());
  return kExitUsage;
}

}  // namespace kurdi::cli
