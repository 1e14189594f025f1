// TermCache (term_cache.hpp): word -> stored terms, each word's terms one
// record of a kurdi::RecordCache.
#include "term_cache.hpp"

namespace kurdi::sqlite {
namespace {

void put32(std::string& out, std::size_t v) {
  const auto u = static_cast<std::uint32_t>(v);
  char b[4];
  std::memcpy(b, &u, 4);
  out.append(b, 4);
}

std::uint32_t get32(const char* p) noexcept {
  std::uint32_t u;
  std::memcpy(&u, p, 4);
  return u;
}

}  // namespace

TermCache::Terms TermCache::view(std::string_view record) noexcept {
  Terms t;
  t.count_ = get32(record.data());
  t.lengths_ = record.data() + 4;
  t.bytes_ = t.lengths_ + 4 * t.count_;
  return t;
}

TermCache::Terms TermCache::word_terms(std::string_view form, std::uint64_t h, search::Expander& expander) {
  if (auto hit = cache_.find(form, h)) return view(*hit);
  ++misses_;
  const std::vector<search::Term>& terms = expander.document_terms(form, TokenType::word);
  record_.clear();
  put32(record_, terms.size());
  for (const search::Term& term : terms)
    put32(record_, (term.exact ? 0 : search::stem_marker.size()) + term.text.size());
  for (const search::Term& term : terms) {
    if (!term.exact) record_.append(search::stem_marker);
    record_.append(term.text);
  }
  // (A word too long to keep gets its record back, not kept.)
  return view(cache_.insert(form, h, record_));
}

}  // namespace kurdi::sqlite
