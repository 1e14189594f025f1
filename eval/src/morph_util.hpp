// kurdi eval: helpers shared by the morphology commands (lemma,
// hunspell-eval, klpt-stem, coverage). Everything goes through the public
// API (kurdi/morph.hpp, kurdi/normalize.hpp, kurdi/tokenize.hpp).
#pragma once
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/morph.hpp"

namespace kurdi_eval {

/// The form both sides are compared in: kurdi::normalize (standard
/// profile) with ASCII spaces around it dropped.
std::string norm_word(std::string_view word);

/// A UniMorph feature bundle as a set: split at ';', spaces around each tag
/// dropped, empty tags ignored, ASCII letters upper-cased (the gold writes
/// ARGNO3S, the silver data ArgNO3S: UniMorph tags are case-insensitive).
std::set<std::string> feature_set(std::string_view bundle);

/// The UD tags that count as correct for a UniMorph part of speech (the
/// first feature of a bundle): N -> NOUN, PROPN -> PROPN, ADJ -> ADJ,
/// V / V.MSDR / V.PTCP -> VERB, PRO -> PRON, ADP -> ADP, ADV -> ADV,
/// NUM -> NUM, CONJ -> CCONJ or SCONJ, PART -> PART. Empty when the POS has
/// no mapping (the line's UPOS is then not scored).
std::vector<std::string_view> upos_for(std::string_view unimorph_pos);

/// The text of the analysis's "preverb" morphemes that start its form, in
/// order (هەڵ of هەڵیگرت); empty when there is none.
std::string leading_preverb(const kurdi::Analysis& a);

/// The analysis carries CAUS or PASS: UniMorph (and kurdi) lemmatize such a
/// verb to the base verb's infinitive (سووتاندم -> سووتان), KLPT and
/// KurdishHunspell to the derived one (سووتاندن).
bool derived_voice(const kurdi::Analysis& a);

/// `s` without `prefix` at its start (unchanged when it does not start so).
std::string drop_prefix(std::string_view s, std::string_view prefix);

/// Contract checks on the answers of the morphology API for one word:
/// analyze() is not empty, every analysis's morphemes are in order, non-empty
/// and cover its form exactly, lemma() equals the best analysis's lemma, and
/// stems() is not empty. Each failed check is appended to `problems`
/// (prefixed with the word). Returns true when all hold.
bool check_morph_contracts(std::string_view word, const std::vector<kurdi::Analysis>& analyses,
                           const std::string& lemma, const std::vector<std::string>& stems,
                           std::vector<std::string>& problems);

/// True when the file name says it is the training split (basename contains
/// ".train"): its figures are in-sample (the tuning set).
bool is_train_split(const std::string& path);

/// Right-aligned fixed-width cell for the plain-text tables.
std::string cell(std::string_view s, std::size_t width);

}  // namespace kurdi_eval
