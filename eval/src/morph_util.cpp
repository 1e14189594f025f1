// kurdi eval: helpers shared by the morphology commands.
#include "morph_util.hpp"

#include "kurdi/normalize.hpp"
#include "text_util.hpp"

namespace kurdi_eval {

std::string norm_word(std::string_view word) {
  return kurdi::normalize(trim_ascii(word));
}

std::set<std::string> feature_set(std::string_view bundle) {
  std::set<std::string> out;
  std::size_t start = 0;
  while (start <= bundle.size()) {
    const std::size_t semi = bundle.find(';', start);
    const std::size_t end = semi == std::string_view::npos ? bundle.size() : semi;
    std::string tag(trim_ascii(bundle.substr(start, end - start)));
    for (char& c : tag) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    if (!tag.empty()) out.insert(std::move(tag));
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  return out;
}

std::vector<std::string_view> upos_for(std::string_view pos) {
  if (pos == "N") return {"NOUN"};
  if (pos == "PROPN") return {"PROPN"};
  if (pos == "ADJ") return {"ADJ"};
  if (pos == "V" || pos == "V.MSDR" || pos == "V.PTCP") return {"VERB"};
  if (pos == "PRO") return {"PRON"};
  if (pos == "ADP") return {"ADP"};
  if (pos == "ADV") return {"ADV"};
  if (pos == "NUM") return {"NUM"};
  if (pos == "CONJ") return {"CCONJ", "SCONJ"};
  if (pos == "PART") return {"PART"};
  return {};
}

std::string leading_preverb(const kurdi::Analysis& a) {
  std::string out;
  for (const auto& m : a.morphemes) {
    if (m.tag != "preverb") break;
    if (m.begin <= m.end && m.end <= a.form.size()) out += a.form.substr(m.begin, m.end - m.begin);
  }
  return out;
}

bool derived_voice(const kurdi::Analysis& a) {
  const auto f = feature_set(a.features);
  return f.count("CAUS") != 0 || f.count("PASS") != 0;
}

std::string drop_prefix(std::string_view s, std::string_view prefix) {
  if (!prefix.empty() && s.size() > prefix.size() && s.substr(0, prefix.size()) == prefix) {
    s.remove_prefix(prefix.size());
  }
  return std::string(s);
}

bool check_morph_contracts(std::string_view word, const std::vector<kurdi::Analysis>& analyses,
                           const std::string& lemma, const std::vector<std::string>& stems,
                           std::vector<std::string>& problems) {
  const std::size_t before = problems.size();
  const std::string w(word);
  if (analyses.empty()) {
    problems.push_back(w + ": analyze() returned no analysis");
  } else if (lemma != analyses.front().lemma) {
    problems.push_back(w + ": lemma() gives " + lemma + ", the best analysis " +
                       analyses.front().lemma);
  }
  for (std::size_t i = 0; i < analyses.size(); ++i) {
    const kurdi::Analysis& a = analyses[i];
    std::size_t pos = 0;
    bool ok = !a.morphemes.empty();
    for (const auto& m : a.morphemes) {
      if (m.begin != pos || m.end <= m.begin || m.end > a.form.size()) {
        ok = false;
        break;
      }
      pos = m.end;
    }
    if (!ok || pos != a.form.size()) {
      problems.push_back(w + ": analysis " + std::to_string(i + 1) + " (" + a.features +
                         "): morphemes do not cover the form " + a.form + " in order");
    }
  }
  if (stems.empty()) problems.push_back(w + ": stems() returned nothing");
  return problems.size() == before;
}

bool is_train_split(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  return base.find(".train") != std::string::npos;
}

std::string cell(std::string_view s, std::size_t width) {
  // Width in code points (the POS names and figures are ASCII; Kurdish
  // cells are never padded).
  std::size_t cps = 0;
  for (char c : s) cps += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
  std::string out;
  if (cps < width) out.assign(width - cps, ' ');
  out += s;
  return out;
}

}  // namespace kurdi_eval
