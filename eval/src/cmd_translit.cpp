// kurdi eval translit: transliteration quality (issue 4, section 6) and speed.
//
//   translit g2p [TSV]        exact word accuracy, Arabic script -> Hawar, on
//                             AsoSoft's phonemic gold "word<TAB>.syl.la.bles"
//                             (default asosoft-g2p/Wergor-words.tsv; evaluation
//                             only). The gold is mapped to Hawar: the syllable
//                             dots are dropped, a word-initial ʔ is dropped and
//                             an inner ʔ is written '. Reported overall, then
//                             split: words whose normalized form occurs in a
//                             source of the exception lexicon (IN-SAMPLE) and
//                             words that occur in none (held out); and the
//                             rules alone (TransliterateOptions::exceptions off).
//   --pairs TSV --train ARAB  the exception lexicon's sources for that split
//                             (default: the Wergor pairs and UniMorph
//                             ckb-arab.train in the shared data; g2p and
//                             unimorph dev use them)
//   translit unimorph [ARAB LATN]   UniMorph lemma and form columns, Arabic vs
//                             Latin, line-aligned (default unimorph-ckb/ckb-*.dev;
//                             a *.train pair is labelled in-sample: tuning set)
//   translit pairs [TSV]      the Wergor pairs "latin<TAB>arabic": Arabic -> Latin,
//                             Latin -> Arabic (against the normalized Arabic) and
//                             the round trip Latin -> Arabic -> Latin
//   translit roundtrip [TEXT...]   Arabic -> Latin -> Arabic on the word types of
//                             TEXT (default bench/ckb-clean.txt), against the
//                             standard-normalized type
//   translit learn ..., translit split TSV...   the learned bizroke costs and
//                             the held-out split (cmd_translit_learn.cpp)
//   translit speed [TEXT]     MB/s through the library, with kurdi::normalize as
//                             the same-run baseline (first run = cold, then best of 3)
// Comparison: both sides lower-cased, and ' ’ ʼ ƹ ë mapped to one symbol.
// --errors N lists N wrong words (default 0).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi/translit.hpp"
#include "text_util.hpp"

namespace kurdi_eval {
namespace {

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_file(path));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cols;
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

char32_t lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  switch (c) {
    case U'Ç': return U'ç';
    case U'Ê': return U'ê';
    case U'Î': return U'î';
    case U'Û': return U'û';
    case U'Ş': return U'ş';
    case U'Ř': return U'ř';
    case U'Ł': return U'ł';
    case U'Ḧ': return U'ḧ';
    case U'Ẍ': return U'ẍ';
    default: return c;
  }
}

// Lower case, and ' ’ ʼ ƹ ë as one symbol.
std::string canon(std::string_view s) {
  std::u32string u = decode_u32(s);
  for (char32_t& c : u) {
    c = lower(c);
    if (c == U'’' || c == U'ʼ' || c == U'ƹ' || c == U'ë') c = U'\'';
  }
  return encode(u);
}

std::string to(std::string_view text, kurdi::Script script) {
  kurdi::TransliterateOptions o;
  o.to = script;
  return kurdi::transliterate(text, o);
}

// AsoSoft's phonemic notation -> Hawar (docs/quality.md).
std::string g2p_gold_to_hawar(std::string_view gold) {
  std::u32string out;
  for (const char32_t c : decode_u32(gold)) {
    if (c == U'.') continue;
    if (c == U'ʔ') {
      if (!out.empty()) out.push_back(U'\'');
      continue;
    }
    out.push_back(c);
  }
  return encode(out);
}

struct Score {
  std::size_t right = 0, total = 0;
  std::vector<std::string> errors;
  void add(bool ok, const std::string& what, std::size_t keep) {
    ++total;
    if (ok) ++right;
    else if (errors.size() < keep) errors.push_back(what);
  }
  void print(const std::string& label) const {
    std::printf("%-58s %6zu / %6zu = %.4f\n", label.c_str(), right, total,
                total ? static_cast<double>(right) / static_cast<double>(total) : 0.0);
    for (const auto& e : errors) std::printf("    %s\n", e.c_str());
  }
};

