// kurdi eval sentences: sentence boundary F1 on paragraphs made of lines.
//
// Gold: a text file with one sentence per line (FLORES-200 devtest by
// default). Leading and trailing whitespace of each line is dropped and
// empty lines are skipped; consecutive lines are joined, `--group` (5) at a
// time, with a single space into a paragraph (the last paragraph may be
// shorter). The gold boundaries of a paragraph are the byte offsets where
// its second, third, ... line starts.
//
// Prediction: kurdi::sentences() on each paragraph; the predicted
// boundaries are the begin offsets of every sentence but the first.
// Precision, recall and F1 count exact offset matches over all paragraphs.
//
// --single-sentence-lines drops, before grouping, every gold line that has
// . ! ? ؟ or … (plus closing quotes) followed by whitespace inside it: such a
// line usually holds two sentences, and a correct split inside it counts as
// a false positive against the line-based gold. The filter is mechanical
// (punctuation only), so it also drops lines with an abbreviation or an
// initial followed by a space: it is a diagnostic, not the headline figure.
#include <algorithm>
#include <iostream>
#include <map>
#include <string>

#include "args.hpp"
#include "boundaries.hpp"
#include "commands.hpp"
#include "kurdi/sentences.hpp"
#include "text_util.hpp"

namespace kurdi_eval {
namespace {

// How a gold line ends: its last code point after closing quotes and
// brackets, grouped.
std::string line_ending(std::string_view line) {
  auto cps = decode(line);
  while (!cps.empty()) {
    if (!is_closing_mark(cps.back().cp)) break;
    cps.pop_back();
  }
  if (cps.empty()) return "(empty)";
  const char32_t c = cps.back().cp;
  switch (c) {
    case U'.': return ". full stop";
    case U'!': return "! exclamation";
    case U'?': return "? question (Latin)";
    case U'؟': return "؟ question (Arabic)";
    case U'…': return "… ellipsis";
    case U':': return ": colon";
    case U'؛': return "؛ Arabic semicolon";
    case U'،': return "، Arabic comma";
    default: break;
  }
  return is_letter_or_digit(c) ? "letter or digit (no final punctuation)"
                               : "other: " + show(std::u32string(1, c));
}

// Whether the text before `offset` ends (after whitespace and closing quotes
// or brackets) in sentence-final punctuation.
bool after_terminal(std::string_view para, std::size_t offset) {
  const auto cps = decode(para.substr(0, offset));
  std::size_t k = cps.size();
  while (k > 0 && is_space(cps[k - 1].cp)) --k;
  while (k > 0 && is_closing_mark(cps[k - 1].cp)) --k;
  if (k == 0) return false;
  const char32_t c = cps[k - 1].cp;
  return c == U'.' || c == U'!' || c == U'?' || c == U'؟' || c == U'…';
}

// Whether a gold line has sentence-final punctuation (plus closing quotes)
// followed by whitespace and more text inside it.
bool has_inner_terminal(std::string_view line) {
  const auto cps = decode(line);
  for (std::size_t i = 1; i + 1 < cps.size(); ++i) {
    if (is_space(cps[i].cp) && !is_space(cps[i + 1].cp) &&
        after_terminal(line, cps[i].begin)) {
      return true;
    }
  }
  return false;
}

}  // namespace

int cmd_sentences(const std::vector<std::string>& argv) {
  const Args args(argv, {"--group", "--errors", "--width"}, {"--verbose", "--single-sentence-lines"});
  const bool single_only = args.flag("--single-sentence-lines");
  const std::string dd = data_dir();
  const auto files = args.files_or({dd + "/script-normalization/flores200/ckb_Arab.devtest"});
  const std::size_t group = args.get_size("--group", 5);
  if (group < 2) throw UsageError("--group must be at least 2");
  const bool verbose = args.flag("--verbose");
  const std::size_t max_errors = args.get_size("--errors", 15);
  const std::size_t width = args.get_size("--width", 40);

  int status = 0;
  for (const std::string& path : files) {
    const std::string text = read_file(path);
    std::vector<std::string_view> lines;
    std::vector<std::size_t> line_numbers;
    const auto raw = split_lines(strip_bom(text));
    std::size_t dropped = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const auto l = trim_ascii(raw[i]);
      if (l.empty()) continue;
      if (single_only && has_inner_terminal(l)) {
        ++dropped;
        continue;
      }
      lines.push_back(l);
      line_numbers.push_back(i + 1);
    }

    BoundaryScore total;
    std::size_t paragraphs = 0, sentences_total = 0, shown = 0;
    std::map<std::string, std::size_t> gold_by_ending, missed_by_ending;
    std::size_t fp_after_terminal = 0, inner_terminal_lines = 0;
    for (const auto l : lines) inner_terminal_lines += has_inner_terminal(l) ? 1 : 0;
    std::vector<std::string> problems;
    std::cout << "== sentences: lines joined " << group << " at a time ==\nfile: " << path << "\n";
    if (single_only) {
      std::cout << "--single-sentence-lines: dropped " << dropped
                << " gold lines that hold . ! ? ؟ … followed by a space (kept " << lines.size()
                << ")\n";
    }
    for (std::size_t first = 0; first < lines.size(); first += group) {
      const std::size_t last = std::min(first + group, lines.size());
      std::string para;
      std::vector<std::size_t> gold;
      std::map<std::size_t, std::size_t> gold_line;  // boundary -> index of the line before it
      for (std::size_t k = first; k < last; ++k) {
        if (k > first) {
          para += ' ';
          gold.push_back(para.size());
          gold_line[para.size()] = k - 1;
          ++gold_by_ending[line_ending(lines[k - 1])];
        }
        para += lines[k];
      }
      ++paragraphs;
      const auto sents = kurdi::sentences(para);
      sentences_total += sents.size();
      for (const auto& p : check_sentences(para, sents)) {
        problems.push_back("paragraph " + std::to_string(paragraphs) + " (lines " +
                           std::to_string(line_numbers[first]) + "-" +
                           std::to_string(line_numbers[last - 1]) + "): " + p);
      }
      std::vector<BoundaryError> errors;
      total.add(compare_boundaries(gold, predicted_boundaries(sents), &errors));
      for (const auto& e : errors) {
        if (!e.false_positive) ++missed_by_ending[line_ending(lines[gold_line[e.offset]])];
        if (e.false_positive && after_terminal(para, e.offset)) ++fp_after_terminal;
        if (verbose && shown < max_errors) {
          ++shown;
          std::cout << "  " << shown << ". " << (e.false_positive ? "FP (split not in gold)" : "FN (missed boundary)")
                    << ", paragraph " << paragraphs << " (lines " << line_numbers[first] << "-"
                    << line_numbers[last - 1] << "), byte " << e.offset << ":\n     "
                    << boundary_context(para, e.offset, width) << "\n";
        }
      }
    }
    std::cout << "gold lines: " << lines.size() << "; paragraphs: " << paragraphs
              << "; gold boundaries: " << (total.tp + total.fn)
              << "; predicted sentences: " << sentences_total << "\n"
              << "boundaries: " << total.summary() << "\n"
              << "offset problems in the library's sentences: " << problems.size() << "\n";
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i) std::cout << "  " << problems[i] << "\n";
    if (!problems.empty()) status = 1;
    std::cout << "false positives right after . ! ? ؟ … inside one gold line (the line holds more "
                 "than one sentence, or an abbreviation/number was taken as an end): "
              << fp_after_terminal << " / " << total.fp << "\n"
              << "gold lines with . ! ? ؟ … followed by a space inside the line: "
              << inner_terminal_lines << " / " << lines.size() << "\n"
              << "gold boundaries by how the line before ends (missed / all):\n";
    for (const auto& [ending, n] : gold_by_ending) {
      std::cout << "  " << ending << ": " << missed_by_ending[ending] << " / " << n << "\n";
    }
    std::cout << "\n";
  }
  return status;
}

}  // namespace kurdi_eval
