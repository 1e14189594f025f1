// Morpheme boundaries for the syllable DP. A word is split as
//   [preverb] [verbal prefix] STEM [suffix] [suffix] ...
// where the suffixes are read from the end of the word (a short list of
// Sorani inflectional suffixes, clitics and person endings, at most four)
// and the stem must be a key of the morphological lexicon (src/morph): any
// entry when nothing precedes it, a verb stem after a verbal prefix. The
// longest stem wins. The split only matters, and is only looked for, when
// the word has a one-consonant ending or a plural clitic after a consonant,
// or a verbal prefix before two consonants or ب before a consonant; other
// words cost a few byte comparisons.
//
// The rules (docs/transliteration.md, "Morpheme boundaries"):
//  M1  the stem is read as the word alone would be (its own u/w/û, î/y and
//      unwritten i), and the DP must keep that reading inside the stem:
//      دەفرۆشن de|firoş|in as فرۆش firoş;
//  M2  a person ending or clitic that is one consonant (م ت ن) after a
//      consonant takes an i before it: -im, -it, -in (قسەکانت qisekanit,
//      دەخوێننەوە dexwêninewe, هاتنی hatinî);
//  M3  a plural clitic (مان تان یان) after a consonant does not: خوشکمان
//      xuşkman, not xuşkiman;
//  M4  the subjunctive/imperative prefix ب before a consonant is bi-;
#include "translit/morph_hints.hpp"

#include <array>
#include <cstdint>
#include <string>

#include "morph/lexicon.hpp"

