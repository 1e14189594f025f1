// Sorani affix tables. Every row is an arc "after FROM, SURFACE (needing a
// vowel / consonant before it) is TAG and leads to TO". The rows follow
// issue 3, section 1 and docs/morphology.md; they are grammar, not data
// learned from any evaluation set.
#include "morph/morphotactics.hpp"

#include <array>
#include <initializer_list>

namespace kurdi::morph {
namespace {

using S = State;
using A = After;

constexpr std::size_t kMaxArcs = 512;

struct Table {
  std::array<Arc, kMaxArcs> arcs{};
  std::size_t size = 0;
  std::array<std::uint16_t, static_cast<std::size_t>(S::count) + 1> begin{};

  constexpr void add(std::initializer_list<S> from, std::string_view surface, A after, std::string_view tag,
                     std::string_view features, S to) {
    for (S f : from) arcs[size++] = Arc{f, surface, after, tag, features, to};
  }
};

// States after which each nominal slot may come (inner to outer: degree,
// number/definiteness, ezafe/demonstrative, -ish, clitic, postposition,
// copula; -ish may also follow the clitic or the postposition).
constexpr std::initializer_list<S> kBeforeNumber = {S::n_stem, S::n_degree};
constexpr std::initializer_list<S> kBeforeEzafe = {S::n_stem, S::n_degree, S::n_number};
constexpr std::initializer_list<S> kBeforeAdd = {S::n_stem, S::n_degree, S::n_number, S::n_dem, S::n_ezafe};
constexpr std::initializer_list<S> kBeforeClitic = {S::n_stem, S::n_degree, S::n_number, S::n_add};
constexpr std::initializer_list<S> kBeforePost = {S::n_stem, S::n_degree, S::n_number,     S::n_dem,
                                                  S::n_ezafe, S::n_add,    S::n_clitic, S::n_clitic_add};
// (the copula also follows the demonstrative frame's ە: ئەو شتەیە "it is that thing")
constexpr std::initializer_list<S> kBeforeCopula = {S::n_stem, S::n_degree,     S::n_number, S::n_dem,
                                                    S::n_add,  S::n_clitic,     S::n_clitic_add,
                                                    S::n_post, S::n_post_add};

constexpr Table build() {
  Table t;
  // --- nominal chain --------------------------------------------------------
  t.add({S::n_stem}, "تر", A::any, "CMPR", "CMPR", S::n_degree);
  t.add({S::n_stem}, "ترین", A::any, "SPRL", "SPRL", S::n_degree);
  // ordinals: سێیەم, دووەم, یەکەمین
  t.add({S::n_stem}, "ەم", A::consonant, "ORD", "", S::n_degree);
  t.add({S::n_stem}, "یەم", A::vowel, "ORD", "", S::n_degree);
  t.add({S::n_stem}, "ەمین", A::consonant, "ORD", "", S::n_degree);
  t.add({S::n_stem}, "یەمین", A::vowel, "ORD", "", S::n_degree);

  t.add(kBeforeNumber, "ەکە", A::any, "DEF", "DEF", S::n_number);
  t.add(kBeforeNumber, "کە", A::vowel, "DEF", "DEF", S::n_number);
  t.add(kBeforeNumber, "ەکان", A::any, "DEF.PL", "DEF;PL", S::n_number);
  t.add(kBeforeNumber, "یەکە", A::yeh, "DEF", "DEF", S::n_number);
  // (after ی, یەکان is the standard spelling: کورسییەکان; after another
  // vowel it is the glide ی written before ەکان, as the ی before ێک below:
  // هۆیەکانی, ماوەیێک, for the standard هۆکانی, ماوەیەک; not after و, where
  // the ی is the adjective's: شاخاویەکان is شاخاوی + ەکان)
  t.add(kBeforeNumber, "یەکان", A::glide_y, "DEF.PL", "DEF;PL", S::n_number);
  t.add(kBeforeNumber, "کان", A::vowel, "DEF.PL", "DEF;PL", S::n_number);
  t.add(kBeforeNumber, "ان", A::consonant, "PL", "PL", S::n_number);
  t.add(kBeforeNumber, "یان", A::vowel, "PL", "PL", S::n_number);
  t.add(kBeforeNumber, "گەل", A::any, "PL", "PL", S::n_number);
  t.add(kBeforeNumber, "ێک", A::consonant, "INDF", "INDF", S::n_number);
  t.add(kBeforeNumber, "یەک", A::vowel, "INDF", "INDF", S::n_number);
  // after a stem in ی, web and news text write the stem's ی and the
  // suffix's once (گرنگیەک, پەیوەندیەکی for گرنگییەک, پەیوەندییەکی), as
  // they do before ەکە and ەکان
  t.add(kBeforeNumber, "ەک", A::yeh, "INDF", "INDF", S::n_number);
  t.add(kBeforeNumber, "یێک", A::glide_y, "INDF", "INDF", S::n_number);
  // indefinite plural ان + ێک: کەسانێک "some people", خەڵکانێک
  t.add(kBeforeNumber, "انێک", A::consonant, "INDF.PL", "INDF;PL", S::n_number);
  t.add(kBeforeNumber, "یانێک", A::vowel, "INDF.PL", "INDF;PL", S::n_number);

  t.add(kBeforeEzafe, "ی", A::any, "EZ", "LGSPEC1", S::n_ezafe);
  t.add(kBeforeEzafe, "ە", A::consonant, "DEM", "LGSPEC6", S::n_dem);
  t.add(kBeforeEzafe, "یە", A::vowel, "DEM", "LGSPEC6", S::n_dem);
  t.add({S::n_stem, S::n_degree}, "انە", A::consonant, "PL.DEM", "PL;LGSPEC6", S::n_dem);
  t.add({S::n_stem, S::n_degree}, "یانە", A::vowel, "PL.DEM", "PL;LGSPEC6", S::n_dem);
  // the demonstrative frame before a relative clause takes the ezafe:
  // ئەو کاتەی (کە) ..., ئەو شتانەی ... (the analyzer reads it only when
  // nothing else explains the word: کاتە + ی, خانە + ی)
  t.add({S::n_dem}, "ی", A::any, "EZ", "LGSPEC1", S::n_ezafe);

  t.add(kBeforeAdd, "یش", A::consonant, "ADD", "LGSPEC5", S::n_add);
  t.add(kBeforeAdd, "ش", A::vowel, "ADD", "LGSPEC5", S::n_add);

  t.add(kBeforeClitic, "م", A::any, "CL.1S", "LGSPEC9(1S)", S::n_clitic);
  t.add(kBeforeClitic, "ت", A::any, "CL.2S", "LGSPEC9(2S)", S::n_clitic);
  t.add(kBeforeClitic, "ی", A::any, "CL.3S", "LGSPEC9(3S)", S::n_clitic);
  t.add(kBeforeClitic, "مان", A::any, "CL.1P", "LGSPEC9(1P)", S::n_clitic);
  t.add(kBeforeClitic, "تان", A::any, "CL.2P", "LGSPEC9(2P)", S::n_clitic);
  t.add(kBeforeClitic, "یان", A::any, "CL.3P", "LGSPEC9(3P)", S::n_clitic);
  t.add({S::n_clitic}, "یش", A::consonant, "ADD", "LGSPEC5", S::n_clitic_add);
  t.add({S::n_clitic}, "ش", A::vowel, "ADD", "LGSPEC5", S::n_clitic_add);

  t.add(kBeforePost, "دا", A::any, "DA", "LGSPEC4(DA)", S::n_post);
  t.add(kBeforePost, "ەوە", A::consonant, "EWE", "LGSPEC4(EWE)", S::n_post);
  t.add(kBeforePost, "وە", A::vowel, "EWE", "LGSPEC4(EWE)", S::n_post);
  t.add(kBeforePost, "یەوە", A::yeh, "EWE", "LGSPEC4(EWE)", S::n_post);
  t.add(kBeforePost, "ڕا", A::any, "RA", "LGSPEC4(RA)", S::n_post);
  t.add({S::n_post}, "ش", A::vowel, "ADD", "LGSPEC5", S::n_post_add);

  t.add(kBeforeCopula, "م", A::any, "COP.1S", "LGSPEC7(1S)", S::n_copula);
  t.add(kBeforeCopula, "یت", A::any, "COP.2S", "LGSPEC7(2S)", S::n_copula);
  t.add(kBeforeCopula, "ە", A::consonant, "COP.3S", "LGSPEC7(3S)", S::n_copula);
  t.add(kBeforeCopula, "یە", A::vowel, "COP.3S", "LGSPEC7(3S)", S::n_copula);
  t.add(kBeforeCopula, "ین", A::any, "COP.1P", "LGSPEC7(1P)", S::n_copula);
  t.add(kBeforeCopula, "ن", A::any, "COP.3P", "LGSPEC7(3P)", S::n_copula);

  // --- present stems: person ending, then -ەوە, then the directional ـە ------
  t.add({S::v_present}, "م", A::any, "PRS.1S", "ARGNO1S", S::v_person);
  t.add({S::v_present}, "یت", A::any, "PRS.2S", "ARGNO2S", S::v_person);
  t.add({S::v_present}, "ی", A::any, "PRS.2S", "ARGNO2S", S::v_person);
  t.add({S::v_present}, "ێت", A::consonant, "PRS.3S", "ARGNO3S", S::v_person);
  t.add({S::v_present}, "ێ", A::consonant, "PRS.3S", "ARGNO3S", S::v_person);
  t.add({S::v_present}, "ت", A::vowel, "PRS.3S", "ARGNO3S", S::v_person);
  t.add({S::v_present}, "ین", A::any, "PRS.1P", "ARGNO1P", S::v_person);
  t.add({S::v_present}, "ن", A::any, "PRS.3P", "ARGNO3P", S::v_person);
  t.add({S::v_present}, "ەن", A::consonant, "PRS.3P", "ARGNO3P", S::v_person);
  t.add({S::v_present}, "ە", A::consonant, "IMP.2S", "ARGNO2S", S::v_person);
  t.add({S::v_person}, "ەوە", A::consonant, "V.EWE", "LGSPEC3", S::v_ewe);
  t.add({S::v_person}, "وە", A::vowel, "V.EWE", "LGSPEC3", S::v_ewe);
  t.add({S::v_present}, "ەوە", A::consonant, "V.EWE", "LGSPEC3", S::v_ewe);
  // a vowel-final present stem takes ر before -ەوە in the imperative: (مە)کەرەوە
  t.add({S::v_present}, "ر", A::vowel, "R", "", S::v_present_r);
  t.add({S::v_present_r}, "ەوە", A::any, "V.EWE", "LGSPEC3", S::v_ewe);
  t.add({S::v_person}, "ە", A::consonant, "DIR", "LGSPEC2", S::v_end);
  // its other form ێ, "to him, to it": دەیدەنێ, دەداتێ, بدەمێ
  t.add({S::v_person}, "ێ", A::consonant, "DIR", "LGSPEC2", S::v_end);
  t.add({S::v_ewe}, "ە", A::vowel, "DIR", "LGSPEC2", S::v_end);

  // --- past stems ----------------------------------------------------------
  // person endings (intransitive subject) and agent clitics share forms
  // infinitive (the verbal noun): past stem + ن, then -ەوە, then nominal
  // suffixes; before the person endings, so that of two equal readings of a
  // final ن (هاتن: "to come", "they came") the verbal noun comes first
  t.add({S::v_past}, "ن", A::any, "INF", "", S::v_infinitive);
  t.add({S::v_infinitive}, "ەوە", A::any, "V.EWE", "", S::v_infinitive_ewe);
  // -یش/-ش after a transitive past stem, before the agent clitic, which is
  // mobile (وتیشی, کردیشیان); an intransitive verb's ending is a suffix and
  // stays on the stem (the analyzer drops intransitive readings of this path).
  t.add({S::v_past}, "یش", A::consonant, "ADD", "LGSPEC5", S::v_past_add);
  t.add({S::v_past}, "ش", A::vowel, "ADD", "LGSPEC5", S::v_past_add);
  t.add({S::v_past_add}, "م", A::any, "PST.1S", "1S", S::v_past_person);
  t.add({S::v_past_add}, "ت", A::any, "PST.2S", "2S", S::v_past_person);
  t.add({S::v_past_add}, "ی", A::any, "PST.3S", "3S", S::v_past_person);
  t.add({S::v_past_add}, "مان", A::any, "PST.1P", "1P", S::v_past_person);
  t.add({S::v_past_add}, "تان", A::any, "PST.2P", "2P", S::v_past_person);
  t.add({S::v_past_add}, "یان", A::any, "PST.3P", "3P", S::v_past_person);
  for (S from : {S::v_past, S::v_pluperfect}) {
    t.add({from}, "م", A::any, "PST.1S", "1S", S::v_past_person);
    t.add({from}, "یت", A::any, "PST.2S", "2S", S::v_past_person);
    t.add({from}, "ت", A::vowel, "PST.2S", "2S", S::v_past_person);
    t.add({from}, "ی", A::any, "PST.3S", "3S", S::v_past_person);
    t.add({from}, "ین", A::any, "PST.1P", "1P", S::v_past_person);
    t.add({from}, "ن", A::any, "PST.3P", "3P", S::v_past_person);
    t.add({from}, "مان", A::any, "PST.1P", "1P", S::v_past_person);
    t.add({from}, "تان", A::any, "PST.2P", "2P", S::v_past_person);
    t.add({from}, "یان", A::any, "PST.3P", "3P", S::v_past_person);
  }
  // after a past stem in ی, text writes the stem's ی and the agent's once, as
  // the nominal ەک above: توانیان, بینیان (توانییان, بینییان)
  t.add({S::v_past}, "ان", A::yeh, "PST.3P", "3P", S::v_past_person);
  // (not وە right after a past stem in a vowel: there it is the perfect, و +
  // ە: کراوە, گەڕاوە, بینیوە; -ەوە after such a stem follows the person
  // ending: کرایەوە, گەڕایەوە)
  for (S from : {S::v_past, S::v_past_person, S::v_pluperfect}) {
    t.add({from}, "ەوە", A::consonant, "V.EWE", "LGSPEC3", S::v_ewe);
    if (from != S::v_past) t.add({from}, "وە", A::vowel, "V.EWE", "LGSPEC3", S::v_ewe);
  }
  t.add({S::v_past}, "ە", A::consonant, "DIR", "LGSPEC2", S::v_end);
  t.add({S::v_past_person}, "ە", A::consonant, "DIR", "LGSPEC2", S::v_end);
  // perfect: past stem + وو (و after a vowel), which is also the participle
  t.add({S::v_past}, "وو", A::consonant, "PRF", "PRF", S::v_perfect);
  t.add({S::v_past}, "و", A::vowel, "PRF", "PRF", S::v_perfect);
  t.add({S::v_perfect}, "ە", A::any, "PRF.3S", "3S", S::v_perfect_e);
  // a past stem in وو takes no second وو: (هە)بووە, چووەتە
  t.add({S::v_past}, "ە", A::waw, "PRF.3S", "3S", S::v_perfect_e);
  // the contracted perfect before ت: کردۆتەوە, هاتۆتە (کردووەتەوە,
  // هاتووەتە); after a stem in وو the stem's وو goes too (بۆتە, the
  // analyzer's stem alternant: بوو)
  t.add({S::v_past}, "ۆت", A::consonant, "PRF.3S", "3S", S::v_perfect_t);
  // the same contraction of وو + ە before -ەوە: the past بۆوە (بووەوە: the
  // stem alternant again, بڵاوبۆوە) and the pluperfect's بۆوە (کردبۆوە,
  // کرابۆوە for کردبووەوە, کرابووەوە)
  t.add({S::v_past}, "ۆوە", A::consonant, "V.EWE", "LGSPEC3", S::v_ewe);
  t.add({S::v_past}, "بۆ", A::any, "PLUP", "PRF", S::v_pluperfect_o);
  t.add({S::v_pluperfect_o}, "وە", A::any, "V.EWE", "LGSPEC3", S::v_ewe);
  t.add({S::v_perfect_e}, "ت", A::any, "T", "", S::v_perfect_t);
  // and with the perfect's ە left out before that ت: کەوتووتە, هاتووتەوە
  // (for کەوتووەتە, هاتووەتەوە)
  t.add({S::v_perfect}, "ت", A::any, "PRF.3S", "3S", S::v_perfect_t);
  t.add({S::v_perfect_t}, "ەوە", A::any, "V.EWE", "LGSPEC3", S::v_ewe);
  t.add({S::v_perfect_t}, "ە", A::any, "DIR", "LGSPEC2", S::v_end);
  t.add({S::v_perfect}, "م", A::any, "PRF.1S", "1S", S::v_perfect_person);
  t.add({S::v_perfect}, "یت", A::any, "PRF.2S", "2S", S::v_perfect_person);
  t.add({S::v_perfect}, "ین", A::any, "PRF.1P", "1P", S::v_perfect_person);
  t.add({S::v_perfect}, "ن", A::any, "PRF.3P", "3P", S::v_perfect_person);
  // after a past stem in وو the perfect's وو merges with the stem's, as in
  // بووە: بوونەتەوە, چووینەتە. Alone, بووم, بووین, بوون are read as the
  // past (v_perfect_merged is not accepting): only the ە and ت that follow
  // show the perfect.
  t.add({S::v_past}, "م", A::waw, "PRF.1S", "1S", S::v_perfect_merged);
  t.add({S::v_past}, "یت", A::waw, "PRF.2S", "2S", S::v_perfect_merged);
  t.add({S::v_past}, "ین", A::waw, "PRF.1P", "1P", S::v_perfect_merged);
  t.add({S::v_past}, "ن", A::waw, "PRF.3P", "3P", S::v_perfect_merged);
  // the perfect's ە after the person ending stands only before the ت of
  // -ەوە and of the directional ـە: هاتوومەتەوە, گەیشتوونەتە
  t.add({S::v_perfect_person, S::v_perfect_merged}, "ە", A::any, "PRF", "", S::v_perfect_person_e);
  // or, with that ت left out as in speech, the directional itself:
  // هاتوومە, گەیشتوونە (هاتوومەتە, گەیشتوونەتە)
  t.add({S::v_perfect_person}, "ە", A::consonant, "DIR", "LGSPEC2", S::v_end);
  t.add({S::v_perfect_person_e}, "ت", A::any, "T", "", S::v_perfect_t);
  // the perfect with the third-person agent: کردوویەتی, کردوویەتییەوە
  t.add({S::v_perfect}, "یەتی", A::any, "PRF.3S", "3S", S::v_perfect_person);
  t.add({S::v_perfect_person}, "یەوە", A::yeh, "V.EWE", "LGSPEC3", S::v_ewe);
  for (auto [surface, tag, person] :
       {std::array<std::string_view, 3>{"مان", "CL.1P", "1P"}, {"تان", "CL.2P", "2P"}, {"یان", "CL.3P", "3P"},
        {"م", "CL.1S", "1S"}, {"ت", "CL.2S", "2S"}, {"ی", "CL.3S", "3S"}})
    t.add({S::v_perfect}, surface, A::any, tag, person, S::v_perfect_clitic);
  t.add({S::v_perfect_clitic}, "ە", A::any, "PRF", "", S::v_perfect_e);
  t.add({S::v_past}, "بوو", A::any, "PLUP", "PRF", S::v_pluperfect);
  // the perfect subjunctive: past stem + بوون's subjunctive (کردبێت, هاتبم,
  // هاتبین, کردبن); بێت and بێ, the third person singular, carry no person,
  // as the perfect's ە does not
  t.add({S::v_past}, "بێت", A::any, "PRF.SBJV", "SBJV", S::v_end);
  t.add({S::v_past}, "بێ", A::any, "PRF.SBJV", "SBJV", S::v_end);
  t.add({S::v_past}, "بم", A::any, "PRF.SBJV.1S", "SBJV;1S", S::v_end);
  t.add({S::v_past}, "بیت", A::any, "PRF.SBJV.2S", "SBJV;2S", S::v_end);
  t.add({S::v_past}, "بین", A::any, "PRF.SBJV.1P", "SBJV;1P", S::v_end);
  t.add({S::v_past}, "بن", A::any, "PRF.SBJV.3P", "SBJV;3P", S::v_end);
  // the past conditional: (ب)خواردایە, (ب)کردایە
  t.add({S::v_past}, "ایە", A::consonant, "COND", "SBJV", S::v_end);
  t.add({S::v_past}, "یایە", A::vowel, "COND", "SBJV", S::v_end);

  // Grouped by state, each state's arcs in the order written above: a stable
  // insertion sort. (The analyzer visits arcs in table order, and readings of
  // equal cost keep the order they were found in, so the order written here
  // decides ties such as ezafe ی before clitic ی; std::sort is not stable and
  // would let any new row reshuffle them.)
  for (std::size_t n = 1; n < t.size; ++n) {
    const Arc moving = t.arcs[n];
    std::size_t k = n;
    for (; k > 0 && moving.from < t.arcs[k - 1].from; --k) t.arcs[k] = t.arcs[k - 1];
    t.arcs[k] = moving;
  }
  std::size_t i = 0;
  for (std::size_t s = 0; s <= static_cast<std::size_t>(S::count); ++s) {
    while (i < t.size && static_cast<std::size_t>(t.arcs[i].from) < s) ++i;
    t.begin[s] = static_cast<std::uint16_t>(i);
  }
  return t;
}

constexpr Table kTable = build();

// Which arcs of a state can match at a position, by the letter there (the
// tables of arcs_at, morphotactics.hpp): each (state, letter class) pair has
// a bit mask over the state's arcs, built here at compile time.
constexpr FirstLetters build_first_letters() {
  FirstLetters f;
  std::size_t classes = 1;
  for (std::size_t s = 0; s < static_cast<std::size_t>(S::count); ++s) {
    const std::size_t begin = kTable.begin[s], end = kTable.begin[s + 1];
    if (end - begin > 64) throw "more than 64 arcs leave one state";  // (a compile error)
    for (std::size_t n = begin; n < end; ++n) {
      const std::string_view surface = kTable.arcs[n].surface;
      const auto b0 = static_cast<unsigned char>(surface.size() >= 2 ? surface[0] : 0);
      const auto b1 = static_cast<unsigned char>(surface.size() >= 2 ? surface[1] : 0);
      if (!detail::arabic_letter(b0, b1)) throw "an arc's surface does not start with an Arabic-block letter";
      std::uint8_t& c = f.letter_class[detail::letter_offset(b0, b1)];
      if (c == 0) {
        if (classes == kMaxLetterClasses) throw "too many first letters";
        c = static_cast<std::uint8_t>(classes++);
      }
      f.masks[s][c] |= std::uint64_t{1} << (n - begin);
    }
  }
  return f;
}

}  // namespace

constexpr FirstLetters kFirstLetters = build_first_letters();

namespace {

constexpr std::array<Prefix, 9> kPrefixes = {{
    {"نەدە", "NEG.IPFV", "NEG;IPFV", true, false, true},
    {"نەئە", "NEG.IPFV", "NEG;IPFV", true, false, true},
    {"دە", "IPFV", "IPFV", false, false, false},
    {"ئە", "IPFV", "IPFV", false, false, false},
    {"ب", "SBJV", "SBJV", false, true, false},
    {"نا", "NEG", "NEG", true, true, false},
    {"مە", "NEG.IMP", "NEG;IMP", true, true, false},
    {"نە", "NEG", "NEG", true, false, false},
    {"", "", "", false, false, false},
}};

constexpr std::array<Clitic, 6> kClitics = {{
    {"مان", "CL.1P", "1P"},
    {"تان", "CL.2P", "2P"},
    {"یان", "CL.3P", "3P"},
    {"م", "CL.1S", "1S"},
    {"ت", "CL.2S", "2S"},
    {"ی", "CL.3S", "3S"},
}};

}  // namespace

std::string_view state_name(State state) noexcept {
  static constexpr std::string_view kNames[] = {
      "n_stem",        "n_degree",       "n_number",         "n_dem",            "n_ezafe",          "n_add",
      "n_clitic",      "n_clitic_add",   "n_post",           "n_post_add",       "n_copula",
      "v_present",     "v_present_r",    "v_person",         "v_ewe",            "v_end",
      "v_past",        "v_past_person",  "v_perfect",        "v_perfect_e",      "v_perfect_t",
      "v_perfect_person", "v_perfect_clitic", "v_pluperfect", "v_infinitive",    "v_infinitive_ewe",
      "v_past_add",    "v_perfect_merged", "v_perfect_person_e", "v_pluperfect_o"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(S::count));
  return kNames[static_cast<std::size_t>(state)];
}

const Arc* const detail::kArcs = kTable.arcs.data();
const std::uint16_t* const detail::kArcBegin = kTable.begin.data();

bool accepting(State state) noexcept {
  switch (state) {
    case S::v_perfect_t:  // the ت only stands before -ەوە or the directional ـە
    case S::v_present_r:  // the ر only stands before -ەوە
    case S::v_past_add:   // the -یش only stands before the agent clitic
    case S::v_perfect_merged:    // (بووم alone is the past)
    case S::v_perfect_person_e:  // the ە only stands before ت
    case S::v_pluperfect_o:      // the contracted بۆ only stands before وە
      return false;
    default:
      return true;
  }
}

std::span<const Prefix> verb_prefixes() noexcept { return kPrefixes; }
std::span<const Clitic> clitics() noexcept { return kClitics; }

}  // namespace kurdi::morph
