// Runs every example of the rule table in docs/normalization.md, so the
// documentation and the engine cannot drift apart.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "kurdi/normalize.hpp"
#include "support/unescape.hpp"

namespace {

struct Row {
  std::string id, profiles, input, output;
};

std::vector<std::string> split_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '|') {
      const auto b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
      cells.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  return cells;
}

// `text` -> its content without the backticks, escapes decoded.
std::string cell_text(const std::string& cell) {
  std::string_view s = cell;
  if (s.size() >= 2 && s.front() == '`' && s.back() == '`') s = s.substr(1, s.size() - 2);
  return kurdi_test::unescape(s);
}

std::vector<Row> read_rows() {
  std::ifstream in(KURDI_SOURCE_DIR "/docs/normalization.md");
  std::vector<Row> rows;
  std::string line;
  bool in_rules = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) in_rules = line == "## Rules";
    if (!in_rules || line.rfind("| ", 0) != 0 || line.rfind("| id", 0) == 0) continue;
    const auto cells = split_cells(line);
    if (cells.size() < 8) continue;
    rows.push_back({cells[0], cells[4], cell_text(cells[5]), cell_text(cells[6])});
  }
  return rows;
}

TEST(RuleTable, HasEveryRuleFamily) {
  const auto rows = read_rows();
  ASSERT_GE(rows.size(), 30u) << "docs/normalization.md rule table not found or too short";
  for (const char* prefix : {"L", "H", "R", "C", "M", "T", "Z", "P", "F", "S", "K"}) {
    bool found = false;
    for (const auto& r : rows) found = found || r.id.rfind(prefix, 0) == 0;
    EXPECT_TRUE(found) << "no rule row with id " << prefix << "*";
  }
}

TEST(RuleTable, EveryExampleHoldsInItsProfiles) {
  for (const auto& row : read_rows()) {
    for (const char* name : {"standard", "search"}) {
      if (row.profiles.find(name) == std::string::npos) continue;
      kurdi::NormalizeOptions o;
      o.profile = *kurdi::parse_profile(name);
      EXPECT_EQ(kurdi::normalize(row.input, o), row.output)
          << "rule " << row.id << " (" << name << ") on " << row.input;
      // Every example is also a fixed point once normalized.
      EXPECT_EQ(kurdi::normalize(row.output, o), row.output) << "rule " << row.id << " idempotence";
    }
  }
}

}  // namespace
