// The analyzer: every segmentation of a word that the morphotactics allow
// and the lexicon backs, ranked (docs/morphology.md).
//
// Nominal forms are a lexicon lemma followed by a suffix chain; verb forms
// are [preverb] [clitic] [prefix] [clitic] stem + suffix chain, where the stem
// (with its preverb) is a lexicon stem. The clitic stands after the first
// element of the verb complex (هەڵیگرت, نەیکرد, دەیانگوت, کارمانکرد), which
// is why the preverb is split off and the stem looked up with it re-attached.
//
// The search collects candidates that own nothing (views into the word and
// into the compiled lexicon's pool), ranks them, and only then builds what
// the caller asked for: full analyses, the lemma, or the stems. Stemming a
// word therefore allocates only its result.
#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/tokenize.hpp"
#include "morph/guess_stems.hpp"
#include "morph/lexicon.hpp"
#include "morph/morphotactics.hpp"
#include "morph/user_lexicon.hpp"
#include "morph/word.hpp"
#include "normalize/quick.hpp"
#include "util/hash.hpp"
#include "util/slot_index.hpp"

namespace kurdi {

std::string morph::normalized_word(std::string_view word) {
  if (normalize_detail::standard_keeps_word(word)) return std::string(word);  // (no white space either)
  std::string form = normalize(word);
  // Analysis is per word: surrounding spaces are not part of it. (Trimmed
  // in place: no second string.)
  const auto first = form.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = form.find_last_not_of(" \t\r\n");
  form.erase(last + 1);
  form.erase(0, first);
  return form;
}

namespace {

using morph::After;
using morph::normalized_word;
using morph::Arc;
using morph::Kind;
using morph::Record;
using morph::State;
using morph::Upos;

// --- ranking (docs/morphology.md, "Ranking") ----------------------------------
// Every affix costs 1, a frequent stem earns up to ~2 back, a whole lexicon
// word earns a little, a verb read without any verbal affix (a bare stem)
// pays extra, since most bare strings that match a stem are nouns or particles.
constexpr float kAffixCost = 1.0f;
constexpr float kFreqWeight = 0.1f;
constexpr float kWholeWordBonus = 0.5f;
constexpr float kBareVerbCost = 1.0f;
// The hand-written irregular forms are trusted over the lexicon's readings.
constexpr float kIrregularCost = -1.5f;
// Lexicon entries of weak standing: a lemma no source gives a part of speech
// (often an inflected form listed as a word: خۆم, لێی) and a name (the
// sources list surnames such as دەستی that are also noun + ezafe).
constexpr float kUnknownPosCost = 3.0f;
constexpr float kNameCost = 1.5f;
// A verb's participle is read as the verb even where the lexicon also lists
// it as an adjective (کراو), and a pronoun as its base (ئەمە -> ئەم): the
// lemma convention says so.
constexpr float kParticipleBonus = 0.5f;
// A present stem with no prefix (possible only after a preverb: هەبێت) is rare.
constexpr float kBarePresentCost = 1.0f;
// Verb forms always carry affixes (the lexicon holds only stems), so each
// costs less than on a noun, and a present stem with both a prefix and a
// person ending (دەوێت) is read as a verb before a noun the lexicon lists.
constexpr float kVerbAffixCost = 0.5f;
constexpr float kFullVerbBonus = 1.0f;
// A lexicon word that is another lexicon word plus ezafe/clitic ی,
// demonstrative ە or a degree suffix (مانگی, کوڕە, باشتر) is mostly that
// word inflected in running text: it loses the whole-word bonus and pays this.
constexpr float kHomographCost = 1.0f;
// (The pronoun's bonus is for its inflected forms, ئەمە, ئەوانەی; a pronoun
// with the short -ش right after it is rare beside the words it would cut:
// کێشە is not کێ + ش + ە. Such a reading gets no bonus. The full -یش keeps
// it, so ئەویش is ئەو + یش rather than ئەو + ی + ش.)
constexpr float kPronounBaseBonus = 2.0f;
// Stems within this cost of the best reading are returned by stems(), so a
// form with two likely readings (کوردی: the adjective, and کورد + ی) is
// indexed under both.
constexpr float kStemMargin = 2.0f;
// Prepositions written joined to a noun; such a reading pays this on top of
// the affix cost, so a lexicon word that starts like one (لەشکر) is read whole.
constexpr std::string_view kProclitics[] = {"لە", "بە", "بۆ"};
// The form the preposition لە "in" takes before a clitic or a postposition
// (تێیدا "in it", تێدایە "is in it", تیایدا): with the postposition it makes
// one circumposition, which pays for its clitic alone. (پێ and لێ, the bound
// forms of بە and لە "from", are left out: they are also the preverbs of
// common verbs, پێدان and لێدان, whose forms the circumposition would take.)
constexpr std::string_view kBoundPrepositions[] = {"تێ", "تیا"};
// The verbs that make compound verbs with a noun or adjective before them
// (Search::light_verb_compound); such a reading, found only for a word
// nothing else explains, pays this.
constexpr std::string_view kLightVerbs[] = {"کردن", "بوون",  "دان",   "هاتن", "کەوتن",  "گرتن",
                                            "خستن", "کێشان", "هێنان", "بردن", "خواردن", "چوون"};
constexpr float kCompoundCost = 1.0f;
// A name in -یا gives an adjective in -ی (ڕووسیا -> ڕووسی) only when the
// Wikipedia counts have it at least this often (Search::country_in_ya).
constexpr std::uint32_t kCountryNameMinFreq = 100;
// Two letters at least on either side (چەک + کرد, ئەنجام + دا).
constexpr std::size_t kMinCompoundHeadBytes = 4;
constexpr std::size_t kMinCompoundTailBytes = 4;
constexpr float kProcliticCost = 0.5f;
// A reading found through the spelling variant و -> وو pays this; at most
// this many single و are tried.
constexpr float kVariantCost = 1.0f;
// A conjunction و (or a preposition بۆ, لەسەر) written joined to the word
// before it (هەیەو, شارو, ئاماژەبۆ): such a reading pays this, like a
// spelling variant (both are tried only when nothing else explains the word).
constexpr float kJoinedConjunctionCost = 1.0f;
// A relational adjective derived with -ی from a lexicon noun pays this on top
// of the suffix's affix cost (a lexicon adjective, or noun + ezafe, is preferred).
constexpr float kDerivationCost = 0.5f;
// Derivational suffixes read on a lexicon word when nothing else explains the
// word (Search::suffix_derivations), each at the relational adjective's cost,
// giving a derived lexeme that is its own lemma and takes the nominal
// suffixes: تاوانکار, تاوانکاران. The base has two letters at least.
struct Derivation {
  std::string_view suffix;
  After after;      // what the base must end in
  unsigned bases;   // the UPOS of the base it takes (bits of kBase...)
  Upos result;
  std::string_view tag;
  // The word + ی is also read, as the abstract noun (DER.N): what the agent
  // does, the state of who has it (هاوکاری, هۆشداری, کۆمەڵناسی, ژینگەپارێزی).
  bool abstract_noun = false;
  // A compound with a verb's present stem: read at the word's start only,
  // not after a joined preposition (بۆماوەزانی is no بۆ + ماوەزانی), and on
  // a base of three letters at least (سینووس "sinus" is no سی + نووس).
  bool stem_compound = false;
  // The verb's infinitive, for a compound with its present stem: where the
  // word goes on with it, the word is the compound verb's verbal noun
  // (ڕۆڵگێڕان, ڕێکەوتننووسین), not the agent + a plural or a copula.
  std::string_view infinitive = {};
};
constexpr std::size_t kMinDerivationBaseBytes = 4;
constexpr std::size_t kMinStemCompoundBaseBytes = 6;
constexpr unsigned kBaseNoun = 1, kBaseAdj = 2, kBaseQuantity = 4;  // (quantity: a numeral, adverb or determiner)
constexpr Derivation kDerivations[] = {
    {"دار", After::any, kBaseNoun | kBaseAdj, Upos::ADJ, "DER.ADJ", true},   // who has it: ئیماندار, مەترسیدار
    {"مەند", After::any, kBaseNoun | kBaseAdj, Upos::ADJ, "DER.ADJ", true},  // زەرەرمەند, تایبەتمەند
    {"خواز", After::any, kBaseNoun | kBaseAdj, Upos::ADJ, "DER.ADJ", true},  // who seeks it: چاکەخواز
    {"کار", After::any, kBaseNoun | kBaseAdj, Upos::NOUN, "DER.AG", true},   // who does it: تاوانکار, چاکەکار
    {"گەر", After::any, kBaseNoun | kBaseAdj, Upos::NOUN, "DER.AG", true},   // دادگەر, هاوەڵگەر
    {"ناس", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true},              // who knows it: کۆمەڵناس, زمانناس
    // A noun + the present stem of a verb: who does that to it (ڕۆژنامەنووس
    // "journalist", ژینگەپارێز "environmentalist"). Only the stems that form
    // such compounds freely: most present stems are short words of their
    // own that would cut names and loans (دین, شار, ماڵ, تار). The last field
    // is the verb's infinitive where it begins with the stem.
    {"پارێز", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true},               // پاراستن: ژینگەپارێز
    // (ساز without its سازان: بەرنامەسازان "programme makers" is far more common)
    {"ساز", After::any, kBaseNoun | kBaseAdj, Upos::NOUN, "DER.AG", true, true},  // بەرنامەساز, چاکساز
    {"کوژ", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true},                 // کوشتن: کۆمەڵکوژ
    {"نووس", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true, "نووسین"},      // چیرۆکنووس
    {"بێژ", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true, "بێژان"},        // وتەبێژ, وانەبێژ
    {"زان", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true, "زانین"},        // ئابووریزان
    {"نێر", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true},                 // ناردن: هەواڵنێر
    {"پێو", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true, "پێوان"},        // ڕووپێو, گۆشەپێو
    {"فرۆش", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true, "فرۆشتن"},      // کتێبفرۆش
    {"ژەن", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true, "ژەندن"},        // کەمانژەن
    {"ڕێژ", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true},                 // ڕشتن: بەرنامەڕێژ
    {"کێش", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true, "کێشان"},        // وێنەکێش, زەحمەتکێش
    {"پەرست", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true, "پەرستن"},     // نەتەوەپەرست
    {"گێڕ", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true, "گێڕان"},        // ڕۆڵگێڕ
    {"خۆر", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true},                 // خواردن: گۆشتخۆر
    {"گیر", After::any, kBaseNoun, Upos::NOUN, "DER.AG", true, true, "گیران"},        // گرتن: دەمارگیر
    {"بەخش", After::any, kBaseNoun, Upos::ADJ, "DER.ADJ", true, true, "بەخشین"},      // what gives it: سوودبەخش
    {"ڕەو", After::any, kBaseAdj, Upos::ADJ, "DER.ADJ", true, true, "ڕەوین"},         // who goes so: توندڕەو
    {"ایەتی", After::consonant, kBaseNoun | kBaseAdj, Upos::NOUN, "DER.N"},  // پێغەمبەرایەتی, دۆستایەتی
    {"یەتی", After::vowel, kBaseNoun | kBaseAdj, Upos::NOUN, "DER.N"},       // پاشایەتی, برایەتی
    {"ەها", After::consonant, kBaseNoun | kBaseQuantity, Upos::ADJ, "DER.ADJ"},  // many: جۆرەها, ساڵەها, چەندەها
    // the abstract noun of an adjective in a consonant (ئاڵۆزی "complexity"):
    // alone the word is the adjective + ezafe, so only its forms with more
    // suffixes reach here (ئاڵۆزیی, ئاڵۆزییەکی, بەردەوامییەکەی)
    {"ی", After::consonant, kBaseAdj, Upos::NOUN, "DER.N"},
};
constexpr bool derives(const Derivation& d, Upos base) {
  switch (base) {
    case Upos::NOUN: return d.bases & kBaseNoun;
    case Upos::ADJ: return d.bases & kBaseAdj;
    case Upos::NUM: case Upos::ADV: case Upos::DET: return d.bases & kBaseQuantity;
    default: return false;
  }
}
// Whether a suffix of kDerivations may start with the letter whose UTF-8
// bytes start with a, b: د ک گ م ن خ ا ی ە پ س ب ز ژ ڕ ف (one compare spares
// the table's string tests at most stem ends).
constexpr bool may_start_derivation(char a, char b) {
  switch ((static_cast<unsigned char>(a) << 8) | static_cast<unsigned char>(b)) {
    case 0xD8AF: case 0xDAA9: case 0xDAAF: case 0xD985: case 0xD986: case 0xD8AE: case 0xD8A7: case 0xDB8C:
    case 0xDB95: case 0xD9BE: case 0xD8B3: case 0xD8A8: case 0xD8B2: case 0xDA98: case 0xDA95: case 0xD981:
      return true;
    default:
      return false;
  }
}
constexpr bool prefilter_admits_every_derivation() {
  for (const Derivation& d : kDerivations)
    if (!may_start_derivation(d.suffix[0], d.suffix[1])) return false;
  return true;
}
static_assert(prefilter_admits_every_derivation(), "may_start_derivation must admit each suffix's first letter");
// An adverb with a number or (in)definiteness marker pays this (Search::emit).
constexpr float kAdverbMarkerCost = 1.0f;
constexpr std::size_t kMaxVariants = 4;
// At most this many ر or ل are tried as ڕ or ڵ (Search::letter_variants).
constexpr std::size_t kMaxLetterVariants = 2;
constexpr std::size_t kMaxWordBytes = 512;
// Guessing an unknown word (Search::guess): the stem keeps at least this many
// letters, and each letter of a definiteness marker earns this much, so of
// two segmentations (کارت + ەکە, کارتە + کە) the one with the longer marker
// wins. Tuned by leaving UniMorph-train-only lemmas out of the lexicon
// (docs/morphology.md, "Unknown words"); never on dev data.
constexpr std::size_t kMinGuessLetters = 2;
constexpr float kGuessMarkerCredit = 0.25f;
// A stem the word lists attest with a marker (guess_stems.hpp) may be cut to
// with any nominal chain, ی or ان included, when it has at least this many
// letters and the lists do not attest the whole word with a marker too; each
// listed marker form earns this much, so of two such cuts the better attested
// wins (ڕۆڵ + ی; دەروون + یان before دەروونی + ان when دەروون has more).
// Tuned like the two constants above, on UniMorph train with its
// train-only lemmas left out (eval/leave_out.sh).
constexpr std::size_t kMinAttestedStemLetters = 3;
constexpr float kAttestedCredit = 0.1f;
// A guessed ezafe after ە (بانگەشە + ی) pays this, so that a guess with a
// marker wins where both fit (بانگێشت + ەکە + ی, not بانگێشتەکە + ی).
constexpr float kGuessEzafeAfterECost = 0.75f;

float compute_freq_credit(std::uint32_t freq) { return kFreqWeight * std::log2(1.0f + static_cast<float>(freq)); }

// Every reading's cost starts with this; most lexicon frequencies are small,
// and their credits come from a table computed once, by the same function
// (so the costs stay bit for bit what they were), instead of a log2f per
// reading. (Inlined: a call cost more than the table look-up.)
[[gnu::always_inline]] inline float freq_credit(std::uint32_t freq) {
  constexpr std::uint32_t kTabled = 1024;
  static const std::array<float, kTabled> table = [] {
    std::array<float, kTabled> t{};
    for (std::uint32_t f = 0; f < kTabled; ++f) t[f] = compute_freq_credit(f);
    return t;
  }();
  return freq < kTabled ? table[freq] : compute_freq_credit(freq);
}

// The conditions of After that text ending in `before` meets, one bit per
// value. Letters that are always vowels; و and ی are vowels or glides, so
// they satisfy both "after a vowel" and "after a consonant". (Inlined: every
// suffix walk asks it.)
[[gnu::always_inline]] inline unsigned after_mask(std::string_view before) {
  constexpr auto bit = [](After a) { return 1u << static_cast<unsigned>(a); };
  if (before.empty()) return bit(After::any);
  // The letters that decide are all two bytes long: compare the last two
  // bytes of the (valid UTF-8) text with their encodings, no decoding.
  const auto n = before.size();
  const unsigned last = n >= 2 ? static_cast<unsigned char>(before[n - 2]) << 8 | static_cast<unsigned char>(before[n - 1]) : 0;
  constexpr auto code = [](std::string_view letter) {
    return static_cast<unsigned>(static_cast<unsigned char>(letter[0]) << 8 | static_cast<unsigned char>(letter[1]));
  };
  const bool yeh = last == code("\u06CC");
  const bool waw = last == code("\u0648");
  const bool double_waw = waw && n >= 4 && before.substr(n - 4, 2) == "\u0648";
  const bool glide = yeh || waw;
  const bool vowel = last == code("\u0627") || last == code("\u06D5") || last == code("\u06C6") || last == code("\u06CE");
  return bit(After::any) | (yeh ? bit(After::yeh) : 0) | (vowel || glide ? bit(After::vowel) : 0) |
         (!vowel ? bit(After::consonant) : 0) | (double_waw ? bit(After::waw) : 0) |
         (vowel || yeh ? bit(After::glide_y) : 0);
}

inline bool after_ok(std::string_view before, After after) { return (after_mask(before) >> static_cast<unsigned>(after)) & 1; }

// (Inlined: it is called millions of times per megabyte, mostly to fail at once.)
[[gnu::always_inline]] inline bool starts_with(std::string_view s, std::size_t pos, std::string_view piece) {
  if (s.size() - pos < piece.size()) return false;
  // Sorani letters share their lead bytes: the second byte rejects most
  // mismatches first. The pieces are a few letters: a loop beats a call to
  // memcmp.
  if (piece.size() >= 2 && s[pos + 1] != piece[1]) return false;
  for (std::size_t x = 0; x < piece.size(); ++x)
    if (s[pos + x] != piece[x]) return false;
  return true;
}

// The same at the end of s (std::string_view's starts_with and ends_with
// are calls to compare, not inlined: the search calls them per word).
[[gnu::always_inline]] inline bool starts_with(std::string_view s, std::string_view piece) {
  return starts_with(s, 0, piece);
}
[[gnu::always_inline]] inline bool ends_with(std::string_view s, std::string_view piece) {
  return s.size() >= piece.size() && starts_with(s, s.size() - piece.size(), piece);
}

// s[b, e) and s[b, end) where the caller knows b <= e <= s.size(): the
// search's offsets always lie in its word. (std::string_view::substr checks
// and may throw, which g++ compiles into an out-of-line call on paths run
// millions of times a pass.)
[[gnu::always_inline]] inline std::string_view slice(std::string_view s, std::size_t b, std::size_t e) {
  return {s.data() + b, e - b};
}
[[gnu::always_inline]] inline std::string_view slice(std::string_view s, std::size_t b) {
  return {s.data() + b, s.size() - b};
}

// Whether s is the literal (begins: starts with it). Tags are compared in the
// search's inner loops; string_view's == calls compare() with a length known
// only at run time, while these compare a length known at compile time.
template <std::size_t N>
constexpr bool is(std::string_view s, const char (&lit)[N]) noexcept {
  if (s.size() != N - 1) return false;
  for (std::size_t i = 0; i + 1 < N; ++i)
    if (s[i] != lit[i]) return false;
  return true;
}
template <std::size_t N>
constexpr bool begins(std::string_view s, const char (&lit)[N]) noexcept {
  if (s.size() < N - 1) return false;
  for (std::size_t i = 0; i + 1 < N; ++i)
    if (s[i] != lit[i]) return false;
  return true;
}

// Whether tag t is a number or (in)definiteness marker: the nominal suffixes
// a function word does not take and an adverb pays for, and the sign that a
// word is used as a nominal.
constexpr bool number_or_definiteness(std::string_view t) noexcept {
  return is(t, "PL") || is(t, "DEF") || is(t, "DEF.PL") || is(t, "INDF") || is(t, "INDF.PL") || is(t, "PL.DEM");
}

bool char_boundary(std::string_view s, std::size_t i) {
  return i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

std::string_view unimorph_pos(Upos upos) {
  switch (upos) {
    case Upos::NOUN: return "N";
    case Upos::PROPN: return "PROPN";
    case Upos::ADJ: return "ADJ";
    case Upos::ADV: return "ADV";
    case Upos::PRON: return "PRO";
    case Upos::NUM: return "NUM";
    case Upos::ADP: return "ADP";
    case Upos::CCONJ:
    case Upos::SCONJ: return "CONJ";
    case Upos::PART: return "PART";
    case Upos::INTJ: return "INTJ";
    case Upos::DET: return "DET";
    case Upos::VERB: return "V";
    case Upos::X: return "X";
  }
  return "X";
}

/// A key being built from pieces of the word: never longer than the word
/// (at most kMaxWordBytes, see Search::run) plus two letters, so it lives in
/// a fixed array and building one never allocates.
class KeyBuffer {
 public:
  void assign(std::string_view s) noexcept {
    size_ = 0;
    *this += s;
  }
  KeyBuffer& operator+=(std::string_view s) noexcept {
    std::copy(s.begin(), s.end(), data_.begin() + static_cast<std::ptrdiff_t>(size_));
    size_ += s.size();
    return *this;
  }
  KeyBuffer& operator+=(char c) noexcept {
    data_[size_++] = c;
    return *this;
  }
  std::size_t size() const noexcept { return size_; }
  operator std::string_view() const noexcept { return {data_.data(), size_}; }  // NOLINT: used as a view

 private:
  std::array<char, kMaxWordBytes + 16> data_;
  std::size_t size_ = 0;
};

/// Forms (anything with a `surface`) indexed by the first letter (two
/// bytes) they begin with: a test of a word's letter against the handful of
/// first letters is cheaper than a test of every form, and far cheaper than
/// the lexicon's records of the word's prefixes.
template <typename Form>
struct ByFirstLetter {
  std::vector<Form> forms;
  std::vector<std::uint16_t> first_letters;  // (a handful: دێ, نا, هە ...)
  // For each first letter, the forms a word beginning with it may begin
  // with, in table order: those with that letter and any shorter than a letter.
  std::vector<std::vector<std::size_t>> by_letter;

  static std::uint16_t letter_at(std::string_view s) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[0]) << 8 | static_cast<unsigned char>(s[1]));
  }
  /// Builds first_letters and by_letter once `forms` is filled.
  void index() {
    for (const Form& f : forms)
      if (f.surface.size() >= 2 && std::find(first_letters.begin(), first_letters.end(), letter_at(f.surface)) ==
                                       first_letters.end())
        first_letters.push_back(letter_at(f.surface));
    by_letter.resize(first_letters.size());
    for (std::size_t n = 0; n < forms.size(); ++n)
      for (std::size_t k = 0; k < first_letters.size(); ++k)
        if (forms[n].surface.size() < 2 || letter_at(forms[n].surface) == first_letters[k]) by_letter[k].push_back(n);
  }
  /// The forms that may begin at byte `at` of `word` (none when less than a letter is left).
  std::span<const std::size_t> rows_at(std::string_view word, std::size_t at) const {
    if (word.size() < at + 2) return {};
    const auto k = std::find(first_letters.begin(), first_letters.end(), letter_at(word.substr(at)));
    if (k == first_letters.end()) return {};
    return by_letter[static_cast<std::size_t>(k - first_letters.begin())];
  }
};

/// A morpheme while searching: byte range of the form, tag, features. Kept
/// small (24 bytes; the tag and features as pointer and length, both short
/// strings) because readings are copied whole while they are collected.
struct Piece {
  const char* tag_data;
  const char* features_data;
  std::uint16_t begin, end;
  std::uint8_t tag_size, features_size;
  bool nominal;  ///< a nominal suffix after an infinitive or participle

  Piece() = default;
  Piece(std::uint16_t b, std::uint16_t e, std::string_view t, std::string_view f, bool n)
      : tag_data(t.data()), features_data(f.data()), begin(b), end(e), tag_size(static_cast<std::uint8_t>(t.size())),
        features_size(static_cast<std::uint8_t>(f.size())), nominal(n) {}
  std::string_view tag() const { return {tag_data, tag_size}; }
  std::string_view features() const { return {features_data, features_size}; }
};

