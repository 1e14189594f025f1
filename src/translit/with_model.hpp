// kurdi::transliterate with a bizroke model other than the compiled one:
// for kurdi_eval's trainer (scripts/translit/learn_bizroke.py), which
// learns the model with the library's own reading of a word.
#pragma once
#include <string>
#include <string_view>

#include "kurdi/translit.hpp"
#include "translit/bizroke_model.hpp"

namespace kurdi::translit_detail {

/// transliterate_into with `model` (nullptr: the hand-set costs alone)
/// instead of kBizrokeModel. Appends to `out`.
void transliterate_with_model(std::string_view text, const TransliterateOptions& options, const BizrokeModel* model,
                              std::string& out);

}  // namespace kurdi::translit_detail
