// Index terms of a token: its search-profile form, then those of its stems
// and lemma that differ from it (docs/sqlite.md, "How matching works").
// Document time and query time use the same function of the form, so
// spellings that normalize alike (ك/ک, ي/ی, ه‌/ە) always get the same terms.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/search.hpp"
#include "kurdi/translit.hpp"
#include "morph/word.hpp"
#include "normalize/quick.hpp"

namespace kurdi::search {

std::string stored_term(const Term& term) {
  if (term.exact) return term.text;
  std::string out;
  out.reserve(stem_marker.size() + term.text.size());
  out.append(stem_marker);
  out.append(term.text);
  return out;
}

bool is_indexed(TokenType type) noexcept {
  switch (type) {
    case TokenType::punct:
    case TokenType::symbol:
    case TokenType::other:
      return false;
    default:
      return true;
  }
}

TokenizeOptions search_tokenize_options() {
  TokenizeOptions options;
  options.normalize.profile = Profile::search;
  return options;
}

namespace {
// A letter after the prefix, so that normalization does not take its end for
// a word's end; no rule changes ا or what stands before it.
constexpr std::string_view kContinuation = "\u0627";
}  // namespace

bool prefix_reads_otherwise(std::string_view text) noexcept {
  return text.ends_with("\u0647") || text.ends_with("\u06BE");
}

void tokenize_prefix(std::string_view text, Tokens& out, const TokenizeOptions& options) {
  if (!prefix_reads_otherwise(text)) {
    tokenize(text, out, options);
    return;
  }
  std::string continued(text);
  continued += kContinuation;
  tokenize(continued, out, options);
  // The continuation joined the last word (the ه is a letter): it is cut
  // off that word again. (Anything else: the text is read as it stands.)
  if (!out.tokens.empty()) {
    Token& last = out.tokens.back();
    if (last.end == continued.size() && out.norm(last).ends_with(kContinuation) &&
        last.end - last.begin > kContinuation.size()) {
      last.end -= kContinuation.size();
      last.norm_end -= kContinuation.size();
      return;
    }
  }
  tokenize(text, out, options);
}

namespace {

// Deliberately not noexcept: libstdc++ stores each node's hash code only for
// hashers that are not "fast" and nothrow. Without the stored code a lookup
// rehashes every string in the bucket chain it walks (a tenth of FTS5 ingest
// time went there).
struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Cache = std::unordered_map<std::string, std::vector<Term>, Hash, std::equal_to<>>;

void add_unique(std::vector<Term>& terms, std::string_view text, bool exact, bool derived = false) {
  if (text.empty()) return;
  for (const Term& t : terms) {
    if (t.exact == exact && t.text == text) return;
  }
  terms.push_back(Term{std::string(text), exact, derived});
}

// Latin letters a Hawar word may have been typed without its diacritic on
// (hez for hêz, slemani for slêmanî). The UTF-8 spelling of each alternative.
struct Diacritic {
  char plain;
  std::string_view marked;
};
constexpr Diacritic kDiacritics[] = {
    {'e', "\xC3\xAA"},  // ê
    {'i', "\xC3\xAE"},  // î
    {'u', "\xC3\xBB"},  // û
    {'s', "\xC5\x9F"},  // ş
    {'c', "\xC3\xA7"},  // ç
};
constexpr std::size_t kMaxVariablePositions = 6;  // 2^6 = 64 spellings

}  // namespace

struct Expander::Impl {
  const UserLexicon* user;
  // The analyzer's own cache only needs to hold the words of one query or
  // one cache miss: `documents` and `queries` keep the results.
  Analyzer analyzer;
  std::size_t capacity;
  // Two generations each, as in the Analyzer: when the young one is full it
  // becomes the old one, and a word found in the old one moves back.
  Cache documents, documents_old, queries, queries_old;
  std::vector<Term> scratch;
  std::vector<std::string> stems;  // of the word being expanded, search-normalized
  NormalizeOptions search_profile;
  // Search-normalized stems and lemmas, by their analyzer spelling. Many
  // words share a stem, and normalizing one is not cheap: the search
  // profile's ه repair may analyse it. A pure function's results, so
  // forgetting them all when max_normalized are held changes only speed.
  // Bounded by the host (stem_capacity): an Expander behind a cache of its
  // own (the FTS5 tokenizer's) keeps few words but meets as many stems, and
  // one in every PostgreSQL backend must stay small.
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> normalized;
  std::size_t max_normalized;

  Impl(const UserLexicon* u, std::size_t cap, std::size_t stem_cap)
      : user(u), analyzer(1024, u), capacity(cap < 16 ? 8 : cap / 2),
        max_normalized(stem_cap != 0 ? stem_cap : std::min<std::size_t>(capacity * 16, std::size_t{1} << 16)) {
    search_profile.profile = Profile::search;
  }