std::string default_path(const std::string& rel) { return data_dir() + "/" + rel; }

std::string rules_only(std::string_view text) {
  kurdi::TransliterateOptions o;
  o.exceptions = false;
  return kurdi::transliterate(text, o);
}

// The normalized Arabic words of the exception lexicon's sources
// (scripts/translit/build_exceptions.py): every word of the Wergor pairs'
// Arabic column and every lemma and form of UniMorph train. A word of an
// evaluation set found here is in-sample: the lexicon may hold it, and the
// rules were tuned on these sources.
struct SourceWords {
  std::set<std::string> words;
  std::string label;
  SourceWords(const std::string& pairs, const std::string& train) {
    for (const auto& row : read_tsv(pairs))
      if (row.size() >= 2) words.insert(kurdi::normalize(row[1]));
    for (const auto& row : read_tsv(train))
      for (std::size_t i = 0; i < 2 && i < row.size(); ++i) words.insert(kurdi::normalize(row[i]));
    label = pairs.substr(pairs.rfind('/') + 1) + " + " + train.substr(train.rfind('/') + 1);
  }
  bool has(std::string_view arabic) const { return words.count(kurdi::normalize(arabic)) != 0; }
};

int run_g2p(const std::vector<std::string>& files, const SourceWords& sources, std::size_t keep) {
  for (const auto& path : files) {
    Score all, in, out, rules, rules_out;
    for (const auto& row : read_tsv(path)) {
      if (row.size() < 2 || row[0].empty()) continue;
      const std::string gold = g2p_gold_to_hawar(row[1]);
      const std::string ours = to(row[0], kurdi::Script::latn);
      const bool ok = canon(ours) == canon(gold);
      all.add(ok, row[0] + "\tgold " + gold + "\tours " + ours, keep);
      const bool rules_ok = canon(rules_only(row[0])) == canon(gold);
      rules.add(rules_ok, "", 0);
      if (sources.has(row[0])) {
        in.add(ok, "", 0);
      } else {
        out.add(ok, "", 0);
        rules_out.add(rules_ok, "", 0);
      }
    }
    const std::string name = path.substr(path.rfind('/') + 1);
    all.print("Arabic -> Hawar, exact word (" + name + ")");
    in.print("  ... words in an exception source [IN-SAMPLE]");
    out.print("  ... words in no exception source (held out)");
    rules.print("  rules alone, no exception lexicon: all words");
    rules_out.print("  rules alone: words in no exception source");
    std::printf("  (exception sources: %s)\n", sources.label.c_str());
  }
  return 0;
}

int run_unimorph(const std::string& arab, const std::string& latn, const SourceWords& sources,
                 std::size_t keep) {
  const auto a = read_tsv(arab), l = read_tsv(latn);
  if (a.size() != l.size()) {
    std::cerr << "kurdi_eval translit: " << arab << " and " << latn << " differ in length\n";
    return 1;
  }
  const bool in_sample = arab.find(".train") != std::string::npos;
  Score forms, lemmas, back_forms, lemmas_out, forms_out, rules_lemmas, rules_forms;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() < 2 || l[i].size() < 2) continue;
    const std::string ours_lemma = to(a[i][0], kurdi::Script::latn);
    const std::string ours_form = to(a[i][1], kurdi::Script::latn);
    const bool lemma_ok = canon(ours_lemma) == canon(l[i][0]);
    const bool form_ok = canon(ours_form) == canon(l[i][1]);
    lemmas.add(lemma_ok, a[i][0] + "\tgold " + l[i][0] + "\tours " + ours_lemma, keep);
    forms.add(form_ok, a[i][1] + "\tgold " + l[i][1] + "\tours " + ours_form, keep);
    if (!sources.has(a[i][0])) lemmas_out.add(lemma_ok, "", 0);
    if (!sources.has(a[i][1])) forms_out.add(form_ok, "", 0);
    rules_lemmas.add(canon(rules_only(a[i][0])) == canon(l[i][0]), "", 0);
    rules_forms.add(canon(rules_only(a[i][1])) == canon(l[i][1]), "", 0);
    const std::string back = to(l[i][1], kurdi::Script::arab);
    back_forms.add(back == kurdi::normalize(a[i][1]), l[i][1] + "\tgold " + a[i][1] + "\tours " + back, keep);
  }
  const std::string tag = in_sample ? " [IN-SAMPLE: tuning set, exception source]" : "";
  const std::string name = arab.substr(arab.rfind('/') + 1);
  lemmas.print("UniMorph lemmas, Arabic -> Latin (" + name + ")" + tag);
  forms.print("UniMorph forms, Arabic -> Latin (" + name + ")" + tag);
  back_forms.print("UniMorph forms, Latin -> Arabic (" + name + ")" + tag);
  rules_lemmas.print("  rules alone, no exception lexicon: lemmas");
  rules_forms.print("  rules alone, no exception lexicon: forms");
  if (!in_sample) {
    lemmas_out.print("  lemmas in no exception source (held out)");
    forms_out.print("  forms in no exception source (held out)");
  }
  return 0;
}

