// The HTTP side of kurdi serve: cpp-httplib (Debian's libcpp-httplib-dev)
// accepts connections on a pool of worker threads; one handler routes every
// GET to the JSON API or to a bundled asset. Limits and timeouts are set
// here (docs/serve.md, "Security and limits").
#include "serve/server.hpp"

#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string_view>
#include <algorithm>
#include <memory>
#include <limits>
#include <optional>
#include <thread>

#include "serve/assets.hpp"

namespace kurdi::serve {
namespace {

using Clock = std::chrono::steady_clock;

// When the current request began (set before routing, read by the access
// log; each worker serves one request at a time).
thread_local Clock::time_point request_start;
// Whether request_start belongs to the request being logged (a request
// cpp-httplib rejects before routing never sets it).
thread_local bool request_started = false;
// The request's method as the client sent it: a request with a body is
// routed as a POST (Impl::frame_body), and its answer and log line name the
// method it really had.
thread_local std::string request_method;

// Headers of every page and asset: no sniffing, no framing, and a policy
// that lets the page load only its own files (no inline script runs even if
// some markup ever slipped through).
void set_page_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self'; "
                 "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
}

void send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(reply.body, "application/json; charset=utf-8");
}

void send_asset(httplib::Response& res, const Asset& asset) {
  res.status = 200;
  set_page_headers(res);
  // The fonts never change within a kurdi version; the page and its code
  // are revalidated so that an upgrade shows at once.
  res.set_header("Cache-Control", asset.path.starts_with("fonts/") ? "public, max-age=86400" : "no-cache");
  res.set_content(asset.data.data(), asset.data.size(), std::string(asset.content_type).c_str());
}

// Answers `reply` and then closes the connection: for a request whose body
// is not read to its end (its length is unclear, or over the limit) or that
// cpp-httplib would not take (a malformed request line or header), so that
// no byte left of it is ever taken for the next request on the connection,
// and a client that sends garbage holds no worker. cpp-httplib (0.11.4) has
// no call that closes a connection; it closes one when writing a response fails, and a content provider that
// returns false is such a failure, after the whole body has been written.
// A HEAD is answered as a GET here: cpp-httplib writes no body for a HEAD, so
// the provider would never run; the connection closes right after, so the
// body cannot be mistaken for the next response.
void send_and_close(httplib::Request& req, httplib::Response& res, const Reply& reply) {
  req.headers.erase("Connection");
  req.set_header("Connection", "close");  // cpp-httplib then says "Connection: close" in the answer
  if (req.method == "HEAD") req.method = "GET";
  res.status = reply.status;
  res.set_header("Cache-Control", "no-store");
  auto body = std::make_shared<const std::string>(reply.body);
  res.set_content_provider(body->size(), "application/json; charset=utf-8",
                           [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             sink.write(body->data() + offset, length);
                             return false;
                           });
}

// A Content-Length as RFC 9112 writes it (digits only), or nullopt. A value
// past 64 bits is taken as the largest one: it is over any limit all the same.
std::optional<std::uint64_t> content_length(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    value = value > (UINT64_MAX - digit) / 10 ? UINT64_MAX : value * 10 + digit;
  }
  return value;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// The request target for the log: control bytes and quotes shown as '?', so
// a request cannot forge log lines.
std::string loggable(std::string_view target) {
  std::string out;
  for (const char c : target.substr(0, 2000))
    out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '"' ? '?' : c);
  if (target.size() > 2000) out.append("...");
  return out;
}

// Why binding HOST:PORT failed, found by trying it once more with a plain
// socket (cpp-httplib does not report errno).
std::string bind_failure(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  const std::string where = host + ":" + service;
  if (const int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
    return "cannot listen on " + where + ": cannot resolve host '" + host + "' (" + gai_strerror(rc) + ")";
  int error = 0;
  const int sock = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  if (sock < 0) {
    error = errno;
  } else {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (bind(sock, found->ai_addr, found->ai_addrlen) != 0 || listen(sock, 1) != 0) error = errno;
    close(sock);
  }
  freeaddrinfo(found);
  switch (error) {
    case EADDRINUSE:
      return "cannot listen on " + where + ": the port is in use (by another kurdi serve or another program); " +
             "choose another with --port N";
    case EACCES:
      return "cannot listen on " + where + ": permission denied (ports below 1024 need root); " +
             "choose --port 1024 or above";
    case EADDRNOTAVAIL:
      return "cannot listen on " + where + ": " + host + " is not an address of this machine";
    case 0:
      return "cannot listen on " + where;
    default:
      return "cannot listen on " + where + ": " + std::strerror(error);
  }
}

// A socket address as cpp-httplib writes Request::remote_addr and
// remote_port (getnameinfo, numeric).
void numeric_address(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST] = "";
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, nullptr, 0,
                    NI_NUMERICHOST) == 0)
    ip = host;
  if (address.ss_family == AF_INET) port = ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
  if (address.ss_family == AF_INET6) port = ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
}

