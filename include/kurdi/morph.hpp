// kurdi: morphology. Analyses of a Sorani word (lemma, part of speech,
// UniMorph features, stem and morpheme spans), the lemma, and the search stems.
// The lexicon is compiled into the library (data/lexicon/, docs/lexicon.md);
// the morphotactics are documented in docs/morphology.md.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include "kurdi/export.hpp"

KURDI_PUBLIC_BEGIN
namespace kurdi {

/// One morpheme of an analysed form: a byte range of Analysis::form and what it is.
struct Morpheme {
  std::size_t begin;
  std::size_t end;
  /// "stem", "preverb", or the grammatical tag of an affix or clitic in the
  /// notation of docs/morphology.md (e.g. "DEF.PL", "EZ", "ADD", "CL.3P", "NEG").
  std::string_view tag;
};

struct Analysis {
  std::string form;      ///< the analysed word, normalized (standard profile)
  std::string lemma;     ///< UniMorph convention: verbs give the active infinitive
  std::string_view upos; ///< Universal Dependencies tag (NOUN, VERB, ...)
  std::string features;  ///< UniMorph feature bundle, e.g. "N;DEF;PL;LGSPEC1"
  std::string stem;      ///< the lexicon stem (nominal lemma, or verb stem with its preverb)
  std::vector<Morpheme> morphemes;  ///< in order, covering the whole form
  bool known = false;    ///< the stem is a lexicon entry (false: out of vocabulary, the form stands in)
  float cost = 0;        ///< ranking cost, lower is better (docs/morphology.md)
};

/// Every analysis of `word`, best first. A word the lexicon cannot explain gets
/// analyses with known == false: guessed readings when it ends in a
/// definiteness marker (docs/morphology.md, "Unknown words"), then the word
/// taken whole (its normalized form as lemma and stem, upos "X"). The result
/// is never empty for a non-empty word.
std::vector<Analysis> analyze(std::string_view word);

/// The best lemma of `word`; an unknown word gives its normalized form, or the
/// guessed stem when it ends in a definiteness marker (زژڤەکان -> زژڤ).
std::string lemma(std::string_view word);

/// The search stems of `word`: every stem of its best-ranked lexicon-backed
/// analyses (several when the form is ambiguous: کوردی -> کوردی, کورد), best
/// first. Nominal analyses give the stem, verbal ones the infinitive. An
/// unknown word gives its normalized form, never a cut guess.
std::vector<std::string> stems(std::string_view word);

/// Lucene's Sorani stemmer (Lucene 8 SoraniStemFilter), reproduced for
/// indexes that must match an existing Lucene, Solr or Elasticsearch index:
/// ordered suffix rules with length guards, no lexicon, one stem. `word` is
/// normalized with the standard profile first; on the same string the result
/// equals Lucene's. It has Lucene's defects (docs/morphology.md, "Lucene mode").
std::string lucene_stem(std::string_view word);

/// The two stopword lists (data/stopwords/, docs/lexicon.md): `search`, the
/// small list of function words a search engine may skip (Lucene's Sorani
/// list); `analytics`, the broad list for word statistics (Lucene's and
/// KLPT's).
enum class StopwordList : unsigned char { search, analytics };

/// Whether `word` (normalized with the standard profile first) is on `list`.
bool is_stopword(std::string_view word, StopwordList list = StopwordList::search);

/// A user lexicon: words and verbs added to the compiled lexicon for one
/// session (a newsroom's names, a domain's terms). The text format is in
/// docs/lexicon.md ("User lexicons"):
///   word TAB UPOS [TAB freq]                        a lemma (NOUN, PROPN, ADJ, ...)
///   infinitive TAB VERB TAB past TAB present [TAB preverb]
/// '#' starts a comment line. Entries are normalized (standard profile).
/// Its content hash becomes part of the analyzer version (analyzer_version).
class UserLexicon {
 public:
  /// Parses `text`; a malformed line throws std::invalid_argument with
  /// "NAME:LINE: message".
  static UserLexicon parse(std::string_view text, std::string_view name = "user lexicon");
  /// Reads and parses the file at `path` (named by its path in messages); a
  /// file that cannot be read (missing, a directory, no permission) throws
  /// std::invalid_argument with "PATH: cannot read the user lexicon: why".
  static UserLexicon load(const std::string& path);
  UserLexicon(UserLexicon&& other) noexcept;
  UserLexicon& operator=(UserLexicon&& other) noexcept;
  ~UserLexicon();
  /// The first 12 hex digits of the SHA-256 of the normalized, sorted entries
  /// (comments, order and spelling variants that normalize alike do not count).
  std::string_view hash() const noexcept;
  std::size_t size() const noexcept;  ///< entries

  struct Impl;
  const Impl* impl() const noexcept { return impl_; }

