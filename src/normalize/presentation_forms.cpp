#include "normalize/presentation_forms.hpp"

#include <algorithm>
#include <iterator>

namespace kurdi::normalize_detail {
namespace {
struct PresentationForm {
  char32_t cp;
  unsigned short offset;
  unsigned char length;
};
#include "normalize/presentation_forms.inc"
}  // namespace

std::u16string_view presentation_expansion(char32_t cp) noexcept {
  if (!is_presentation_form(cp)) return {};
  const auto* it = std::lower_bound(std::begin(kPresentationForms), std::end(kPresentationForms),
                                    cp, [](const PresentationForm& f, char32_t c) { return f.cp < c; });
  if (it == std::end(kPresentationForms) || it->cp != cp) return {};
  return std::u16string_view(kPresentationPool + it->offset, it->length);
}

}  // namespace kurdi::normalize_detail
