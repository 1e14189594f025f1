// kurdi eval: comparing sentence boundaries.
#include "boundaries.hpp"

#include <algorithm>

#include "text_util.hpp"

namespace kurdi_eval {

std::string BoundaryScore::summary() const {
  return "TP " + std::to_string(tp) + ", FP " + std::to_string(fp) + ", FN " + std::to_string(fn) +
         "; precision " + fixed(precision(), 4) + ", recall " + fixed(recall(), 4) + ", F1 " +
         fixed(f1(), 4);
}

std::vector<std::size_t> predicted_boundaries(const std::vector<kurdi::Sentence>& sentences) {
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i < sentences.size(); ++i) out.push_back(sentences[i].begin);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> check_sentences(std::string_view text,
                                         const std::vector<kurdi::Sentence>& sentences) {
  std::vector<std::string> problems;
  const auto space_at = [&](std::size_t pos) {
    const auto cps = decode(text.substr(pos, std::min<std::size_t>(4, text.size() - pos)));
    return !cps.empty() && is_space(cps[0].cp);
  };
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const auto& s = sentences[i];
    const std::string where = "sentence " + std::to_string(i) + " [" + std::to_string(s.begin) +
                              "," + std::to_string(s.end) + ")";
    if (s.begin >= s.end || s.end > text.size()) {
      problems.push_back(where + ": empty or out of range (text has " +
                         std::to_string(text.size()) + " bytes)");
      continue;
    }
    if (i > 0 && s.begin < sentences[i - 1].end) problems.push_back(where + ": overlaps the previous one");
    if (space_at(s.begin)) problems.push_back(where + ": starts with whitespace");
    // Last code point of the sentence.
    std::size_t k = s.end - 1;
    while (k > s.begin && (static_cast<unsigned char>(text[k]) & 0xC0u) == 0x80u) --k;
    if (space_at(k)) problems.push_back(where + ": ends with whitespace");
  }
  return problems;
}

BoundaryScore compare_boundaries(const std::vector<std::size_t>& gold,
                                 const std::vector<std::size_t>& predicted,
                                 std::vector<BoundaryError>* errors) {
  BoundaryScore s;
  std::size_t i = 0, j = 0;
  while (i < gold.size() || j < predicted.size()) {
    if (j == predicted.size() || (i < gold.size() && gold[i] < predicted[j])) {
      ++s.fn;
      if (errors) errors->push_back({false, gold[i]});
      ++i;
    } else if (i == gold.size() || predicted[j] < gold[i]) {
      ++s.fp;
      if (errors) errors->push_back({true, predicted[j]});
      ++j;
    } else {
      ++s.tp;
      ++i;
      ++j;
    }
  }
  return s;
}

std::string boundary_context(std::string_view text, std::size_t offset, std::size_t width) {
  offset = std::min(offset, text.size());
  const auto left = decode(text.substr(0, offset));
  const auto right = decode(text.substr(offset));
  std::string out;
  const auto put = [&](char32_t c) {
    if (c == U'\n') {
      out += "⏎";
    } else {
      append_utf8(out, c);
    }
  };
  for (std::size_t k = left.size() > width ? left.size() - width : 0; k < left.size(); ++k) put(left[k].cp);
  out += " ‖ ";
  for (std::size_t k = 0; k < right.size() && k < width; ++k) put(right[k].cp);
  return out;
}

}  // namespace kurdi_eval
