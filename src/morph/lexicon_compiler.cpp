// Build-time tool: compiles the reviewed lexicon text files in data/lexicon/
// into a C++ source file of constant arrays (see lexicon_format.hpp).
//
//   kurdi_lexicon_compiler OUTPUT.cpp WORDS.tsv VERBS.tsv IRREGULAR_FORMS.tsv
//
// Input formats are documented in docs/lexicon.md. Every error names the file
// and line; the build fails rather than compiling a lexicon it misread.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon_format.hpp"
#include "passive_stems.hpp"
#include "util/data_compiler.hpp"

namespace {

using namespace kurdi::morph::format;

using kurdi::data_compiler::fail;
using kurdi::morph::dr_form_of_listed_passive;
using kurdi::morph::regular_passive_stems;

std::vector<std::string> split(std::string_view line, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t p = line.find(sep, start);
    out.emplace_back(line.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

/// Reads the data rows of a TSV file ('#' comment lines and blank lines skipped).
template <typename F>
void for_each_row(const std::string& path, std::size_t min_columns, F&& f) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, 0, "cannot open");
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') fail(path, number, "CR line ending");
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    if (cols.size() < min_columns)
      fail(path, number, "expected at least " + std::to_string(min_columns) + " tab-separated columns");
    for (const auto& c : cols)
      if (c.find_first_of("\"\\") != std::string::npos) fail(path, number, "quote or backslash in a field");
    f(cols, number);
  }
}

Upos parse_upos(const std::string& s, const std::string& file, std::size_t line) {
  for (std::size_t i = 0; i < std::size(kUposNames); ++i)
    if (s == kUposNames[i]) return static_cast<Upos>(i);
  fail(file, line, "unknown part of speech '" + s + "'");
}

std::uint32_t parse_freq(const std::string& s, const std::string& file, std::size_t line) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
    fail(file, line, "frequency '" + s + "' is not a number");
  unsigned long long v = std::strtoull(s.c_str(), nullptr, 10);
  return v > 0xffffffffull ? 0xffffffffu : static_cast<std::uint32_t>(v);
}

struct PendingRecord {
  Record record;
};

struct Builder {
  std::string pool;
  std::map<std::string, std::size_t> pool_index;  // dedupes pool strings
  std::map<std::string, std::vector<Record>> keys;
  std::vector<Verb> verbs;
  std::vector<Form> forms;

  std::uint32_t intern(const std::string& s) {
    auto it = pool_index.find(s);
    if (it != pool_index.end()) return static_cast<std::uint32_t>(it->second);
    std::size_t off = pool.size();
    pool += s;
    pool_index.emplace(s, off);
    return static_cast<std::uint32_t>(off);
  }

  void add(const std::string& key, Record r) {
    auto& list = keys[key];
    for (const auto& e : list)  // identical records (a stem listed twice) add nothing
      if (e.kind == r.kind && e.verb == r.verb && e.upos == r.upos && e.preverb_bytes == r.preverb_bytes) return;
    list.push_back(r);
  }
};

void add_stems(Builder& b, const std::string& list, Kind kind, std::int32_t verb, const std::string& preverb,
               const std::string& file, std::size_t line) {
  if (list.empty() || list == "-") return;
  for (const auto& stem : split(list, ',')) {
    if (stem.empty()) fail(file, line, "empty stem in '" + list + "'");
    if (!preverb.empty() && stem.compare(0, preverb.size(), preverb) != 0)
      fail(file, line, "stem '" + stem + "' does not start with its preverb '" + preverb + "'");
    if (stem.size() == preverb.size()) fail(file, line, "stem '" + stem + "' is only its preverb");
    b.add(stem, Record{0, verb, kind, Upos::VERB, static_cast<std::uint16_t>(preverb.size())});
  }
}