// What stands between the first element of a verb complex (its preverb or
// first prefix) and the rest: -یش/-ش (`add` bytes, or none) and then a
// pronominal clitic (or none), from byte `at` (هەڵیگرت, دەشڵێت, ڕاشیگەیاند).
struct Slot {
  const morph::Clitic* clitic;  // (no initializers: verbal() keeps an array of them per split;
  std::size_t at;               //  Slot{} is all zeros)
  std::size_t add;
};

// The pronominal clitics are six (morph::clitics()).
constexpr std::size_t kMaxClitics = 6;

// Longer chains than this do not occur in Sorani; the search stops there.
constexpr std::size_t kMaxPieces = 14;

/// What a reading is besides its morphemes.
struct CandidateHead {
  float cost = 0;
  std::string_view lemma, stem;
  Upos upos = Upos::X;
  std::int32_t verb = -1;  ///< verb index, or -1
  bool transitive = false, causative = false;
  bool intransitive = false;  ///< the lexicon says so (neither of the two: transitivity unknown)
  bool in_form = false;  ///< lemma and stem are views into the analysed word, not the lexicon
  /// A compound verb the lexicon does not list (Search::light_verb_compound):
  /// its lemma and stem are the text of its `preverb` piece, the nominal
  /// part, and then `lemma`, `stem` (چەک + کردن). (A flag, not a view: the
  /// search copies readings far more often than it keeps them.)
  bool compound = false;
  bool guessed = false;  ///< the stem is no lexicon entry (Search::guess)
  /// A present 3sg whose ending ت is not written (دەکا for دەکات): the
  /// person is in the features, no morpheme shows it (as دێ in the
  /// irregular table).
  bool unwritten_3s = false;
  Kind kind = Kind::lemma;
  const morph::format::Form* irregular = nullptr;
  std::uint8_t count = 0;
};

/// One reading, owning nothing: views into the form and the lexicon pool.
/// Only the first `count` pieces are set, and only they are copied: the
/// search resets and copies readings far more often than it keeps them.
struct Candidate : CandidateHead {
  std::array<Piece, kMaxPieces> pieces;

  Candidate() noexcept {}  // NOLINT: the pieces stay unset on purpose
  Candidate(const Candidate& o) noexcept : CandidateHead(o) { copy_pieces(o); }
  Candidate& operator=(const Candidate& o) noexcept {
    static_cast<CandidateHead&>(*this) = o;
    copy_pieces(o);
    return *this;
  }
  /// Back to a reading with no morpheme (what Candidate{} was).
  void reset() noexcept { static_cast<CandidateHead&>(*this) = CandidateHead{}; }

 private:
  void copy_pieces(const Candidate& o) noexcept {
    std::copy_n(o.pieces.begin(), o.count, pieces.begin());
  }
};

// Whether two readings cut the word into the same morphemes with the same tags.
bool same_pieces(const Candidate& a, const Candidate& b) {
  return a.count == b.count && std::equal(a.pieces.begin(), a.pieces.begin() + a.count, b.pieces.begin(),
                                          [](const Piece& x, const Piece& y) {
                                            return x.begin == y.begin && x.end == y.end && x.tag() == y.tag();
                                          });
}

class Search {
 public:
  /// The readings go to `out`, emptied first. A caller that analyses many
  /// words passes the same vector every time: a reading is about 400 bytes,
  /// and a new vector for each word cost an allocation of eight of them.
  Search(std::string_view form, const UserLexicon::Impl* user, std::vector<Candidate>& out)
      : form_(form), user_(user), out_(out) {
    out_.clear();
  }

  /// Leaves out guess(), which gives only guessed readings: for a caller
  /// that wants the search stems alone, which are the same without it
  /// (stems_of). guess_skipped() then tells whether the guess would have run.
  void skip_guess() noexcept { guess_wanted_ = false; }
  bool guess_skipped() const noexcept { return guess_skipped_; }

  /// Every reading, cheapest first (stable for equal costs).
  std::vector<Candidate>& run() {
    // No Sorani word comes near this many bytes (256 letters); longer tokens
    // (a run of letters without spaces, an encoded blob) are left unknown,
    // which keeps the search's cost per token bounded: it is quadratic in
    // the word's length. (Offsets are 16-bit, too.)
    if (form_.size() > kMaxWordBytes) return out_;
    hash_prefixes();
    irregular();
    if (!verbs_only_) nominal();
    irregular_then_suffixes();
    verbal();
    preverb_then_irregular();
    drop_relative_ezafe_unless_alone();
    drop_goal_e_where_third_person();
    drop_reflexive_clitic();
    if (out_.empty() && skipped_participle_noun_) participle_noun();
    // (the compound first: بەهێزکردنی is بەهێز + کردنی, not بە + هێزکردنی)
    if (out_.empty() && allow_compound_) light_verb_compound();
    if (out_.empty() && allow_variants_) verbal_noun_after_preposition();
    if (out_.empty() && allow_compound_) phrase_compound();
    if (out_.empty() && allow_compound_) clitic_inside_preverb();
    if (out_.empty() && allow_variants_) spelling_variants();
    if (out_.empty() && !verbs_only_) suffix_derivations();
    if (out_.empty() && allow_variants_) joined_conjunction();
    if (out_.empty() && allow_variants_) joined_preposition();
    if (out_.empty() && allow_variants_) joined_demonstrative();
    if (out_.empty() && allow_variants_ && !verbs_only_) headwords();
    if (out_.empty() && allow_variants_) {
      if (guess_wanted_) guess();
      else guess_skipped_ = true;
    }
    demote_homographs();
    participle_before_listed_adjective();
    prefer_pronoun_base();
    sort_by_cost();
    adjective_first_with_degree();
    return out_;
  }

  // Degree is an adjective's: where a word the lexicon lists as noun and
  // adjective (RULE W12 puts the noun first on a tie) takes تر or ترین, the
  // adjective's reading goes first (باشتر ADJ;CMPR). Only a tie's order
  // changes: the two readings have the same pieces, stem and lemma.
  void adjective_first_with_degree() {
    for (std::size_t i = 0; i < out_.size(); ++i) {
      const Candidate& c = out_[i];
      if (c.verb >= 0 || c.upos != Upos::NOUN) continue;
      bool degree = false;
      for (std::size_t n = 1; n < c.count; ++n)
        degree = degree || is(c.pieces[n].tag(), "CMPR") || is(c.pieces[n].tag(), "SPRL");
      if (!degree) continue;
      for (std::size_t j = i + 1; j < out_.size() && out_[j].cost == c.cost; ++j) {
        if (out_[j].upos != Upos::ADJ || !same_pieces(out_[j], c) || out_[j].lemma != c.lemma) continue;
        std::rotate(out_.begin() + static_cast<std::ptrdiff_t>(i), out_.begin() + static_cast<std::ptrdiff_t>(j),
                    out_.begin() + static_cast<std::ptrdiff_t>(j) + 1);
        break;
      }
    }
  }

  // What std::stable_sort by cost gives, without its buffer allocation: an
  // insertion sort (stable: an element moves only past costlier ones) for
  // the few readings a word has.
  void sort_by_cost() {
    if (out_.size() > 32) {
      std::stable_sort(out_.begin(), out_.end(),
                       [](const Candidate& a, const Candidate& b) { return a.cost < b.cost; });
      return;
    }
    for (std::size_t i = 1; i < out_.size(); ++i) {
      if (!(out_[i].cost < out_[i - 1].cost)) continue;
      Candidate moving = out_[i];
      std::size_t k = i;
      for (; k > 0 && moving.cost < out_[k - 1].cost; --k) out_[k] = out_[k - 1];
      out_[k] = moving;
    }
  }

  // The demonstrative frame + ezafe before a relative clause (کاتەی,
  // شتانەی) is read only when no other reading with a known part of speech
  // explains the word: خانەی is خانە + ی, not خان + ە + ی.
  void drop_relative_ezafe_unless_alone() {
    auto relative = [](const Candidate& c) {
      for (std::size_t n = 1; n < c.count; ++n)
        if (is(c.pieces[n].tag(), "EZ") && (is(c.pieces[n - 1].tag(), "DEM") || is(c.pieces[n - 1].tag(), "PL.DEM")))
          return true;
      return false;
    };
    // (a lexicon word of unknown part of speech, کەسانە, explains too little)
    if (std::none_of(out_.begin(), out_.end(), [&](const Candidate& c) { return !relative(c) && c.upos != Upos::X; }))
      return;
    // A demonstrative pronoun keeps it: ئەوەی کە, ئەوانەی کە are its relative forms.
    std::erase_if(out_, [&](const Candidate& c) { return c.upos != Upos::PRON && relative(c); });
  }

  // The directional's form ێ after a person ending (دەدەینێ, بدەنێ) is the
  // same letter as the third person's ending ێ, so it is kept only where
  // the verb is plainly inflected: after an aspect, mood or negation prefix
  // and a person ending other than the short ی (not سەردەمێ, ئەبیێ), and
  // where no verb reading ends in that third-person ێ (دەبینێ is بینین's
  // دە + بین + ێ, not بوون's دە + ب + ین + ێ).
  void drop_goal_e_where_third_person() {
    const auto goal_e = [&](const Candidate& c) {
      const Piece& last = c.pieces[c.count - 1];
      return c.verb >= 0 && c.count >= 2 && is(last.tag(), "DIR") && form_.substr(last.begin) == "\u06CE";
    };
    if (std::none_of(out_.begin(), out_.end(), goal_e)) return;
    const bool third_person = std::any_of(out_.begin(), out_.end(), [](const Candidate& c) {
      return c.verb >= 0 && is(c.pieces[c.count - 1].tag(), "PRS.3S");
    });
    std::erase_if(out_, [&](const Candidate& c) {
      if (!goal_e(c)) return false;
      if (third_person) return true;
      const Piece& ending = c.pieces[c.count - 2];
      if (form_.substr(ending.begin, ending.end - ending.begin) == "\u06CC") return true;
      bool prefixed = false;
      for (std::size_t n = 0; n < c.count && !is(c.pieces[n].tag(), "stem"); ++n) {
        const std::string_view t = c.pieces[n].tag();
        prefixed = prefixed || t.find("IPFV") != std::string_view::npos || is(t, "SBJV") || begins(t, "NEG");
      }
      return !prefixed;
    });
  }

  // A pronominal clitic is no object of the verb's own first or second
  // person: Sorani says that with خۆ (خۆت دەبینی "you see yourself"), so
  // بتپەرستی is no ب + ت + پەرست + ی "that you worship you", but the noun,
  // and نەتزانی is the past "you did not know". Such a reading is dropped
  // where the word has another.
  void drop_reflexive_clitic() {
    const auto reflexive = [](const Candidate& c) {
      if (c.verb < 0) return false;
      std::string_view clitic, subject;
      for (std::size_t n = 0; n < c.count; ++n) {
        const std::string_view t = c.pieces[n].tag();
        if (begins(t, "CL.")) clitic = t.substr(3);
        else if (begins(t, "PRS.") || begins(t, "PST.") || begins(t, "IMP.")) subject = t.substr(4);
      }
      return !clitic.empty() && clitic == subject && clitic.front() != '3';
    };
    // Nor has an intransitive verb an object or an agent clitic: not before
    // its stem (دەمژی is مژین "you suck", not ژیان "it lives" with an
    // object), nor after its perfect's و (گونجاوی is the participle +
    // ezafe, not the perfect with a clitic as in کردوومە). After a preverb
    // the clitic may be the preverb's own object (تێی دەگەم "I understand
    // it"), and after the stem of a verbal noun or a participle it is a
    // noun's possessor (ژیانیان).
    const auto intransitive_object = [](const Candidate& c) {
      if (c.verb < 0 || !c.intransitive || (c.kind != Kind::present && c.kind != Kind::past)) return false;
      bool after_stem = false;
      for (std::size_t n = 0; n < c.count; ++n) {
        const std::string_view t = c.pieces[n].tag();
        if (!after_stem && is(t, "preverb")) return false;
        if (is(t, "stem")) after_stem = true;
        else if (begins(t, "CL.") && !c.pieces[n].nominal &&
                 (!after_stem || (n > 0 && is(c.pieces[n - 1].tag(), "PRF"))))
          return true;
      }
      return false;
    };
    const auto impossible = [&](const Candidate& c) { return reflexive(c) || intransitive_object(c); };
    const auto n = static_cast<std::size_t>(std::count_if(out_.begin(), out_.end(), impossible));
    if (n > 0 && n < out_.size()) std::erase_if(out_, impossible);
  }

  // A pronoun the lexicon also lists inflected (ئەوانە, ئەوە) is read as its
  // base where a reading of the base explains the word (the lemma
  // convention: ئەوانەی -> ئەو): a suffixed reading of the listed form gives
  // its pronoun bonus back.
  void prefer_pronoun_base() {
    // Where the pronoun begins: the word's start, or after a whole preposition
    // written joined (بۆئەوانەی); a contraction, بەمە = بە + ئەمە, is left as
    // ranked. (0 when the reading has no such pronoun stem.)
    const auto pronoun_from = [](const Candidate& c) -> std::size_t {
      if (c.count > 0 && is(c.pieces[0].tag(), "stem")) return 1;
      if (c.count > 1 && is(c.pieces[0].tag(), "PREP") && c.pieces[0].end > 2 && is(c.pieces[1].tag(), "stem"))
        return c.pieces[0].end + 1u;
      return 0;
    };
    for (Candidate& c : out_) {
      const std::size_t from = pronoun_from(c);
      // (after a preposition the listed form alone has its bonus too: the
      // preposition counts as an affix)
      if (c.upos != Upos::PRON || c.verb >= 0 || c.irregular || c.guessed || from == 0 || c.count < 2) continue;
      for (const Candidate& d : out_) {
        if (d.upos == Upos::PRON && pronoun_from(d) == from && d.stem.size() < c.stem.size() &&
            c.stem.starts_with(d.stem)) {
          c.cost += kPronounBaseBonus;
          break;
        }
      }
    }
  }

  // A new reading at the end of out_ (most words have none: the first one
  // reserves room for a few).
  Candidate& add_reading() {
    if (out_.capacity() == 0) out_.reserve(8);
    return out_.emplace_back();
  }

 private:
  // --- irregular forms (data/morph/irregular_forms.tsv) --------------------
  void irregular() {
    for (const Record& r : whole_entry().records) {  // (user lexicons have no irregular forms)
      if (r.kind != Kind::form) continue;
      add_reading() = irregular_reading(morph::irregular_form(r.verb));
    }
  }

  // An irregular present indicative with a person ending (دێت, نایەن) takes
  // what any present takes after it: the directional ـە (دێتە), -ەوە
  // (دێتەوە, نایەتەوە).
  void irregular_then_suffixes() {
    const auto& all = suffixed_irregulars();
    // (a word's first letter rejects nearly every word at once; only the
    // forms that may begin with that letter, in table order)
    for (const std::size_t n : all.rows_at(form_, 0)) {
      const SuffixedIrregular& s = all.forms[n];
      if (form_.size() <= s.surface.size() || !starts_with(form_, 0, s.surface)) continue;
      cur_ = irregular_reading(*s.form);
      stem_piece_ = cur_.count;
      require_a_ = false;
      suffixes(s.surface.size(), State::v_person, /*nominal=*/false);
    }
  }

  // A compound verb whose light verb has an irregular present: the preverb
  // or nominal part, then the form as the irregular table spells it
  // (بەکاردێت, پێکنایەن, دەردێنێ: بەکارهاتن, پێکهاتن, دەرهێنان), with the
  // suffixes a present takes after its person ending (هەڵدێتەوە). The
  // lexicon must list the compound: its past stem is the preverb and the
  // light verb's past stem (بەکارهات). verbal() has found where a preverb
  // may end (splits_).
  void preverb_then_irregular() {
    const auto& all = compound_irregulars();
    for (std::size_t s = 1; s < n_splits_; ++s) {
      const std::size_t i = splits_[s];
      // (the rows begin with a few letters, د ن ب: most splits end at once)
      for (const std::size_t row : all.rows_at(form_, i)) {
        const CompoundIrregular& x = all.forms[row];
        if (!starts_with(form_, i, x.surface)) continue;
        const std::size_t end = i + x.surface.size();
        if (end < form_.size() && !x.takes_suffixes) continue;
        key_.assign(slice(form_, 0, i));
        key_ += x.past_stem;
        std::int32_t verb = -1;
        for (const Record& r : morph::lookup(key_).records) {
          if (r.kind != Kind::past || r.verb < 0 || (r.verb & morph::kUserVerbBit) || r.preverb_bytes != i) continue;
          const std::string_view inf = morph::infinitive(morph::verb(r.verb));
          if (inf.size() == key_.size() + 2 && inf.starts_with(std::string_view(key_)) && inf.ends_with("ن"))
            verb = r.verb;
        }
        if (verb < 0) continue;
        // Ranked as the grammar's own readings of a present are (verb_records);
        // the features are the table row's.
        const morph::Verb& v = morph::verb(verb);
        const Candidate form = irregular_reading(*x.form);
        cur_ = form;
        cur_.lemma = morph::infinitive(morph::verb(v.lemma_verb));
        cur_.verb = verb;
        cur_.kind = Kind::present;
        cur_.transitive = v.transitive == 1;
        cur_.intransitive = v.transitive == 0;
        cur_.cost = -freq_credit(v.freq);
        cur_.count = 0;
        push({0, static_cast<std::uint16_t>(i), "preverb", "", false});
        for (std::size_t n = 0; n < form.count && cur_.count < kMaxPieces; ++n) {
          Piece piece = form.pieces[n];
          piece.begin = static_cast<std::uint16_t>(piece.begin + i);
          piece.end = static_cast<std::uint16_t>(piece.end + i);
          push(piece);
        }
        stem_piece_ = cur_.count;
        require_a_ = false;
        suffixes(end, State::v_person, /*nominal=*/false);
      }
    }
  }

  // The irregular table's present forms (its verbs' light-verb compounds
  // have no row of their own), with the past stem of their verb. A row
  // whose stem the lexicon lists as its verb's present stem (بوون's ب in
  // بێت) is left out: after a preverb the grammar builds it already.
  struct CompoundIrregular {
    std::string surface;
    std::string_view past_stem;  // (the infinitive without its ن)
    const morph::format::Form* form;
    bool takes_suffixes;  // a present indicative with a person ending
  };
  static const ByFirstLetter<CompoundIrregular>& compound_irregulars() {
    static const ByFirstLetter<CompoundIrregular> all = [] {
      ByFirstLetter<CompoundIrregular> out;
      for (std::size_t n = 0; n < morph::irregular_form_count(); ++n) {
        const morph::format::Form& f = morph::irregular_form(static_cast<std::int32_t>(n));
        const std::string_view features = morph::pool_string(f.features, f.features_length);
        const std::string_view lemma = morph::pool_string(f.lemma, f.lemma_length);
        if (f.upos != Upos::VERB || !features.starts_with("V;PRS") || !lemma.ends_with("ن")) continue;
        const Candidate row = irregular_reading(f);
        bool regular = false;
        for (const Record& r : morph::lookup(row.stem).records)
          regular = regular || (r.kind == Kind::present && r.verb >= 0 && !(r.verb & morph::kUserVerbBit) &&
                                morph::infinitive(morph::verb(r.verb)) == lemma);
        if (regular) continue;
        out.forms.push_back({surface_of(f), lemma.substr(0, lemma.size() - 2), &f, present_with_person(f)});
      }
      out.index();
      return out;
    }();
    return all;
  }

  // Those forms, with their written forms, found once in the compiled table.
  struct SuffixedIrregular {
    std::string surface;
    const morph::format::Form* form;
  };
  static const ByFirstLetter<SuffixedIrregular>& suffixed_irregulars() {
    static const ByFirstLetter<SuffixedIrregular> all = [] {
      ByFirstLetter<SuffixedIrregular> out;
      for (std::size_t i = 0; i < morph::irregular_form_count(); ++i) {
        const morph::format::Form& f = morph::irregular_form(static_cast<std::int32_t>(i));
        if (present_with_person(f)) out.forms.push_back({surface_of(f), &f});
      }
      out.index();
      return out;
    }();
    return all;
  }

  // The written form of an irregular row: its morphemes' texts joined.
  static std::string surface_of(const morph::format::Form& f) {
    std::string out;
    std::string_view spec = morph::pool_string(f.morphemes, f.morphemes_length);
    while (!spec.empty()) {
      const std::size_t plus = spec.find('+');
      const std::string_view piece = spec.substr(0, plus);
      spec = plus == std::string_view::npos ? std::string_view() : spec.substr(plus + 1);
      out += piece.substr(0, piece.find('/'));
    }
    return out;
  }

  static bool present_with_person(const morph::format::Form& f) {
    if (f.upos != Upos::VERB) return false;
    const std::string_view features = morph::pool_string(f.features, f.features_length);
    const std::string_view spec = morph::pool_string(f.morphemes, f.morphemes_length);
    const std::size_t plus = spec.rfind('+');
    return features.starts_with("V;PRS;IND") && plus != std::string_view::npos &&
           spec.substr(plus + 1).find("/PRS.") != std::string_view::npos;
  }

  static Candidate irregular_reading(const morph::format::Form& f) {
    Candidate c;
    c.cost = kIrregularCost;
    c.lemma = morph::pool_string(f.lemma, f.lemma_length);
    c.upos = f.upos;
    c.irregular = &f;
    c.kind = Kind::form;
    // "text/TAG+text+...": the untagged piece is the stem
    std::string_view spec = morph::pool_string(f.morphemes, f.morphemes_length);
    std::size_t pos = 0;
    while (!spec.empty() && c.count < kMaxPieces) {
      const std::size_t plus = spec.find('+');
      const std::string_view piece = spec.substr(0, plus);
      spec = plus == std::string_view::npos ? std::string_view() : spec.substr(plus + 1);
      const std::size_t slash = piece.find('/');
      const std::string_view text = piece.substr(0, slash);
      const std::string_view tag = slash == std::string_view::npos ? "stem" : piece.substr(slash + 1);
      if (is(tag, "stem")) c.stem = text;
      c.pieces[c.count++] = {static_cast<std::uint16_t>(pos), static_cast<std::uint16_t>(pos + text.size()), tag,
                             "", false};
      pos += text.size();
    }
    if (c.stem.empty()) c.stem = c.lemma;  // a row with every piece tagged still has a stem
    return c;
  }

  // --- nominal forms -----------------------------------------------------
  void nominal() {
    nominal_at(0);
    // A preposition written joined to its noun (لەژێر, بەبێ, بۆماڵەوە).
    for (std::string_view p : kProclitics) {
      if (form_.size() > p.size() + 2 && starts_with(form_, p)) nominal_at(p.size());
      // ...and contracted with a word in ئە, which loses its ئ while the two ە
      // merge: لەو (لە + ئەو), بەم (بە + ئەم), لەوەی (لە + ئەوە + ی)
      if (ends_with(p, "\u06D5") && form_.size() >= p.size() + 2 && starts_with(form_, p))
        elided_hamza_at(p.size() - 2);
    }
  }

