// kurdi serve lives in its own program, kurdi-serve, so that kurdi itself
// does not load cpp-httplib and OpenSSL at every start (ARCHITECTURE.md,
// "Build, install, packaging"). kurdi replaces itself with kurdi-serve
// (exec_serve); kurdi-serve parses the same command line (add_serve_command)
// and runs the server (run_serve).
#pragma once

namespace CLI {
class App;
}

namespace kurdi::cli {

/// kurdi-serve (cmd_serve.cpp): adds the `serve` subcommand and its options to `app`.
CLI::App* add_serve_command(CLI::App& app);
/// kurdi-serve (cmd_serve.cpp): serves with the parsed options; returns the exit code.
int run_serve();

/// kurdi (serve_exec.cpp): replaces this process with kurdi-serve, with the
/// same argument vector, so the caller's PID, signals and exit code are the
/// server's. Looks next to this executable first (the build tree), then at
/// the installed location relative to it (<bindir>/../libexec/kurdi/ by
/// default). Returns only when it cannot: after a message on stderr, with
/// exit code 1.
int exec_serve(char** argv);

}  // namespace kurdi::cli
