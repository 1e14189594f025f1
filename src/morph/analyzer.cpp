// The analyzer: every segmentation of a word that the morphotactics allow
// and the lexicon backs, ranked. Nominal forms are a lexicon lemma followed by
// a suffix chain; verb forms are [preverb] [clitic] [negation/aspect/mood]
// [clitic] stem + suffix chain, where the stem (with its preverb) is a
// lexicon stem. The clitic stands after the first element of the verb
// complex (هەڵیگرت, نەیکرد, دەیانگوت, کارمانکرد), which is why the preverb
// is split off and the stem looked up with it re-attached.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "morph/lexicon.hpp"
#include "morph/morphotactics.hpp"
#include "text/utf8.hpp"

namespace kurdi {
namespace {

using morph::After;
using morph::Arc;
using morph::Kind;
using morph::Record;
using morph::State;

// Letters that are always vowels; و and ی are vowels or glides, so they
// satisfy both "after a vowel" and "after a consonant".
bool after_ok(std::string_view before, After after) {
  if (after == After::any || before.empty()) return after == After::any;
  unsigned len = 0;
  const auto* b = text::bytes(before.data());
  const char32_t cp = text::decode_before(b, b + before.size(), &len);
  const bool glide = cp == U'\u0648' || cp == U'\u06CC';
  const bool vowel = cp == U'\u0627' || cp == U'\u06D5' || cp == U'\u06C6' || cp == U'\u06CE';
  if (after == After::vowel) return vowel || glide;
  return !vowel;
}

bool starts_with(std::string_view s, std::size_t pos, std::string_view piece) {
  return s.size() - pos >= piece.size() && s.compare(pos, piece.size(), piece) == 0;
}

/// A morpheme while searching: byte range, tag, features.
struct Piece {
  std::size_t begin, end;
  std::string_view tag;
  std::string_view features;
  bool nominal = false;  ///< a nominal suffix after an infinitive or participle
};

std::string_view unimorph_pos(morph::Upos upos) {
  using U = morph::Upos;
  switch (upos) {
    case U::NOUN: return "N";
    case U::PROPN: return "PROPN";
    case U::ADJ: return "ADJ";
    case U::ADV: return "ADV";
    case U::PRON: return "PRO";
    case U::NUM: return "NUM";
    case U::ADP: return "ADP";
    case U::CCONJ:
    case U::SCONJ: return "CONJ";
    case U::PART: return "PART";
    case U::INTJ: return "INTJ";
    case U::DET: return "DET";
    case U::VERB: return "V";
    case U::X: return "X";
  }
  return "X";
}

// Ranking: every affix costs 1, a frequent stem earns up to ~2 back, and a
// verb form read without any verbal affix (a bare stem) pays extra, since
// most bare strings that match a stem are nouns or particles.
constexpr float kAffixCost = 1.0f;
constexpr float kFreqWeight = 0.1f;
constexpr float kWholeWordBonus = 0.5f;
constexpr float kBareVerbCost = 1.5f;
// An irregular form from the table counts like a form with one affix.
constexpr float kIrregularCost = 0.5f;

float freq_credit(std::uint32_t freq) { return kFreqWeight * std::log2(1.0f + static_cast<float>(freq)); }

class Search {
 public:
  explicit Search(std::string_view form) : form_(form) {}

  std::vector<Analysis> run() {
    irregular();
    nominal();
    verbal();
    std::stable_sort(out_.begin(), out_.end(), [](const Analysis& a, const Analysis& b) { return a.cost < b.cost; });
    // One analysis per (lemma, upos, features, segmentation): clitic ی and
    // ezafe ی can give the same reading twice through different states.
    std::vector<Analysis> unique;
    for (auto& a : out_) {
      bool dup = std::any_of(unique.begin(), unique.end(), [&](const Analysis& u) {
        return u.lemma == a.lemma && u.upos == a.upos && u.features == a.features && u.stem == a.stem;
      });
      if (!dup) unique.push_back(std::move(a));
    }
    return unique;
  }

