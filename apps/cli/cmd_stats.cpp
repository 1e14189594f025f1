// kurdi stats: reads each document line by line, tokenizes and splits it
// into sentences with the core, and counts. PATHs are files or directories
// (recursed, *.txt files in sorted order); no PATH reads stdin.
#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <unordered_map>

#include "commands.hpp"
#include "input.hpp"
#include "kurdi/sentences.hpp"
#include "kurdi/tokenize.hpp"
#include "stats.hpp"

namespace kurdi::cli {

void DocumentStats::add(const DocumentStats& o) {
  bytes += o.bytes;
  characters += o.characters;
  lines += o.lines;
  sentences += o.sentences;
  tokens += o.tokens;
  sorani_words += o.sorani_words;
  latin_words += o.latin_words;
  numbers += o.numbers;
  other_tokens += o.other_tokens;
  changed += o.changed;
}

namespace {

constexpr std::size_t kTopWords = 15;
constexpr std::size_t kExampleMin = 40;   // bytes; a readable example sentence
constexpr std::size_t kExampleMax = 400;

std::uint64_t count_code_points(std::string_view s) noexcept {
  std::uint64_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Input code points of `original` that normalization replaced or deleted
// (through the offset map, output character by output character).
std::uint64_t count_changed(std::string_view original, std::string_view normalized,
                            const kurdi::OffsetMap& map) {
  if (original == normalized) return 0;
  std::uint64_t changed = 0;
  std::size_t in = std::min(map.to_input(0), original.size());
  changed += count_code_points(original.substr(0, in));  // deleted before the first output character
  std::size_t out = 0;
  while (out < normalized.size()) {
    std::size_t next = out + 1;
    while (next < normalized.size() && (static_cast<unsigned char>(normalized[next]) & 0xC0) == 0x80) ++next;
    const std::size_t in_next = std::clamp(map.to_input(next), in, original.size());
    const std::string_view from = original.substr(in, in_next - in), to = normalized.substr(out, next - out);
    if (from != to) {
      // Each input character replaced or deleted counts: مــــــ -> م is six
      // (the tatweels), ك -> ک one, ه + ZWNJ -> ە two. (The output
      // character is one: when the input starts with it, it is kept.)
      const std::uint64_t kept = from.starts_with(to) ? 1 : 0;
      changed += std::max(count_code_points(from), std::uint64_t{1}) - kept;
    }
    in = in_next;
    out = next;
  }
  changed += count_code_points(original.substr(in));  // deleted after the last one
  return changed;
}

class Collector {
 public:
  explicit Collector(StatsReport& report) : report_(report) {}

  void document(Input& input) {
    DocumentStats doc;
    doc.path = input.name();
    LineReader lines(input);
    LineChunk chunk;
    while (lines.next(chunk)) {
      // A line longer than a block is counted in pieces; a sentence that
      // crosses a cut then counts twice (rare: such lines are not prose).
      const std::size_t used = chunk.complete ? chunk.text.size() : streaming_cut(chunk.text);
      piece(doc, chunk, chunk.text.substr(0, used));
      if (chunk.complete) ++doc.lines;
      lines.consume(used);
    }
    doc.bytes = input.decoded_bytes();
    if (!report_.has_example && fallback_.line != 0) {
      report_.example = fallback_;
      report_.has_example = true;
    }
    report_.total.add(doc);
    report_.documents.push_back(std::move(doc));
  }

  void finish() {
    std::vector<std::pair<std::string, std::uint64_t>> words(frequency_.begin(), frequency_.end());
    const std::size_t n = std::min(kTopWords, words.size());
    std::partial_sort(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n), words.end(),
                      [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    words.resize(n);
    report_.top_words = std::move(words);
  }

 private:
  void piece(DocumentStats& doc, const LineChunk& chunk, std::string_view text) {
    doc.characters += count_code_points(text);
    kurdi::tokenize(text, tokens_, {});
    doc.tokens += tokens_.tokens.size();
    for (const kurdi::Token& t : tokens_.tokens) {
      switch (t.type) {
        case kurdi::TokenType::word:
          ++doc.sorani_words;
          key_.assign(tokens_.norm(t));
          ++frequency_[key_];
          break;
        case kurdi::TokenType::latin: ++doc.latin_words; break;
        case kurdi::TokenType::number: ++doc.numbers; break;
        default: ++doc.other_tokens; break;
      }
    }
    normalized_.clear();
    map_.clear();
    kurdi::normalize_into(text, {}, normalized_, &map_);
    doc.changed += count_changed(text, normalized_, map_);

    const std::vector<kurdi::Sentence> found = kurdi::sentences(text);
    doc.sentences += found.size();
    if (!report_.has_example) find_example(doc, chunk, text, found);
  }

  // A sentence of the first document (with sentences) that normalization
  // changes, of a readable length; else its first sentence.
  void find_example(const DocumentStats& doc, const LineChunk& chunk, std::string_view text,
                    const std::vector<kurdi::Sentence>& found) {
    for (const kurdi::Sentence& s : found) {
      const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
      if (sentence.size() > kExampleMax) continue;
      std::string normalized = kurdi::normalize(sentence);
      Example candidate{doc.path, chunk.line, std::string(sentence), std::move(normalized)};
      if (candidate.normalized != candidate.original && sentence.size() >= kExampleMin) {
        report_.example = std::move(candidate);
        report_.has_example = true;
        return;
      }
      if (fallback_.line == 0) fallback_ = std::move(candidate);
    }
  }

  StatsReport& report_;
  kurdi::Tokens tokens_;
  std::string normalized_;
  kurdi::OffsetMap map_;
  std::string key_;
  std::unordered_map<std::string, std::uint64_t> frequency_;
  Example fallback_;
};

// Files named by PATHs: a directory gives its *.txt files, recursively, in
// sorted order; symbolic links to directories are not followed, as `kurdi
// index` does not follow them (a link back up counted every file again, 41
// times, until ELOOP). Problems are reported and skipped.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Session& session) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      files.push_back(path);  // a missing file is reported when opened
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      if (it->path().extension() == ".txt" && it->is_regular_file(type_ec)) {
        found.push_back(it->path().string());
      }
    }
    if (ec) session.error(path + ": " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace

int run_stats(const StatsArgs& args) {
  Session session(args.strict);
  StatsReport report;
  Collector collector(report);
  for (const std::string& path : expand_paths(args.paths, session)) {
    Input input(path, session);
    if (input.ok()) collector.document(input);
  }
  collector.finish();
  session.progress().clear();
  Output out;
  if (args.json) {
    print_stats_json(out, report);
  } else {
    print_stats_table(out, report);
  }
  out.flush();
  return session.exit_code();
}

}  // namespace kurdi::cli
