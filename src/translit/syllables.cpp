// Reading a Sorani word by dynamic programming over its letters.
//
// A reading assigns each و (u, w, or û for a pair) and each ی (î or y) and
// may insert an unwritten i before a consonant that follows a consonant.
// Its cost is the sum of the penalties of docs/transliteration.md, "How a
// word is read": a bizroke costs 1, a vowel after a vowel (hiatus) 4, and a
// consonant cluster costs by its length and sonority (a falling coda and a
// consonant + w/y onset are cheap, a rising coda or onset dear). The state
// after a letter is the consonants since the last vowel (up to three
// sonority classes kept) and whether the word has had a vowel: at most a few
// hundred states, in practice a handful, so a word costs linear time.
#include "translit/syllables.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

namespace kurdi::translit_detail {

namespace {

constexpr float kBizroke = 1.0f;
constexpr float kHiatus = 4.0f;
constexpr float kInitialVowelReading = 3.0f;  // word-initial و / ی read as a vowel (ئ would be written)
constexpr float kDoubleWawBonus = -0.3f;      // وو read as û
// A glide right before u or û: ووو is ûw (bûwin), not wû or uwu; هاووڵاتی is
// haw.wi.ła.tî, not ha.wu.ła.tî; یو after a vowel is îw (nûsîwe), not yu.
// (y not at the very start of a word: yûsif.)
constexpr float kGlideThenU = 1.5f;
constexpr float kGlideOnset = 0.1f;           // C + w/y starting a syllable (xwa, dyar)
constexpr float kBadOnset = 3.0f;             // any other two-consonant onset
constexpr float kContact = 0.2f;              // a coda consonant before an onset consonant
constexpr float kRisingContact = 0.5f;        // ... when the onset is more sonorous (em.řo)
constexpr float kStopSonorant = 1.5f;         // ... a stop before r, l or a nasal (agir.î, ha.tin)
constexpr float kTriple = 1.1f;               // three consonants between vowels
constexpr float kRisingCoda = 1.5f;           // ... whose first two rise in sonority
constexpr float kFinalPair = 0.15f;           // a falling coda ending in an obstruent (kurd, dest)
constexpr float kFinalRisingPair = 2.5f;      // any other final pair (agr, nazann: agir, nazanin)
constexpr float kFinalTriple = 6.0f;
constexpr float kGlideCoda = 0.2f;            // a glide closing a diphthong before a final pair (geyşt, pewnd)
constexpr float kLongCluster = 12.0f;         // four or more consonants
constexpr float kNoVowel = 20.0f;             // a word read without any vowel
constexpr float kInf = std::numeric_limits<float>::infinity();
// A reading this much dearer than the best one so far is dropped (beam).
constexpr float kBeam = 5.0f;


// State: whether the word has had a vowel, the consonants since the last
// vowel (0..4, 4 = four or more) and the sonority class (0..5) of the last,
// second last and third last of them, packed into a number below kStates.
struct State {
  bool nucleus;
  unsigned n, s1, s2, s3;
  static constexpr State unpack(std::uint16_t key) {
    const unsigned k = key;
    return {k >= 5 * 216, (k / 216) % 5, (k / 36) % 6, (k / 6) % 6, k % 6};
  }
  static State decode(std::uint16_t key);
  constexpr std::uint16_t encode() const {
    return static_cast<std::uint16_t>(((nucleus ? 5u : 0u) + n) * 216 + s1 * 36 + s2 * 6 + s3);
  }
  constexpr State push(unsigned sonority) const {
    State s = *this;
    if (s.n >= 3) {
      s.n = 4;
      s.s1 = s.s2 = s.s3 = 0;
      return s;
    }
    s.n++;
    s.s3 = s.s2;
    s.s2 = s.s1;
    s.s1 = sonority;
    return s;
  }
};

// State::unpack of every key, as bytes (a load instead of the divisions).
struct StateTable {
  std::array<std::array<std::uint8_t, 5>, 2 * 5 * 216> rows{};
  constexpr StateTable() {
    for (unsigned k = 0; k < rows.size(); ++k) {
      const State s = State::unpack(static_cast<std::uint16_t>(k));
      rows[k] = {static_cast<std::uint8_t>(s.nucleus), static_cast<std::uint8_t>(s.n), static_cast<std::uint8_t>(s.s1),
                 static_cast<std::uint8_t>(s.s2), static_cast<std::uint8_t>(s.s3)};
    }
  }
};
constexpr StateTable kStateTable;

inline State State::decode(std::uint16_t key) {
  const auto& r = kStateTable.rows[key];
  return {r[0] != 0, r[1], r[2], r[3], r[4]};
}

constexpr float contact(unsigned coda, unsigned onset) {
  if (onset <= coda) return kContact;
  if (coda == kStop && onset == kLiquid) return kContact + kStopSonorant;
  return kContact + kRisingContact;
}

// Three consonants c1 c2 c3 between vowels: c1c2.c3 or c1.c2c3 (c3 a glide).
constexpr float triple(unsigned c1, unsigned c2, unsigned c3, bool* onset_pair) {
  const float coda_pair = kTriple + (c2 > c1 ? kRisingCoda : 0.0f) + (c3 > c2 ? kRisingContact : 0.0f);
  const float glide_onset = c3 >= kGlide ? kTriple + (c2 > c1 ? kRisingContact : 0.0f) : kInf;
  if (onset_pair) *onset_pair = glide_onset < coda_pair;
  return std::min(coda_pair, glide_onset);
}

// The cost of a vowel arriving in state s (it closes the cluster before it).
constexpr float nucleus_cost(const State& s) {
  if (!s.nucleus) {
    switch (s.n) {
      case 0:
      case 1: return 0;
      case 2: return s.s1 >= kGlide ? kGlideOnset : kBadOnset;
      case 3: return kFinalTriple;
      default: return kLongCluster;
    }
  }
  switch (s.n) {
    case 0: return kHiatus;
    case 1: return 0;
    case 2: return std::min(contact(s.s2, s.s1), s.s1 >= kGlide ? kGlideOnset : kInf);
    case 3: return triple(s.s3, s.s2, s.s1, nullptr);
    default: return kLongCluster;
  }
}

// The extra cost of u or û arriving in state s.
constexpr float glide_then_u(const State& s) {
  if (s.n == 0) return 0;
  return s.s1 == kGlide || (s.s1 == kGlideY && (s.nucleus || s.n >= 2)) ? kGlideThenU : 0.0f;
}

constexpr float final_cost(const State& s) {
  if (!s.nucleus) return kNoVowel;
  switch (s.n) {
    case 0:
    case 1: return 0;
    case 2:  // kurd, dest, kewt; after y any consonant (neyn; but kirawin)
      return s.s1 < s.s2 && (s.s1 <= kFricative || s.s2 == kGlideY) ? kFinalPair : kFinalRisingPair;
    case 3:  // a diphthong before a final pair: geyşt
      return s.s3 >= kGlide && s.s2 < kGlide && s.s1 < s.s2 && s.s1 <= kFricative ? kGlideCoda + kFinalPair
                                                                                  : kFinalTriple;
    default: return kLongCluster;
  }
}


// The costs that depend on the state alone, by state key: a load instead
// of the branches of nucleus_cost, glide_then_u and final_cost.
// Also the state after a consonant of each sonority class (push, by key * 6
// + class), whether a consonant precedes (where an i may go) and where the
// consonant's state may meet another reading's (merge, see best_reading).
//
// Which readings of one letter can reach the same state, from the distinct
// states of the previous position: a vowel (and û) always reaches the state
// after a vowel (kMergeVowel); a consonant after an unwritten i reaches one
// consonant after a vowel (kMergeOne), as does a consonant right after a
// vowel; a consonant after three or more reaches four or more, whose
// sonority classes are not kept (kMergeLong, one state with and one
// without a vowel before). Any other consonant reading appends a class to
// one or two consonants after a distinct state, dropping none: a state no
// other reading of the letter reaches (merge 0).
enum Merge : std::uint8_t { kMergeVowel = 0, kMergeOne = 1, kMergeLongNoVowel = 2, kMergeLong = 3 };
struct StateCosts {
  std::array<float, 2 * 5 * 216> nucleus{}, glide_u{}, final{};
  std::array<std::uint16_t, 2 * 5 * 216 * 6> push{};
  std::array<bool, 2 * 5 * 216> after_consonant{};
  std::array<std::uint8_t, 2 * 5 * 216> merge{};  ///< of push's state: 0 (none), kMergeOne, kMergeLong...
  constexpr StateCosts() {
    for (unsigned k = 0; k < nucleus.size(); ++k) {
      const State st = State::unpack(static_cast<std::uint16_t>(k));
      nucleus[k] = nucleus_cost(st);
      glide_u[k] = glide_then_u(st);
      final[k] = final_cost(st);
      after_consonant[k] = st.n >= 1;
      for (unsigned c = 0; c < 6; ++c) push[k * 6 + c] = st.push(c).encode();
      merge[k] = st.n >= 3 ? (st.nucleus ? kMergeLong : kMergeLongNoVowel) : st.n == 0 && st.nucleus ? kMergeOne : 0;
    }
  }
};
// The state right after a vowel.
constexpr std::uint16_t kAfterVowel = 5 * 216;
constexpr StateCosts kCosts;

// The phones of the readings of و and ی by Choice (kFixed: the letter's own,
// kLetterPhone; kPairFirst: none, the û is written at the second و), and of
// the unwritten i. Tables in static memory: a phone is one 16-byte copy
// from them. (A Phone built field by field in a temporary and then copied
// made GCC load its narrow stores as one wide word: a store-forwarding
// stall, a fifth of read()'s time in a perf profile.)
constexpr Phone kChoicePhone[] = {
    {nullptr, false, false, 0, false},       // kFixed: kLetterPhone
    {&kReadU, true, false, 0, false},        // kWawU
    {&kReadW, false, false, kGlide, false},  // kWawW
    {&kReadUU, true, false, 0, false},       // kWawPair
    {&kReadII, true, false, 0, false},       // kYehI
    {&kReadY, false, false, kGlideY, false}, // kYehY
    {nullptr, false, false, 0, false},       // kPairFirst: written, not kept
};
constexpr Phone kBizrokePhone{&kReadBizroke, true, false, 0, false};

// Writes the phones of letters [0, len) read by `decisions` into `phones`:
// for each letter an unwritten i (kept when decided) and its phone (kept
// but for kPairFirst), both written unconditionally, so that the loop has
// no branch on the decisions. At most two phones per letter.
template <class DecisionAt>
void write_phones(const ArabicLetter* const* letters, std::size_t len, DecisionAt decision, Phones& phones) {
  phones.clear();
  Phone* d = phones.reserve(2 * len);
  for (std::size_t pos = 0; pos < len; ++pos) {
    const Decision dec = decision(pos);
    *d = kBizrokePhone;
    d += dec.bizroke ? 1 : 0;
    *d = dec.choice == kFixed ? kLetterPhone[letters[pos]->cp & 0xFF] : kChoicePhone[dec.choice];
    d += dec.choice != kPairFirst ? 1 : 0;
  }
  phones.commit(phones.begin(), d);
  // A word-initial ئ is not written in Latin. (The first letter never has
  // an i before it: no consonant precedes it.)
  if (len > 0 && letters[0]->kind == Kind::hamza && !phones.empty()) phones[0].word_initial_glottal = true;
}

}  // namespace

constinit const BizrokeModel kNoBizrokeModel{};

void Phones::grow(std::size_t capacity) {
  capacity = std::max({capacity, 2 * capacity_, std::size_t{32}});
  auto grown = std::make_unique_for_overwrite<Phone[]>(capacity);
  std::copy(data_.get(), data_.get() + last_, grown.get());
  data_ = std::move(grown);
  capacity_ = capacity;
}

void WordReader::read(const std::vector<const ArabicLetter*>& letters, Phones& phones, bool syllables,
                      const Hint* hints, std::uint64_t* bizroke) {
  phones.clear();
  const std::size_t len = letters.size();
  if (len == 0) return;
  std::int32_t best = hints ? best_reading<true>(letters.data(), len, hints) : best_reading<false>(letters.data(), len, nullptr);
  // Forced hints no reading satisfies (cannot happen for hints made from a
  // reading of the stem, but never leave a word unread): the rules alone.
  if (best < 0 && hints) best = best_reading<false>(letters.data(), len, nullptr);
  if (best < 0) return;

  // Walk back from the last letter, writing the phones backwards as in
  // write_phones: the letter's phone, then an i before it, kept when decided.
  // (The walk is a chain of dependent loads; the writes go beside it.) Room
  // for two phones per letter and one more: the i is written below the
  // letter's phone even when not kept.
  Phone* const room = phones.reserve(2 * len + 1);
  Phone* const last = room + 2 * len + 1;
  Phone* d = last;
  const Node* const nodes = nodes_.get();
  std::uint64_t mask = 0;
  std::size_t at = len;  // the letters [0, at) are not read yet
  for (std::int32_t i = best; i > 0 && at > 0; i = nodes[i].prev) {
    const Node& node = nodes[i];
    const std::size_t pos = at - 1;  // the node's letter (the second و of û)
    *--d = node.choice == kFixed ? kLetterPhone[letters[pos]->cp & 0xFF] : kChoicePhone[node.choice];
    d[-1] = kBizrokePhone;
    d -= node.bizroke;
    mask |= pos < 64 ? std::uint64_t{node.bizroke} << pos : 0;
    at -= node.choice == kWawPair && at >= 2 ? 2 : 1;
  }
  // (The path covers every letter: at is 0 here.)
  if (bizroke) *bizroke = mask;
  phones.commit(d, last);
  if (letters[0]->kind == Kind::hamza && !phones.empty()) phones[0].word_initial_glottal = true;
  if (syllables) mark_syllables(phones);
}

void WordReader::emit(const std::vector<const ArabicLetter*>& letters, const std::vector<Decision>& decisions,
                      Phones& phones, bool syllables) {
  write_phones(letters.data(), decisions.size(), [&decisions](std::size_t pos) { return decisions[pos]; }, phones);
  if (syllables) mark_syllables(phones);
}

void WordReader::read_plain(const std::vector<const ArabicLetter*>& letters, Phones& phones, bool syllables) {
  write_phones(letters.data(), letters.size(), [](std::size_t) { return Decision{kFixed, false}; }, phones);
  if (syllables) mark_syllables(phones);
}

void WordReader::grow_nodes(std::size_t capacity, std::size_t used) {
  // Uninitialised: every node is written before it is read.
  auto grown = std::make_unique_for_overwrite<Node[]>(capacity);
  if (used > 0) std::copy(nodes_.get(), nodes_.get() + used, grown.get());
  nodes_ = std::move(grown);
  node_capacity_ = capacity;
}

bool WordReader::decide(const ArabicLetter* const* letters, std::size_t len, const Hint* hints,
                        std::vector<Decision>& decisions) {
  decisions.clear();
  if (len == 0) return false;
  const std::int32_t best = hints ? best_reading<true>(letters, len, hints) : best_reading<false>(letters, len, nullptr);
  if (best < 0) return false;
  // Walk back, filling the decisions from the last letter.
  decisions.resize(len);
  std::size_t at = len;
  for (std::int32_t i = best; i > 0 && at > 0; i = nodes_[static_cast<std::size_t>(i)].prev) {
    const Node& node = nodes_[static_cast<std::size_t>(i)];
    decisions[--at] = {node.choice, node.bizroke != 0};
    if (node.choice == kWawPair && at > 0) decisions[--at] = {kPairFirst, false};
  }
  if (at != 0) {
    decisions.clear();
    return false;
  }
  return true;
}

template <bool kHints>
std::int32_t WordReader::best_reading(const ArabicLetter* const* letters, std::size_t len, const Hint* hints) {
  if (begin_.size() < len + 2) begin_.resize(len + 2);  // every entry used is written below
  // The learned bizroke costs (never null: kNoBizrokeModel for none).
  const BizrokeModel& model = *model_;
  std::uint32_t* const begin = begin_.data();
  // A position has at most one node per state: room for kStates more nodes
  // before each position means every store below is in bounds.
  if (node_capacity_ < kStates + 1) grow_nodes(kStates + 1, 0);
  Node* nodes = nodes_.get();
  std::uint32_t n = 0;  // nodes in use
  nodes[n++] = {0.0f, -1, 0, kFixed, 0};
  begin[0] = 0;
  begin[1] = 1;

  // The cheapest cost among the nodes of the previous position (tracked as
  // they are added: a replaced node is never cheaper than its replacement).
  float floor = 0.0f;
  for (std::size_t p = 1; p <= len; ++p) {
    const std::uint32_t prev_first = begin[p - 1];
    const std::uint32_t first = n;
    if (n + kStates + 1 > node_capacity_) {
      grow_nodes(2 * node_capacity_, n);
      nodes = nodes_.get();
    }
    float next_floor = kInf;
    // Readings far dearer than the best one at the previous position cannot
    // win (no later penalty is that large a saving): skip them.
    const float ceiling = floor + kBeam;
    const ArabicLetter& letter = *letters[p - 1];
    // With hints: whether a reading of this letter is allowed (and below,
    // what they add to the cost of an unwritten i before it).
    const Hint* hint = kHints ? &hints[p - 1] : nullptr;
    auto allowed = [&](std::uint8_t choice, bool bizroke) __attribute__((always_inline)) {
      if constexpr (!kHints) {
        return true;
      } else {
        return (!hint->forced || hint->decision.choice == choice) &&
               (!hint->forced_bizroke || hint->decision.bizroke == bizroke);
      }
    };

    if (letter.kind == Kind::vowel) {
      // Every reading goes to the one state after a vowel: keep the first
      // cheapest (what merge() below would keep), directly.
      if (allowed(kFixed, false)) {
        float best_cost = kInf;
        std::uint32_t from = 0;
        for (std::uint32_t i = prev_first; i < first; ++i) {
          const float base = nodes[i].cost;
          if (base > ceiling) continue;
          const float cost = base + kCosts.nucleus[nodes[i].key];
          if (cost < best_cost) {
            best_cost = cost;
            from = i;
          }
        }
        if (best_cost < kInf) {
          Node& node = nodes[n++];
          node.cost = best_cost;
          node.prev = static_cast<std::int32_t>(from);
          node.key = kAfterVowel;
          node.choice = kFixed;
          node.bizroke = 0;
          next_floor = best_cost;
        }
      }
      begin[p + 1] = n;
      floor = next_floor;
      continue;
    }

    // The cost of an i before this letter (only read for a consonant after
    // a consonant, so from the second letter on): the hand-set one plus the
    // learned correction by the letters around it (bizroke_model.hpp).
    const float learned = p >= 2 ? model.cost(model_letter(letters[p - 2]), letter.model_id,
                                              p < len ? model_letter(letters[p]) : kModelEdge)
                                 : 0.0f;
    const float bizroke_cost = kHints ? kBizroke + learned + hint->bizroke : kBizroke + learned;
    // A new node, field by field (no temporary Node: see kChoicePhone).
    auto put = [&](std::uint32_t from, std::uint16_t key, float cost, std::uint8_t choice, std::uint8_t bizroke)
                   __attribute__((always_inline)) {
      next_floor = std::min(next_floor, cost);
      Node& node = nodes[n++];
      node.cost = cost;
      node.prev = static_cast<std::int32_t>(from);
      node.key = key;
      node.choice = choice;
      node.bizroke = bizroke;
    };
    // The node of each state several readings may reach (Merge), once
    // added: a later reading replaces it only when cheaper (the first wins
    // a tie), as for any state; every other state is reached once.
    std::int32_t merged[4] = {-1, -1, -1, -1};
    auto merge = [&](unsigned which, std::uint32_t from, std::uint16_t key, float cost, std::uint8_t choice,
                     std::uint8_t bizroke) __attribute__((always_inline)) {
      if (merged[which] < 0) {
        merged[which] = static_cast<std::int32_t>(n);
        put(from, key, cost, choice, bizroke);
        return;
      }
      next_floor = std::min(next_floor, cost);
      Node& old = nodes[merged[which]];
      if (cost < old.cost) {
        old.cost = cost;
        old.prev = static_cast<std::int32_t>(from);
        old.choice = choice;
        old.bizroke = bizroke;
      }
    };
    // A consonant reading from node i (and the same after an unwritten i
    // between the last consonant and this one).
    auto consonant = [&](std::uint32_t i, std::uint16_t key, float base, std::uint8_t choice, unsigned sonority)
                         __attribute__((always_inline)) {
      if (allowed(choice, false)) {
        const std::uint16_t to = kCosts.push[key * 6 + sonority];
        if (const unsigned which = kCosts.merge[key]; which != 0) {
          merge(which, i, to, base, choice, 0);
        } else {
          put(i, to, base, choice, 0);
        }
      }
      if (kCosts.after_consonant[key] && allowed(choice, true)) {
        merge(kMergeOne, i, kCosts.push[kAfterVowel * 6 + sonority], base + bizroke_cost + kCosts.nucleus[key], choice,
              1);
      }
    };
    const bool initial = p == 1;
    switch (letter.kind) {
      case Kind::vowel: break;  // above
      case Kind::consonant:
      case Kind::hamza:
        for (std::uint32_t i = prev_first; i < first; ++i) {
          const float base = nodes[i].cost;
          if (base > ceiling) continue;
          consonant(i, nodes[i].key, base, kFixed, letter.sonority);
        }
        break;
      case Kind::waw:
        for (std::uint32_t i = prev_first; i < first; ++i) {
          const float base = nodes[i].cost;
          if (base > ceiling) continue;
          const std::uint16_t key = nodes[i].key;
          if (allowed(kWawU, false)) {
            const float extra = (initial ? kInitialVowelReading : 0.0f) + kCosts.glide_u[key];
            merge(kMergeVowel, i, kAfterVowel, base + extra + kCosts.nucleus[key], kWawU, 0);
          }
          consonant(i, key, base, kWawW, kGlide);
        }
        break;
      case Kind::yeh:
        for (std::uint32_t i = prev_first; i < first; ++i) {
          const float base = nodes[i].cost;
          if (base > ceiling) continue;
          const std::uint16_t key = nodes[i].key;
          if (allowed(kYehI, false)) {
            const float extra = initial ? kInitialVowelReading : 0.0f;
            merge(kMergeVowel, i, kAfterVowel, base + extra + kCosts.nucleus[key], kYehI, 0);
          }
          consonant(i, key, base, kYehY, kGlideY);
        }
        break;
    }
    // وو read as û, from every node at p-2.
    if (p >= 2 && letter.kind == Kind::waw && letters[p - 2]->kind == Kind::waw &&
        (!kHints || ((!hints[p - 2].forced || hints[p - 2].decision.choice == kPairFirst) &&
                     (!hints[p - 2].forced_bizroke || !hints[p - 2].decision.bizroke) &&
                     (!hint->forced || hint->decision.choice == kWawPair) &&
                     (!hint->forced_bizroke || !hint->decision.bizroke)))) {
      for (std::uint32_t i = begin[p - 2]; i < prev_first; ++i) {
        const std::uint16_t key = nodes[i].key;
        const float extra = kDoubleWawBonus + (p == 2 ? kInitialVowelReading : 0.0f) + kCosts.glide_u[key];
        merge(kMergeVowel, i, kAfterVowel, nodes[i].cost + extra + kCosts.nucleus[key], kWawPair, 0);
      }
    }
    begin[p + 1] = n;
    floor = next_floor;
  }

  // The best complete reading.
  std::int32_t best = -1;
  float best_cost = kInf;
  for (std::uint32_t i = begin[len]; i < begin[len + 1]; ++i) {
    const float c = nodes[i].cost + kCosts.final[nodes[i].key];
    if (c < best_cost) {
      best_cost = c;
      best = static_cast<std::int32_t>(i);
    }
  }
  return best;
}

void mark_syllables(Phones& phones) {
  // Syllable boundaries, by the same cluster rules as the scoring.
  std::size_t last_vowel = phones.size();
  for (std::size_t i = 0; i < phones.size(); ++i) {
    if (!phones[i].vowel) continue;
    if (last_vowel != phones.size()) {
      const std::size_t n = i - last_vowel - 1;
      std::size_t b = i;
      if (n == 1) {
        b = last_vowel + 1;
      } else if (n == 2) {
        const unsigned c1 = phones[last_vowel + 1].sonority, c2 = phones[last_vowel + 2].sonority;
        // Onset CG (dwa.rî, ke.wya) unless the first is a glide too (haw.wi).
        b = (c2 >= kGlide && c1 < kGlide && kGlideOnset < contact(c1, c2)) ? last_vowel + 1 : last_vowel + 2;
      } else if (n == 3) {
        bool onset_pair = false;
        triple(phones[last_vowel + 1].sonority, phones[last_vowel + 2].sonority,
               phones[last_vowel + 3].sonority, &onset_pair);
        b = onset_pair ? last_vowel + 2 : last_vowel + 3;
      } else if (n >= 4) {
        b = last_vowel + 3;
      }
      phones[b].syllable_start = true;
    }
    last_vowel = i;
  }
}

}  // namespace kurdi::translit_detail
