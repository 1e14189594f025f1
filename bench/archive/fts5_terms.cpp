// SPDX-License-Identifier: Apache-2.0
//
// kurdi_bench_fts5_terms: what the FTS5 tokenizer `kurdi` emits for every
// title and body of some documents, as one digest.
//
//   kurdi_bench_fts5_terms [--dump FILE] [--tokenizer-args 'stems 0'] [--pretokenized] DOCUMENTS...
//
// Ingest speed work must not change the index: this is the check. It reads the
// documents with the archive's reader (archive/read, as `kurdi index` does),
// creates the tokenizer through FTS5's own API on an in-memory connection
// (kurdi::sqlite::register_all, as the archive does) and feeds every token it
// emits in document mode (flags, term bytes, begin and end offsets) into an
// XXH3-128 digest, document by document, title then body. Two builds that
// print the same digest for the same documents emit the same tokens.
// --pretokenized hands each body's tokens to the tokenizer first
// (kurdi::sqlite::Pretokenized, as the archive does), so the digest covers
// that path; without it the tokenizer tokenizes every text itself.
// --dump writes them as text too, one token a line:
//   DOCUMENT_ID <tab> COLUMN <tab> FLAGS <tab> BEGIN <tab> END <tab> HEX(TERM)
#include <xxhash.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "archive/read/document_reader.hpp"
#include "kurdi_sqlite.hpp"
#include "sqlite_api.hpp"

namespace {

namespace ka = kurdi::archive;

struct Digest {
  XXH3_state_t* state = XXH3_createState();
  std::uint64_t tokens = 0, colocated = 0, documents = 0, bytes = 0;
  std::ofstream* dump = nullptr;
  const std::string* id = nullptr;
  int column = 0;

  Digest() { XXH3_128bits_reset(state); }
  ~Digest() { XXH3_freeState(state); }
  Digest(const Digest&) = delete;
  Digest& operator=(const Digest&) = delete;

  void add(const void* p, std::size_t n) { XXH3_128bits_update(state, p, n); }
  void add_int(std::int64_t v) { add(&v, sizeof v); }

  static int on_token(void* ctx, int flags, const char* token, int size, int begin, int end) {
    auto& d = *static_cast<Digest*>(ctx);
    ++d.tokens;
    if (flags & FTS5_TOKEN_COLOCATED) ++d.colocated;
    d.add_int(flags);
    d.add_int(begin);
    d.add_int(end);
    d.add_int(size);
    d.add(token, static_cast<std::size_t>(size));
    if (d.dump) {
      static const char hex[] = "0123456789ABCDEF";
      std::string h;
      h.reserve(static_cast<std::size_t>(size) * 2);
      for (int i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(token[i]);
        h.push_back(hex[c >> 4]);
        h.push_back(hex[c & 15]);
      }
      *d.dump << *d.id << '\t' << d.column << '\t' << flags << '\t' << begin << '\t' << end << '\t' << h
              << '\n';
    }
    return SQLITE_OK;
  }
};

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

class Sink : public ka::DocumentSink {
 public:
  Sink(fts5_tokenizer tok, Fts5Tokenizer* t, Digest& digest, kurdi::sqlite::Pretokenized* handoff)
      : tok_(tok), t_(t), digest_(digest), handoff_(handoff) {}

  void document(ka::SourceDocument&& doc) override {
    ++digest_.documents;
    digest_.id = &doc.id;
    digest_.add(doc.id.data(), doc.id.size() + 1);  // with the terminating NUL: ids stay apart
    if (handoff_) handoff_->tokenize(doc.body);
    tokenize(0, doc.title);
    tokenize(1, doc.body);
    if (handoff_) handoff_->clear();
  }
  void skipped(ka::Skip&& skip) override { std::cerr << ka::to_string(skip) << " (skipped)\n"; }

 private:
  void tokenize(int column, const std::string& text) {
    digest_.column = column;
    digest_.add_int(-1 - column);  // column separator
    digest_.bytes += text.size();
    const int rc = tok_.xTokenize(t_, &digest_, FTS5_TOKENIZE_DOCUMENT, text.data(),
                                  static_cast<int>(text.size()), &Digest::on_token);
    if (rc != SQLITE_OK) throw std::runtime_error("xTokenize failed: " + std::to_string(rc));
  }

  fts5_tokenizer tok_;
  Fts5Tokenizer* t_;
  Digest& digest_;
  kurdi::sqlite::Pretokenized* handoff_;
};

int usage() {
  std::cerr << "usage: kurdi_bench_fts5_terms [--dump FILE] [--tokenizer-args 'name value ...'] [--pretokenized] DOCUMENTS...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dump_path;
  bool pretokenized = false;
  std::vector<std::string> tokenizer_args;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--dump" && i + 1 < argc) {
      dump_path = argv[++i];
    } else if (arg == "--pretokenized") {
      pretokenized = true;
    } else if (arg == "--tokenizer-args" && i + 1 < argc) {
      std::istringstream words(argv[++i]);
      for (std::string w; words >> w;) tokenizer_args.push_back(w);
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usage();
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) return usage();

  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
  std::string error;
  if (kurdi::sqlite::register_all(db, &error) != SQLITE_OK) {
    std::cerr << error << '\n';
    return 1;
  }
  fts5_api* api = fts5_of(db);
  void* user_data = nullptr;
  fts5_tokenizer tok{};
  if (api == nullptr || api->xFindTokenizer(api, "kurdi", &user_data, &tok) != SQLITE_OK) {
    std::cerr << "no FTS5 tokenizer 'kurdi'\n";
    return 1;
  }
  std::vector<const char*> args;
  for (const auto& a : tokenizer_args) args.push_back(a.c_str());
  Fts5Tokenizer* t = nullptr;
  if (tok.xCreate(user_data, args.data(), static_cast<int>(args.size()), &t) != SQLITE_OK) {
    std::cerr << "cannot create the tokenizer\n";
    return 1;
  }

  int status = 0;
  {
    Digest digest;
    std::ofstream dump;
    if (!dump_path.empty()) {
      dump.open(dump_path, std::ios::binary);
      digest.dump = &dump;
    }
    try {
      kurdi::sqlite::Pretokenized* handoff = nullptr;
      if (pretokenized && (handoff = kurdi::sqlite::pretokenized(db)) == nullptr)
        throw std::runtime_error("the tokenizer has no hand-off slot");
      Sink sink(tok, t, digest, handoff);
      ka::read_paths(files, ka::ReadOptions{}, sink);
      const XXH128_hash_t h = XXH3_128bits_digest(digest.state);
      std::printf("%llu documents, %llu bytes of title and body, %llu tokens emitted (%llu colocated)\n",
                  static_cast<unsigned long long>(digest.documents), static_cast<unsigned long long>(digest.bytes),
                  static_cast<unsigned long long>(digest.tokens),
                  static_cast<unsigned long long>(digest.colocated));
      std::printf("digest %016llx%016llx\n", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    } catch (const std::exception& e) {
      std::cerr << "kurdi_bench_fts5_terms: " << e.what() << '\n';
      status = 1;
    }
  }
  tok.xDelete(t);
  sqlite3_close(db);
  return status;
}
