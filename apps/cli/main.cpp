// kurdi: the command-line program. This file owns the command line (CLI11)
// and the exit codes; each subcommand lives in its own cmd_*.cpp and does
// all text work through the core library.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <tuple>
#include <vector>

#include "commands.hpp"
#include "help_text.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/version.hpp"
#include "output.hpp"
#include "program.hpp"
#include "session.hpp"
#ifdef KURDI_CLI_ARCHIVE
#include "archive/archive.hpp"
#include "archive/read/document_reader.hpp"
#endif

#ifdef KURDI_CLI_SERVE
// kurdi serve (docs/serve.md) is the program kurdi-serve, run in kurdi's place.
#include "serve_command.hpp"
#endif

namespace kurdi::cli {
extern const bool kNoticePresent;
extern const std::string_view kNotice;
}  // namespace kurdi::cli

namespace {

using namespace kurdi::cli;

CLI::Validator profile_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (kurdi::parse_profile(value)) return {};
        return "unknown profile '" + value + "' (allowed: standard, search)";
      },
      "", "profile");
}

CLI::Validator digits_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (value == "ascii" || value == "arabic-indic" || value == "keep") return {};
        return "unknown digit style '" + value + "' (allowed: ascii, arabic-indic, keep)";
      },
      "", "digits");
}

kurdi::DigitStyle parse_digits(const std::string& value) {
  if (value == "ascii") return kurdi::DigitStyle::ascii;
  if (value == "arabic-indic") return kurdi::DigitStyle::arabic_indic;
  if (value == "keep") return kurdi::DigitStyle::keep;
  return kurdi::DigitStyle::profile_default;
}

void add_files(CLI::App& command, std::vector<std::string>& files, const char* name) {
  command.add_option(name, files, help::kFiles)->type_name("");
}

void add_strict(CLI::App& command, bool& strict) { command.add_flag("--strict", strict, help::kStrict); }

void print_version() {
  std::string text = "kurdi ";
  text.append(kurdi::version());
  text.append("\nanalyzer ");
  text.append(kurdi::analyzer_version());
  text.push_back('\n');
  Output out;
  out.write(text);
  out.flush();
}

int print_licenses() {
  if (!kNoticePresent) {
    std::fputs("kurdi: this build has no NOTICE file (it was missing at build time)\n", stderr);
    return kExitBadInput;
  }
  Output out;
  out.write(kNotice);
  out.flush();
  return kExitOk;
}

#ifdef KURDI_CLI_ARCHIVE
// `kurdi search ARCHIVE -word` excludes a word, but CLI11 would take any
// argument that starts with '-' for an option. In a search command line, an
// argument that starts with '-' and is not one of search's options is the
// query: it gets kQueryMark in front so CLI11 sees a positional argument,
// and the mark is taken off after parsing. `--` still works as usual.
constexpr std::string_view kQueryMark = "\x1f";

std::vector<std::string> mark_search_query(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  if (argc < 2 || args[1] != "search") return args;
  static constexpr std::string_view kOptions[] = {"-h", "--help", "--limit", "--offset", "--from",
                                                  "--to", "--source", "--json"};
  for (std::size_t i = 2; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (a.size() < 2 || a[0] != '-') continue;
    const std::string_view name = std::string_view(a).substr(0, a.find('='));
    if (std::find(std::begin(kOptions), std::end(kOptions), name) != std::end(kOptions)) continue;
    args[i].insert(0, kQueryMark);
  }
  return args;
}
#endif

