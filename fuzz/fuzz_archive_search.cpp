// libFuzzer target for the archive's own search path (archive/archive.cpp:
// Archive::search and Archive::count with their shortcuts: block bounds,
// the postings of common terms held in memory, the deferral's narrow
// passes, kurdi_bm25's "top K" pruning, the documents added since the
// bounds were built; and the snippets). Differential: every page is held to
// kurdi_test::RankingReference (tests/support/ranking_reference.hpp), the
// full match scored document by document on a plain connection, as
// tests/archive/exact_ranking_test.cpp does for a fixed list of queries.
//
// At start-up (LLVMFuzzerInitialize, outside libFuzzer's time limit per
// input) four archives of the FLORES-200 samples (the exact-ranking test's
// documents, tests/support/flores_documents.hpp) are built in a temporary
// directory, one per state that search() treats differently:
//   0 optimized: one segment, block bounds and postings of 64-rowid blocks,
//     nothing since;
//   1 added: 0 and then 150 long documents added (the bounds stay in use,
//     scaled up for the longer average; the added rows are ranked and
//     counted through FTS5 beside them), and 6 whose snippets need
//     escaping (markup_documents);
//   2 changed: 1 and then some documents updated and deleted (the bounds
//     are dropped: the deferral and FTS5 alone);
//   3 rebuilt: 2 with bounds built again from several segments (a term at a
//     time, rowid gaps where documents were deleted), of 256-rowid blocks
//     (the archive's own size: 9 blocks, too few for some shortcuts), then
//     60 short documents added (the average falls).
//
// An input is 4 bytes of settings and the query:
//   byte 0: bits 0-1 the archive; bit 2 the query is word picks (below)
//           rather than the bytes themselves; bit 3 a time limit of
//           1 + (bits 4-5) ms on the first search; bit 6 count() before
//           search() (the caches they share are filled in the other order)
//   byte 1: bits 0-2 the limit, bits 3-6 the offset (kLimits, kOffsets; the
//           largest limit is the last kMaxTailPage hits at most)
//   byte 2: bits 0-1 the source, bits 2-4 from, bits 5-7 to (kSources, kDates)
//   byte 3: bits 0-2 count()'s at_most (kAtMost)
// Word picks: two bytes a word, the first choosing its decoration and
// whether it is one of the 64 commonest words of the samples, the second
// (with the first's high bits) which word: so that the fuzzer reaches
// queries of several common words, which only the shortcuts rank.
//
// It traps (abort, the input saved as crash-*) when, for an input:
//   * search() or count() throws, except with a time limit that passed
//     (then ArchiveError or std::runtime_error, with timed_out() set, and
//     the same search without a limit must then give the right page);
//   * the hits differ from the reference's page: ids, order, scores bit
//     for bit;
//   * count() differs from FTS5's count, or count(at_most) from
//     min(count, at_most);
//   * a page holds more than `limit` hits, or not min(limit, count -
//     offset) of them (the total behind a page is the count);
//   * a hit's title, source, url or date is not its document's, or its
//     snippet is empty, not valid UTF-8, has a C0 control other than tab
//     and line ends, an unescaped & < > " ', or <mark> and </mark> that do
//     not alternate (open, close, ... closed at the end);
//   * a query that cannot match by its form has no message, or one that
//     can has one;
//   * the same request twice gives another answer (snippets included).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "archive/archive.hpp"
#include "kurdi/search.hpp"
#include "kurdi/utf8.hpp"
#include "support/flores_documents.hpp"
#include "support/flores_samples.hpp"
#include "support/ranking_reference.hpp"
#include "support/split_spaces.hpp"