int run_pairs(const std::string& path, std::size_t keep) {
  Score a2l, a2l_r, l2a, l2l, rules;
  for (const auto& row : read_tsv(path)) {
    if (row.size() < 2 || row[0].empty() || row[1].empty()) continue;
    const std::string& latin = row[0];
    const std::string& arabic = row[1];
    const std::string ours_latin = to(arabic, kurdi::Script::latn);
    a2l.add(canon(ours_latin) == canon(latin), arabic + "\tgold " + latin + "\tours " + ours_latin, keep);
    // Their convention writes a word-initial ر (ڕ after normalization) as r.
    std::string ours_r = ours_latin;
    if (ours_r.rfind("ř", 0) == 0) ours_r.replace(0, 2, 1, 'r');
    a2l_r.add(canon(ours_r) == canon(latin), "", 0);
    rules.add(canon(rules_only(arabic)) == canon(latin), "", 0);
    const std::string ours_arabic = to(latin, kurdi::Script::arab);
    l2a.add(ours_arabic == kurdi::normalize(arabic), latin + "\tgold " + arabic + "\tours " + ours_arabic, keep);
    const std::string round = to(ours_arabic, kurdi::Script::latn);
    l2l.add(canon(round) == canon(latin), latin + "\tvia " + ours_arabic + "\tback " + round, keep);
  }
  const std::string name = path.substr(path.rfind('/') + 1);
  const std::string tag = " [IN-SAMPLE: exception source]";
  a2l.print("Wergor pairs, Arabic -> Latin (" + name + ")" + tag);
  a2l_r.print("  ... a word-initial ř counted as r (their convention)");
  rules.print("  rules alone, no exception lexicon");
  l2a.print("Wergor pairs, Latin -> Arabic (" + name + ")");
  l2l.print("Wergor pairs, Latin -> Arabic -> Latin (" + name + ")" + tag);
  return 0;
}

int run_roundtrip(const std::vector<std::string>& files, std::size_t keep) {
  std::set<std::string> types;
  for (const auto& path : files) {
    const std::string text = read_file(path);
    const kurdi::Tokens t = kurdi::tokenize(text);
    for (const kurdi::Token& tok : t.tokens)
      if (tok.type == kurdi::TokenType::word) types.insert(std::string(t.norm(tok)));
  }
  Score s, no_zwnj;
  for (const std::string& w : types) {
    const std::string latin = to(w, kurdi::Script::latn);
    const std::string back = to(latin, kurdi::Script::arab);
    const bool ok = back == w;
    s.add(ok, w + "\t" + latin + "\t" + back, keep);
    if (w.find("\u200c") == std::string::npos) no_zwnj.add(ok, "", 0);
  }
  s.print("round trip Arabic -> Latin -> Arabic, word types");
  no_zwnj.print("  ... types without a ZWNJ");
  return 0;
}

