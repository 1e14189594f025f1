// The JSON API (docs/serve.md). Every word of text goes through the core
// (normalize, tokenize, morph, translit, search) or the archive; this file
// checks parameters and shapes the answers.
#include "serve/api.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>

#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/search.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi/translit.hpp"
#include "kurdi/version.hpp"

namespace kurdi::serve {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& value) {
  // Stored text is valid UTF-8; a query parameter may not be: replace what
  // is not (U+FFFD) rather than fail.
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

Reply ok(const json& value) { return {200, dump(value)}; }

const std::string* param(const Params& params, const char* name) {
  const auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

// A non-negative decimal integer of at most 9 digits, or nullopt.
std::optional<std::uint32_t> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::uint32_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return value;
}

// The score as `kurdi search --json` prints it (6 significant digits).
double rounded(double score) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", score);
  return std::strtod(text, nullptr);
}

json analysis_json(const Analysis& a) {
  json morphemes = json::array();
  for (const Morpheme& m : a.morphemes)
    morphemes.push_back({{"text", a.form.substr(m.begin, m.end - m.begin)}, {"tag", std::string(m.tag)}});
  return {{"form", a.form},           {"lemma", a.lemma},  {"upos", std::string(a.upos)},
          {"features", a.features},   {"stem", a.stem},    {"known", a.known},
          {"morphemes", std::move(morphemes)}};
}

}  // namespace

Reply error_reply(int status, std::string_view code, std::string_view message) {
  return {status, dump(json{{"error", {{"code", std::string(code)}, {"message", std::string(message)}}}})};
}

namespace {

// Runs `work` on a pooled connection within the request's time budget. A
// budget that runs out is 503 "timeout"; any other failure goes on to the
// server's exception handler.
template <class Work>
Reply with_archive(ArchivePool& pool, std::uint32_t time_limit_ms, Work&& work) {
  auto archive = pool.acquire(time_limit_ms);
  try {
    return work(*archive);
  } catch (const std::exception&) {
    if (!archive->timed_out()) throw;
  }
  return error_reply(503, "timeout",
                     "the archive took more than " + std::to_string(time_limit_ms) +
                         " ms on this request (kurdi serve --time-limit) and it was stopped; try again, or narrow the "
                         "search with more words, a \"phrase\" or a filter");
}

}  // namespace