int run(int argc, char** argv) {
  [[maybe_unused]] char** const given_argv = argv;  // what kurdi-serve gets
#ifdef KURDI_CLI_ARCHIVE
  std::vector<std::string> marked = mark_search_query(argc, argv);
  std::vector<char*> marked_argv;
  for (std::string& a : marked) marked_argv.push_back(a.data());
  argv = marked_argv.data();
#endif
  CLI::App app(help::kProgram);
  TopLevelFlags flags;
  set_up_program(app, flags);

  NormalizeArgs norm;
  std::string norm_profile = "standard";
  std::string norm_digits;
  CLI::App* normalize = app.add_subcommand("normalize", help::kNormalize);
  normalize->footer(help::kNormalizeExamples);
  normalize->set_help_flag("-h,--help", help::kHelp);
  add_files(*normalize, norm.files, "FILE");
  normalize->add_option("--profile", norm_profile, help::kProfile)
      ->type_name("standard|search")
      ->check(profile_validator());
  normalize->add_option("--digits", norm_digits, help::kDigits)
      ->type_name("ascii|arabic-indic|keep")
      ->check(digits_validator());
  normalize->add_flag("--keep-harakat", norm.options.keep_harakat, help::kKeepHarakat);
  normalize->add_flag("--repair", norm.options.repair, help::kRepair);
  add_strict(*normalize, norm.strict);

  TokenizeArgs tok;
  std::string tok_profile = "standard";
  CLI::App* tokenize = app.add_subcommand("tokenize", help::kTokenize);
  tokenize->footer(help::kTokenizeExamples);
  tokenize->set_help_flag("-h,--help", help::kHelp);
  add_files(*tokenize, tok.files, "FILE");
  tokenize->add_flag("--json", tok.json, help::kTokenizeJson);
  tokenize->add_flag("--morphemes", tok.morphemes, help::kTokenizeMorphemes);
  tokenize->add_option("--profile", tok_profile, help::kTokenizeProfile)
      ->type_name("standard|search")
      ->check(profile_validator());
  add_strict(*tokenize, tok.strict);

  SentencesArgs sent;
  CLI::App* sentences = app.add_subcommand("sentences", help::kSentences);
  sentences->footer(help::kSentencesExamples);
  sentences->set_help_flag("-h,--help", help::kHelp);
  add_files(*sentences, sent.files, "FILE");
  sentences->add_flag("--json", sent.json, help::kSentencesJson);
  add_strict(*sentences, sent.strict);

  StatsArgs stats;
  CLI::App* stats_cmd = app.add_subcommand("stats", help::kStats);
  stats_cmd->footer(help::kStatsExamples);
  stats_cmd->set_help_flag("-h,--help", help::kHelp);
  stats_cmd->add_option("PATH", stats.paths, help::kPaths)->type_name("");
  stats_cmd->add_flag("--json", stats.json, help::kStatsJson);
  add_strict(*stats_cmd, stats.strict);

  MorphArgs stem_args, lemma_args, analyze_args;
  CLI::App* stem_cmd = app.add_subcommand("stem", help::kStem);
  stem_cmd->footer(help::kStemExamples);
  stem_cmd->set_help_flag("-h,--help", help::kHelp);
  add_files(*stem_cmd, stem_args.files, "FILE");
  stem_cmd->add_flag("--first", stem_args.first_only, help::kStemFirst);
  stem_cmd->add_option("--user-lexicon", stem_args.user_lexicon, help::kUserLexicon)->type_name("FILE");
  std::string stem_mode = "kurdi";
  stem_cmd->add_option("--mode", stem_mode, help::kStemMode)
      ->type_name("kurdi|lucene")
      ->check(CLI::IsMember({"kurdi", "lucene"}));
  add_strict(*stem_cmd, stem_args.strict);

  CLI::App* lemma_cmd = app.add_subcommand("lemma", help::kLemma);
  lemma_cmd->footer(help::kLemmaExamples);
  lemma_cmd->set_help_flag("-h,--help", help::kHelp);
  add_files(*lemma_cmd, lemma_args.files, "FILE");
  lemma_cmd->add_option("--user-lexicon", lemma_args.user_lexicon, help::kUserLexicon)->type_name("FILE");
  add_strict(*lemma_cmd, lemma_args.strict);

  CLI::App* analyze_cmd = app.add_subcommand("analyze", help::kAnalyze);
  analyze_cmd->footer(help::kAnalyzeExamples);
  analyze_cmd->set_help_flag("-h,--help", help::kHelp);
  add_files(*analyze_cmd, analyze_args.files, "FILE");
  analyze_cmd->add_flag("--json", analyze_args.json, help::kAnalyzeJson);
  analyze_cmd->add_option("--user-lexicon", analyze_args.user_lexicon, help::kUserLexicon)->type_name("FILE");
  add_strict(*analyze_cmd, analyze_args.strict);

  TranslitArgs translit_args;
  std::string translit_to = "latn";
  std::string translit_scheme = "hawar";
  CLI::App* translit_cmd = app.add_subcommand("translit", help::kTranslit);
  translit_cmd->footer(help::kTranslitExamples);
  translit_cmd->set_help_flag("-h,--help", help::kHelp);
  add_files(*translit_cmd, translit_args.files, "FILE");
  translit_cmd->add_option("--to", translit_to, help::kTranslitTo)
      ->type_name("latn|arab|ipa")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (kurdi::parse_script(value)) return {};
            return "unknown script '" + value + "' (allowed: latn, arab, ipa)";
          },
          "", "script"));
  CLI::Option* translit_scheme_option = translit_cmd->add_option("--scheme", translit_scheme, help::kTranslitScheme)
      ->type_name("hawar|simplified|ascii")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (kurdi::parse_latin_scheme(value)) return {};
            return "unknown scheme '" + value + "' (allowed: hawar, simplified, ascii)";
          },
          "", "scheme"));
  translit_cmd->add_flag("--capitalize", translit_args.options.capitalize, help::kTranslitCapitalize);
  bool translit_no_exceptions = false;
  translit_cmd->add_flag("--no-exceptions", translit_no_exceptions, help::kTranslitNoExceptions);
  add_strict(*translit_cmd, translit_args.strict);