 private:
  // --- irregular forms (data/morph/irregular_forms.tsv) --------------------
  void irregular() {
    for (const Record& r : morph::lookup(form_)) {
      if (r.kind != Kind::form) continue;
      const morph::format::Form& f = morph::irregular_form(r.verb);
      Analysis a;
      a.form = std::string(form_);
      a.lemma = std::string(morph::pool_string(f.lemma, f.lemma_length));
      a.upos = morph::format::kUposNames[static_cast<std::size_t>(f.upos)];
      a.features = std::string(morph::pool_string(f.features, f.features_length));
      a.known = true;
      a.cost = kIrregularCost;
      // "text/TAG+text+...": the untagged piece is the stem
      std::string_view spec = morph::pool_string(f.morphemes, f.morphemes_length);
      std::size_t pos = 0;
      while (!spec.empty()) {
        const std::size_t plus = spec.find('+');
        std::string_view piece = spec.substr(0, plus);
        spec = plus == std::string_view::npos ? std::string_view() : spec.substr(plus + 1);
        const std::size_t slash = piece.find('/');
        const std::string_view text = piece.substr(0, slash);
        const std::string_view tag = slash == std::string_view::npos ? "stem" : piece.substr(slash + 1);
        if (tag == "stem") a.stem = std::string(text);
        a.morphemes.push_back({pos, pos + text.size(), tag});
        pos += text.size();
      }
      out_.push_back(std::move(a));
    }
  }

  // --- nominal forms -----------------------------------------------------
  void nominal() {
    for (std::size_t j = form_.size(); j > 0; --j) {
      if (j < form_.size() && (static_cast<unsigned char>(form_[j]) & 0xC0) == 0x80) continue;
      std::string_view key = form_.substr(0, j);
      for (const Record& r : morph::lookup(key))
        if (r.kind == Kind::lemma) nominal_from(key, j, r, /*elided_e=*/false);
      // ە-final stems lose the ە before the plural ان (وشە -> وشان, وشانە)
      if (starts_with(form_, j, "ان")) {
        std::string with_e(key);
        with_e += "ە";
        for (const Record& r : morph::lookup(with_e))
          if (r.kind == Kind::lemma) nominal_from(with_e, j, r, /*elided_e=*/true);
      }
    }
  }

  void nominal_from(std::string_view stem, std::size_t j, const Record& r, bool elided_e) {
    stem_ = std::string(stem);
    pieces_.clear();
    pieces_.push_back({0, j, "stem", ""});
    base_cost_ = -freq_credit(r.freq);
    upos_ = r.upos;
    verb_ = -1;
    require_a_ = elided_e;
    suffixes(j, State::n_stem, /*nominal_mode=*/true);
  }

  // --- verb forms --------------------------------------------------------
  void verbal() {
    // Where a preverb (or the nominal part of a compound verb) may end.
    std::vector<std::size_t> splits{0};
    for (std::size_t i = 1; i < form_.size(); ++i) {
      if ((static_cast<unsigned char>(form_[i]) & 0xC0) == 0x80) continue;
      for (const Record& r : morph::lookup(form_.substr(0, i)))
        if (r.kind == Kind::preverb) {
          splits.push_back(i);
          break;
        }
    }
    for (std::size_t i : splits) {
      for (const auto& p : morph::verb_prefixes()) {
        if (!starts_with(form_, i, p.surface)) continue;
        const std::size_t after_prefix = i + p.surface.size();
        // [preverb][prefix][clitic] stem, or [preverb][clitic][prefix] stem
        verb_at(i, p, i, after_prefix, nullptr, 0);
        if (!p.surface.empty() || i > 0) {
          for (const auto& c : morph::clitics()) {
            if (starts_with(form_, after_prefix, c.surface))
              verb_at(i, p, i, after_prefix + c.surface.size(), &c, after_prefix);
            const std::size_t prefix_after_clitic = i + c.surface.size();
            if (i > 0 && !p.surface.empty() && starts_with(form_, i, c.surface) &&
                starts_with(form_, prefix_after_clitic, p.surface))
              verb_at(i, p, prefix_after_clitic, prefix_after_clitic + p.surface.size(), &c, i);
          }
        }
      }
    }
  }