  // The cost of a word the lexicon cannot explain.
  static constexpr float kUnknownCost = 1e30f;
  // A Latin word's Arabic-script readings count when their best analysis
  // costs at most this much more than the best reading's (readings()): the
  // analyzer's own margin for the stems of an ambiguous word (kStemMargin).
  static constexpr float kReadingMargin = 2.0f;

  // The ranking cost of the best lexicon-backed analysis of `form`
  // (kUnknownCost when none), and whether that analysis is the word whole
  // (one morpheme).
  struct Known {
    float cost = kUnknownCost;
    bool whole = false;
  };
  Known best_known(std::string_view form) {
    Known best;
    for (const Analysis& a : analyzer.analyze(form)) {
      if (a.known && a.cost < best.cost) best = {a.cost, a.morphemes.size() == 1};
    }
    return best;
  }

  // Adds the search normalization of the analyzer's stem or lemma `s` to
  // `stems` unless it is empty or there already.
  void add_stem(const std::string& s) {
    if (normalize_detail::search_keeps_word(s)) {  // most stems: no look-up, no normalizer
      if (std::find(stems.begin(), stems.end(), s) == stems.end()) stems.push_back(s);
      return;
    }
    auto it = normalized.find(std::string_view(s));
    if (it == normalized.end()) {
      if (normalized.size() >= max_normalized) normalized.clear();
      it = normalized.emplace(s, normalize(s, search_profile)).first;
    }
    const std::string& n = it->second;
    if (!n.empty() && std::find(stems.begin(), stems.end(), n) == stems.end()) stems.push_back(n);
  }

  // The stems and the lemma of an Arabic-script word, search-normalized,
  // deduplicated, best first, into `stems`.
  void stems_of(std::string_view form) {
    stems.clear();
    for (const std::string& s : analyzer.stems(form)) add_stem(s);
    add_stem(analyzer.lemma(form));
  }

  // The same for a document word: the analysis is kept nowhere (the caller
  // of document_terms keeps its terms), so it skips the Analyzer's cache,
  // whose insertions and evictions cost more than a tenth of a new word's
  // analysis.
  std::vector<std::string> raw_stems;
  std::string raw_lemma;
  void document_stems_of(std::string_view form) {
    stems.clear();
    morph::stems_and_lemma(form, user, raw_stems, raw_lemma);
    for (const std::string& s : raw_stems) add_stem(s);
    add_stem(raw_lemma);
  }

  void compute_document(std::string_view form, TokenType type, std::vector<Term>& out) {
    out.clear();
    add_unique(out, form, true);
    if (type != TokenType::word) return;
    document_stems_of(form);
    for (const std::string& s : stems) {
      if (s != form) add_unique(out, s, false);
    }
  }