namespace {

namespace fs = std::filesystem;
using kurdi::archive::Archive;
using kurdi::archive::ArchiveError;
using kurdi::archive::Document;
using kurdi::archive::Hit;
using kurdi::archive::OpenOptions;
using kurdi::archive::SearchRequest;
using kurdi::archive::SearchResult;

constexpr std::uint32_t kLimits[] = {10, 1, 3, 10, 20, 100, 0, std::numeric_limits<std::uint32_t>::max()};
// Deep pages: beyond 1,000 hits (offset + limit) the archive skips its
// narrow passes and its bounds (kMaxNarrowPage).
constexpr std::uint32_t kOffsets[] = {0,  0,   0,   0,   0,   0,    1,    2,
                                      5,  10,  25,  90,  400, 995,  1000, std::numeric_limits<std::uint32_t>::max()};
constexpr std::uint64_t kMaxTailPage = 50;
constexpr const char* kSources[] = {"", "a", "b", "c"};  // no document has source "c"
// The documents are dated June 1st of 2015 to 2024 (flores_document); one
// filter is no date, which compares as text like any other.
constexpr const char* kDates[] = {"", "", "2018-01-01", "2020-06-01", "2020-06-02", "2015-06-01", "2024-06-01", "2019"};
constexpr std::uint64_t kAtMost[] = {0, 1, 2, 10, 100, 1000, 5000, std::numeric_limits<std::uint64_t>::max()};

[[noreturn]] void fail(const std::string& what, const SearchRequest& r, const std::string& detail = {}) {
  std::fprintf(stderr, "fuzz_archive_search: %s\n  query: %s\n  limit %u offset %u from '%s' to '%s' source '%s'\n%s%s",
               what.c_str(), r.query.c_str(), r.limit, r.offset, r.from.c_str(), r.to.c_str(), r.source.c_str(),
               detail.c_str(), detail.empty() ? "" : "\n");
  std::abort();
}

[[noreturn]] void fail_setup(const std::string& what) {
  std::fprintf(stderr, "fuzz_archive_search: setting up: %s\n", what.c_str());
  std::abort();
}

// One archive in one of the states above, its reference and its documents.
struct State {
  std::string name;
  std::string path;
  std::map<std::string, Document> documents;  // by id, as stored
  std::unique_ptr<Archive> archive;           // read-only, as kurdi search and serve open it
  std::unique_ptr<kurdi_test::RankingReference> reference;
};

struct Fixture {
  fs::path dir;
  std::vector<State> states;
  std::vector<std::string> words;  // the samples' words, commonest first

  ~Fixture() {
    states.clear();  // close every connection before the files go
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

Fixture* fixture = nullptr;

void store(Archive& a, std::map<std::string, Document>& documents, const Document& d) {
  a.store(d);
  Document stored = d;
  if (stored.language.empty()) stored.language = "ckb";
  documents[d.id] = std::move(stored);
}

// A copy of a closed archive (its WAL was checkpointed and removed when
// its last connection closed).
void copy_archive(const std::string& from, const std::string& to) {
  if (fs::exists(from + "-wal")) fail_setup(from + " still has a WAL after it was closed");
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

// The words of the sample lines as spaces separate them, punctuation taken
// off their ends, commonest first (ties in byte order).
std::vector<std::string> sample_words(const std::vector<std::string>& lines) {
  std::unordered_map<std::string, int> counts;
  static const std::string_view kPunctuation[] = {"،", "؛", "؟", "«", "»", ".", ",", ":", ";", "!", "?", "(", ")", "\""};
  for (const std::string& line : lines)
    for (std::string w : kurdi_test::split_spaces(line)) {
      for (bool trimmed = true; trimmed && !w.empty();) {
        trimmed = false;
        for (const std::string_view p : kPunctuation) {
          if (w.starts_with(p)) w.erase(0, p.size()), trimmed = true;
          if (w.ends_with(p)) w.resize(w.size() - p.size()), trimmed = true;
        }
      }
      if (!w.empty()) ++counts[w];
    }
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.second > b.second || (a.second == b.second && a.first < b.first); });
  std::vector<std::string> out;
  for (auto& [w, n] : sorted) out.push_back(std::move(w));
  return out;
}

// Documents whose text a snippet must escape or clean (the samples have
// quotes at most): HTML, text that is escaped already, U+0001 and U+0002
// (which snippets are often marked with) and other C0 controls, ZWNJ and emoji; one
// with no date and no source (no date filter lets it in) and a URL. Each
// holds the commonest words, and the word "markup".
std::vector<Document> markup_documents() {
  std::vector<Document> out(6);
  out[0].body = "لە <script>alert('و')</script> & کە \"بە\" > بۆ < ئەو";
  out[1].body = "و\x01لە\x02 کە \x01\x01 بە \x02\x02 بۆ \x01 ئەو";
  out[2].body = "لە\tو\r\nکە \x1b[31m بە \x7f بۆ\x02";
  out[3].body = "هێز\u200cەکان لە 😀👍🏽 و ١٢٣ کە hêz";
  out[4].body = "&amp; لە &lt; و &#39; کە &quot;";
  out[5].title = "<b>و</b> & لە";
  out[5].body = "لە و کە بە بۆ";
  out[5].url = "https://example.org/?a=1&b=<2>";
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].id = "markup-" + std::to_string(i);
    out[i].body.append(" markup");  // a word of their own: the query markup shows them all
    if (i < 5) {
      out[i].source = i % 2 == 0 ? "a" : "b";
      out[i].date = "2021-0" + std::to_string(i + 1) + "-15";
    }
  }
  return out;
}

