// kurdi eval klpt-stem: KLPT's stemmer / analyzer / lemmatizer test cases.
//
// Input: KLPT's test_cases_stem.json (CC BY-SA 4.0), Sorani / Arabic only:
//   "analyze":   {DIALECT: {SCRIPT: {WORD: [{pos: [..], lemma: [..], base, stem,
//                 prefixes, suffixes, description, ...}, ...]}}}
//   "stem":      {DIALECT: {SCRIPT: [{parameters: {mark_unknown: bool},
//                 cases: {WORD: [STEM, ...]}}, ...]}}
//   "lemmatize": {DIALECT: {SCRIPT: {WORD: [LEMMA, ...]}}}
// Mapping (eval/README.md):
//   * both sides compared after kurdi::normalize (standard profile);
//   * lemma: KLPT's verb lemma leaves the preverb out (دەردەکەوێ -> کەوتن,
//     هەڵمسووتاند -> سووتاندن), ours keeps it (UniMorph): our lemma agrees when
//     it, or it without the analysis's leading preverb, is one of theirs;
//     KLPT gives a causative or passive verb its derived infinitive
//     (سووتاندم -> سووتاندن), UniMorph and kurdi the base verb (سووتان): such
//     differences are counted on their own line, not mapped;
//   * base: their `base` (the word without prefixes and suffixes) against our
//     Analysis::stem without its leading preverb;
//   * pos: noun -> NOUN, propn -> PROPN, adj -> ADJ, verb -> VERB, num -> NUM,
//     adv -> ADV, pron -> PRON (any pos of any of their analyses counts);
//   * stem section: KLPT's stem is a root (ب for بردن, دایک for لەدایکبوون),
//     not our notion: agreement = one of kurdi::stems() equals one of theirs;
//     with mark_unknown an unknown word is expected as _WORD_, so our stems
//     become _FORM_ when the best analysis is unknown.
#include <algorithm>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "json_mini.hpp"
#include "kurdi/morph.hpp"
#include "morph_util.hpp"
#include "text_util.hpp"

namespace kurdi_eval {
namespace {

using json::Value;

std::string ratio(std::size_t num, std::size_t den) {
  if (den == 0) return "n/a";
  return std::to_string(num) + " / " + std::to_string(den) + " (" + percent(double(num), double(den), 1) + ")";
}

std::set<std::string> strings_of(const Value* v) {
  std::set<std::string> out;
  if (v == nullptr) return out;
  if (v->kind == Value::Kind::string) {
    if (!v->text.empty()) out.insert(norm_word(v->text));
  } else {
    for (const auto& item : v->items) {
      if (item.kind == Value::Kind::string && !item.text.empty()) out.insert(norm_word(item.text));
    }
  }
  return out;
}

std::string join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : "|") + x;
  return out.empty() ? "∅" : out;
}

/// Our lemma of an analysis, and the same without its leading preverb.
std::set<std::string> lemma_forms(const kurdi::Analysis& a) {
  const std::string l = norm_word(a.lemma);
  return {l, norm_word(drop_prefix(l, norm_word(leading_preverb(a))))};
}

/// KLPT's mark for an unknown word: _WORD_.
std::string marked_unknown(const std::string& w) {
  std::string out;
  out.reserve(w.size() + 2);
  out.push_back('_');
  out.append(w);
  out.push_back('_');
  return out;
}

bool meets(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) { return b.count(x) != 0; });
}

std::string_view upos_of_klpt(std::string_view pos) {
  if (pos == "noun") return "NOUN";
  if (pos == "propn") return "PROPN";
  if (pos == "adj") return "ADJ";
  if (pos == "verb") return "VERB";
  if (pos == "num") return "NUM";
  if (pos == "adv") return "ADV";
  if (pos == "pron") return "PRON";
  return "";
}