/// Causatives are built on a present stem with -اند (جووڵ -> جووڵاندن, of
/// جووڵان; سووت -> سووتاندن, of سووتان). A verb X+اندن whose X is the present
/// stem of another verb with the same preverb gets that verb as its lemma.
/// When several verbs have that present stem, the most frequent wins (then
/// the first in file order), so the rule is deterministic.
void link_causatives(Builder& b, const std::vector<std::string>& infinitives,
                     const std::vector<std::string>& presents) {
  std::map<std::string, std::vector<std::int32_t>> by_present;
  for (std::size_t i = 0; i < presents.size(); ++i) {
    if (presents[i] == "-") continue;
    for (const auto& p : split(presents[i], ',')) by_present[p].push_back(static_cast<std::int32_t>(i));
  }
  const std::string suffix = "اندن";
  for (std::size_t i = 0; i < infinitives.size(); ++i) {
    const std::string& inf = infinitives[i];
    if (inf.size() <= suffix.size() + 2 || inf.compare(inf.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    auto it = by_present.find(inf.substr(0, inf.size() - suffix.size()));
    if (it == by_present.end()) continue;
    std::int32_t best = -1;
    for (std::int32_t cand : it->second) {
      if (static_cast<std::size_t>(cand) == i) continue;
      if (b.verbs[cand].preverb_bytes != b.verbs[i].preverb_bytes) continue;
      if (best < 0 || b.verbs[cand].freq > b.verbs[best].freq) best = cand;
    }
    if (best < 0) continue;
    b.verbs[i].lemma_verb = best;
    b.verbs[i].causative = 1;
  }
}

void write_cpp(const Builder& b, const std::string& path) {
  // Key order: byte order (deterministic output, and lookups need no order).
  std::vector<Key> keys;
  std::vector<Record> records;
  std::vector<std::uint64_t> hashes;
  Builder& mb = const_cast<Builder&>(b);
  for (const auto& [text, recs] : b.keys) {
    if (recs.size() > 0xffff) fail(path, 0, "too many records for one key");
    Key k{mb.intern(text), static_cast<std::uint16_t>(text.size()), static_cast<std::uint16_t>(recs.size()),
          static_cast<std::uint32_t>(records.size())};
    keys.push_back(k);
    hashes.push_back(hash(text));
    records.insert(records.end(), recs.begin(), recs.end());
  }
  std::size_t slots = 1024;
  while (slots < keys.size() * 2) slots *= 2;
  std::vector<Slot> table(slots, Slot{0, kEmptySlot, 0, 0, 0});
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].text == kEmptySlot) fail(path, 0, "the string pool is too large");
    std::size_t s = hashes[i] & (slots - 1);
    while (table[s].text != kEmptySlot) s = (s + 1) & (slots - 1);
    table[s] = Slot{static_cast<std::uint32_t>(hashes[i] >> 32), keys[i].text, keys[i].first_record, keys[i].length,
                    keys[i].record_count};
  }

  std::ostringstream o;
  o << "// Generated by kurdi_lexicon_compiler from data/lexicon/. Do not edit.\n"
       "#include \"morph/lexicon_format.hpp\"\n\n"
       "namespace kurdi::morph::data {\n"
       "using namespace kurdi::morph::format;\n";
  // (the inputs were checked for quotes and backslashes)
  o << "extern const char kPool[];\nconst char kPool[] =\n";
  kurdi::data_compiler::write_pool_literal(o, b.pool);
  o << ";\n";
  o << "extern const std::size_t kPoolSize;\nconst std::size_t kPoolSize = " << b.pool.size() << ";\n";
  // (The keys themselves are in the slots, kSlots below: no array of them.)
  o << "extern const std::size_t kKeyCount;\nconst std::size_t kKeyCount = " << keys.size() << ";\n";
  o << "extern const Record kRecords[];\nconst Record kRecords[] = {\n";
  for (const auto& r : records)
    o << "  {" << r.freq << "u, " << r.verb << ", Kind(" << int(r.kind) << "), Upos(" << int(r.upos) << "), "
      << r.preverb_bytes << "},\n";
  o << "};\nextern const std::size_t kRecordCount;\nconst std::size_t kRecordCount = " << records.size() << ";\n";
  // The longest verb stem key: the analyzer stops growing a stem past it.
  std::size_t max_stem = 0;
  for (const auto& [text, recs] : b.keys)
    for (const auto& r : recs)
      if (is_verb_stem(r.kind)) max_stem = std::max(max_stem, text.size());
  o << "extern const std::size_t kMaxVerbStemBytes;\nconst std::size_t kMaxVerbStemBytes = " << max_stem << ";\n";
  o << "extern const Verb kVerbs[];\nconst Verb kVerbs[] = {\n";
  for (const auto& v : b.verbs)
    o << "  {" << v.infinitive << "u, " << v.infinitive_length << ", " << v.preverb_bytes << ", " << v.freq << "u, "
      << v.lemma_verb << ", " << int(v.transitive) << ", " << int(v.causative) << "},\n";
  if (b.verbs.empty()) o << "  {0u, 0, 0, 0u, 0, 2, 0},\n";
  o << "};\nextern const std::size_t kVerbCount;\nconst std::size_t kVerbCount = " << b.verbs.size() << ";\n";
  o << "extern const Form kForms[];\nconst Form kForms[] = {\n";
  for (const auto& f : b.forms)
    o << "  {" << f.lemma << "u, " << f.features << "u, " << f.morphemes << "u, " << f.lemma_length << ", "
      << f.features_length << ", " << f.morphemes_length << ", Upos(" << int(f.upos) << ")},\n";
  if (b.forms.empty()) o << "  {0u, 0u, 0u, 0, 0, 0, Upos(0)},\n";
  o << "};\nextern const std::size_t kFormCount;\nconst std::size_t kFormCount = " << b.forms.size() << ";\n";
  o << "extern const Slot kSlots[];\nconst Slot kSlots[] = {\n";
  for (std::size_t s = 0; s < table.size(); ++s) {
    const Slot& t = table[s];
    o << "{" << t.tag << "u," << t.text << "u," << t.first_record << "u," << t.length << "," << t.record_count << "},";
    if (s % 4 == 3) o << "\n";
  }
  o << "};\nextern const std::size_t kSlotCount;\nconst std::size_t kSlotCount = " << table.size() << ";\n";
  // A prefix filter (lexicon_format.hpp) over the keys whose records pass
  // `wanted`: every prefix of each, at character boundaries.
  auto prefix_filter = [&](auto&& wanted) {
    std::vector<std::uint64_t> words(std::size_t{1} << kPrefixFilterWordBits, 0);
    for (const auto& [text, recs] : b.keys) {
      if (!wanted(recs)) continue;
      for (std::size_t n = 1; n <= text.size(); ++n) {
        if (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) continue;
        const std::uint64_t h = hash(std::string_view(text).substr(0, n));
        words[prefix_filter_word(h)] |= prefix_filter_bits(h);
      }
    }
    return words;
  };
  auto any_record = [](const std::vector<Record>& recs, auto&& pred) { return std::any_of(recs.begin(), recs.end(), pred); };
  auto headword = [](const Record& r) { return r.kind == Kind::headword; };
  // The first tier's: every key but those that are headwords only, which it
  // never reads (its prefix passes would otherwise run on along them;
  // headwords() has its own filter).
  const auto filter = prefix_filter([&](const auto& recs) {
    return any_record(recs, [&](const Record& r) { return !headword(r); });
  });
  // The keys that are verb stems (with their preverbs): the verb search grows
  // a stem after every prefix a word may have, and most of those texts begin
  // some noun but no verb stem.
  const auto verb_filter = prefix_filter([&](const auto& recs) {
    return any_record(recs, [](const Record& r) { return is_verb_stem(r.kind); });
  });
  // The headwords, for headwords(), which runs on words nothing else explains.
  const auto headword_filter = prefix_filter([&](const auto& recs) { return any_record(recs, headword); });
  for (const auto& [name, words] : {std::pair<const char*, const std::vector<std::uint64_t>*>{"kPrefixFilter", &filter},
                                    {"kVerbPrefixFilter", &verb_filter},
                                    {"kHeadwordPrefixFilter", &headword_filter}}) {
    o << "extern const std::uint64_t " << name << "[];\nconst std::uint64_t " << name << "[] = {\n";
    for (std::size_t w = 0; w < words->size(); ++w) {
      o << (*words)[w] << "ull,";
      if (w % 8 == 7) o << "\n";
    }
    o << "};\n";
  }
  o << "}  // namespace kurdi::morph::data\n";

  kurdi::data_compiler::write_if_changed(path, o.str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: kurdi_lexicon_compiler OUTPUT.cpp WORDS.tsv VERBS.tsv IRREGULAR_FORMS.tsv HEADWORDS.tsv\n";
    return 2;
  }
  Builder b;
  const std::string words = argv[2], verbs = argv[3], irregular = argv[4], headwords = argv[5];
  std::vector<std::string> infinitives, presents;  // per verb, for the causative rule

  // words.tsv: lemma, upos, freq, sources
  for_each_row(words, 4, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[0].empty()) fail(words, line, "empty lemma");
    Upos upos = parse_upos(c[1], words, line);
    if (upos == Upos::VERB) fail(words, line, "verbs belong in verbs.tsv");
    b.add(c[0], Record{parse_freq(c[2], words, line), -1, Kind::lemma, upos, 0});
  });

  // verbs.tsv: infinitive, preverb, past, present, transitivity, freq, sources
  //            [, passive past, passive present]
  for_each_row(verbs, 7, [&](const std::vector<std::string>& c, std::size_t line) {
    const std::string& inf = c[0];
    std::string preverb = c[1] == "-" ? std::string() : c[1];
    if (inf.empty()) fail(verbs, line, "empty infinitive");
    if (!preverb.empty() && inf.compare(0, preverb.size(), preverb) != 0)
      fail(verbs, line, "infinitive '" + inf + "' does not start with its preverb '" + preverb + "'");
    auto id = static_cast<std::int32_t>(b.verbs.size());
    Verb v{b.intern(inf), static_cast<std::uint16_t>(inf.size()), static_cast<std::uint16_t>(preverb.size()),
           parse_freq(c[5], verbs, line), id, static_cast<std::uint8_t>(c[4] == "tr" ? 1 : c[4] == "intr" ? 0 : 2),
           0};
    b.verbs.push_back(v);
    infinitives.push_back(inf);
    presents.push_back(c[3]);
    add_stems(b, c[2], Kind::past, id, preverb, verbs, line);
    add_stems(b, c[3], Kind::present, id, preverb, verbs, line);
    const bool listed_passive = c.size() >= 9 && (c[7] != "-" || c[8] != "-");
    if (listed_passive) {
      // A listed X+را or X+رێ also gets its -در- form where X takes one
      // (ژمێررا -> ژمێردرا), unless the source lists that too.
      for (const auto& [list, kind] : {std::pair{&c[7], Kind::passive_past}, std::pair{&c[8], Kind::passive_present}}) {
        add_stems(b, *list, kind, id, preverb, verbs, line);
        if (*list == "-") continue;
        const auto listed = split(*list, ',');
        for (const auto& stem : listed) {
          std::string dr = dr_form_of_listed_passive(stem, preverb.size());
          if (!dr.empty() && std::find(listed.begin(), listed.end(), dr) == listed.end())
            add_stems(b, dr, kind, id, preverb, verbs, line);
        }
      }
    } else if (c[3] != "-" && c[4] != "intr") {
      // No source lists the passive: it is regular (passive_stems.hpp). An
      // intransitive verb has none (هاتن would give ێرا, which read کامێرای
      // as کام + ێرا + ی).
      for (const auto& present : split(c[3], ','))
        for (const auto& p : regular_passive_stems(present, preverb.size())) {
          add_stems(b, p.past, Kind::passive_past, id, preverb, verbs, line);
          add_stems(b, p.present, Kind::passive_present, id, preverb, verbs, line);
        }
    }
    if (!preverb.empty()) b.add(preverb, Record{0, -1, Kind::preverb, Upos::X, 0});
  });

  link_causatives(b, infinitives, presents);

  // irregular_forms.tsv: form, lemma, upos, features, morphemes
  for_each_row(irregular, 5, [&](const std::vector<std::string>& c, std::size_t line) {
    std::string joined;
    for (const auto& m : split(c[4], '+')) {
      joined += m.substr(0, m.find('/'));
      // the analyzer keeps a morpheme's tag length in one byte
      if (m.find('/') != std::string::npos && m.size() - m.find('/') - 1 > 255)
        fail(irregular, line, "morpheme tag longer than 255 bytes in '" + m + "'");
    }
    if (joined != c[0]) fail(irregular, line, "morphemes '" + c[4] + "' do not spell the form '" + c[0] + "'");
    auto u16 = [&](const std::string& s) {
      if (s.size() > 0xffff) fail(irregular, line, "field too long");
      return static_cast<std::uint16_t>(s.size());
    };
    Form f{b.intern(c[1]), b.intern(c[3]),   b.intern(c[4]),
           u16(c[1]),      u16(c[3]),        u16(c[4]),
           parse_upos(c[2], irregular, line)};
    b.add(c[0], Record{0, static_cast<std::int32_t>(b.forms.size()), Kind::form, f.upos, 0});
    b.forms.push_back(f);
  });

  // headwords.tsv: headword, freq (RULE W11: words no lexicon above gives,
  // so the script never writes a key of words.tsv or verbs.tsv here)
  for_each_row(headwords, 2, [&](const std::vector<std::string>& c, std::size_t line) {
    if (c[0].empty()) fail(headwords, line, "empty headword");
    if (auto it = b.keys.find(c[0]); it != b.keys.end())
      for (const auto& r : it->second)
        if (r.kind == Kind::lemma) fail(headwords, line, "'" + c[0] + "' is a word of words.tsv already");
    b.add(c[0], Record{parse_freq(c[1], headwords, line), -1, Kind::headword, Upos::X, 0});
  });

  write_cpp(b, argv[1]);
  return 0;
}
