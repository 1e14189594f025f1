// The index of kurdi's in-memory caches (the Analyzer's session cache,
// RecordCache): open addressing with linear probing over 64-bit slots, each
// a 32-bit hash tag and a 32-bit value (an entry number or an offset, + 1),
// so that the entries themselves stay packed where the cache keeps them.
// Kept at most half full by the caller (needs_room), so probe runs are short.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kurdi::util {

class SlotIndex {
 public:
  static constexpr std::uint64_t kTagMask = 0xFFFFFFFF00000000ull;

  /// The value (>= 1) of the first slot with h's tag for which
  /// `matches(value)` holds, or 0.
  template <typename Matches>
  std::uint32_t find(std::uint64_t h, Matches&& matches) const noexcept {
    if (slots_.empty()) return 0;
    const std::uint64_t tag = h & kTagMask;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return 0;
      if ((slot & kTagMask) != tag) continue;
      const auto value = static_cast<std::uint32_t>(slot);
      if (matches(value)) return value;
    }
  }

  /// Adds `value` (>= 1) under h. The caller keeps the index at most half
  /// full, so a free slot exists.
  void place(std::uint64_t h, std::uint32_t value) noexcept {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (h & kTagMask) | value;
  }

  /// The value in h's first slot when that slot carries h's tag, else 0: a
  /// hint for prefetching (the value find() returns may sit further on).
  std::uint32_t first(std::uint64_t h) const noexcept {
    if (slots_.empty()) return 0;
    const std::uint64_t slot = slots_[h & (slots_.size() - 1)];
    return (slot & kTagMask) == (h & kTagMask) ? static_cast<std::uint32_t>(slot) : 0;
  }

  /// Whether h's first slot is empty (nothing under h).
  bool vacant(std::uint64_t h) const noexcept { return slots_.empty() || slots_[h & (slots_.size() - 1)] == 0; }

  /// Starts loading h's first slot into the CPU cache.
  void prefetch(std::uint64_t h) const noexcept {
    if (!slots_.empty()) __builtin_prefetch(slots_.data() + (h & (slots_.size() - 1)));
  }

  /// Whether holding count + 1 values would fill more than half the slots.
  bool needs_room(std::size_t count) const noexcept { return (count + 1) * 2 > slots_.size(); }

  /// Empties the index and doubles it (at least min_slots); the caller
  /// places its values again.
  void grow(std::size_t min_slots) {
    std::vector<std::uint64_t> bigger(std::max(min_slots, slots_.size() * 2), 0);
    slots_.swap(bigger);
  }

  /// Empties the index, keeping its memory.
  void clear() noexcept { std::fill(slots_.begin(), slots_.end(), std::uint64_t{0}); }

 private:
  std::vector<std::uint64_t> slots_;  // 0: empty
};

}  // namespace kurdi::util