// poll() on one descriptor: whether `events` came within `timeout_ms` (0:
// only whether they are there now).
bool ready(int fd, short events, int timeout_ms) {
  pollfd wait{fd, events, 0};
  int n;
  do n = ::poll(&wait, 1, timeout_ms);
  while (n < 0 && errno == EINTR);
  return n > 0;
}

int milliseconds(time_t seconds, time_t microseconds) {
  const long long ms = static_cast<long long>(seconds) * 1000 + microseconds / 1000;
  return static_cast<int>(std::clamp<long long>(ms, 0, std::numeric_limits<int>::max()));
}

// One request's reading and writing on a connection, as cpp-httplib's own
// detail::SocketStream (0.11.4) does it, which its header does not declare:
// reads wait up to the read timeout and go through a 4 KiB buffer; a write
// waits up to the write timeout and is refused once the peer has closed
// its end (cpp-httplib's "is the socket alive" check).
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(socket_t sock, int read_timeout_ms, int write_timeout_ms)
      : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  bool is_readable() const override { return ready(sock_, POLLIN, read_timeout_ms_); }
  bool is_writable() const override { return ready(sock_, POLLOUT, write_timeout_ms_) && peer_still_there(); }

  ssize_t read(char* ptr, size_t size) override {
    if (buffered_ == filled_) {
      if (!is_readable()) return -1;
      if (size >= sizeof buffer_) return receive(ptr, size);
      const ssize_t n = receive(buffer_, sizeof buffer_);
      if (n <= 0) return n;
      buffered_ = 0;
      filled_ = static_cast<size_t>(n);
    }
    const size_t n = std::min(size, filled_ - buffered_);
    std::memcpy(ptr, buffer_ + buffered_, n);
    buffered_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
      numeric_address(address, length, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
      numeric_address(address, length, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  ssize_t receive(char* ptr, size_t size) const {
    ssize_t n;
    do n = ::recv(sock_, ptr, size, 0);
    while (n < 0 && errno == EINTR);
    return n;
  }
  // Nothing to read, or a byte that is not the end of the stream.
  bool peer_still_there() const {
    if (!ready(sock_, POLLIN, 0)) return true;
    char byte;
    return ::recv(sock_, &byte, 1, MSG_PEEK) > 0;
  }

  socket_t sock_;
  int read_timeout_ms_, write_timeout_ms_;
  char buffer_[4096];
  size_t buffered_ = 0, filled_ = 0;  // buffer_[buffered_, filled_) is read, not yet handed out
};

// cpp-httplib's server with a connection loop of kurdi's own, so that a stop
// answers every request that has arrived. cpp-httplib's loop (0.11.4,
// process_server_socket_core) looks at whether the server was stopped only
// before each request, and then closes the connection unread: a request
// already on an accepted connection whose worker had not reached it (busy
// with an earlier connection, or not yet scheduled) got no answer. Its wait
// for a next request looks only at the connection, so an idle keep-alive
// connection (an open browser tab) also held a stop up for the whole
// keep-alive timeout (10 s). Here the wait also watches a descriptor that
// stop_connections() makes readable; once stopping, a connection is served
// while a request is there to read and closed when none is.
class HttpServer final : public httplib::Server {
 public:
  HttpServer() : stop_signal_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    if (stop_signal_ < 0) throw ServeError(std::string("cannot create an eventfd: ") + std::strerror(errno));
  }
  ~HttpServer() override { ::close(stop_signal_); }
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Ends every wait for a next request (see above), those to come included.
  void stop_connections() {
    stopping_ = true;
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(stop_signal_, &one, sizeof one);  // stays readable: never read
  }

 private:
  // Called by cpp-httplib on a worker for each accepted connection; its own
  // version, replaced here, is the loop described above.
  bool process_and_close_socket(socket_t sock) override {
    bool answered = false;
    for (size_t count = keep_alive_max_count_; count > 0 && request_waiting(sock); --count) {
      ConnectionStream stream(sock, milliseconds(read_timeout_sec_, read_timeout_usec_),
                              milliseconds(write_timeout_sec_, write_timeout_usec_));
      const bool close_connection = count == 1 || stopping_;
      bool connection_closed = false;
      answered = process_request(stream, close_connection, connection_closed, nullptr);
      if (!answered || connection_closed || close_connection) break;
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return answered;
  }

  // Whether a request (or the end of the connection, which process_request
  // then reads as such) is there to read, waiting for one up to the
  // keep-alive timeout; once stopping, only whether one is there already.
  bool request_waiting(socket_t sock) const {
    pollfd waits[2] = {{sock, POLLIN, 0}, {stop_signal_, POLLIN, 0}};
    int n;
    do n = ::poll(waits, 2, milliseconds(keep_alive_timeout_sec_, 0));
    while (n < 0 && errno == EINTR);
    if (n <= 0) return false;
    if (waits[0].revents != 0) return true;
    return ready(sock, POLLIN, 0);  // stopping: a request that came at that very moment
  }

  const int stop_signal_;  // an eventfd, readable once stop_connections() was called
  std::atomic<bool> stopping_{false};
};

}  // namespace

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

std::string normalize_base_path(const std::string& path) {
  std::string out;
  for (const char c : path) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                         c == '.' || c == '_' || c == '~' || c == '/';
    if (!allowed)
      throw ServeError("--base-path '" + path + "': only letters, digits and - . _ ~ / are allowed");
    if (c == '/' && !out.empty() && out.back() == '/') continue;  // "//" -> "/"
    out.push_back(c);
  }
  if (out.find("/./") != std::string::npos || out.find("/../") != std::string::npos || out.ends_with("/..") ||
      out.ends_with("/.") || out == "." || out == "..")
    throw ServeError("--base-path '" + path + "': no '.' or '..' segments");
  if (!out.empty() && out.front() != '/') out.insert(out.begin(), '/');
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

struct Server::Impl {
  Options options;
  ArchivePool pool;
  Api api;
  HttpServer http;
  int port = 0;
  // The listening socket, as cpp-httplib's socket-options hook last saw it
  // (the hook runs on each socket it tries to bind; the last one is bound).
  socket_t listen_socket = INVALID_SOCKET;
  // run() and stop() on different threads: see stop().
  std::atomic<bool> run_started{false}, run_returned{false}, stop_requested{false};

  explicit Impl(const Options& o) : options(o), pool(o.archive, o.jobs), api(pool, o.limits) {}

  void route(const httplib::Request& req, httplib::Response& res) const {
    std::string_view path = req.path;
    const std::string& base = options.base_path;
    if (!base.empty()) {
      if (path == base) {  // /base -> /base/, so that the page's relative URLs resolve
        res.set_redirect(base + "/");
        return;
      }
      if (!path.starts_with(base) || path.substr(base.size(), 1) != "/") {
        send(res, error_reply(404, "not_found", "nothing here: kurdi serves under " + base + "/"));
        return;
      }
      path.remove_prefix(base.size());
    }
    if (path == "/" || path == "/index.html") {
      send_asset(res, *find_asset("index.html"));
    } else if (path.starts_with("/assets/")) {
      // Only a bundled file, by its exact name: nothing here touches the disk.
      if (const Asset* asset = find_asset(path.substr(8)); asset && asset->path != "index.html")
        send_asset(res, *asset);
      else
        send(res, error_reply(404, "not_found", "no such file: " + std::string(path)));
    } else if (path == "/api/search") {
      send(res, api.search(req.params));
    } else if (path.starts_with("/api/documents/")) {
      send(res, api.document(path.substr(15)));
    } else if (path == "/api/stats") {
      send(res, api.stats());
    } else if (path == "/api/analyze") {
      send(res, api.analyze(req.params));
    } else if (path == "/healthz") {
      send(res, api.health());
    } else {
      send(res, error_reply(404, "not_found", "no such page or API: " + std::string(path)));
    }
  }

  // Why a request is refused before its body is read, as the answer to give,
  // or nullopt when it is not. A header's name that is empty or has white
  // space in it is 400 (RFC 9112, 5.1: white space before the colon; a folded
  // line with a colon comes here the same way): cpp-httplib keeps the space
  // in the name, so "Content-Length : 5" is no Content-Length to it, and
  // those 5 bytes would be read as the next request where a proxy in front
  // may have sent them as the body. A body whose length is unclear (RFC 9112,
  // 6.1 and 6.3: several or non-numeric Content-Lengths, a Transfer-Encoding
  // other than chunked, or both headers) cannot be read to an end anyone
  // agrees on: 400. A Content-Length over the limit is 413 before a byte of
  // the body is read: cpp-httplib would read (and drop) all of it first, so a
  // client announcing gigabytes held a worker for as long as it kept sending,
  // or waited out the read timeout when it sent nothing. Every such answer
  // closes the connection (send_and_close): the body that was not read is
  // still on it.
  std::optional<Reply> refusal(const httplib::Request& req) const {
    for (const auto& [name, value] : req.headers)
      if (name.empty() || name.find_first_of(" \t") != std::string::npos)
        return error_reply(400, "bad_request", "a header's name is empty or has white space in it");
    const std::size_t encodings = req.get_header_value_count("Transfer-Encoding");
    const std::size_t lengths = req.get_header_value_count("Content-Length");
    if (encodings == 0 && lengths == 0) return std::nullopt;
    const std::optional<std::uint64_t> length =
        lengths == 1 ? content_length(req.get_header_value("Content-Length")) : std::nullopt;
    const bool clear = encodings > 0 ? encodings == 1 && lengths == 0 &&
                                           equals_ignoring_case(req.get_header_value("Transfer-Encoding"), "chunked")
                                     : length.has_value();
    if (!clear)
      return error_reply(400, "bad_request",
                         "the request's body has no clear length (Content-Length, Transfer-Encoding)");
    if (length && *length > options.max_request_bytes)
      return error_reply(413, "request_too_large", "the request body is too large");
    return std::nullopt;
  }

  // A request body, whatever the method. cpp-httplib 0.11.4 reads one only
  // for POST, PUT, PATCH and DELETE (detail::expect_content); the body of a
  // GET, HEAD or OPTIONS was left unread on the connection, and its bytes
  // were parsed as the next request (a GET with 5,000 bytes of body was
  // answered, then its body was answered 400 as a request of its own): a
  // request-smuggling hole behind a reverse proxy, which frames the body and
  // reuses the connection. So every request with a body is routed as a POST,
  // whose handler reads the body to its end (16 KiB at most, see Post) and
  // then answers as the real method would. A request refused before its body
  // is read (refusal) is answered here, and the connection closes.
  enum class Body { none, to_read, answered };
  Body frame_body(httplib::Request& req, httplib::Response& res) const {
    if (const std::optional<Reply> refused = refusal(req)) {
      send_and_close(req, res, *refused);
      return Body::answered;
    }
    if (!req.has_header("Transfer-Encoding") &&
        content_length(req.get_header_value("Content-Length")).value_or(0) == 0)
      return Body::none;
    // The body is read only to be dropped: its type and encoding must not
    // make cpp-httplib parse (multipart) or inflate it.
    req.headers.erase("Content-Type");
    req.headers.erase("Content-Encoding");
    req.method = "POST";
    return Body::to_read;
  }

  // Reads a request's body to its end and drops it (see frame_body).
  // cpp-httplib's own reading keeps a chunked body in memory whatever its
  // size; this one stops past options.max_request_bytes. A chunked body over
  // it, or one that ends early or is malformed, leaves the connection at an
  // unknown place in the stream: answered, then closed. Returns whether the
  // request is still to be answered.
  bool drop_body(httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) const {
    std::size_t bytes = 0;
    bool over = false;
    const bool read_whole = read([&](const char*, std::size_t n) {
      bytes += n;
      over = bytes > options.max_request_bytes;
      return !over;
    });
    if (read_whole) return true;
    req.method = request_method;
    send_and_close(req, res,
                   over ? error_reply(413, "request_too_large", "the request body is too large")
                        : error_reply(400, "bad_request", "the request body is malformed or incomplete"));
    return false;
  }

  void log(const httplib::Request& req, const httplib::Response& res) const {
    char tail[96];
    const std::size_t bytes = res.content_provider_ ? res.content_length_ : res.body.size();  // send_and_close
    if (request_started) {
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - request_start).count();
      std::snprintf(tail, sizeof tail, "\" %d %zu %.1fms\n", res.status, bytes, ms);
    } else {
      std::snprintf(tail, sizeof tail, "\" %d %zu -\n", res.status, bytes);
    }
    const std::string method = request_started ? request_method : req.method;
    request_started = false;
    std::string line = utc_now();
    line.append(" ").append(req.remote_addr.empty() ? "-" : req.remote_addr).append(" \"");
    line.append(loggable(method)).append(" ");
    line.append(loggable(req.target.empty() ? req.path : req.target)).append(tail);
    std::fwrite(line.data(), 1, line.size(), stderr);  // one write per line: lines never interleave
  }

  // cpp-httplib listens with a backlog of 5 (compiled into Debian's
  // library). When more clients than that connect at once (wrk opening 64
  // connections; a page's burst of requests), the kernel drops the excess
  // handshakes and the clients retry after 1, 3, 7 s...: the 64-connection
  // runs' "timeouts" were these (TcpExtListenOverflows counted hundreds per
  // run). On Linux, listen() again on the listening socket sets the new
  // backlog (capped by net.core.somaxconn); where it fails, the old one stays.
  void widen_listen_backlog() const {
    if (listen_socket != INVALID_SOCKET) ::listen(listen_socket, kListenBacklog);
  }
  static constexpr int kListenBacklog = 1024;

  void configure() {
    const int threads = options.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    // SO_REUSEADDR only: cpp-httplib's default also sets SO_REUSEPORT, which
    // would let a second server share the port silently instead of failing.
    http.set_socket_options([this](socket_t sock) {
      const int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listen_socket = sock;
    });
    http.set_tcp_nodelay(true);
    // On every answer, including those given before routing (cpp-httplib's
    // own errors, the Expect handler's), which the pre-routing handler never
    // sees.
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
    http.set_read_timeout(options.timeout_seconds, 0);
    http.set_write_timeout(options.timeout_seconds, 0);
    http.set_keep_alive_timeout(options.timeout_seconds);
    http.set_keep_alive_max_count(1000);
    // Never reached by a Content-Length (refusal answers one over the limit
    // first); kept as cpp-httplib's own bound on any body it reads.
    http.set_payload_max_length(options.max_request_bytes);

    // The handlers take the request as const, but cpp-httplib passes its own
    // non-const Request, which frame_body, drop_body and send_and_close
    // change (method, headers) before cpp-httplib reads the body or writes
    // the answer.
    const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Allow", "GET, HEAD");
      send(res,
           error_reply(405, "method_not_allowed", request_method + " is not allowed: kurdi serve is read-only (GET)"));
    };
    http.set_pre_routing_handler([this, not_allowed](const httplib::Request& req, httplib::Response& res) {
      request_start = Clock::now();
      request_started = true;
      request_method = req.method;
      // Range is ignored (RFC 9110, 14.2: a server may), so every answer is
      // whole: cpp-httplib cut the body of any answer, errors included, to
      // the range asked for and still said 200, with a Content-Range that
      // could run backwards (bytes 99999-72/73). No answer here is large
      // enough for a range to be worth serving.
      const_cast<httplib::Request&>(req).ranges.clear();
      switch (frame_body(const_cast<httplib::Request&>(req), res)) {
        case Body::answered:
          return httplib::Server::HandlerResponse::Handled;
        case Body::to_read:
          return httplib::Server::HandlerResponse::Unhandled;
        case Body::none:
          break;
      }
      // Any other method without a body: 405 here. Routed, a POST, PUT or
      // PATCH without Content-Length had cpp-httplib read a body until the
      // client closed the connection (RFC 9112, 6.3: such a request has
      // none), which ended in 400 "malformed" after the 10 s read timeout.
      if (req.method != "GET" && req.method != "HEAD") {
        not_allowed(req, res);
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    // "Expect: 100-continue" (curl sends it before a large body): cpp-httplib
    // answers 100 before any handler runs, which invites the body that
    // frame_body would then refuse. A request that will be refused is
    // refused here, before the client sends its body.
    http.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
      const std::optional<Reply> refused = refusal(req);
      if (!refused) return 100;
      send_and_close(const_cast<httplib::Request&>(req), res, *refused);
      // cpp-httplib counts a content provider's length only for an answer
      // that went through routing (or its error handler); this one did not.
      res.set_header("Content-Length", std::to_string(res.content_length_));
      return refused->status;
    });
    http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { route(req, res); });
    // Every request with a body comes here (frame_body).
    http.Post(".*", [this, not_allowed](const httplib::Request& req, httplib::Response& res,
                                        const httplib::ContentReader& read) {
      auto& request = const_cast<httplib::Request&>(req);
      if (!drop_body(request, res, read)) return;
      request.method = request_method;  // a HEAD is answered without its body
      if (request_method == "GET" || request_method == "HEAD")
        route(req, res);
      else
        not_allowed(req, res);
    });
    // Errors raised by cpp-httplib itself get the API's error shape too, and
    // close the connection. It raises them for a request it will not take,
    // before routing: a malformed request line or header (400), a URI over
    // 8 KiB (414), a malformed Range (416). It then kept the connection for a
    // next request, so a client sending garbage held its worker until the
    // keep-alive timeout, and the body of such a request, never read, was
    // parsed as a request of its own.
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                   httplib::Response& res) {
      // An answer of kurdi's own (the API's, send_and_close's) is complete.
      if (!res.body.empty() || res.content_provider_) return httplib::Server::HandlerResponse::Unhandled;
      const auto [code, message] = res.status == 413   ? std::pair{"request_too_large", "the request body is too large"}
                                   : res.status == 414 ? std::pair{"uri_too_long", "the request URI is too long"}
                                   : res.status == 416 ? std::pair{"bad_request", "the Range header is malformed"}
                                   : res.status == 404 ? std::pair{"not_found", "no such page or API"}
                                   : res.status < 500  ? std::pair{"bad_request", "the request is malformed"}
                                                       : std::pair{"internal", "the server failed"};
      send_and_close(const_cast<httplib::Request&>(req), res, error_reply(res.status, code, message));
      return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
      try {
        std::rethrow_exception(error);
      } catch (const archive::ArchiveError& e) {
        send(res, error_reply(503, "archive_unavailable", e.what()));
      } catch (const std::exception& e) {
        send(res, error_reply(500, "internal", e.what()));
      } catch (...) {
        send(res, error_reply(500, "internal", "unknown error"));
      }
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      if (options.access_log)
        log(req, res);
      else
        request_started = false;
    });
  }
};