#ifdef KURDI_CLI_ARCHIVE
  IndexArgs index_args;
  CLI::App* index_cmd = app.add_subcommand("index", help::kIndex);
  index_cmd->footer(help::kIndexExamples);
  index_cmd->set_help_flag("-h,--help", help::kHelp);
  index_cmd->add_option("ARCHIVE", index_args.archive, help::kArchiveCreate)->required()->type_name("");
  index_cmd->add_option("PATH", index_args.paths, help::kIndexPaths)->required()->type_name("");
  index_cmd->add_option("--format", index_args.format, help::kIndexFormat)
      ->type_name("jsonl|csv|txt|md|html")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (kurdi::archive::parse_format(value)) return {};
            return "unknown format '" + value + "' (allowed: jsonl, csv, txt, md, html)";
          },
          "", "format"));
  index_cmd->add_option("--batch", index_args.batch, help::kIndexBatch)->type_name("N")->check(CLI::Range(1u, 1000000u));
  index_cmd->add_flag("-v,--verbose", index_args.verbose, help::kIndexVerbose);
  index_cmd->add_flag("--strict", index_args.strict, help::kIndexStrict);
  index_cmd->add_option("--optimize", index_args.optimize, help::kIndexOptimize)
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  SearchArgs search_args;
  CLI::App* search_cmd = app.add_subcommand("search", help::kSearch);
  search_cmd->footer(help::kSearchExamples);
  search_cmd->set_help_flag("-h,--help", help::kHelp);
  search_cmd->add_option("ARCHIVE", search_args.archive, help::kArchive)->required()->type_name("");
  search_cmd->add_option("QUERY", search_args.query, help::kSearchQuery)->required()->type_name("");
  search_cmd->add_option("--limit", search_args.limit, help::kSearchLimit)->type_name("N")->check(CLI::Range(1u, 10000u));
  // The range is said rather than CLI11's "Could not convert" for a number
  // that does not fit.
  search_cmd->add_option("--offset", search_args.offset, help::kSearchOffset)
      ->type_name("N")
      ->check(CLI::Range(0u, 4294967295u));
  const CLI::Validator date = CLI::Validator(
      [](std::string& value) -> std::string {
        if (kurdi::archive::is_iso_date(value)) return {};
        return "'" + value + "' is not a date (expected YYYY-MM-DD)";
      },
      "", "date");
  search_cmd->add_option("--from", search_args.from, help::kSearchFrom)->type_name("DATE")->check(date);
  search_cmd->add_option("--to", search_args.to, help::kSearchTo)->type_name("DATE")->check(date);
  search_cmd->add_option("--source", search_args.source, help::kSearchSource)->type_name("S");
  search_cmd->add_flag("--json", search_args.json, help::kSearchJson);

  ArchiveArgs delete_args, export_args, check_args, reindex_args, optimize_args;
  CLI::App* delete_cmd = app.add_subcommand("delete", help::kDelete);
  delete_cmd->footer(help::kDeleteExamples);
  delete_cmd->set_help_flag("-h,--help", help::kHelp);
  delete_cmd->add_option("ARCHIVE", delete_args.archive, help::kArchive)->required()->type_name("");
  delete_cmd->add_option("ID", delete_args.ids, help::kDeleteIds)->required()->type_name("");

  CLI::App* export_cmd = app.add_subcommand("export", help::kExport);
  export_cmd->footer(help::kExportExamples);
  export_cmd->set_help_flag("-h,--help", help::kHelp);
  export_cmd->add_option("ARCHIVE", export_args.archive, help::kArchive)->required()->type_name("");
  bool export_jsonl = false;
  export_cmd->add_flag("--jsonl", export_jsonl, help::kExportJsonl);

  CLI::App* check_cmd = app.add_subcommand("check", help::kCheck);
  check_cmd->footer(help::kCheckExamples);
  check_cmd->set_help_flag("-h,--help", help::kHelp);
  check_cmd->add_option("ARCHIVE", check_args.archive, help::kArchive)->required()->type_name("");

  CLI::App* reindex_cmd = app.add_subcommand("reindex", help::kReindex);
  reindex_cmd->footer(help::kReindexExamples);
  reindex_cmd->set_help_flag("-h,--help", help::kHelp);
  reindex_cmd->add_option("ARCHIVE", reindex_args.archive, help::kArchive)->required()->type_name("");

  CLI::App* optimize_cmd = app.add_subcommand("optimize", help::kOptimize);
  optimize_cmd->footer(help::kOptimizeExamples);
  optimize_cmd->set_help_flag("-h,--help", help::kHelp);
  optimize_cmd->add_option("ARCHIVE", optimize_args.archive, help::kArchive)->required()->type_name("");