void build(Fixture& f, const fs::path& source_dir) {
  const std::vector<std::string> lines = kurdi_test::flores_sample_lines(source_dir);
  if (lines.size() < 900) fail_setup("too few sample lines under " + source_dir.string());
  const std::size_t n = lines.size();
  f.words = sample_words(lines);

  std::string dir_template = (fs::temp_directory_path() / "kurdi-fuzz-archive-search-XXXXXX").string();
  if (!::mkdtemp(dir_template.data())) fail_setup("mkdtemp");
  f.dir = dir_template;
  const char* names[] = {"optimized", "added", "changed", "rebuilt"};
  std::vector<std::map<std::string, Document>> documents(4);
  std::vector<std::string> paths;
  for (const char* name : names) paths.push_back((f.dir / (std::string(name) + ".kar")).string());

  {  // 0: each document twice under two ids (equal scores: ties), optimized, bounds of 64-rowid blocks
    OpenOptions o;
    o.create = true;
    Archive a(paths[0], o);
    for (int copy = 0; copy < 2; ++copy)
      for (std::size_t i = 0; i < n; ++i) store(a, documents[0], kurdi_test::flores_document(lines, copy, i));
    a.commit();
    a.optimize();
    a.build_bounds(6);
    const kurdi::archive::Stats st = a.stats();
    if (!st.block_bounds || st.index_segments != 1 || !st.optimized) fail_setup("archive 0 is not optimized");
  }
  copy_archive(paths[0], paths[1]);
  documents[1] = documents[0];
  {  // 1: long documents added since the bounds, and the markup documents
    Archive a(paths[1], OpenOptions{});
    for (std::size_t k = 0; k < 150; ++k) store(a, documents[1], kurdi_test::flores_added_document(lines, true, k));
    for (const Document& d : markup_documents()) store(a, documents[1], d);
    a.commit();
    const kurdi::archive::Stats st = a.stats();
    if (!st.block_bounds || st.documents_since_optimize != 150 + markup_documents().size())
      fail_setup("archive 1 lost its bounds");
  }
  copy_archive(paths[1], paths[2]);
  documents[2] = documents[1];
  {  // 2: updates (a new body, a new date and source) and deletes: no bounds
    Archive a(paths[2], OpenOptions{});
    for (const std::size_t i : {3u, 10u, 64u, 500u, 777u}) {
      Document d = documents[2].at(kurdi_test::joined({"0", std::to_string(i)}, "-"));
      d.body = lines[(i * 3 + 1) % n] + " " + lines[(i * 5 + 2) % n];
      if (i % 2 == 0) d.source = "b", d.date = "2016-02-29";
      store(a, documents[2], d);
    }
    a.commit();
    // The first and the last rowid (markup-5: SQLite may give its rowid to
    // the next document added), and some between.
    std::vector<std::string> gone = {"0-0", "0-1", "1-7", "1-100", "long-40", "long-149", "markup-5"};
    for (const std::string& id : gone) documents[2].erase(id);
    if (!a.remove(gone).empty()) fail_setup("archive 2: a document to delete was missing");
    const kurdi::archive::Stats st = a.stats();
    if (st.block_bounds || st.index_segments < 2) fail_setup("archive 2 kept its bounds or has one segment");
  }
  copy_archive(paths[2], paths[3]);
  documents[3] = documents[2];
  {  // 3: bounds from several segments, of the archive's own block size, then short documents added
    Archive a(paths[3], OpenOptions{});
    a.build_bounds();
    for (std::size_t k = 0; k < 60; ++k) store(a, documents[3], kurdi_test::flores_added_document(lines, false, k));
    a.commit();
    const kurdi::archive::Stats st = a.stats();
    if (!st.block_bounds || st.documents_since_optimize != 60) fail_setup("archive 3 has no bounds in use");
  }
  for (std::size_t i = 0; i < 4; ++i) {
    State s;
    s.name = names[i];
    s.path = paths[i];
    s.documents = std::move(documents[i]);
    OpenOptions ro;
    ro.read_only = true;
    s.archive = std::make_unique<Archive>(s.path, ro);
    s.reference = std::make_unique<kurdi_test::RankingReference>(s.path);
    f.states.push_back(std::move(s));
  }
}

