// The archive's housekeeping commands: kurdi delete, export, stats (on an
// archive), check, reindex and optimize (docs/archive.md).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "archive/archive.hpp"
#include "commands.hpp"
#include "json.hpp"
#include "output.hpp"
#include "session.hpp"

namespace kurdi::cli {
namespace {

// `as_it_is`: for what reads stored text and metadata only (export, stats):
// open an archive of another analyzer, or of an older schema, without
// upgrading it (archive::OpenOptions).
archive::Archive open_archive(const std::string& path, bool read_only, bool as_it_is = false) {
  archive::OpenOptions options;
  options.read_only = read_only;
  options.allow_analyzer_mismatch = as_it_is;
  options.keep_older_schema = as_it_is;
  return archive::Archive(path, options);
}

// For what writes (delete, optimize): an older schema is upgraded on
// opening, with `session`'s progress line.
archive::Archive open_for_writing(const std::string& path, Session& session) {
  archive::OpenOptions options;
  options.upgrade_progress = session.upgrade_progress();
  return archive::Archive(path, options);
}

void write_field(Output& out, const char* name, std::string_view value, bool first = false) {
  if (!first) out.put(',');
  out.put('"');
  out.write(name);
  out.write("\":");
  write_json_string(out, value);
}

std::string megabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

bool is_sqlite_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  return in.read(header, sizeof header) && std::string_view(header, sizeof header) == std::string_view("SQLite format 3\0", 16);
}

int run_delete(const ArchiveArgs& args) {
  Session session(false);
  archive::Archive archive = open_for_writing(args.archive, session);
  const std::vector<std::string> missing = archive.remove(args.ids);
  for (const std::string& id : missing) session.error("delete: no document with id '" + id + "' in " + args.archive);
  std::fprintf(stderr, "kurdi delete: %zu of %zu documents deleted from %s\n", args.ids.size() - missing.size(),
               args.ids.size(), args.archive.c_str());
  return session.exit_code();
}

int run_export(const ArchiveArgs& args) {
  // Export reads stored text, no index: after an analyzer change it is how
  // the documents move to a new archive, so it works then too, and on an
  // older schema, which it leaves as it is.
  const archive::Archive archive = open_archive(args.archive, true, true);
  Output out;
  // The fields kurdi index reads back: export then index gives the same archive.
  archive.for_each([&](const archive::Document& d) {
    out.put('{');
    write_field(out, "id", d.id, true);
    write_field(out, "title", d.title);
    write_field(out, "body", d.body);
    write_field(out, "source", d.source);
    write_field(out, "url", d.url);
    write_field(out, "date", d.date);
    write_field(out, "language", d.language);
    out.write("}\n");
  });
  out.flush();
  return kExitOk;
}

int run_archive_stats(const ArchiveArgs& args) {
  // After an analyzer change, or on an older schema (left as it is), the
  // versions are what the user needs to see.
  const archive::Archive archive = open_archive(args.archive, true, true);
  const archive::Stats s = archive.stats();
  Output out;
  if (args.json) {
    out.put('{');
    write_field(out, "archive", args.archive, true);
    out.write(",\"documents\":");
    out.write_uint(s.documents);
    out.write(",\"text_bytes\":");
    out.write_uint(s.body_bytes);
    out.write(",\"file_bytes\":");
    out.write_uint(s.file_bytes);
    out.write(",\"sources\":");
    out.write_uint(s.sources);
    write_field(out, "first_date", s.first_date);
    write_field(out, "last_date", s.last_date);
    out.write(",\"schema_version\":");
    out.write_uint(static_cast<std::uint64_t>(s.schema_version));
    out.write(",\"current_schema_version\":");
    out.write_uint(static_cast<std::uint64_t>(s.current_schema_version));
    write_field(out, "analyzer_version", s.analyzer_version);
    write_field(out, "current_analyzer_version", s.current_analyzer_version);
    out.write(s.reindex_required ? ",\"reindex_required\":true" : ",\"reindex_required\":false");
    write_field(out, "created_by", s.created_by);
    out.write(",\"index_segments\":");
    out.write_uint(s.index_segments);
    out.write(s.block_bounds ? ",\"block_bounds\":true" : ",\"block_bounds\":false");
    out.write(",\"documents_since_optimize\":");
    out.write_uint(s.documents_since_optimize);
    out.write(s.optimized ? ",\"optimized\":true" : ",\"optimized\":false");
    out.write("}\n");
  } else {
    std::string text;
    const auto row = [&](const char* name, const std::string& value) {
      text.append(name);
      text.append(14 - std::string_view(name).size(), ' ');
      text.append(value);
      text.push_back('\n');
    };
    row("archive", args.archive);
    row("documents", std::to_string(s.documents));
    row("text", megabytes(s.body_bytes) + " (titles and bodies)");
    row("file size", megabytes(s.file_bytes));
    row("sources", std::to_string(s.sources));
    row("dates", s.first_date.empty() ? "none" : s.first_date + " to " + s.last_date);
    row("schema", s.schema_version < s.current_schema_version
                      ? std::to_string(s.schema_version) + " (older than this kurdi's " +
                            std::to_string(s.current_schema_version) + ": run `kurdi reindex " +
                            args.archive + "` to upgrade it)"
                      : std::to_string(s.schema_version));
    // (Stats::reindex_required covers an older schema too, said in its own row.)
    row("analyzer", s.analyzer_version != s.current_analyzer_version
                        ? s.analyzer_version + " (this kurdi has " + s.current_analyzer_version +
                              ": reindex required, run `kurdi reindex " + args.archive + "`)"
                        : s.analyzer_version);
    row("created by", s.created_by);
    row("optimized", s.optimized                                      ? "yes"
                     : s.documents < archive::kOptimizeMinDocuments ? "no (not needed below 10,000 documents)"
                                                                     : "no (kurdi optimize: faster searches, same results)");
    row("index", std::to_string(s.index_segments) + (s.index_segments == 1 ? " segment" : " segments") +
                     (!s.block_bounds                  ? ", no current block bounds"
                      : s.documents_since_optimize == 0 ? ", block bounds current"
                                                        : ", block bounds and " + std::to_string(s.documents_since_optimize) +
                                                              (s.documents_since_optimize == 1 ? " document" : " documents") +
                                                              " added since"));
    out.write(text);
  }
  out.flush();
  return kExitOk;
}

int run_check(const ArchiveArgs& args) {
  archive::OpenOptions options;
  options.allow_analyzer_mismatch = true;  // reported as a problem, not refused
  options.may_be_read_only = true;         // checked all the same (Archive::check)
  // A check changes nothing: an older schema is checked as it is and
  // reported, with the command that upgrades it, rather than upgraded.
  options.keep_older_schema = true;
  const archive::Archive archive(args.archive, options);
  const std::vector<std::string> problems = archive.check();
  if (problems.empty()) {
    const std::uint64_t documents = archive.stats().documents;
    std::printf("%s: ok (%llu document%s)\n", args.archive.c_str(), static_cast<unsigned long long>(documents),
                documents == 1 ? "" : "s");
    return kExitOk;
  }
  for (const std::string& p : problems) std::fprintf(stderr, "kurdi check: %s: %s\n", args.archive.c_str(), p.c_str());
  return kExitBadInput;
}

int run_reindex(const ArchiveArgs& args) {
  Session session(false);
  archive::OpenOptions options;
  options.allow_analyzer_mismatch = true;
  options.upgrade_progress = session.upgrade_progress();
  archive::Archive archive(args.archive, options);
  archive.reindex([&](std::uint64_t done, std::uint64_t total) {
    session.progress().set_total(total);
    session.progress().set_note(std::to_string(done) + " of " + std::to_string(total) + " documents");
    session.progress().add(0);
  });
  session.progress().clear();
  const archive::Stats s = archive.stats();
  std::fprintf(stderr, "kurdi reindex: %s: %llu documents indexed with analyzer %s\n", args.archive.c_str(),
               static_cast<unsigned long long>(s.documents), s.analyzer_version.c_str());
  return kExitOk;
}

int run_optimize(const ArchiveArgs& args) {
  Session session(false);
  archive::Archive archive = open_for_writing(args.archive, session);
  session.progress().set_note("optimizing");
  session.progress().add(0);
  const auto start = std::chrono::steady_clock::now();
  archive.optimize();
  session.progress().clear();
  const archive::Stats s = archive.stats();
  std::fprintf(stderr, "kurdi optimize: %s: %llu documents, %llu index segment%s, block bounds %s, in %.1f s\n",
               args.archive.c_str(), static_cast<unsigned long long>(s.documents),
               static_cast<unsigned long long>(s.index_segments), s.index_segments == 1 ? "" : "s",
               s.block_bounds ? "built" : "not needed", seconds_since(start));
  return kExitOk;
}

}  // namespace kurdi::cli
