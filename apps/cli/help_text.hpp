// Every text shown by --help. docs/cli.md and docs/kurdi.1 repeat these
// (tests/cli checks that every option shown here is documented there).
#pragma once

namespace kurdi::cli::help {

inline constexpr const char* kProgram =
    "kurdi: the engine for Central Kurdish (Sorani) text. Normalizes, tokenizes,\n"
    "splits text into sentences, stems, lemmatizes and analyses words as a streaming\n"
    "filter: reads FILEs or standard input, writes results to standard output.";
inline constexpr const char* kProgramExamples =
    "Examples:\n"
    "  kurdi stats samples/                    summary of the bundled sample documents\n"
    "  kurdi normalize article.txt > clean.txt\n"
    "  kurdi tokenize --json article.txt | jq .\n"
    "  kurdi lemma article.txt > article.lemmas\n"
    "  kurdi translit article.txt > article.latn.txt\n"
    "\n"
    "Run 'kurdi COMMAND --help' for the options of a command.\n"
    "Exit status: 0 success, 1 bad input under --strict or an unreadable file,\n"
    "2 usage error.";

inline constexpr const char* kHelp = "Print this help and exit";
inline constexpr const char* kVersion = "Print the kurdi version and the analyzer version and exit";
inline constexpr const char* kLicenses = "Print the licences of kurdi and of its bundled data (NOTICE) and exit";
inline constexpr const char* kFiles = "Input files (UTF-8, or UTF-16 with a BOM); '-' or none: stdin";
inline constexpr const char* kPaths = "Files or directories (their *.txt files); '-' or none: stdin";
inline constexpr const char* kStrict = "Report malformed UTF-8 on stderr and exit 1";
// Shared by every subcommand's footer.
#define KURDI_CLI_INPUT_NOTES \
  "Input: UTF-8 (a leading BOM is dropped) or UTF-16 with a BOM. Malformed UTF-8\n" \
  "becomes U+FFFD; with --strict each malformed sequence is also reported as\n" \
  "'kurdi: FILE:LINE: invalid UTF-8 at byte OFFSET' and the exit status is 1.\n"

inline constexpr const char* kNormalize = "Rewrite Sorani text in its standard spelling";
inline constexpr const char* kNormalizeExamples =
    "A pure filter: everything but the changed characters, including LF, CRLF and\n"
    "a missing final newline, passes through byte for byte. --repair (on in the\n"
    "search profile) rewrites ه as ە in a word the lexicon does not know when that\n"
    "makes it a known word.\n" KURDI_CLI_INPUT_NOTES
    "\n"
    "Examples:\n"
    "  kurdi normalize article.txt > article.norm.txt\n"
    "  kurdi normalize --profile search --digits ascii < queries.txt\n"
    "  kurdi normalize --strict corpus/*.txt > /dev/null     (check the encoding only)";
inline constexpr const char* kProfile = "Profile: standard (default) or search";
inline constexpr const char* kDigits = "Digits (default: keep for standard, ascii for search)";
inline constexpr const char* kKeepHarakat = "Keep vowel marks (harakat)";

inline constexpr const char* kTokenize = "Print the tokens of each line in normalized form";
inline constexpr const char* kTokenizeExamples =
    "Splits each input line into tokens (words, numbers, dates, URLs, punctuation,\n"
    "...) and prints their normalized forms separated by one space: one output line\n"
    "per input line. --json prints one object per input line instead:\n"
    "  {\"line\": n, \"tokens\": [{\"begin\": b, \"end\": e, \"type\": \"word\", \"text\": \"...\", \"norm\": \"...\"}]}\n"
    "with byte offsets from the start of the line (line numbers restart for each FILE).\n"
    "--morphemes splits each word as the KurdishTokenization gold does: ezafe ی,\n"
    "ەکە/ەکان, ێک/یەک, یش/ش, pronominal clitics, دا/ەوە and the copula become\n"
    "tokens; verbs, derivations and compounds stay whole (docs/morphology.md).\n"
    KURDI_CLI_INPUT_NOTES
    "\n"
    "Examples:\n"
    "  kurdi tokenize article.txt\n"
    "  kurdi tokenize --profile search article.txt | tr ' ' '\\n' | sort | uniq -c | sort -rn | head\n"
    "  kurdi tokenize --json article.txt | jq -c '.tokens[] | [.type, .text]'\n"
    "  echo 'بەرپرسەکانی کتێبەکانیشمان' | kurdi tokenize --morphemes   # بەرپرس ەکان ی کتێب ەکان یش مان";
inline constexpr const char* kRepair = "Repair ە written as ه in unknown words (ئهو -> ئەو)";
inline constexpr const char* kTokenizeJson = "One JSON object per input line, with offsets";
inline constexpr const char* kTokenizeMorphemes = "Split words into morpheme tokens (clitics, suffixes)";
inline constexpr const char* kTokenizeProfile = "Profile of the forms: standard (default) or search";

inline constexpr const char* kSentences = "Print one sentence per line";
inline constexpr const char* kSentencesExamples =
    "Splits text into sentences at . ! ? and line ends (not at abbreviations,\n"
    "decimals or URLs) and prints each one on its own line; sentences never span\n"
    "input lines. --json prints one object per sentence instead:\n"
    "  {\"line\": n, \"begin\": b, \"end\": e, \"text\": \"...\"}\n"
    "with byte offsets from the start of the line (line numbers restart for each FILE).\n"
    KURDI_CLI_INPUT_NOTES
    "\n"
    "Examples:\n"
    "  kurdi sentences article.txt\n"
    "  kurdi sentences --json article.txt | jq -r .text";
inline constexpr const char* kSentencesJson = "One JSON object per sentence, with offsets";

inline constexpr const char* kStats = "Summarize documents: counts, frequent words, an example";
inline constexpr const char* kStatsExamples =
    "For each document: lines, sentences, tokens (Sorani words, Latin words,\n"
    "numbers, other) and the characters the standard profile changes; then totals,\n"
    "the 15 most frequent normalized Sorani words and one sentence of the first\n"
    "document before and after normalization. A directory PATH is searched\n"
    "recursively for *.txt files, taken in sorted order.\n"
    KURDI_CLI_INPUT_NOTES
    "\n"
    "Examples:\n"
    "  kurdi stats samples/\n"
    "  kurdi stats --json corpus/ > stats.json\n"
    "  kurdi normalize article.txt | kurdi stats";
inline constexpr const char* kStatsJson = "Print the summary as one JSON object";

inline constexpr const char* kStem = "Print the search stems of each word, line by line";
inline constexpr const char* kStemExamples =
    "Tokenizes each input line as `kurdi tokenize` does and prints one item per\n"
    "token, separated by one space: for a Sorani word its stems (a lexicon-backed\n"
    "stem; the infinitive for a verb form), for any other token its normalized form.\n"
    "An ambiguous word prints every stem, best first, joined by '|'\n"
    "(کوردی -> کوردی|کورد); an unknown word prints its normalized form uncut.\n"
    KURDI_CLI_INPUT_NOTES
    "\n"
    "Examples:\n"
    "  echo 'بەرپرسەکانی گوڵەکانم کوردستان' | kurdi stem\n"
    "  kurdi stem --first article.txt | tr ' ' '\\n' | sort | uniq -c | sort -rn | head\n"
    "  kurdi stem --mode lucene article.txt   # the terms a Lucene 8 Sorani index holds";
inline constexpr const char* kUserLexicon = "Add the words and verbs of FILE (format: docs/lexicon.md)";
inline constexpr const char* kStemFirst = "Print only the best stem of an ambiguous word";
inline constexpr const char* kStemMode =
    "kurdi (default): lexicon-backed stems; lucene: Lucene 8's Sorani stemmer rules, one stem per word, "
    "for parity with an existing Lucene, Solr or Elasticsearch index (docs/morphology.md)";

inline constexpr const char* kLemma = "Print the lemma of each word, line by line";
inline constexpr const char* kLemmaExamples =
    "One line in, one line out: each token of the line gives one item, separated\n"
    "by one space (aligned with `kurdi tokenize`). A Sorani word gives its best\n"
    "lemma (UniMorph convention: a verb form gives the active infinitive with its\n"
    "preverb, a noun the bare singular); an unknown word and any other token give\n"
    "their normalized form. An empty line gives an empty line.\n"
    KURDI_CLI_INPUT_NOTES
    "\n"
    "Examples:\n"
    "  echo 'دەیانگوت نەکراوەتەوە بەرپرسەکانی' | kurdi lemma\n"
    "  kurdi lemma article.txt > article.lemmas";

inline constexpr const char* kAnalyze = "Print the morphological analyses of each word";
inline constexpr const char* kAnalyzeExamples =
    "Plain output: one line per token with its best analysis,\n"
    "  text TAB lemma TAB UPOS TAB UniMorph features TAB morphemes\n"
    "where morphemes are joined by '+' and tagged (stem untagged), and a blank line\n"
    "after each input line. --json prints one object per input line with every\n"
    "analysis of every token, best first:\n"
    "  {\"line\": n, \"tokens\": [{\"begin\", \"end\", \"type\", \"text\", \"norm\",\n"
    "   \"analyses\": [{\"lemma\", \"upos\", \"features\", \"stem\", \"known\", \"morphemes\"}]}]}\n"
    "The tags are listed in docs/morphology.md.\n"
    KURDI_CLI_INPUT_NOTES
    "\n"
    "Examples:\n"
    "  echo 'هەڵیگرت' | kurdi analyze\n"
    "  kurdi analyze --json article.txt | jq -c '.tokens[] | [.text, .analyses[0].lemma]'";
inline constexpr const char* kAnalyzeJson = "One JSON object per input line, with every analysis";


inline constexpr const char* kTranslit = "Transliterate between Sorani Arabic script, Latin (Hawar) and IPA";
inline constexpr const char* kTranslitExamples =
    "A pure line filter: one line in, one line out. --to latn (default) and --to ipa\n"
    "read Sorani Arabic script (normalized first) and decide each word's و (u, w,\n"
    "û), ی (î, y) and unwritten i by syllables; --to arab reads Latin (Hawar, with or\n"
    "without diacritics: hêz and hez both work). Everything that is not a letter of\n"
    "the source script passes through, except digits (ASCII) and ، ؛ ؟ « » (, ; ? “ ”),\n"
    "converted both ways. Conventions: docs/transliteration.md.\n" KURDI_CLI_INPUT_NOTES
    "\n"
    "Examples:\n"
    "  kurdi translit article.txt > article.latn.txt\n"
    "  kurdi translit --scheme ascii < titles.txt\n"
    "  kurdi translit --to ipa words.txt\n"
    "  kurdi translit --to arab latin.txt";
inline constexpr const char* kTranslitTo = "Target: latn (default), arab or ipa";
inline constexpr const char* kTranslitScheme = "Latin alphabet for --to latn: hawar (default), simplified or ascii";
inline constexpr const char* kTranslitCapitalize = "Capitalise the first letter of each sentence (--to latn)";
inline constexpr const char* kTranslitNoExceptions =
    "Read every word by the syllable rules alone, without the exception lexicon (--to latn, ipa)";

#undef KURDI_CLI_INPUT_NOTES

}  // namespace kurdi::cli::help
