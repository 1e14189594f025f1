// The layout of the compiled lexicon, shared by the build-time compiler
// (lexicon_compiler.cpp) and the library (lexicon.cpp). The compiler writes
// these structures as constant arrays into a generated source file, so the
// library uses them in place: nothing is parsed or built at start-up and the
// pages are shared by every process that maps libkurdi.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kurdi::morph::format {

/// What a key is in the lexicon. One key (a normalized form) can have several
/// records: کرد is a past stem of کردن and, after normalization, may also be
/// a noun in some source.
enum class Kind : std::uint8_t {
  lemma,            ///< a non-verbal lemma; the key is the lemma itself
  past,             ///< an active past stem (with its preverb or nominal part)
  present,          ///< an active present stem
  passive_past,     ///< a passive past stem (کرا)
  passive_present,  ///< a passive present stem (کرێ)
  preverb,          ///< the part of a verb complex before which a clitic or prefix may stand
  form,             ///< a whole irregular form with its analysis (Record::verb indexes kForms)
  /// A dictionary headword no lexicon above gives (data/lexicon/headwords.tsv,
  /// RULE W11): read only when nothing else explains a word, before the
  /// unknown-word guess; the key is the lemma, its part of speech X.
  headword,
};

/// Whether a record of this kind is a verb stem (active or passive, past or present).
constexpr bool is_verb_stem(Kind k) noexcept {
  return k == Kind::past || k == Kind::present || k == Kind::passive_past || k == Kind::passive_present;
}

/// Universal Dependencies parts of speech used by the lexicon.
enum class Upos : std::uint8_t { X, NOUN, PROPN, ADJ, ADV, PRON, NUM, ADP, CCONJ, SCONJ, PART, INTJ, DET, VERB };
inline constexpr std::string_view kUposNames[] = {"X",    "NOUN",  "PROPN", "ADJ",  "ADV",  "PRON", "NUM",
                                                  "ADP",  "CCONJ", "SCONJ", "PART", "INTJ", "DET",  "VERB"};

/// A key as the compiler collects it; the library reads it from its Slot.
struct Key {
  std::uint32_t text;          ///< offset into the string pool
  std::uint16_t length;        ///< bytes
  std::uint16_t record_count;  ///< records [first_record, first_record + record_count)
  std::uint32_t first_record;
};

struct Record {
  std::uint32_t freq;    ///< corpus frequency of the lemma (ranking only)
  std::int32_t verb;     ///< index into the verb table, or -1
  Kind kind;
  Upos upos;
  std::uint16_t preverb_bytes;  ///< for stems: bytes of the key that are the preverb/nominal part
};

struct Verb {
  std::uint32_t infinitive;  ///< pool offset
  std::uint16_t infinitive_length;
  std::uint16_t preverb_bytes;  ///< bytes of the infinitive that are the preverb/nominal part
  std::uint32_t freq;
  /// The verb whose infinitive is this verb's lemma: itself, or for a
  /// causative (جووڵاندن) the verb it is the causative of (جووڵان), since
  /// causative is inflection in the UniMorph lemma convention.
  std::int32_t lemma_verb;
  std::uint8_t transitive;  ///< 1 transitive, 0 intransitive, 2 unknown
  std::uint8_t causative;   ///< 1 when lemma_verb is the base of a causative
};

/// An irregular or suppletive form (data/morph/irregular_forms.tsv).
struct Form {
  std::uint32_t lemma;  ///< pool offsets and lengths
  std::uint32_t features;
  std::uint32_t morphemes;  ///< "text/TAG+text+..." as written in the table
  std::uint16_t lemma_length;
  std::uint16_t features_length;
  std::uint16_t morphemes_length;
  Upos upos;
};

/// FNV-1a, 64-bit: small and good enough for an open-addressing table of
/// tens of thousands of short keys. The compiler and the library must agree
/// on it, which is why it lives here.
constexpr std::uint64_t hash(std::string_view s) noexcept {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

/// A slot of the open-addressing table: the high half of the key's hash, so
/// a probe that misses is decided without touching the key, and a copy of
/// the key's Key, so that a hit reads the slot and the key's text and not a
/// third place in between. (Slots held the key's index in an array of Keys:
/// a lookup that found its key waited on three loads, one after the other,
/// and the lexicon lookups are an eighth of a stemming pass's time. That
/// array is gone: the slots hold what it held.)
struct Slot {
  std::uint32_t tag;
  std::uint32_t text;           ///< as in Key; kEmptySlot in an empty slot
  std::uint32_t first_record;   ///< as in Key
  std::uint16_t length;         ///< as in Key
  std::uint16_t record_count;   ///< as in Key
};
static_assert(sizeof(Slot) == 16);

/// Slot::text of an empty slot.
inline constexpr std::uint32_t kEmptySlot = 0xffffffffu;

/// The prefix filter: a blocked Bloom filter over the hash of every prefix of
/// every key that ends at a character boundary (the whole key included). The
/// analyzer grows candidate stems one letter at a time; a clear bit proves
/// that no key starts with the text so far, so it stops there. A set bit may
/// be a false positive (a few percent of the texts that are no prefix), which
/// costs only the lookups pruning would have saved. Two bits in one 64-bit
/// word per prefix, the word and the bits taken from the hash's high bits
/// (FNV-1a mixes them best; the slot table uses the low ones). A second
/// filter of the same shape holds only the keys that are verb stems (with
/// their preverb), for the verb search, which grows a stem after every
/// prefix and preverb a word may have.
inline constexpr unsigned kPrefixFilterWordBits = 14;  // 2^14 words of 64 bits: 128 KiB
constexpr std::size_t prefix_filter_word(std::uint64_t h) noexcept {
  return static_cast<std::size_t>(h >> (64 - kPrefixFilterWordBits));
}
constexpr std::uint64_t prefix_filter_bits(std::uint64_t h) noexcept {
  return (std::uint64_t{1} << ((h >> 38) & 63)) | (std::uint64_t{1} << ((h >> 44) & 63));
}

}  // namespace kurdi::morph::format
