// kurdi eval klpt: KLPT's sentence-splitting test cases.
//
// Input: KLPT's test_cases_tokenize.json (CC BY-SA 4.0), read directly:
//   {"sent_tokenize": {DIALECT: {SCRIPT: {INPUT: [EXPECTED SENTENCE, ...]}}}}
// For each case kurdi::sentences() runs on INPUT.
//   exact match: the predicted sentences, sliced from INPUT by their
//     offsets, equal the expected list (each expected sentence with its
//     surrounding whitespace trimmed, as KLPT's own test does);
//   boundaries: each expected sentence is located in INPUT in order (first
//     occurrence at or after the end of the previous one); the gold
//     boundaries are the starts of all but the first. Predicted boundaries
//     as in `sentences`. An expected sentence not found verbatim is counted
//     and listed, and gives no boundary.
#include <iostream>
#include <string>

#include "args.hpp"
#include "boundaries.hpp"
#include "commands.hpp"
#include "json_mini.hpp"
#include "kurdi/sentences.hpp"
#include "text_util.hpp"

namespace kurdi_eval {
namespace {

std::string one_line(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "⏎";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

struct GroupResult {
  std::size_t cases = 0, exact = 0, unlocated = 0;
  BoundaryScore score;
};

GroupResult run_group(const std::string& name, const json::Value& cases, bool verbose,
                      std::vector<std::string>& problems) {
  GroupResult r;
  std::size_t index = 0;
  for (const auto& [input, expected_v] : cases.members) {
    ++index;
    ++r.cases;
    std::vector<std::string> expected;
    for (const auto& e : expected_v.items) expected.emplace_back(trim_ascii(e.text));
    const auto sents = kurdi::sentences(input);
    for (const auto& p : check_sentences(input, sents)) {
      problems.push_back(name + " case " + std::to_string(index) + ": " + p);
    }
    std::vector<std::string> got;
    for (const auto& s : sents) {
      if (s.begin <= s.end && s.end <= input.size()) got.emplace_back(input.substr(s.begin, s.end - s.begin));
    }
    const bool exact = got == expected;
    r.exact += exact ? 1 : 0;

    std::vector<std::size_t> gold;
    std::size_t pos = 0;
    std::vector<std::string> missing;
    for (std::size_t k = 0; k < expected.size(); ++k) {
      const std::size_t at = input.find(expected[k], pos);
      if (at == std::string::npos) {
        ++r.unlocated;
        missing.push_back(expected[k]);
        continue;
      }
      if (k > 0) gold.push_back(at);
      pos = at + expected[k].size();
    }
    std::vector<BoundaryError> errors;
    const BoundaryScore s = compare_boundaries(gold, predicted_boundaries(sents), &errors);
    r.score.add(s);
    if (verbose && (!exact || !errors.empty() || !missing.empty())) {
      std::cout << "  " << name << " case " << index << ": " << (exact ? "exact" : "NOT exact")
                << "; " << s.summary() << "\n    input: " << one_line(input) << "\n";
      for (std::size_t k = 0; k < expected.size(); ++k) {
        std::cout << "    expected " << (k + 1) << ": " << one_line(expected[k]) << "\n";
      }
      for (std::size_t k = 0; k < got.size(); ++k) {
        std::cout << "    got      " << (k + 1) << ": " << one_line(got[k]) << "\n";
      }
      for (const auto& m : missing) std::cout << "    expected sentence not found in input: " << one_line(m) << "\n";
      for (const auto& e : errors) {
        std::cout << "    " << (e.false_positive ? "FP" : "FN") << " at byte " << e.offset << ": "
                  << boundary_context(input, e.offset, 30) << "\n";
      }
    }
  }
  return r;
}

}  // namespace

int cmd_klpt(const std::vector<std::string>& argv) {
  const Args args(argv, {"--dialect", "--script"}, {"--verbose", "--all"});
  const std::string dd = data_dir();
  const auto files = args.files_or({dd + "/klpt-data/test_cases_tokenize.json"});
  const bool verbose = args.flag("--verbose");
  const std::string want_dialect = args.get("--dialect", "Sorani");
  const std::string want_script = args.get("--script", "Arabic");
  int status = 0;
  for (const std::string& path : files) {
    const json::Value doc = json::parse(read_file(path));
    const json::Value* root = doc.find("sent_tokenize");
    if (!root) throw std::runtime_error(path + ": no \"sent_tokenize\" key");
    std::cout << "== klpt: sentence cases ==\nfile: " << path << "\n";
    bool any = false;
    for (const auto& [dialect, scripts] : root->members) {
      for (const auto& [script, cases] : scripts.members) {
        if (cases.members.empty()) continue;
        if (!args.flag("--all") && (dialect != want_dialect || script != want_script)) continue;
        any = true;
        std::vector<std::string> problems;
        const std::string name = dialect + "/" + script;
        const GroupResult r = run_group(name, cases, verbose, problems);
        std::cout << name << ": cases " << r.cases << "; exact match " << r.exact << " / " << r.cases
                  << "; expected sentences not found verbatim in the input: " << r.unlocated
                  << "\n  boundaries: " << r.score.summary()
                  << "\n  offset problems in the library's sentences: " << problems.size() << "\n";
        for (const auto& p : problems) std::cout << "    " << p << "\n";
        if (!problems.empty()) status = 1;
      }
    }
    if (!any) std::cout << "no cases for " << want_dialect << "/" << want_script << "\n";
    std::cout << "\n";
  }
  return status;
}

}  // namespace kurdi_eval
