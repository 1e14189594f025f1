// kurdi eval: comparing sentence boundaries.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/sentences.hpp"

namespace kurdi_eval {

/// Boundary counts: a boundary is the byte offset where a sentence other
/// than the first begins.
struct BoundaryScore {
  std::size_t tp = 0, fp = 0, fn = 0;
  void add(const BoundaryScore& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
  }
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  std::string summary() const;  ///< "TP .. FP .. FN .. precision .. recall .. F1 .."
};

/// The begin offsets of every sentence but the first.
std::vector<std::size_t> predicted_boundaries(const std::vector<kurdi::Sentence>& sentences);

/// Problems with the library's sentences for `text` (offsets out of range,
/// empty, overlapping or unordered, starting or ending in whitespace);
/// empty when there are none.
std::vector<std::string> check_sentences(std::string_view text,
                                         const std::vector<kurdi::Sentence>& sentences);

/// One boundary error, for verbose listings.
struct BoundaryError {
  bool false_positive;  ///< predicted, not in the gold; else missed
  std::size_t offset;
};

/// Compares sorted, de-duplicated offset lists; appends errors.
BoundaryScore compare_boundaries(const std::vector<std::size_t>& gold,
                                 const std::vector<std::size_t>& predicted,
                                 std::vector<BoundaryError>* errors = nullptr);

/// `text` around `offset` (up to `width` code points each side) with the
/// position marked by " ‖ ", newlines shown as ⏎.
std::string boundary_context(std::string_view text, std::size_t offset, std::size_t width = 40);

}  // namespace kurdi_eval
