#include <algorithm>

#include "kurdi/normalize.hpp"

namespace kurdi {

void OffsetMap::add(std::size_t out, std::size_t in) {
  if (!anchors_.empty() && anchors_.back().out == out) {
    anchors_.back().in = in;  // a later edit at the same output position wins
    return;
  }
  anchors_.push_back({out, in});
}

std::size_t OffsetMap::to_input(std::size_t out) const noexcept {
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), out,
                             [](std::size_t o, const Anchor& a) { return o < a.out; });
  // Before the first anchor the text lines up with the input (identity).
  std::size_t in = out;
  if (it != anchors_.begin()) {
    const Anchor& a = *(it - 1);
    in = a.in + (out - a.out);
  }
  // Inside an expansion (one input character, several output characters) the
  // linear guess could pass the next anchor; keep the map monotonic.
  if (it != anchors_.end()) in = std::min(in, it->in);
  return in;
}

}  // namespace kurdi
