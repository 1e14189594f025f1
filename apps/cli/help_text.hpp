// Every text shown by --help. docs/cli.md and docs/kurdi.1 repeat these
// (tests/cli checks that every option shown here is documented there).
#pragma once

namespace kurdi::cli::help {

inline constexpr const char* kProgram =
    "kurdi: the engine for Central Kurdish (Sorani) text. Normalizes, tokenizes,\n"
    "splits text into sentences, stems, lemmatizes, analyses and transliterates words\n"
    "as a streaming filter (reads FILEs or standard input, writes standard output),\n"
    "and indexes and searches archives of Kurdish documents.";
inline constexpr const char* kProgramExamples =
    "Examples:\n"
    "  kurdi index news.db articles/           a search archive of a folder of articles\n"
    "  kurdi search news.db 'هێز'              its best matches, with highlighted snippets\n"
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
    "A word is read with the words around it on its line: an adjective's final ە is\n"
    "the copula (split off) unless a demonstrative (ئەم, ئەو) frames it or a noun\n"
    "phrase goes on after it.\n"
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

inline constexpr const char* kStats = "Summarize documents: counts, frequent words, an example (or describe an archive)";
inline constexpr const char* kStatsExamples =
    "For each document: lines, sentences, tokens (Sorani words, Latin words,\n"
    "numbers, other) and the characters the standard profile changes; then totals,\n"
    "the 15 most frequent normalized Sorani words and one sentence of the first\n"
    "document before and after normalization. A directory PATH is searched\n"
    "recursively for *.txt files, taken in sorted order (links to directories are\n"
    "not followed). Given one PATH that is a\n"
    "search archive (made by kurdi index), describes the archive instead: documents,\n"
    "sizes, sources, dates, schema and analyzer versions.\n"
    KURDI_CLI_INPUT_NOTES
    "\n"
    "Examples:\n"
    "  kurdi stats samples/\n"
    "  kurdi stats --json corpus/ > stats.json\n"
    "  kurdi stats news.db\n"
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
    "preverb, a noun the bare singular). A word the lexicon does not know gives\n"
    "its normalized form, or its guessed stem when a clear suffix ends it\n"
    "(زژڤەکان -> زژڤ; docs/morphology.md, \"Unknown words\"); any other token\n"
    "gives its normalized form. An empty line gives an empty line.\n"
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

// The archive (docs/archive.md).
inline constexpr const char* kArchive = "The archive file (made by kurdi index)";
inline constexpr const char* kArchiveCreate = "The archive file; created when it does not exist";
inline constexpr const char* kIndex = "Add documents to a search archive (SQLite, created if needed)";
inline constexpr const char* kIndexPaths =
    "Files or directories (recursed): .jsonl/.ndjson, .csv, .txt, .md, .html; '-': stdin (needs --format)";
inline constexpr const char* kIndexFormat = "Read every file in this format instead of guessing from its extension";
inline constexpr const char* kIndexBatch = "Commit every N documents (default 1000)";
inline constexpr const char* kIndexVerbose = "Print a line on stderr each time a batch is committed";
inline constexpr const char* kIndexStrict = "Treat skipped records and files as errors: exit 1 if any";
inline constexpr const char* kIndexOptimize =
    "Optimize the archive for search at the end of the run: auto (default: when it\n"
    "holds at least 10,000 documents and the run added or updated a tenth of them,\n"
    "or the documents added since the last optimize reach a 32nd), always or never\n"
    "(see kurdi optimize)";
inline constexpr const char* kIndexExamples =
    "JSON Lines and CSV (with a header row) need a `body`; `id`, `title`, `source`,\n"
    "`url`, `date` (YYYY-MM-DD) and `language` are optional. A .txt or .md file is one\n"
    "document: its id is its path, its title its first line. An .html file: its\n"
    "<title> and the text of its body. Re-indexing an id with the same content does\n"
    "nothing; new content replaces the document. Exact and near-duplicates under\n"
    "other ids are stored and reported. A malformed record is skipped with a warning\n"
    "naming its file and line; nothing partial is stored. Documents are committed in\n"
    "batches: an interrupted run keeps every batch it reported.\n"
    "\n"
    "Examples:\n"
    "  kurdi index news.db articles/\n"
    "  kurdi index news.db feed.jsonl --verbose\n"
    "  curl -s https://example.org/feed.csv | kurdi index news.db - --format csv\n"
    "  kurdi index news.db today.jsonl --optimize never   # frequent small updates\n"
    "\n"
    "Exit status: 0 when every input was processed (skips are warnings), 1 on an\n"
    "error or, with --strict, when anything was skipped, 2 usage error, 130 when\n"
    "interrupted (the committed batches stay).";
inline constexpr const char* kSearch = "Search an archive: best matches first, with highlighted snippets";
inline constexpr const char* kSearchQuery =
    "Words, \"phrases\", prefix*, -excluded, a OR b; Arabic or Latin script";
inline constexpr const char* kSearchLimit = "Show at most N hits (default 10)";
inline constexpr const char* kSearchOffset = "Skip the first N hits (for paging)";
inline constexpr const char* kSearchFrom = "Only documents dated on or after DATE (YYYY-MM-DD)";
inline constexpr const char* kSearchTo = "Only documents dated on or before DATE (YYYY-MM-DD)";
inline constexpr const char* kSearchSource = "Only documents whose source is S";
inline constexpr const char* kSearchJson =
    "One JSON object per hit: id, title, score, snippet (HTML, matches in <mark>), source, date, url";
inline constexpr const char* kSearchExamples =
    "A word also finds its other forms (هێز finds هێزەکانی, کردن finds نەکراوەتەوە);\n"
    "the written form ranks first. ك/ک, ي/ی, ه‌/ە and other spelling variants find the\n"
    "same documents. Latin letters, with or without diacritics (hêz, hez), find\n"
    "Arabic-script text. A query never has a syntax error; a query with only\n"
    "-exclusions matches nothing and says so. Ranking: BM25, a title match counting\n"
    "three times a body match.\n"
    "\n"
    "Examples:\n"
    "  kurdi search news.db 'بەرپرس'\n"
    "  kurdi search news.db '\"هەرێمی کوردستان\" -بەغدا' --from 2021-01-01\n"
    "  kurdi search news.db slemani --json | jq -r .id\n"
    "\n"
    "Exit status: 0 whether or not anything matched, 1 when the archive cannot be\n"
    "read (missing, not an archive, or \"reindex required\"), 2 usage error.";
inline constexpr const char* kDelete = "Delete documents from an archive by id";
inline constexpr const char* kDeleteIds = "External ids of the documents to delete";
inline constexpr const char* kDeleteExamples =
    "Examples:\n"
    "  kurdi delete news.db article-17 article-18\n"
    "\n"
    "Exit status: 0 when every id was found and deleted, 1 when some id was not\n"
    "in the archive (the others are deleted), 2 usage error.";
inline constexpr const char* kExport = "Write every document of an archive as JSON Lines";
inline constexpr const char* kExportJsonl =
    "JSON Lines, one document per line (the default and only format)";
inline constexpr const char* kExportExamples =
    "Fields: id, title, body, source, url, date, language: what kurdi index reads,\n"
    "so an export indexed into a new archive gives the same documents.\n"
    "\n"
    "Examples:\n"
    "  kurdi export news.db --jsonl > news.jsonl\n"
    "  kurdi export news.db --jsonl | kurdi index copy.db - --format jsonl";
inline constexpr const char* kCheck = "Check an archive's integrity (SQLite file, full-text index, metadata)";
inline constexpr const char* kCheckExamples =
    "Prints 'ARCHIVE: ok (N documents)' or each problem found. It changes nothing:\n"
    "an archive of an older schema is checked as it is and reported, with the\n"
    "command that upgrades it (kurdi reindex), which searching needs.\n"
    "\n"
    "Examples:\n"
    "  kurdi check news.db\n"
    "\n"
    "Exit status: 0 sound, 1 a problem was found or the archive cannot be read.";
inline constexpr const char* kReindex =
    "Rebuild an archive's index with this kurdi's analyzer (after an upgrade)";
inline constexpr const char* kReindexExamples =
    "An archive records the analyzer version it was indexed with; another kurdi\n"
    "refuses to search it ('reindex required') rather than give wrong results.\n"
    "reindex rebuilds the full-text index from the stored documents in one\n"
    "transaction (an interrupted reindex leaves the archive as it was), upgrades an\n"
    "older schema and optimizes the archive for search (kurdi optimize).\n"
    "\n"
    "Examples:\n"
    "  kurdi reindex news.db";

inline constexpr const char* kOptimize = "Make an archive as fast to search as it can be (same results)";
inline constexpr const char* kOptimizeExamples =
    "Merges the full-text index into one segment and builds the block bounds and\n"
    "postings with which common words rank without reading every document that has\n"
    "them (docs/archive.md). Results do not change. It takes time in proportion to\n"
    "the archive (about 14 s for 1 GB of text), in one transaction: an interrupted\n"
    "run leaves the archive as it was. kurdi index runs it after a large run or\n"
    "when the documents added since the last one reach a 32nd of the archive\n"
    "(--optimize auto), and kurdi reindex always. Documents added in between are\n"
    "searched beside the bounds, at a cost that grows with them; an update or a\n"
    "delete leaves the bounds unused until the next optimize.\n"
    "\n"
    "Examples:\n"
    "  kurdi optimize news.db\n"
    "  kurdi index news.db today.jsonl --optimize never && kurdi optimize news.db\n"
    "\n"
    "Exit status: 0 done, 1 the archive cannot be read or written, 2 usage error.";

// kurdi serve: its options and help are kurdi-serve's (apps/cli/cmd_serve.cpp);
// kurdi lists it in its own --help with this line.
inline constexpr const char* kServe = "Serve an archive over HTTP: a JSON API and a Kurdish search page";

#undef KURDI_CLI_INPUT_NOTES

}  // namespace kurdi::cli::help
