// kurdi eval: Levenshtein distance and alignment over code points.
#include "align.hpp"

#include <algorithm>
#include <cstdint>

#include "text_util.hpp"

namespace kurdi_eval {

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({sub, prev[j] + 1, cur[j - 1] + 1});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {

// Kinds of characters that a substitution should not cross when an
// alignment without such a crossing has the same number of edits.
int char_kind(char32_t c) {
  if (is_space(c)) return 0;
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
      (c >= 0x06D6 && c <= 0x06ED) || (c >= 0x0300 && c <= 0x036F)) {
    return 1;  // combining marks
  }
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || c == 0x0640 || c == 0x061C || c == 0xAD) {
    return 2;  // format characters and tatweel
  }
  return 3;
}

void align_core(std::u32string_view a, std::u32string_view b, std::size_t a_off,
                std::size_t b_off, std::vector<Step>& out) {
  // Trim the common prefix and suffix.
  std::size_t p = 0;
  while (p < a.size() && p < b.size() && a[p] == b[p]) {
    out.push_back({Op::match, a_off + p, b_off + p});
    ++p;
  }
  std::size_t s = 0;
  while (s < a.size() - p && s < b.size() - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  const std::u32string_view ma = a.substr(p, a.size() - p - s);
  const std::u32string_view mb = b.substr(p, b.size() - p - s);
  const std::size_t n = ma.size(), m = mb.size();
  // Full cost table (the middle part is small for the texts we compare).
  // A cost is (edits << 32) + penalty: the alignment always has the minimal
  // number of edits, and among those the fewest substitutions between
  // characters of different kinds (a space or a haraka is deleted or
  // inserted rather than turned into a letter).
  constexpr std::uint64_t kEdit = std::uint64_t{1} << 32;
  const auto sub_cost = [&](char32_t x, char32_t y) -> std::uint64_t {
    if (x == y) return 0;
    return kEdit + (char_kind(x) != char_kind(y) ? 1u : 0u);
  };
  std::vector<std::uint64_t> d((n + 1) * (m + 1));
  const auto at = [&](std::size_t i, std::size_t j) -> std::uint64_t& { return d[i * (m + 1) + j]; };
  for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i * kEdit;
  for (std::size_t j = 0; j <= m; ++j) at(0, j) = j * kEdit;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      at(i, j) = std::min({at(i - 1, j - 1) + sub_cost(ma[i - 1], mb[j - 1]), at(i - 1, j) + kEdit,
                           at(i, j - 1) + kEdit});
    }
  }
  std::vector<Step> back;
  std::size_t i = n, j = m;
  while (i > 0 || j > 0) {
    const std::uint64_t here = at(i, j);
    if (i > 0 && j > 0 && ma[i - 1] == mb[j - 1] && at(i - 1, j - 1) == here) {
      back.push_back({Op::match, a_off + p + i - 1, b_off + p + j - 1});
      --i;
      --j;
    } else if (i > 0 && at(i - 1, j) + kEdit == here) {
      back.push_back({Op::remove, a_off + p + i - 1, b_off + p + j});
      --i;
    } else if (j > 0 && at(i, j - 1) + kEdit == here) {
      back.push_back({Op::insert, a_off + p + i, b_off + p + j - 1});
      --j;
    } else {
      back.push_back({Op::substitute, a_off + p + i - 1, b_off + p + j - 1});
      --i;
      --j;
    }
  }
  out.insert(out.end(), back.rbegin(), back.rend());
  for (std::size_t k = 0; k < s; ++k) {
    out.push_back({Op::match, a_off + a.size() - s + k, b_off + b.size() - s + k});
  }
}

// Boundaries of maximal whitespace / non-whitespace runs.
std::vector<std::size_t> run_bounds(std::u32string_view s) {
  std::vector<std::size_t> bounds{0};
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (is_space(s[i]) != is_space(s[i - 1])) bounds.push_back(i);
  }
  bounds.push_back(s.size());
  return bounds;
}

}  // namespace

std::size_t count_spaces(std::u32string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), is_space));
}

std::size_t count_content_chunks(std::u32string_view s) {
  std::size_t n = 0;
  bool in_chunk = false, counted = false;
  for (char32_t c : s) {
    if (is_space(c)) {
      in_chunk = false;
      continue;
    }
    if (!in_chunk) {
      in_chunk = true;
      counted = false;
    }
    if (!counted && is_letter_or_digit(c)) {
      ++n;
      counted = true;
    }
  }
  return n;
}

std::vector<Step> align(std::u32string_view a, std::u32string_view b) {
  std::vector<Step> out;
  out.reserve(std::max(a.size(), b.size()));
  align_core(a, b, 0, 0, out);
  return out;
}

std::vector<Step> align_by_runs(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return align(a, b);
  const auto ra = run_bounds(a);
  const auto rb = run_bounds(b);
  if (ra.size() != rb.size() || is_space(a[0]) != is_space(b[0])) return align(a, b);
  std::vector<Step> out;
  out.reserve(std::max(a.size(), b.size()));
  for (std::size_t k = 0; k + 1 < ra.size(); ++k) {
    align_core(a.substr(ra[k], ra[k + 1] - ra[k]), b.substr(rb[k], rb[k + 1] - rb[k]), ra[k],
               rb[k], out);
  }
  return out;
}

std::vector<Edit> group_edits(const std::vector<Step>& steps, std::u32string_view a,
                              std::u32string_view b) {
  std::vector<Edit> edits;
  std::size_t k = 0;
  while (k < steps.size()) {
    if (steps[k].op == Op::match) {
      ++k;
      continue;
    }
    std::size_t end = k;
    bool only_subs = true;
    while (end < steps.size() && steps[end].op != Op::match) {
      if (steps[end].op != Op::substitute) only_subs = false;
      ++end;
    }
    if (only_subs) {
      for (std::size_t t = k; t < end; ++t) {
        edits.push_back({t, t + 1, std::u32string(1, a[steps[t].a_pos]),
                         std::u32string(1, b[steps[t].b_pos]), steps[t].a_pos, steps[t].b_pos});
      }
    } else {
      Edit e{k, end, {}, {}, steps[k].a_pos, steps[k].b_pos};
      for (std::size_t t = k; t < end; ++t) {
        if (steps[t].op != Op::insert) e.from.push_back(a[steps[t].a_pos]);
        if (steps[t].op != Op::remove) e.to.push_back(b[steps[t].b_pos]);
      }
      edits.push_back(std::move(e));
    }
    k = end;
  }
  return edits;
}

}  // namespace kurdi_eval