  void elided_hamza_at(std::size_t b) {
    static constexpr std::string_view kHamza = "\u0626";
    // The words ئ + form_[b, j) grow from b; past the first one no key
    // starts with, none is a key (see nominal_at).
    KeyBuffer& key = hamza_key_;
    key.assign(kHamza);
    key += form_.substr(b);
    std::array<std::uint64_t, 256> h;
    const std::size_t n = std::min(key.size(), h.size() - 1);
    std::size_t end = form_.size();
    h[0] = morph::kHashSeed;
    for (std::size_t x = 0; x < n; ++x) {
      h[x + 1] = morph::hash_byte(h[x], std::string_view(key)[x]);
      if (x + 1 > kHamza.size() && char_boundary(key, x + 1) && !may_start_key(h[x + 1])) {
        end = b + (x - kHamza.size());
        break;
      }
    }
    for (std::size_t j = end; j > b; --j) {
      if (!char_boundary(form_, j)) continue;
      const std::size_t length = kHamza.size() + (j - b);
      const std::uint64_t hk =
          length <= n ? h[length] : morph::hash_more(morph::kHashSeed, std::string_view(key).substr(0, length));
      each(std::string_view(key).substr(0, length), hk, [&](const morph::Entry& e) {
        for (const Record& r : e.records)
          if (r.kind == Kind::lemma && (r.upos == Upos::PRON || r.upos == Upos::DET || r.upos == Upos::ADV))
            nominal_from(e.key, b, j, r, /*elided_e=*/false, /*any_upos=*/true);
      });
    }
  }

  // The hashes of form_[b, j) for every j into h, computed in one pass,
  // which stops where no key of the lexicon starts with form_[b, j): no stem
  // ends at or after that j, and neither does one with an ە or ا added
  // (nominal_at). Returns that end (form_.size() when it never stops); h
  // holds the hashes up to n = min(form_.size() - b, 255) bytes.
  std::size_t prefix_hashes(std::size_t b, std::array<std::uint64_t, 256>& h) const {
    const std::size_t n = std::min(form_.size() - b, h.size() - 1);
    h[0] = morph::kHashSeed;
    for (std::size_t x = 0; x < n; ++x) {
      h[x + 1] = morph::hash_byte(h[x], form_[b + x]);
      if (!char_boundary(form_, b + x + 1)) continue;
      if (!may_start_key(h[x + 1])) return b + x;
      morph::prefetch_lookup(h[x + 1]);  // (looked up in nominal_at)
    }
    return form_.size();
  }

  // The prefix pass from the start of the word, first thing in run(): the
  // whole word is a key only where it never stops, so the irregular forms
  // are looked up only then, and nominal_at(0) reuses that lookup.
  void hash_prefixes() {
    end0_ = prefix_hashes(0, h0_);
    whole_ = morph::Entry{};
    if (end0_ == form_.size())
      whole_ = form_.size() < h0_.size() ? morph::lookup(form_, h0_[form_.size()]) : morph::lookup(form_);
  }
  const morph::Entry& whole_entry() const { return whole_; }

  // Nominal readings whose stem starts at b (after a proclitic when b > 0).
  void nominal_at(std::size_t b) {
    std::array<std::uint64_t, 256> h_local;
    std::array<std::uint64_t, 256>& h = b == 0 ? h0_ : h_local;
    const std::size_t n = std::min(form_.size() - b, h.size() - 1);
    const std::size_t end = b == 0 ? end0_ : prefix_hashes(b, h);  // the stems tried end at or before it
    if (b == 0) memo_end_ = std::min(end, kMemoBytes - 1);
    for (std::size_t j = end; j > b; --j) {
      if (!char_boundary(form_, j)) continue;
      const std::uint64_t hj = j - b <= n ? h[j - b] : morph::hash_more(morph::kHashSeed, slice(form_, b, j));
      const std::string_view stem = slice(form_, b, j);
      // One lookup of the stem serves the readings below, in the order each
      // of them would visit the compiled lexicon's entry and then the user's.
      // (The whole word's was looked up by hash_prefixes.)
      const morph::Entry entry = b == 0 && j == form_.size() ? whole_ : morph::lookup(stem, hj);
      if (b == 0 && j < kMemoBytes) prefix_entry_[j].set(entry);
      const morph::Entry user_entry = user_ ? user_->lookup(stem) : morph::Entry{};
      auto lemmas = [&](const morph::Entry& e) {
        for (const Record& r : e.records)
          if (r.kind == Kind::lemma) nominal_from(e.key, b, j, r, /*elided_e=*/false);
      };
      lemmas(entry);
      if (user_) lemmas(user_entry);
      // Relational adjectives in -ی: ئەوروپا -> ئەوروپی, فەرەنس... (derived
      // lexemes: the adjective is its own lemma). After a vowel the suffix is
      // یی, and it makes a relational adjective of a noun (دەریایی, ناوچەیی,
      // مێژوویی) but the abstract noun of an adjective (گەورەیی, ئامادەیی,
      // تەنیایی), as the lexicon's own words in -ەیی show; a single ی there is
      // the ezafe or the clitic (ناوچەی).
      if (starts_with(form_, j, "\u06CC")) {
        const bool after_vowel = ends_with(stem, "\u0627") || ends_with(stem, "\u06D5") ||
                                 ends_with(stem, "\u06C6") || ends_with(stem, "\u0648\u0648");
        auto derived = [&](const morph::Entry& e) {
          for (const Record& r : e.records)
            if (r.kind == Kind::lemma && (r.upos == Upos::NOUN || r.upos == Upos::PROPN)) derived_from(r, b, j, j + 2);
        };
        if (!after_vowel) {
          derived(entry);
          if (user_) derived(user_entry);
        }
        if (after_vowel && starts_with(form_, j, "\u06CC\u06CC")) {
          auto derived_yy = [&](const morph::Entry& e) {
            const Record* adjective = nullptr;
            for (const Record& r : e.records)
              if (r.kind == Kind::lemma && r.upos == Upos::ADJ) adjective = &r;
            if (adjective) return derived_from(*adjective, b, j, j + 4, Upos::NOUN, "DER.N");
            for (const Record& r : e.records)
              if (r.kind == Kind::lemma && (r.upos == Upos::NOUN || r.upos == Upos::PROPN)) derived_from(r, b, j, j + 4);
          };
          derived_yy(entry);
          if (user_) derived_yy(user_entry);
        }
        with_e_.assign(stem);
        with_e_ += "\u0627";
        each(with_e_, morph::hash_more(hj, "\u0627"), [&](const morph::Entry& e) {
          for (const Record& r : e.records)
            if (r.kind == Kind::lemma && (r.upos == Upos::NOUN || r.upos == Upos::PROPN) && !country_in_ya(stem, r))
              derived_from(r, b, j, j + 2);
        });
      }
      // ...and of a country's name in -یا, whose ی the adjective keeps: ڕووسیا ->
      // ڕووسی, ئەڵمانیا -> ئەڵمانی (read as ڕووس + ی, the lemma ڕووسی; so
      // ئۆکرانییەکان is ئۆکرانی + یەکان, not ئۆکرانیی + ەکان, above).
      if (j >= b + 6 && ends_with(stem, "\u06CC")) {
        with_e_.assign(stem);
        with_e_ += "\u0627";
        each(with_e_, morph::hash_more(hj, "\u0627"), [&](const morph::Entry& e) {
          for (const Record& r : e.records)
            if (country_in_ya(stem, r)) derived_from(r, b, j - 2, j);
        });
      }
      // ە-final stems lose the ە before the plural ان (وشە -> وشان, وشانە)
      if (starts_with(form_, j, "ان")) {
        with_e_.assign(stem);
        with_e_ += "ە";
        each(with_e_, morph::hash_more(hj, "ە"), [&](const morph::Entry& e2) {
          for (const Record& r : e2.records)
            if (r.kind == Kind::lemma) nominal_from(e2.key, b, j, r, /*elided_e=*/true);
        });
      }
    }
  }

  void nominal_from(std::string_view stem, std::size_t b, std::size_t j, const Record& r, bool elided_e,
                    bool any_upos = false) {
    // A joined preposition stands before a noun, a name, an adjective, a
    // numeral, an adverb, an adposition or a pronoun (لەهەولێر, بەدوو,
    // لەمن, بۆخۆی; ئەم and ئەو also contract: elided_hamza_at).
    if (b > 0 && !any_upos && r.upos != Upos::NOUN && r.upos != Upos::PROPN && r.upos != Upos::ADJ &&
        r.upos != Upos::NUM && r.upos != Upos::ADV && r.upos != Upos::ADP && r.upos != Upos::PRON)
      return;
    // Half the lexicon's names are rare place and family names that Wikipedia
    // never writes (freq 0, e.g. مبێکی); after a preposition such a name would
    // cut common words (بۆمبێکی), so only names the corpus attests are read there.
    if (b > 0 && !any_upos && r.upos == Upos::PROPN && r.freq == 0) return;
    cur_.reset();
    cur_.lemma = cur_.stem = stem;
    cur_.upos = r.upos;
    cur_.cost = -freq_credit(r.freq) + (b > 0 ? kProcliticCost : 0.0f);
    if (b > 0) push({0, static_cast<std::uint16_t>(b), "PREP", "", false});
    push({static_cast<std::uint16_t>(b), static_cast<std::uint16_t>(j), "stem", "", false});
    stem_piece_ = cur_.count;
    require_a_ = elided_e;
    suffixes(j, State::n_stem, /*nominal=*/true);
  }

  // A derived word: the noun form_[b, j) (for a relational adjective, or the
  // noun in ا it was cut from) and the derivational suffix up to d (ی / یی,
  // or one of kDerivations); the lemma is the derived word as written, a
  // view into the word (see Candidate::in_form).
  void derived_from(const Record& r, std::size_t b, std::size_t j, std::size_t d, Upos result = Upos::ADJ,
                    std::string_view tag = "DER.ADJ") {
    if (d >= 0xffff) return;
    cur_.reset();
    cur_.lemma = cur_.stem = slice(form_, b, d);
    cur_.in_form = true;
    cur_.upos = result;
    // From a name it pays what the name's other readings pay (kNameCost), so a
    // name + ezafe (سوید + ی) stays the cheaper reading of سویدی.
    cur_.cost = -freq_credit(r.freq) + kDerivationCost + (b > 0 ? kProcliticCost : 0.0f) +
                (r.upos == Upos::PROPN ? kNameCost : 0.0f);
    if (b > 0) push({0, static_cast<std::uint16_t>(b), "PREP", "", false});
    push({static_cast<std::uint16_t>(b), static_cast<std::uint16_t>(j), "stem", "", false});
    push({static_cast<std::uint16_t>(j), static_cast<std::uint16_t>(d), tag, "", false});
    stem_piece_ = cur_.count;
    require_a_ = false;
    suffixes(d, State::n_stem, /*nominal=*/true);
  }

  // A noun or adjective of the lexicon + a derivational suffix (kDerivations:
  // ئیمان + دار, تاوان + کار, پێغەمبەر + ایەتی, جۆر + ەها), at the start of
  // the word or after a joined preposition, then the nominal suffixes. Tried
  // only when nothing else explains the word, the spelling variants
  // included (گۆرانکاری is گۆڕانکاری, not گۆران + کاری).
  void suffix_derivations() {
    std::size_t starts[1 + std::size(kProclitics)] = {0};
    std::size_t n_starts = 1;
    for (std::string_view p : kProclitics)
      if (starts_with(form_, 0, p)) starts[n_starts++] = p.size();
    std::array<std::uint64_t, 256> h_local;
    for (std::size_t s = 0; s < n_starts; ++s) {
      const std::size_t b = starts[s];
      // (the base is a key: none ends past where no key starts, prefix_hashes)
      std::array<std::uint64_t, 256>& h = b == 0 ? h0_ : h_local;
      const std::size_t end = b == 0 ? end0_ : prefix_hashes(b, h);
      const std::size_t n = std::min(form_.size() - b, h.size() - 1);
      for (std::size_t j = b + kMinDerivationBaseBytes; j <= end && j + 4 <= form_.size(); ++j) {
        if (!char_boundary(form_, j) || !may_start_derivation(form_[j], form_[j + 1])) continue;
        const std::string_view stem = slice(form_, b, j);
        const std::uint64_t hj = j - b <= n ? h[j - b] : morph::hash_more(morph::kHashSeed, stem);
        for (const Derivation& dv : kDerivations) {
          // (the suffix's first letter, second byte first: most letters share the first)
          if (dv.suffix[1] != form_[j + 1] || dv.suffix[0] != form_[j]) continue;
          if (dv.stem_compound &&
              (b > 0 || stem.size() < kMinStemCompoundBaseBytes ||
               (!dv.infinitive.empty() && starts_with(form_, j, dv.infinitive))))
            continue;
          if (!starts_with(form_, j, dv.suffix) || !after_ok(stem, dv.after)) continue;
          const Record* base = nullptr;  // (one reading per suffix: the base's most frequent record)
          auto by_suffix = [&](const morph::Entry& e) {
            for (const Record& r : e.records)
              if (r.kind == Kind::lemma && derives(dv, r.upos) && (base == nullptr || r.freq > base->freq)) base = &r;
          };
          by_suffix(morph::lookup(stem, hj));
          if (user_) by_suffix(user_->lookup(stem));
          const std::size_t d = j + dv.suffix.size();
          // کار after the nominal part of a compound with کردن: داگیرکردن ->
          // داگیرکار, داگیرکاری (the verb's frequency ranks it)
          Record verb_part{};
          if (!base && begins(dv.suffix, "کار")) {
            if (const auto freq = kirdin_compound_freq(stem)) {
              verb_part = {*freq, -1, Kind::lemma, Upos::NOUN, 0};
              base = &verb_part;
            }
          }
          if (!base) continue;
          // (the abstract noun is not read where the lexicon lists the agent
          // noun: کارمەندی is کارمەند + ی)
          if (!listed_derivation(b, d, /*abstract_i=*/false, dv.stem_compound))
            derived_from(*base, b, j, d, dv.result, dv.tag);
          if (dv.abstract_noun && starts_with(form_, d, "\u06CC") &&
              !listed_derivation(b, d + 2, /*abstract_i=*/true, dv.stem_compound))
            derived_from(*base, b, j, d + 2, Upos::NOUN, "DER.N");
        }
      }
    }
  }

  // The frequency of the compound verb with کردن whose nominal part is
  // `part` (داگیر of داگیرکردن), found through its past stem, a key with that
  // many bytes of preverb; none when the lexicon lists no such verb.
  std::optional<std::uint32_t> kirdin_compound_freq(std::string_view part) {
    alt_.assign(part);
    alt_ += "کرد";
    std::optional<std::uint32_t> freq;
    each(alt_, [&](const morph::Entry& e) {
      for (const Record& r : e.records)
        if (r.kind == Kind::past && r.preverb_bytes == part.size() && !freq)
          freq = r.verb & morph::kUserVerbBit ? 0 : morph::verb(morph::verb(r.verb).lemma_verb).freq;
    });
    return freq;
  }

  // Whether the lexicon lists the derived word form_[b, d) as a lemma, or,
  // for a suffix in ی (abstract_i: the abstract nouns), that word without
  // its ی, the agent or possessor noun: then the lexicon's own reading
  // explains the word (ناودار + ی, کارمەند + ی), not the frequent base's
  // (ناو + داری, کار + مەندی). For a compound with a present stem
  // (headwords_too), a dictionary headword counts as listed as well: such
  // compounds are often lexicalized (دەستڕێژ "volley" + ی, not دەست +
  // ڕێژی), and the headword reading (rule 10) comes later.
  bool listed_derivation(std::size_t b, std::size_t d, bool abstract_i, bool headwords_too) const {
    auto listed = [&](std::string_view word) {
      auto lemma_in = [&](const morph::Entry& e) {
        for (const Record& r : e.records)
          if (r.kind == Kind::lemma || (headwords_too && r.kind == Kind::headword)) return true;
        return false;
      };
      return lemma_in(morph::lookup(word)) || (user_ && lemma_in(user_->lookup(word)));
    };
    return listed(slice(form_, b, d)) || (abstract_i && listed(slice(form_, b, d - 2)));
  }

  // Whether r, the lexicon's record of stem + ا, is a country's name in -یا
  // (ڕووسیا for the stem ڕووسی). Only a name the Wikipedia counts attest
  // often: the lexicon's rare names in -یا (ڕۆیا, فریا, سورەیا) took ڕۆیی,
  // فری, سورەیە from their verbs and nouns.
  static bool country_in_ya(std::string_view stem, const Record& r) {
    return r.kind == Kind::lemma && r.upos == Upos::PROPN && r.freq >= kCountryNameMinFreq && stem.size() >= 6 &&
           ends_with(stem, "\u06CC");
  }

  // --- verb forms --------------------------------------------------------
  void verbal() {
    // Where a preverb (or the nominal part of a compound verb) may end.
    auto& splits = splits_;
    std::size_t& n_splits = n_splits_;
    n_splits = 0;
    splits[n_splits++] = 0;
    std::uint64_t hi = form_.empty() ? morph::kHashSeed : morph::hash_byte(morph::kHashSeed, form_[0]);
    for (std::size_t i = 1; i < form_.size() && n_splits < splits.size(); hi = morph::hash_byte(hi, form_[i]), ++i) {
      if (!char_boundary(form_, i)) continue;
      if (!may_start_verb_key(hi)) break;  // (a preverb begins its verbs' stem keys)
      bool preverb = false;
      auto find_preverb = [&](const morph::Entry& e) {
        for (const Record& r : e.records) preverb = preverb || r.kind == Kind::preverb;
      };
      if (i <= memo_end_) preverb = prefix_entry_[i].preverb;
      else find_preverb(morph::lookup(slice(form_, 0, i), hi));
      if (user_) find_preverb(user_->lookup(slice(form_, 0, i)));
      if (preverb) splits[n_splits++] = i;
    }
    for (std::size_t s = 0; s < n_splits; ++s) {
      const std::size_t i = splits[s];
      // What may stand between the preverb and a prefix (the same for every
      // prefix): -یش/-ش, a clitic, or both, with the prefix from prefix_from.
      std::array<Slot, 2 * kMaxClitics + 1> before_prefix;
      std::array<std::size_t, before_prefix.size()> prefix_from;
      std::size_t n_before = 0;
      // (clitics start with م ت ی, -یش/-ش with ی ش: other letters are skipped at once)
      if (i > 0 && may_start_slot(i)) {
        const std::size_t add = additive_at(i);
        if (add > 0) before_prefix[n_before] = {nullptr, i, add}, prefix_from[n_before++] = i + add;
        for (const auto& c : morph::clitics())
          for (const std::size_t a : {std::size_t{0}, add}) {
            if (n_before < before_prefix.size() && starts_with(form_, i + a, c.surface))
              before_prefix[n_before] = {&c, i, a}, prefix_from[n_before++] = i + a + c.surface.size();
            if (add == 0) break;
          }
      }
      for (const auto& p : morph::verb_prefixes()) {
        // [preverb][prefix] stem and [preverb][prefix][slot] stem, where the
        // slot is a pronominal clitic, -یش/-ش, or -یش/-ش and a clitic
        const std::size_t after_prefix = i + p.surface.size();
        const bool prefix_here = starts_with(form_, i, p.surface);
        if (prefix_here) verb_at(i, p, i, after_prefix, {});
        // (a clitic needs something before it)
        if (prefix_here && (i > 0 || !p.surface.empty()) && may_start_slot(after_prefix)) {
          const std::size_t add = additive_at(after_prefix);
          if (add > 0) verb_at(i, p, i, after_prefix + add, {nullptr, after_prefix, add});
          for (const auto& c : morph::clitics())
            for (const std::size_t a : {std::size_t{0}, add}) {
              if (starts_with(form_, after_prefix + a, c.surface))
                verb_at(i, p, i, after_prefix + a + c.surface.size(), {&c, after_prefix, a});
              if (add == 0) break;
            }
        }
        // [preverb][slot][prefix] stem: هەڵیاندەگرت, هەڵیشیدەگرت
        if (p.surface.empty()) continue;
        for (std::size_t n = 0; n < n_before; ++n)
          if (starts_with(form_, prefix_from[n], p.surface))
            verb_at(i, p, prefix_from[n], prefix_from[n] + p.surface.size(), before_prefix[n]);
      }
    }
  }

  // Whether form_ has م, ت, ی or ش at pos (a clitic or -یش/-ش may start there).
  bool may_start_slot(std::size_t pos) const {
    return starts_with(form_, pos, "\u0645") || starts_with(form_, pos, "\u062A") ||
           starts_with(form_, pos, "\u06CC") || starts_with(form_, pos, "\u0634");
  }

  // The length of -یش (after a consonant) or -ش (after a vowel) at pos, or 0.
  std::size_t additive_at(std::size_t pos) const {
    if (pos == 0) return 0;
    const std::string_view before = slice(form_, 0, pos);
    if (starts_with(form_, pos, "یش") && after_ok(before, After::consonant)) return 4;
    if (starts_with(form_, pos, "ش") && after_ok(before, After::vowel)) return 2;
    return 0;
  }

  // The preverb is form_[0, i), the prefix starts at prefix_at, the slot's
  // morphemes (if any) at slot.at, the stem at k.
  void verb_at(std::size_t i, const morph::Prefix& p, std::size_t prefix_at, std::size_t k, const Slot& slot) {
    if (k >= form_.size()) return;
    // A preverb with nothing after it but the stem: verb_records takes no
    // record then (the stem key holds its preverb, and that reading is the
    // one found from i = 0), so the whole walk would find nothing.
    if (k == i && i > 0) return;
    const bool infix = k > i;  // something stands between preverb and stem
    key_.assign(slice(form_, 0, i));
    std::uint64_t h = morph::hash_more(morph::kHashSeed, slice(form_, 0, i));
    // No compiled stem is longer than this; a user lexicon's may be.
    const std::size_t max_key = user_ ? form_.size() + i : morph::max_verb_stem_bytes();
    // Bytes of the shortest key_ no lexicon key starts with (once found):
    // key_ itself, and anything longer, is then no key. The alternant stems
    // below replace at most the last 4 bytes of key_, so the loop goes on
    // until key_ is 4 bytes past that point.
    std::size_t dead_end = std::string::npos;
    for (std::size_t j = k + 1; j <= form_.size() && i + (j - k) <= max_key; ++j) {
      h = morph::hash_byte(h, form_[j - 1]);
      key_ += form_[j - 1];
      if (!char_boundary(form_, j)) continue;
      if (dead_end == std::string::npos && !may_start_verb_key(h)) dead_end = key_.size();
      if (dead_end != std::string::npos && key_.size() >= dead_end + 4) break;
      if (dead_end == std::string::npos) {
        if (k == i && j <= memo_end_) {  // key_ is form_[0, j), looked up already
          // (most of these texts are no key, and most keys among them no verb stem: no call for them)
          if (prefix_entry_[j].verb_stem)
            verb_records(prefix_entry_[j].get(), i, p, prefix_at, k, j, slot, infix, Alternant::none);
          if (user_) verb_records(user_->lookup(key_), i, p, prefix_at, k, j, slot, infix, Alternant::none);
        } else {
          verb_stem(key_, h, i, p, prefix_at, k, j, slot, infix, Alternant::none);
        }
      }
      // Present stems in ە / ۆ show ا / وا before the 3sg ت: دەکات (کە),
      // دەخوات (خۆ). The ت is often not written at the end of the word:
      // دەکا, دەخوا, بکا (Alternant::present_bare).
      // (Only after a prefix, and not the prohibitive مە: without either,
      // the word is a noun in ا as often as not: وێنەدا, داشکا.)
      const bool before_t = j < form_.size() && starts_with(form_, j, "ت");
      const bool bare = j == form_.size() && !p.surface.empty() && !is(p.tag, "NEG.IMP");
      if (before_t || bare) {
        const Alternant alternant = before_t ? Alternant::present : Alternant::present_bare;
        const std::string_view base(key_);
        if (base.size() >= i + 4 && ends_with(base, "وا")) {
          alt_.assign(base.substr(0, base.size() - 4));
          alt_ += "ۆ";
          verb_stem(alt_, morph::hash_more(morph::kHashSeed, std::string_view(alt_)), i, p, prefix_at, k, j, slot, infix,
                    alternant);
        } else if (base.size() >= i + 2 && ends_with(base, "ا")) {
          alt_.assign(base.substr(0, base.size() - 2));
          alt_ += "ە";
          verb_stem(alt_, morph::hash_more(morph::kHashSeed, std::string_view(alt_)), i, p, prefix_at, k, j, slot, infix,
                    alternant);
        }
      }
      // Past stems in وو lose it in the contracted perfect, بۆتە, چۆتەوە (بوو,
      // چوو), and before a contracted -ەوە: بۆوە (بووەوە).
      if (j < form_.size() && (starts_with(form_, j, "ۆت") || starts_with(form_, j, "ۆوە")) && key_.size() > i) {
        alt_.assign(key_);
        alt_ += "وو";
        verb_stem(alt_, morph::hash_more(h, "وو"), i, p, prefix_at, k, j, slot, infix, Alternant::past);
      }
      // Past the dead end the loop only tries the alternants above, up to
      // the bytes left before its break, and each needs ت or ۆت right after
      // the stem, or the word's end: with none there, the rest of it would
      // do nothing.
      if (dead_end != std::string::npos && !alternant_ahead(j + 1, j + (dead_end + 4 - key_.size()))) break;
    }
  }