// The first `chars` characters of a UTF-8 word (at least one).
std::string first_chars(const std::string& word, std::size_t chars) {
  std::size_t at = 0;
  for (std::size_t c = 0; at < word.size() && c < std::max<std::size_t>(chars, 1); ++c) {
    ++at;
    while (at < word.size() && (static_cast<unsigned char>(word[at]) & 0xC0) == 0x80) ++at;
  }
  return word.substr(0, at);
}

// Another spelling of a word, which normalization reads as the same or
// nearly: Arabic kaf and yeh for Sorani's keheh and Farsi yeh, a tatweel
// after the first character, and heh for a final ae.
std::string variant_spelling(const std::string& word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    const std::string_view rest(word.data() + i, word.size() - i);
    if (rest.starts_with("ک")) {
      out.append("ك");
      i += std::string_view("ک").size();
    } else if (rest.starts_with("ی")) {
      out.append("ي");
      i += std::string_view("ی").size();
    } else if (rest == "ە") {
      out.append("ه");
      i += rest.size();
    } else {
      const std::string c = first_chars(std::string(rest), 1);
      out.append(c);
      i += c.size();
    }
    if (i == first_chars(word, 1).size()) out.append("ـ");
  }
  return out;
}

// A query of word picks: per word two bytes, (how, which).
std::string picked_query(std::string_view bytes, const std::vector<std::string>& words) {
  std::string q;
  bool in_phrase = false;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    const auto how = static_cast<unsigned char>(bytes[i]);
    const auto which = static_cast<unsigned char>(bytes[i + 1]);
    const std::size_t index = (how & 8) ? which % 64 : ((std::size_t{how} >> 4) << 8 | which) % words.size();
    const std::string& w = words[std::min(index, words.size() - 1)];
    if (!q.empty()) q.push_back(' ');
    switch (how & 7) {
      case 3: q.append("-").append(w); break;
      case 4: q.append(first_chars(w, 1 + (how >> 4) % 4)).append("*"); break;
      case 5: q.append(q.empty() ? "" : "OR ").append(w); break;
      case 6:
        q.append("\"").append(w);
        in_phrase = !in_phrase;
        break;
      case 7: q.append(variant_spelling(w)); break;
      default: q.append(w);
    }
  }
  if (in_phrase) q.push_back('"');
  return q;
}

bool valid_utf8(std::string_view s) { return kurdi::find_invalid_utf8(s) == std::string_view::npos; }

// What snippet_to_html promises: HTML-escaped text, <mark> and </mark>
// alternating from an opening one and closed at the end, no C0 control but
// tab and line ends. Empty when it holds, else what is wrong.
std::string snippet_problem(std::string_view s) {
  if (s.empty()) return "empty snippet";
  if (!valid_utf8(s)) return "snippet is not valid UTF-8";
  bool open = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::string_view rest = s.substr(i);
    const auto c = static_cast<unsigned char>(s[i]);
    if (rest.starts_with("<mark>")) {
      if (open) return "<mark> inside a mark";
      open = true;
      i += 6;
    } else if (rest.starts_with("</mark>")) {
      if (!open) return "</mark> outside a mark";
      open = false;
      i += 7;
    } else if (c == '&') {
      bool entity = false;
      for (const std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"})
        if (rest.starts_with(e)) {
          entity = true;
          i += e.size();
        }
      if (!entity) return "an unescaped &";
    } else if (c == '<' || c == '>' || c == '"' || c == '\'') {
      return "an unescaped " + std::string(1, static_cast<char>(c));
    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      return "control character " + std::to_string(c);
    } else {
      ++i;
    }
  }
  if (open) return "a mark left open";
  return {};
}

