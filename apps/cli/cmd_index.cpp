// kurdi index ARCHIVE PATH...: reads documents (archive/read) and stores them
// in the archive in committed batches. Only what a committed batch holds is
// ever reported as stored, so an interrupted run never over-reports.
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "archive/archive.hpp"
#include "commands.hpp"
#include "archive/read/document_reader.hpp"
#include "session.hpp"

namespace kurdi::cli {
namespace {

// Set by SIGINT/SIGTERM: the run commits what it has and stops.
volatile std::sig_atomic_t g_stop = 0;
extern "C" void request_stop(int) { g_stop = 1; }

struct Stopped {};

// Duplicate reports beyond this many are only counted in the summary.
constexpr std::uint64_t kMaxDuplicateReports = 20;

// The documents read but not yet stored are held until the batch is
// committed, or until their text reaches this size (memory, and the time a
// Ctrl-C waits for them to be stored: about a second).
constexpr std::uint64_t kMaxHeldBytes = std::uint64_t{8} << 20;

std::string location(const std::string& file, std::uint64_t line) {
  if (line == 0) return file;
  return file + ":" + std::to_string(line);
}

class Indexer final : public archive::DocumentSink {
 public:
  Indexer(Session& session, archive::Archive& archive, const IndexArgs& args)
      : session_(session), archive_(archive), args_(args) {}

  void file_started(const std::string& file, std::uint64_t) override {
    ++files_;
    file_names_.push_back(file);
  }
  // Called for every block read, so a stop is seen within one block even
  // while a long record is being skipped and no document comes.
  void bytes_read(std::uint64_t bytes) override {
    if (g_stop) throw Stopped{};
    bytes_ += bytes;
    session_.progress().add(bytes);
  }

  // A document is held, not stored at once: when its id comes again before
  // it is stored, it is never written (archive::PendingDocuments).
  void document(archive::SourceDocument&& in) override {
    if (g_stop) throw Stopped{};
    note_repeated_id(in);
    ++read_;
    held_from_.push_back(Origin{in.id, std::move(in.file), in.line});
    held_.add(archive::Document{std::move(in.id), std::move(in.title), std::move(in.body), std::move(in.source),
                                std::move(in.url), std::move(in.date), std::move(in.language)});
    if (++pending_ >= args_.batch)
      commit();
    else if (held_.text_bytes() >= kMaxHeldBytes)
      store_held();
  }

  void store_held() {
    const std::vector<archive::StoreReport> reports = archive_.store(held_);
    for (std::size_t i = 0; i < reports.size(); ++i) count(reports[i], held_from_[i]);
    held_from_.clear();
  }

  void skipped(archive::Skip&& skip) override {
    ++skipped_;
    const std::string message = archive::to_string(skip) + " (skipped)";
    // A path named on the command line that cannot be read is an error
    // (exit 1), as for every kurdi command; what a directory walk passes
    // over stays a warning.
    if (args_.strict || skip.unreadable_path)
      session_.error(message);
    else
      session_.warn(message);
  }

  // Stores what is held and commits it.
  void commit() {
    store_held();
    archive_.commit();
    added_ += pending_added_;
    updated_ += pending_updated_;
    pending_ = pending_added_ = pending_updated_ = 0;
    if (args_.verbose) {
      char line[160];
      std::snprintf(line, sizeof line, "index: committed: %llu documents stored (%llu added, %llu updated)",
                    static_cast<unsigned long long>(added_ + updated_), static_cast<unsigned long long>(added_),
                    static_cast<unsigned long long>(updated_));
      session_.warn(line);
    }
    session_.progress().set_note(std::to_string(added_ + updated_) + " documents stored");
  }