 private:
  explicit UserLexicon(Impl* impl) : impl_(impl) {}
  Impl* impl_;
};

/// The analyzer version of analyses made with `user` (the library's own when
/// null): "0.1.0+<hash>+user.<user hash>".
std::string analyzer_version(const UserLexicon* user);

/// A morphology session with a cache of recent words: what a host keeps per
/// connection or per run, since running text repeats its words (Zipf) and a
/// cached word costs one hash lookup. Results are those of the free functions.
/// Not thread-safe: one Analyzer per thread. The cache holds at most
/// `capacity` words, in two generations: when the newer half fills up the
/// older half is dropped, and words in steady use move back to the newer.
class Analyzer {
 public:
  /// `user` (may be null) must outlive the Analyzer.
  explicit Analyzer(std::size_t capacity = 1u << 17, const UserLexicon* user = nullptr);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  /// References stay valid until the next call on this Analyzer. A word
  /// no lexicon reading explains costs stems() less than lemma(): its stems
  /// are the word itself, without the guess its lemma needs (so a lemma()
  /// after stems() on such a word searches it again).
  const std::vector<Analysis>& analyze(std::string_view word);
  const std::vector<std::string>& stems(std::string_view word);
  const std::string& lemma(std::string_view word);

 private:
  struct Impl;
  Impl* impl_;
};

/// The morpheme tokenization of `word` (issue 3 §4, the convention of the
/// KurdishTokenization gold): the best analysis's ezafe ی, definite ەکە/ەکان
/// (with the ە after consonants), indefinite ێک/یەک, -یش/-ش, pronominal
/// clitics, postpositions دا/ەوە/ڕا and the copula split off as tokens of
/// their own; verb forms, derivations, plurals in -ان, comparatives and
/// compounds stay whole (an infinitive or participle keeps its verbal part
/// whole and splits its nominal suffixes). Returns byte ranges of the
/// normalized form, which is `*normalized` when it is not null.
std::vector<std::pair<std::size_t, std::size_t>> morpheme_tokens(std::string_view word,
                                                                 std::string* normalized = nullptr);

/// The morpheme tokenization of running text: morpheme_tokens with what the
/// words around a word tell about it (docs/morphology.md, "Morpheme
/// tokenization"). An adjective's final ە is the demonstrative frame's (ئەو
/// شارە گەورەیە: stays on the word) only within a few words after a
/// demonstrative determiner (ئەم, ئەو, لەم, بەو ...); elsewhere, unless a
/// noun phrase goes on after it, it is the copula (پێویستە, باشترە: split
/// off). A verb, the relative کە or a punctuation mark other than a quotation
/// mark ends the frame. An ezafe ی needs a word to link to: before a
/// conjunction or a mark that ends a phrase, a lexicon word that ends in ی is
/// read whole (تایبەتی :, کوردی و عەرەبی).
/// Feed it the tokens of a text in order: word() for each word token, with
/// the word token or phrase-ending mark after it if there is one; punctuation() for each
/// punctuation token; reset() at a new line or document. Other tokens
/// (numbers, Latin words) need no call. Not copyable.
struct Tokens;  // kurdi/tokenize.hpp

class MorphemeTokenizer {
 public:
  /// Words after the demonstrative that may close its frame (ئەو داب و نەریتانەی).
  static constexpr int kDemonstrativeFrameWords = 4;

  MorphemeTokenizer();
  ~MorphemeTokenizer();
  MorphemeTokenizer(const MorphemeTokenizer&) = delete;
  MorphemeTokenizer& operator=(const MorphemeTokenizer&) = delete;

  /// The morpheme tokens of the next word token, as morpheme_tokens gives
  /// them. `next` is the token right after it when that is a word token or a
  /// mark that ends a phrase (. ، : ؛ ؟ ! and closing brackets and quotation
  /// marks), and empty otherwise (another mark, another kind of token, the end
  /// of the line).
  std::vector<std::pair<std::size_t, std::size_t>> word(std::string_view word, std::string_view next = {},
                                                         std::string* normalized = nullptr);
  /// A punctuation token (its normalized text): ends an open frame, unless
  /// it is a quotation mark.
  void punctuation(std::string_view mark);
  /// The tokens [from, to) of `tokens`, in order and on one line, as `kurdi
  /// tokenize --morphemes` prints them: a word token's morpheme tokens, any
  /// other token's normalized form (an empty one is left out); appended to
  /// `out`. (word() and punctuation() for each token, the next word or phrase-ending mark passed.)
  void tokens(const Tokens& tokens, std::size_t from, std::size_t to, std::vector<std::string>& out);
  /// A new line or document: forgets the words before.
  void reset();

 private:
  struct Impl;
  Impl* impl_;
};

/// The morpheme tokens of `text` (kurdi::tokenize, standard profile), line by
/// line through a MorphemeTokenizer, all lines' tokens in one list: what
/// `kurdi tokenize --morphemes` prints, without the line breaks.
std::vector<std::string> morpheme_tokenize(std::string_view text);

}  // namespace kurdi
KURDI_PUBLIC_END