  // The preverb is form_[0, i), the prefix starts at prefix_at, the clitic
  // (if any) at clitic_at, the stem at k.
  void verb_at(std::size_t i, const morph::Prefix& p, std::size_t prefix_at, std::size_t k,
               const morph::Clitic* clitic, std::size_t clitic_at) {
    if (k >= form_.size()) return;
    const bool infix = k > i;  // something stands between preverb and stem
    std::string key(form_.substr(0, i));
    for (std::size_t j = k + 1; j <= form_.size(); ++j) {
      if (j < form_.size() && (static_cast<unsigned char>(form_[j]) & 0xC0) == 0x80) continue;
      key.resize(i);
      key.append(form_.substr(k, j - k));
      verb_stem(key, i, p, prefix_at, k, j, clitic, clitic_at, infix, /*alternant=*/false);
      // Present stems in ە / ۆ show ا / وا before the 3sg ت: دەکات (کە), دەخوات (خۆ).
      if (j < form_.size() && starts_with(form_, j, "ت")) {
        std::string_view base(key);
        if (base.size() > i + 2 && base.ends_with("وا")) {
          std::string alt(base.substr(0, base.size() - 4));
          alt += "ۆ";
          verb_stem(alt, i, p, prefix_at, k, j, clitic, clitic_at, infix, true);
        } else if (base.size() > i && base.ends_with("ا")) {
          std::string alt(base.substr(0, base.size() - 2));
          alt += "ە";
          verb_stem(alt, i, p, prefix_at, k, j, clitic, clitic_at, infix, true);
        }
      }
    }
  }

  void verb_stem(std::string_view key, std::size_t i, const morph::Prefix& p, std::size_t prefix_at, std::size_t k,
                 std::size_t j, const morph::Clitic* clitic, std::size_t clitic_at, bool infix, bool alternant) {
    for (const Record& r : morph::lookup(key)) {
      if (r.kind == Kind::lemma || r.kind == Kind::preverb) continue;
      if (infix ? r.preverb_bytes != i : (i != 0)) continue;
      if (i == 0 && k > 0 && r.preverb_bytes != 0) continue;  // a prefix before a preverb: دەهەڵگرت
      const bool present = r.kind == Kind::present || r.kind == Kind::passive_present;
      if (alternant && !present) continue;
      if (present && p.past_only) continue;
      if (!present && p.present_only) continue;
      // Present verbs carry a prefix (دە ئە ب نا مە نە) or stand after a preverb (هەبێت).
      if (present && p.surface.empty() && r.preverb_bytes == 0) continue;
      const morph::Verb& v = morph::verb(r.verb);
      stem_ = std::string(key);
      pieces_.clear();
      if (i > 0) pieces_.push_back({0, i, "preverb", ""});
      // prefix and clitic in the order they stand
      if (clitic && clitic_at < prefix_at) pieces_.push_back({clitic_at, prefix_at, clitic->tag, ""});
      if (!p.surface.empty()) pieces_.push_back({prefix_at, prefix_at + p.surface.size(), p.tag, p.features});
      if (clitic && clitic_at > prefix_at) pieces_.push_back({clitic_at, k, clitic->tag, ""});
      if (clitic && clitic_at == prefix_at && p.surface.empty()) pieces_.push_back({clitic_at, k, clitic->tag, ""});
      pieces_.push_back({k, j, "stem", ""});
      kind_ = r.kind;
      verb_ = r.verb;
      upos_ = morph::Upos::VERB;
      require_a_ = false;
      base_cost_ = -freq_credit(v.freq) + kAffixCost * static_cast<float>(pieces_.size() - 1 - (i > 0 ? 1 : 0));
      suffixes(j, present ? State::v_present : State::v_past, /*nominal_mode=*/false);
    }
  }

  // --- the suffix chain ----------------------------------------------------
  void suffixes(std::size_t pos, State state, bool nominal_mode) {
    if (pos == form_.size()) {
      if (morph::accepting(state)) emit();
      return;
    }
    auto walk = [&](State from, bool nominal) {
      for (const Arc& a : morph::arcs_from(from)) {
        if (require_a_ && pieces_.size() == 1 && !a.surface.starts_with("ا")) continue;
        if (!starts_with(form_, pos, a.surface)) continue;
        if (!after_ok(form_.substr(0, pos), a.after)) continue;
        pieces_.push_back({pos, pos + a.surface.size(), a.tag, a.features, nominal && verb_ >= 0});
        suffixes(pos + a.surface.size(), a.to, nominal);
        pieces_.pop_back();
      }
    };
    walk(state, nominal_mode);
    // Infinitives and participles take the nominal suffixes (کردنەکە, کراوەکان).
    if (!nominal_mode &&
        (state == State::v_infinitive || state == State::v_infinitive_ewe || state == State::v_perfect))
      walk(State::n_stem, true);
  }

