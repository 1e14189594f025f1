// Read-only archive connections for the server's worker threads. An Archive
// holds one SQLite connection and is used by one thread at a time: a worker
// borrows one for a request and gives it back, so there are never more
// connections than requests running at once (at most one per worker).
#pragma once
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
  explicit ArchivePool(std::string path);

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
  /// `time_limit_ms` from now (0: never; Archive::set_time_limit). Given
  /// back, it loses the limit, so a budget never outlives its request.
  Lease acquire(std::uint32_t time_limit_ms = 0);
  /// Connections opened so far (idle or lent).
  std::size_t opened() const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<archive::Archive>> idle_;
  std::size_t opened_ = 0;
};

}  // namespace kurdi::serve
