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

ArchivePool::ArchivePool(std::string path, unsigned jobs) : path_(std::move(path)), jobs_(jobs) {
  idle_.push_back(open_read_only(path_));
  opened_ = 1;
}

ArchivePool::Lease::~Lease() {
  if (archive_) pool_->give_back(std::move(archive_));
}

void ArchivePool::give_back(std::unique_ptr<archive::Archive> archive) {
  archive->set_time_limit(0);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(archive));
    --lent_;
  }
  turn_.notify_all();
}

ArchivePool::Lease ArchivePool::acquire(std::uint32_t time_limit_ms) {
  std::unique_ptr<archive::Archive> archive;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    const std::uint64_t ticket = next_ticket_++;
    turn_.wait(lock, [&] { return ticket == next_turn_ && (jobs_ == 0 || lent_ < jobs_); });
    ++next_turn_;
    ++lent_;
    // (the next ticket may go now if a job is free)
    turn_.notify_all();
    if (!idle_.empty()) {
      archive = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!archive) {
    // Opening takes a few milliseconds (the analyzer version check): not
    // under the lock, and not counted in the request's budget.
    try {
      archive = open_read_only(path_);
    } catch (...) {
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        --lent_;  // the job is free again
      }
      turn_.notify_all();
      throw;
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    ++opened_;
  }
  archive->set_time_limit(time_limit_ms);
  return Lease(*this, std::move(archive));
}

std::size_t ArchivePool::waiting() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<std::size_t>(next_ticket_ - next_turn_);
}

std::size_t ArchivePool::opened() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return opened_;
}

}  // namespace kurdi::serve
