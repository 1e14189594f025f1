// The FTS5 tokenizer's per-connection cache of word -> stored index terms.
//
// At document time every word token becomes its exact term plus its stem
// terms (kurdi::search::Expander::document_terms). The Expander computes them
// once per word; what is left per token is the lookup, and FTS5 ingest makes
// one for every word it indexes. This cache keeps, per word, the terms as the
// bytes the tokenizer hands FTS5 (a stem term with its stem_marker), packed in
// one buffer per generation with an open-addressing index over it: a lookup
// is one hash of the word, usually one probe and one memcmp, and emitting the
// terms needs no allocation and no copy.
//
// What it returns is exactly what the Expander gives: it only remembers it.
// Bounded: two generations of at most capacity / 2 words and kArenaLimit
// bytes each; when the young one is full it becomes the old one (the old one
// is dropped), and a word found in the old one is copied back, so words in
// steady use stay while one-off words age out. Words longer than
// kMaxCachedWord bytes are not kept (the core cuts tokens at 1,024 bytes).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/search.hpp"

namespace kurdi::sqlite {

class TermCache {
 public:
  using HashFunction = std::uint64_t (*)(std::string_view bytes, std::uint64_t seed) noexcept;

  static constexpr std::size_t kDefaultCapacity = std::size_t{1} << 17;
  static constexpr std::size_t kArenaLimit = std::size_t{32} << 20;  // bytes per generation
  static constexpr std::size_t kMaxCachedWord = 4096;

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
  explicit TermCache(std::size_t capacity = kDefaultCapacity, HashFunction hash = nullptr);

  /// The stored terms of the word token `form` (a search-profile form of
  /// TokenType::word), from the cache or from `expander` (then cached).
  Terms word_terms(std::string_view form, search::Expander& expander);
  /// The same with `h` = hash_of(form), computed ahead by the caller.
  Terms word_terms(std::string_view form, std::uint64_t h, search::Expander& expander);

  /// The hash a lookup of `form` uses.
  std::uint64_t hash_of(std::string_view form) const noexcept { return hash_(form, seed_); }
  /// Hints that a lookup of a word with hash `h` comes soon: starts loading
  /// the index slot it reads first (prefetch_slot), or, once that is in
  /// cache, the record the slot points to (prefetch_record). They read
  /// nothing they do not own and change nothing; a lookup that follows
  /// finds the same terms, only sooner. A word of the ingest misses the
  /// CPU caches more often than not (the index of a generation is 1 MB,
  /// its records tens), and a document's tokens are all known before the
  /// first lookup: the tokenizer asks a few words ahead.
  void prefetch_slot(std::uint64_t h) const noexcept {
    __builtin_prefetch(young_.slots.data() + (h & mask_));
  }
  void prefetch_record(std::uint64_t h) const noexcept;

  std::size_t size() const noexcept { return young_.count + old_.count; }
  /// Lookups that asked the Expander (tests and profiling).
  std::uint64_t misses() const noexcept { return misses_; }

  /// The default hash: 8 bytes a step, multiply-xorshift mixing, seeded.
  static std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed) noexcept;

 private:
  // Record in an arena: u32 word length, u32 term count, u32 length of each
  // term, the word's bytes, the terms' bytes.
  struct Generation {
    std::vector<std::uint64_t> slots;  // 0: empty; else tag (high 32 bits) | record offset + 1
    std::string arena;
    std::size_t count = 0;
    void clear() noexcept;
  };

  static const char* find(const Generation& g, std::uint64_t h, std::string_view word) noexcept;
  // Appends a record (bytes laid out as above) to the young generation,
  // rotating first when it has no room; returns the record.
  const char* insert(std::uint64_t h, std::string_view record);
  static Terms view(const char* record) noexcept;
  void rotate();

  HashFunction hash_;
  std::uint64_t seed_;
  std::size_t generation_capacity_;
  std::size_t mask_;
  Generation young_, old_;
  std::string scratch_;  // a record being built or copied back
  std::uint64_t misses_ = 0;
};

}  // namespace kurdi::sqlite