std::string describe(const std::vector<Hit>& hits, const std::vector<std::pair<std::string, double>>& expected) {
  std::string out;
  char line[160];
  for (std::size_t k = 0; k < std::max(hits.size(), expected.size()) && k < 40; ++k) {
    std::snprintf(line, sizeof line, "  %3zu  %-12s %.17g    %-12s %.17g\n", k,
                  k < hits.size() ? hits[k].id.c_str() : "-", k < hits.size() ? hits[k].score : 0.0,
                  k < expected.size() ? expected[k].first.c_str() : "-", k < expected.size() ? expected[k].second : 0.0);
    out.append(line);
  }
  return "  rank  archive (id, score)              reference (id, score)\n" + out;
}

bool same_hits(const SearchResult& a, const SearchResult& b) {
  if (a.message != b.message || a.hits.size() != b.hits.size()) return false;
  for (std::size_t k = 0; k < a.hits.size(); ++k) {
    const Hit& x = a.hits[k];
    const Hit& y = b.hits[k];
    // Scores bit for bit (== would also take 0.0 for -0.0).
    if (x.id != y.id || std::memcmp(&x.score, &y.score, sizeof x.score) != 0 || x.title != y.title ||
        x.snippet != y.snippet || x.source != y.source || x.url != y.url || x.date != y.date)
      return false;
  }
  return true;
}

void check_page(const State& s, const SearchRequest& r, const SearchResult& result,
                const std::vector<std::pair<std::string, double>>& expected, std::uint64_t total,
                const kurdi::search::Query& query) {
  const std::string where = " [archive " + s.name + "]";
  const bool cannot_match = query.empty() || query.exclusions_only();
  if (cannot_match != !result.message.empty())
    fail(cannot_match ? "a query that cannot match has no message" + where
                      : "a query that can match has a message: " + result.message + where,
         r);
  if (result.hits.size() > r.limit) fail("more hits than the limit" + where, r);
  if (result.hits.size() != expected.size() || !std::equal(result.hits.begin(), result.hits.end(), expected.begin(),
                                                           [](const Hit& h, const auto& e) {
                                                             return h.id == e.first &&
                                                                    std::memcmp(&h.score, &e.second, sizeof h.score) == 0;
                                                           }))
    fail("the hits differ from the reference's (every match scored)" + where, r, describe(result.hits, expected));
  const std::uint64_t shown = total > r.offset ? std::min<std::uint64_t>(r.limit, total - r.offset) : 0;
  if (result.hits.size() != shown)
    fail("the page holds " + std::to_string(result.hits.size()) + " hits of a count of " + std::to_string(total) +
             " (expected " + std::to_string(shown) + ")" + where,
         r);
  for (const Hit& h : result.hits) {
    const auto d = s.documents.find(h.id);
    if (d == s.documents.end()) fail("a hit with an id that is not stored: " + h.id + where, r);
    if (h.title != d->second.title || h.source != d->second.source || h.url != d->second.url ||
        h.date != d->second.date)
      fail("a hit's fields are not its document's: " + h.id + where, r);
    if (const std::string problem = snippet_problem(h.snippet); !problem.empty())
      fail(problem + " in hit " + h.id + where, r, "  snippet: " + h.snippet);
  }
}