  // Whether a stem alternant of verb_at may end at a character boundary in
  // [from, to): one is tried only where ت or ۆت follows, or at the word's end.
  bool alternant_ahead(std::size_t from, std::size_t to) const {
    if (from <= form_.size() && form_.size() < to) return true;
    for (std::size_t x = from; x < to && x < form_.size(); ++x)
      if (char_boundary(form_, x) && (starts_with(form_, x, "ت") || starts_with(form_, x, "ۆ"))) return true;
    return false;
  }

  // A stem written otherwise than its lexicon key (verb_at): a present stem
  // in ە / ۆ before the 3sg ت (present) or at the word's end with that ت
  // unwritten (present_bare), a past stem in وو before the contracted perfect.
  enum class Alternant : std::uint8_t { none, present, present_bare, past };

  void verb_stem(std::string_view key, std::uint64_t hash, std::size_t i, const morph::Prefix& p,
                 std::size_t prefix_at, std::size_t k, std::size_t j, const Slot& slot, bool infix,
                 Alternant alternant) {
    each(key, hash, [&](const morph::Entry& e) { verb_records(e, i, p, prefix_at, k, j, slot, infix, alternant); });
  }

  void verb_records(const morph::Entry& e, std::size_t i, const morph::Prefix& p, std::size_t prefix_at,
                    std::size_t k, std::size_t j, const Slot& slot, bool infix, Alternant alternant) {
    for (const Record& r : e.records) {
      if (!morph::format::is_verb_stem(r.kind)) continue;
      if (infix ? r.preverb_bytes != i : i != 0) continue;
      if (i == 0 && k > 0 && r.preverb_bytes != 0) continue;  // a prefix before a preverb: دەهەڵگرت
      const bool present = r.kind == Kind::present || r.kind == Kind::passive_present;
      if ((alternant == Alternant::present || alternant == Alternant::present_bare) && !present) continue;
      if (alternant == Alternant::past && present) continue;
      if (present && p.past_only) continue;
      if (present && !p.surface.empty() && prefixless_present(r)) continue;
      // ب stands before a past stem only in the past conditional (بخواردایە),
      // which emit() checks.
      if (!present && p.present_only && !is(p.tag, "SBJV")) continue;
      // (a bare present stem at the start of the word, before ەر / ر)
      if (r.kind == Kind::present && k == 0 && alternant == Alternant::none) agent_noun(r, j);
      // Present verbs carry a prefix (دە ئە ب نا مە نە) or stand after a preverb (هەبێت).
      // (In a compound the lexicon does not list, its nominal part stands
      // before the light verb as a preverb would, and بوون's imperative
      // takes no prefix there: دڵنیابە. Its subjunctive, دڵنیابن, is بن
      // with or without the nominal part.)
      if (present && p.surface.empty() && r.preverb_bytes == 0 &&
          !(verbs_only_ && j + 2 == form_.size() && form_.substr(j) == "ە" && lemma_is(r, "بوون")))
        continue;
      cur_.reset();
      cur_.stem = e.key;
      cur_.upos = Upos::VERB;
      cur_.verb = r.verb;
      cur_.kind = r.kind;
      if (r.verb & morph::kUserVerbBit) {
        const auto& v = user_->verbs[static_cast<std::size_t>(r.verb & ~morph::kUserVerbBit)];
        cur_.lemma = v.infinitive;
        cur_.transitive = v.transitive == 1;
        cur_.intransitive = v.transitive == 0;
        cur_.cost = -freq_credit(1000);  // like a user's word (user_lexicon.cpp)
      } else {
        const morph::Verb& v = morph::verb(r.verb);
        cur_.lemma = morph::infinitive(morph::verb(v.lemma_verb));
        cur_.transitive = v.transitive == 1;
        cur_.intransitive = v.transitive == 0;
        cur_.causative = v.causative != 0;
        cur_.cost = -freq_credit(v.freq);
      }
      auto at = [](std::size_t x) { return static_cast<std::uint16_t>(x); };
      if (i > 0) push({0, at(i), "preverb", "", false});
      // prefix and slot in the order they stand
      auto push_slot = [&](std::size_t end) {
        if (slot.add > 0) push({at(slot.at), at(slot.at + slot.add), "ADD", "LGSPEC5", false});
        if (slot.clitic) push({at(slot.at + slot.add), at(end), slot.clitic->tag, "", false});
      };
      const bool in_slot = slot.clitic || slot.add > 0;
      if (in_slot && slot.at < prefix_at) push_slot(prefix_at);
      if (!p.surface.empty()) push({at(prefix_at), at(prefix_at + p.surface.size()), p.tag, p.features, false});
      if (in_slot && (slot.at > prefix_at || (slot.at == prefix_at && p.surface.empty()))) push_slot(k);
      push({at(k), at(j), "stem", "", false});
      stem_piece_ = cur_.count;
      require_a_ = false;
      if (alternant == Alternant::present_bare) {
        // (j is the word's end: nothing may follow the unwritten ending)
        cur_.unwritten_3s = true;
        suffixes(j, State::v_person, /*nominal=*/false);
        continue;
      }
      suffixes(j, present ? State::v_present : State::v_past, /*nominal=*/false);
    }
  }

  // The present of هەبوون takes no prefix: هە- and نی- hold its mood and
  // polarity (هەیە, نییە; the subjunctive هەبێت has a stem of its own). As
  // a prefixed present, its stem only misread other verbs (دەهات, هاتن: "was
  // coming", read as دە + ها + ت).
  static bool prefixless_present(const Record& r) { return lemma_is(r, "هەبوون"); }

  // Whether r is a stem of the compiled lexicon's verb whose lemma is `infinitive`.
  static bool lemma_is(const Record& r, std::string_view infinitive) {
    if (r.verb & morph::kUserVerbBit) return false;
    return morph::infinitive(morph::verb(morph::verb(r.verb).lemma_verb)) == infinitive;
  }

  // An agent noun: an active present stem (with its preverb or nominal part)
  // + ەر, or ر after a vowel: ڕاهێنەر, توێژەر, دەنگدەر, بەکاربەر. A derived
  // lexeme, its own lemma (a view into the word, like a relational
  // adjective), that takes the nominal suffixes (ڕاهێنەری, خوێنەران).
  // After a vowel only a compound's stem takes ر (دەنگدە, بارکە): a bare
  // stem in a vowel + ر is too often a word of its own (سو + ر is سوور
  // written with one و, خە + ر the start of خەریک). The stem has two
  // letters at least.
  void agent_noun(const Record& r, std::size_t j) {
    const std::string_view before = slice(form_, 0, j);
    if (before.size() < 4) return;
    std::size_t d = 0;
    if (starts_with(form_, j, "ەر") && after_ok(before, After::consonant)) d = j + 4;
    else if (starts_with(form_, j, "ر") && r.preverb_bytes > 0 && after_ok(before, After::vowel)) d = j + 2;
    if (d == 0 || d >= 0xffff) return;
    const std::uint32_t freq =
        r.verb & morph::kUserVerbBit ? 1000 : morph::verb(morph::verb(r.verb).lemma_verb).freq;
    // The agent noun of a verb with -ەوە keeps it, before the nominal
    // suffixes, as one lexeme: لێکۆڵەرەوە "researcher", بڵاوکەرەوەی,
    // جیاکەرەوەکان. (Without them the word is also the agent noun + the
    // postposition -ەوە, لێکۆڵەر + ەوە "from the researcher", read first.)
    const std::size_t with_ewe = starts_with(form_, d, "ەوە") ? d + 6 : 0;
    for (const std::size_t end : {d, with_ewe}) {
      if (end == 0 || end >= 0xffff) continue;
      cur_.reset();
      cur_.lemma = cur_.stem = slice(form_, 0, end);
      cur_.in_form = true;
      cur_.upos = Upos::NOUN;
      cur_.cost = -freq_credit(freq) + kDerivationCost;
      push({0, static_cast<std::uint16_t>(j), "stem", "", false});
      push({static_cast<std::uint16_t>(j), static_cast<std::uint16_t>(d), "DER.AG", "", false});
      if (end != d) push({static_cast<std::uint16_t>(d), static_cast<std::uint16_t>(end), "V.EWE", "", false});
      stem_piece_ = cur_.count;
      require_a_ = false;
      suffixes(end, State::n_stem, /*nominal=*/true);
    }
  }

  // --- the suffix chain ----------------------------------------------------
  void push(const Piece& piece) { cur_.pieces[cur_.count++] = piece; }

  // (Inlined into walk() and the stems' callers: one call per suffix of a
  // chain instead of two.)
  [[gnu::always_inline]] void suffixes(std::size_t pos, State state, bool nominal) {
    if (pos == form_.size()) {
      if (morph::accepting(state)) emit();
      return;
    }
    if (cur_.count >= kMaxPieces) return;
    walk(pos, state, nominal);
    // Infinitives and participles take the nominal suffixes (کردنەکە, کراوەکان).
    // (From n_degree: they take no degree or ordinal suffix.)
    if (!nominal && (state == State::v_infinitive || state == State::v_infinitive_ewe || state == State::v_perfect))
      walk(pos, State::n_degree, true);
  }

  void walk(std::size_t pos, State from, bool nominal) {
    // Only the arcs whose surface starts with the letter at pos can match;
    // they are visited in table order, as a loop over all of them would.
    std::uint64_t match = morph::arcs_at(from, slice(form_, pos));
    if (guessing_ && match != 0) match &= guess_arcs(from, pos);
    if (match == 0) return;
    // After a participle, the nominal copula, demonstrative and clitics would
    // only repeat the verbal perfect (کردووە, کردوویانە), which is read instead.
    const bool after_participle = nominal && cur_.verb >= 0 && is(cur_.pieces[cur_.count - 1].tag(), "PRF");
    const std::span<const Arc> arcs = morph::arcs_from(from);
    const unsigned after = after_mask(slice(form_, 0, pos));  // (the same for every arc)
    for (; match != 0; match &= match - 1) {
      const Arc& a = arcs[static_cast<std::size_t>(std::countr_zero(match))];
      if (require_a_ && cur_.count == stem_piece_ && !begins(a.surface, "ا")) continue;
      if (after_participle && (begins(a.tag, "COP.") || begins(a.tag, "CL.") || is(a.tag, "DEM") ||
                               is(a.tag, "PL.DEM") || is(a.tag, "PL") || is(a.tag, "INDF.PL"))) {
        // The plural ان of a participle used as a noun (کوژراوان "the
        // killed", شوێنکەوتووان "followers") is read only when nothing else
        // explains the word (participle_noun): as an arc it made دیوان
        // دی + و + ان and ناوانە نا + و + انە. (Its یان is the perfect's
        // agent clitic: کردوویان.)
        if (is(a.tag, "PL") && a.surface == "\u0627\u0646" && starts_with(form_, pos, a.surface)) {
          if (!participle_noun_) {
            skipped_participle_noun_ = true;
            continue;
          }
        } else if (is(a.tag, "DEM") && pos + a.surface.size() < form_.size() &&
                   starts_with(form_, pos, a.surface)) {
          // So is the ە of a participle made a noun, before more suffixes
          // (نووسراوەیەکی "a writing", کورتکراوەی "the abbreviation of"):
          // bare, نووسراوە is the perfect. UniMorph gives it the
          // demonstrative's LGSPEC6 (کۆکراوەیی: V.PTCP;LGSPEC6;PSS3S), but it
          // takes what a demonstrative frame does not: the indefinite.
          if (!participle_noun_) {
            skipped_participle_noun_ = true;
          } else {
            push({static_cast<std::uint16_t>(pos), static_cast<std::uint16_t>(pos + a.surface.size()), "NMLZ",
                  "LGSPEC6", true});
            suffixes(pos + a.surface.size(), State::n_degree, nominal);
            --cur_.count;
          }
          continue;
        } else {
          continue;
        }
      }
      if (!((after >> static_cast<unsigned>(a.after)) & 1)) continue;
      if (!starts_with(form_, pos, a.surface)) continue;
      push({static_cast<std::uint16_t>(pos), static_cast<std::uint16_t>(pos + a.surface.size()), a.tag, a.features,
            nominal && cur_.verb >= 0});
      suffixes(pos + a.surface.size(), a.to, nominal);
      --cur_.count;
    }
  }

  // The arcs from `from` at pos that a guessed reading may take (guess()
  // keeps only chains with a definiteness marker, or a stem and a final
  // ezafe): a marker or a degree suffix right after the stem, a marker
  // after the degree suffix, or an ezafe that ends the word. Marker arcs
  // leave only n_stem and n_degree, and no arc leads back to either, so a
  // chain that has passed them without a marker can only be dropped;
  // cutting it off early leaves the kept readings and their order as they
  // were. (Other states: every arc.)
  std::uint64_t guess_arcs(State from, std::size_t pos) const {
    struct Masks {
      std::uint64_t stem_keep = 0, stem_ezafe = 0, degree_keep = 0;
    };
    static const Masks masks = [] {
      Masks m;
      auto marker = [](std::string_view t) { return is(t, "DEF") || is(t, "DEF.PL") || is(t, "INDF"); };
      const auto stem = morph::arcs_from(State::n_stem);
      for (std::size_t n = 0; n < stem.size(); ++n) {
        if (marker(stem[n].tag) || stem[n].to == State::n_degree) m.stem_keep |= std::uint64_t{1} << n;
        if (is(stem[n].tag, "EZ")) m.stem_ezafe |= std::uint64_t{1} << n;
      }
      const auto degree = morph::arcs_from(State::n_degree);
      for (std::size_t n = 0; n < degree.size(); ++n)
        if (marker(degree[n].tag)) m.degree_keep |= std::uint64_t{1} << n;
      return m;
    }();
    if (from == State::n_degree) return masks.degree_keep;
    if (from != State::n_stem) return ~std::uint64_t{0};
    std::uint64_t keep = masks.stem_keep;
    const auto arcs = morph::arcs_from(State::n_stem);
    for (std::uint64_t ez = masks.stem_ezafe; ez != 0; ez &= ez - 1) {
      const std::size_t n = static_cast<std::size_t>(std::countr_zero(ez));
      if (pos + arcs[n].surface.size() == form_.size()) keep |= std::uint64_t{1} << n;
    }
    return keep;
  }

  void emit() {
    const Candidate& c = cur_;
    if (c.verb >= 0 && (c.kind == Kind::past || c.kind == Kind::passive_past)) {
      // A past stem takes ب only in the past conditional, and the
      // infinitive takes no aspect or mood prefix, only نە (نەکردن; دەکردن
      // is no word).
      bool sbjv = false, cond = false, aspect = false, infinitive = false;
      for (std::size_t n = 0; n < c.count; ++n) {
        const std::string_view t = c.pieces[n].tag();
        sbjv = sbjv || is(t, "SBJV");
        cond = cond || is(t, "COND");
        aspect = aspect || is(t, "IPFV") || is(t, "NEG.IPFV") || is(t, "NEG.IMP");
        infinitive = infinitive || is(t, "INF");
      }
      if (sbjv && !cond) return;
      if (infinitive && (aspect || sbjv)) return;
    }
    // The prohibitive مە speaks to the second person: none or ـە for one
    // (مەکە, مەنووسە), ن for several (مەکەن), and in speech ی or ێ for one
    // (مەڕوانی, مەیگۆڕێ); a first person ending is no prohibitive.
    bool colloquial_prohibitive = false;
    if (c.verb >= 0) {
      bool prohibitive = false;
      for (std::size_t n = 0; n < c.count; ++n) {
        const std::string_view t = c.pieces[n].tag();
        prohibitive = prohibitive || is(t, "NEG.IMP");
        if (!prohibitive || !begins(t, "PRS.")) continue;
        if (is(t, "PRS.1S") || is(t, "PRS.1P")) return;
        colloquial_prohibitive = colloquial_prohibitive || is(t, "PRS.2S") || is(t, "PRS.3S");
      }
    }
    // -یش/-ش after the past stem comes before a mobile agent clitic: only a
    // transitive verb has one (وتیشی; the ending of ماین is no clitic: ماشین is no ما + ش + ین).
    if (c.verb >= 0 && !c.transitive && stem_piece_ < c.count && is(c.pieces[stem_piece_].tag(), "ADD")) return;
    // A clitic after the preverb is the agent of an active past, the object
    // of an active present or, with an intransitive compound, the possessor
    // of its nominal part (بیرم هات "I remembered"): a passive, a verbal noun
    // or a participle has none of them (دیاریکراو is no دیار + ی + کراو),
    // unless the preverb is an adposition whose own object it is (پێی درا
    // "was given to him").
    if (c.verb >= 0 &&
        (c.kind == Kind::passive_past || c.kind == Kind::passive_present || participle(c) || has_infinitive(c)) &&
        clitic_after_preverb(c))
      return;
    // The perfect's person ending with the directional ە after it (هاتوومە
    // "I have come to") is an intransitive verb's: a transitive verb's م, ت,
    // مان ... there are its agent clitic before the perfect's ە (کردوومە).
    if (c.verb >= 0 && c.transitive && c.count >= 2 && is(c.pieces[c.count - 1].tag(), "DIR") &&
        begins(c.pieces[c.count - 2].tag(), "PRF.") && !is(c.pieces[c.count - 2].tag(), "PRF.3S"))
      return;
    // The ان that shares its ی with a past stem in ی is the agent clitic یان
    // (توانیان): a transitive verb's. An intransitive verb's third person
    // plural is ن (فڕین), and ماسیان is ماسی + ان, not ماسین.
    if (c.verb >= 0 && !c.transitive && stem_piece_ < c.count && is(c.pieces[stem_piece_].tag(), "PST.3P") &&
        slice(form_, c.pieces[stem_piece_].begin, c.pieces[stem_piece_].end) == "\u0627\u0646")
      return;
    // A conjunction, particle, interjection or adposition takes no number or
    // (in)definiteness marker: یانەکان is یانە + ەکان, not یان + ەکان; کوڕان
    // is کوڕ + ان, not the interjection کوڕە. Nor the demonstrative frame's
    // ە before the copula (لەیەمەن is لە + یەمەن, not لە + یەم + ە + ن).
    // What else each function word hosts:
    // - an adposition no ezafe: its ی is the clitic, its object (پێی "to
    //   him", لێی "from him"); and لە, بە nothing at all: before a clitic they
    //   are لێ, پێ, تێ, so لەشی is لەش + ی;
    // - a coordinating conjunction no ezafe, clitic or copula (وت is وتن's
    //   past, not و + ت); an interjection none of them either, nor the
    //   demonstrative ە (هۆی is هۆ "reason" + ezafe);
    // - a particle, a preverb written apart from its verb, the verb's clitic
    //   but no ezafe (ڕای گەیاند, هەڵی گرت).
    if (c.verb < 0 && takes_no_marker(c.upos)) {
      for (std::size_t n = 1; n < c.count; ++n) {
        const std::string_view t = c.pieces[n].tag();
        if (number_or_definiteness(t)) return;
        if (is(t, "DEM") && n + 1 < c.count && begins(c.pieces[n + 1].tag(), "COP.")) return;
        const bool hosted = is(t, "EZ") || begins(t, "CL.") || begins(t, "COP.");
        switch (c.upos) {
          case Upos::ADP:
            if (is(t, "EZ") || c.stem == "لە" || c.stem == "بە") return;
            break;
          case Upos::CCONJ:
            if (hosted) return;
            break;
          case Upos::INTJ:
            if (hosted || is(t, "DEM")) return;
            break;
          case Upos::PART:
            if (is(t, "EZ")) return;
            break;
          default:
            break;
        }
      }
    }
    // An adverb seldom takes one: where a noun reading explains the word
    // too (ڕەنگەکەی: ڕەنگ + ەکە + ی, not the adverb ڕەنگە), it wins.
    float adverb_marker = 0.0f;
    if (c.verb < 0 && c.upos == Upos::ADV) {
      for (std::size_t n = 1; n < c.count; ++n)
        if (number_or_definiteness(c.pieces[n].tag())) adverb_marker = kAdverbMarkerCost;
    }
    std::size_t affixes = 0;
    bool additive = false;        // -یش/-ش anywhere
    bool additive_after = false;  // the short -ش right after the stem
    for (std::size_t n = 0; n < c.count; ++n) {
      // (the postposition completes a bound preposition, the circumposition
      // لە ... دا written تێ...دا: تێیدا "in it" pays for its clitic alone)
      if (c.upos == Upos::ADP && c.verb < 0 && is_postposition(c.pieces[n].tag()) && bound_preposition(c.stem))
        continue;
      if (!is(c.pieces[n].tag(), "stem") && !is(c.pieces[n].tag(), "preverb")) ++affixes;
      if (is(c.pieces[n].tag(), "ADD")) {
        additive = true;
        additive_after = additive_after || (n > 0 && is(c.pieces[n - 1].tag(), "stem") &&
                                            c.pieces[n].end - c.pieces[n].begin == 2);
      }
      // ـانێک is two morphemes (ان + ێک) written as one arc: it costs two,
      // so that میوانێک stays میوان + ێک rather than میوە + انێک.
      if (is(c.pieces[n].tag(), "INDF.PL")) ++affixes;
      // The indefinite ەک after a stem in ی is a spelling with one ی for
      // two (گرنگیەک): it costs one more, so that ڕوویەک stays ڕوو + یەک
      // rather than a lexicon ڕووی + ەک.
      if (is(c.pieces[n].tag(), "INDF") && starts_with(form_, c.pieces[n].begin, "\u06D5")) ++affixes;
      // The perfect's و and its third-person ە are one ending (کراوە, گەڕاوە,
      // کردووە): it costs one affix, as the -ەوە it was read as before did.
      if (is(c.pieces[n].tag(), "PRF.3S") && n > 0 && is(c.pieces[n - 1].tag(), "PRF")) --affixes;
    }
    // (the same float operations, in the same order, as ever: costs are compared exactly)
    float cost = c.cost;
    // (an irregular verb form reaches here only with suffixes after it: irregular_then_suffixes)
    cost += (c.verb >= 0 || c.irregular ? kVerbAffixCost : kAffixCost) * static_cast<float>(affixes);
    if (c.verb < 0) {
      cost += adverb_marker;
      if (c.upos == Upos::X) cost += kUnknownPosCost;
      else if (affixes == 0) cost -= kWholeWordBonus;
      if (c.upos == Upos::PROPN) cost += kNameCost;
      // (not with a first or second person's copula, nor with a clitic and a
      // copula: ئەمین "trustworthy", ئەوین "love" are no "we are this, that",
      // دەوتن no دەو + ت + ن)
      if (c.upos == Upos::PRON && affixes > 0 && !additive_after && !speaker_or_hearer_copula(c))
        cost -= kPronounBaseBonus;
    } else {
      // (-یش/-ش alone does not make a verb form: بوش is no بو + ش)
      if (affixes == (additive ? 1u : 0u)) cost += kBareVerbCost;
      if (participle(c)) {
        if (!participle_listed_as_noun(c)) {
          cost -= kParticipleBonus;
        } else {
          // (its nominal suffixes cost what they cost the noun: ناوەکەی is ناو + ەکە + ی)
          unsigned nominal = 0;
          for (std::size_t n = 0; n < c.count; ++n) nominal += c.pieces[n].nominal ? 1u : 0u;
          cost += (kAffixCost - kVerbAffixCost) * static_cast<float>(nominal);
        }
      }
      // (the spoken prohibitive's ending earns no full verb's bonus, and
      // costs what a noun's does: مەبەستی is مەبەست + ی)
      if (full_present(c) && !colloquial_prohibitive) cost -= kFullVerbBonus;
      if (bare_present(c)) cost += kBarePresentCost;
      if (colloquial_prohibitive) cost += kAffixCost - kVerbAffixCost;
    }
    Candidate& kept = add_reading();
    kept = c;
    kept.cost = cost;
    // (the second person is rare in written text: its ی costs what a noun's does)
    if (second_person_yeh_after_intransitive_past(kept)) kept.cost += kAffixCost - kVerbAffixCost;
    kept.cost += spoken_second_person_cost(kept);
  }

