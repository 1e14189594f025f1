// The affix table in docs/morphology.md is the engine's table: every arc of
// src/morph/morphotactics.cpp is a row of the document and every row an arc,
// so the documentation and the engine cannot drift apart.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "morph/morphotactics.hpp"

namespace {

using Row = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;

std::string after_name(kurdi::morph::After a) {
  switch (a) {
    case kurdi::morph::After::vowel: return "vowel";
    case kurdi::morph::After::consonant: return "consonant";
    case kurdi::morph::After::yeh: return "yeh";
    case kurdi::morph::After::waw: return "waw";
    case kurdi::morph::After::glide_y: return "glide_y";
    case kurdi::morph::After::any: break;
  }
  return "any";
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] != '|') {
      cell += line[i];
      continue;
    }
    const auto b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
    std::string c = b == std::string::npos ? "" : cell.substr(b, e - b + 1);
    if (c.size() >= 2 && c.front() == '`' && c.back() == '`') c = c.substr(1, c.size() - 2);
    out.push_back(c == "-" ? "" : c);
    cell.clear();
  }
  return out;
}

TEST(MorphotacticsDoc, TableMatchesEngine) {
  std::ifstream in(KURDI_SOURCE_DIR "/docs/morphology.md");
  ASSERT_TRUE(in) << "docs/morphology.md";
  std::multiset<Row> documented;
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.starts_with("| from | surface | after | tag | features | to |")) {
      in_table = true;
      std::getline(in, line);  // the |---| row
      continue;
    }
    if (!in_table) continue;
    if (!line.starts_with("|")) {
      in_table = false;
      continue;
    }
    const auto c = cells(line);
    ASSERT_EQ(c.size(), 6u) << line;
    // "from" may list several states: one arc from each
    std::string froms = c[0];
    for (std::size_t start = 0;;) {
      const std::size_t comma = froms.find(',', start);
      std::string from = froms.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      from.erase(0, from.find_first_not_of(' '));
      documented.insert({from, c[1], c[2], c[3], c[4], c[5]});
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  std::multiset<Row> engine;
  std::ostringstream expected;  // printed on failure, ready to paste
  for (std::size_t s = 0; s < static_cast<std::size_t>(kurdi::morph::State::count); ++s) {
    for (const auto& a : kurdi::morph::arcs_from(static_cast<kurdi::morph::State>(s))) {
      Row r{std::string(kurdi::morph::state_name(a.from)), std::string(a.surface), after_name(a.after),
            std::string(a.tag), std::string(a.features), std::string(kurdi::morph::state_name(a.to))};
      engine.insert(r);
      expected << "| " << std::get<0>(r) << " | `" << std::get<1>(r) << "` | " << std::get<2>(r) << " | "
               << std::get<3>(r) << " | " << (std::get<4>(r).empty() ? "-" : "`" + std::get<4>(r) + "`") << " | "
               << std::get<5>(r) << " |\n";
    }
  }
  EXPECT_TRUE(documented == engine) << "docs/morphology.md and the engine differ; the engine's table is:\n"
                                    << expected.str();
}

}  // namespace
