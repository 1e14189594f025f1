// TermCache (term_cache.hpp): word -> stored terms, in two generations of
// one packed buffer each with an open-addressing (linear probing) index.
#include "term_cache.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <stdexcept>

namespace kurdi::sqlite {
namespace {

constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;

std::uint64_t mix(std::uint64_t x) noexcept {
  // MurmurHash3's 64-bit finalizer: every input bit reaches every output bit.
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDull;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ull;
  x ^= x >> 33;
  return x;
}

void put32(std::string& out, std::size_t v) {
  const auto u = static_cast<std::uint32_t>(v);
  char b[4];
  std::memcpy(b, &u, 4);
  out.append(b, 4);
}

std::uint32_t get32(const char* p) noexcept {
  std::uint32_t u;
  std::memcpy(&u, p, 4);
  return u;
}

}  // namespace

std::uint64_t TermCache::hash_bytes(std::string_view bytes, std::uint64_t seed) noexcept {
  std::uint64_t h = seed ^ (bytes.size() * kMul);
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ mix(w)) * kMul;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ mix(w ^ n)) * kMul;
  }
  return mix(h);
}

void TermCache::Generation::clear() noexcept {
  std::fill(slots.begin(), slots.end(), std::uint64_t{0});
  arena.clear();
  count = 0;
}

TermCache::TermCache(std::size_t capacity, HashFunction hash)
    : hash_(hash ? hash : &TermCache::hash_bytes),
      // Seeded per cache, so that no fixed list of words collides in every
      // process (documents are user input).
      seed_(mix(reinterpret_cast<std::uintptr_t>(this) ^
                static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()))),
      generation_capacity_(std::max<std::size_t>(capacity / 2, 1)) {
  // At most half the slots in use: short probe sequences.
  const std::size_t slots = std::bit_ceil(generation_capacity_ * 2);
  mask_ = slots - 1;
  young_.slots.assign(slots, 0);
  old_.slots.assign(slots, 0);
}

const char* TermCache::find(const Generation& g, std::uint64_t h, std::string_view word) noexcept {
  const std::uint64_t tag = h & 0xFFFFFFFF00000000ull;
  const std::size_t mask = g.slots.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = g.slots[i];
    if (slot == 0) return nullptr;
    if ((slot & 0xFFFFFFFF00000000ull) != tag) continue;
    const char* record = g.arena.data() + ((slot & 0xFFFFFFFFull) - 1);
    const std::uint32_t size = get32(record);
    if (size != word.size()) continue;
    const char* key = record + 8 + 4 * std::size_t{get32(record + 4)};
    if (std::memcmp(key, word.data(), size) == 0) return record;
  }
}

void TermCache::rotate() {
  std::swap(young_, old_);
  young_.clear();
}

const char* TermCache::insert(std::uint64_t h, std::string_view record) {
  if (young_.count >= generation_capacity_ || young_.arena.size() + record.size() > kArenaLimit) rotate();
  const std::size_t offset = young_.arena.size();
  young_.arena.append(record);
  std::size_t i = h & mask_;
  while (young_.slots[i] != 0) i = (i + 1) & mask_;
  young_.slots[i] = (h & 0xFFFFFFFF00000000ull) | (offset + 1);
  ++young_.count;
  return young_.arena.data() + offset;
}

TermCache::Terms TermCache::view(const char* record) noexcept {
  Terms t;
  const std::uint32_t word_size = get32(record);
  t.count_ = get32(record + 4);
  t.lengths_ = record + 8;
  t.bytes_ = t.lengths_ + 4 * t.count_ + word_size;
  return t;
}

void TermCache::prefetch_record(std::uint64_t h) const noexcept {
  const std::uint64_t slot = young_.slots[h & mask_];
  if (slot == 0) {
    // A word not in the young generation is looked up in the old one next.
    __builtin_prefetch(old_.slots.data() + (h & mask_));
    return;
  }
  if ((slot & 0xFFFFFFFF00000000ull) != (h & 0xFFFFFFFF00000000ull)) return;
  const char* record = young_.arena.data() + ((slot & 0xFFFFFFFFull) - 1);
  __builtin_prefetch(record);
  __builtin_prefetch(record + 64);
}

TermCache::Terms TermCache::word_terms(std::string_view form, search::Expander& expander) {
  return word_terms(form, form.size() <= kMaxCachedWord ? hash_(form, seed_) : 0, expander);
}

TermCache::Terms TermCache::word_terms(std::string_view form, std::uint64_t h, search::Expander& expander) {
  const bool cacheable = form.size() <= kMaxCachedWord;
  if (cacheable) {
    if (const char* r = find(young_, h, form)) return view(r);
    if (const char* r = find(old_, h, form)) {
      // Copied out first: making room in the young generation may drop the
      // old one, record and all.
      const Terms t = view(r);
      const char* end = t.bytes_;
      t.for_each([&](std::string_view term, std::size_t) {
        end = term.data() + term.size();
        return 0;
      });
      scratch_.assign(r, static_cast<std::size_t>(end - r));
      return view(insert(h, scratch_));
    }
  }
  ++misses_;
  const std::vector<search::Term>& terms = expander.document_terms(form, TokenType::word);
  scratch_.clear();
  put32(scratch_, form.size());
  put32(scratch_, terms.size());
  std::size_t bytes = 0;
  for (const search::Term& term : terms) {
    const std::size_t n = (term.exact ? 0 : search::stem_marker.size()) + term.text.size();
    put32(scratch_, n);
    bytes += n;
  }
  scratch_.append(form);
  for (const search::Term& term : terms) {
    if (!term.exact) scratch_.append(search::stem_marker);
    scratch_.append(term.text);
  }
  // A record too large for a generation is used once and not kept.
  if (!cacheable || 8 + 4 * terms.size() + form.size() + bytes > kArenaLimit / 16) return view(scratch_.data());
  return view(insert(h, scratch_));
}

}  // namespace kurdi::sqlite