  void summary(double seconds, bool interrupted) {
    session_.progress().clear();
    const double mb = static_cast<double>(bytes_) / 1e6;
    const std::string superseded =
        superseded_ == 0 ? "" : ", " + std::to_string(superseded_) + " not stored (a later document has its id)";
    std::fprintf(stderr,
                 "kurdi index: %s: %llu document%s from %llu file%s in %.1f s (%.1f MB/s): %llu added, %llu updated, "
                 "%llu unchanged%s; %llu exact duplicate%s, %llu near-duplicate%s; %llu skipped%s\n",
                 args_.archive.c_str(), static_cast<unsigned long long>(read_), read_ == 1 ? "" : "s",
                 static_cast<unsigned long long>(files_), files_ == 1 ? "" : "s", seconds,
                 seconds > 0 ? mb / seconds : 0.0,
                 static_cast<unsigned long long>(added_), static_cast<unsigned long long>(updated_),
                 static_cast<unsigned long long>(unchanged_), superseded.c_str(),
                 static_cast<unsigned long long>(duplicates_), duplicates_ == 1 ? "" : "s",
                 static_cast<unsigned long long>(near_duplicates_), near_duplicates_ == 1 ? "" : "s",
                 static_cast<unsigned long long>(skipped_),
                 interrupted ? " (interrupted)" : "");
  }

  // Says how many repeated ids went unreported (after the first 20).
  void report_unreported_repeats() {
    if (repeated_ids_ > kMaxDuplicateReports)
      session_.warn(std::to_string(repeated_ids_ - kMaxDuplicateReports) +
                    " more ids were given twice in this run (the later one kept)");
  }

  std::uint64_t skipped() const noexcept { return skipped_; }
  std::uint64_t changed() const noexcept { return added_ + updated_; }

 private:
  Session& session_;
  archive::Archive& archive_;
  const IndexArgs& args_;
  std::uint64_t files_ = 0, bytes_ = 0, read_ = 0;
  std::uint64_t pending_ = 0, pending_added_ = 0, pending_updated_ = 0;
  std::uint64_t added_ = 0, updated_ = 0, unchanged_ = 0;
  std::uint64_t duplicates_ = 0, near_duplicates_ = 0, skipped_ = 0;
  // Where a held document was read, and its id, for the reports on it.
  struct Origin {
    std::string id;
    std::string file;
    std::uint64_t line;
  };

  // Counts what storing a held document did, and says what store() noticed.
  void count(const archive::StoreReport& report, const Origin& from) {
    switch (report.outcome) {
      case archive::StoreOutcome::added: ++pending_added_; break;
      case archive::StoreOutcome::updated: ++pending_updated_; break;
      case archive::StoreOutcome::unchanged: ++unchanged_; break;
      case archive::StoreOutcome::superseded: ++superseded_; return;
    }
    if (!report.duplicate_of.empty()) {
      if (++duplicates_ <= kMaxDuplicateReports)
        session_.warn(location(from.file, from.line) + ": '" + from.id + "' has the same body as '" +
                      report.duplicate_of + "' (stored)");
    } else if (!report.near_duplicate_of.empty()) {
      if (++near_duplicates_ <= kMaxDuplicateReports)
        session_.warn(location(from.file, from.line) + ": '" + from.id + "' is a near-duplicate of '" +
                      report.near_duplicate_of + "' (" + std::to_string(report.near_distance) +
                      " of 32 MinHash values differ; stored)");
    }
  }

  // Documents read and not stored yet, and where each was read (in the
  // same order as the reports on them).
  archive::PendingDocuments held_;
  std::vector<Origin> held_from_;
  // Documents never stored because a later one held with them had their id.
  std::uint64_t superseded_ = 0;

