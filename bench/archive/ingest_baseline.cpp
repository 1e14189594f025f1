// SPDX-License-Identifier: Apache-2.0
//
// kurdi_bench_archive_ingest: stores JSON Lines documents in a new archive
// through kurdi::archive::Archive with a chosen FTS5 tokenizer.
//
//   kurdi_bench_archive_ingest [--tokenizer SPEC] [--batch N] [--run level|optimize] ARCHIVE FILE...
//
// It is the same-run baseline of bench/archive/ingest.sh: with
// --tokenizer "unicode61 remove_diacritics 2" the documents go through the
// same reader, the same Archive (schema, deduplication, SQLite, batches) as
// `kurdi index`, and only the analyzer differs. With --tokenizer kurdi (the
// default) it is `kurdi index` without the CLI, which tells how much of the
// CLI's time is the command itself.
//
// Without --run the documents are stored as any program using FTS5 stores
// them, with FTS5's own merging: the baseline as SQLite ships it. With
// --run they are stored as `kurdi index` stores them, in an
// Archive::begin_run() ended by finish_run(): `level` as a run that is not
// optimized ends, `optimize` as one that is (a full-text index merged into
// one segment; with the kurdi tokenizer, the block bounds and postings too).
// `--tokenizer "unicode61 ..." --run optimize` is unicode61 given the index
// shape `kurdi index` leaves, so that only the analyzer differs.
//
// The reader is the archive's own (archive/read/document_reader.hpp) when the
// build has it (KURDI_BENCH_HAVE_READER); otherwise a minimal JSON Lines
// reader below (nlohmann-json, the fields make_corpus.py writes), so the
// baseline can be built before the reader lands. bench/archive/ingest.sh
// prints which one this binary uses (`--which-reader`).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "archive/archive.hpp"

#if KURDI_BENCH_HAVE_READER
#include "archive/read/document_reader.hpp"
#else
#include <nlohmann/json.hpp>
#endif

namespace {

namespace ka = kurdi::archive;

// Stores documents and commits every `batch` of them, as `kurdi index` does.
class Storer {
 public:
  Storer(ka::Archive& archive, std::uint64_t batch) : archive_(archive), batch_(batch) {}

  void store(ka::Document&& doc) {
    bytes_ += doc.title.size() + doc.body.size();
    archive_.store(doc);
    ++documents_;
    if (++in_batch_ >= batch_) {
      archive_.commit();
      in_batch_ = 0;
    }
  }
  void finish() { archive_.commit(); }

  std::uint64_t documents() const { return documents_; }
  std::uint64_t text_bytes() const { return bytes_; }
  std::uint64_t skipped = 0;

 private:
  ka::Archive& archive_;
  std::uint64_t batch_;
  std::uint64_t in_batch_ = 0;
  std::uint64_t documents_ = 0;
  std::uint64_t bytes_ = 0;
};

#if KURDI_BENCH_HAVE_READER
class Sink : public ka::DocumentSink {
 public:
  explicit Sink(Storer& storer) : storer_(storer) {}
  void document(ka::SourceDocument&& d) override {
    ka::Document doc;
    doc.id = std::move(d.id);
    doc.title = std::move(d.title);
    doc.body = std::move(d.body);
    doc.source = std::move(d.source);
    doc.url = std::move(d.url);
    doc.date = std::move(d.date);
    doc.language = std::move(d.language);
    storer_.store(std::move(doc));
  }
  void skipped(ka::Skip&& skip) override {
    ++storer_.skipped;
    std::cerr << skip.file << ':' << skip.line << ": skipped: " << skip.reason << '\n';
  }

 private:
  Storer& storer_;
};

const char* const reader_name = "archive/read (kurdi::archive::read_paths)";

void read_all(const std::vector<std::string>& files, Storer& storer) {
  Sink sink(storer);
  ka::read_paths(files, ka::ReadOptions{}, sink);
}
#else
const char* const reader_name = "minimal JSON Lines reader in ingest_baseline.cpp (nlohmann-json)";

std::string field(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void read_all(const std::vector<std::string>& files, Storer& storer) {
  std::string line;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + file);
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      ka::Document doc;
      doc.id = field(j, "id");
      doc.title = field(j, "title");
      doc.body = field(j, "body");
      doc.source = field(j, "source");
      doc.url = field(j, "url");
      doc.date = field(j, "date");
      doc.language = field(j, "language");
      if (doc.language.empty()) doc.language = "ckb";
      if (!j.is_object() || doc.id.empty() || doc.body.empty()) {
        ++storer.skipped;
        continue;
      }
      storer.store(std::move(doc));
    }
  }
}
#endif

int usage() {
  std::cerr << "usage: kurdi_bench_archive_ingest [--tokenizer SPEC] [--batch N] [--run level|optimize] ARCHIVE "
               "FILE...\n"
               "       kurdi_bench_archive_ingest --which-reader\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string tokenizer = "kurdi";
  std::uint64_t batch = 1000;
  std::string run;  // empty: FTS5's own merging, no run
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--tokenizer" && i + 1 < argc) {
      tokenizer = argv[++i];
    } else if (arg == "--batch" && i + 1 < argc) {
      batch = std::strtoull(argv[++i], nullptr, 10);
      if (batch == 0) return usage();
    } else if (arg == "--run" && i + 1 < argc) {
      run = argv[++i];
      if (run != "level" && run != "optimize") return usage();
    } else if (arg == "--which-reader") {
      std::cout << reader_name << '\n';
      return 0;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usage();
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() < 2) return usage();
  const std::string path = positional.front();
  positional.erase(positional.begin());

  try {
    // A fresh archive every run: a left-over file would turn the run into
    // an update of unchanged documents.
    if (std::filesystem::exists(path)) {
      std::cerr << path << ": exists; the baseline writes a new archive only\n";
      return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    ka::OpenOptions options;
    options.create = true;
    options.tokenizer = tokenizer;
    std::uint64_t documents = 0, skipped = 0, text_bytes = 0;
    {
      // Closed inside the timed part: closing checkpoints the WAL into the
      // archive file, which `kurdi index` pays too.
      ka::Archive archive(path, options);
      Storer storer(archive, batch);
      if (!run.empty()) archive.begin_run();
      read_all(positional, storer);
      storer.finish();
      if (!run.empty()) archive.finish_run(run == "optimize");
      documents = storer.documents();
      skipped = storer.skipped;
      text_bytes = storer.text_bytes();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << documents << " documents (" << skipped << " skipped), "
              << static_cast<double>(text_bytes) / 1e6 << " MB of title and body text, "
              << seconds << " s, tokenizer '" << tokenizer << "'"
              << (run.empty() ? std::string() : ", run ended by " + run) << '\n';
  } catch (const std::exception& e) {
    std::cerr << "kurdi_bench_archive_ingest: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
