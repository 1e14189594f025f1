// Orthography repair with the lexicon (issue 3 §5): older web text writes ە
// as ه without ZWNJ (ئهو, ههموو, لهگهڵ). In a word the lexicon cannot
// explain, each ه is tried as ە; the repair is kept when the repaired word is
// a known word. Both letters are two bytes in UTF-8, so a repair never moves
// an offset and the normalizer's offset map stays valid.
#pragma once
#include <cstddef>
#include <string>

namespace kurdi::morph {

/// Repairs the words of text[from, end) in place; returns how many changed.
std::size_t repair_heh(std::string& text, std::size_t from = 0);

}  // namespace kurdi::morph
