// Read-only archive connections for the server's worker threads. An Archive
// holds one SQLite connection and is used by one thread at a time: a worker
// borrows one for a request and gives it back, so there are never more
// connections than requests running at once (at most one per worker).
//
// At most `jobs` connections are lent at once; further requests wait their
// turn in arrival order. A search is CPU-bound, so running more of them than
// there are cores only shares the cores: every request then takes as long as
// the slowest share, and a heavy search behind 63 others takes 64 times its
// own time. In turn, each waits for the ones before it and then runs at full
// speed (docs/serve.md, "Concurrency").
#pragma once
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "archive/archive.hpp"

namespace kurdi::serve {

class ArchivePool {
 public:
  /// Opens the first connection now, so that a missing file, a file that is
  /// not an archive or one indexed by another analyzer is reported at start
  /// (archive::ArchiveError), not on the first request.
  /// `jobs`: connections lent at once (0: no limit).
  explicit ArchivePool(std::string path, unsigned jobs = 0);

  class Lease {
   public:
    Lease(ArchivePool& pool, std::unique_ptr<archive::Archive> archive) : pool_(&pool), archive_(std::move(archive)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    archive::Archive& operator*() const { return *archive_; }
    archive::Archive* operator->() const { return archive_.get(); }

   private:
    ArchivePool* pool_;
    std::unique_ptr<archive::Archive> archive_;
  };

  /// An idle connection, or a new one, whose SQLite work is stopped
  /// `time_limit_ms` from now (0: never; Archive::set_time_limit), once the
  /// requests that came first have theirs and fewer than `jobs` are lent
  /// (the wait is not counted in the budget). Given back, it loses the limit,
  /// so a budget never outlives its request.
  Lease acquire(std::uint32_t time_limit_ms = 0);
  /// Connections opened so far (idle or lent).
  std::size_t opened() const;
  /// Requests waiting for their turn now.
  std::size_t waiting() const;
  const std::string& path() const { return path_; }

 private:
  void give_back(std::unique_ptr<archive::Archive> archive);

  std::string path_;
  unsigned jobs_;
  mutable std::mutex mutex_;
  std::condition_variable turn_;
  std::vector<std::unique_ptr<archive::Archive>> idle_;
  std::size_t opened_ = 0;
  unsigned lent_ = 0;
  // Tickets in arrival order: next_ticket_ is the next one to hand out,
  // next_turn_ the one whose turn comes next.
  std::uint64_t next_ticket_ = 0;
  std::uint64_t next_turn_ = 0;
};

}  // namespace kurdi::serve