namespace kurdi::translit_detail {

namespace {

// A favoured i costs 1.0 - 1.5 (cheaper than any cluster); a refused one 2.5.
constexpr float kEndingI = -1.5f;     // M2
constexpr float kNoCliticI = 1.5f;    // M3
constexpr float kPrefixBi = -1.5f;    // M4
constexpr float kStemOnsetI = -0.5f;  // M1, the stem's own i after its first consonant

enum PieceClass : std::uint8_t { kVowelPiece, kConsonantEnding, kPluralClitic };

struct Piece {
  std::u32string_view text;
  PieceClass cls;
  // Its slot in the order of suffixes: 0 the infinitive -n, 1 definite,
  // indefinite and plural, 2 ezafe, clitics and person endings, 3 -یش,
  // 4 postpositions and the copula / directional -ە. Slots rise left to right.
  std::uint8_t slot;
  // For endings and clitics: the pieces that may follow (space-separated).
  std::u32string_view followers = {};
};

// Inflectional suffixes, clitics, postpositions and person endings, as
// written after a stem (docs/morphology.md names them).
constexpr std::array kPieces{
    // -m -t: a person ending or clitic, then at most a postposition or -ش.
    Piece{U"م", kConsonantEnding, 2, U" ەوە وە دا یش "},
    Piece{U"ت", kConsonantEnding, 2, U" ەوە وە دا یش "},
    // -n: a person ending (then -ە, -ەوە), or the infinitive (then nominal suffixes).
    Piece{U"ن", kConsonantEnding, 0, U" ی ە ەوە وە یش ەکە ەکان ێک دا "},
    Piece{U"مان", kPluralClitic, 2, U" ەوە وە دا یش ە "},
    Piece{U"تان", kPluralClitic, 2, U" ەوە وە دا یش ە "},
    Piece{U"یان", kPluralClitic, 2, U" ەوە وە دا یش ە "},
    Piece{U"ەکان", kVowelPiece, 1}, Piece{U"ەکە", kVowelPiece, 1}, Piece{U"کان", kVowelPiece, 1},
    Piece{U"کە", kVowelPiece, 1},   Piece{U"ێک", kVowelPiece, 1},  Piece{U"یەک", kVowelPiece, 1},
    Piece{U"ان", kVowelPiece, 1},   Piece{U"ی", kVowelPiece, 2},   Piece{U"ین", kVowelPiece, 2},
    Piece{U"یت", kVowelPiece, 2},   Piece{U"ێت", kVowelPiece, 2},  Piece{U"ێ", kVowelPiece, 2},
    Piece{U"یش", kVowelPiece, 3},   Piece{U"ەوە", kVowelPiece, 4}, Piece{U"وە", kVowelPiece, 4},
    Piece{U"دا", kVowelPiece, 4},   Piece{U"ە", kVowelPiece, 4},   Piece{U"یە", kVowelPiece, 4},
};

// The preverbs that may stand before a verbal prefix (دە نە مە ئە نا ب بی,
// matched in morph_hints; a lexicon
// stem key holds its preverb: دانرێ for دا|دە|نرێ|ن).
constexpr std::array<std::u32string_view, 9> kPreverbs{U"", U"دا", U"هەڵ", U"ڕا", U"لێ", U"تێ", U"وەر", U"دەر", U"پێ"};

constexpr std::size_t kMaxPieces = 4;
constexpr std::size_t kMaxSplits = 24;
constexpr std::size_t kMaxLetters = 48;  // longer runs are no words: no hints

struct Split {
  std::uint8_t stem_end;  // letter index where the suffixes start
  std::uint8_t count;     // boundaries in `at`
  std::array<std::uint8_t, kMaxPieces> at;
  std::array<PieceClass, kMaxPieces> cls;
  std::array<std::uint8_t, kMaxPieces> piece;  // index into kPieces
};

// Whether `piece` may stand right before `next` (kPieces.size(): the word's end).
bool may_precede(const Piece& piece, std::size_t next) {
  if (next == kPieces.size()) return true;
  // A word in -ەوە is a noun again (بزووتنەوە): nominal suffixes may follow.
  const bool ewe = piece.text == U"ەوە" || piece.text == U"وە";
  if (kPieces[next].slot <= piece.slot && !(ewe && kPieces[next].slot <= 2)) return false;
  if (piece.cls == kVowelPiece) return true;
  const std::u32string_view t = kPieces[next].text;
  for (std::size_t at = piece.followers.find(t); at != std::string_view::npos; at = piece.followers.find(t, at + 1)) {
    if (piece.followers[at - 1] == ' ' && piece.followers[at + t.size()] == ' ') return true;
  }
  return false;
}

unsigned is_consonant(const ArabicLetter* l) {
  return static_cast<unsigned>(l->kind == Kind::consonant) | static_cast<unsigned>(l->kind == Kind::hamza);
}

// Whether letters [at, at + text.size()) spell `text`.
bool spells(const ArabicLetter* const* letters, std::size_t at, std::u32string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (letters[at + i]->cp != text[i]) return false;
  }
  return true;
}

// The pieces by their last letter: table[c - U+0600] lists indexes into
// kPieces, ending at kPieces.size().
struct PiecesByLast {
  std::array<std::array<std::uint8_t, 8>, 256> table{};
  constexpr PiecesByLast() {
    for (auto& row : table) row.fill(static_cast<std::uint8_t>(kPieces.size()));
    for (std::size_t pi = 0; pi < kPieces.size(); ++pi) {
      auto& row = table[kPieces[pi].text.back() - 0x600];
      std::size_t i = 0;
      while (row[i] != kPieces.size()) ++i;
      row[i] = static_cast<std::uint8_t>(pi);
    }
  }
};
constexpr PiecesByLast kByLast;

// Every way to read the end of the word (letters [0, end)) as suffixes, right to left.
void find_splits(const ArabicLetter* const* letters, std::size_t end, const Split& cur,
                 std::array<Split, kMaxSplits>& out, std::size_t& n) {
  if (cur.count == kMaxPieces) return;
  const char32_t last = letters[end - 1]->cp;
  if (last < 0x600 || last > 0x6FF) return;
  for (const std::uint8_t pi : kByLast.table[last - 0x600]) {
    if (pi == kPieces.size()) break;
    const Piece& piece = kPieces[pi];
    const std::size_t size = piece.text.size();
    if (size + 1 > end || !spells(letters, end - size, piece.text)) continue;
    if (!may_precede(piece, cur.count ? cur.piece[0] : kPieces.size())) continue;
    Split next = cur;
    const std::size_t at = end - size;
    // Boundaries are kept left to right: shift the later ones.
    for (std::size_t i = next.count; i > 0; --i) {
      next.at[i] = next.at[i - 1];
      next.cls[i] = next.cls[i - 1];
      next.piece[i] = next.piece[i - 1];
    }
    next.piece[0] = static_cast<std::uint8_t>(pi);
    next.at[0] = static_cast<std::uint8_t>(at);
    next.cls[0] = piece.cls;
    next.count++;
    next.stem_end = static_cast<std::uint8_t>(at);
    if (n < kMaxSplits) out[n++] = next;
    find_splits(letters, at, next, out, n);
  }
}

// Whether the split's boundaries give M2 or M3 something to do.
bool boundary_matters(const std::vector<const ArabicLetter*>& letters, const Split& split) {
  for (std::size_t i = 0; i < split.count; ++i) {
    if (split.cls[i] != kVowelPiece && split.at[i] > 0 && is_consonant(letters[split.at[i] - 1])) return true;
  }
  return false;
}

}  // namespace

