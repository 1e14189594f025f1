// kurdi eval: Levenshtein distance and alignment over code points.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kurdi_eval {

enum class Op : unsigned char { match, substitute, remove, insert };

/// One alignment step: `a_pos` / `b_pos` index the code point of `a` / `b`
/// it consumes (the position it would have for remove / insert).
struct Step {
  Op op;
  std::size_t a_pos;
  std::size_t b_pos;
};

/// Unit-cost Levenshtein distance (substitution, deletion, insertion).
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

/// A minimal alignment turning `a` into `b` (the fewest edits). Among
/// minimal alignments it takes one with the fewest substitutions between
/// characters of different kinds (whitespace; combining marks; format
/// characters and tatweel; everything else); remaining ties are broken the same way
/// every time: walking back from the end, a match first, then a deletion,
/// then an insertion, then a substitution (so that "ه + ZWNJ -> ە" aligns as
/// ه->ە plus a deleted ZWNJ). Common prefix and suffix are matched without
/// running the quadratic table.
std::vector<Step> align(std::u32string_view a, std::u32string_view b);

/// Like align(), but when `a` and `b` split into the same number of
/// whitespace / non-whitespace runs, aligns run by run (linear in the number
/// of runs, quadratic only inside a run); otherwise aligns the whole strings.
std::vector<Step> align_by_runs(std::u32string_view a, std::u32string_view b);

/// Number of whitespace code points (Unicode White_Space) in `s`.
std::size_t count_spaces(std::u32string_view s);
/// Number of whitespace-delimited chunks of `s` that hold a letter or digit.
std::size_t count_content_chunks(std::u32string_view s);

/// A maximal stretch of non-match steps, as [first, last) indices into the
/// step vector, with the code points it takes from `a` and gives in `b`.
struct Edit {
  std::size_t first_step;
  std::size_t last_step;
  std::u32string from;
  std::u32string to;
  std::size_t a_begin;  ///< first code point of `a` it touches (or insertion point)
  std::size_t b_begin;
};

/// Groups the non-match steps into edits: a maximal run of non-match steps
/// is one edit, except that a run made only of substitutions is split into
/// one edit per substitution (so "كه -> کە" counts as ك->ک and ه->ە).
std::vector<Edit> group_edits(const std::vector<Step>& steps, std::u32string_view a,
                              std::u32string_view b);

}  // namespace kurdi_eval