Server::Server(const Options& options) : impl_(std::make_unique<Impl>(options)) {
  if (options.threads < 1 || options.threads > 1024) throw ServeError("--threads must be from 1 to 1024");
  impl_->configure();
  if (options.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(options.host);
    if (impl_->port <= 0) throw ServeError(bind_failure(options.host, 0));
  } else {
    if (!impl_->http.bind_to_port(options.host, options.port)) throw ServeError(bind_failure(options.host, options.port));
    impl_->port = options.port;
  }
  impl_->widen_listen_backlog();
}

Server::~Server() = default;

int Server::port() const { return impl_->port; }

std::string Server::url() const {
  std::string host = impl_->options.host;
  if (host == "0.0.0.0" || host == "::") host = "localhost";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  std::string out = "http://";
  out.append(host).append(":").append(std::to_string(impl_->port)).append(impl_->options.base_path).append("/");
  return out;
}

bool Server::run() {
  impl_->run_started = true;
  bool listened = true;
  if (!impl_->stop_requested) listened = impl_->http.listen_after_bind();
  impl_->run_returned = true;
  return listened;
}

void Server::stop() {
  // cpp-httplib's stop() does nothing until its accept loop has begun (it
  // checks is_running()), so a stop() just after run() began (a SIGTERM
  // right at start, a test that makes no request) was lost and run() never
  // returned. Either run() sees the request and does not listen, or this
  // waits for the loop to start and stops it (seq_cst: one of the two sees
  // the other's flag).
  impl_->stop_requested = true;
  while (impl_->run_started && !impl_->run_returned && !impl_->http.is_running()) std::this_thread::yield();
  // Closes the listening socket: a connection still in the kernel's queue
  // (not accepted) is refused. Every accepted one is then served while a
  // request is there to read, and closed when none is (HttpServer).
  impl_->http.stop();
  impl_->http.stop_connections();
}

}  // namespace kurdi::serve