Reply Api::search(const Params& params) const {
  const std::string* q = param(params, "q");
  if (!q) return error_reply(400, "missing_parameter", "the q parameter (the query) is missing");
  if (q->size() > limits_.max_query_bytes)
    return error_reply(400, "query_too_long",
                       "the query is " + std::to_string(q->size()) + " bytes long; at most " +
                           std::to_string(limits_.max_query_bytes) + " are allowed");
  archive::SearchRequest request;
  request.query = *q;
  if (const std::string* limit = param(params, "limit")) {
    const auto value = parse_count(*limit);
    if (!value || *value < 1 || *value > limits_.max_page_size)
      return error_reply(400, "bad_parameter",
                         "limit must be a whole number from 1 to " + std::to_string(limits_.max_page_size));
    request.limit = *value;
  }
  if (const std::string* offset = param(params, "offset")) {
    const auto value = parse_count(*offset);
    if (!value || *value > limits_.max_offset)
      return error_reply(400, "bad_parameter",
                         "offset must be a whole number from 0 to " + std::to_string(limits_.max_offset));
    request.offset = *value;
  }
  for (const auto& [name, field] : {std::pair{"from", &request.from}, std::pair{"to", &request.to}}) {
    const std::string* date = param(params, name);
    if (!date || date->empty()) continue;
    if (!archive::is_iso_date(*date)) {
      // 2021-02-30 is written as asked: saying how to write it would not
      // tell the user what is wrong.
      const bool written_as_a_date =
          date->size() == 10 && (*date)[4] == '-' && (*date)[7] == '-' &&
          std::all_of(date->begin(), date->end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
      return error_reply(400, "bad_parameter",
                         written_as_a_date ? std::string(name) + " is not a date of the calendar: " + *date
                                           : std::string(name) + " must be a date written YYYY-MM-DD");
    }
    *field = *date;
  }
  if (const std::string* source = param(params, "source")) {
    if (source->size() > limits_.max_filter_bytes)
      return error_reply(400, "bad_parameter",
                         "source is longer than " + std::to_string(limits_.max_filter_bytes) + " bytes");
    request.source = *source;
  }

  return with_archive(pool_, limits_.time_limit_ms, [&](archive::Archive& archive) {
    const archive::SearchResult result = archive.search(request);
    // The total is counted only when the page does not already tell it, and
    // only up to count_limit (docs/serve.md, "total"): a common word matches
    // most of a big archive and counting every match costs more than the
    // page. Past this page's end, though, so that a full page always says
    // whether another one follows.
    std::uint64_t total = request.offset + result.hits.size();
    bool exact = true;
    if (!result.message.empty()) {
      total = 0;
    } else if (result.hits.size() == request.limit || (result.hits.empty() && request.offset > 0)) {
      const std::uint64_t at_most =
          limits_.count_limit == 0
              ? 0
              : std::max<std::uint64_t>(limits_.count_limit, std::uint64_t{request.offset} + request.limit + 1);
      total = archive.count(request, at_most);
      exact = at_most == 0 || total < at_most;
    }
    json results = json::array();
    for (const archive::Hit& hit : result.hits)
      results.push_back({{"id", hit.id},
                         {"title", hit.title},
                         {"snippet", hit.snippet},
                         {"score", rounded(hit.score)},
                         {"source", hit.source},
                         {"date", hit.date},
                         {"url", hit.url}});
    json body = {{"query", request.query},   {"total", total},
                 {"total_relation", exact ? "eq" : "gte"},
                 {"limit", request.limit},   {"offset", request.offset},
                 {"results", std::move(results)}};
    if (!result.message.empty()) body["message"] = result.message;
    return ok(body);
  });
}

Reply Api::document(std::string_view id) const {
  if (id.empty()) return error_reply(400, "bad_parameter", "the document id is missing");
  if (id.size() > limits_.max_id_bytes)
    return error_reply(400, "bad_parameter",
                       "the document id is longer than " + std::to_string(limits_.max_id_bytes) + " bytes");
  return with_archive(pool_, limits_.time_limit_ms, [&](archive::Archive& archive) {
    const std::optional<archive::Document> d = archive.get(std::string(id));
    if (!d) return error_reply(404, "not_found", "no document with id '" + std::string(id) + "' in this archive");
    return ok({{"id", d->id},
               {"title", d->title},
               {"body", d->body},
               {"source", d->source},
               {"url", d->url},
               {"date", d->date},
               {"language", d->language}});
  });
}

Reply Api::stats() const {
  return with_archive(pool_, limits_.time_limit_ms, [](archive::Archive& archive) {
    const archive::Stats s = archive.stats();
    return ok({{"documents", s.documents},
               {"body_bytes", s.body_bytes},
               {"file_bytes", s.file_bytes},
               {"sources", s.sources},
               {"first_date", s.first_date},
               {"last_date", s.last_date},
               {"schema_version", s.schema_version},
               {"current_schema_version", s.current_schema_version},
               {"analyzer_version", s.analyzer_version},
               {"current_analyzer_version", s.current_analyzer_version},
               {"reindex_required", s.reindex_required},
               {"created_by", s.created_by},
               {"index_segments", s.index_segments},
               {"block_bounds", s.block_bounds},
               {"documents_since_optimize", s.documents_since_optimize},
               {"optimized", s.optimized}});
  });
}

Reply Api::analyze(const Params& params) const {
  const std::string* text_param = param(params, "text");
  if (!text_param) return error_reply(400, "missing_parameter", "the text parameter is missing");
  const std::string& text = *text_param;
  if (text.size() > limits_.max_text_bytes)
    return error_reply(400, "text_too_long",
                       "the text is " + std::to_string(text.size()) + " bytes long; at most " +
                           std::to_string(limits_.max_text_bytes) + " are allowed");
  // One analyzer and one term expander per worker thread: both cache words.
  thread_local Analyzer analyzer;
  thread_local search::Expander expander;

  NormalizeOptions search_profile;
  search_profile.profile = Profile::search;
  json body = {{"text", text},
               {"analyzer_version", std::string(analyzer_version())},
               {"normalized", normalize(text)},
               {"search_normalized", normalize(text, search_profile)},
               {"latin", transliterate(text)}};

  // Stage by stage for every token of the standard tokenization.
  const Tokens tokens = tokenize(text);
  json out = json::array();
  for (const Token& t : tokens.tokens) {
    const std::string norm(tokens.norm(t));
    json token = {{"text", text.substr(t.begin, t.end - t.begin)},
                  {"begin", t.begin},
                  {"end", t.end},
                  {"type", std::string(token_type_name(t.type))},
                  {"norm", norm}};
    if (t.type == TokenType::word) {
      token["stems"] = analyzer.stems(norm);
      token["lemma"] = analyzer.lemma(norm);
      token["stopword"] = is_stopword(norm);
      json analyses = json::array();
      for (const Analysis& a : analyzer.analyze(norm)) analyses.push_back(analysis_json(a));
      token["analyses"] = std::move(analyses);
      token["latin"] = transliterate(norm);
    } else if (t.type == TokenType::latin) {
      TransliterateOptions to_arabic;
      to_arabic.to = Script::arab;
      token["arabic"] = transliterate(norm, to_arabic);
    }
    out.push_back(std::move(token));
  }
  body["tokens"] = std::move(out);

  // What the search index stores for the text: the search-profile tokens and
  // their terms (exact form, then stems and lemmas).
  const Tokens search_tokens = tokenize(text, search::search_tokenize_options());
  json terms = json::array();
  for (const Token& t : search_tokens.tokens) {
    if (!search::is_indexed(t.type)) continue;
    json list = json::array();
    for (const search::Term& term : expander.document_terms(search_tokens.norm(t), t.type))
      list.push_back({{"text", term.text}, {"kind", term.exact ? "exact" : "stem"}});
    terms.push_back({{"text", text.substr(t.begin, t.end - t.begin)},
                     {"begin", t.begin},
                     {"end", t.end},
                     {"form", std::string(search_tokens.norm(t))},
                     {"terms", std::move(list)}});
  }
  body["index_terms"] = std::move(terms);
  return ok(body);
}

Reply Api::health() const {
  return ok({{"status", "ok"},
             {"analyzer_version", std::string(analyzer_version())},
             {"version", std::string(version())}});
}

}  // namespace kurdi::serve
