// kurdi_golden_update: (re)writes the golden files of the seed articles from
// the current analysis. Run it through the build target (the command the
// golden test prints):
//   cmake --build <build dir> --target update-goldens
// then review `git diff tests/golden/seeds` line by line before committing.
//
// Usage: kurdi_golden_update [--seeds DIR] [--out DIR]
#include <cstdio>
#include <string>
#include <string_view>

#include "golden_render.hpp"
#include "kurdi/version.hpp"

int main(int argc, char** argv) {
  std::string seeds = KURDI_GOLDEN_SEEDS;
  std::string out_dir = KURDI_GOLDEN_DIR;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if ((a == "--seeds" || a == "--out") && i + 1 < argc) {
      (a == "--seeds" ? seeds : out_dir) = argv[++i];
    } else {
      std::fprintf(stderr, "usage: kurdi_golden_update [--seeds DIR] [--out DIR]\n");
      return 2;
    }
  }
  const auto names = kurdi_golden::seed_names(seeds);
  if (names.empty()) {
    std::fprintf(stderr, "kurdi_golden_update: no seed articles (*.txt) in %s\n", seeds.c_str());
    return 1;
  }
  const std::string_view version = kurdi::analyzer_version();
  int changed = 0;
  for (const std::string& name : names) {
    const auto input = kurdi_golden::read_file(seeds + "/" + name);
    if (!input) {
      std::fprintf(stderr, "kurdi_golden_update: cannot read %s/%s\n", seeds.c_str(), name.c_str());
      return 1;
    }
    const std::string stem = name.substr(0, name.size() - 4);  // without ".txt"
    for (const auto& kind : kurdi_golden::kinds()) {
      const std::string path = out_dir + "/" + stem + std::string(kind.extension);
      const std::string content = kurdi_golden::header(kind.name, name, version) +
                                  kurdi_golden::render(kind.name, *input);
      const auto old = kurdi_golden::read_file(path);
      if (old && *old == content) continue;
      std::FILE* f = std::fopen(path.c_str(), "wb");
      const bool ok = f != nullptr &&
                      std::fwrite(content.data(), 1, content.size(), f) == content.size();
      if (f != nullptr && std::fclose(f) != 0) return 1;
      if (!ok) {
        std::fprintf(stderr, "kurdi_golden_update: cannot write %s\n", path.c_str());
        return 1;
      }
      std::printf("%s %s\n", old ? "updated" : "created", path.c_str());
      ++changed;
    }
  }
  std::printf("kurdi_golden_update: %d file(s) written, analyzer %.*s\n", changed,
              static_cast<int>(version.size()), version.data());
  return 0;
}
