#include "morph/user_lexicon.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "kurdi/normalize.hpp"
#include "kurdi/version.hpp"
#include "morph/passive_stems.hpp"
#include "util/sha256.hpp"

namespace kurdi {
namespace {

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    out.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

// The transitivity of a compound's light verb (the part after the preverb or
// nominal part: کردن in پۆستکردن), as the compiled lexicon gives it from
// its past stem; 2 (unknown) when it has none.
std::uint8_t light_verb_transitivity(std::string_view past_after_preverb) {
  for (const morph::Record& r : morph::lookup(past_after_preverb).records) {
    if (r.kind != morph::Kind::past || r.preverb_bytes != 0 || r.verb < 0) continue;
    const std::uint8_t t = morph::verb(r.verb).transitive;
    if (t <= 1) return t;
  }
  return 2;
}

}  // namespace

UserLexicon UserLexicon::parse(std::string_view text, std::string_view name) {
  auto* impl = new Impl;
  UserLexicon result(impl);  // owns impl from here on, also when we throw
  std::vector<std::string> canonical;  // the normalized entries, for the hash
  std::size_t number = 0;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM, as Windows editors write one
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto fail = [&](const std::string& message) {
      throw std::invalid_argument(std::string(name) + ":" + std::to_string(number) + ": " + message);
    };
    if (line.find('\0') != std::string_view::npos) fail("a NUL byte: the file is not UTF-8 text (UTF-16?)");
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;
    const auto cols = split_tabs(line);
    if (cols.size() < 2) fail("expected 'word TAB UPOS' or 'infinitive TAB VERB TAB past TAB present'");
    const std::string word = morph::normalized_word(cols[0]);
    if (word.empty()) fail("empty word");
    if (word.find_first_of(" \t") != std::string::npos) fail("a word with a space: '" + word + "'");
    if (cols[1] == "VERB") {
      if (cols.size() < 4 || cols.size() > 6)
        fail("a verb needs: infinitive TAB VERB TAB past TAB present [TAB preverb|- [TAB tr|intr]]");
      const std::string preverb = cols.size() >= 5 && cols[4] != "-" ? morph::normalized_word(cols[4]) : std::string();
      std::uint8_t transitive = 2;
      if (cols.size() == 6) {
        if (cols[5] == "tr") transitive = 1;
        else if (cols[5] == "intr") transitive = 0;
        else fail("transitivity '" + cols[5] + "' is not tr or intr");
      }
      const std::string past = morph::normalized_word(cols[2]), present = morph::normalized_word(cols[3]);
      for (const std::string* stem : {&word, &past, &present}) {
        if (stem->empty()) fail("empty stem");
        if (!preverb.empty() && (stem->compare(0, preverb.size(), preverb) != 0 || stem->size() == preverb.size()))
          fail("'" + *stem + "' does not start with its preverb '" + preverb + "'");
      }
      // Not given: a compound takes its light verb's (پۆستکردن as کردن).
      if (transitive == 2 && !preverb.empty()) transitive = light_verb_transitivity(past.substr(preverb.size()));
      const auto id = static_cast<std::int32_t>(impl->verbs.size()) | morph::kUserVerbBit;
      impl->verbs.push_back({word, transitive});
      const auto pv = static_cast<std::uint16_t>(preverb.size());
      impl->keys[past].push_back({0, id, morph::Kind::past, morph::Upos::VERB, pv});
      impl->keys[present].push_back({0, id, morph::Kind::present, morph::Upos::VERB, pv});
      // the regular passive, which an intransitive verb has not (docs/morphology.md)
      if (transitive != 0)
        for (const auto& p : morph::regular_passive_stems(present, preverb.size())) {
          impl->keys[p.past].push_back({0, id, morph::Kind::passive_past, morph::Upos::VERB, pv});
          impl->keys[p.present].push_back({0, id, morph::Kind::passive_present, morph::Upos::VERB, pv});
        }
      if (!preverb.empty()) impl->keys[preverb].push_back({0, -1, morph::Kind::preverb, morph::Upos::X, 0});
      canonical.push_back(word + "\tVERB\t" + past + "\t" + present + "\t" + preverb +
                          (cols.size() == 6 ? "\t" + cols[5] : std::string()));
    } else {
      if (cols.size() > 3) fail("a word line has at most 3 columns: word TAB UPOS [TAB freq]");
      std::size_t upos = 0;
      while (upos < std::size(morph::format::kUposNames) && morph::format::kUposNames[upos] != cols[1]) ++upos;
      if (upos == std::size(morph::format::kUposNames)) fail("unknown part of speech '" + cols[1] + "'");
      std::uint32_t freq = 1000;  // a user's word ranks like a common word unless told
      if (cols.size() == 3) {
        if (cols[2].empty() || cols[2].find_first_not_of("0123456789") != std::string::npos || cols[2].size() > 9)
          fail("frequency '" + cols[2] + "' is not a number");
        freq = static_cast<std::uint32_t>(std::stoul(cols[2]));
      }
      impl->keys[word].push_back({freq, -1, morph::Kind::lemma, static_cast<morph::Upos>(upos), 0});
      canonical.push_back(word + "\t" + cols[1] + "\t" + std::to_string(freq));
    }
    ++impl->entries;
  }
  std::sort(canonical.begin(), canonical.end());
  canonical.erase(std::unique(canonical.begin(), canonical.end()), canonical.end());
  std::string material;
  for (const auto& c : canonical) (material += c) += '\n';
  impl->hash = util::sha256_hex(material).substr(0, 12);
  return result;
}

UserLexicon UserLexicon::load(const std::string& path) {
  auto fail = [&](const char* why) {
    throw std::invalid_argument(path + ": cannot read the user lexicon: " + why);
  };
  // (an ifstream opens a directory and reads nothing from it: an empty lexicon)
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) fail("it is a directory");
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(errno != 0 ? std::strerror(errno) : "cannot open it");
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) text.append(buffer, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) fail(errno != 0 ? std::strerror(errno) : "a read error");
  return parse(text, path);
}

UserLexicon::UserLexicon(UserLexicon&& other) noexcept : impl_(other.impl_) { other.impl_ = nullptr; }
UserLexicon& UserLexicon::operator=(UserLexicon&& other) noexcept {
  std::swap(impl_, other.impl_);
  return *this;
}
UserLexicon::~UserLexicon() { delete impl_; }
std::string_view UserLexicon::hash() const noexcept { return impl_ ? std::string_view(impl_->hash) : ""; }
std::size_t UserLexicon::size() const noexcept { return impl_ ? impl_->entries : 0; }

std::string analyzer_version(const UserLexicon* user) {
  std::string v(analyzer_version());
  if (user != nullptr && user->size() > 0) (v += "+user.") += user->hash();
  return v;
}

}  // namespace kurdi
