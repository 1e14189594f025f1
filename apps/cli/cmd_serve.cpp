// kurdi serve ARCHIVE: the HTTP API and the search page over an archive
// (docs/serve.md), read-only, until SIGINT or SIGTERM. The server itself is
// the kurdi_serve library (serve/); this file owns the options and signals.
// It is built into the program kurdi-serve (serve_main.cpp), which kurdi
// runs in its own place for `kurdi serve` (serve_exec.cpp).
#include <CLI/CLI.hpp>
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>

#include "archive/archive.hpp"
#include "help_text.hpp"
#include "serve/server.hpp"
#include "serve_command.hpp"
#include "session.hpp"

namespace kurdi::cli {
namespace {

kurdi::serve::Options serve_options;

constexpr const char* kServeHost = "Address to listen on (default 127.0.0.1: this machine only)";
constexpr const char* kServePort = "Port to listen on (default 8080; 0: any free port, printed at start)";
constexpr const char* kServeBasePath = "Serve every URL under this path, e.g. /kurdi behind a reverse proxy";
constexpr const char* kServeThreads =
    "Worker threads, each serving one connection at a time with its own read-only archive connection "
    "(default 64)";
constexpr const char* kServeJobs =
    "Requests that read the archive at once; the others wait their turn in arrival order "
    "(default: the number of CPU cores; 0: no limit)";
constexpr const char* kServeCountLimit =
    "Count the matches of a search exactly up to N; past that, total is a lower bound "
    "(total_relation \"gte\") (default 10000; 0: count every match)";
constexpr const char* kServeTimeLimit =
    "Milliseconds a request may spend in the archive before it is stopped with 503 timeout "
    "(default 10000; 0: no limit)";
constexpr const char* kServeQuiet = "No access log (one line per request on stderr)";
constexpr const char* kServeExamples =
    "Opens ARCHIVE read-only and serves, until Ctrl-C (SIGINT) or SIGTERM:\n"
    "  /                    the search page (Sorani, with an English toggle)\n"
    "  /api/search?q=       the same query language and results as kurdi search --json\n"
    "  /api/documents/ID    one document      /api/stats   the archive\n"
    "  /api/analyze?text=   every stage of the analysis of a text\n"
    "  /healthz             {\"status\": \"ok\", \"analyzer_version\": ...}\n"
    "Everything the page needs (code, font) is built into kurdi-serve. Requests\n"
    "in flight finish before it exits. Details and limits: docs/serve.md.\n"
    "\n"
    "Examples:\n"
    "  kurdi serve build/demo.db\n"
    "  kurdi serve news.db --port 9000 --host 0.0.0.0\n"
    "  kurdi serve news.db --base-path /kurdi --quiet\n"
    "\n"
    "Exit status: 0 after a clean stop, 1 when the archive cannot be read or the\n"
    "port cannot be used (in use, no permission), 2 usage error.";

}  // namespace

CLI::App* add_serve_command(CLI::App& app) {
  CLI::App* serve = app.add_subcommand("serve", help::kServe);
  serve->footer(kServeExamples);
  serve->set_help_flag("-h,--help", "Print this help and exit");
  serve->add_option("ARCHIVE", serve_options.archive, "The archive file (made by kurdi index)")
      ->required()
      ->type_name("");
  serve->add_option("--port", serve_options.port, kServePort)->type_name("N")->check(CLI::Range(0, 65535));
  serve->add_option("--host", serve_options.host, kServeHost)->type_name("ADDRESS");
  serve->add_option("--base-path", serve_options.base_path, kServeBasePath)->type_name("P");
  serve->add_option("--threads", serve_options.threads, kServeThreads)->type_name("N")->check(CLI::Range(1, 1024));
  serve->add_option("--jobs", serve_options.jobs, kServeJobs)->type_name("N")->check(CLI::Range(0u, 1024u));
  serve->add_option("--count-limit", serve_options.limits.count_limit, kServeCountLimit)
      ->type_name("N")
      ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{1000000000}));
  serve->add_option("--time-limit", serve_options.limits.time_limit_ms, kServeTimeLimit)
      ->type_name("MS")
      ->check(CLI::Range(std::uint32_t{0}, std::uint32_t{3600000}));
  serve->add_flag("--quiet", [](std::int64_t) { serve_options.access_log = false; }, kServeQuiet);
  return serve;
}

int run_serve() {
  kurdi::serve::Options options = serve_options;
  try {
    options.base_path = kurdi::serve::normalize_base_path(options.base_path);
  } catch (const kurdi::serve::ServeError& e) {
    std::fprintf(stderr, "kurdi serve: %s\nRun 'kurdi serve --help' for usage.\n", e.what());
    return kExitUsage;
  }
  // SIGINT and SIGTERM are taken by one thread (sigwait) that stops the
  // server: blocked here, before any other thread exists, so that every
  // thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::unique_ptr<kurdi::serve::Server> server;
  try {
    server = std::make_unique<kurdi::serve::Server>(options);
  } catch (const kurdi::serve::ServeError& e) {
    std::fprintf(stderr, "kurdi serve: %s\n", e.what());
    return kExitBadInput;
  } catch (const kurdi::archive::ArchiveError& e) {
    std::fprintf(stderr, "kurdi serve: %s\n", e.what());
    return kExitBadInput;
  }
  std::fprintf(stderr, "kurdi serve: serving %s (read-only) at %s\nkurdi serve: open %s in a browser; Ctrl-C stops\n",
               options.archive.c_str(), server->url().c_str(), server->url().c_str());
  std::fflush(stderr);

  std::atomic<int> received{0};
  std::thread waiter([&] {
    int signal_number = 0;
    if (sigwait(&stop_signals, &signal_number) == 0) received = signal_number;
    server->stop();
  });
  const bool clean = server->run();
  if (received == 0) pthread_kill(waiter.native_handle(), SIGTERM);  // wake the waiter
  waiter.join();
  if (received == SIGINT || received == SIGTERM) {
    std::fprintf(stderr, "kurdi serve: %s received, stopped after the requests in flight\n",
                 received == SIGINT ? "SIGINT" : "SIGTERM");
    return kExitOk;
  }
  std::fprintf(stderr, "kurdi serve: the server stopped unexpectedly%s\n", clean ? "" : " (listening failed)");
  return kExitBadInput;
}

}  // namespace kurdi::cli
