// RecordCache (include/kurdi/record_cache.hpp): word -> record bytes, in two
// generations of one packed buffer each with an open-addressing (linear
// probing) index.
#include "kurdi/record_cache.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>

#include "util/hash.hpp"
#include "util/slot_index.hpp"

namespace kurdi {
namespace {

// A kept entry in a generation's buffer: u32 word size, u32 record size, the
// word's bytes, the record's bytes.
constexpr std::size_t kHeader = 8;
// Offsets in the index are 32-bit.
constexpr std::size_t kMaxGenerationBytes = std::size_t{1} << 30;

std::uint32_t get32(const char* p) noexcept {
  std::uint32_t u;
  std::memcpy(&u, p, 4);
  return u;
}

void put32(char* p, std::size_t v) noexcept {
  const auto u = static_cast<std::uint32_t>(v);
  std::memcpy(p, &u, 4);
}

std::string_view word_of(const char* entry) noexcept { return {entry + kHeader, get32(entry)}; }
std::string_view record_of(const char* entry) noexcept { return {entry + kHeader + get32(entry), get32(entry + 4)}; }

struct Generation {
  util::SlotIndex index;  // offset + 1
  std::string bytes;      // the entries, back to back
  std::size_t count = 0;

  const char* find(std::uint64_t h, std::string_view word) const noexcept {
    const std::uint32_t at = index.find(h, [&](std::uint32_t v) { return word_of(bytes.data() + (v - 1)) == word; });
    return at == 0 ? nullptr : bytes.data() + (at - 1);
  }

  // Keeps the memory of the index and the buffer for the next use.
  void clear() noexcept {
    index.clear();
    bytes.clear();
    count = 0;
  }
};

}  // namespace

struct RecordCache::Impl {
  Generation young, old;
  std::size_t generation_words = 1;
  std::size_t generation_bytes = 0;
  std::uint64_t seed = 0;
  HashFunction hash_function = nullptr;
  std::string scratch;  // an entry being built or copied back; a record too large to keep

  std::uint64_t hash(std::string_view word) const noexcept {
    return hash_function ? hash_function(word, seed) : util::hash_bytes(word, seed);
  }

  // Appends a whole entry to the young generation, turning the generations
  // over first when it is full; returns the kept entry.
  const char* keep(std::uint64_t h, std::string_view entry) {
    if (young.count >= generation_words || young.bytes.size() + entry.size() > generation_bytes) {
      std::swap(old, young);
      young.clear();
    }
    if (young.index.needs_room(young.count)) grow();
    const std::size_t offset = young.bytes.size();
    young.bytes.append(entry);
    young.index.place(h, static_cast<std::uint32_t>(offset + 1));
    ++young.count;
    return young.bytes.data() + offset;
  }

  // Doubles the young generation's index and places its entries again.
  void grow() {
    young.index.grow(256);
    for (std::size_t at = 0; at < young.bytes.size();) {
      const char* entry = young.bytes.data() + at;
      young.index.place(hash(word_of(entry)), static_cast<std::uint32_t>(at + 1));
      at += kHeader + get32(entry) + get32(entry + 4);
    }
  }
};

RecordCache::RecordCache(std::size_t capacity, std::size_t generation_bytes, HashFunction hash)
    : impl_(std::make_unique<Impl>()) {
  impl_->hash_function = hash;
  impl_->generation_words = std::clamp<std::size_t>(capacity / 2, 1, std::size_t{1} << 28);
  impl_->generation_bytes = std::clamp<std::size_t>(generation_bytes, 1, kMaxGenerationBytes);
  // Seeded per cache, so that no fixed list of words collides in every
  // process (the words come from user documents).
  impl_->seed = util::mix64(reinterpret_cast<std::uintptr_t>(impl_.get()) ^
                            static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
}

RecordCache::~RecordCache() = default;

std::uint64_t RecordCache::hash_of(std::string_view word) const noexcept { return impl_->hash(word); }

std::optional<std::string_view> RecordCache::find(std::string_view word) { return find(word, impl_->hash(word)); }

std::optional<std::string_view> RecordCache::find(std::string_view word, std::uint64_t h) {
  Impl& m = *impl_;
  if (word.size() > kMaxWord) return std::nullopt;
  if (const char* entry = m.young.find(h, word)) return record_of(entry);
  const char* aged = m.old.find(h, word);
  if (!aged) return std::nullopt;
  // Copied out first: keep() may drop the old generation.
  m.scratch.assign(aged, kHeader + get32(aged) + get32(aged + 4));
  return record_of(m.keep(h, m.scratch));
}

std::string_view RecordCache::insert(std::string_view word, std::string_view record) {
  return insert(word, impl_->hash(word), record);
}

std::string_view RecordCache::insert(std::string_view word, std::uint64_t h, std::string_view record) {
  Impl& m = *impl_;
  const std::size_t size = kHeader + word.size() + record.size();
  if (word.size() > kMaxWord || size > m.generation_bytes) {
    m.scratch.assign(record);
    return m.scratch;
  }
  m.scratch.resize(size);
  put32(m.scratch.data(), word.size());
  put32(m.scratch.data() + 4, record.size());
  // (copy_n, not memcpy: an empty view may hold a null pointer)
  std::copy_n(word.data(), word.size(), m.scratch.data() + kHeader);
  std::copy_n(record.data(), record.size(), m.scratch.data() + kHeader + word.size());
  return record_of(m.keep(h, m.scratch));
}

void RecordCache::prefetch_slot(std::uint64_t h) const noexcept { impl_->young.index.prefetch(h); }

void RecordCache::prefetch_entry(std::uint64_t h) const noexcept {
  const Impl& m = *impl_;
  if (m.young.index.vacant(h)) {
    m.old.index.prefetch(h);  // a word not in the young generation is looked up in the old one next
    return;
  }
  if (const std::uint32_t at = m.young.index.first(h)) {
    const char* entry = m.young.bytes.data() + (at - 1);
    __builtin_prefetch(entry);
    __builtin_prefetch(entry + 64);
  }
}

std::size_t RecordCache::size() const noexcept { return impl_->young.count + impl_->old.count; }

}  // namespace kurdi
