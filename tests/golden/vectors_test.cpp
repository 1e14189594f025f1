// Reference vectors of other Sorani normalizers, run through kurdi::normalize
// (standard profile):
//   vectors/lucene_normaliser_vectors.tsv  Lucene's SoraniNormalizationFilter (via bleve)
//   vectors/klpt_normalizer.tsv            KLPT preprocess normalizer, Sorani Arabic script
//   vectors/klpt_standardizer.tsv          KLPT preprocess standardizer, Sorani Arabic script
//   vectors/asosoft_normalize.tsv          AsoSoft Normalize
// Where our documented rules agree, our output must equal theirs. Every
// deliberate difference is a row of vectors/differences.tsv (their output,
// ours, whether our search profile gives theirs) explained in DIFFERENCES.md;
// for those the test pins OUR output, so a behaviour change is noticed.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "golden_render.hpp"
#include "support/unescape.hpp"
#include "kurdi/normalize.hpp"

namespace {

const std::string kVectors = KURDI_VECTORS_DIR;

struct Vector {
  std::string id;
  std::string input;
  std::string expected;
};

struct Difference {
  std::string theirs;
  std::string ours;
  bool search_agrees;
};

using kurdi_test::unescape;

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (true) {
    const std::size_t t = line.find(sep, pos);
    parts.push_back(line.substr(pos, t == std::string_view::npos ? line.npos : t - pos));
    if (t == std::string_view::npos) break;
    pos = t + 1;
  }
  return parts;
}

// Data lines of a TSV file (header skipped).
std::vector<std::string> data_lines(const std::string& path) {
  const auto content = kurdi_golden::read_file(path);
  if (!content) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::vector<std::string> lines;
  std::string_view rest = *content;
  bool header = true;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    if (!header) lines.emplace_back(line);
    header = false;
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return lines;
}

// Lucene's file: input_codepoints, expected_codepoints, input, expected. The
// code-point columns are authoritative (the literal columns hold invisible
// characters); the last row (all empty) is the empty-token case.
std::vector<Vector> lucene_vectors() {
  std::vector<Vector> v;
  int n = 0;
  for (const std::string& line : data_lines(kVectors + "/lucene_normaliser_vectors.tsv")) {
    const auto f = split(line, '\t');
    if (f.size() < 2) continue;
    v.push_back({"lucene-normaliser:" + std::to_string(++n), unescape(f[0]), unescape(f[1])});
  }
  return v;
}

std::vector<Vector> id_tsv_vectors(const std::string& file) {
  std::vector<Vector> v;
  for (const std::string& line : data_lines(kVectors + "/" + file)) {
    const auto f = split(line, '\t');
    if (f.size() != 3) {
      ADD_FAILURE() << file << ": malformed line: " << line;
      continue;
    }
    v.push_back({std::string(f[0]), unescape(f[1]), unescape(f[2])});
  }
  return v;
}

std::vector<Vector> all_vectors() {
  std::vector<Vector> all = lucene_vectors();
  for (const char* f : {"klpt_normalizer.tsv", "klpt_standardizer.tsv", "asosoft_normalize.tsv"}) {
    for (auto& v : id_tsv_vectors(f)) all.push_back(std::move(v));
  }
  return all;
}

// differences.tsv: id, theirs, ours (standard profile), search_agrees (yes/no).
std::map<std::string, Difference> differences() {
  std::map<std::string, Difference> d;
  for (const std::string& line : data_lines(kVectors + "/differences.tsv")) {
    const auto f = split(line, '\t');
    if (f.size() != 4 || (f[3] != "yes" && f[3] != "no")) {
      ADD_FAILURE() << "differences.tsv: malformed line: " << line;
      continue;
    }
    d[std::string(f[0])] = {unescape(f[1]), unescape(f[2]), f[3] == "yes"};
  }
  return d;
}

std::string standard(std::string_view s) { return kurdi::normalize(s); }
std::string search(std::string_view s) {
  kurdi::NormalizeOptions o;
  o.profile = kurdi::Profile::search;
  return kurdi::normalize(s, o);
}

TEST(Vectors, AllSourcesPresent) {
  const auto v = all_vectors();
  std::map<std::string, int> per_source;
  for (const Vector& x : v) ++per_source[x.id.substr(0, x.id.find(':'))];
  EXPECT_EQ(per_source["lucene-normaliser"], 23);
  EXPECT_EQ(per_source["klpt-normalizer"], 10);
  EXPECT_EQ(per_source["klpt-standardizer"], 5);
  EXPECT_EQ(per_source["asosoft-normalize"], 1);
}

// The heart of it: agree with the reference, or differ exactly as documented.
TEST(Vectors, AgreeOrDifferAsDocumented) {
  const auto diffs = differences();
  int agreed = 0, differ = 0;
  for (const Vector& v : all_vectors()) {
    SCOPED_TRACE(v.id + " input: " + kurdi_golden::escape_field(v.input));
    const std::string ours = standard(v.input);
    const auto d = diffs.find(v.id);
    if (d == diffs.end()) {
      EXPECT_EQ(ours, v.expected) << v.id << ": we differ from the reference but the "
                                  << "difference is not listed in differences.tsv / DIFFERENCES.md";
      agreed += ours == v.expected ? 1 : 0;
      continue;
    }
    ++differ;
    EXPECT_EQ(d->second.theirs, v.expected) << v.id << ": differences.tsv quotes their output wrongly";
    EXPECT_EQ(ours, d->second.ours) << v.id << ": our output changed from the documented one";
    EXPECT_NE(ours, v.expected) << v.id << ": we now agree; remove the row from differences.tsv";
    EXPECT_EQ(search(v.input) == v.expected, d->second.search_agrees)
        << v.id << ": the search-profile column of differences.tsv is stale (search output: "
        << search(v.input) << ")";
  }
  std::printf("vectors: %d agree with the reference, %d differ as documented\n", agreed, differ);
}

// Every documented difference names a real vector and is explained in prose.
TEST(Vectors, DifferencesAreDocumented) {
  const auto diffs = differences();
  const auto vectors = all_vectors();
  const auto md = kurdi_golden::read_file(KURDI_DIFFERENCES_MD);
  ASSERT_TRUE(md.has_value()) << "missing " << KURDI_DIFFERENCES_MD;
  for (const auto& [id, d] : diffs) {
    bool found = false;
    for (const Vector& v : vectors) found = found || v.id == id;
    EXPECT_TRUE(found) << "differences.tsv names an unknown vector " << id;
    EXPECT_NE(md->find("`" + id + "`"), std::string::npos)
        << id << " is not explained in DIFFERENCES.md";
  }
}

// Our standard output for every vector is a fixed point, like any output.
TEST(Vectors, OutputsAreIdempotent) {
  for (const Vector& v : all_vectors()) {
    const std::string once = standard(v.input);
    EXPECT_EQ(standard(once), once) << v.id;
    const std::string s = search(v.input);
    EXPECT_EQ(search(s), s) << v.id;
  }
}

}  // namespace
