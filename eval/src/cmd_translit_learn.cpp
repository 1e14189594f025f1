// kurdi eval translit learn / split: the learned bizroke costs
// (docs/transliteration.md, "Learned bizroke costs"; driven by
// scripts/translit/learn_bizroke.py, which prepares the files).
//
//   translit learn --train TSV --heldout TSV [--epochs N] [--rate R]
//                  [--templates ab,bc] [--prune X] [--out COSTS]
//       An averaged structured perceptron over the library's own reading of
//       a word (syllable DP, morpheme hints, no exception lexicon): for each
//       training word "arabic<TAB>hawar" (normalized Arabic, mapped Hawar),
//       where the reading puts an unwritten i differently from the Hawar,
//       the weights of the features of those letters move by R towards the
//       Hawar's choice. Prints the accuracy of the hand-set costs alone and
//       of the learned ones (averaged weights below X in size dropped, the
//       others rounded to 1/64, as written) on both
//       files; writes the non-zero weights to COSTS (unsorted: the script
//       sorts them).
//   translit split TSV...
//       exact word accuracy of the compiled library (rules alone, no
//       exception lexicon) on "arabic<TAB>hawar" files: the held-out split.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "kurdi/translit.hpp"
#include "text_util.hpp"
#include "translit/bizroke_model.hpp"
#include "translit/exceptions.hpp"
#include "translit/letters.hpp"
#include "translit/with_model.hpp"