  // A present stem with the spoken second person's ی (the written ending is
  // یت) costs what a noun's suffix does. Where the stem and the ی spell the
  // past stem of a verb with that present stem, it costs a whole affix more:
  // دەتوانی, دەزانی, دەبینی, نەیتوانی are "could", "knew", "saw", "could
  // not" (past, third person) far more often than "you can". (Not after ب,
  // نا or مە, which the past does not take: بنووسی, نابینی.)
  float spoken_second_person_cost(const Candidate& c) {
    if (c.verb < 0 || (c.kind != Kind::present && c.kind != Kind::passive_present)) return 0.0f;
    bool past_may_follow_prefix = true;
    for (std::size_t n = 0; n + 1 < c.count; ++n) {
      const Piece& stem = c.pieces[n];
      const std::string_view t = stem.tag();
      if (is(t, "SBJV") || is(t, "NEG.IMP") || (is(t, "NEG") && slice(form_, stem.begin, stem.end) == "نا"))
        past_may_follow_prefix = false;
      const Piece& ending = c.pieces[n + 1];
      if (!is(t, "stem") || !is(ending.tag(), "PRS.2S") || slice(form_, ending.begin, ending.end) != "ی")
        continue;
      if (!past_may_follow_prefix || c.kind != Kind::present) return kAffixCost - kVerbAffixCost;
      // (simple verbs' stems, keyed without a preverb: هەڵدەفڕی finds فڕین)
      bool same_verb = false;
      each(slice(form_, stem.begin, stem.end), [&](const morph::Entry& present) {
        for (const Record& p : present.records) {
          if (p.kind != Kind::present || p.preverb_bytes != 0) continue;
          each(slice(form_, stem.begin, ending.end), [&](const morph::Entry& past) {
            for (const Record& r : past.records)
              same_verb = same_verb || (r.kind == Kind::past && r.preverb_bytes == 0 && r.verb == p.verb);
          });
        }
      });
      return same_verb ? kAffixCost : kAffixCost - kVerbAffixCost;
    }
    return 0.0f;
  }

  // After the past stem of an intransitive or passive verb, ی is the second
  // person singular (هاتی "you came", کرای "you were made"): the third has
  // no ending (هات). The affix table's ی is the transitive past's agent
  // clitic (کردی "he did"), the reading every other verb keeps. Before -ەوە
  // or the directional ـە after a stem in a vowel, ی is the third person's
  // glide (گەڕایەوە "he came back", کرایە "it was made into") and stays.
  // Returns whether it changed one.
  bool second_person_yeh_after_intransitive_past(Candidate& c) const {
    const bool passive = c.kind == Kind::passive_past;
    if (c.verb < 0 || !(c.intransitive || passive) || (c.kind != Kind::past && !passive)) return false;
    bool changed = false;
    for (std::size_t n = 0; n < c.count; ++n) {
      Piece& p = c.pieces[n];
      if (!is(p.tag(), "PST.3S") || slice(form_, p.begin, p.end) != "\u06CC") continue;
      if (n + 1 < c.count && (is(c.pieces[n + 1].tag(), "V.EWE") || is(c.pieces[n + 1].tag(), "DIR")) &&
          after_ok(slice(form_, 0, p.begin), After::vowel))
        continue;
      p = {p.begin, p.end, "PST.2S", "2S", p.nominal};
      changed = true;
    }
    return changed;
  }

  // Whether a clitic follows the reading's preverb, and the preverb is not
  // one of the adpositions that take it as their object (پێ, لێ, تێ).
  bool clitic_after_preverb(const Candidate& c) const {
    for (std::size_t n = 0; n + 1 < c.count; ++n) {
      if (!is(c.pieces[n].tag(), "preverb") || !begins(c.pieces[n + 1].tag(), "CL.")) continue;
      const std::string_view pv = slice(form_, c.pieces[n].begin, c.pieces[n].end);
      return !(pv == "پێ" || pv == "لێ" || pv == "تێ");
    }
    return false;
  }
  static bool has_infinitive(const Candidate& c) {
    for (std::size_t n = 0; n < c.count; ++n)
      if (is(c.pieces[n].tag(), "INF")) return true;
    return false;
  }
  static bool speaker_or_hearer_copula(const Candidate& c) {
    for (std::size_t n = 0; n < c.count; ++n) {
      const std::string_view t = c.pieces[n].tag();
      if (is(t, "COP.1S") || is(t, "COP.2S") || is(t, "COP.1P")) return true;
      if (begins(t, "CL.") && n + 1 < c.count && begins(c.pieces[n + 1].tag(), "COP.")) return true;
    }
    return false;
  }
  static bool is_postposition(std::string_view t) { return is(t, "DA") || is(t, "EWE") || is(t, "RA"); }
  static bool bound_preposition(std::string_view stem) {
    for (std::string_view p : kBoundPrepositions)
      if (stem == p) return true;
    return false;
  }

  static bool takes_no_marker(Upos u) {
    return u == Upos::CCONJ || u == Upos::SCONJ || u == Upos::PART || u == Upos::INTJ || u == Upos::ADP;
  }

  // a present stem with a prefix before it and a person ending after it
  // (an irregular row's stem has its prefix merged in: دێ is دە + ێ, بێن is
  // ب + هێن; preverb_then_irregular)
  static bool full_present(const Candidate& c) {
    if (c.kind != Kind::present && c.kind != Kind::passive_present) return false;
    bool prefix = c.irregular != nullptr, ending = false, after_stem = false;
    for (std::size_t n = 0; n < c.count; ++n) {
      const std::string_view t = c.pieces[n].tag();
      if (is(t, "stem")) after_stem = true;
      else if (!after_stem && !is(t, "preverb") && !begins(t, "CL.")) prefix = true;
      else if (after_stem && (begins(t, "PRS.") || is(t, "IMP.2S"))) ending = true;
    }
    return prefix && ending;
  }

  static bool bare_present(const Candidate& c) {
    if ((c.kind != Kind::present && c.kind != Kind::passive_present) || c.irregular) return false;
    for (std::size_t n = 0; n < c.count; ++n) {
      const std::string_view t = c.pieces[n].tag();
      if (is(t, "stem")) return true;
      if (!is(t, "preverb") && !begins(t, "CL.")) return false;
    }
    return true;
  }

  // After the search: a whole-word reading whose word is also another
  // lexicon lemma + ی / ە / تر / ترین loses its bonus (kHomographCost).
  void demote_homographs() {
    auto homograph_affix = [](std::string_view t) {
      return is(t, "EZ") || is(t, "CL.3S") || is(t, "DEM") || is(t, "COP.3S") || is(t, "CMPR") || is(t, "SPRL");
    };
    bool decomposes = false, degree = false;
    for (const Candidate& c : out_) {
      if (c.verb >= 0 || c.irregular || c.count < 2 || c.upos == Upos::X || c.upos == Upos::PROPN ||
          !is(c.pieces[0].tag(), "stem"))
        continue;
      bool all = true, cmpr = false;
      for (std::size_t n = 1; n < c.count; ++n) {
        // (a number's plural too, alone after a number of three letters or
        // more: هەزاران "thousands of" is هەزار + ان; دەیان stays whole)
        all = all && (homograph_affix(c.pieces[n].tag()) ||
                      (c.upos == Upos::NUM && c.count == 2 && c.pieces[0].end >= 6 && is(c.pieces[n].tag(), "PL")));
        cmpr = cmpr || is(c.pieces[n].tag(), "CMPR") || is(c.pieces[n].tag(), "SPRL");
      }
      if (all) decomposes = true;
      if (all && cmpr && c.upos == Upos::ADJ) degree = true;
    }
    if (!decomposes) return;
    // (an adjective's lemma is its positive: a listed superlative, باشترین,
    // yields to باش + ترین however often the lists write it)
    for (Candidate& c : out_)
      if (c.verb < 0 && !c.irregular && c.count == 1 && c.upos != Upos::X)
        c.cost += kWholeWordBonus + kHomographCost + (degree ? kHomographCost : 0.0f);
  }

  // A lexicon adjective that is a verb's participle (ناسراو, یەکگرتوو,
  // کراو) is that participle by the lemma convention, whatever the lists'
  // frequency of the adjective: where the word has a participle reading,
  // its readings as that adjective pay kHomographCost.
  void participle_before_listed_adjective() {
    std::uint16_t participle_end = 0;
    for (const Candidate& p : out_) {
      if (p.verb < 0 || !participle(p) || participle_listed_as_noun(p)) continue;
      for (std::size_t n = 0; n < p.count; ++n)
        if (is(p.pieces[n].tag(), "PRF")) participle_end = p.pieces[n].end;
      break;
    }
    if (participle_end == 0) return;
    for (Candidate& a : out_)
      if (a.verb < 0 && a.upos == Upos::ADJ && is(a.pieces[0].tag(), "stem") && a.pieces[0].begin == 0 &&
          a.pieces[0].end == participle_end)
        a.cost += kHomographCost;
  }

  // past stem + وو/و, with nothing verbal after it
  static bool participle(const Candidate& c) {
    bool after_stem = false, perfect = false;
    for (std::size_t n = 0; n < c.count; ++n) {
      const Piece& p = c.pieces[n];
      if (is(p.tag(), "stem")) after_stem = true;
      else if (after_stem && !p.nominal) {
        if (!is(p.tag(), "PRF")) return false;
        perfect = true;
      }
    }
    return perfect;
  }

  // Whether the lexicon lists the participle of reading c (the word up to its
  // و/وو) as a noun and not as an adjective: a participle made a word of its
  // own, ناو "name" (of نان "put"), ڕووداو "event", دراو "money". That noun
  // is the word (ناوی is ناو + ی), so the participle gets no bonus over it.
  // A participle the lexicon lists as an adjective (کراو; also as a noun:
  // نێردراو, داپۆشراو) still gives way to the verb, as the lemma convention
  // says.
  bool participle_listed_as_noun(const Candidate& c) const {
    std::size_t end = 0;
    for (std::size_t n = 0; n < c.count; ++n)
      if (is(c.pieces[n].tag(), "PRF")) end = c.pieces[n].end;
    if (end == 0) return false;
    bool noun = false, adjective = false;
    auto look = [&](const morph::Entry& e) {
      for (const Record& r : e.records) {
        if (r.kind != Kind::lemma) continue;
        noun = noun || r.upos == Upos::NOUN;
        adjective = adjective || r.upos == Upos::ADJ;
      }
    };
    const std::string_view word = slice(form_, 0, end);
    look(morph::lookup(word));
    if (user_) look(user_->lookup(word));
    return noun && !adjective;
  }

  // A participle used as a noun takes the plural ان (کوژراوان,
  // دروستکراوانی, شوێنکەوتووان) or, before more suffixes, the ە of a noun
  // (نووسراوەیەکی): read when the walk met one and nothing else explains
  // the word, by searching the word again with them open. Before its stem
  // a participle has only a preverb and the negation نە (نەکراوان):
  // دەریاوان is no دە + ڕیا + و + ان.
  void participle_noun() {
    std::vector<Candidate> readings;
    Search inner(form_, user_, readings);
    inner.participle_noun_ = true;
    inner.allow_variants_ = inner.allow_compound_ = false;
    for (const Candidate& c : inner.run()) {
      bool bare = true;
      for (std::size_t n = 0; n < c.count && !is(c.pieces[n].tag(), "stem"); ++n)
        bare = bare && (is(c.pieces[n].tag(), "preverb") || is(c.pieces[n].tag(), "NEG"));
      if (bare) add_reading() = c;  // (the same form: its views stay valid)
    }
  }

  // A word nothing explains may spell a long û (وو) with one و, as much
  // web text does (نمونە for نموونە, باکوری for باکووری). Each single و is
  // tried doubled, and the readings of the first variant that has any are
  // kept, at a cost, with offsets mapped back to this form.
  void spelling_variants() {
    static constexpr std::string_view kWaw = "\u0648";
    if (initial_double_waw()) return;
    std::size_t tried = 0;
    for (std::size_t p = 0; p + 2 <= form_.size() && tried < kMaxVariants; p += 2) {
      if (!starts_with(form_, p, kWaw)) continue;
      if ((p >= 2 && starts_with(form_, p - 2, kWaw)) || starts_with(form_, p + 2, kWaw)) continue;
      KeyBuffer variant;
      variant.assign(form_.substr(0, p + 2));
      variant += kWaw;
      variant += form_.substr(p + 2);
      if (!may_read_doubled_waw(variant, p)) continue;
      ++tried;
      std::vector<Candidate> readings;  // (allocates only if the variant has any)
      Search inner(variant, user_, readings);
      inner.allow_variants_ = inner.allow_compound_ = false;
      auto& found = inner.run();
      if (found.empty()) continue;
      // Offsets after the inserted و move back by its two bytes; a boundary
      // between the two و falls after the original one.
      auto back = [&](std::uint16_t off) -> std::uint16_t {
        const std::size_t o = off;
        return static_cast<std::uint16_t>(o >= p + 4 ? o - 2 : o > p + 2 ? p + 2 : o);
      };
      for (Candidate c : found) {
        if (c.in_form) continue;  // its views point into `variant`, which dies here
        // The stem is the lexicon's spelling; the candidate holds views into
        // the lexicon, never into `variant`, so it outlives it.
        for (std::size_t n = 0; n < c.count; ++n) {
          c.pieces[n].begin = back(c.pieces[n].begin);
          c.pieces[n].end = back(c.pieces[n].end);
        }
        // A piece that was only the inserted و would now be empty: skip such a reading.
        bool empty = false;
        for (std::size_t n = 0; n < c.count; ++n) empty = empty || c.pieces[n].begin >= c.pieces[n].end;
        if (empty) continue;
        c.cost += kVariantCost;
        add_reading() = c;
      }
      if (!out_.empty()) return;
    }
    letter_variants();
  }

  // The other way round, a word-initial consonant و is often written وو
  // (ووڵات, ووشە, ووتار, ووزە for وڵات, وشە, وتار, وزە): a word nothing
  // explains that starts with exactly two و is searched with one, at a
  // variant's cost, its first piece taking both letters back. (A third و
  // would be the long û after the consonant: ووورد.)
  bool initial_double_waw() {
    static constexpr std::string_view kDoubleWaw = "\u0648\u0648";
    if (form_.size() < 8 || !starts_with(form_, kDoubleWaw) || starts_with(form_, 4, "\u0648")) return false;
    std::vector<Candidate> readings;  // (allocates only if the variant has any)
    Search inner(form_.substr(2), user_, readings);
    inner.allow_variants_ = inner.allow_compound_ = false;
    for (Candidate c : inner.run()) {
      // (a reading whose lemma is a view into the word, a derived or
      // guessed one, would begin after the first و: left out, as the other
      // variants leave theirs)
      if (c.in_form) continue;
      for (std::size_t n = 0; n < c.count; ++n) {
        if (c.pieces[n].begin > 0) c.pieces[n].begin = static_cast<std::uint16_t>(c.pieces[n].begin + 2);
        c.pieces[n].end = static_cast<std::uint16_t>(c.pieces[n].end + 2);
      }
      c.cost += kVariantCost;
      add_reading() = c;
    }
    return !out_.empty();
  }

  // Whether a stem may hold the letter at p of `text`: some key that a
  // stem can start (some_key_from_a_start) ends past the letter. (A test far
  // cheaper than a search, which most unknown words fail.)
  bool may_hold_stem_letter(std::string_view text, std::size_t p) {
    return some_key_from_a_start(
        text, p, /*same_as_form=*/p, [&](std::size_t e) { return e > p; },
        [](std::size_t, const morph::Entry&) { return true; });
  }

  // Whether the doubled و of a variant (text = ...و + the inserted و at
  // p + 2...) may be read: a stem holds one of the two, or it is the perfect
  // وو or the pluperfect بوو right after a past stem (کردوە, خواردبو).
  bool may_read_doubled_waw(std::string_view text, std::size_t p) {
    const bool beh_before = p >= 2 && starts_with(text, p - 2, "\u0628");
    return some_key_from_a_start(
        text, p, /*same_as_form=*/p + 2, [&](std::size_t e) { return e > p + 2 || e == p || (beh_before && e == p - 2); },
        [&](std::size_t e, const morph::Entry& entry) {
          if (e > p + 2) return true;
          for (const Record& r : entry.records)
            if (r.kind == Kind::past || r.kind == Kind::passive_past) return true;
          return false;
        });
  }

  // Whether a record of `entry` may be a stem (or preverb) that ends at e of
  // `text`: the word ends there and the stem alone is a form, or some suffix
  // of the stem's first state starts there. (A preverb is followed by a
  // clitic, prefix or stem, which the search itself sees to.)
  static bool may_end_stem_at(const morph::Entry& entry, std::string_view text, std::size_t e) {
    for (const Record& r : entry.records) {
      State state = State::n_stem;
      switch (r.kind) {
        case Kind::preverb: return true;
        case Kind::form:
          if (e == text.size()) return true;
          continue;
        case Kind::headword: continue;  // (read by headwords() alone)
        case Kind::lemma: state = State::n_stem; break;
        case Kind::past:
        case Kind::passive_past: state = State::v_past; break;
        case Kind::present:
        case Kind::passive_present: state = State::v_present; break;
      }
      if (e == text.size() ? morph::accepting(state) : morph::arcs_at(state, text.substr(e)) != 0) return true;
    }
    return false;
  }

  // Whether some key text[b, e) of either lexicon has wanted(e) and
  // accept(e, entry), where b <= last_start is the start of the word or the
  // end of a prefix or joined preposition it begins with. Each start is
  // followed only while the prefix filter lets a key begin there, and looked
  // up only where wanted(e).
  //
  // Verb stems after a preverb and a clitic, a prefix or both (هەڵیبژاردوە,
  // وەرنەگرتوە) are keyed with the preverb: for each preverb end i that
  // verbal() found in form_ (i <= last_start, so text and form_ agree up to
  // it) the keys are text[0, i) + text[k, e) for each such k.
  //
  // text[0, same_as_form) is form_[0, same_as_form), a letter boundary of
  // both (a variant changes form_ from there): along it the walk from the
  // start of the word takes run()'s hashes of form_'s prefixes (h0_) and
  // the point where no key starts with them (end0_) instead of hashing and
  // testing each prefix again, once per variant tried.
  template <typename Wanted, typename Accept>
  bool some_key_from_a_start(std::string_view text, std::size_t last_start, std::size_t same_as_form, Wanted&& wanted,
                             Accept&& accept) {
    auto is_key = [&](std::string_view key, std::uint64_t h, std::size_t e) {
      const morph::Entry entry = morph::lookup(key, h);
      if (may_end_stem_at(entry, text, e) && accept(e, entry)) return true;
      if (!user_) return false;
      const morph::Entry user_entry = user_->lookup(key);
      return may_end_stem_at(user_entry, text, e) && accept(e, user_entry);
    };
    // Whether key (ending at e, with hash h) or, before the plural ان, key + ە is a wanted stem.
    auto stem_key_at = [&](std::size_t head, std::string_view key, std::uint64_t h, std::size_t e) {
      if (is_key(key, h, e)) return true;
      // an ە-final stem before the plural ان (نموونە -> نموونانە, see nominal_at)
      if (head == 0 && starts_with(text, e, "ان")) {
        with_e_.assign(key);
        with_e_ += "ە";
        if (is_key(with_e_, morph::hash_more(h, "ە"), e)) return true;
      }
      return false;
    };
    // The key is text[0, head) + text[b, e).
    auto from = [&](std::size_t head, std::size_t b) {
      if (b > last_start) return false;
      std::size_t e = b;
      std::uint64_t h;
      if (head == 0 && b == 0 && same_as_form > 0) {
        // (h0_ holds the hashes up to n = min(form_.size(), 255) bytes; every
        // boundary up to end0_ passed the prefix filter, the next one failed)
        const std::size_t known = std::min(same_as_form, std::min(form_.size(), h0_.size() - 1));
        for (e = 1; e <= known; ++e) {
          if (!char_boundary(text, e)) continue;
          if (e > end0_) return false;
          if (wanted(e) && stem_key_at(0, slice(text, 0, e), h0_[e], e)) return true;
        }
        e = known;
        h = h0_[known];
        probe_.assign(slice(text, 0, known));
      } else {
        probe_.assign(text.substr(0, head));
        h = morph::hash_more(morph::kHashSeed, text.substr(0, head));
      }
      while (e < text.size()) {
        h = morph::hash_byte(h, text[e]);
        probe_ += text[e];
        ++e;
        if (!char_boundary(text, e)) continue;
        if (!(head == 0 ? may_start_key(h) : may_start_verb_key(h))) return false;
        if (!wanted(e)) continue;
        if (stem_key_at(head, probe_, h, e)) return true;
      }
      return false;
    };
    // From i: a prefix and then a clitic, or a clitic and then a prefix.
    auto after_slot = [&](std::size_t head, std::size_t i) {
      for (const auto& prefix : morph::verb_prefixes()) {
        if (prefix.surface.empty() || !starts_with(text, i, prefix.surface)) continue;
        const std::size_t k = i + prefix.surface.size();
        if (from(head, k)) return true;
        for (const auto& c : morph::clitics())
          if (starts_with(text, k, c.surface) && from(head, k + c.surface.size())) return true;
      }
      if (head == 0) return false;  // (a clitic needs something before it)
      for (const auto& c : morph::clitics()) {
        if (!starts_with(text, i, c.surface)) continue;
        const std::size_t k = i + c.surface.size();
        if (from(head, k)) return true;
        for (const auto& prefix : morph::verb_prefixes())
          if (!prefix.surface.empty() && starts_with(text, k, prefix.surface) &&
              from(head, k + prefix.surface.size()))
            return true;
      }
      return false;
    };
    if (from(0, 0)) return true;
    for (std::string_view proclitic : kProclitics)
      if (starts_with(text, proclitic) && from(0, proclitic.size())) return true;
    if (after_slot(0, 0)) return true;
    for (std::size_t s = 1; s < n_splits_; ++s)
      if (splits_[s] <= last_start && after_slot(splits_[s], splits_[s])) return true;
    return false;
  }

