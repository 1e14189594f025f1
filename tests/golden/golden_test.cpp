// Golden-file tests: the analysis of the seed articles (samples/seeds) must
// match the committed outputs in tests/golden/seeds. When it does not:
//   * same analyzer version as recorded in the golden file: a bug in the
//     versioning (the output changed but the analyzer version did not, so
//     stored indexes would silently go stale);
//   * different analyzer version: an intended change? review the diff and
//     regenerate the goldens.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "golden_render.hpp"
#include "kurdi/version.hpp"

namespace {

const std::string kGoldenDir = KURDI_GOLDEN_DIR;
const std::string kRegenerate = "cmake --build " KURDI_BINARY_DIR " --target update-goldens";

// Prefer the in-repo copy of the seeds so that the goldens never depend on
// ../shared.
std::string seeds_dir() {
  const std::string repo = KURDI_SOURCE_DIR "/samples/seeds";
  if (!kurdi_golden::seed_names(repo).empty()) return repo;
  return KURDI_SHARED_DATA "/seeds";
}

struct Case {
  std::string file;  // golden file name in tests/golden/seeds
};

std::vector<Case> golden_files() {
  std::vector<Case> cases;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(kGoldenDir, ec)) {
    if (e.is_regular_file()) cases.push_back({e.path().filename().string()});
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.file < b.file; });
  return cases;
}

class Golden : public ::testing::TestWithParam<Case> {};

TEST_P(Golden, MatchesCurrentOutput) {
  const std::string path = kGoldenDir + "/" + GetParam().file;
  const auto content = kurdi_golden::read_file(path);
  ASSERT_TRUE(content.has_value()) << "cannot read " << path;
  const auto golden = kurdi_golden::parse(*content);
  ASSERT_TRUE(golden.has_value()) << path << ": no valid '#kurdi-golden' header line";

  bool known_kind = false;
  for (const auto& k : kurdi_golden::kinds()) {
    if (k.name == golden->kind) {
      known_kind = true;
      EXPECT_EQ(golden->source.substr(0, golden->source.size() - 4) + std::string(k.extension),
                GetParam().file)
          << "the file name does not match its header";
    }
  }
  ASSERT_TRUE(known_kind) << path << ": unknown kind '" << golden->kind << "'";

  const std::string dir = seeds_dir();
  const auto input = kurdi_golden::read_file(dir + "/" + golden->source);
  ASSERT_TRUE(input.has_value()) << "seed article " << golden->source << " not found in " << dir;

  const std::string current = kurdi_golden::render(golden->kind, *input);
  if (current == golden->body) return;

  const std::string_view version = kurdi::analyzer_version();
  const std::string diff = kurdi_golden::first_differences(golden->body, current, 1);
  if (golden->analyzer_version == version) {
    FAIL() << GetParam().file << ": output changed but the analyzer version did not ("
           << version << "). Whatever changed the output must be part of the analyzer "
           << "version hash (src/CMakeLists.txt), or indexes built before the change "
           << "silently go stale.\nFirst differing lines of the golden file:\n"
           << diff;
  }
  FAIL() << GetParam().file << ": output changed: review the diff and regenerate with "
         << kRegenerate << " (analyzer " << golden->analyzer_version << " -> " << version
         << ")\nFirst differing lines of the golden file:\n"
         << diff;
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string n;
  for (const char c : info.param.file) {
    n += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
  }
  return n;
}

// With no golden files at all, EverySeedHasEveryKind reports what is missing.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Golden);
INSTANTIATE_TEST_SUITE_P(Seeds, Golden, ::testing::ValuesIn(golden_files()), case_name);

// Every seed article has every kind of golden file (a new seed or a new kind
// must not go untested).
TEST(GoldenSet, EverySeedHasEveryKind) {
  const std::string dir = seeds_dir();
  const auto names = kurdi_golden::seed_names(dir);
  ASSERT_FALSE(names.empty()) << "no seed articles in " << dir;
  for (const std::string& name : names) {
    const std::string stem = name.substr(0, name.size() - 4);
    for (const auto& k : kurdi_golden::kinds()) {
      const std::string path = kGoldenDir + "/" + stem + std::string(k.extension);
      EXPECT_TRUE(std::filesystem::exists(path))
          << path << " is missing; generate it with " << kRegenerate;
    }
  }
}

// The header records the version that made the file, and the check above
// relies on parse() reading it back.
TEST(GoldenSet, HeaderRoundTrip) {
  const std::string h = kurdi_golden::header("tokens", "a.txt", "0.1.0+abc");
  const auto g = kurdi_golden::parse(h + "body\n");
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->analyzer_version, "0.1.0+abc");
  EXPECT_EQ(g->kind, "tokens");
  EXPECT_EQ(g->source, "a.txt");
  EXPECT_EQ(g->body, "body\n");
  EXPECT_FALSE(kurdi_golden::parse("no header\n").has_value());
}

}  // namespace
