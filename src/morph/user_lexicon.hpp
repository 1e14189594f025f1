// The in-memory side of a user lexicon (kurdi::UserLexicon): the same records
// as the compiled lexicon, in a hash map the analyzer consults after it.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "kurdi/morph.hpp"
#include "morph/lexicon.hpp"
#include "morph/word.hpp"

namespace kurdi {

struct UserLexicon::Impl {
  struct VerbInfo {
    std::string infinitive;
    std::uint8_t transitive = 2;
  };
  std::unordered_map<std::string, std::vector<morph::Record>, morph::StringHash, std::equal_to<>> keys;
  std::vector<VerbInfo> verbs;
  std::string hash;
  std::size_t entries = 0;

  /// Like morph::lookup, over the user's entries.
  morph::Entry lookup(std::string_view form) const {
    auto it = keys.find(form);
    if (it == keys.end()) return {};
    return {it->first, {it->second.data(), it->second.size()}};
  }
};

namespace morph {
/// Verb indexes of user verbs carry this bit, so one Record type serves both
/// lexicons.
inline constexpr std::int32_t kUserVerbBit = 0x40000000;
}  // namespace morph

}  // namespace kurdi