#endif
#ifdef KURDI_CLI_SERVE
  // Listed in kurdi --help; its options are kurdi-serve's. `kurdi serve ...`
  // is handed over in main(); this catches the rest (`kurdi --help serve`),
  // taking every argument after `serve` unparsed, for kurdi-serve to parse.
  CLI::App* serve_cmd = app.add_subcommand("serve", help::kServe);
  serve_cmd->prefix_command();
  serve_cmd->set_help_flag();
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
#ifdef KURDI_CLI_SERVE
    if (serve_cmd->parsed()) return exec_serve(given_argv);  // its help and its usage errors
#endif
    return report_parse_error(app, e);
  }

  if (flags.version) {
    print_version();
    return kExitOk;
  }
  if (flags.licenses) return print_licenses();
#ifdef KURDI_CLI_SERVE
  if (serve_cmd->parsed()) return exec_serve(given_argv);
#endif

  auto or_stdin = [](std::vector<std::string>& files) {
    if (files.empty()) files.push_back("-");
  };
  if (normalize->parsed()) {
    norm.options.profile = *kurdi::parse_profile(norm_profile);
    norm.options.digits = parse_digits(norm_digits);
    or_stdin(norm.files);
    return run_normalize(norm);
  }
  if (tokenize->parsed()) {
    if (tok.json && tok.morphemes) {
      std::fputs("kurdi: tokenize: --json and --morphemes cannot be combined\nRun 'kurdi tokenize --help' for usage.\n",
                 stderr);
      return kExitUsage;
    }
    tok.options.profile = *kurdi::parse_profile(tok_profile);
    or_stdin(tok.files);
    return run_tokenize(tok);
  }
  if (sentences->parsed()) {
    or_stdin(sent.files);
    return run_sentences(sent);
  }