// search() under a time limit: an answer (checked like any), or an
// interruption, which must be said (timed_out) and thrown as documented.
// Returns whether it answered.
bool search_with_time_limit(State& s, const SearchRequest& r, std::uint32_t milliseconds, SearchResult& out) {
  s.archive->set_time_limit(milliseconds);
  bool answered = false;
  try {
    out = s.archive->search(r);
    answered = true;
  } catch (const ArchiveError& e) {
    if (!s.archive->timed_out()) fail(std::string("search threw without a time out: ") + e.what(), r);
  } catch (const std::runtime_error& e) {
    if (!s.archive->timed_out()) fail(std::string("search threw without a time out: ") + e.what(), r);
  } catch (const std::exception& e) {
    fail(std::string("search under a time limit threw an undocumented exception: ") + e.what(), r);
  }
  s.archive->set_time_limit(0);
  return answered;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* from_env = std::getenv("KURDI_SOURCE_DIR");
  fixture = new Fixture;
  try {
    build(*fixture, from_env && *from_env ? fs::path(from_env) : fs::path(KURDI_SOURCE_DIR));
  } catch (const std::exception& e) {
    fail_setup(e.what());
  }
  // The temporary archives go when the fuzzer exits normally (after
  // -max_total_time or -runs); a crash leaves them for the post-mortem.
  std::atexit([] {
    delete fixture;
    fixture = nullptr;
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4 || size > 1024 || fixture == nullptr) return 0;  // queries are short; bound the time per input
  const auto byte = [&](std::size_t i) { return static_cast<unsigned>(data[i]); };
  State& s = fixture->states[byte(0) & 3];
  const bool picked = byte(0) & 4;
  const bool time_limited = byte(0) & 8;
  const std::uint32_t milliseconds = 1 + ((byte(0) >> 4) & 3);
  const bool count_first = byte(0) & 0x40;

  SearchRequest r;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 4, size - 4);
  r.query = picked ? picked_query(rest, fixture->words) : std::string(rest);
  r.limit = kLimits[byte(1) & 7];
  r.offset = kOffsets[(byte(1) >> 3) & 15];
  r.source = kSources[byte(2) & 3];
  r.from = kDates[(byte(2) >> 2) & 7];
  r.to = kDates[(byte(2) >> 5) & 7];
  const std::uint64_t at_most = kAtMost[byte(3) & 7];

  std::vector<std::pair<std::string, double>> expected;
  std::uint64_t expected_total = 0;
  try {
    expected_total = s.reference->count(r);
    // The largest limit is a page to the end of the matches, of at most
    // kMaxTailPage of them: every hit costs a snippet (a common word's
    // whole match, twice, took 10 s under the sanitizers; 200 hits, 3 s).
    if (r.limit == kLimits[7] && expected_total > kMaxTailPage)
      r.offset = std::max<std::uint32_t>(r.offset, static_cast<std::uint32_t>(expected_total - kMaxTailPage));
    expected = s.reference->search(r);
  } catch (const std::exception& e) {
    fail(std::string("the reference failed: ") + e.what(), r);
  }
  kurdi::search::Expander expander;
  const kurdi::search::Query query = kurdi::search::parse_query(r.query, expander);

  SearchResult first, second;
  std::uint64_t total = 0, capped = 0;
  try {
    if (count_first) total = s.archive->count(r, 0);
    if (!time_limited || !search_with_time_limit(s, r, milliseconds, first)) first = s.archive->search(r);
    if (!count_first) total = s.archive->count(r, 0);
    if (at_most > 0) capped = s.archive->count(r, at_most);
    second = s.archive->search(r);
  } catch (const std::exception& e) {
    fail(std::string("search or count threw: ") + e.what(), r);
  }

  if (total != expected_total)
    fail("count " + std::to_string(total) + ", FTS5 counts " + std::to_string(expected_total) + " [archive " + s.name +
             "]",
         r);
  if (at_most > 0 && capped != std::min(total, at_most))
    fail("count at most " + std::to_string(at_most) + " is " + std::to_string(capped) + ", the count " +
             std::to_string(total) + " [archive " + s.name + "]",
         r);
  // To replay an input and see its page: KURDI_FUZZ_PRINT=1.
  static const bool print = std::getenv("KURDI_FUZZ_PRINT") != nullptr;
  if (print) {
    std::fprintf(stderr, "archive %s, query '%s', limit %u offset %u from '%s' to '%s' source '%s': count %llu\n",
                 s.name.c_str(), r.query.c_str(), r.limit, r.offset, r.from.c_str(), r.to.c_str(), r.source.c_str(),
                 static_cast<unsigned long long>(total));
    for (const Hit& h : first.hits)
      std::fprintf(stderr, "  %s %.17g %s\n", h.id.c_str(), h.score, h.snippet.c_str());
  }
  check_page(s, r, first, expected, total, query);
  if (!same_hits(first, second)) fail("the same search twice gave two answers [archive " + s.name + "]", r);
  return 0;
}