namespace kurdi_eval {
namespace {

using namespace kurdi::translit_detail;

struct Example {
  std::string arabic, hawar;
  std::vector<const ArabicLetter*> letters;
  std::vector<std::uint8_t> gold;  // per letter: an unwritten i before it
};

// Per letter, whether `hawar` (aligned with `letters`) has an unwritten i
// before it; false when it does not align.
bool bizroke_mask(const std::vector<const ArabicLetter*>& letters, std::string_view hawar, Phones& phones,
                  std::vector<std::uint8_t>& mask) {
  if (!read_exception(letters, hawar, phones)) return false;
  mask.assign(letters.size(), 0);
  std::size_t at = 0;
  bool pending = false;
  for (const Phone& ph : phones) {
    if (ph.reading == &kReadBizroke) {
      pending = true;
      continue;
    }
    if (at < mask.size()) mask[at] = pending;
    pending = false;
    at += ph.reading == &kReadUU ? 2 : 1;
  }
  return true;
}

std::vector<Example> load(const std::string& path, std::size_t* dropped) {
  std::vector<Example> out;
  std::istringstream in(read_file(path));
  std::string line;
  Phones phones;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    Example ex;
    ex.arabic = line.substr(0, tab);
    ex.hawar = line.substr(tab + 1);
    bool ok = true;
    for (const char32_t cp : decode_u32(ex.arabic)) {
      const ArabicLetter* l = arabic_letter(cp);
      if (!l) ok = false;
      ex.letters.push_back(l);
    }
    if (!ok || ex.letters.size() < 2 || !bizroke_mask(ex.letters, ex.hawar, phones, ex.gold)) {
      ++*dropped;
      continue;
    }
    out.push_back(std::move(ex));
  }
  return out;
}

std::string read_with(const Example& ex, const BizrokeModel* model) {
  kurdi::TransliterateOptions o;
  o.exceptions = false;
  std::string out;
  transliterate_with_model(ex.arabic, o, model, out);
  return out;
}

struct Accuracy {
  std::size_t right = 0, total = 0;
  double value() const { return total ? static_cast<double>(right) / static_cast<double>(total) : 0.0; }
};

Accuracy accuracy(const std::vector<Example>& set, const BizrokeModel* model) {
  Accuracy a;
  for (const Example& ex : set) {
    ++a.total;
    a.right += read_with(ex, model) == ex.hawar;
  }
  return a;
}

// The features of an i before letter p: indices into the weights of all
// templates (template * cells + cell).
std::size_t features(const Example& ex, std::size_t p, unsigned templates, std::size_t* out) {
  const std::size_t len = ex.letters.size();
  const unsigned a = model_letter(ex.letters[p - 1]), b = model_letter(ex.letters[p]);
  const unsigned c = p + 1 < len ? model_letter(ex.letters[p + 1]) : kModelEdge;
  std::size_t n = 0;
  constexpr std::size_t kCells = kModelLetters * kModelLetters;
  if (templates & (1u << kPairAB)) out[n++] = kPairAB * kCells + a * kModelLetters + b;
  if (templates & (1u << kPairBC)) out[n++] = kPairBC * kCells + b * kModelLetters + c;
  return n;
}

const std::string kTemplateName[kTemplates] = {"ab", "bc"};

double round64(double w) { return std::round(w * 64.0) / 64.0; }

int run_learn(const Args& args) {
  std::size_t dropped = 0;
  const std::vector<Example> train = load(args.get("--train", ""), &dropped);
  const std::vector<Example> heldout = load(args.get("--heldout", ""), &dropped);
  const std::size_t epochs = args.get_size("--epochs", 5);
  const double rate = std::stod(args.get("--rate", "0.25"));
  const std::string tnames = args.get("--templates", "ab,bc");
  const double prune = std::stod(args.get("--prune", "0"));
  unsigned templates = 0;
  {
    std::istringstream names(tnames);
    for (std::string name; std::getline(names, name, ',');) {
      const auto* found = std::find(std::begin(kTemplateName), std::end(kTemplateName), name);
      if (found == std::end(kTemplateName)) throw UsageError("unknown template " + name);
      templates |= 1u << (found - std::begin(kTemplateName));
    }
  }
  std::printf("train %zu words, held out %zu words, %zu rows that do not align dropped\n", train.size(),
              heldout.size(), dropped);

  constexpr std::size_t kCells = kModelLetters * kModelLetters;
  std::vector<double> w(kTemplates * kCells, 0.0), u(kTemplates * kCells, 0.0);
  double c = 1;  // examples seen (for the averaged weights: w - u / c)
  auto model_of = [&](const std::vector<double>& weights) {
    auto m = std::make_unique<BizrokeModel>();
    for (unsigned t = 0; t < kTemplates; ++t)
      for (std::size_t i = 0; i < kCells; ++i) m->weight[t][i] = static_cast<float>(weights[t * kCells + i]);
    return m;
  };
  std::vector<std::size_t> order(train.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(20261123);
  std::vector<std::uint8_t> mask;
  Phones phones;
  std::size_t feats[kTemplates];
  for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
    // Fisher-Yates with the engine's raw output: the same order everywhere.
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    std::size_t wrong = 0;
    for (const std::size_t k : order) {
      const Example& ex = train[k];
      const auto current = model_of(w);
      const std::string got = read_with(ex, current.get());
      if (got != ex.hawar && bizroke_mask(ex.letters, got, phones, mask) && mask != ex.gold) {
        ++wrong;
        for (std::size_t p = 1; p < mask.size(); ++p) {
          if (mask[p] == ex.gold[p]) continue;
          const double delta = rate * (mask[p] ? 1.0 : -1.0);
          const std::size_t n = features(ex, p, templates, feats);
          for (std::size_t f = 0; f < n; ++f) {
            w[feats[f]] += delta;
            u[feats[f]] += c * delta;
          }
        }
      }
      ++c;
    }
    std::printf("epoch %zu: %zu training words read with a wrong i\n", epoch + 1, wrong);
  }
  std::vector<double> avg(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    const double a = w[i] - u[i] / c;
    avg[i] = std::fabs(a) < prune ? 0.0 : std::clamp(round64(a), -8.0, 8.0);
  }
  const auto learned = model_of(avg);
  const Accuracy tb = accuracy(train, nullptr), tl = accuracy(train, learned.get());
  const Accuracy hb = accuracy(heldout, nullptr), hl = accuracy(heldout, learned.get());
  std::printf("%-40s %5zu / %5zu = %.4f\n", "train, hand-set costs [IN-SAMPLE]", tb.right, tb.total, tb.value());
  std::printf("%-40s %5zu / %5zu = %.4f\n", "train, learned costs [IN-SAMPLE]", tl.right, tl.total, tl.value());
  std::printf("%-40s %5zu / %5zu = %.4f\n", "held-out split, hand-set costs", hb.right, hb.total, hb.value());
  std::printf("%-40s %5zu / %5zu = %.4f\n", "held-out split, learned costs", hl.right, hl.total, hl.value());
  const std::string out_path = args.get("--out", "");
  if (!out_path.empty()) {
    std::ofstream out(out_path);
    auto letter = [](unsigned id) {
      if (id == kModelEdge) return std::string("#");
      return encode(std::u32string(1, kModelAlphabet[id - 1]));
    };
    char buf[32];
    std::size_t rows = 0;
    for (unsigned t = 0; t < kTemplates; ++t) {
      for (std::size_t i = 0; i < kCells; ++i) {
        const double v = avg[t * kCells + i];
        if (v == 0.0) continue;
        if (i / kModelLetters == kModelOther || i % kModelLetters == kModelOther) continue;
        const std::string context =
            letter(static_cast<unsigned>(i / kModelLetters)) + '\t' + letter(static_cast<unsigned>(i % kModelLetters));
        std::snprintf(buf, sizeof buf, "%.6f", v);
        std::string s = buf;
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
        out << kTemplateName[t] << '\t' << context << '\t' << s << '\n';
        ++rows;
      }
    }
    std::printf("%zu weights written to %s\n", rows, out_path.c_str());
  }
  return 0;
}

int run_split(const std::vector<std::string>& files) {
  for (const std::string& path : files) {
    std::size_t dropped = 0;
    const std::vector<Example> set = load(path, &dropped);
    const Accuracy a = accuracy(set, &kBizrokeModel);
    std::printf("%-58s %6zu / %6zu = %.4f\n", (path.substr(path.rfind('/') + 1) + ", rules alone").c_str(), a.right,
                a.total, a.value());
  }
  return 0;
}

}  // namespace

int cmd_translit_learn(const std::vector<std::string>& argv) {
  const Args args(argv, {"--train", "--heldout", "--epochs", "--rate", "--templates", "--prune", "--out"}, {});
  const auto& pos = args.positional();
  if (!pos.empty() && pos[0] == "learn") return run_learn(args);
  if (!pos.empty() && pos[0] == "split") return run_split(std::vector<std::string>(pos.begin() + 1, pos.end()));
  throw UsageError("translit learn --train TSV --heldout TSV ..., or translit split TSV...");
}

}  // namespace kurdi_eval