bool morph_hints(const std::vector<const ArabicLetter*>& letters, std::string_view word, std::uint32_t endings,
                 std::uint64_t plain, WordReader& reader, std::vector<Hint>& hints,
                 std::vector<Decision>& scratch) {
  const std::size_t len = letters.size();
  if (len < 3 || len > kMaxLetters || word.size() != 2 * len) return false;
  // Whether the reading of the rules alone has an unwritten i before letter i.
  auto i_before = [plain](std::size_t i) { return ((plain >> i) & 1u) != 0; };
  const ArabicLetter* const* l = letters.data();

  // Does the reading of the rules alone break a boundary rule anywhere a
  // boundary may be? Near the end: an ending م ت ن after a consonant without
  // its i (M2), or a clitic مان تان after a consonant (M3; -یان after a
  // consonant is rare and is only handled when something else splits). At
  // the start: ب before a consonant without its i (M4), or a prefix before
  // two consonants read together (M1). Computed with few branches: most
  // words stop here.
  unsigned suffix = 0;
  if (const std::uint32_t window = endings & ((1u << kEndingWindow) - 1); window != 0) {
    // From the candidate farthest from the end (bit k: letter len - 1 - k).
    const std::size_t k = 31 - static_cast<std::size_t>(__builtin_clz(window));
    for (std::size_t b = k + 1 < len ? len - 1 - k : 1; b < len; ++b) {
      const char32_t c = l[b]->cp;
      const unsigned after_consonant = is_consonant(l[b - 1]);
      const std::size_t b1 = b + 1 < len ? b + 1 : b, b2 = b + 2 < len ? b + 2 : b;
      const unsigned an = static_cast<unsigned>(b + 2 < len) & static_cast<unsigned>(l[b1]->cp == U'ا') &
                          static_cast<unsigned>(l[b2]->cp == U'ن');
      const unsigned ib = static_cast<unsigned>(plain >> b) & 1u;
      const unsigned mt = static_cast<unsigned>(c == U'م') | static_cast<unsigned>(c == U'ت');
      const unsigned n = c == U'ن';
      suffix |= after_consonant & (((mt | n) & (ib ^ 1u)) | (mt & an));
    }
  }
  const bool suffix_gate = suffix != 0;
  {
    const char32_t c0 = l[0]->cp, c1 = l[1]->cp, c2 = l[2]->cp;
    const unsigned cons23 = static_cast<unsigned>(len > 3) & is_consonant(l[2]) & is_consonant(l[len > 3 ? 3 : 2]) &
                            ((static_cast<unsigned>(plain >> 3) & 1u) ^ 1u);
    const unsigned b0 = c0 == U'ب';
    unsigned start = b0 & is_consonant(l[1]) & ((static_cast<unsigned>(plain >> 1) & 1u) ^ 1u);
    start |= b0 & static_cast<unsigned>(c1 == U'ی') & cons23;
    start |= ((static_cast<unsigned>(c1 == U'ە') &
               (static_cast<unsigned>(c0 == U'د') | static_cast<unsigned>(c0 == U'ن') |
                static_cast<unsigned>(c0 == U'م') | static_cast<unsigned>(c0 == U'ئ'))) |
              (static_cast<unsigned>(c0 == U'ن') & static_cast<unsigned>(c1 == U'ا'))) &
             cons23;
    // A preverb (دا هەڵ ڕا لێ تێ وەر دەر پێ) may come first: the full test below.
    const unsigned e1 = c1 == U'ێ', a1 = c1 == U'ا', r2 = c2 == U'ر';
    start |= (static_cast<unsigned>(c0 == U'د') & (a1 | (static_cast<unsigned>(c1 == U'ە') & r2))) |
             (static_cast<unsigned>(c0 == U'ه') & static_cast<unsigned>(c1 == U'ە') & static_cast<unsigned>(c2 == U'ڵ')) |
             (static_cast<unsigned>(c0 == U'ڕ') & a1) |
             ((static_cast<unsigned>(c0 == U'ل') | static_cast<unsigned>(c0 == U'ت') | static_cast<unsigned>(c0 == U'پ')) & e1) |
             (static_cast<unsigned>(c0 == U'و') & static_cast<unsigned>(c1 == U'ە') & r2);
    if (!suffix_gate && start == 0) return false;
  }

  // Verbal prefix options: (preverb, prefix) and where the stem starts.
  struct Start {
    std::uint8_t preverb;  // index into kPreverbs
    std::uint8_t at;       // letter index of the stem
    bool bi;               // the prefix is ب before a consonant
    bool matters;          // M1 (two consonants) or M4 can apply
  };
  std::array<Start, 16> starts;
  std::size_t nstarts = 0;
  auto add = [&](std::uint8_t pv, std::size_t at, bool bi) {
    if (nstarts == starts.size() || at >= len) return;
    const bool cc = at + 1 < len && is_consonant(l[at]) && is_consonant(l[at + 1]);
    starts[nstarts++] = {pv, static_cast<std::uint8_t>(at), bi, bi || cc};
  };
  // The prefixes after a preverb of `p` letters (index pv): ب (bi-, before a
  // consonant), بی (bi- + the clitic î), دە نە مە ئە, نا.
  auto prefixes = [&](std::uint8_t pv, std::size_t p) {
    if (p + 3 > len) return;
    const char32_t a = l[p]->cp, b = l[p + 1]->cp;
    if (a == U'ب') {
      if (is_consonant(l[p + 1])) add(pv, p + 1, true);
      if (b == U'ی') add(pv, p + 2, false);
    } else if (b == U'ە' && (a == U'د' || a == U'ن' || a == U'م' || a == U'ئ')) {
      add(pv, p + 2, false);
    } else if (a == U'ن' && b == U'ا') {
      add(pv, p + 2, false);
    }
  };
  prefixes(0, 0);
  const char32_t c0 = l[0]->cp;
  if (c0 == U'د' || c0 == U'ه' || c0 == U'ڕ' || c0 == U'ل' || c0 == U'ت' || c0 == U'و' || c0 == U'پ') {
    for (std::uint8_t pv = 1; pv < kPreverbs.size(); ++pv) {
      if (kPreverbs[pv][0] == c0 && kPreverbs[pv].size() < len && spells(l, 0, kPreverbs[pv])) {
        prefixes(pv, kPreverbs[pv].size());
      }
    }
  }
  // At the start: a verbal prefix whose stem's first two consonants are
  // read together (M1), or ب before a consonant without its i (M4).
  bool any = suffix_gate;
  for (std::size_t i = 0; i < nstarts && !any; ++i) {
    const Start& st = starts[i];
    any = st.bi ? !i_before(st.at) : st.matters && !i_before(st.at + 1);
  }
  if (!any) return false;

  std::array<Split, kMaxSplits> splits;
  std::size_t nsplits = 0;
  splits[nsplits++] = Split{static_cast<std::uint8_t>(len), 0, {}, {}, {}};
  find_splits(l, len, splits[0], splits, nsplits);

  any = false;
  for (std::size_t i = 0; i < nstarts && !any; ++i) any = starts[i].matters;
  for (std::size_t i = 1; i < nsplits && !any; ++i) any = boundary_matters(letters, splits[i]);
  if (!any) return false;

  // When the reading of the rules alone already puts (M2, M4, M1 at the
  // stem's onset) or leaves out (M3) the i at every boundary that may be
  // one, the split cannot change it much, and the lexicon is not consulted.
  bool satisfied = true;
  for (std::size_t i = 0; i < nstarts && satisfied; ++i) {
    const Start& st = starts[i];
    if (st.bi) satisfied = i_before(st.at);
    else if (st.matters) satisfied = i_before(st.at + 1);
  }
  for (std::size_t si = 1; si < nsplits && satisfied; ++si) {
    const Split& split = splits[si];
    for (std::size_t i = 0; i < split.count && satisfied; ++i) {
      const std::size_t at = split.at[i];
      if (split.cls[i] == kVowelPiece || !is_consonant(l[at - 1])) continue;
      satisfied = i_before(at) == (split.cls[i] == kConsonantEnding);
    }
  }
  if (satisfied) return false;
  // Lexicon lookups with the hashes of the word's prefixes (FNV-1a grows
  // one letter at a time) and the lexicon's prefix filter first.
  std::array<std::uint64_t, kMaxLetters + 1> prefix_hash;
  prefix_hash[0] = morph::kHashSeed;
  for (std::size_t i = 0; i < len; ++i) prefix_hash[i + 1] = morph::hash_more(prefix_hash[i], word.substr(2 * i, 2));
  // (A dictionary headword, the analyzer's second tier, is no stem here: its
  // cuts are the least sure readings, and with them the rules read worse.)
  auto find = [](std::string_view form, std::uint64_t hash) {
    if (!morph::may_start_key(hash)) return false;
    for (const morph::Record& r : morph::lookup(form, hash).records)
      if (r.kind != morph::Kind::headword) return true;
    return false;
  };

  // Longest stem first; a split without a prefix before one with.
  const Split* best = nullptr;
  const Start* best_start = nullptr;
  std::string key;
  for (std::size_t want = len; want > 0 && !best; --want) {
    for (std::size_t si = 0; si < nsplits && !best; ++si) {
      const Split& split = splits[si];
      if (split.stem_end != want) continue;
      // No prefix: any lexicon entry of two letters or more.
      if (split.count > 0 && split.stem_end >= 2 && find(word.substr(0, 2 * want), prefix_hash[want])) {
        best = &split;
        break;
      }
      for (std::size_t i = 0; i < nstarts; ++i) {
        const Start& st = starts[i];
        if (want <= st.at) continue;
        const std::size_t pv = kPreverbs[st.preverb].size();
        const std::string_view stem = word.substr(2 * st.at, 2 * (want - st.at));
        const std::uint64_t hash = morph::hash_more(prefix_hash[pv], stem);
        if (!morph::may_start_key(hash)) continue;
        key.assign(word.substr(0, 2 * pv));  // the word starts with its preverb
        key.append(stem);
        bool verb = false;
        for (const morph::Record& r : morph::lookup(key, hash).records) verb |= morph::format::is_verb_stem(r.kind);
        if (verb) {
          best = &split;
          best_start = &st;
          break;
        }
      }
    }
  }
  if (!best) return false;
  if (find(word, prefix_hash[len])) return false;  // a whole lexicon word: no split
  const std::size_t stem_begin = best_start ? best_start->at : 0;
  const std::size_t stem_end = best->stem_end;
  if (!(best_start && best_start->matters) && !boundary_matters(letters, *best)) return false;

  hints.assign(len, Hint{});
  // M1: the stem's own reading.
  if (stem_end - stem_begin >= 2) {
    const std::size_t n = stem_end - stem_begin;
    std::vector<Decision>& own = scratch;
    if (!reader.decide(letters.data() + stem_begin, n, nullptr, own)) return false;
    // Its last letter is free before a vowel (the stem's last syllable is
    // then split anew: خزم xizim, خزمەکان xizmekan; û before a vowel is uw).
    const std::size_t last = stem_end < len && letters[stem_end]->kind == Kind::vowel ? n - 1 : n;
    for (std::size_t i = 0; i < last; ++i) {
      Hint& h = hints[stem_begin + i];
      h.decision = own[i];
      h.forced = true;
      // The i before its second letter: where the stem meets a prefix the
      // cluster may split across the syllables (بستێنن bis.tê.nin), so the
      // stem's own i there is only favoured (دەفرۆشن de.fi.ro.şin).
      h.forced_bizroke = i >= 2 || (i == 1 && stem_begin == 0);
      if (i == 1 && !h.forced_bizroke && own[i].bizroke) h.bizroke += kStemOnsetI;
    }
    hints[stem_begin].forced_bizroke = false;
    if (last < n && own[last].choice == kWawPair) hints[stem_end - 2].forced = false;
  }
  // M4
  if (best_start && best_start->bi) hints[stem_begin].bizroke += kPrefixBi;
  // M2, M3
  for (std::size_t i = 0; i < best->count; ++i) {
    const std::size_t at = best->at[i];
    if (best->cls[i] == kVowelPiece || at == 0 || !is_consonant(letters[at - 1])) continue;
    hints[at].bizroke += best->cls[i] == kConsonantEnding ? kEndingI : kNoCliticI;
  }
  return true;
}

}  // namespace kurdi::translit_detail