  void emit() {
    Analysis a;
    a.form = std::string(form_);
    a.known = true;
    std::size_t affixes = 0;
    for (const Piece& p : pieces_)
      if (p.tag != "stem" && p.tag != "preverb") ++affixes;
    a.cost = base_cost_;
    if (verb_ < 0) {
      a.cost += kAffixCost * static_cast<float>(affixes);
      if (affixes == 0) a.cost -= kWholeWordBonus;
      a.lemma = stem_;
      a.stem = stem_;
      a.upos = morph::format::kUposNames[static_cast<std::size_t>(upos_)];
      a.features = unimorph_pos(upos_);
      for (const Piece& p : pieces_)
        if (!p.features.empty()) (a.features += ';') += p.features;
    } else {
      const morph::Verb& v = morph::verb(verb_);
      a.cost += kAffixCost * static_cast<float>(suffix_count_after_stem());
      a.lemma = std::string(morph::infinitive(morph::verb(v.lemma_verb)));
      a.stem = stem_;
      a.upos = "VERB";
      a.features = verb_features();
      if (affixes == 0) a.cost += kBareVerbCost;
    }
    for (const Piece& p : pieces_) a.morphemes.push_back({p.begin, p.end, p.tag});
    out_.push_back(std::move(a));
  }

  std::size_t suffix_count_after_stem() const {
    std::size_t n = 0;
    bool after = false;
    for (const Piece& p : pieces_) {
      if (p.tag == "stem") {
        after = true;
        continue;
      }
      if (after) ++n;
    }
    return n;
  }

  // UniMorph-style bundle for a verb form, in the order the gold uses:
  // V;tense;aspect;mood;NEG;PASS;argument;language-specific.
  std::string verb_features() const {
    bool infinitive = false, participle = false, perfect = false, pluperfect = false, sbjv = false, imp = false;
    bool ipfv = false, neg = false, ewe = false, dir = false;
    std::string_view person, clitic_person;
    std::string tail;
    bool after_stem = false;
    for (const Piece& p : pieces_) {
      if (p.tag == "stem") {
        after_stem = true;
        continue;
      }
      const std::string_view t = p.tag;
      if (!after_stem) {
        if (t.find("NEG") != std::string_view::npos) neg = true;
        if (t.find("IPFV") != std::string_view::npos) ipfv = true;
        if (t == "SBJV") sbjv = true;
        if (t == "NEG.IMP") imp = true;
        if (t.starts_with("CL.")) clitic_person = t.substr(3);
        continue;
      }
      if (t == "INF") infinitive = true;
      else if (t == "PRF") perfect = true;
      else if (t == "PLUP") pluperfect = true;
      else if (t == "PRF.SBJV") sbjv = perfect = true;
      else if (t == "V.EWE") ewe = true;
      else if (t == "DIR") dir = true;
      else if (t == "IMP.2S") imp = true, person = "2S";
      else if (t.starts_with("PRS.") || t.starts_with("PST.") || t.starts_with("PRF.")) person = t.substr(4);
      else if (t.starts_with("CL.") && !p.nominal) clitic_person = t.substr(3);
      if (p.nominal && !p.features.empty()) (tail += ';') += p.features;
    }
    if (imp && person.empty()) person = "2S";  // a bare imperative addresses one person
    const bool passive = kind_ == Kind::passive_past || kind_ == Kind::passive_present;
    const bool present = kind_ == Kind::present || kind_ == Kind::passive_present;
    participle = perfect && !pluperfect && person.empty() && clitic_person.empty() && !sbjv && !tail.empty();
    std::string f;
    if (infinitive) {
      f = "V.MSDR";
      if (neg) f += ";NEG";
      return f + tail;
    }
    if (participle || (perfect && person.empty() && clitic_person.empty() && !has_piece("PRF.3S") && !sbjv)) {
      f = "V.PTCP";
      if (neg) f += ";NEG";
      if (passive) f += ";PASS";
      return f + tail;
    }
    f = "V";
    if (imp) f += ";IMP";
    else if (present) f += ";PRS";
    else if (perfect && !pluperfect) f += ";PRS;PRF";
    else {
      f += ";PST";
      if (pluperfect) f += ";PRF";
      else if (ipfv) f += ";IPFV";
    }
    if (!imp) f += sbjv ? ";SBJV" : ";IND";
    if (neg) f += ";NEG";
    if (passive) f += ";PASS";
    const morph::Verb& v = morph::verb(verb_);
    if (v.causative) f += ";CAUS";
    const bool transitive_past = !present && v.transitive == 1 && !passive;
    if (transitive_past) {
      std::string_view agent = !clitic_person.empty() ? clitic_person : person;
      if (!agent.empty()) (f += ";LGSPEC8(") += std::string(agent) + ")";
    } else {
      if (!person.empty()) (f += ";ARGNO") += person;
      if (!clitic_person.empty()) (f += ";ARGAC") += clitic_person;
    }
    if (ewe) f += ";LGSPEC3";
    if (dir) f += ";LGSPEC2";
    return f + tail;
  }