int run_speed(const std::string& path) {
  const std::string text = read_file(path);
  const double mb = static_cast<double>(text.size()) / 1e6;
  using clock = std::chrono::steady_clock;
  auto measure = [&](auto&& f) {
    double first = 0, best = 1e30;
    for (int i = 0; i < 4; ++i) {
      const auto t0 = clock::now();
      const std::size_t n = f();
      const double s = std::chrono::duration<double>(clock::now() - t0).count();
      if (n == 0) std::printf("(empty output)\n");
      if (i == 0) first = s;
      else best = std::min(best, s);
    }
    return std::pair{mb / first, mb / best};
  };
  const std::string latin = to(text, kurdi::Script::latn);
  std::printf("input: %s, %.2f MB\n", path.c_str(), mb);
  const auto norm = measure([&] { return kurdi::normalize(text).size(); });
  std::printf("%-44s cold %7.1f MB/s, best of 3 %7.1f MB/s\n", "kurdi::normalize (baseline)", norm.first, norm.second);
  const auto l = measure([&] { return to(text, kurdi::Script::latn).size(); });
  std::printf("%-44s cold %7.1f MB/s, best of 3 %7.1f MB/s\n", "kurdi::transliterate --to latn", l.first, l.second);
  const auto i = measure([&] { return to(text, kurdi::Script::ipa).size(); });
  std::printf("%-44s cold %7.1f MB/s, best of 3 %7.1f MB/s\n", "kurdi::transliterate --to ipa", i.first, i.second);
  const double lmb = static_cast<double>(latin.size()) / 1e6;
  const auto a = measure([&] { return to(latin, kurdi::Script::arab).size(); });
  std::printf("%-44s cold %7.1f MB/s, best of 3 %7.1f MB/s (of its %.2f MB Latin input)\n",
              "kurdi::transliterate --to arab", a.first * lmb / mb, a.second * lmb / mb, lmb);
  return 0;
}

}  // namespace

int cmd_translit(const std::vector<std::string>& argv) {
  if (!argv.empty() && (argv[0] == "learn" || argv[0] == "split")) return cmd_translit_learn(argv);
  const Args args(argv, {"--errors", "--pairs", "--train"}, {});
  const std::size_t keep = args.get_size("--errors", 0);
  const auto& pos = args.positional();
  if (pos.empty()) throw UsageError("which evaluation? g2p, unimorph, pairs, roundtrip or speed");
  const std::string mode = pos[0];
  const std::vector<std::string> files(pos.begin() + 1, pos.end());
  auto sources = [&] {
    return SourceWords(args.get("--pairs", default_path("wergor-transliteration/word_pairs_latin_arabic.tsv")),
                       args.get("--train", default_path("unimorph-ckb/ckb-arab.train")));
  };
  if (mode == "g2p")
    return run_g2p(files.empty() ? std::vector<std::string>{default_path("asosoft-g2p/Wergor-words.tsv")} : files,
                   sources(), keep);
  if (mode == "unimorph") {
    if (files.size() != 0 && files.size() != 2) throw UsageError("unimorph takes ARAB LATN");
    return files.empty() ? run_unimorph(default_path("unimorph-ckb/ckb-arab.dev"),
                                        default_path("unimorph-ckb/ckb-latn.dev"), sources(), keep)
                         : run_unimorph(files[0], files[1], sources(), keep);
  }
  if (mode == "pairs")
    return run_pairs(files.empty() ? default_path("wergor-transliteration/word_pairs_latin_arabic.tsv") : files[0], keep);
  if (mode == "roundtrip")
    return run_roundtrip(files.empty() ? std::vector<std::string>{default_path("bench/ckb-clean.txt")} : files, keep);
  if (mode == "speed") return run_speed(files.empty() ? default_path("bench/ckb-clean.txt") : files[0]);
  throw UsageError("unknown evaluation '" + mode + "' (g2p, unimorph, pairs, roundtrip, speed)");
}

}  // namespace kurdi_eval