#ifdef KURDI_CLI_ARCHIVE
  if (index_cmd->parsed()) {
    // Checked before the archive is opened or created: nothing is done.
    if (index_args.format.empty() &&
        std::find(index_args.paths.begin(), index_args.paths.end(), "-") != index_args.paths.end()) {
      std::fputs("kurdi: index: standard input (-) needs --format (jsonl, csv, txt, md or html)\n"
                 "Run 'kurdi index --help' for usage.\n",
                 stderr);
      return kExitUsage;
    }
    return run_index(index_args);
  }
  if (search_cmd->parsed()) {
    if (search_args.query.starts_with(kQueryMark)) search_args.query.erase(0, kQueryMark.size());
    return run_search(search_args);
  }
  if (delete_cmd->parsed()) return run_delete(delete_args);
  if (export_cmd->parsed()) return run_export(export_args);  // JSON Lines is the one export format
  if (check_cmd->parsed()) return run_check(check_args);
  if (reindex_cmd->parsed()) return run_reindex(reindex_args);
  if (optimize_cmd->parsed()) return run_optimize(optimize_args);
  if (stats_cmd->parsed() && stats.paths.size() == 1 && is_sqlite_file(stats.paths[0])) {
    ArchiveArgs archive_stats{stats.paths[0], {}, stats.json};
    return run_archive_stats(archive_stats);
  }
#endif
  if (stats_cmd->parsed()) {
    or_stdin(stats.paths);
    return run_stats(stats);
  }
  if (translit_cmd->parsed()) {
    translit_args.options.to = *kurdi::parse_script(translit_to);
    // Options of the Latin output (and the Arabic-script reading) are
    // refused where they would do nothing: `--to arab --scheme ascii` read
    // as Hawar anyway, which a user who wrote it did not expect.
    const bool to_latn = translit_args.options.to == kurdi::Script::latn;
    const bool to_arab = translit_args.options.to == kurdi::Script::arab;
    const char* idle = !to_latn && translit_scheme_option->count() > 0 ? "--scheme"
                       : !to_latn && translit_args.options.capitalize   ? "--capitalize"
                       : to_arab && translit_no_exceptions              ? "--no-exceptions"
                                                                         : nullptr;
    if (idle) {
      std::fprintf(stderr, "kurdi: translit: %s does nothing with --to %s\nRun 'kurdi translit --help' for usage.\n",
                   idle, translit_to.c_str());
      return kExitUsage;
    }
    translit_args.options.exceptions = !translit_no_exceptions;
    translit_args.options.scheme = *kurdi::parse_latin_scheme(translit_scheme);
    or_stdin(translit_args.files);
    return run_translit(translit_args);
  }
  if (stem_cmd->parsed() && stem_mode == "lucene") {
    // Lucene's stemmer has no lexicon and gives one stem.
    const char* clash = !stem_args.user_lexicon.empty() ? "--user-lexicon" : stem_args.first_only ? "--first" : nullptr;
    if (clash) {
      std::fprintf(stderr, "kurdi: stem: --mode lucene cannot be combined with %s\nRun 'kurdi stem --help' for usage.\n",
                   clash);
      return kExitUsage;
    }
    stem_args.lucene = true;
  }
  for (auto [command, args, run_command] :
       {std::tuple{stem_cmd, &stem_args, &run_stem}, std::tuple{lemma_cmd, &lemma_args, &run_lemma},
        std::tuple{analyze_cmd, &analyze_args, &run_analyze}}) {
    if (command->parsed()) {
      or_stdin(args->files);
      return run_command(*args);
    }
  }
  std::fputs(app.help().c_str(), stderr);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe shows up as EPIPE from write(2): Output throws BrokenPipe.
  std::signal(SIGPIPE, SIG_IGN);
#ifdef KURDI_CLI_SERVE
  // Straight to kurdi-serve, which parses the command line itself; kurdi
  // builds no parser of its own for it.
  if (argc >= 2 && std::strcmp(argv[1], "serve") == 0) return exec_serve(argv);
#endif
  try {
    return run(argc, argv);
  } catch (const BrokenPipe&) {
    return kExitOk;  // `kurdi ... | head`: the reader has all it wants
  } catch (const WriteError& e) {
    std::fprintf(stderr, "kurdi: cannot write output: %s\n", std::strerror(e.error_number));
    return kExitBadInput;
#ifdef KURDI_CLI_ARCHIVE
  } catch (const kurdi::archive::ArchiveError& e) {
    std::fprintf(stderr, "kurdi: %s\n", e.what());
    return kExitBadInput;
#endif
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kurdi: %s\n", e.what());
    return kExitBadInput;
  }
}