  bool has_piece(std::string_view tag) const {
    return std::any_of(pieces_.begin(), pieces_.end(), [&](const Piece& p) { return p.tag == tag; });
  }

  std::string_view form_;
  std::vector<Analysis> out_;
  // the analysis being built
  std::string stem_;
  std::vector<Piece> pieces_;
  float base_cost_ = 0;
  morph::Upos upos_ = morph::Upos::X;
  std::int32_t verb_ = -1;
  Kind kind_ = Kind::lemma;
  bool require_a_ = false;
};

std::string normalized_word(std::string_view word) {
  std::string form = normalize(word);
  // Analysis is per word: surrounding spaces are not part of it.
  const auto first = form.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = form.find_last_not_of(" \t\r\n");
  return form.substr(first, last - first + 1);
}

}  // namespace

std::vector<Analysis> analyze(std::string_view word) {
  std::string form = normalized_word(word);
  if (form.empty()) return {};
  std::vector<Analysis> result = Search(form).run();
  if (result.empty()) {
    Analysis a;
    a.form = form;
    a.lemma = form;
    a.stem = form;
    a.upos = "X";
    a.features = "X";
    a.known = false;
    a.morphemes.push_back({0, form.size(), "stem"});
    result.push_back(std::move(a));
  }
  return result;
}

std::string lemma(std::string_view word) {
  auto analyses = analyze(word);
  return analyses.empty() ? std::string() : analyses.front().lemma;
}

// Stems within this cost of the best analysis are returned too, so that a
// form with two common readings (کوردی: the adjective, and کورد + ی) is
// indexed under both.
constexpr float kStemMargin = 1.5f;

namespace {

// Morphemes the morpheme tokenization splits off (the rest stays attached).
bool splits_off(std::string_view tag) {
  return tag == "DEF" || tag == "DEF.PL" || tag == "INDF" || tag == "EZ" || tag == "ADD" || tag == "DA" ||
         tag == "EWE" || tag == "RA" || tag.starts_with("COP.") || tag.starts_with("CL.");
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> morpheme_tokens(std::string_view word, std::string* normalized) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  auto analyses = analyze(word);
  if (analyses.empty()) {
    if (normalized) normalized->clear();
    return out;
  }
  const Analysis& a = analyses.front();
  if (normalized) *normalized = a.form;
  // Everything up to the first split-off morpheme after the stem is one
  // token (prefixes, preverbs and clitics inside a verb complex included);
  // from there on, each split-off morpheme is a token and any other one
  // (a plural ان, a demonstrative ە) stays with the token before it.
  std::size_t stem_index = 0;
  for (std::size_t i = 0; i < a.morphemes.size(); ++i)
    if (a.morphemes[i].tag == "stem") stem_index = i;
  std::size_t begin = 0;
  bool after_nominal = a.upos != "VERB";
  for (std::size_t i = stem_index + 1; i < a.morphemes.size(); ++i) {
    const Morpheme& m = a.morphemes[i];
    if (m.tag == "INF") after_nominal = true;  // an infinitive inflects as a noun
    // In a verb form, only the nominal suffixes of an infinitive or a
    // participle split; verbal clitics and endings stay in the verb.
    if (!after_nominal && m.tag != "CL.1S" && m.tag != "CL.2S" && m.tag != "CL.3S" && m.tag != "CL.1P" &&
        m.tag != "CL.2P" && m.tag != "CL.3P" && splits_off(m.tag))
      after_nominal = true;
    if (!after_nominal || !splits_off(m.tag)) continue;
    if (m.begin > begin) out.emplace_back(begin, m.begin);
    begin = m.begin;
  }
  out.emplace_back(begin, a.form.size());
  return out;
}

std::vector<std::string> stems(std::string_view word) {
  auto analyses = analyze(word);
  std::vector<std::string> out;
  if (analyses.empty()) return out;
  if (!analyses.front().known) {
    out.push_back(analyses.front().form);
    return out;
  }
  const float best = analyses.front().cost;
  for (const auto& a : analyses) {
    if (a.cost > best + kStemMargin) break;
    const std::string& s = a.upos == "VERB" ? a.lemma : a.stem;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

}  // namespace kurdi