  // Keyboards without ڕ and ڵ make web text write ر and ل for them
  // (بەرێوەچوو, ماڵپەری, ولاتی): each ر or ل, from the left, is tried as ڕ or
  // ڵ, and the readings of the first variant that has any are kept, at the
  // cost of a spelling variant. The letters have the same length, so the
  // morphemes keep their offsets.
  void letter_variants() {
    static constexpr std::string_view kReh = "\u0631", kLam = "\u0644";
    std::size_t tried = 0;
    for (std::size_t p = 0; p + 2 <= form_.size() && tried < kMaxLetterVariants; p += 2) {
      const bool reh = starts_with(form_, p, kReh);
      if (!reh && !starts_with(form_, p, kLam)) continue;
      KeyBuffer variant;
      variant.assign(form_.substr(0, p));
      variant += reh ? std::string_view("\u0695") : std::string_view("\u06B5");
      variant += form_.substr(p + 2);
      if (!may_hold_stem_letter(variant, p)) continue;
      ++tried;
      std::vector<Candidate> readings;  // (allocates only if the variant has any)
      Search inner(variant, user_, readings);
      inner.allow_variants_ = inner.allow_compound_ = false;
      for (const Candidate& c : inner.run()) {
        if (c.in_form) continue;  // its views point into `variant`, which dies here
        // The letter must belong to the stem (or preverb): read as an affix
        // (the postposition ڕا) it would turn many Xرا into X + ڕا.
        bool in_stem = false;
        for (std::size_t n = 0; n < c.count; ++n) {
          const Piece& m = c.pieces[n];
          if (m.begin <= p && p < m.end) in_stem = is(m.tag(), "stem") || is(m.tag(), "preverb");
        }
        if (!in_stem) continue;
        Candidate& kept = add_reading();
        kept = c;
        kept.cost += kVariantCost;
      }
      if (!out_.empty()) return;
    }
  }

  // A preposition written joined to a verbal noun (بەئامادەبوونی,
  // لەکۆبوونەوەی): when nothing else explains the word, the rest is searched
  // and its infinitive readings are kept behind a PREP piece, at the cost of
  // a joined preposition before a noun. (The verb search itself starts every
  // stem at the word's first letter; a second search is cheaper than a
  // preposition slot there, since only unexplained words pay for it.)
  void verbal_noun_after_preposition() {
    for (std::string_view p : kProclitics) {
      if (form_.size() < p.size() + 4 || !starts_with(form_, p)) continue;
      // (no infinitive without its ن: most words are spared the search)
      if (form_.find("\u0646", p.size() + 2) == std::string_view::npos) continue;
      std::vector<Candidate> readings;  // (allocates only if the rest has any)
      Search inner(form_.substr(p.size()), user_, readings);
      inner.allow_variants_ = false;
      for (const Candidate& found : inner.run()) {
        if (found.verb < 0 || found.count >= kMaxPieces) continue;
        bool infinitive = false;
        for (std::size_t n = 0; n < found.count; ++n) infinitive = infinitive || is(found.pieces[n].tag(), "INF");
        if (!infinitive) continue;
        add_behind(found, p.size(), "PREP", kProcliticCost);
      }
      if (!out_.empty()) return;
    }
  }

  // Keeps a reading of the rest of the word, form_[shift, end), with a piece
  // form_[0, shift) tagged `tag` before it. The rest is a view into form_, so
  // the reading's views stay valid. (found.count < kMaxPieces)
  void add_behind(const Candidate& found, std::size_t shift, std::string_view tag, float cost) {
    Candidate& c = add_reading();
    c = found;
    c.cost += cost;
    const auto by = static_cast<std::uint16_t>(shift);
    for (std::size_t n = c.count; n > 0; --n) {
      c.pieces[n] = c.pieces[n - 1];
      c.pieces[n].begin = static_cast<std::uint16_t>(c.pieces[n].begin + by);
      c.pieces[n].end = static_cast<std::uint16_t>(c.pieces[n].end + by);
    }
    c.pieces[0] = {0, by, tag, "", false};
    ++c.count;
  }

  // A conjunction written joined to the next or the previous word, as web
  // and news text often does: و after a word (هەیەو, کردووەو, شارو; also
  // after a ZWNJ, which keeps the two apart on screen: دەکات‌و, ژیان‌و), کە
  // or چونکە before one (کەلەلایەن, کەئەو, چونکەئەو). When nothing else
  // explains the word, the rest is searched (see rest_readings), and its
  // readings are kept with the conjunction (and the ZWNJ) as a morpheme of
  // its own (CONJ), at a cost.
  void joined_conjunction() {
    if (joined_after("\u200C\u0648", "CONJ")) return;
    if (joined_after("\u0648", "CONJ")) return;
    for (std::string_view conjunction : {std::string_view("چونکە"), std::string_view("کە")}) {
      if (form_.size() < conjunction.size() + 4 || !starts_with(form_, conjunction)) continue;
      for (const Candidate& found : rest_readings(conjunction.size(), form_.size()))
        add_behind(found, conjunction.size(), "CONJ", kJoinedConjunctionCost);
      if (!out_.empty()) return;
    }
  }

  // The same for a preposition written joined to the word before it
  // (تایبەتەبۆ, ئاماژەبۆ, کردووەبۆ, هەیەلەسەر), as a morpheme of its own
  // (PREP) after the word's readings.
  void joined_preposition() {
    for (std::string_view preposition : {std::string_view("لەسەر"), std::string_view("بۆ")})
      if (joined_after(preposition, "PREP")) return;
  }

  // The demonstrative ئەو or ئەم written joined to the noun that closes its
  // frame with ە, یە or انە (ئەوکاتە, ئەمجارە, ئەوکەسانەی: ئەو کاتە, ئەم
  // جارە, ئەو کەسانەی), as a morpheme of its own (DET) before the noun's
  // readings that have that ە; the lemma is the noun's.
  void joined_demonstrative() {
    for (std::string_view demonstrative : {std::string_view("ئەو"), std::string_view("ئەم")}) {
      if (form_.size() < demonstrative.size() + 6 || !starts_with(form_, demonstrative)) continue;
      for (const Candidate& found : rest_readings(demonstrative.size(), form_.size())) {
        // (a noun, or a pronoun that is also one: کەس "person, anyone")
        if ((found.upos != Upos::NOUN && found.upos != Upos::PRON) || found.guessed) continue;
        const bool framed = std::any_of(found.pieces.begin(), found.pieces.begin() + found.count, [](const Piece& p) {
          return is(p.tag(), "DEM") || is(p.tag(), "PL.DEM");
        });
        if (framed) add_behind(found, demonstrative.size(), "DET", kJoinedConjunctionCost);
      }
      if (!out_.empty()) return;
    }
  }

  // Whether form_ is a word and then `joined` (two letters at least before
  // it): the readings of the word, each with `joined` as a last piece
  // tagged `tag`, are kept at the cost of a joined conjunction.
  bool joined_after(std::string_view joined, std::string_view tag) {
    if (form_.size() < joined.size() + 4 || !ends_with(form_, joined)) return false;
    const std::size_t rest = form_.size() - joined.size();
    for (const Candidate& found : rest_readings(0, rest)) {
      Candidate& c = add_reading();
      c = found;
      c.cost += kJoinedConjunctionCost;
      c.pieces[c.count++] = {static_cast<std::uint16_t>(rest), static_cast<std::uint16_t>(form_.size()), tag, "",
                             false};
    }
    return !out_.empty();
  }

  // A compound verb the lexicon does not list, written as one word: a noun
  // or adjective of the lexicon, then a form of a light verb
  // (چەککردنی, زیادبوونی, دەستبەسەرکران, نمایشدەکرێت), with the pronominal
  // clitic after the nominal part when one stands there (دروستیانکرد), as in
  // the compounds the lexicon lists (کارمانکرد). The lemma is the two
  // written together (چەککردن), as UniMorph writes compound verbs. Tried
  // only when nothing else explains the word; the longest nominal part that
  // gives a reading is kept.
  void light_verb_compound() {
    // (no key starts with form_[0, j) past end0_: hash_prefixes)
    const std::size_t last = std::min(end0_, form_.size() - std::min(form_.size(), kMinCompoundTailBytes));
    for (std::size_t j = last; j >= kMinCompoundHeadBytes; --j) {
      if (!char_boundary(form_, j)) continue;
      const unsigned part = nominal_part(j);
      if (part == 0) continue;
      if (may_start_light_verb(j)) compound_at(j, j, nullptr, part);
      for (const auto& c : morph::clitics())
        if (starts_with(form_, j, c.surface) && may_start_light_verb(j + c.surface.size()))
          compound_at(j, j + c.surface.size(), &c, part);
      if (!out_.empty()) {
        if (joined_word_reads_it()) out_.clear();
        return;
      }
    }
  }

  // A compound whose nominal part is a prepositional phrase, when neither a
  // plain nominal part nor a joined preposition before a verbal noun
  // (بەئامادەبوونی is بە + ئامادەبوونی) gives a reading: لە or بە, a noun
  // or adjective of the lexicon, and the postposition دا or nothing, then a
  // light verb's form (بەدواداچوون, بەسەرداگرتن, بەکرێگیراو, لەخاچدرا), as
  // the lexicon lists such compounds (بەکارهێنان, لەناوبردن). The lemma is
  // again the whole (بەدواداچوون); the longest noun that gives a reading is
  // kept.
  void phrase_compound() {
    static constexpr std::string_view kPrepositions[] = {"لە", "بە"};
    static constexpr std::string_view kPostpositions[] = {"", "دا"};
    for (std::string_view prep : kPrepositions) {
      if (!starts_with(form_, 0, prep)) continue;
      const std::size_t b = prep.size();
      std::array<std::uint64_t, 256> h;
      const std::size_t end = std::min(prefix_hashes(b, h), form_.size() - std::min(form_.size(), kMinCompoundTailBytes));
      for (std::size_t k = end; k >= b + kMinCompoundHeadBytes; --k) {
        if (!char_boundary(form_, k) || k - b >= h.size()) continue;
        const unsigned part = nominal_lemma(morph::lookup(slice(form_, b, k), h[k - b]), slice(form_, b, k));
        if (part == 0) continue;
        for (std::string_view post : kPostpositions)
          if (starts_with(form_, k, post) && may_start_light_verb(k + post.size()))
            compound_at(k + post.size(), k + post.size(), nullptr, part);
        if (!out_.empty()) {
          if (joined_word_reads_it()) out_.clear();
          return;
        }
      }
    }
  }

  // Whether a word read as a compound is rather a word with something joined
  // to it, which a later fallback reads: the conjunction و after a word the
  // lexicon explains (ئاشکراو is ئاشکرا + و, not ئاش + کراو; زەویداو is زەوی +
  // دا + و), or the postposition دا or the definite کە after a stem the word
  // lists attest with a marker (ئاییندەدا is ئاییندە + دا, not ئایین + دەدا;
  // بیناکە is بینا + کە, not بی + ناکە: guess()).
  bool joined_word_reads_it() {
    static constexpr std::string_view kWaw = "\u0648";
    if (form_.size() >= kWaw.size() + 4 && ends_with(form_, kWaw) &&
        !rest_readings(0, form_.size() - kWaw.size()).empty())
      return true;
    for (std::string_view ending : {std::string_view("\u062F\u0627"), std::string_view("\u06A9\u06D5")}) {
      if (form_.size() < ending.size() + 4 || !ends_with(form_, ending)) continue;
      const std::string_view stem = form_.substr(0, form_.size() - ending.size());
      return morph::marked_forms(stem, morph::hash_more(morph::kHashSeed, stem)) != 0;
    }
    return false;
  }

  // Whether a light verb's form may start at byte i (a test of a few
  // compares that spares most unknown words the search of compound_at):
  // two letters at least, and after a verb prefix (دە ئە ب نا نە مە نەدە) and
  // a clitic, or neither, the start of a light verb's stem: کرد کە کا کرا,
  // بوو بۆ (بۆتە, بۆوە) بێ بم بن (ب after a prefix; not بین, which is also
  // بینین's stem: ڕەشبین), دا دە درا درێ, هات (ێ یە after a prefix; not دێ,
  // also the noun "village" that ends place names: کۆنەدێ), کەوت, گرت گیر,
  // خست خە خرا, کێش, هێن, برد بە برا, خوارد خۆ, چوو (چ after a prefix).
  bool may_start_light_verb(std::size_t i) const {
    if (i + kMinCompoundTailBytes > form_.size()) return false;
    // (first, the letter: ک ب د ه گ خ ئ ن م چ, or no such form starts here)
    switch ((static_cast<unsigned char>(form_[i]) << 8) | static_cast<unsigned char>(form_[i + 1])) {
      case 0xDAA9: case 0xD8A8: case 0xD8AF: case 0xD987: case 0xDAAF: case 0xD8AE: case 0xD8A6: case 0xD986:
      case 0xD985: case 0xDA86:
        break;
      default:
        return false;
    }
    static constexpr std::string_view kStems[] = {"کر", "کە", "کا", "بوو", "بۆ", "بێ", "بم", "بن", "دا", "دە", "در",
                                                  "ها", "گر", "گی", "خس", "خە", "خر", "کێ", "هێ", "بر",
                                                  "بە", "خو", "خۆ", "چو"};
    static constexpr std::string_view kAfterPrefix[] = {"ب", "ێ", "یە", "چ"};
    auto stem_at = [&](std::size_t k, bool prefixed) {
      for (std::string_view s : kStems)
        if (starts_with(form_, k, s)) return true;
      if (prefixed)
        for (std::string_view s : kAfterPrefix)
          if (starts_with(form_, k, s)) return true;
      return false;
    };
    if (stem_at(i, false)) return true;
    for (const auto& p : morph::verb_prefixes()) {
      if (p.surface.empty() || !starts_with(form_, i, p.surface)) continue;
      const std::size_t k = i + p.surface.size();
      if (stem_at(k, true)) return true;
      for (const auto& c : morph::clitics())
        if (starts_with(form_, k, c.surface) && stem_at(k + c.surface.size(), true)) return true;
    }
    return false;
  }

  // Whether form_[0, j) is a lexicon noun (kBaseNoun) or adjective
  // (kBaseAdj), or both: what may stand before a light verb in a compound.
  // (Not an adverb: those joined to a verb were two words written without a
  // space, ئەوەنەبێت, بۆیەدەبێت.)
  unsigned nominal_part(std::size_t j) {
    // (nominal_at(0) looked every such key up already: prefix_entry_)
    if (j <= memo_end_)
      return nominal_lemma({prefix_entry_[j].records, prefix_entry_[j].record_count}, slice(form_, 0, j));
    return nominal_lemma(j < h0_.size() ? morph::lookup(slice(form_, 0, j), h0_[j]) : morph::lookup(slice(form_, 0, j)),
                         slice(form_, 0, j));
  }

  // A lexicon compound whose preverb is a nominal part and a simple preverb
  // (دەستپێکردن: دەست + پێ) takes the clitic after the nominal part, the
  // first element of the verb complex (دەستیپێکرد, دەستیانپێکرد), where
  // the search, which looks for it after the whole preverb, does not see
  // it. The word is searched without the clitic, and a verb reading whose
  // preverb runs past the nominal part is kept with the clitic put back
  // between the two parts of its preverb, at a variant's cost.
  void clitic_inside_preverb() {
    static constexpr std::string_view kSimplePreverbs[] = {"پێ", "لێ", "تێ", "دا", "ڕا", "هەڵ", "وەر", "دەر"};
    // (cheapest test first: a clitic's first letter, then the nominal part
    // before it from the prefix pass's lookups, then a simple preverb after
    // the clitic that a verb key may start with)
    const std::size_t last = std::min({end0_, memo_end_, form_.size() - std::min<std::size_t>(form_.size(), 4)});
    for (std::size_t x = kMinCompoundHeadBytes; x <= last; ++x) {
      // (every clitic starts with م, ت or ی: D9 85, D8 AA, DB 8C)
      const auto b0 = static_cast<unsigned char>(form_[x]), b1 = static_cast<unsigned char>(form_[x + 1]);
      if (!((b0 == 0xD9 && b1 == 0x85) || (b0 == 0xD8 && b1 == 0xAA) || (b0 == 0xDB && b1 == 0x8C))) continue;
      if (nominal_part(x) == 0) continue;
      for (const auto& c : morph::clitics()) {
        if (!starts_with(form_, x, c.surface)) continue;
        const std::size_t after = x + c.surface.size();
        // (a verb key starts with the nominal part and the preverb)
        if (std::any_of(std::begin(kSimplePreverbs), std::end(kSimplePreverbs), [&](std::string_view pv) {
              return starts_with(form_, after, pv) && may_start_verb_key(morph::hash_more(h0_[x], pv));
            }))
          search_without_clitic(x, c);
      }
      if (!out_.empty()) return;
    }
  }

  // clitic_inside_preverb's search of form_ without the clitic c at x.
  void search_without_clitic(std::size_t x, const morph::Clitic& c) {
    const std::size_t after = x + c.surface.size();
    KeyBuffer variant;
    variant.assign(form_.substr(0, x));
    variant += form_.substr(after);
    std::vector<Candidate> readings;
    Search inner(variant, user_, readings);
    inner.allow_variants_ = inner.allow_compound_ = false;
    inner.verbs_only_ = true;
    const auto by = static_cast<std::uint16_t>(c.surface.size());
    for (const Candidate& found : inner.run()) {
      if (found.upos != Upos::VERB || found.in_form || found.guessed || found.compound) continue;
      if (std::any_of(found.pieces.begin(), found.pieces.begin() + found.count,
                      [](const Piece& piece) { return begins(piece.tag(), "CL."); }))
        continue;
      // Where the preverb ends: its own piece, or, with nothing between
      // preverb and stem, inside the stem piece, which then holds both.
      std::size_t preverb_end = 0, rest = 1;
      if (is(found.pieces[0].tag(), "preverb")) {
        preverb_end = found.pieces[0].end;
      } else if (is(found.pieces[0].tag(), "stem") && found.verb >= 0 && !(found.verb & morph::kUserVerbBit)) {
        preverb_end = morph::verb(found.verb).preverb_bytes;
        rest = 0;
      }
      if (preverb_end <= x || std::size_t{found.count} + 3 - rest > kMaxPieces) continue;
      Candidate& r = add_reading();
      r = found;
      const std::size_t shift = 3 - rest;  // pieces added before the rest
      for (std::size_t n = found.count; n-- > rest;) {
        r.pieces[n + shift] = found.pieces[n];
        const std::size_t begin = std::max<std::size_t>(found.pieces[n].begin, preverb_end);
        r.pieces[n + shift].begin = static_cast<std::uint16_t>(begin + by);
        r.pieces[n + shift].end = static_cast<std::uint16_t>(found.pieces[n].end + by);
      }
      const auto at = static_cast<std::uint16_t>(x);
      r.pieces[0] = {0, at, "preverb", "", false};
      r.pieces[1] = {at, static_cast<std::uint16_t>(at + by), c.tag, "", false};
      r.pieces[2] = {static_cast<std::uint16_t>(at + by), static_cast<std::uint16_t>(preverb_end + by), "preverb", "",
                     false};
      r.count = static_cast<std::uint8_t>(found.count + shift);
      r.cost += kVariantCost;
    }
  }

  // kBaseNoun, kBaseAdj or both, as `word` is a noun or an adjective of the
  // lexicon (`records`, its compiled entry's) or of the user lexicon.
  unsigned nominal_lemma(std::span<const Record> records, std::string_view word) const {
    unsigned found = 0;
    auto check = [&](std::span<const Record> rs) {
      for (const Record& r : rs) {
        if (r.kind != Kind::lemma) continue;
        if (r.upos == Upos::NOUN) found |= kBaseNoun;
        if (r.upos == Upos::ADJ) found |= kBaseAdj;
      }
    };
    check(records);
    if (user_) check(user_->lookup(word).records);
    return found;
  }
  unsigned nominal_lemma(const morph::Entry& e, std::string_view word) const { return nominal_lemma(e.records, word); }

  // The readings of form_[v, end) as a light verb's form with nothing before
  // its prefix or stem, behind the nominal part form_[0, j) (a noun or
  // adjective: part, as nominal_part gives it) and the clitic form_[j, v) if
  // there is one.
  void compound_at(std::size_t j, std::size_t v, const morph::Clitic* clitic, unsigned part) {
    // The verb readings of the rest: a search without the nominal readings,
    // which are most of a search's work (of ckb-clean.txt's 69,463 types,
    // 3,820 searches are made here).
    std::vector<Candidate> readings;
    Search inner(form_.substr(v), user_, readings);
    inner.allow_variants_ = inner.allow_compound_ = false;
    inner.verbs_only_ = true;
    for (const Candidate& found : inner.run()) {
      if (found.upos != Upos::VERB || found.guessed || found.compound || !light_verb(found.lemma)) continue;
      if (std::size_t{found.count} + (clitic ? 2 : 1) > kMaxPieces) continue;
      bool plain = true;  // no preverb, joined word or clitic of its own before the stem
      for (std::size_t n = 0; n < found.count && !is(found.pieces[n].tag(), "stem"); ++n) {
        const std::string_view t = found.pieces[n].tag();
        plain = plain && !is(t, "preverb") && !is(t, "PREP") && !is(t, "CONJ") && !begins(t, "CL.");
      }
      if (!plain) continue;
      // A passive has no agent, so no clitic stands before it: ڕاگەیاندرا is
      // ڕاگەیاندن's passive, not ڕاگە + یان + درا.
      if (clitic && (found.kind == Kind::passive_past || found.kind == Kind::passive_present)) continue;
      // بوون's bare imperative (دڵنیابە) only after an adjective: after a
      // noun, بە is the preposition written joined (سوێندبە, جاربەجار).
      if (found.count == 2 && is(found.pieces[0].tag(), "stem") && is(found.pieces[1].tag(), "IMP.2S") &&
          !(part & kBaseAdj))
        continue;
      // دان's perfect subjunctive (دابێت, دابن) after a word is that word,
      // the postposition دا and بوون's subjunctive written joined: تێدابێت
      // "be in it", ژووردابن "be in the room"; not a compound ژووردان.
      if (found.lemma == "دان" &&
          std::any_of(found.pieces.begin(), found.pieces.begin() + found.count,
                      [](const Piece& p) { return begins(p.tag(), "PRF.SBJV"); }))
        continue;
      Candidate& c = add_reading();
      c = found;
      c.compound = true;
      c.cost += kCompoundCost;
      const std::size_t shift = clitic ? 2 : 1;
      const auto by = static_cast<std::uint16_t>(v);
      for (std::size_t n = c.count; n-- > 0;) {
        c.pieces[n + shift] = c.pieces[n];
        c.pieces[n + shift].begin = static_cast<std::uint16_t>(c.pieces[n].begin + by);
        c.pieces[n + shift].end = static_cast<std::uint16_t>(c.pieces[n].end + by);
      }
      c.pieces[0] = {0, static_cast<std::uint16_t>(j), "preverb", "", false};
      if (clitic) c.pieces[1] = {static_cast<std::uint16_t>(j), by, clitic->tag, "", false};
      c.count = static_cast<std::uint8_t>(c.count + shift);
    }
  }

  static bool light_verb(std::string_view lemma) {
    return std::find(std::begin(kLightVerbs), std::end(kLightVerbs), lemma) != std::end(kLightVerbs);
  }

  // The lexicon readings of form_[b, e) with room for one more piece, found
  // without any fallback (each one would search again: unknown words are
  // most of a stemming pass's searches).
  std::vector<Candidate> rest_readings(std::size_t b, std::size_t e) {
    std::vector<Candidate> readings;
    Search inner(form_.substr(b, e - b), user_, readings);
    inner.allow_variants_ = inner.allow_compound_ = false;
    inner.run();
    std::erase_if(readings, [](const Candidate& c) { return c.count >= kMaxPieces; });
    return readings;
  }

