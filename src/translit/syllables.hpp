// Reading a Sorani Arabic-script word: which و are u / w / û, which ی are
// î / y, where the unwritten i (bizroke) goes, and the syllable boundaries.
// Dynamic programming over the letters with a small state (the consonants
// since the last vowel), so a word costs time linear in its length. The
// scoring is documented in docs/transliteration.md ("How a word is read").
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "translit/bizroke_model.hpp"
#include "translit/letters.hpp"

namespace kurdi::translit_detail {

/// The phones of one word (Phone: letters.hpp). A buffer that only grows:
/// a reading is written through a plain pointer (reserve, then commit),
/// without a std::vector's check and reload per element or its zeroing.
class Phones {
 public:
  void clear() noexcept { first_ = last_ = 0; }
  std::size_t size() const noexcept { return last_ - first_; }
  bool empty() const noexcept { return last_ == first_; }
  Phone* begin() noexcept { return data_.get() + first_; }
  Phone* end() noexcept { return data_.get() + last_; }
  const Phone* begin() const noexcept { return data_.get() + first_; }
  const Phone* end() const noexcept { return data_.get() + last_; }
  Phone& operator[](std::size_t i) noexcept { return data_[first_ + i]; }
  const Phone& operator[](std::size_t i) const noexcept { return data_[first_ + i]; }
  void push_back(const Phone& phone) {
    *reserve(1) = phone;
    ++last_;
  }
  /// Room for `n` more phones: where they go (after the current ones).
  Phone* reserve(std::size_t n) {
    if (last_ + n > capacity_) grow(last_ + n);
    return data_.get() + last_;
  }
  /// The phones are now [first, last), written into the room reserve() made
  /// (from its pointer on; read() fills it backwards).
  void commit(const Phone* first, const Phone* last) noexcept {
    first_ = static_cast<std::size_t>(first - data_.get());
    last_ = static_cast<std::size_t>(last - data_.get());
  }

 private:
  void grow(std::size_t capacity);
  std::unique_ptr<Phone[]> data_;
  std::size_t first_ = 0;
  std::size_t last_ = 0;
  std::size_t capacity_ = 0;
};

/// Marks syllable_start on `phones` (a reading of one word) by the cluster
/// rules of the scoring: one consonant between vowels starts the next
/// syllable, two split coda.onset (onset CG when the second is a glide), ...
void mark_syllables(Phones& phones);

/// The reading of one letter chosen by the DP (or forced by a hint).
enum Choice : std::uint8_t { kFixed, kWawU, kWawW, kWawPair, kYehI, kYehY, kPairFirst };

/// What the DP decided for one letter: its reading and whether an unwritten
/// i stands before it. kWawPair marks the second و of û, kPairFirst the first.
struct Decision {
  std::uint8_t choice;
  bool bizroke;
};

/// Guidance for one letter from the word's morphology (morph_hints.cpp):
/// a cost added to an unwritten i before it (negative: favoured), and
/// optionally a decision the reading must take (the stem's own reading).
struct Hint {
  float bizroke = 0;
  bool forced = false;          ///< decision.choice is required
  bool forced_bizroke = false;  ///< decision.bizroke is required
  Decision decision{kFixed, false};
};

/// Reusable buffers of the dynamic programme (one per transliterate call).
class WordReader {
 public:
  /// The learned bizroke costs every reading adds (the compiled model unless
  /// set otherwise: kurdi_eval's trainer sets its own; nullptr: none).
  void set_model(const BizrokeModel* model) noexcept { model_ = model ? model : &kNoBizrokeModel; }
  const BizrokeModel* model() const noexcept { return model_; }

  /// Reads `letters` (one word, every entry non-null) into `phones`; marks
  /// the syllable boundaries when `syllables` is set. `hints`, when not
  /// null, has one entry per letter. `bizroke`, when not null, gets bit i
  /// set when an unwritten i stands before letter i (i < 64).
  void read(const std::vector<const ArabicLetter*>& letters, Phones& phones,
            bool syllables, const Hint* hints = nullptr, std::uint64_t* bizroke = nullptr);

  /// The one reading of a word without و, ی or two consonant letters in a
  /// row (what read() gives for it, without the DP).
  static void read_plain(const std::vector<const ArabicLetter*>& letters, Phones& phones,
                         bool syllables);

  /// Phones of `letters` read by `decisions` (from decide()).
  static void emit(const std::vector<const ArabicLetter*>& letters, const std::vector<Decision>& decisions,
                   Phones& phones, bool syllables);

  /// The DP alone: the best reading of letters [0, len) as one decision per
  /// letter. Returns false when no reading satisfies the forced hints.
  bool decide(const ArabicLetter* const* letters, std::size_t len, const Hint* hints,
              std::vector<Decision>& decisions);

 private:
  /// The DP; returns the node of the best complete reading, or -1.
  template <bool kHints>
  std::int32_t best_reading(const ArabicLetter* const* letters, std::size_t len, const Hint* hints);
  struct Node {
    float cost;
    std::int32_t prev;      ///< index of the previous node in nodes_, -1 at the start
    std::uint16_t key;      ///< the state
    std::uint8_t choice;    ///< which reading of the letter(s)
    std::uint8_t bizroke;   ///< an unwritten i before this consonant
  };
  /// The nodes of all positions: a buffer that only grows (best_reading
  /// tracks how much is in use and keeps room for one more position), so
  /// that adding a node is a plain store, without push_back's checks.
  std::unique_ptr<Node[]> nodes_;
  std::size_t node_capacity_ = 0;
  void grow_nodes(std::size_t capacity, std::size_t used);
  const BizrokeModel* model_ = &kBizrokeModel;
  std::vector<std::uint32_t> begin_;  ///< nodes_ of position p: [begin_[p], begin_[p+1])
  /// State keys: 2 (vowel seen) x 5 (consonants) x 6^3 (their sonority
  /// classes); a position has at most one node per state.
  static constexpr std::size_t kStates = 2 * 5 * 216;
};

}  // namespace kurdi::translit_detail
