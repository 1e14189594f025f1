#include "serve/pool.hpp"

#include <utility>

namespace kurdi::serve {
namespace {

std::unique_ptr<archive::Archive> open_read_only(const std::string& path) {
  archive::OpenOptions options;
  options.read_only = true;
  return std::make_unique<archive::Archive>(path, options);
}

}  // namespace

ArchivePool::ArchivePool(std::string path) : path_(std::move(path)) {
  idle_.push_back(open_read_only(path_));
  opened_ = 1;
}

ArchivePool::Lease::~Lease() {
  if (!archive_) return;
  archive_->set_time_limit(0);
  const std::lock_guard<std::mutex> lock(pool_->mutex_);
  pool_->idle_.push_back(std::move(archive_));
}

ArchivePool::Lease ArchivePool::acquire(std::uint32_t time_limit_ms) {
  std::unique_ptr<archive::Archive> archive;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      archive = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!archive) {
    // Opening takes a few milliseconds (the analyzer version check): not
    // under the lock, and not counted in the request's budget.
    archive = open_read_only(path_);
    const std::lock_guard<std::mutex> lock(mutex_);
    ++opened_;
  }
  archive->set_time_limit(time_limit_ms);
  return Lease(*this, std::move(archive));
}

std::size_t ArchivePool::opened() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return opened_;
}

}  // namespace kurdi::serve