  // A word nothing above explains may be a dictionary headword (RULE W11 of
  // the lexicon script, Kind::headword), whole or before a nominal chain
  // (ناحیە, ناحیەی): a lexicon reading of unknown part of speech. It comes
  // last, before the guess, because the headword list also holds legacy
  // spellings and run-together forms (نمونە for نموونە, کردو), which must not
  // displace what the lexicon, a spelling variant or a derivation gives.
  void headwords() {
    std::uint64_t h = morph::kHashSeed;
    std::size_t letters = 0;
    for (std::size_t j = 1; j <= form_.size(); ++j) {
      h = morph::hash_byte(h, form_[j - 1]);
      if (!char_boundary(form_, j)) continue;
      if (!morph::may_start_headword(h)) break;  // no longer headword starts here either
      if (++letters < 3) continue;  // (a headword has three letters or more)
      const morph::Entry e = morph::lookup(slice(form_, 0, j), h);
      for (const Record& r : e.records)
        if (r.kind == Kind::headword) nominal_from(e.key, 0, j, r, /*elided_e=*/false);
    }
    // The plural ان, a pronominal clitic and the copula also end many words
    // the list lacks, names above all, which a cut would read as a headword
    // it has (یۆنان is no یۆنا + ان, پێزمان no پێز + مان, چێرمە no چێر + م +
    // ە): after a headword they are read only when the word lists attest it
    // with a definiteness marker, the evidence the guess asks for the same
    // endings (guess_stems.hpp; نیعمەتیان, فشاریان stay).
    std::erase_if(out_, [&](const Candidate& c) {
      if (c.stem.size() == form_.size()) return false;
      bool ambiguous = false;
      for (std::size_t n = 1; n < c.count && !ambiguous; ++n) {
        const std::string_view tag = c.pieces[n].tag();
        ambiguous = is(tag, "PL") || tag.starts_with("CL.") || tag.starts_with("COP.");
      }
      return ambiguous && morph::marked_forms(c.stem, morph::format::hash(c.stem)) == 0;
    });
  }

  // A word nothing explains may still end in an unmistakable nominal chain
  // (فراکسیۆنەکان, کارتەکەی, تابلۆیەکیدا): it is read as an unknown stem
  // plus that chain when the chain holds a definiteness marker (ەکە, ەکان,
  // ێک, یەک and their allomorphs) or is an ezafe ی after a stem in ی
  // (پێوەندیی). Endings that also close many bare words (ان, ی, ە, ەوە, دا)
  // are guessed only after a stem the word lists attest with a marker, and
  // only when they do not so attest the whole word (ڕۆڵی -> ڕۆڵ + ی;
  // guess_stems.hpp); otherwise such a word stays whole.
  void guess() {
    // The hashes of every prefix of the word (format::hash), for the
    // guess-stem table. (run() caps the word at kMaxWordBytes.)
    std::array<std::uint64_t, kMaxWordBytes + 1> h;
    h[0] = morph::kHashSeed;
    for (std::size_t x = 0; x < form_.size(); ++x) h[x + 1] = morph::hash_byte(h[x], form_[x]);
    // How well the word lists attest the stem form_[0, j), by j (0: not, or
    // not to be cut to). A word they list with a marker itself is a stem
    // (تیرۆریستی, which would otherwise be read تیرۆریست + ی): then none of
    // its cuts is attested.
    std::array<std::uint8_t, kMaxWordBytes + 1> attested{};
    const bool whole_marked = morph::marked_forms(form_, h[form_.size()]) != 0;
    std::size_t letters = 0;  // code points of the stem form_[0, j)
    for (std::size_t x = 0; x < form_.size(); ++x) letters += char_boundary(form_, x) ? 1 : 0;
    for (std::size_t j = form_.size(); j-- > 0;) {
      if (!char_boundary(form_, j)) continue;
      if (--letters < kMinGuessLetters) break;
      const std::uint64_t starting = morph::arcs_at(State::n_stem, slice(form_, j));
      if (starting == 0) continue;  // no suffix starts here
      if (!whole_marked && letters >= kMinAttestedStemLetters)
        attested[j] = static_cast<std::uint8_t>(morph::marked_forms(slice(form_, 0, j), h[j]));
      // (at most cuts no arc a kept reading could take starts: no walk there)
      if (attested[j] == 0 && (starting & guess_arcs(State::n_stem, j)) == 0) continue;
      cur_.reset();
      cur_.lemma = cur_.stem = slice(form_, 0, j);
      cur_.in_form = true;
      cur_.guessed = true;
      cur_.upos = Upos::NOUN;  // definiteness marks a nominal
      push({0, static_cast<std::uint16_t>(j), "stem", "", false});
      stem_piece_ = cur_.count;
      require_a_ = false;
      guessing_ = attested[j] == 0;  // an attested stem takes every arc
      suffixes(j, State::n_stem, /*nominal=*/true);
      guessing_ = false;
    }
    std::erase_if(out_, [&](Candidate& c) {
      const unsigned marked = attested[c.stem.size()];  // (every stem here is form_[0, j))
      std::size_t marker = 0;
      for (std::size_t n = 1; n < c.count; ++n) {
        const Piece& m = c.pieces[n];
        if (is(m.tag(), "DEF") || is(m.tag(), "DEF.PL") || is(m.tag(), "INDF")) marker += m.end - m.begin;
      }
      const bool ezafe_after_yeh = c.count == 2 && is(c.pieces[1].tag(), "EZ") && ends_with(c.stem, "\u06CC") &&
                                   !after_ok(c.stem.substr(0, c.stem.size() - 2), After::vowel);
      // An ezafe after the abstract -یی of a stem in a vowel (ئامادەیی + ی,
      // دواکەوتوویی + ی): no bare word ends in a vowel and three ی.
      const bool ezafe_after_yy = c.count == 2 && is(c.pieces[1].tag(), "EZ") && c.stem.size() > 4 &&
                                  c.stem.ends_with("\u06CC\u06CC") &&
                                  after_ok(c.stem.substr(0, c.stem.size() - 4), After::vowel) &&
                                  !c.stem.substr(0, c.stem.size() - 4).ends_with("\u06CC");
      // An ezafe after ە: hardly any bare word ends in ەی.
      const bool ezafe_after_e = c.count == 2 && is(c.pieces[1].tag(), "EZ") && c.stem.ends_with("\u06D5");
      if (marker == 0 && !ezafe_after_yeh && !ezafe_after_yy && !ezafe_after_e && marked == 0) return true;
      c.cost -= kGuessMarkerCredit * static_cast<float>(marker / 2) + kAttestedCredit * static_cast<float>(marked);
      if (ezafe_after_e) c.cost += kGuessEzafeAfterECost;
      return false;
    });
  }

  // Whether a key of either lexicon may start with the text of hash h (a user
  // lexicon's keys are not in the compiled prefix filter: with one, nothing
  // is pruned).
  bool may_start_key(std::uint64_t h) const { return user_ || morph::may_start_key(h); }
  // The same for verb stems (with their preverb).
  bool may_start_verb_key(std::uint64_t h) const { return user_ || morph::may_start_verb_key(h); }

  // Calls f with the compiled lexicon's entry for `key`, then the user's.
  template <typename F>
  void each(std::string_view key, F&& f) {
    each(key, morph::hash_more(morph::kHashSeed, key), std::forward<F>(f));
  }
  template <typename F>
  void each(std::string_view key, std::uint64_t hash, F&& f) {
    f(morph::lookup(key, hash));
    if (user_) f(user_->lookup(key));
  }

  std::string_view form_;
  const UserLexicon::Impl* user_;
  std::vector<Candidate>& out_;
  Candidate cur_;          // the reading being built
  // The compiled lexicon's entries of form_[0, j) for j <= memo_end_ at
  // character boundaries: nominal_at(0) looks them up, and verbal() needs the
  // same keys again (preverbs, stems at the start of the word).
  static constexpr std::size_t kMemoBytes = 64;
  // (morph::Entry's members initialize themselves, which for this array
  // would cost more than it saves: a bare copy of one instead)
  struct EntrySlot {
    const char* key;
    const Record* records;
    std::uint16_t key_size, record_count;  // (the compiled lexicon's Key sizes)
    // Whether a record is a verb stem, the only kind verb_records takes:
    // verb_at asks this of every prefix of the word, and most of those that
    // are keys are nouns and particles (a sixth of the calls found a stem).
    bool verb_stem;
    // Whether a record is a preverb: verbal() asks this of every prefix of
    // the word up to where no verb key starts.
    bool preverb;
    void set(const morph::Entry& e) {
      key = e.key.data();
      records = e.records.data();
      key_size = static_cast<std::uint16_t>(e.key.size());
      record_count = static_cast<std::uint16_t>(e.records.size());
      verb_stem = false;
      preverb = false;
      for (const Record& r : e.records) {
        verb_stem = verb_stem || morph::format::is_verb_stem(r.kind);
        preverb = preverb || r.kind == Kind::preverb;
      }
    }
    morph::Entry get() const { return {{key, key_size}, {records, record_count}}; }
  };
  std::array<EntrySlot, kMemoBytes> prefix_entry_;
  // hash_prefixes(): the hashes of form_[0, j), where that pass stopped, and
  // the compiled lexicon's entry of the whole word (empty unless it is a key).
  std::array<std::uint64_t, 256> h0_;
  std::size_t end0_ = 0;
  morph::Entry whole_;
  std::size_t memo_end_ = 0;
  // Where a preverb (or the nominal part of a compound verb) may end in
  // form_: 0 and the ends verbal() found.
  std::array<std::size_t, 8> splits_{};
  std::size_t n_splits_ = 0;
  KeyBuffer key_, alt_;  // stem keys with the preverb re-attached
  KeyBuffer probe_;      // a key of some_key_from_a_start after a preverb
  KeyBuffer with_e_;     // a nominal stem with a letter added
  KeyBuffer hamza_key_;  // ئ + the rest of the word (elided_hamza_at)
  bool require_a_ = false;
  std::size_t stem_piece_ = 1;  // pieces up to and including the stem
  bool participle_noun_ = false;          // the walk takes ان or the ە of a noun after a participle
  bool skipped_participle_noun_ = false;  // the walk met one and did not take it
  bool allow_variants_ = true;  // the fallbacks after the main search (not inside one)
  bool allow_compound_ = true;  // light_verb_compound() (also after a joined preposition)
  bool verbs_only_ = false;     // no nominal readings (compound_at's search of a light verb's form)
  bool guess_wanted_ = true;    // skip_guess()
  bool guess_skipped_ = false;  // guess_skipped()
  bool guessing_ = false;       // in guess(): walk() takes only the arcs of guess_arcs()
};

// The readings' vector of the free functions, one per thread and reused by
// every call (see Search's constructor).
std::vector<Candidate>& thread_readings() {
  thread_local std::vector<Candidate> readings;
  return readings;
}

// --- materializing a candidate ---------------------------------------------------

// UniMorph-style bundle for a verb form, in the order the gold uses:
// V;tense;aspect;mood;NEG;PASS;CAUS;argument;language-specific.
std::string verb_features(const Candidate& c, std::string_view form) {
  bool infinitive = false, perfect = false, pluperfect = false, sbjv = false, imp = false;
  bool ipfv = false, neg = false, ewe = false, dir = false, perfect_3s = false, add = false;
  bool neg_na = false;  // the indicative's negation نا (نە before a present is the subjunctive's)
  std::string_view person, clitic_person;
  std::string tail;
  bool after_stem = false;
  for (std::size_t n = 0; n < c.count; ++n) {
    const Piece& p = c.pieces[n];
    const std::string_view t = p.tag();
    if (is(t, "stem")) {
      after_stem = true;
      continue;
    }
    if (!after_stem) {
      if (t.find("NEG") != std::string_view::npos) neg = true;
      if (is(t, "NEG") && form.substr(p.begin, p.end - p.begin) == "نا") neg_na = true;
      if (t.find("IPFV") != std::string_view::npos) ipfv = true;
      if (is(t, "SBJV")) sbjv = true;
      if (is(t, "NEG.IMP")) imp = true;
      if (begins(t, "CL.")) clitic_person = t.substr(3);
      if (is(t, "ADD")) add = true;
      continue;
    }
    if (p.nominal) {
      if (!p.features().empty()) (tail += ';') += p.features();
      continue;
    }
    if (is(t, "INF")) infinitive = true;
    else if (is(t, "PRF")) perfect = true;
    else if (is(t, "PLUP")) pluperfect = true;
    else if (begins(t, "PRF.SBJV")) {
      sbjv = perfect = true;
      if (t.size() > 9) person = t.substr(9);  // PRF.SBJV.1S: the person after the second dot
    }
    else if (is(t, "COND")) sbjv = true;
    else if (is(t, "V.EWE")) ewe = true;
    else if (is(t, "DIR")) dir = true;
    else if (is(t, "ADD")) add = true;
    else if (is(t, "IMP.2S")) imp = true, person = "2S";
    else if (is(t, "PRF.3S")) {
      perfect = perfect_3s = true, person = "3S";  // (alone when contracted: کردۆتەوە)
      // (یەتی holds the third person's agent clitic: کردوویەتی)
      if (form.substr(p.begin, p.end - p.begin) == "\u06CC\u06D5\u062A\u06CC") clitic_person = "3S";
    }
    else if (begins(t, "PRF.")) perfect = true, person = t.substr(4);  // (alone after a stem in وو: بوونەتە)
    else if (begins(t, "PRS.") || begins(t, "PST.")) person = t.substr(4);
    else if (begins(t, "CL.")) clitic_person = t.substr(3);
  }
  // ب before a present stem with no ending is the imperative: بکە "do!",
  // بیکە "do it!" (a subjunctive always has its person ending)
  if (sbjv && person.empty() && c.kind == Kind::present && !c.unwritten_3s) imp = true;
  if (imp && person.empty()) person = "2S";  // a bare imperative addresses one person
  // The prohibitive's endings address the second person: ن several (مەکەن,
  // UniMorph V;IMP;NEG;ARGNO2P), ی or ێ one (مەڕوانی, مەیگۆڕێ).
  if (imp && person == "3P") person = "2P";
  if (imp && person == "3S") person = "2S";
  if (c.unwritten_3s) person = "3S";
  // An indicative present with no ending has dropped the third person's ت
  // after its vowel (دەڵێ for دەڵێت, as دەکا for دەکات)
  if (person.empty() && (ipfv || neg_na) && !imp &&
      (c.kind == Kind::present || c.kind == Kind::passive_present))
    person = "3S";
  const bool passive = c.kind == Kind::passive_past || c.kind == Kind::passive_present;
  const bool present = c.kind == Kind::present || c.kind == Kind::passive_present;
  // A present with neither دە/ئە nor نا is a subjunctive: after ب, after
  // نە (نەکەم), and with no prefix after a preverb or a compound's nominal
  // part, which drop the ب (هەڵفڕین, ئامادەبم), as UniMorph tags them.
  if (present && !ipfv && !neg_na && !imp) sbjv = true;
  std::string f;
  if (infinitive) {
    f = "V.MSDR";
    if (neg) f += ";NEG";
    return f + tail;
  }
  // past stem + وو/و with no ending: the participle
  if (perfect && !pluperfect && !sbjv && !perfect_3s && person.empty() && clitic_person.empty()) {
    // (no PASS: UniMorph's participles carry no voice, کراو and نەبینراوەکانی alike)
    f = "V.PTCP";
    if (neg) f += ";NEG";
    return f + tail;
  }
  f = "V";
  if (imp) {
    f += ";IMP";
  } else if (present) {
    f += ";PRS";
  } else if (perfect && !pluperfect) {
    f += ";PRS;PRF";
  } else {
    f += ";PST";
    if (pluperfect) f += ";PRF";
    else if (ipfv) f += ";IPFV";
  }
  if (!imp) f += sbjv ? ";SBJV" : ";IND";
  if (neg) f += ";NEG";
  if (passive) f += ";PASS";
  if (c.causative) f += ";CAUS";
  const bool transitive_past = !present && c.transitive && !passive;
  // A past form with no ending is the third person singular, as UniMorph
  // tags it: the subject of an intransitive or passive past (هات, کرا:
  // ARGNO3S), the object of a transitive one (گوت, نەکرد: LGSPEC8(3S);
  // دەیانویست: agent clitic ARGER3P, object ARGAB3S).
  if (person.empty() && !present && !imp && (transitive_past || c.intransitive || passive)) person = "3S";
  if (transitive_past && !clitic_person.empty()) {
    ((f += ";ARGER") += clitic_person) += ";ARGAB";
    f += person;
  } else if (transitive_past) {
    if (!person.empty()) ((f += ";LGSPEC8(") += person) += ")";
  } else {
    if (!person.empty()) (f += ";ARGNO") += person;
    if (!clitic_person.empty()) (f += ";ARGAC") += clitic_person;
  }
  if (ewe) f += ";LGSPEC3";
  if (dir) f += ";LGSPEC2";
  if (add) f += ";LGSPEC5";
  return f + tail;
}

// The features a pronoun lemma carries itself: the reflexive خۆ, and the
// person and number of the personal pronouns (ئەو is also the demonstrative
// and is left without them).
std::string_view pronoun_features(std::string_view lemma) {
  static constexpr std::pair<std::string_view, std::string_view> kPronouns[] = {
      {"خۆ", ";REFL"}, {"من", ";1;SG"}, {"تۆ", ";2;SG"}, {"ئێمە", ";1;PL"}, {"ئێوە", ";2;PL"}};
  for (const auto& [pronoun, features] : kPronouns)
    if (lemma == pronoun) return features;
  return {};
}

// The UniMorph features of a reading of `form`.
std::string features_of(const Candidate& c, std::string_view form) {
  if (c.irregular) {
    // The row's features, and those of the suffixes the grammar added after
    // it (the row's own pieces carry none).
    std::string f(morph::pool_string(c.irregular->features, c.irregular->features_length));
    for (std::size_t n = 0; n < c.count; ++n)
      if (!c.pieces[n].features().empty()) (f += ';') += c.pieces[n].features();
    return f;
  }
  if (c.verb >= 0) return verb_features(c, form);
  std::string f(unimorph_pos(c.upos));
  if (c.upos == Upos::PRON) f += pronoun_features(c.lemma);
  bool definite = false;
  for (std::size_t n = 0; n < c.count; ++n) {
    const std::string_view t = c.pieces[n].tag();
    definite = definite || is(t, "DEF") || is(t, "DEF.PL");
    // An adposition's clitic is its object, the dative argument: بۆیان
    // ADP;ARGDA3P, لێی ADP;ARGDA3S.
    if (c.upos == Upos::ADP && begins(t, "CL.")) {
      (f += ";ARGDA") += t.substr(3);
      continue;
    }
    // After the definite ەکە/ەکان a clitic is the possessor, PSS<person>,
    // as UniMorph tags it (چاوەکانت N;DEF;PL;PSS2S, پرۆژەکەیان N;DEF;PSS3P);
    // elsewhere its LGSPEC9(<person>).
    if (definite && begins(t, "CL.")) {
      (f += ";PSS") += t.substr(3);
      continue;
    }
    if (!c.pieces[n].features().empty()) (f += ';') += c.pieces[n].features();
  }
  return f;
}

// A reading's lemma or stem as text: a compound's nominal part, if it has
// one, and then the lexicon's string.
// `form` is the analysed word.
std::string with_head(const Candidate& c, std::string_view form, std::string_view s) {
  std::string_view head;
  for (std::size_t n = 0; c.compound && n < c.count; ++n)
    if (is(c.pieces[n].tag(), "preverb")) head = slice(form, c.pieces[n].begin, c.pieces[n].end);
  std::string out;
  out.reserve(head.size() + s.size());
  return (out += head) += s;
}

Analysis materialize(const Candidate& c, std::string_view form, std::string features) {
  Analysis a;
  a.form = std::string(form);
  a.lemma = with_head(c, form, c.lemma);
  a.stem = with_head(c, form, c.stem);
  a.upos = morph::format::kUposNames[static_cast<std::size_t>(c.upos)];
  a.known = !c.guessed;
  a.cost = c.cost;
  a.features = std::move(features);
  a.morphemes.reserve(c.count);
  for (std::size_t n = 0; n < c.count; ++n) a.morphemes.push_back({c.pieces[n].begin, c.pieces[n].end, c.pieces[n].tag()});
  return a;
}

Analysis unknown(std::string_view form) {
  Analysis a;
  a.form = std::string(form);
  a.lemma = std::string(form);
  a.stem = std::string(form);
  a.upos = "X";
  a.features.push_back('X');  // (not = "X": g++ 12 then warns of a memcpy overlap that cannot happen, -Wrestrict)
  a.known = false;
  a.morphemes.push_back({0, form.size(), "stem"});
  return a;
}

std::vector<std::string> stems_of(const std::vector<Candidate>& candidates, std::string_view form) {
  std::vector<std::string> out;
  // Search stems are lexicon stems: a guessed word is indexed as it stands.
  if (candidates.empty() || candidates.front().guessed) {
    if (!form.empty()) out.emplace_back(form);
    return out;
  }
  const float best = candidates.front().cost;
  for (const Candidate& c : candidates) {
    if (c.cost > best + kStemMargin) break;
    const std::string_view s = c.upos == Upos::VERB ? c.lemma : c.stem;
    if (c.compound) {
      std::string whole = with_head(c, form, s);
      if (std::find(out.begin(), out.end(), whole) == out.end()) out.push_back(std::move(whole));
    } else if (std::find(out.begin(), out.end(), s) == out.end()) {
      out.emplace_back(s);
    }
  }
  return out;
}

std::vector<Analysis> analyses_of(const std::vector<Candidate>& candidates, std::string_view form) {
  std::vector<Analysis> out;
  if (form.empty()) return out;
  if (candidates.empty()) {
    out.push_back(unknown(form));
    return out;
  }
  out.reserve(candidates.size() + 1);
  for (const Candidate& c : candidates) {
    // One analysis per (lemma, upos, features, stem): clitic ی and ezafe ی
    // can reach the same reading through different states. (Checked before
    // the analysis is built, so a repeated reading costs no strings.)
    std::string features = features_of(c, form);
    const std::string_view upos = morph::format::kUposNames[static_cast<std::size_t>(c.upos)];
    const bool dup = std::any_of(out.begin(), out.end(), [&](const Analysis& u) {
      if (c.compound) return u.lemma == with_head(c, form, c.lemma) && u.upos == upos && u.features == features;
      return u.lemma == c.lemma && u.upos == upos && u.features == features && u.stem == c.stem;
    });
    if (!dup) out.push_back(materialize(c, form, std::move(features)));
  }
  // A guess may be wrong: the word taken whole stays among the readings.
  if (candidates.front().guessed) out.push_back(unknown(form));
  return out;
}

// Morphemes the morpheme tokenization splits off (the rest stays attached).
bool splits_off(std::string_view tag) {
  return is(tag, "DEF") || is(tag, "DEF.PL") || is(tag, "INDF") || is(tag, "EZ") || is(tag, "ADD") || is(tag, "DA") ||
         is(tag, "EWE") || is(tag, "RA") || begins(tag, "COP.") || begins(tag, "CL.");
}

}  // namespace

std::vector<Analysis> analyze(std::string_view word) {
  const std::string form = normalized_word(word);
  if (form.empty()) return {};
  Search search(form, nullptr, thread_readings());
  return analyses_of(search.run(), form);
}

std::string lemma(std::string_view word) {
  const std::string form = normalized_word(word);
  if (form.empty()) return {};
  Search search(form, nullptr, thread_readings());
  const auto& candidates = search.run();
  return candidates.empty() ? form : with_head(candidates.front(), form, candidates.front().lemma);
}

std::vector<std::string> stems(std::string_view word) {
  const std::string form = normalized_word(word);
  Search search(form, nullptr, thread_readings());
  return stems_of(form.empty() ? std::vector<Candidate>() : search.run(), form);
}

bool morph::has_lexicon_reading(std::string_view word) {
  const std::string form = normalized_word(word);
  if (form.empty()) return false;
  Search search(form, nullptr, thread_readings());
  const auto& candidates = search.run();
  // analyses_of keeps the candidates' order, and the first is never a repeat
  return !candidates.empty() && !candidates.front().guessed;
}

void morph::stems_and_lemma(std::string_view word, const UserLexicon* user, std::vector<std::string>& stems,
                            std::string& lemma) {
  // As Analyzer::Impl::get computes an entry for stems() and lemma().
  stems.clear();
  lemma.clear();
  const std::string form = normalized_word(word);
  if (form.empty()) return;
  Search search(form, user ? user->impl() : nullptr, thread_readings());
  const auto& candidates = search.run();
  stems = stems_of(candidates, form);
  lemma = candidates.empty() ? form : with_head(candidates.front(), form, candidates.front().lemma);
}