  // An id given twice in one run: the later document replaces the earlier
  // one, which is never seen again (and is not even stored when both come
  // in one batch, see document()). That is almost always a mistake in the
  // input, so it is said.
  // Where each id was first given: its file (an index into file_names_,
  // which keeps each name once) and line.
  struct Given {
    std::uint32_t file;
    std::uint64_t line;
  };
  void note_repeated_id(const archive::SourceDocument& in) {
    const auto file = static_cast<std::uint32_t>(file_names_.empty() ? 0 : file_names_.size() - 1);
    const auto [at, first] = given_.try_emplace(in.id, Given{file, in.line});
    if (first) return;
    if (++repeated_ids_ <= kMaxDuplicateReports)
      session_.warn(location(in.file, in.line) + ": id '" + in.id + "' already given at " +
                    location(file_names_.at(at->second.file), at->second.line) + " in this run; the later one is kept");
    at->second = Given{file, in.line};
  }
  std::vector<std::string> file_names_;
  std::unordered_map<std::string, Given> given_;
  std::uint64_t repeated_ids_ = 0;
};

// Ends the run (Archive::finish_run). --optimize: after a run that changed
// enough of the archive, or left enough documents added since the last
// optimize (auto), or always, with Archive::optimize; else with FTS5's
// usual merging caught up, and a smaller run on a large archive says where
// it stands. The documents are committed: an interruption now ends the run
// at once, and the step's transaction leaves the archive as it was.
void finish_run(Session& session, archive::Archive& archive, const IndexArgs& args, std::uint64_t changed) {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  const std::uint64_t documents = archive.document_count();
  const std::optional<std::uint64_t> added = archive.documents_since_optimize();
  const bool optimize = changed > 0 && args.optimize != "never" &&
                        (args.optimize == "always" || archive::optimize_is_due(documents, changed, added.value_or(0)));
  if (optimize) {
    session.progress().set_note("optimizing the archive for search");
    session.progress().add(0);
    const auto start = std::chrono::steady_clock::now();
    archive.finish_run(true);
    session.progress().clear();
    std::fprintf(stderr, "kurdi index: %s: optimized for search in %.1f s\n", args.archive.c_str(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return;
  }
  archive.finish_run(false);
  if (changed == 0 || args.optimize == "never") return;
  if (documents >= archive::kOptimizeMinDocuments && added) {
    std::fprintf(stderr,
                 "kurdi index: %s: %llu documents added since the last optimize are searched beside it; the next "
                 "runs when they reach %llu (or run `kurdi optimize %s`)\n",
                 args.archive.c_str(), static_cast<unsigned long long>(*added),
                 static_cast<unsigned long long>(
                     std::ceil(archive::kOptimizeAddedShare * static_cast<double>(documents))),
                 args.archive.c_str());
  } else if (documents >= archive::kOptimizeMinDocuments) {
    std::fprintf(stderr,
                 "kurdi index: %s: not optimized after a run of %llu of %llu documents; `kurdi optimize %s` makes "
                 "searches of common words fast again\n",
                 args.archive.c_str(), static_cast<unsigned long long>(changed),
                 static_cast<unsigned long long>(documents), args.archive.c_str());
  }
}

}  // namespace

int run_index(const IndexArgs& args) {
  archive::ReadOptions read_options;
  if (!args.format.empty()) read_options.format = archive::parse_format(args.format);

  Session session(args.strict);
  archive::OpenOptions open;
  open.create = true;
  open.upgrade_progress = session.upgrade_progress();
  archive::Archive archive(args.archive, open);

  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  Indexer indexer(session, archive, args);
  archive.begin_run();
  const auto start = std::chrono::steady_clock::now();
  bool interrupted = false;
  try {
    archive::read_paths(args.paths, read_options, indexer);
  } catch (const Stopped&) {
    interrupted = true;
  }
  // A stop during the input's last block ends the reading with nothing left
  // to throw from: the run was interrupted all the same.
  if (g_stop) interrupted = true;
  indexer.commit();
  indexer.report_unreported_repeats();
  indexer.summary(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), interrupted);
  // An interrupted run is not finished: it stops at once, and the next run
  // sets FTS5's merging back (Archive::begin_run).
  if (interrupted) return 130;  // as a shell reports a run stopped by SIGINT
  finish_run(session, archive, args, indexer.changed());
  return session.exit_code();
}

}  // namespace kurdi::cli