  // The Arabic-script readings of a Latin word; `stems_count[i]`: whether
  // reading i's stems are searched too (optional).
  std::vector<std::string> readings(std::string_view latin, std::vector<bool>* stems_count = nullptr) {
    // Positions whose letter may have lost a diacritic.
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < latin.size() && positions.size() < kMaxVariablePositions; ++i) {
      for (const Diacritic& d : kDiacritics) {
        if (latin[i] == d.plain) {
          positions.push_back(i);
          break;
        }
      }
    }
    TransliterateOptions to_arab;
    to_arab.to = Script::arab;
    std::vector<std::string> out;
    std::vector<Known> known;  // out[i]'s best analysis
    const std::size_t spellings = std::size_t{1} << positions.size();
    std::string spelling;
    // A restored spelling must explain the word at least as well as the
    // spelling as typed (mask 0, tried first): a typed word the lexicon knows
    // plainly keeps its far-fetched restorations out. kurdistan, کوردستان, a
    // lexicon word, would otherwise also read as kurdîştan, کوردیشتان, "your
    // Kurdish too" (two clitics), and find every کوردی.
    float typed_cost = kUnknownCost;
    bool typed_first = false;  // out[0] is the spelling as typed
    for (std::size_t mask = 0; mask < spellings; ++mask) {
      spelling.clear();
      std::size_t next = 0;
      for (std::size_t i = 0; i < latin.size(); ++i) {
        if (next < positions.size() && positions[next] == i) {
          const bool marked = (mask >> next) & 1u;
          ++next;
          if (marked) {
            for (const Diacritic& d : kDiacritics) {
              if (latin[i] == d.plain) spelling.append(d.marked);
            }
            continue;
          }
        }
        spelling.push_back(latin[i]);
      }
      std::string arabic = normalize(transliterate(spelling, to_arab), search_profile);
      // One word of Arabic letters only: a reading with a space, a digit or
      // a Latin letter left over is no reading.
      if (arabic.empty() || arabic.find(' ') != std::string::npos) continue;
      const Tokens t = tokenize(arabic, search_tokenize_options());
      if (t.tokens.size() != 1 || t.tokens[0].type != TokenType::word) continue;
      // The spelling as typed is always a reading; a restored one must be
      // known, and no costlier than the typed one.
      const Known k = best_known(arabic);
      if (mask == 0) {
        typed_cost = k.cost;
      } else if (k.cost >= kUnknownCost || k.cost > typed_cost) {
        continue;
      }
      if (std::find(out.begin(), out.end(), arabic) == out.end()) {
        typed_first = typed_first || mask == 0;
        out.push_back(std::move(arabic));
        known.push_back(k);
      }
    }
    // A word typed in Latin letters is most often a word or a name as it
    // stands. When some reading is a lexicon word whole, the readings the
    // lexicon explains only with suffixes do not count: slemani is سلێمانی
    // (a name), not the restoration şleman (شلە + مان, "our liquid") or the
    // typed سلەمان (سل + ە + مان), which brought the stems شلە, شل and سل,
    // and their documents above سلێمانی. And of the rest, only those within
    // kReadingMargin of the best. The spelling as typed stays a reading (its
    // exact form is searched), but its stems count only where it would.
    bool any_whole = false;
    float best = kUnknownCost;
    for (const Known& k : known) {
      any_whole = any_whole || k.whole;
      best = std::min(best, k.cost);
    }
    auto counts = [&](const Known& k) {
      if (k.cost >= kUnknownCost) return true;  // (an unknown typed word: its stem is itself)
      return (k.whole || !any_whole) && k.cost <= best + kReadingMargin;
    };
    std::vector<std::string> kept;
    if (stems_count) stems_count->clear();
    for (std::size_t i = 0; i < out.size(); ++i) {
      const bool typed = i == 0 && typed_first;
      if (!typed && !counts(known[i])) continue;
      kept.push_back(std::move(out[i]));
      if (stems_count) stems_count->push_back(counts(known[i]));
    }
    return kept;
  }

  void compute_query(std::string_view form, TokenType type, std::vector<Term>& out) {
    out.clear();
    add_unique(out, form, true);
    std::vector<std::string> words;  // Arabic-script words whose stems count
    if (type == TokenType::word) words.emplace_back(form);
    if (type == TokenType::latin) {
      std::vector<bool> stems_count;
      std::vector<std::string> found = readings(form, &stems_count);
      for (std::size_t i = 0; i < found.size(); ++i) {
        add_unique(out, found[i], true);
        if (stems_count[i]) words.push_back(std::move(found[i]));
      }
    }
    std::vector<std::string> all_stems;
    for (const std::string& w : words) {
      stems_of(w);
      for (const std::string& s : stems) {
        if (std::find(all_stems.begin(), all_stems.end(), s) == all_stems.end()) all_stems.push_back(s);
      }
    }
    for (const std::string& s : all_stems) add_unique(out, s, true, true);
    for (const std::string& s : all_stems) add_unique(out, s, false);
  }

  const std::vector<Term>& cached(Cache& young, Cache& old, std::string_view form, TokenType type,
                                  bool query) {
    // Only words (and Latin query words) are analysed; other tokens need no cache.
    if (type != TokenType::word && (!query || type != TokenType::latin)) {
      scratch.clear();
      add_unique(scratch, form, true);
      return scratch;
    }
    if (auto it = young.find(form); it != young.end()) return it->second;
    std::vector<Term> terms;
    if (auto it = old.find(form); it != old.end()) {
      terms = std::move(it->second);
      old.erase(it);
    } else if (query) {
      compute_query(form, type, terms);
    } else {
      compute_document(form, type, terms);
    }
    if (young.size() >= capacity) {
      old.swap(young);
      young.clear();
    }
    return young.emplace(std::string(form), std::move(terms)).first->second;
  }
};

Expander::Expander(const UserLexicon* user, std::size_t capacity, std::size_t stem_capacity)
    : impl_(new Impl(user, capacity, stem_capacity)) {}
Expander::~Expander() { delete impl_; }

const std::vector<Term>& Expander::document_terms(std::string_view form, TokenType type) {
  return impl_->cached(impl_->documents, impl_->documents_old, form, type, false);
}

const std::vector<Term>& Expander::query_terms(std::string_view form, TokenType type) {
  return impl_->cached(impl_->queries, impl_->queries_old, form, type, true);
}

std::vector<std::string> Expander::arabic_readings(std::string_view latin_form) {
  return impl_->readings(latin_form);
}

std::string Expander::analyzer_version() const { return kurdi::analyzer_version(impl_->user); }

}  // namespace kurdi::search