namespace {

// The morpheme tokens of reading c of `form` (see morpheme_tokens).
std::vector<std::pair<std::size_t, std::size_t>> tokens_of(const Candidate& c, std::string_view form) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  // Everything up to the first split-off morpheme after the stem is one
  // token (prefixes, preverbs and clitics inside a verb complex included);
  // from there on, each split-off morpheme is a token and any other one
  // (a plural ان, a demonstrative ە) stays with the token before it.
  std::size_t stem_index = 0;
  for (std::size_t i = 0; i < c.count; ++i)
    if (is(c.pieces[i].tag(), "stem")) stem_index = i;
  std::size_t begin = 0;
  // A conjunction joined before the stem (کە) is a token of its own. A
  // preposition joined before it (لەژێر, بەبڕی) stays with the word: Sorani
  // writes prepositions either way, the issue's list of split morphemes has no
  // preposition, and the gold keeps them joined (بەلای, لەڕووی).
  for (std::size_t i = 0; i < stem_index; ++i) {
    const Piece& m = c.pieces[i];
    if (!is(m.tag(), "CONJ") || m.begin != begin) break;
    out.emplace_back(begin, m.end);
    begin = m.end;
  }
  // A conjunction (و) or a preposition (بۆ) joined after the word is a token
  // of its own, after a verb too.
  const std::string_view last = c.pieces[c.count - 1].tag();
  const bool conjunction = c.count - 1u > stem_index && (is(last, "CONJ") || is(last, "PREP"));
  const std::size_t word_pieces = conjunction ? c.count - 1u : c.count;
  const std::size_t word_end = conjunction ? c.pieces[c.count - 1].begin : form.size();
  bool splitting = c.upos != Upos::VERB;
  for (std::size_t i = stem_index + 1; i < word_pieces; ++i) {
    const Piece& m = c.pieces[i];
    if (is(m.tag(), "INF")) splitting = true;  // an infinitive inflects as a noun
    // In a verb form only the nominal suffixes of an infinitive or a
    // participle split; clitics and endings of the verb itself stay.
    if (!splitting && m.nominal && splits_off(m.tag())) splitting = true;
    if (!splitting || !splits_off(m.tag())) continue;
    if (m.begin > begin) out.emplace_back(begin, m.begin);
    begin = m.begin;
  }
  out.emplace_back(begin, word_end);
  if (conjunction) out.emplace_back(word_end, form.size());
  return out;
}

// Whether reading c has the demonstrative frame's closing ە (ە, یە, انە).
bool has_demonstrative_e(const Candidate& c) {
  for (std::size_t i = 0; i < c.count; ++i)
    if (is(c.pieces[i].tag(), "DEM") || is(c.pieces[i].tag(), "PL.DEM")) return true;
  return false;
}

// Whether reading c may have the copula where it has the demonstrative ە: an
// adjective's ە or یە, or the یە of a noun or pronoun in a vowel (ئازادییە,
// تۆیە). After a consonant a noun's ە is also the linker of a definite phrase
// (شارە بەناوبانگەکان), which needs no demonstrative before it.
bool copula_candidate(const Candidate& c, std::string_view form) {
  if (!has_demonstrative_e(c)) return false;
  if (c.upos == Upos::ADJ) return true;
  if (c.upos != Upos::NOUN && c.upos != Upos::PRON) return false;
  const Piece& last = c.pieces[c.count - 1];
  return is(last.tag(), "DEM") && form.substr(last.begin, last.end - last.begin) == "یە";
}

// Whether reading b is reading a with its demonstrative ە read as the copula
// of the third person singular, everything else the same.
bool copula_for_demonstrative(const Candidate& a, const Candidate& b) {
  if (a.count != b.count) return false;
  bool swapped = false;
  for (std::size_t i = 0; i < a.count; ++i) {
    const Piece& x = a.pieces[i];
    const Piece& y = b.pieces[i];
    if (x.begin != y.begin || x.end != y.end) return false;
    if (is(x.tag(), "DEM") && is(y.tag(), "COP.3S")) swapped = true;
    else if (x.tag() != y.tag()) return false;
  }
  return swapped;
}

// Whether reading c has a number or definiteness marker (ەکە, ەکان, ان, ێک, انە).
bool has_number_marker(const Candidate& c) {
  for (std::size_t i = 0; i < c.count; ++i)
    if (number_or_definiteness(c.pieces[i].tag())) return true;
  return false;
}

// Whether punctuation mark `mark` ends a phrase: a closing bracket or
// quotation mark does, but not an opening one, a straight quotation mark, a
// dash or a slash, which often enclose or join a name that an ezafe links to
// (گوندی (ئیسلاح), خەڵاتی «ئەفسانە»).
bool ends_phrase(std::string_view mark) {
  for (std::string_view end : {".", "،", ",", "؛", ";", ":", "؟", "?", "!", "…", ")", "]", "»", "”"})
    if (mark == end) return true;
  return false;
}

// Whether reading c is the demonstrative determiner itself, bare or after a
// preposition (ئەم, ئەو, لەم, بەو): what opens the frame.
bool is_demonstrative(const Candidate& c) {
  if (c.count == 0 || !is(c.pieces[c.count - 1].tag(), "stem")) return false;
  return c.stem == "ئەم" || c.stem == "ئەو";
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> morpheme_tokens(std::string_view word, std::string* normalized) {
  const std::string form = normalized_word(word);
  if (normalized) *normalized = form;
  if (form.empty()) return {};
  Search search(form, nullptr, thread_readings());
  const auto& candidates = search.run();
  if (candidates.empty()) return {{0, form.size()}};
  return tokens_of(candidates.front(), form);
}

// The tokenizer keeps two analysed words: the current one and the one after
// it (passed as `next`), which is usually the next call's word and is then
// not analysed again. Two slots, so that nothing moves: the readings are
// views into their slot's form.
struct MorphemeTokenizer::Impl {
  struct Word {
    std::string form;
    std::vector<Candidate> readings;
  };
  std::array<Word, 2> slots;
  Word* ahead = nullptr;  // the analysed `next` of the last call, if any
  int frame_words_left = 0;

  // Analyses the normalized form `form` into w.
  void analyse(Word& w, std::string form) {
    w.form = std::move(form);
    if (w.form.empty()) {
      w.readings.clear();
      return;
    }
    Search(w.form, nullptr, w.readings).run();
  }
};

MorphemeTokenizer::MorphemeTokenizer() : impl_(new Impl) {}
MorphemeTokenizer::~MorphemeTokenizer() { delete impl_; }
void MorphemeTokenizer::punctuation(std::string_view mark) {
  // Quotation marks often enclose a word inside the phrase (ئەو دوو «ساختەکارە»).
  for (std::string_view quote : {"\"", "'", "«", "»", "“", "”", "‘", "’"})
    if (mark == quote) return;
  impl_->frame_words_left = 0;
}
void MorphemeTokenizer::reset() {
  impl_->frame_words_left = 0;
  impl_->ahead = nullptr;
}

std::vector<std::pair<std::size_t, std::size_t>> MorphemeTokenizer::word(std::string_view word, std::string_view next,
                                                                         std::string* normalized) {
  Impl& m = *impl_;
  std::string wanted = normalized_word(word);
  Impl::Word* cur = m.ahead;
  if (!cur || cur->form != wanted) {
    cur = &m.slots[0];
    m.analyse(*cur, std::move(wanted));
  }
  m.ahead = nullptr;
  const bool phrase_ends = ends_phrase(next);
  if (!next.empty() && !phrase_ends) {
    m.ahead = cur == &m.slots[0] ? &m.slots[1] : &m.slots[0];
    m.analyse(*m.ahead, normalized_word(next));
  }
  const std::string& form = cur->form;
  if (normalized) *normalized = form;
  if (form.empty()) return {};
  // ئ begins a word, so a form that ends in ئەم or ئەو has the determiner
  // written joined to it (نەکەنەئەو ناوچەیە): it opens the frame too.
  const bool joined_demonstrative = form.size() > 6 && (form.ends_with("ئەم") || form.ends_with("ئەو"));
  const std::vector<Candidate>& candidates = cur->readings;
  if (candidates.empty()) {
    if (joined_demonstrative) m.frame_words_left = kDemonstrativeFrameWords;
    else if (m.frame_words_left > 0) --m.frame_words_left;
    return {{0, form.size()}};
  }
  // The next word goes on with a noun phrase: a noun, name, adjective,
  // numeral or pronoun by its best reading, or any word with a number or
  // definiteness marker, which is used as a nominal whatever its part of
  // speech (یارییە دۆستانەکە: the adverb دۆستانە).
  bool nominal_next = false;
  if (m.ahead && !m.ahead->readings.empty()) {
    const Candidate& n = m.ahead->readings.front();
    const Upos u = n.upos;
    nominal_next = u == Upos::NOUN || u == Upos::PROPN || u == Upos::ADJ || u == Upos::NUM || u == Upos::PRON ||
                   has_number_marker(n);
  }
  const Candidate* chosen = &candidates.front();
  // (a word the lexicon lists as noun and adjective is ranked as the noun on
  // a tie, RULE W12; its ە follows the adjective's rule below: باشترە)
  if (chosen->upos == Upos::NOUN) {
    for (const Candidate& c : candidates) {
      if (c.cost != chosen->cost) break;
      if (c.upos == Upos::ADJ && c.stem == chosen->stem && same_pieces(c, *chosen)) {
        chosen = &c;
        break;
      }
    }
  }
  // An ezafe links its word to a word after it; before a punctuation mark or
  // a conjunction there is none, and a lexicon word that ends in the same ی
  // is read whole (تایبەتی :, کوردی و عەرەبی).
  {
    const bool no_link = phrase_ends || next == "و" || next == "یان";
    if (no_link && chosen->count == 2 && is(chosen->pieces[1].tag(), "EZ")) {
      for (const Candidate& c : candidates)
        if (c.count == 1 && !c.guessed && c.upos != Upos::X && c.upos != Upos::VERB) { chosen = &c; break; }
    }
  }
  // Outside a frame an adjective's ە is the copula (باشترە, پێویستە), and so
  // is the یە of a noun or pronoun in a vowel (ئاماژەیە, تۆیە), when the word
  // has that reading and no noun phrase goes on after it: the frame's ە
  // reaches an adjective only after its noun, inside the frame (ئەم پارتە
  // نوێیە). A noun's ە after a consonant stays as ranked (copula_candidate).
  if (m.frame_words_left == 0 && !nominal_next && copula_candidate(*chosen, form)) {
    for (const Candidate& c : candidates) {
      if (c.upos == chosen->upos && c.stem == chosen->stem && copula_for_demonstrative(*chosen, c)) {
        chosen = &c;
        break;
      }
    }
  }
  if (is_demonstrative(*chosen) || joined_demonstrative) {
    m.frame_words_left = kDemonstrativeFrameWords;
  } else if (chosen->upos == Upos::VERB || form == "کە") {
    m.frame_words_left = 0;  // a verb or a relative clause ends the noun phrase
  } else if (!nominal_next && has_demonstrative_e(*chosen)) {
    m.frame_words_left = 0;  // the frame's ە closes it, unless an adjective follows (ئەم پارتە نوێیە)
  } else if (m.frame_words_left > 0) {
    --m.frame_words_left;
  }
  return tokens_of(*chosen, form);
}

void MorphemeTokenizer::tokens(const Tokens& tokens, std::size_t from, std::size_t to, std::vector<std::string>& out) {
  std::string form;
  for (std::size_t k = from; k < to; ++k) {
    const Token& t = tokens.tokens[k];
    const std::string_view norm = tokens.norm(t);
    if (norm.empty()) continue;
    if (t.type != TokenType::word) {
      if (t.type == TokenType::punct) punctuation(norm);
      out.emplace_back(norm);
      continue;
    }
    std::string_view next;
    if (k + 1 < to) {
      const Token& n = tokens.tokens[k + 1];
      if (n.type == TokenType::word || (n.type == TokenType::punct && ends_phrase(tokens.norm(n))))
        next = tokens.norm(n);
    }
    for (const auto& [b, e] : word(norm, next, &form)) out.push_back(form.substr(b, e - b));
  }
}

std::vector<std::string> morpheme_tokenize(std::string_view text) {
  Tokens tokens;
  tokenize(text, tokens);
  std::vector<std::string> out;
  MorphemeTokenizer m;
  // Line by line: the context of a word ends with its line.
  std::size_t from = 0;
  while (from < tokens.tokens.size()) {
    std::size_t to = from;
    const std::size_t line_end = text.find('\n', tokens.tokens[from].begin);
    while (to < tokens.tokens.size() && (line_end == std::string_view::npos || tokens.tokens[to].begin < line_end)) ++to;
    m.reset();
    m.tokens(tokens, from, to, out);
    from = to;
  }
  return out;
}

// --- Analyzer: the same results through a cache -------------------------------

struct Analyzer::Impl {
  static constexpr std::size_t kInline = 28;             // word bytes kept in the entry itself
  static constexpr std::size_t kMaxCachedWord = 4096;    // longer words are analysed every time
  static constexpr std::size_t kMaxWordBytes = 1u << 30;  // per generation, for the 32-bit offsets
  static constexpr std::size_t kReservedEntries = 1u << 16;  // entries reserved per generation at most (4 MiB)

  // What an entry holds besides its stems, for the words that have any: a
  // lemma other than the first stem (6 % of 92,656 word types checked), the
  // analyses once analyze() asked for them.
  struct Extra {
    std::string lemma;
    std::vector<Analysis> analyses;
  };

  // What a search computed for an entry, each level including the ones
  // before it. An unknown word's stems are the word itself with or without
  // the search's guess (Search::guess), so stems() skips the guess (13-14 % of
  // a fresh session's stemming time, docs/benchmarks.md), and a lemma() on
  // such an entry later searches again.
  enum class Level : std::uint8_t { stems, lemma, analyses };

  // One cache line: the word, to compare it (inline up to kInline bytes,
  // 14 letters, which is nearly every word), and the stems a hit returns.
  // The rest is behind `extra`: with the lemma and the analyses in the entry
  // it took two lines, which a new word writes into fresh memory (page
  // faults) and the session's teardown reads again, while a hit read one.
  struct alignas(64) Entry {
    std::uint16_t word_size = 0;  // (at most kMaxCachedWord)
    Level level = Level::stems;
    // The lemma is stems.front(), as it is for 94 % of word types (else it
    // is extra->lemma, or empty for an empty word without extra).
    bool lemma_is_first_stem = false;
    // The word when it has at most kInline bytes; else the first 4 bytes
    // hold its offset in its Generation's `words`.
    char inline_word[kInline] = {};
    std::vector<std::string> stems;
    std::unique_ptr<Extra> extra;
  };
  static_assert(kMaxCachedWord <= 0xFFFF);
  static_assert(sizeof(Entry) == 64);

  // Entries in the order they came and an index over them (util::SlotIndex,
  // grown by doubling so that a small session stays small). A hit is one
  // hash, usually one probe, one compare and two cache lines, and allocates
  // nothing: the unordered_map of strings this replaces chased a node and a
  // key per lookup and, with its allocations, took a third of a fresh
  // session's time.
  struct Generation {
    util::SlotIndex index;  // entry number + 1
    std::vector<Entry> entries;
    std::string words;  // the words longer than kInline, back to back

    bool holds(const Entry& e, std::string_view word) const noexcept {
      if (e.word_size != word.size()) return false;
      if (word.size() <= kInline) return same_short(e.inline_word, word.data(), word.size());
      return std::memcmp(words.data() + word_begin(e), word.data(), word.size()) == 0;
    }

    static std::uint32_t word_begin(const Entry& e) noexcept {
      std::uint32_t begin;
      std::memcpy(&begin, e.inline_word, sizeof begin);
      return begin;
    }

    std::string_view word_of(const Entry& e) const noexcept {
      if (e.word_size <= kInline) return {e.inline_word, e.word_size};
      return {words.data() + word_begin(e), e.word_size};
    }

    // Whether n <= kInline bytes at a and b are equal, in a few 8-byte
    // compares (the last one overlapping) rather than a call to memcmp: this
    // is on every hit's path. Nothing past n bytes is read.
    static bool same_short(const char* a, const char* b, std::size_t n) noexcept {
      using util::hash_detail::load4;
      using util::hash_detail::load8;
      if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
          if (load8(a + i) != load8(b + i)) return false;
        return load8(a + n - 8) == load8(b + n - 8);
      }
      if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
      for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
      return true;
    }

    Entry* find(std::uint64_t h, std::string_view word) noexcept {
      const std::uint32_t n = index.find(h, [&](std::uint32_t v) { return holds(entries[v - 1], word); });
      return n == 0 ? nullptr : &entries[n - 1];
    }

    bool has_room_for(std::string_view word) const noexcept {
      return word.size() <= kInline || words.size() + word.size() <= kMaxWordBytes;
    }

    // Everything that can throw happens before the first change that find()
    // could see, so a failed add leaves the generation as it was.
    Entry& add(std::uint64_t h, std::string_view word, Entry&& e, std::size_t expected, std::uint64_t hash_seed) {
      // The entry array is reserved for the generation's expected size at
      // once: grown by doubling it moved every entry again at each step, and
      // each new array paid its page faults afresh. (Reserved pages are not
      // touched, so a small session does not occupy them.)
      if (entries.capacity() < expected) entries.reserve(expected);
      if (index.needs_room(entries.size())) {
        index.grow(1024);
        // (the hashes computed again: kept in the entry, they made it two lines)
        for (std::size_t n = 0; n < entries.size(); ++n)
          index.place(util::hash_bytes(word_of(entries[n]), hash_seed), static_cast<std::uint32_t>(n + 1));
      }
      e.word_size = static_cast<std::uint16_t>(word.size());
      if (word.size() <= kInline) {
        std::memcpy(e.inline_word, word.data(), word.size());
      } else {
        const auto begin = static_cast<std::uint32_t>(words.size());
        std::memcpy(e.inline_word, &begin, sizeof begin);
        words.append(word);
      }
      entries.push_back(std::move(e));
      index.place(h, static_cast<std::uint32_t>(entries.size()));
      return entries.back();
    }

    // Keeps the memory of the index and of the entry array for the next use.
    void clear() noexcept {
      index.clear();
      entries.clear();
      words.clear();
    }
  };

  // Two generations of at most `capacity` words each: when the young one is
  // full it becomes the old one (the old one is dropped), and a word found
  // in the old one moves back. Words in steady use stay cached, which
  // clearing everything at once would not do. (A word moved back leaves an
  // emptied entry in the old generation; young is searched first and holds
  // the word until the old generation is dropped, so it is never found.)
  Generation young, old;
  std::size_t capacity = 1;
  std::uint64_t seed = 0;
  const UserLexicon::Impl* user = nullptr;
  Entry uncached;  // the result for a word longer than kMaxCachedWord
  const std::string no_lemma{};               // an empty word's
  const std::vector<Analysis> no_analyses{};  // an empty word's
  std::vector<Candidate> readings;  // each search's, reused

  // The entry of `word` with at least `need` computed; a miss runs one
  // search and keeps what it gives (the full analyses too when `need` is
  // Level::analyses, so analyze() on a new word does not search twice).
  Entry& get(std::string_view word, Level need) {
    const std::uint64_t h = util::hash_bytes(word, seed);
    Entry* found = young.find(h, word);
    if (!found) {
      if (Entry* aged = old.find(h, word)) found = &moved_back(h, word, *aged);
    }
    if (found && found->level >= need) return *found;
    return searched(h, word, need, found);
  }

  // The rest of get() for a word that must be searched (`found`: its entry,
  // when cached below `need`). Out of line, so that a hit, which is most
  // calls, does not pay the register saves of all this.
  [[gnu::noinline]] Entry& searched(std::uint64_t h, std::string_view word, Level need, Entry* found) {
    // Computed before anything is stored: a search that throws caches nothing.
    Entry e;
    e.level = need;
    // Most words reach the cache normalized already: the search then reads
    // the word itself, not a copy (a heap allocation for most words, which
    // are longer than std::string's inline 15 bytes).
    std::string normalized;
    std::string_view form = word;
    if (!normalize_detail::standard_keeps_word(word)) form = normalized = normalized_word(word);
    if (!form.empty()) {
      Search search(form, user, readings);
      if (need == Level::stems) search.skip_guess();
      const auto& candidates = search.run();
      // Without a guess to skip, the entry is complete up to the lemma.
      if (need == Level::stems && !search.guess_skipped()) e.level = Level::lemma;
      e.stems = stems_of(candidates, form);
      std::string compound;  // (a compound's lemma, which is no view into anything)
      if (!candidates.empty() && candidates.front().compound)
        compound = with_head(candidates.front(), form, candidates.front().lemma);
      const std::string_view lemma = candidates.empty()                 ? form
                                     : candidates.front().compound ? std::string_view(compound)
                                                                        : candidates.front().lemma;
      if (!e.stems.empty() && e.stems.front() == lemma) {
        e.lemma_is_first_stem = true;
      } else {
        e.extra = std::make_unique<Extra>();
        e.extra->lemma = lemma;
      }
      if (need == Level::analyses) {
        if (!e.extra) e.extra = std::make_unique<Extra>();
        e.extra->analyses = analyses_of(candidates, form);
      }
    } else {
      e.level = Level::analyses;  // an empty word has none of them
    }
    if (word.size() > kMaxCachedWord) return uncached = std::move(e);
    if (!found) return insert(h, word, std::move(e));
    found->stems = std::move(e.stems);
    found->extra = std::move(e.extra);
    found->lemma_is_first_stem = e.lemma_is_first_stem;
    found->level = e.level;
    return *found;
  }

  const std::string& lemma_of(const Entry& e) const noexcept {
    if (e.lemma_is_first_stem) return e.stems.front();
    return e.extra ? e.extra->lemma : no_lemma;
  }

  const std::vector<Analysis>& analyses_of_entry(const Entry& e) const noexcept {
    return e.extra ? e.extra->analyses : no_analyses;
  }

  // A word found in the old generation, moved to the young one. (Out of
  // line, as searched().)
  [[gnu::noinline]] Entry& moved_back(std::uint64_t h, std::string_view word, Entry& aged) {
    // Out of the old generation first: insert() may drop it.
    Entry e = std::move(aged);
    return insert(h, word, std::move(e));
  }

  Entry& insert(std::uint64_t h, std::string_view word, Entry&& e) {
    if (young.entries.size() >= capacity || !young.has_room_for(word)) {
      std::swap(old, young);
      young.clear();
    }
    return young.add(h, word, std::move(e), std::min(capacity, kReservedEntries), seed);
  }
};

Analyzer::Analyzer(std::size_t capacity, const UserLexicon* user) : impl_(new Impl) {
  // Each generation holds half the capacity (entry numbers fit in 32 bits).
  impl_->capacity = std::clamp<std::size_t>(capacity / 2, 1, std::size_t{1} << 31);
  // Seeded per session, so that no fixed list of words collides in every
  // process (the words come from user documents).
  impl_->seed = util::mix64(reinterpret_cast<std::uintptr_t>(impl_) ^
                            static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
  impl_->user = user ? user->impl() : nullptr;
}
Analyzer::~Analyzer() { delete impl_; }

const std::vector<Analysis>& Analyzer::analyze(std::string_view word) {
  return impl_->analyses_of_entry(impl_->get(word, Impl::Level::analyses));
}
const std::vector<std::string>& Analyzer::stems(std::string_view word) {
  return impl_->get(word, Impl::Level::stems).stems;
}
const std::string& Analyzer::lemma(std::string_view word) {
  return impl_->lemma_of(impl_->get(word, Impl::Level::lemma));
}

}  // namespace kurdi
