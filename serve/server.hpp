// kurdi serve (docs/serve.md): the HTTP server over one archive, read-only.
// It routes requests to the JSON API (api.hpp) and to the web page's assets,
// which are compiled into the binary (assets.hpp): it reads no other file.
#pragma once
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "serve/api.hpp"

namespace kurdi::serve {

/// The default of Options::jobs: the number of hardware threads (1 if unknown).
unsigned default_jobs();

struct Options {
  std::string archive;
  std::string host = "127.0.0.1";
  int port = 8080;                  ///< 0: any free port (printed at start)
  std::string base_path;            ///< "" or "/p" (no trailing '/'): every URL under it
  int threads = 64;                 ///< worker threads: requests (and keep-alive connections) served at once
  /// Requests that use the archive at once; the others wait their turn in
  /// arrival order (ArchivePool). 0: no limit. Default: the number of cores.
  unsigned jobs = default_jobs();
  bool access_log = true;           ///< one line per request on stderr
  int timeout_seconds = 10;         ///< reading a request, writing a response, an idle keep-alive connection
  std::size_t max_request_bytes = 16384;  ///< a request body (the API takes none)
  Limits limits;
};

/// Why the server could not start: a message for the user.
class ServeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Checks and normalises --base-path: "" or "/" -> "", "x/" -> "/x".
/// Throws ServeError on characters other than letters, digits and -._~/.
std::string normalize_base_path(const std::string& path);

class Server {
 public:
  /// Opens the archive (read-only) and binds the port. Throws
  /// archive::ArchiveError or ServeError (port in use, no such address...).
  explicit Server(const Options& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;                 ///< the bound port
  std::string url() const;          ///< http://HOST:PORT/BASE/
  /// Serves until stop(); returns false when the listening loop failed.
  bool run();
  /// Stops accepting, lets the requests in flight finish; run() returns.
  /// Safe to call from another thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kurdi::serve
