// Lookups in the compiled lexicon: one hash, then linear probing over a
// power-of-two slot table generated at build time (see lexicon_compiler.cpp).
#include "morph/lexicon.hpp"

namespace kurdi::morph::data {
using namespace kurdi::morph::format;
extern const char kPool[];
extern const std::size_t kPoolSize;
extern const Record kRecords[];
extern const std::size_t kMaxVerbStemBytes;
extern const Verb kVerbs[];
extern const Form kForms[];
extern const std::size_t kFormCount;
extern const Slot kSlots[];
extern const std::size_t kSlotCount;
}  // namespace kurdi::morph::data

namespace kurdi::morph {

Entry lookup(std::string_view form) noexcept { return lookup(form, format::hash(form)); }

const Verb& verb(std::int32_t index) noexcept { return data::kVerbs[index]; }

const format::Form& irregular_form(std::int32_t index) noexcept { return data::kForms[index]; }

std::size_t irregular_form_count() noexcept { return data::kFormCount; }

std::string_view pool_string(std::uint32_t offset, std::size_t length) noexcept {
  return {data::kPool + offset, length};
}



}  // namespace kurdi::morph
