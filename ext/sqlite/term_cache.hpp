// The FTS5 tokenizer's per-connection cache of word -> stored index terms.
//
// At document time every word token becomes its exact term plus its stem
// terms (kurdi::search::Expander::document_terms). The Expander computes them
// once per word; what is left per token is the lookup, and FTS5 ingest makes
// one for every word it indexes. This cache keeps, per word, the terms as the
// bytes the tokenizer hands FTS5 (a stem term with its stem_marker), as one
// record of the core's kurdi::RecordCache (packed generations under an
// open-addressing index): a lookup is one hash of the word, usually one
// probe and one memcmp, and emitting the terms needs no allocation and no
// copy.
//
// What it returns is exactly what the Expander gives: it only remembers it.
// Bounded as RecordCache is: two generations of at most capacity / 2 words
// (and 32 MB) each, words in steady use staying while one-off words age out.
// Words longer than kMaxCachedWord bytes are not kept (the core cuts tokens
// at 1,024 bytes).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "kurdi/record_cache.hpp"
#include "kurdi/search.hpp"

namespace kurdi::sqlite {

class TermCache {
 public:
  using HashFunction = RecordCache::HashFunction;

  static constexpr std::size_t kDefaultCapacity = std::size_t{1} << 17;
  static constexpr std::size_t kMaxCachedWord = RecordCache::kMaxWord;

  /// The stored terms of one word: the first is the exact term; the others
  /// are stem terms with their marker. A view into the cache (or into the
  /// Expander's result): valid until the next call on the cache or the Expander.
  class Terms {
   public:
    std::size_t size() const noexcept { return count_; }
    /// The i-th term, in order; call with i = 0, 1, ... size() - 1.
    template <typename F>
    int for_each(F&& f) const {
      std::size_t at = 0;
      for (std::size_t i = 0; i < count_; ++i) {
        std::uint32_t n;
        std::memcpy(&n, lengths_ + 4 * i, 4);
        const int rc = f(std::string_view(bytes_ + at, n), i);
        if (rc != 0) return rc;
        at += n;
      }
      return 0;
    }

   private:
    friend class TermCache;
    const char* lengths_ = nullptr;  // count_ little blocks of 4 bytes (uint32, unaligned)
    const char* bytes_ = nullptr;    // the terms, back to back
    std::size_t count_ = 0;
  };

  /// `capacity`: words kept at most (both generations). `hash` replaces the
  /// hash function (tests use a constant one to force collisions).
  explicit TermCache(std::size_t capacity = kDefaultCapacity, HashFunction hash = nullptr)
      : cache_(capacity, RecordCache::kDefaultGenerationBytes, hash) {}

  /// The stored terms of the word token `form` (a search-profile form of
  /// TokenType::word), from the cache or from `expander` (then cached).
  Terms word_terms(std::string_view form, search::Expander& expander) {
    return word_terms(form, cache_.hash_of(form), expander);
  }
  /// The same with `h` = hash_of(form) computed ahead.
  Terms word_terms(std::string_view form, std::uint64_t h, search::Expander& expander);

  std::uint64_t hash_of(std::string_view form) const noexcept { return cache_.hash_of(form); }
  /// Hints that the lookup of a word with hash `h` comes soon
  /// (RecordCache::prefetch_slot, prefetch_entry): a document's tokens are
  /// all known before its first lookup, so the tokenizer asks a few words
  /// ahead. They change nothing.
  void prefetch_slot(std::uint64_t h) const noexcept { cache_.prefetch_slot(h); }
  void prefetch_record(std::uint64_t h) const noexcept { cache_.prefetch_entry(h); }

  std::size_t size() const noexcept { return cache_.size(); }
  /// Lookups that asked the Expander (tests and profiling).
  std::uint64_t misses() const noexcept { return misses_; }

 private:
  // A record: u32 term count, u32 length of each term, the terms' bytes.
  static Terms view(std::string_view record) noexcept;

  RecordCache cache_;
  std::string record_;  // a record being built
  std::uint64_t misses_ = 0;
};

}  // namespace kurdi::sqlite
