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

namespace {
// Keys are a few letters and a tag match is nearly always the key: a plain
// loop is cheaper than a call to memcmp here.
bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}
}  // namespace

Entry lookup(std::string_view form) noexcept { return lookup(form, format::hash(form)); }

Entry lookup(std::string_view form, std::uint64_t hash) noexcept {
  using namespace data;
  const std::size_t mask = kSlotCount - 1;
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const format::Slot& slot = kSlots[s];
    if (slot.text == format::kEmptySlot) return {};
    if (slot.tag != tag) continue;
    if (slot.length == form.size() && same_bytes(kPool + slot.text, form.data(), form.size()))
      return {{kPool + slot.text, slot.length}, {kRecords + slot.first_record, slot.record_count}};
  }
}

const Verb& verb(std::int32_t index) noexcept { return data::kVerbs[index]; }

const format::Form& irregular_form(std::int32_t index) noexcept { return data::kForms[index]; }

std::size_t irregular_form_count() noexcept { return data::kFormCount; }

std::string_view pool_string(std::uint32_t offset, std::size_t length) noexcept {
  return {data::kPool + offset, length};
}



}  // namespace kurdi::morph