const Value* section(const Value& doc, std::string_view name, std::string_view dialect, std::string_view script) {
  const Value* v = doc.find(name);
  if (v) v = v->find(dialect);
  if (v) v = v->find(script);
  return v;
}

}  // namespace

int cmd_klpt_stem(const std::vector<std::string>& argv) {
  const Args args(argv, {}, {"--verbose"});
  const bool verbose = args.flag("--verbose");
  const std::string dd = data_dir();
  const auto files = args.files_or({dd + "/klpt-data/test_cases_stem.json"});
  int status = 0;
  for (const std::string& path : files) {
    const Value doc = json::parse(read_file(path));
    std::vector<std::string> problems;
    std::cout << "== klpt-stem: KLPT stem / analyze / lemmatize cases (Sorani, Arabic script) ==\nfile: " << path
              << "\n";
    const auto run = [&](std::string_view word) {
      struct R {
        std::vector<kurdi::Analysis> analyses;
        std::string lemma;
        std::vector<std::string> stems;
      } r{kurdi::analyze(word), kurdi::lemma(word), kurdi::stems(word)};
      check_morph_contracts(word, r.analyses, r.lemma, r.stems, problems);
      return r;
    };

    // analyze
    if (const Value* cases = section(doc, "analyze", "Sorani", "Arabic")) {
      std::size_t n = 0, lemma_ok = 0, lemma_first_any = 0, base_scored = 0, base_ok = 0, pos_ok = 0, empty = 0,
                  voice_errors = 0;
      for (const auto& [word, list] : cases->members) {
        if (list.items.empty()) {
          ++empty;  // KLPT expects no analysis (a non-word)
          continue;
        }
        ++n;
        const auto r = run(word);
        if (r.analyses.empty()) continue;
        const kurdi::Analysis& best = r.analyses.front();
        std::set<std::string> lemmas, first_lemmas, bases;
        std::set<std::string_view> upos;
        for (std::size_t i = 0; i < list.items.size(); ++i) {
          const auto& a = list.items[i];
          for (const auto& l : strings_of(a.find("lemma"))) {
            lemmas.insert(l);
            if (i == 0) first_lemmas.insert(l);
          }
          for (const auto& b : strings_of(a.find("base"))) bases.insert(b);
          if (const Value* p = a.find("pos")) {
            for (const auto& item : p->items) {
              if (auto u = upos_of_klpt(item.text); !u.empty()) upos.insert(u);
            }
          }
        }
        const bool l_ok = meets(lemma_forms(best), lemmas);
        std::set<std::string> all_ours;
        for (const auto& a : r.analyses) {
          for (const auto& l : lemma_forms(a)) all_ours.insert(l);
        }
        const bool first_any = meets(first_lemmas, all_ours);
        const std::string our_base = norm_word(drop_prefix(best.stem, leading_preverb(best)));
        const bool b_ok = bases.count(our_base) != 0;
        const bool p_ok = upos.count(best.upos) != 0;
        lemma_ok += l_ok;
        voice_errors += !l_ok && derived_voice(best) ? 1 : 0;
        lemma_first_any += first_any;
        if (!bases.empty()) {
          ++base_scored;
          base_ok += b_ok;
        }
        pos_ok += p_ok;
        if (verbose) {
          std::cout << "  analyze " << word << ": lemma " << (l_ok ? "ok" : "DIFF") << " (KLPT " << join(lemmas)
                    << ", ours " << norm_word(best.lemma) << "); base " << (b_ok ? "ok" : "DIFF") << " (KLPT "
                    << join(bases) << ", ours " << our_base << "); pos " << (p_ok ? "ok" : "DIFF") << " (ours "
                    << best.upos << ", " << best.features << (best.known ? "" : ", unknown") << ")\n";
        }
      }
      std::cout << "analyze: " << n << " words (" << empty << " with no KLPT analysis, not scored)\n"
                << "  our best lemma among KLPT's lemmas: " << ratio(lemma_ok, n) << "\n"
                << "    lemma differences where our best analysis is CAUS or PASS (lemma conventions differ): "
                << voice_errors << "\n"
                << "  KLPT's first lemma among our analyses' lemmas: " << ratio(lemma_first_any, n) << "\n"
                << "  our best stem (without preverb) among KLPT's bases: " << ratio(base_ok, base_scored) << "\n"
                << "  our best UPOS among KLPT's pos: " << ratio(pos_ok, n) << "\n";
    }

    // stem
    if (const Value* runs = section(doc, "stem", "Sorani", "Arabic")) {
      for (const auto& group : runs->items) {
        const Value* params = group.find("parameters");
        const Value* mark = params ? params->find("mark_unknown") : nullptr;
        const bool mark_unknown = mark != nullptr && mark->boolean;
        const Value* cases = group.find("cases");
        if (cases == nullptr) continue;
        std::size_t n = 0, ok = 0;
        for (const auto& [word, expected_v] : cases->members) {
          ++n;
          const auto r = run(word);
          std::set<std::string> ours;
          if (mark_unknown && !r.analyses.empty() && !r.analyses.front().known) {
            ours.insert(marked_unknown(norm_word(word)));
          } else {
            for (const auto& s : r.stems) ours.insert(norm_word(s));
          }
          std::set<std::string> expected;
          for (const auto& e : expected_v.items) {
            const std::string_view t = e.text;
            const bool marked = t.size() > 2 && t.front() == '_' && t.back() == '_';
            expected.insert(marked ? marked_unknown(norm_word(t.substr(1, t.size() - 2))) : norm_word(t));
          }
          const bool agree = meets(ours, expected);
          ok += agree;
          if (verbose) {
            std::cout << "  stem" << (mark_unknown ? " (mark_unknown)" : "") << " " << word << ": "
                      << (agree ? "agree" : "DIFF") << " (KLPT " << join(expected) << ", ours " << join(ours)
                      << ")\n";
          }
        }
        std::cout << "stem (mark_unknown=" << (mark_unknown ? "true" : "false")
                  << "; KLPT's stem is a root, see README): one of our stems equals KLPT's: " << ratio(ok, n) << "\n";
      }
    }

    // lemmatize
    if (const Value* cases = section(doc, "lemmatize", "Sorani", "Arabic")) {
      std::size_t n = 0, best_ok = 0, all_found = 0;
      for (const auto& [word, expected_v] : cases->members) {
        ++n;
        const auto r = run(word);
        if (r.analyses.empty()) continue;
        const std::set<std::string> expected = strings_of(&expected_v);
        std::set<std::string> ours;
        for (const auto& a : r.analyses) {
          for (const auto& l : lemma_forms(a)) ours.insert(l);
        }
        const bool b = meets(lemma_forms(r.analyses.front()), expected);
        const bool all = std::all_of(expected.begin(), expected.end(),
                                     [&](const std::string& e) { return ours.count(e) != 0; });
        best_ok += b;
        all_found += all;
        if (verbose) {
          std::cout << "  lemmatize " << word << ": best " << (b ? "ok" : "DIFF") << ", all KLPT lemmas found "
                    << (all ? "yes" : "no") << " (KLPT " << join(expected) << ", ours best "
                    << norm_word(r.lemma) << ", all " << join(ours) << ")\n";
        }
      }
      std::cout << "lemmatize: our best lemma among KLPT's: " << ratio(best_ok, n)
                << "; every KLPT lemma among our analyses: " << ratio(all_found, n) << "\n";
    }
    std::cout << "contract checks: " << (problems.empty() ? "all hold" : std::to_string(problems.size()) + " FAILED")
              << "\n";
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i) std::cout << "  " << problems[i] << "\n";
    if (!problems.empty()) status = 1;
    std::cout << "\n";
  }
  return status;
}

}  // namespace kurdi_eval
