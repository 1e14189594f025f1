// Checkers for the contracts of DESIGN.md and issue 2, shared by the corpus
// and the random-string property tests. Each returns a list of violations
// (empty = fine), each a short message with a byte offset, so a failure
// shows where and what without dumping megabytes of text.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/kurdi.hpp"

namespace kurdi_props {

using Violations = std::vector<std::string>;

/// How thoroughly positions are checked: `exhaustive` calls
/// OffsetMap::to_input at every output byte and cuts at every safe split
/// point (for short strings); `sampled` checks the map around every anchor,
/// at every white-space byte and at a stride, and cuts at one safe split
/// point (for megabytes of corpus under a sanitizer build).
enum class Depth { exhaustive, sampled };

/// Normalization with both profiles: valid UTF-8 out, idempotent,
/// search(standard(x)) == search(x), line breaks (LF, CRLF, CR) byte for
/// byte and a final line feed kept, white space neither merged, dropped nor
/// added (exotic spaces become ' '), no whitespace-delimited chunk holding a
/// letter or digit lost or merged, offset map sorted, monotonic, in range,
/// ending at the input size, and mapping output white space back to input
/// white space; normalize_into appends the same text and map.
Violations check_normalize(std::string_view input, kurdi::Profile profile, Depth depth);
/// Same with any options (digit style, --keep-harakat); the search(standard(x))
/// check applies only to the plain search profile.
Violations check_normalize(std::string_view input, const kurdi::NormalizeOptions& options,
                           Depth depth);

/// Tokens: non-empty, monotonic, non-overlapping, in range, on UTF-8
/// character boundaries (valid input), no white space in the original slice,
/// normalized forms valid UTF-8 and in range, and every whitespace-delimited
/// chunk holding a letter or digit overlaps a token (no lost words), and a
/// word between white space or punctuation has the form that normalizing
/// its original slice alone (with `forms`, the tokenizer's options) gives.
Violations check_tokens(std::string_view input, const kurdi::Tokens& tokens,
                        const kurdi::NormalizeOptions& forms = {});

/// Sentences: non-empty, ordered, non-overlapping, in range, trimmed, never
/// across a line break, and every token inside exactly one sentence.
Violations check_sentences(std::string_view input, const kurdi::Tokens& tokens);

/// Streaming: cutting at safe_split_point() and normalizing / tokenizing the
/// parts separately gives the same result as the whole.
Violations check_split(std::string_view input, const kurdi::Tokens& tokens, Depth depth);

/// All of the above (tokenizes once).
Violations check_all(std::string_view input, Depth depth);

/// A printable form of a short string for failure messages (\xHH for bytes
/// that are not printable ASCII or valid UTF-8 letters).
std::string show(std::string_view s);

}  // namespace kurdi_props
