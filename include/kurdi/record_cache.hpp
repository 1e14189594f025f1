// kurdi: a bounded cache from a word to what a host made of it.
//
// Search hosts analyse running text, which repeats its words (Zipf): most
// tokens are words seen a moment ago. A host keeps, per word, the bytes it
// hands its database (index terms, a result code) and asks the core only
// for words it has not seen. This is that memory, for every host: no
// linguistics, only bytes remembered.
//
//   kurdi::RecordCache cache(65536);
//   if (auto hit = cache.find(word)) use(*hit);
//   else use(cache.insert(word, make_record(word)));
//
// Bounded: two generations of at most capacity / 2 words and a byte limit
// each. When the young one is full it becomes the old one (the old one is
// dropped), and a word found in the old one is copied back, so words in
// steady use stay while one-off words age out. Records are packed back to
// back in one buffer per generation under an open-addressing index with a
// seeded hash: a lookup is one hash, usually one probe and one compare, and
// allocates nothing; an entry costs its bytes plus about 24.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "kurdi/export.hpp"

KURDI_PUBLIC_BEGIN
namespace kurdi {

class RecordCache {
 public:
  /// Words longer than this are never kept (insert() still returns the record).
  static constexpr std::size_t kMaxWord = 4096;
  static constexpr std::size_t kDefaultGenerationBytes = std::size_t{32} << 20;

  using HashFunction = std::uint64_t (*)(std::string_view bytes, std::uint64_t seed) noexcept;

  /// `capacity`: words kept at most, both generations together.
  /// `generation_bytes`: bytes of words and records per generation at most.
  /// `hash` replaces the hash function (tests use a constant one to force
  /// collisions); it is given a seed chosen per cache.
  explicit RecordCache(std::size_t capacity = std::size_t{1} << 16,
                       std::size_t generation_bytes = kDefaultGenerationBytes, HashFunction hash = nullptr);
  ~RecordCache();
  RecordCache(const RecordCache&) = delete;
  RecordCache& operator=(const RecordCache&) = delete;

  /// The record kept for `word`, if any. The view stays valid until the next
  /// call of find() or insert() on this cache.
  std::optional<std::string_view> find(std::string_view word);

  /// Keeps `record` for `word` (which find() did not have) and returns the
  /// kept copy, valid as find()'s.
  std::string_view insert(std::string_view word, std::string_view record);

  /// The hash of `word` that find() and insert() compute, for a host that
  /// computes it ahead (to prefetch) and passes it to the overloads below.
  std::uint64_t hash_of(std::string_view word) const noexcept;
  std::optional<std::string_view> find(std::string_view word, std::uint64_t hash);
  std::string_view insert(std::string_view word, std::uint64_t hash, std::string_view record);

  /// Hints that a lookup with `hash` comes soon: prefetch_slot starts
  /// loading the index slot it reads first; prefetch_entry, once that slot
  /// is in the CPU cache, the entry it points to (or the old generation's
  /// slot). They change nothing. A host that knows its next words (a
  /// document's tokens) asks a few words ahead: running text misses the
  /// CPU caches on most of its rarer words.
  void prefetch_slot(std::uint64_t hash) const noexcept;
  void prefetch_entry(std::uint64_t hash) const noexcept;

  /// Words kept now, both generations.
  std::size_t size() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kurdi
KURDI_PUBLIC_END
