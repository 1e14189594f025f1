// Index terms of a token: its search-profile form, then its stems and lemma
// (docs/sqlite.md, "How matching works"). Document time and query time use the
// same function of the form, so spellings that normalize alike (ك/ک, ي/ی,
// ه‌/ە) always get the same terms.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/search.hpp"
#include "kurdi/translit.hpp"

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

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using Cache = std::unordered_map<std::string, std::vector<Term>, Hash, std::equal_to<>>;

void add_unique(std::vector<Term>& terms, std::string_view text, bool exact) {
  if (text.empty()) return;
  for (const Term& t : terms) {
    if (t.exact == exact && t.text == text) return;
  }
  terms.push_back(Term{std::string(text), exact});
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
  Analyzer analyzer;
  std::size_t capacity;
  Cache documents;
  Cache queries;
  std::vector<Term> scratch;
  NormalizeOptions search_profile;

  Impl(const UserLexicon* u, std::size_t cap)
      : user(u), analyzer(cap < 16 ? 16 : cap, u), capacity(cap < 16 ? 16 : cap) {
    search_profile.profile = Profile::search;
  }

  bool known(std::string_view form) {
    const auto& analyses = analyzer.analyze(form);
    return std::any_of(analyses.begin(), analyses.end(), [](const Analysis& a) { return a.known; });
  }

  // Appends the exact term and the stem terms of an Arabic-script word.
  void append_word_terms(std::string_view form, std::vector<Term>& out) {
    add_unique(out, form, true);
    if (!known(form)) return;
    // Copy: the analyzer's references end at its next call.
    const std::vector<std::string> stems = analyzer.stems(form);
    const std::string lemma = analyzer.lemma(form);
    for (const std::string& s : stems) add_unique(out, normalize(s, search_profile), false);
    add_unique(out, normalize(lemma, search_profile), false);
  }

  void compute_document(std::string_view form, TokenType type, std::vector<Term>& out) {
    out.clear();
    if (type == TokenType::word) {
      append_word_terms(form, out);
    } else {
      add_unique(out, form, true);
    }
  }

  std::vector<std::string> readings(std::string_view latin) {
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
    const std::size_t spellings = std::size_t{1} << positions.size();
    std::string spelling;
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
      // The spelling as typed is always a reading; a restored one must be known.
      if (mask != 0 && !known(arabic)) continue;
      if (std::find(out.begin(), out.end(), arabic) == out.end()) out.push_back(std::move(arabic));
    }
    return out;
  }

  void compute_query(std::string_view form, TokenType type, std::vector<Term>& out) {
    compute_document(form, type, out);
    if (type != TokenType::latin) return;
    std::vector<Term> stems;
    for (const std::string& reading : readings(form)) {
      std::vector<Term> terms;
      append_word_terms(reading, terms);
      for (Term& t : terms) {
        if (t.exact) {
          add_unique(out, t.text, true);
        } else {
          add_unique(stems, t.text, false);
        }
      }
    }
    for (Term& t : stems) add_unique(out, t.text, false);
  }

  const std::vector<Term>& cached(Cache& cache, std::string_view form, TokenType type, bool query) {
    // Only words are analysed; other tokens need no cache.
    if (type != TokenType::word && (!query || type != TokenType::latin)) {
      scratch.clear();
      add_unique(scratch, form, true);
      return scratch;
    }
    if (auto it = cache.find(form); it != cache.end()) return it->second;
    if (cache.size() >= capacity) cache.clear();
    std::vector<Term> terms;
    if (query) {
      compute_query(form, type, terms);
    } else {
      compute_document(form, type, terms);
    }
    return cache.emplace(std::string(form), std::move(terms)).first->second;
  }
};

Expander::Expander(const UserLexicon* user, std::size_t capacity) : impl_(new Impl(user, capacity)) {}
Expander::~Expander() { delete impl_; }

const std::vector<Term>& Expander::document_terms(std::string_view form, TokenType type) {
  return impl_->cached(impl_->documents, form, type, false);
}

const std::vector<Term>& Expander::query_terms(std::string_view form, TokenType type) {
  return impl_->cached(impl_->queries, form, type, true);
}

std::vector<std::string> Expander::arabic_readings(std::string_view latin_form) {
  return impl_->readings(latin_form);
}

std::string Expander::analyzer_version() const { return kurdi::analyzer_version(impl_->user); }

}  // namespace kurdi::search
