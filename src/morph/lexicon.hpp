// Read-only access to the compiled lexicon (generated from data/lexicon/).
#pragma once
#include <cstddef>
#include <span>
#include <string_view>

#include "morph/lexicon_format.hpp"

namespace kurdi::morph {

using format::Kind;
using format::Record;
using format::Upos;
using format::Verb;

/// A key of the lexicon: its text (in the read-only pool, so views of it
/// stay valid for the life of the program) and its records.
struct Entry {
  std::string_view key;
  std::span<const Record> records;
};

/// The entry of a normalized form; empty records when the form is not a key.
Entry lookup(std::string_view form) noexcept;
/// The same with the form's hash (format::hash) already computed: the
/// analyzer hashes growing prefixes of a word one byte at a time. (Inline,
/// below: the analyzer calls it for most prefixes of every new word, and
/// the call cost a sixth of the look-up.)
inline Entry lookup(std::string_view form, std::uint64_t hash) noexcept;

/// Extends a format::hash value by one byte (FNV-1a is incremental). The
/// analyzer grows keys a byte at a time: this spares it the loop and the
/// bounds check of a one-byte substr for hash_more.
constexpr std::uint64_t hash_byte(std::uint64_t h, char c) noexcept {
  return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
}

/// Extends a format::hash value by more bytes.
constexpr std::uint64_t hash_more(std::uint64_t h, std::string_view more) noexcept {
  for (char c : more) h = hash_byte(h, c);
  return h;
}
inline constexpr std::uint64_t kHashSeed = 14695981039346656037ull;

namespace data {
extern const std::uint64_t kPrefixFilter[];
extern const std::uint64_t kVerbPrefixFilter[];
extern const std::uint64_t kHeadwordPrefixFilter[];
extern const format::Slot kSlots[];
extern const std::size_t kSlotCount;
extern const char kPool[];
extern const format::Record kRecords[];
}

inline Entry lookup(std::string_view form, std::uint64_t hash) noexcept {
  const std::size_t mask = data::kSlotCount - 1;
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const format::Slot& slot = data::kSlots[s];
    if (slot.text == format::kEmptySlot) return {};
    if (slot.tag != tag || slot.length != form.size()) continue;
    // Keys are a few letters and a tag match is nearly always the key: a
    // plain loop is cheaper than a call to memcmp here.
    const char* key = data::kPool + slot.text;
    std::size_t i = 0;
    while (i < form.size() && key[i] == form[i]) ++i;
    if (i == form.size()) return {{key, slot.length}, {data::kRecords + slot.first_record, slot.record_count}};
  }
}

/// Starts loading the slot where lookup(text, hash) begins. The lookups of
/// a word's prefixes do not depend on each other, so their cache misses
/// (the slot table is 1 MiB) can overlap when each is prefetched first.
inline void prefetch_lookup(std::uint64_t hash) noexcept {
  __builtin_prefetch(&data::kSlots[hash & (data::kSlotCount - 1)]);
}

/// False when no key of the compiled lexicon starts with the text whose
/// format::hash is `hash` (a text that ends at a character boundary); true
/// when one may (format.hpp, "prefix filter": a few percent are false hits).
/// The keys that are dictionary headwords only (Kind::headword) are left out.
inline bool may_start_key(std::uint64_t hash) noexcept {
  const std::uint64_t bits = format::prefix_filter_bits(hash);
  return (data::kPrefixFilter[format::prefix_filter_word(hash)] & bits) == bits;
}

/// The same for the keys that are verb stems (with their preverb).
inline bool may_start_verb_key(std::uint64_t hash) noexcept {
  const std::uint64_t bits = format::prefix_filter_bits(hash);
  return (data::kVerbPrefixFilter[format::prefix_filter_word(hash)] & bits) == bits;
}
/// The same for the keys that are dictionary headwords (Kind::headword).
inline bool may_start_headword(std::uint64_t hash) noexcept {
  const std::uint64_t bits = format::prefix_filter_bits(hash);
  return (data::kHeadwordPrefixFilter[format::prefix_filter_word(hash)] & bits) == bits;
}

/// The verb a stem record points to.
const Verb& verb(std::int32_t index) noexcept;

/// An irregular form a Kind::form record points to.
const format::Form& irregular_form(std::int32_t index) noexcept;

/// How many irregular forms there are (indices 0 .. count - 1).
std::size_t irregular_form_count() noexcept;

/// A string of the pool (infinitives).
std::string_view pool_string(std::uint32_t offset, std::size_t length) noexcept;

inline std::string_view infinitive(const Verb& v) noexcept { return pool_string(v.infinitive, v.infinitive_length); }

namespace data {
extern const std::size_t kMaxVerbStemBytes;
}

/// Bytes of the longest verb stem key (with its preverb) in the compiled
/// lexicon. (Inline: the verb search asks once per stem start.)
inline std::size_t max_verb_stem_bytes() noexcept { return data::kMaxVerbStemBytes; }


}  // namespace kurdi::morph
