// kurdi eval: the subcommands of kurdi_eval. Each returns the exit status.
#pragma once
#include <string>
#include <vector>

namespace kurdi_eval {

int cmd_change(const std::vector<std::string>& args);     // normalization change rate
int cmd_cer(const std::vector<std::string>& args);        // CER vs manual normalization
int cmd_sentences(const std::vector<std::string>& args);  // boundary F1 on joined lines
int cmd_klpt(const std::vector<std::string>& args);       // KLPT sentence cases
int cmd_tokens(const std::vector<std::string>& args);     // token / offset sanity
int cmd_lemma(const std::vector<std::string>& args);      // UniMorph lemma / UPOS / features
int cmd_hunspell_eval(const std::vector<std::string>& args);  // KurdishHunspell hand analyses
int cmd_klpt_stem(const std::vector<std::string>& args);  // KLPT stem / lemma cases
int cmd_coverage(const std::vector<std::string>& args);   // lexicon coverage of word tokens
int cmd_morphemes(const std::vector<std::string>& args);  // morpheme F1 on the tokenization gold
int cmd_translit(const std::vector<std::string>& args);
int cmd_translit_learn(const std::vector<std::string>& args);  // translit learn / split (cmd_translit_learn.cpp)   // transliteration accuracy, round trips, speed

}  // namespace kurdi_eval
