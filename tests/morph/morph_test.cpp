// Morphology: stems, lemmas and analyses of the forms issue 3 names, one
// group per morphological class. These are grammar cases written for the
// tests, not taken from any evaluation set.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "kurdi/morph.hpp"
#include "kurdi/version.hpp"

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The best analysis of a word.
kurdi::Analysis first(std::string_view word) { return kurdi::analyze(word).front(); }

// The morphemes put back together.
std::string joined(const kurdi::Analysis& a) {
  std::string out;
  for (const auto& m : a.morphemes) out += a.form.substr(m.begin, m.end - m.begin);
  return out;
}

// --- search stemmer ----------------------------------------------------------

TEST(Stem, StackedNominalSuffixes) {
  EXPECT_EQ(kurdi::stems("بەرپرسەکانی").front(), "بەرپرس");
  EXPECT_EQ(kurdi::stems("بەرپرسانی").front(), "بەرپرس");
  EXPECT_TRUE(contains(kurdi::stems("گوڵەکانم"), "گوڵ"));
  EXPECT_EQ(kurdi::stems("کتێبەکانیشمان").front(), "کتێب");
}

TEST(Stem, IndefinitePlural) {
  // ان + ێک "some ...", after vowels یانێک; clitics and -یش may follow.
  EXPECT_EQ(kurdi::lemma("کەسانێک"), "کەس");
  EXPECT_EQ(kurdi::lemma("خەڵکانێک"), "خەڵک");
  EXPECT_EQ(kurdi::lemma("پیاوانێکی"), "پیاو");
  EXPECT_EQ(kurdi::lemma("برایانێک"), "برا");
  EXPECT_EQ(kurdi::stems("کەسانێکیش").front(), "کەس");
  // A stem ending in ان takes the singular ێک: not میوە + انێک or a participle.
  EXPECT_EQ(kurdi::lemma("میوانێک"), "میوان");
  EXPECT_EQ(kurdi::lemma("دیوانێک"), "دیوان");
  EXPECT_EQ(kurdi::lemma("زمانێک"), "زمان");
}

TEST(Stem, WholeWordsAreNeverCut) {
  // A naive -ان rule makes کوردستان کوردست (ANCHORS.md).
  EXPECT_EQ(kurdi::stems("کوردستان"), std::vector<std::string>{"کوردستان"});
}

TEST(Stem, AmbiguousFormGivesEveryStem) {
  const auto s = kurdi::stems("کوردی");
  EXPECT_TRUE(contains(s, "کوردی"));
  EXPECT_TRUE(contains(s, "کورد"));
}

TEST(Stem, VerbFormsGiveTheInfinitive) {
  EXPECT_EQ(kurdi::stems("دەکرێت").front(), "کردن");
  EXPECT_EQ(kurdi::stems("نەکراوەتەوە").front(), "کردن");
}

TEST(Stem, UnknownWordIsNormalizedNotCut) {
  // Arabic kaf and yeh are normalized; the made-up word is not cut.
  EXPECT_EQ(kurdi::stems("زژڤەكانی"), std::vector<std::string>{"زژڤەکانی"});
}

// --- lemmas ------------------------------------------------------------------

TEST(Lemma, NounsGiveTheBareSingular) {
  EXPECT_EQ(kurdi::lemma("بەرپرسەکانی"), "بەرپرس");
  EXPECT_EQ(kurdi::lemma("کتێبێک"), "کتێب");
  EXPECT_EQ(kurdi::lemma("ماڵەکەمدا"), "ماڵ");
  EXPECT_EQ(kurdi::lemma("شارەوە"), "شار");
}

TEST(Lemma, AdjectivesGiveThePositive) {
  EXPECT_EQ(kurdi::lemma("جوانترین"), "جوان");
  EXPECT_EQ(kurdi::lemma("گەورەتر"), "گەورە");
}

TEST(Lemma, CliticInsideTheVerbComplex) {
  EXPECT_EQ(kurdi::lemma("دەیانگوت"), "گوتن");
  EXPECT_EQ(kurdi::lemma("هەڵیگرت"), "هەڵگرتن");
  EXPECT_EQ(kurdi::lemma("نەیکرد"), "کردن");
  // قرتاندن is the causative of قرتان; causative is inflection (UniMorph).
  EXPECT_EQ(kurdi::lemma("قرتاندوویانە"), "قرتان");
}

// The perfect of a past stem in وو (no second وو) and the perfect contracted
// to ۆ before ت, where a stem in وو loses its وو.
TEST(Lemma, PerfectAfterWawAndContracted) {
  const auto merged = first("بووەتەوە");
  EXPECT_EQ(merged.lemma, "بوون");
  EXPECT_NE(merged.features.find("PRF"), std::string::npos) << merged.features;
  EXPECT_EQ(kurdi::lemma("چووەتە"), "چوون");
  const auto contracted = first("کردۆتەوە");
  EXPECT_EQ(contracted.lemma, "کردن");
  EXPECT_EQ(contracted.features, "V;PRS;PRF;IND;LGSPEC8(3S);LGSPEC3");  // as کردووەتەوە
  EXPECT_EQ(first("کردووەتەوە").features, contracted.features);
  EXPECT_EQ(kurdi::lemma("هاتۆتە"), "هاتن");
  EXPECT_EQ(kurdi::lemma("بۆتەوە"), "بوون");  // not بۆ + ت + ەوە
  EXPECT_EQ(kurdi::lemma("چۆتە"), "چوون");
  EXPECT_EQ(kurdi::lemma("بڵاویکردۆتەوە"), "بڵاوکردن");
  // the contraction stands only before ت: کردۆ is no perfect
  EXPECT_EQ(kurdi::lemma("کردۆ"), "کردۆ");
}

// The perfect with a person ending before the ت of -ەوە or of the directional
// ـە, and after a past stem in وو, where the perfect's وو merges with the
// stem's: only the ە and ت that follow tell that perfect from the past.
TEST(Lemma, PerfectWithAPersonEndingBeforeT) {
  const auto arrived = first("گەیشتوونەتە");
  EXPECT_EQ(arrived.lemma, "گەیشتن");
  EXPECT_EQ(arrived.features, "V;PRS;PRF;IND;ARGNO3P;LGSPEC2");
  EXPECT_EQ(first("هاتووینەتەوە").features, "V;PRS;PRF;IND;ARGNO1P;LGSPEC3");
  const auto merged = first("بوونەتەوە");
  EXPECT_EQ(merged.lemma, "بوون");
  EXPECT_EQ(merged.features, "V;PRS;PRF;IND;ARGNO3P;LGSPEC3");
  EXPECT_EQ(first("چووینەتە").lemma, "چوون");
  EXPECT_EQ(first("بوومەتە").features, "V;PRS;PRF;IND;ARGNO1S;LGSPEC2");
  // alone, the person ending after وو is the past
  for (const auto& a : kurdi::analyze("بووین")) EXPECT_EQ(a.features.find("PRF"), std::string::npos) << a.features;
  // the ە of the perfect stands only before ت; without the ت, as in speech,
  // the ە after the person ending is the directional (هاتوونە "they have
  // come to", for هاتوونەتە), an intransitive verb's only: a transitive
  // verb's ending there is its agent clitic (کردوومە)
  for (const auto& a : kurdi::analyze("هاتوونە")) {
    if (a.lemma == "هاتن") {
      EXPECT_EQ(a.features, "V;PRS;PRF;IND;ARGNO3P;LGSPEC2");
    }
  }
  EXPECT_EQ(first("هاتوومە").features, "V;PRS;PRF;IND;ARGNO1S;LGSPEC2");
  EXPECT_EQ(first("کردوومە").features, "V;PRS;PRF;IND;ARGER1S;ARGAB3S");
}

// After a past stem in a vowel, وە is the perfect (و + ە), not -ەوە, which
// follows the person ending there (کرایەوە); the perfect's و and ە are one
// ending, so the perfect wins over an adjective the lexicon lists (گەڕاو).
TEST(Lemma, PerfectAfterAStemInAVowel) {
  EXPECT_EQ(first("کراوە").features, "V;PRS;PRF;IND;PASS;ARGNO3S");
  EXPECT_EQ(first("گەڕاوە").lemma, "گەڕان");
  EXPECT_EQ(first("ماوەتەوە").lemma, "مان");
  EXPECT_EQ(first("کرایەوە").features, "V;PST;IND;PASS;ARGNO3S;LGSPEC3");
  for (const auto& a : kurdi::analyze("کراوە")) EXPECT_EQ(a.features.find("LGSPEC3"), std::string::npos) << a.features;
}

// A compound verb the lexicon does not list: a lexicon noun or adjective and
// a light verb's form written as one word. Its lemma is the two together.
TEST(Lemma, LightVerbCompoundTheLexiconDoesNotList) {
  const auto warming = first("گەرمکردنی");
  EXPECT_EQ(warming.lemma, "گەرمکردن");
  EXPECT_EQ(warming.upos, "VERB");
  EXPECT_TRUE(warming.known);
  EXPECT_EQ(warming.features, "V.MSDR;LGSPEC1");
  EXPECT_EQ(joined(warming), "گەرمکردنی");
  EXPECT_EQ(warming.morphemes.front().tag, "preverb");
  EXPECT_EQ(kurdi::stems("گەرمکردنی"), std::vector<std::string>{"گەرمکردن"});
  // the clitic after the nominal part, as in the lexicon's compounds
  const auto made = first("جوانیانکرد");
  EXPECT_EQ(made.lemma, "جوانکردن");
  EXPECT_EQ(made.features, "V;PST;IND;ARGER3P;ARGAB3S");
  EXPECT_EQ(kurdi::lemma("گەورەیانکردووە"), "گەورەکردن");
  EXPECT_EQ(kurdi::lemma("قورسبوونی"), "قورسبوون");
  // بوون's subjunctive, and its bare imperative after an adjective; after a
  // noun بە is the preposition written joined; بین is also بینین's stem
  const auto sure = first("دڵنیابە");
  EXPECT_EQ(sure.lemma, "دڵنیابوون");
  EXPECT_EQ(sure.features, "V;IMP;ARGNO2S");
  EXPECT_EQ(first("دڵنیابن").features, "V;PRS;SBJV;ARGNO3P");
  EXPECT_NE(kurdi::lemma("سوێندبە"), "سوێندبوون");
  EXPECT_NE(kurdi::lemma("ڕەشبین"), "ڕەشبوون");
  for (const auto& a : kurdi::analyze("بە")) EXPECT_NE(a.lemma, "بوون");
  // the longest nominal part: بەهێز + کردنی, not the preposition بە + هێزکردنی
  EXPECT_EQ(kurdi::lemma("بەهێزکردنی"), "بەهێزکردن");
  // an adverb joined to a verb is two words without a space, no compound
  EXPECT_FALSE(first("ئەوەنەبێت").known);
  // nor is a word with a conjunction, postposition or definite کە joined to it
  EXPECT_EQ(kurdi::lemma("ئاشکراو"), "ئاشکرا");  // ئاشکرا + و, not ئاش + کراو
  EXPECT_EQ(kurdi::lemma("زەویداو"), "زەوی");   // زەوی + دا + و
  EXPECT_EQ(kurdi::lemma("ئاییندەدا"), "ئاییندە");  // the guess: ئاییندە + دا, not ئایین + دەدا
  EXPECT_EQ(kurdi::lemma("بیناکە"), "بینا");  // the guess: بینا + کە, not بی + ناکە
  // a session gives the same
  kurdi::Analyzer session;
  EXPECT_EQ(session.lemma("جوانیانکرد"), "جوانکردن");
  EXPECT_EQ(session.stems("گەرمکردنی"), std::vector<std::string>{"گەرمکردن"});
  EXPECT_EQ(session.analyze("گەرمکردنی").front().stem, "گەرمکرد");
}

// چوون and دان's passive make compounds too; a passive takes no clitic
// before it (no agent), and دێ, also the noun "village", is not tried.
TEST(Lemma, LightVerbCompoundWithChwunAndThePassiveOfDan) {
  EXPECT_EQ(kurdi::lemma("ناوچوونی"), "ناوچوون");
  EXPECT_EQ(kurdi::lemma("زگچوونی"), "زگچوون");
  const auto tied = first("گرێدراوە");
  EXPECT_EQ(tied.lemma, "گرێدان");
  EXPECT_EQ(tied.features, "V;PRS;PRF;IND;PASS;ARGNO3S");
  for (const auto& a : kurdi::analyze("ڕاگەیاندرا")) EXPECT_NE(a.lemma, "ڕاگەدان");
  for (const auto& a : kurdi::analyze("کۆنەدێ")) EXPECT_NE(a.upos, "VERB") << a.lemma;
}

// A compound whose nominal part is a prepositional phrase (لە or بە, a noun
// or adjective, دا or nothing): its lemma is the whole, as the lexicon's
// بەکارهێنان. Tried only after the joined preposition before a verbal noun.
TEST(Lemma, CompoundWithAPrepositionalPhrase) {
  const auto a = first("بەدواداچوونی");
  EXPECT_EQ(a.lemma, "بەدواداچوون");
  EXPECT_EQ(a.features, "V.MSDR;LGSPEC1");
  ASSERT_EQ(a.morphemes.size(), 4u);
  EXPECT_EQ(a.morphemes[0].tag, "preverb");
  EXPECT_EQ(a.form.substr(a.morphemes[0].begin, a.morphemes[0].end), "بەدوادا");
  EXPECT_EQ(kurdi::lemma("بەسەرداگرت"), "بەسەرداگرتن");
  EXPECT_EQ(kurdi::lemma("لەخاچدرا"), "لەخاچدان");
  EXPECT_EQ(kurdi::stems("بەدواداچوونەکانی"), std::vector<std::string>{"بەدواداچوون"});
  // the joined preposition before a verbal noun comes first
  EXPECT_EQ(kurdi::lemma("بەئامادەبوونی"), "ئامادەبوون");
}

// A present with neither دە/ئە nor نا is a subjunctive: after ب or نە, and
// with no prefix after a preverb or a compound's nominal part.
// The prohibitive مە speaks to the second person: none or ـە for one, ن for
// several, in speech ی or ێ for one (ranked after a noun that explains the
// word); a first person ending is no prohibitive.
TEST(Features, ProhibitiveSpeaksToTheSecondPerson) {
  EXPECT_EQ(first("مەکە").features, "V;IMP;NEG;ARGNO2S");
  EXPECT_EQ(first("مەکەن").features, "V;IMP;NEG;ARGNO2P");
  EXPECT_EQ(first("هەڵمەگرن").features, "V;IMP;NEG;ARGNO2P");
  EXPECT_EQ(first("مەڕوانی").features, "V;IMP;NEG;ARGNO2S");
  EXPECT_EQ(first("مەیگۆڕێ").lemma, "گۆڕین");  // (its object: the transitive گۆڕین, not گۆڕان)
  EXPECT_EQ(kurdi::lemma("مەبەستی"), "مەبەست");  // مەبەست "purpose" + ezafe first
  for (const auto& r : kurdi::analyze("مەکەم")) EXPECT_NE(r.upos, "VERB");
}

// After an intransitive or passive past stem, ی is the second person (هاتی
// "you came"); the third has no ending. A transitive past's ی is its agent
// clitic, and before -ەوە or the directional ـە after a vowel ی is a glide.
TEST(Features, SecondPersonYehAfterAnIntransitivePast) {
  EXPECT_EQ(first("هاتی").features, "V;PST;IND;ARGNO2S");
  EXPECT_EQ(first("کرای").features, "V;PST;IND;PASS;ARGNO2S");
  EXPECT_EQ(first("کردی").features, "V;PST;IND;LGSPEC8(3S)");
  EXPECT_EQ(first("فەرمووی").features, "V;PST;IND;LGSPEC8(3S)");  // ergative (verb supplement)
  EXPECT_EQ(first("کرایە").features, "V;PST;IND;PASS;ARGNO3S;LGSPEC2");
  EXPECT_EQ(first("گەڕایەوە").features, "V;PST;IND;ARGNO3S;LGSPEC3");
  // rare in written text, the second person gives way to a noun + ezafe
  EXPECT_EQ(kurdi::lemma("دوای"), "دوا");
  EXPECT_EQ(kurdi::lemma("برای"), "برا");
}

// A present stem's spoken second person ی (the written one is یت) costs what
// a noun's suffix does; where the stem and the ی spell the same verb's past
// stem, the past is the reading (دەتوانی "he could").
TEST(Features, SpokenSecondPersonYeh) {
  const auto could = first("دەتوانی");
  EXPECT_EQ(could.lemma, "توانین");
  EXPECT_EQ(could.features, "V;PST;IPFV;IND;LGSPEC8(3S)");
  EXPECT_EQ(first("نەیتوانی").features, "V;PST;IND;NEG;ARGER3S;ARGAB3S");
  EXPECT_EQ(first("دەزانی").features, "V;PST;IPFV;IND;LGSPEC8(3S)");
  // ب and نا do not go with the past: the present stays
  EXPECT_EQ(first("بنووسی").features, "V;PRS;SBJV;ARGNO2S");
  EXPECT_EQ(first("بنووسی").lemma, "نووسین");
  EXPECT_EQ(first("نابینی").features, "V;PRS;IND;NEG;ARGNO2S");
  // the standard ending is unchanged
  EXPECT_EQ(first("دەتوانیت").features, "V;PRS;IND;ARGNO2S");
  // a noun + definite + ezafe is no compound verb's spoken subjunctive
  EXPECT_EQ(kurdi::lemma("داواکەی"), "داوا");
  EXPECT_EQ(kurdi::lemma("قسەکەی"), "قسە");
  EXPECT_EQ(kurdi::lemma("ناکۆکی"), "ناکۆکی");
  EXPECT_EQ(kurdi::lemma("ئەمڕۆی"), "ئەمڕۆ");
}

// After a past stem in ی, the agent clitic یان shares the stem's ی in
// writing (توانیان for توانییان); an intransitive verb has no such clitic.
TEST(Features, AgentCliticYanSharesAPastStemsYeh) {
  const auto they_could = first("توانیان");
  EXPECT_EQ(they_could.lemma, "توانین");
  EXPECT_EQ(they_could.features, "V;PST;IND;LGSPEC8(3P)");
  EXPECT_EQ(kurdi::lemma("بینیان"), "بینین");
  EXPECT_EQ(kurdi::lemma("دۆزیانەوە"), "دۆزین");
  EXPECT_EQ(kurdi::lemma("ماسیان"), "ماسی");  // ماسین is intransitive: the noun's plural
}

// A past with no ending is the third person singular, tagged as UniMorph
// does: the subject of an intransitive or passive verb, the object of a
// transitive one, whose agent clitic inside the verb complex is ARGER.
TEST(Features, PastWithoutAnEndingIsThirdSingular) {
  EXPECT_EQ(first("هات").features, "V;PST;IND;ARGNO3S");
  EXPECT_EQ(first("کرا").features, "V;PST;IND;PASS;ARGNO3S");
  EXPECT_EQ(first("گوت").features, "V;PST;IND;LGSPEC8(3S)");
  EXPECT_EQ(first("دەیانویست").features, "V;PST;IPFV;IND;ARGER3P;ARGAB3S");
  EXPECT_EQ(first("کردوویەتی").features, "V;PRS;PRF;IND;ARGER3S;ARGAB3S");
  EXPECT_EQ(first("کردووە").features, "V;PRS;PRF;IND;LGSPEC8(3S)");
  EXPECT_EQ(first("کردم").features, "V;PST;IND;LGSPEC8(1S)");
}

// After the definite ەکە/ەکان a pronominal clitic is the possessor, PSS, as
// UniMorph tags it; elsewhere it stays LGSPEC9 (حەزم N;LGSPEC9(1S)).
TEST(Features, CliticAfterTheDefiniteIsThePossessor) {
  EXPECT_EQ(first("چاوەکانت").features, "N;DEF;PL;PSS2S");
  EXPECT_EQ(first("بارەکەیاندا").features, "N;DEF;PSS3P;LGSPEC4(DA)");
  EXPECT_EQ(first("کتێبەکانیشمان").features, "N;DEF;PL;LGSPEC5;PSS1P");
  EXPECT_EQ(first("کتێبم").features, "N;LGSPEC9(1S)");
  // (the ی after ەکان stays the ezafe: زانکۆکانی N;DEF;PL;LGSPEC1)
  EXPECT_EQ(first("کتێبەکانی").features, "N;DEF;PL;LGSPEC1");
}

// An adposition's ی is its clitic, not an ezafe, and its clitic is the
// dative argument: پێی "to him" ADP;ARGDA3S.
TEST(Features, AdpositionsCliticIsItsObject) {
  const auto to_him = first("پێی");
  EXPECT_EQ(to_him.features, "ADP;ARGDA3S");
  ASSERT_EQ(to_him.morphemes.size(), 2u);
  EXPECT_EQ(to_him.morphemes[1].tag, "CL.3S");
  EXPECT_EQ(first("بۆیان").features, "ADP;ARGDA3P");
  // لە and بە take no suffix: before a clitic they are لێ, پێ, تێ
  for (const auto& a : kurdi::analyze("لەش")) EXPECT_NE(a.lemma, "لە");
  EXPECT_NE(kurdi::lemma("لەشمان"), "لە");
  for (const auto& a : kurdi::analyze("لێی")) {
    if (a.upos == "ADP") {
      EXPECT_NE(a.morphemes.back().tag, "EZ");
    }
  }
}

// تێ, the form of لە "in" before a clitic or a postposition, makes one
// circumposition with دا: تێیدا "in it", not تێدان's past.
TEST(Lemma, BoundPrepositionWithItsPostposition) {
  const auto in_it = first("تێیدا");
  EXPECT_EQ(in_it.lemma, "تێ");
  EXPECT_EQ(in_it.features, "ADP;ARGDA3S;LGSPEC4(DA)");
  EXPECT_EQ(first("تێدایە").features, "ADP;LGSPEC4(DA);LGSPEC7(3S)");
  EXPECT_EQ(kurdi::lemma("تێیاندا"), "تێ");
  // پێ and لێ are also the preverbs of common verbs: their forms stay verbs
  EXPECT_EQ(kurdi::lemma("پێدان"), "پێدان");
  EXPECT_EQ(kurdi::lemma("لێیدا"), "لێدان");
}

// A pronoun with a first or second person's copula, or with a clitic and a
// copula, earns no pronoun-base bonus: ئەمین and ئەوین are lexicon words.
TEST(Lemma, PronounWithASpeakersCopulaIsNoBase) {
  EXPECT_EQ(kurdi::lemma("ئەمین"), "ئەمین");
  EXPECT_EQ(kurdi::lemma("ئەوین"), "ئەوین");
  EXPECT_EQ(kurdi::lemma("دەوتن"), "وتن");
  EXPECT_EQ(kurdi::lemma("ئەوانەی"), "ئەو");  // the bonus stays for its inflected forms
}

// The perfect's ە left out before the ت (کەوتووتە for کەوتووەتە), and no
// agent clitic after an intransitive verb's perfect (دانیشتووی is the
// participle "resident" + ezafe, not "has sat" with an object).
TEST(Lemma, PerfectContractedAndIntransitivePerfectWithoutClitic) {
  const auto fell = first("کەوتووتە");
  EXPECT_EQ(fell.lemma, "کەوتن");
  EXPECT_EQ(fell.features, "V;PRS;PRF;IND;ARGNO3S;LGSPEC2");
  EXPECT_EQ(kurdi::lemma("هاتووتەوە"), "هاتن");
  for (const auto& a : kurdi::analyze("دانیشتووی")) EXPECT_EQ(a.features.find("ARGAC"), std::string::npos);
  EXPECT_EQ(first("کردوویانە").features, "V;PRS;PRF;IND;ARGER3P;ARGAB3S");
}

// A lexicon adjective that is a verb's participle is that participle (the
// lemma convention), however often the lists write the adjective.
TEST(Lemma, ListedAdjectiveThatIsAParticiple) {
  const auto known = first("ناسراو");
  EXPECT_EQ(known.lemma, "ناسین");
  EXPECT_EQ(known.features, "V.PTCP");
  EXPECT_EQ(kurdi::lemma("یەکگرتووەکان"), "یەکگرتن");
  EXPECT_EQ(kurdi::lemma("یەکگرتووی"), "یەکگرتن");
  // the adjective's reading is still there
  bool adjective = false;
  for (const auto& a : kurdi::analyze("ناسراو")) adjective = adjective || a.upos == "ADJ";
  EXPECT_TRUE(adjective);
  // a participle the lexicon lists as a noun only stays the noun (ناوی)
  EXPECT_EQ(kurdi::lemma("ناوی"), "ناو");
}

// A clitic after a nominal preverb is the agent or object of an active verb
// (or the possessor of an intransitive compound's nominal part): a passive, a
// participle or a verbal noun has none, so دیاریکراو is no دیار + ی + کراو.
TEST(Lemma, NoCliticAfterThePreverbOfAPassiveOrANonFiniteForm) {
  for (const auto& a : kurdi::analyze("دیاریکراو")) EXPECT_NE(a.lemma, "دیارکردن");
  EXPECT_EQ(kurdi::lemma("دیاریکردنی"), "دیاریکردن");
  EXPECT_EQ(kurdi::lemma("دیاریدەکرێت"), "دیاریکردن");
  // an adposition's own object stays: پێی درا "was given to him"
  EXPECT_EQ(kurdi::lemma("پێیدرا"), "پێدان");
  // and the active verb's agent: هەڵیگرت
  EXPECT_EQ(first("هەڵیگرت").features, "V;PST;IND;ARGER3S;ARGAB3S");
}

// A coordinating conjunction or an interjection hosts no ezafe, clitic or copula.
TEST(Lemma, ConjunctionHostsNoClitic) {
  EXPECT_EQ(kurdi::lemma("وت"), "وتن");
  EXPECT_EQ(kurdi::lemma("کەی"), "کەی");  // "when?", not کە + ی
  for (const auto& a : kurdi::analyze("ویان")) EXPECT_NE(a.upos, "CCONJ");
  // nor does an interjection, nor its demonstrative ە
  EXPECT_EQ(first("هۆی").upos, "NOUN");  // هۆ "reason" + ezafe
  EXPECT_EQ(kurdi::lemma("نەمان"), "مان");  // the negative verbal noun, not نە + مان
  // a particle (a preverb written apart) hosts the verb's clitic, no ezafe
  EXPECT_EQ(first("ڕای").morphemes.back().tag, "CL.3S");
}

// The personal pronouns carry their person and number, خۆ is the reflexive.
TEST(Features, PronounsCarryPersonNumberAndReflexive) {
  EXPECT_EQ(first("ئێمە").features, "PRO;1;PL");
  EXPECT_EQ(first("تۆ").features, "PRO;2;SG");
  EXPECT_EQ(first("خۆوە").features, "PRO;REFL;LGSPEC4(EWE)");
  EXPECT_EQ(first("ئەمە").features, "PRO;LGSPEC6");  // the demonstrative: neither
}

// An indicative present with no ending after its vowel has dropped the third
// person's ت: دەڵێ is دەڵێت.
TEST(Features, IndicativePresentWithoutAnEndingIsThirdSingular) {
  EXPECT_EQ(first("دەڵێ").features, "V;PRS;IND;ARGNO3S");
  EXPECT_EQ(first("ناڵێ").features, "V;PRS;IND;NEG;ARGNO3S");
  EXPECT_EQ(first("دەیڵێ").features, "V;PRS;IND;ARGNO3S;ARGAC3S");
  EXPECT_EQ(first("دەڵێن").features, "V;PRS;IND;ARGNO3P");
}

// ب before a present stem with no ending is the imperative (a subjunctive
// always has its person ending).
TEST(Features, SubjunctivePrefixWithoutAnEndingIsTheImperative) {
  EXPECT_EQ(first("بکە").features, "V;IMP;ARGNO2S");
  EXPECT_EQ(first("بدە").features, "V;IMP;ARGNO2S");
  EXPECT_EQ(first("دابنێ").features, "V;IMP;ARGNO2S");
  EXPECT_EQ(first("بکەم").features, "V;PRS;SBJV;ARGNO1S");
}

// Nor has an intransitive verb's present an object clitic: دەیبەنە is بردن
// "they take it to", not بوون; دەمژی is مژین, not ژیان with an object.
TEST(Features, NoObjectCliticOnAnIntransitivePresent) {
  EXPECT_EQ(kurdi::lemma("دەیبەنە"), "بردن");
  EXPECT_EQ(kurdi::lemma("دەمژی"), "مژین");
  EXPECT_EQ(kurdi::lemma("دەیگۆڕێت"), "گۆڕین");
  // after a preverb the clitic may be the preverb's: the reading stays
  EXPECT_EQ(kurdi::lemma("تێیدەگەم"), "تێگەیشتن");
}

// A clitic of the subject's own first or second person is no object (the
// reflexive is خۆ): such a verb reading gives way to the word's other readings.
TEST(Features, NoObjectCliticOfTheSubjectsOwnPerson) {
  EXPECT_EQ(kurdi::lemma("بتپەرستی"), "بتپەرستی");  // the noun, not ب + ت + پەرست + ی
  const auto knew = kurdi::analyze("نەتزانی").front();
  EXPECT_EQ(knew.lemma, "زانین");
  EXPECT_EQ(knew.features, "V;PST;IND;NEG;ARGER2S;ARGAB3S");
  // another person is an object: "I see you"
  EXPECT_EQ(kurdi::analyze("دەتبینم").front().features, "V;PRS;IND;ARGNO1S;ARGAC2S");
}

TEST(Features, PresentWithoutAnIndicativePrefixIsSubjunctive) {
  auto first = [](std::string_view w) { return kurdi::analyze(w).front().features; };
  EXPECT_EQ(first("دەکەم"), "V;PRS;IND;ARGNO1S");
  EXPECT_EQ(first("ناکەم"), "V;PRS;IND;NEG;ARGNO1S");
  EXPECT_EQ(first("نەکەم"), "V;PRS;SBJV;NEG;ARGNO1S");
  EXPECT_EQ(first("بکەم"), "V;PRS;SBJV;ARGNO1S");
  EXPECT_EQ(first("ئامادەبم"), "V;PRS;SBJV;ARGNO1S");
  EXPECT_EQ(first("دەرچین"), "V;PRS;SBJV;ARGNO1P");
  EXPECT_EQ(first("هەڵنەگرین"), "V;PRS;SBJV;NEG;ARGNO1P");
  EXPECT_EQ(first("هەڵدەگرین"), "V;PRS;IND;ARGNO1P");
  EXPECT_EQ(first("هەڵگرە"), "V;IMP;ARGNO2S");
  // the past keeps its indicative after نە
  EXPECT_EQ(first("نەکرد"), "V;PST;IND;NEG;LGSPEC8(3S)");
}


// The perfect subjunctive is the past stem + بوون's subjunctive, with every
// The directional's form ێ "to him, to it" after a present's person ending,
// only on a plainly inflected verb and never in place of the third person's ێ.
TEST(Features, DirectionalEAfterAPersonEnding) {
  const auto gives = first("دەداتێ");
  EXPECT_EQ(gives.lemma, "دان");
  EXPECT_EQ(gives.features, "V;PRS;IND;ARGNO3S;LGSPEC2");
  EXPECT_EQ(first("بدەنێ").features, "V;PRS;SBJV;ARGNO3P;LGSPEC2");
  EXPECT_EQ(kurdi::lemma("دەدەینێ"), "دان");
  EXPECT_EQ(kurdi::lemma("دەگاتێ"), "گەیشتن");
  // the third person's ێ wins: بینین, not بوون's ب + ین + ێ
  const auto sees = first("دەبینێ");
  EXPECT_EQ(sees.lemma, "بینین");
  EXPECT_EQ(sees.features, "V;PRS;IND;ARGNO3S");
  // no prefix, or the short ی before it: no directional
  for (const char* w : {"سەردەمێ", "ئەبیێ"})
    for (const auto& a : kurdi::analyze(w)) EXPECT_EQ(a.features.find("LGSPEC2"), std::string::npos) << w;
  // هێنان's present contracted after دە and ب (data/morph/irregular_forms.tsv)
  EXPECT_EQ(kurdi::lemma("دێنێ"), "هێنان");
  EXPECT_EQ(kurdi::lemma("بێنن"), "هێنان");
  EXPECT_EQ(first("دێنم").features, "V;PRS;IND;ARGNO1S");
}

// A compound verb of هاتن or هێنان takes the light verb's irregular present
// after its preverb or nominal part (بەکار + دێت), ranked as a present.
TEST(Features, IrregularPresentAfterAPreverb) {
  const auto used = first("بەکاردێت");
  EXPECT_EQ(used.lemma, "بەکارهاتن");
  EXPECT_EQ(used.upos, "VERB");
  EXPECT_TRUE(used.known);
  EXPECT_EQ(used.features, "V;PRS;IND;ARGNO3S");
  ASSERT_EQ(used.morphemes.size(), 3u);
  EXPECT_EQ(used.morphemes[0].tag, "preverb");
  EXPECT_EQ(kurdi::lemma("پێکدێن"), "پێکهاتن");
  EXPECT_EQ(first("پێکنایەت").features, "V;PRS;IND;NEG;ARGNO3S");
  EXPECT_EQ(first("هەڵدێتەوە").features, "V;PRS;IND;ARGNO3S;LGSPEC3");
  EXPECT_EQ(kurdi::lemma("دەردێنێت"), "دەرهێنان");
  EXPECT_EQ(first("بەکاربێنێ").lemma, "بەکارهێنان");  // not بەکارهاتن + the directional ێ
  EXPECT_EQ(first("بەکاربێنێ").features, "V;PRS;SBJV;ARGNO3S");
  EXPECT_EQ(kurdi::lemma("دادێت"), "داهاتن");
  // only a compound the lexicon lists: خۆش is no preverb of هاتن
  EXPECT_FALSE(first("خۆشدێت").lemma == "خۆشهاتن");
  // بوون's ب is its lexicon present stem: one reading, the grammar's
  const auto ready = kurdi::analyze("ئامادەبێت");
  EXPECT_EQ(std::count_if(ready.begin(), ready.end(), [](const auto& a) { return a.lemma == "ئامادەبوون"; }), 1);
  // a session gives the same
  kurdi::Analyzer session;
  EXPECT_EQ(session.lemma("بەکاردێن"), "بەکارهاتن");
  EXPECT_EQ(session.stems("بەکاردێت"), std::vector<std::string>{"بەکارهاتن"});
}

// فەرموون's present stem is فەرموو (data/lexicon/verbs_supplement.tsv: the
// sources give فەرم).
TEST(Lemma, PresentStemOfFermuun) {
  EXPECT_EQ(kurdi::lemma("دەفەرموێت"), "فەرموون");
  EXPECT_EQ(kurdi::analyze("دەفەرمووێت").front().features, "V;PRS;IND;ARGNO3S");
  EXPECT_EQ(kurdi::lemma("بفەرموون"), "فەرموون");
}

// The nominal part of a compound verb is a lexicon word (RULE W10 of the
// lexicon script): text writes it apart from the light verb.
TEST(Lemma, NominalPartOfACompoundVerbStandsAlone) {
  const auto part = kurdi::analyze("داگیر").front();
  EXPECT_TRUE(part.known);
  EXPECT_EQ(part.lemma, "داگیر");
  EXPECT_EQ(part.upos, "X");  // no source gives its part of speech
  const auto role = kurdi::analyze("ڕۆڵی").front();
  EXPECT_TRUE(role.known);
  EXPECT_EQ(role.lemma, "ڕۆڵ");
  EXPECT_EQ(kurdi::lemma("بەراوردی"), "بەراورد");
  // the compound itself is unchanged
  EXPECT_EQ(kurdi::lemma("داگیرکرا"), "داگیرکردن");
  // a part ending in the complex's adposition is no word on its own
  EXPECT_FALSE(kurdi::analyze("باوەڕپێ").front().known);
}

// The copula after the demonstrative frame's ە (ئەو شتەیە), and ئەو/ئەم
// written joined to the noun whose frame they open (ئەوکاتە).
TEST(Lemma, DemonstrativeFrameWithCopulaAndJoinedDemonstrative) {
  const auto thing = kurdi::analyze("شتەیە").front();
  EXPECT_EQ(thing.lemma, "شت");
  EXPECT_EQ(thing.features, "N;LGSPEC6;LGSPEC7(3S)");
  EXPECT_EQ(kurdi::lemma("ئەوەیە"), "ئەو");  // the pronoun's base
  EXPECT_EQ(kurdi::lemma("لەیەمەن"), "یەمەن");  // a function word takes no frame
  const auto time = kurdi::analyze("ئەوکاتە").front();
  EXPECT_EQ(time.lemma, "کات");
  EXPECT_TRUE(time.known);
  EXPECT_EQ(time.morphemes.front().tag, "DET");
  EXPECT_EQ(time.morphemes.front().end, std::string_view("ئەو").size());
  EXPECT_EQ(kurdi::lemma("ئەمجارە"), "جار");
  EXPECT_EQ(kurdi::lemma("ئەوکەسانەی"), "کەس");
  // without the frame's ە it is no demonstrative (ئەوکات alone is left as it was)
  for (const auto& a : kurdi::analyze("ئەوکات")) EXPECT_NE(a.morphemes.front().tag, "DET");
  // the demonstrative stays in the word's morpheme token
  std::string form;
  EXPECT_EQ(kurdi::morpheme_tokens("ئەوکاتە", &form).size(), 1u);
}

// person: بێت/بێ (third singular, unmarked), بم, بیت, بین, بن.
TEST(Features, PerfectSubjunctiveTakesEveryPerson) {
  EXPECT_EQ(first("هاتبێت").features, "V;PRS;PRF;SBJV;ARGNO3S");
  EXPECT_EQ(first("هاتبم").features, "V;PRS;PRF;SBJV;ARGNO1S");
  EXPECT_EQ(first("چووبیت").features, "V;PRS;PRF;SBJV;ARGNO2S");
  EXPECT_EQ(first("نەهاتبین").features, "V;PRS;PRF;SBJV;NEG;ARGNO1P");
  const auto fallen = first("کەوتبن");  // not کەو + بن (کەوبوون)
  EXPECT_EQ(fallen.lemma, "کەوتن");
  EXPECT_EQ(fallen.features, "V;PRS;PRF;SBJV;ARGNO3P");
  EXPECT_EQ(kurdi::lemma("کردبن"), "کردن");
  EXPECT_EQ(kurdi::lemma("بووبن"), "بوون");
  EXPECT_EQ(kurdi::lemma("گۆڕابن"), "گۆڕان");
  EXPECT_EQ(kurdi::lemma("نووسرابن"), "نووسین");  // the passive's perfect subjunctive
  // a noun + دا + بوون's subjunctive written joined is no compound with دان
  for (const auto& a : kurdi::analyze("ژووردابن")) EXPECT_NE(a.lemma, "ژووردان");
  for (const auto& a : kurdi::analyze("خانەدابن")) EXPECT_NE(a.lemma, "خانەدان");
}
// The infinitive takes نە but no aspect or mood prefix, and an intransitive
// verb has no passive.
TEST(Lemma, InfinitiveAndPassiveOnlyWhereTheGrammarHasThem) {
  for (const auto& a : kurdi::analyze("دەکردن")) EXPECT_EQ(a.features.find("V.MSDR"), std::string::npos) << a.features;
  EXPECT_EQ(kurdi::analyze("نەکردن").front().features, "V.MSDR;NEG");
  EXPECT_EQ(kurdi::lemma("هەناردەکردنی"), "هەناردەکردنی");  // not هەنار + دەکردنی
  for (const auto& a : kurdi::analyze("کامێرای")) EXPECT_NE(a.lemma, "هاتن");  // no passive ێرا of هاتن
  EXPECT_EQ(kurdi::lemma("کامێرای"), "کامێرا");
  // a transitive verb the sources tag intransitive has its passive from the
  // supplement's transitivity (data/lexicon/verbs_supplement.tsv)
  EXPECT_EQ(kurdi::lemma("داڕێژراوە"), "داڕشتن");
  EXPECT_EQ(kurdi::lemma("دادەپۆشرێت"), "داپۆشین");
}

// -یش/-ش in the verb complex: after the first element (preverb, nominal part
// or first prefix), before the pronominal clitic; after a transitive past
// stem, before the agent clitic. An intransitive ending is no clitic.
TEST(Lemma, AdditiveInsideTheVerbComplex) {
  EXPECT_EQ(kurdi::lemma("دەشڵێت"), "گوتن");
  EXPECT_EQ(kurdi::lemma("هەڵیشیگرت"), "هەڵگرتن");
  EXPECT_EQ(kurdi::lemma("نەشیکرد"), "کردن");
  EXPECT_EQ(kurdi::lemma("کاریشیکرد"), "کارکردن");
  EXPECT_EQ(kurdi::lemma("کردیشیان"), "کردن");
  const auto a = kurdi::analyze("کردیشیان").front();
  ASSERT_EQ(a.morphemes.size(), 3u);
  EXPECT_EQ(a.morphemes[1].tag, "ADD");
  EXPECT_NE(a.features.find("LGSPEC5"), std::string::npos);
  // ماشین is not ما + ش + ین: مان is intransitive.
  for (const auto& r : kurdi::analyze("ماشین")) EXPECT_NE(r.lemma, "مان");
}

// In a compound whose preverb is a nominal part and a simple preverb, the
// clitic follows the nominal part, inside the preverb.
TEST(Lemma, CliticInsideACompoundsPreverb) {
  const auto a = first("دەستیپێکرد");
  EXPECT_EQ(a.lemma, "دەستپێکردن");
  EXPECT_EQ(a.features, "V;PST;IND;ARGER3S;ARGAB3S");
  ASSERT_EQ(a.morphemes.size(), 4u);
  EXPECT_EQ(a.morphemes[1].tag, "CL.3S");
  EXPECT_EQ(a.morphemes[2].tag, "preverb");
  EXPECT_EQ(joined(a), "دەستیپێکرد");
  // (the clitic is the agent, ARGER; the unmarked object is the third singular, ARGAB3S)
  EXPECT_EQ(first("سەرهەڵدا").features, "V;PST;IND;LGSPEC8(3S)");
  EXPECT_EQ(first("سەریانهەڵدا").features, "V;PST;IND;ARGER3P;ARGAB3S");
  EXPECT_EQ(kurdi::lemma("دەستیپێنەکرد"), "دەستپێکردن");
}

// After a stem in ی, the indefinite is often written with one ی for two
// (گرنگیەکی for گرنگییەکی); the standard spelling stays first where a
// lexicon stem in ی would also explain the word (ڕوویەکی: ڕوو + یەک + ی).
TEST(Lemma, IndefiniteAfterYehWrittenWithOneYeh) {
  const auto a = first("گرنگیەکی");
  EXPECT_EQ(a.lemma, "گرنگی");
  EXPECT_TRUE(a.known);
  ASSERT_EQ(a.morphemes.size(), 3u);
  EXPECT_EQ(a.morphemes[1].tag, "INDF");
  EXPECT_EQ(kurdi::lemma("پەیوەندیەک"), "پەیوەندی");
  EXPECT_EQ(kurdi::lemma("ڕوویەکی"), "ڕوو");
  const auto r = first("ڕوویەکی");
  EXPECT_EQ(r.form.substr(r.morphemes[1].begin, r.morphemes[1].end - r.morphemes[1].begin), "یەک");
}

// A word-initial consonant و written وو (ووڵات, ووشە): read with one, the
// stem piece taking both letters, at a variant's cost.
TEST(Lemma, InitialConsonantWawWrittenDouble) {
  const auto a = first("ووڵاتەکەت");
  EXPECT_EQ(a.lemma, "وڵات");
  EXPECT_TRUE(a.known);
  EXPECT_EQ(a.form.substr(a.morphemes[0].begin, a.morphemes[0].end - a.morphemes[0].begin), "ووڵات");
  EXPECT_EQ(joined(a), "ووڵاتەکەت");
  EXPECT_EQ(kurdi::lemma("ووشەی"), "وشە");
  EXPECT_EQ(kurdi::lemma("ووتار"), "وتار");
}

// A participle used as a noun takes the plural ان, read only where nothing
// else explains the word: دیوانی stays دیوان + ی, ناوانەش ناو + انە + ش.
TEST(Lemma, ParticipleWithThePluralAn) {
  const auto a = first("کوژراوان");
  EXPECT_EQ(a.lemma, "کوشتن");
  EXPECT_EQ(a.features, "V.PTCP;PL");
  EXPECT_EQ(kurdi::lemma("شوێنکەوتووانی"), "شوێنکەوتن");
  EXPECT_EQ(kurdi::lemma("نەکراوان"), "کردن");
  EXPECT_EQ(kurdi::lemma("دیوانی"), "دیوان");
  EXPECT_EQ(kurdi::lemma("ناوانەش"), "ناو");
  // no aspect prefix before a participle
  for (const auto& r : kurdi::analyze("دەریاوانی")) EXPECT_NE(r.lemma, "ڕیان");
  // its یان stays the perfect's agent clitic
  EXPECT_EQ(first("کردوویان").morphemes.back().tag, "CL.3P");
}

// An adjective's lemma is its positive, even where the word lists hold the
// superlative whole (باشترین "best").
// A word the lexicon gives as both noun and adjective (Hunspell's
// noun_adjective) is read as the noun where the two readings tie (RULE W12):
// UniMorph's running text reads پزیشکان, خوشکان as nouns.
TEST(Features, NounBeforeAdjectiveOnATie) {
  EXPECT_EQ(first("پزیشکان").upos, "NOUN");
  EXPECT_EQ(first("خوشکان").features, "N;PL");
  EXPECT_EQ(first("قوتابییانی").features, "N;PL;LGSPEC1");
  // the adjective reading is still there, and an adjective-only word stays one
  bool adjective = false;
  for (const auto& a : kurdi::analyze("پزیشکان")) adjective = adjective || a.upos == "ADJ";
  EXPECT_TRUE(adjective);
  EXPECT_EQ(first("گەورەتر").upos, "ADJ");
  // a noun's order against a preposition is unchanged: پێ is the preposition first
  EXPECT_EQ(first("پێی").upos, "ADP");
}

// A listed word that is a number + ان is the number's plural, "thousands of"
// (UniMorph: هەزاران NUM;PL); a number of two letters is left (دەیان).
TEST(Lemma, ListedNumberPluralGivesTheNumber) {
  const auto thousands = first("هەزاران");
  EXPECT_EQ(thousands.lemma, "هەزار");
  EXPECT_EQ(thousands.features, "NUM;PL");
  EXPECT_EQ(kurdi::lemma("سەدان"), "سەد");
  EXPECT_EQ(kurdi::lemma("دەیان"), "دەیان");
}

TEST(Lemma, ListedSuperlativeGivesThePositive) {
  const auto a = first("باشترین");
  EXPECT_EQ(a.lemma, "باش");
  EXPECT_EQ(a.features, "ADJ;SPRL");
  EXPECT_EQ(kurdi::lemma("باشتر"), "باش");
}

// A participle the lexicon lists as a noun, and not as an adjective, is that
// noun (ناو "name", not نان's participle "put"); one it lists as an adjective
// is still read as the verb, as the lemma convention says.
TEST(Lemma, ParticipleListedAsANoun) {
  EXPECT_EQ(kurdi::lemma("ناوی"), "ناو");
  EXPECT_EQ(kurdi::lemma("ناوەکەی"), "ناو");
  EXPECT_EQ(kurdi::lemma("ناوێک"), "ناو");
  EXPECT_EQ(kurdi::lemma("ڕووداوێکی"), "ڕووداو");
  EXPECT_EQ(kurdi::lemma("کراوەکان"), "کردن");
  EXPECT_EQ(kurdi::lemma("نێردراوەکان"), "ناردن");
  bool verb = false;  // the participle stays among the readings
  for (const auto& r : kurdi::analyze("ناوەکەی")) verb = verb || r.lemma == "نان";
  EXPECT_TRUE(verb);
}

// A participle made a noun with ە takes the nominal suffixes after it
// (نووسراوەیەکی "a writing"); bare, the word is the perfect.
TEST(Lemma, ParticipleMadeANounWithE) {
  const auto a = first("نووسراوەیەکی");
  EXPECT_EQ(a.lemma, "نووسین");
  EXPECT_EQ(a.features, "V.PTCP;LGSPEC6;INDF;LGSPEC1");  // (UniMorph: ە is LGSPEC6)
  ASSERT_EQ(a.morphemes.size(), 5u);
  EXPECT_EQ(a.morphemes[2].tag, "NMLZ");
  EXPECT_EQ(kurdi::lemma("کورتکراوەی"), "کورتکردن");
  EXPECT_EQ(kurdi::lemma("دامەزراوەیەکی"), "دامەزران");
  EXPECT_EQ(first("نووسراوە").features, "V;PRS;PRF;IND;PASS;ARGNO3S");
  // a listed noun stays itself
  EXPECT_EQ(kurdi::lemma("بڵاوکراوەیەکی"), "بڵاوکراوە");
}

// The clitic after the preverb and before the prefix (documented from the
// start, never reached until the prefix was looked for after the clitic).
TEST(Lemma, CliticBetweenPreverbAndPrefix) {
  EXPECT_EQ(kurdi::lemma("هەڵیاندەگرت"), "هەڵگرتن");
  EXPECT_EQ(kurdi::lemma("هەڵیدەگرت"), "هەڵگرتن");
  EXPECT_EQ(kurdi::lemma("هەڵیشیدەگرت"), "هەڵگرتن");
}

TEST(Lemma, PassiveAndEweAreInflection) {
  EXPECT_EQ(kurdi::lemma("نەکراوەتەوە"), "کردن");
  EXPECT_EQ(kurdi::lemma("دەکرێت"), "کردن");
  EXPECT_EQ(kurdi::lemma("دەکەنەوە"), "کردن");
}

// After a consonant the regular passive is also written with -در- (گۆڕدرا
// beside گۆڕرا); not after a one-letter stem: لێکدراو is لێکدان's passive,
// not لێکردن's (کرا has no کدرا), and خدران is no خ + درا + ن.
TEST(Lemma, PassiveWithDr) {
  EXPECT_EQ(kurdi::lemma("گۆڕدرا"), "گۆڕین");
  EXPECT_EQ(kurdi::lemma("گۆڕرا"), "گۆڕین");
  EXPECT_EQ(kurdi::lemma("دەتواندرێت"), "توانین");
  EXPECT_EQ(kurdi::lemma("ڕاگەیەندرا"), "ڕاگەیاندن");
  EXPECT_EQ(kurdi::lemma("وەرگێڕدراوە"), "وەرگێڕان");
  const auto a = kurdi::analyze("دەگۆڕدرێت").front();
  EXPECT_EQ(a.features, "V;PRS;IND;PASS;ARGNO3S");
  EXPECT_EQ(kurdi::lemma("لێکدراو"), "لێکدان");
  for (const auto& r : kurdi::analyze("خدران")) EXPECT_NE(r.upos, "VERB") << r.lemma;
}

// وو + the ە of -ەوە contract to ۆ: the past بۆوە (بووەوە) and the
// pluperfect's بۆوە (کردبۆوە for کردبووەوە), as the perfect's ۆت (بۆتە).
TEST(Features, ContractedEweAfterWaw) {
  const auto spread = first("بڵاوبۆوە");
  EXPECT_EQ(spread.lemma, "بڵاوبوون");
  EXPECT_EQ(spread.features, "V;PST;IND;ARGNO3S;LGSPEC3");
  const auto had = first("کردبۆوە");
  EXPECT_EQ(had.lemma, "کردن");
  EXPECT_EQ(had.features, first("کردبووەوە").features);
  EXPECT_EQ(first("کرابۆوە").features, "V;PST;PRF;IND;PASS;ARGNO3S;LGSPEC3");
  EXPECT_EQ(first("بۆوە").lemma, "بوون");
  // the contracted بۆ stands only before وە
  for (const auto& a : kurdi::analyze("کردبۆ"))
    for (const auto& m : a.morphemes) EXPECT_NE(m.tag, "PLUP") << a.lemma;
}

TEST(Lemma, SuppletiveForms) {
  EXPECT_EQ(kurdi::lemma("ئەڵێ"), "گوتن");
  EXPECT_EQ(kurdi::lemma("دەڵێت"), "گوتن");
  EXPECT_EQ(kurdi::lemma("نییە"), "هەبوون");
  EXPECT_EQ(kurdi::lemma("هەیە"), "هەبوون");
}

TEST(Lemma, PresentStemAlternation) {
  EXPECT_EQ(kurdi::lemma("دەکات"), "کردن");  // کە -> کا before the 3sg ت
  EXPECT_EQ(kurdi::lemma("دەخوات"), "خواردن");  // خۆ -> خوا
}

// The 3sg ت after the alternant is often not written (دەکا for دەکات).
TEST(Lemma, PresentThirdSingularWithoutItsT) {
  EXPECT_EQ(kurdi::lemma("دەکا"), "کردن");
  EXPECT_EQ(kurdi::lemma("بکا"), "کردن");
  EXPECT_EQ(kurdi::lemma("ناکا"), "کردن");
  EXPECT_EQ(kurdi::lemma("دەیکا"), "کردن");  // a clitic between prefix and stem
  EXPECT_EQ(kurdi::lemma("دەیبا"), "بردن");  // (دەبا alone is a lexicon particle, read whole)
  EXPECT_EQ(kurdi::lemma("دەخوا"), "خواردن");  // خۆ -> خوا
  EXPECT_EQ(kurdi::lemma("دەڕوا"), "ڕۆیشتن");
  EXPECT_EQ(kurdi::lemma("دەگا"), "گەیشتن");
  EXPECT_EQ(kurdi::lemma("هەڵدەکا"), "هەڵکردن");  // after a preverb
  EXPECT_EQ(kurdi::lemma("ڕوونادا"), "ڕوودان");

  const auto a = kurdi::analyze("دەکا").front();
  EXPECT_EQ(a.features, "V;PRS;IND;ARGNO3S");  // the person without a morpheme, as دێ
  ASSERT_EQ(a.morphemes.size(), 2u);
  EXPECT_EQ(a.morphemes[1].tag, "stem");
  EXPECT_EQ(a.morphemes[1].end, std::string_view("دەکا").size());

  // Only after a prefix other than the prohibitive مە: a word in ا after a
  // nominal part is a noun as often as not, and a lexicon word read whole
  // stays so.
  EXPECT_EQ(kurdi::lemma("وێنەدا"), "وێنە");
  EXPECT_EQ(kurdi::lemma("بڕوا"), "بڕوا");
  for (const auto& m : kurdi::analyze("مەدا")) EXPECT_NE(m.features, "V;IMP;NEG;ARGNO3S");
}

// هەبوون's present (هە-, نی-) takes no prefix; read as one, it took words of
// other verbs and nouns.
TEST(Lemma, ThePresentOfHebuunTakesNoPrefix) {
  EXPECT_EQ(kurdi::lemma("دەهات"), "هاتن");   // not دە + ها + ت
  EXPECT_EQ(kurdi::lemma("نەهات"), "هاتن");
  EXPECT_EQ(kurdi::lemma("بینی"), "بینین");  // not ب + نی
  EXPECT_EQ(kurdi::lemma("نانی"), "نان");    // not نا + نی
  EXPECT_EQ(kurdi::lemma("هەیە"), "هەبوون");
  EXPECT_EQ(kurdi::lemma("نییە"), "هەبوون");
  EXPECT_EQ(kurdi::lemma("هەبێت"), "هەبوون");
  EXPECT_EQ(kurdi::lemma("هەمانە"), "هەبوون");
}

TEST(Lemma, PronounsGiveTheirBase) { EXPECT_EQ(kurdi::lemma("ئەمە"), "ئەم"); }

TEST(Lemma, UnknownWordGivesItsNormalizedForm) {
  // Endings that also close bare words (ی, ان, ەوە) are not cut from an unknown word.
  EXPECT_EQ(kurdi::lemma("زژڤی"), "زژڤی");
  EXPECT_EQ(kurdi::lemma("زژڤان"), "زژڤان");
  EXPECT_EQ(kurdi::lemma("زژڤەوە"), "زژڤەوە");
  EXPECT_EQ(kurdi::lemma("زژڤ"), "زژڤ");
  EXPECT_EQ(kurdi::lemma(""), "");
}

TEST(Lemma, OverlongTokenIsLeftUnknown) {
  // 300 letters and a plural marker: no word is that long; it is not analysed
  // (the search is quadratic in the length) and stands for itself.
  std::string w;
  for (int i = 0; i < 300; ++i) w += "ب";
  w += "ەکان";
  EXPECT_EQ(kurdi::lemma(w), w);
  const auto a = kurdi::analyze(w);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_FALSE(a.front().known);
  EXPECT_EQ(kurdi::stems(w), std::vector<std::string>{w});
  // Under the bound (254 letters, 508 bytes) it is still analysed (guessed).
  std::string v;
  for (int i = 0; i < 250; ++i) v += "ب";
  EXPECT_EQ(kurdi::lemma(v + "ەکان"), v);
}

TEST(Lemma, UnknownWordWithADefinitenessMarkerIsGuessed) {
  // The guessed stem is the lemma (after normalization: ك -> ک) ...
  EXPECT_EQ(kurdi::lemma("زژڤەكانی"), "زژڤ");
  EXPECT_EQ(kurdi::lemma("زژڤێکی"), "زژڤ");
  EXPECT_EQ(kurdi::lemma("زژڤایەکیدا"), "زژڤا");  // یەک after a vowel
  // ... of the two splits کارت + ەکە and کارتە + کە the longer marker wins ...
  EXPECT_EQ(kurdi::lemma("زژڤتەکەی"), "زژڤت");
  // ... an ezafe ی after a stem in ی (consonant before it) is cut, after a vowel it is not.
  EXPECT_EQ(kurdi::lemma("زژڤیی"), "زژڤی");
  EXPECT_EQ(kurdi::lemma("زژڤایی"), "زژڤایی");
  // An ezafe after ە is cut, the ە staying on the stem; where a marker fits
  // too, the marker's split wins (زژڤ + ەکە + ی, زژڤۆ + کە + ی).
  EXPECT_EQ(kurdi::lemma("زژڤەی"), "زژڤە");
  EXPECT_EQ(kurdi::morpheme_tokens("زژڤەی").size(), 2u);
  EXPECT_EQ(kurdi::lemma("زژڤەکەی"), "زژڤ");
  EXPECT_EQ(kurdi::lemma("زژڤۆکەی"), "زژڤۆ");
  // At least two letters stay.
  EXPECT_EQ(kurdi::lemma("زێک"), "زێک");
  EXPECT_EQ(kurdi::lemma("غەکان"), "غە");
  const auto analyses = kurdi::analyze("زژڤەکانی");
  ASSERT_GE(analyses.size(), 2u);
  EXPECT_FALSE(analyses.front().known);
  EXPECT_EQ(analyses.front().stem, "زژڤ");
  EXPECT_TRUE(analyses.front().features.starts_with("N;DEF;PL;")) << analyses.front().features;
  // the word taken whole stays among the readings
  EXPECT_EQ(analyses.back().lemma, "زژڤەکانی");
  EXPECT_FALSE(analyses.back().known);
  // A guess never reaches the search stems.
  EXPECT_EQ(kurdi::stems("زژڤەکانی"), std::vector<std::string>{"زژڤەکانی"});
  kurdi::Analyzer session;
  EXPECT_EQ(session.lemma("زژڤەکانی"), "زژڤ");
  EXPECT_EQ(session.stems("زژڤەکانی"), std::vector<std::string>{"زژڤەکانی"});
}

TEST(Lemma, UnknownWordWithAnAttestedStemIsGuessed) {
  // دۆلار and ئاژانس are in no lexicon source, but the word lists hold them
  // with markers (دۆلارێک, ئاژانسەکە; data/lexicon/guess_stems.tsv): the
  // endings that also close bare words are then cut (ezafe ی, ەوە).
  EXPECT_EQ(kurdi::lemma("دۆلاری"), "دۆلار");
  EXPECT_EQ(kurdi::lemma("ئاژانسەوە"), "ئاژانس");
  const auto analyses = kurdi::analyze("دۆلاری");
  ASSERT_GE(analyses.size(), 2u);
  EXPECT_FALSE(analyses.front().known);
  EXPECT_EQ(analyses.front().upos, "NOUN");
  EXPECT_EQ(analyses.front().stem, "دۆلار");
  EXPECT_EQ(analyses.back().lemma, "دۆلاری");  // the word whole stays a reading
  EXPECT_EQ(kurdi::stems("دۆلاری"), std::vector<std::string>{"دۆلاری"});  // search stems are lexicon stems
  // A word the lists hold with markers itself stays whole (جوولەکە is
  // listed, so جوولە is not cut to the listed جوول + ە).
  EXPECT_EQ(kurdi::lemma("جوولە"), "جوولە");
  // A stem of two letters is not cut to (ئێ is listed with markers).
  EXPECT_EQ(kurdi::lemma("ئێی"), "ئێی");
  // RULE G2: a stem in ی after a vowel, or in -یی after a consonant, is not
  // credited with the forms in ەک, which are the stem without ی + یەک
  // (ئاڕاستەیەکە is ئاڕاستە + یەک + ە, not ئاڕاستەی + ەکە).
  EXPECT_EQ(kurdi::lemma("ئاڕاستەیی"), "ئاڕاستەیی");  // not ئاڕاستەی + ی
  EXPECT_EQ(kurdi::lemma("فیکرییان"), "فیکری");      // not فیکریی + ان
  // The adjective's -یی after a vowel keeps them: نێونەتەوەیی + ەکان.
  EXPECT_EQ(kurdi::lemma("نێونەتەوەییەکان"), "نێونەتەوەیی");
}

// RULE W11: a dictionary headword no lexicon source gives (data/lexicon/
// headwords.tsv) is a second tier, read only when nothing else explains the
// word, whole or before a nominal chain; its part of speech is unknown.
TEST(Lemma, DictionaryHeadwordIsASecondTier) {
  const auto right = kurdi::analyze("حەق").front();
  EXPECT_TRUE(right.known);
  EXPECT_EQ(right.lemma, "حەق");
  EXPECT_EQ(right.upos, "X");
  const auto people = kurdi::analyze("قەومەکەی").front();
  EXPECT_TRUE(people.known);
  EXPECT_EQ(people.lemma, "قەوم");
  EXPECT_EQ(people.features.rfind("X;DEF;", 0), 0u) << people.features;
  EXPECT_TRUE(contains(kurdi::stems("نیعمەتەکانی"), "نیعمەت"));  // a lexicon stem for search
  // The list also holds legacy spellings (نمونە, دەستور): the lexicon's
  // word through the spelling variant comes first.
  EXPECT_EQ(kurdi::lemma("نمونە"), "نموونە");
  EXPECT_EQ(kurdi::analyze("نمونە").front().upos, "NOUN");
  EXPECT_EQ(kurdi::lemma("دەستوری"), "دەستوور");
  // A plural, clitic or copula after a headword only when the word lists
  // attest it with a marker: نیعمەت is, یۆنا (for یۆنان) and پێز are not.
  EXPECT_EQ(kurdi::lemma("نیعمەتیان"), "نیعمەت");
  EXPECT_EQ(kurdi::lemma("یۆنان"), "یۆنان");
  EXPECT_FALSE(kurdi::analyze("یۆنان").front().known);
  EXPECT_EQ(kurdi::lemma("پێزمان"), "پێزمان");
}

// --- analyses ------------------------------------------------------------------

TEST(Analyze, MorphemesCoverTheFormInOrder) {
  for (const char* word : {"بەرپرسەکانی", "دەیانگوت", "هەڵیگرت", "نەکراوەتەوە", "کتێبەکانیشمان", "زژڤ", "نییە"}) {
    const auto analyses = kurdi::analyze(word);
    ASSERT_FALSE(analyses.empty()) << word;
    for (const auto& a : analyses) {
      std::size_t pos = 0;
      for (const auto& m : a.morphemes) {
        EXPECT_EQ(m.begin, pos) << word;
        EXPECT_LT(m.begin, m.end) << word;
        pos = m.end;
      }
      EXPECT_EQ(pos, a.form.size()) << word;
      EXPECT_EQ(joined(a), a.form);
    }
  }
}

TEST(Analyze, NounFeatures) {
  const auto a = kurdi::analyze("کتێبەکانی").front();
  EXPECT_EQ(a.upos, "NOUN");
  EXPECT_TRUE(a.known);
  EXPECT_EQ(a.features.substr(0, 8), "N;DEF;PL");
  ASSERT_EQ(a.morphemes.size(), 3u);
  EXPECT_EQ(a.morphemes[1].tag, "DEF.PL");
}

TEST(Analyze, VerbSegmentation) {
  const auto a = kurdi::analyze("دەیانگوت").front();
  EXPECT_EQ(a.upos, "VERB");
  EXPECT_EQ(a.lemma, "گوتن");
  ASSERT_EQ(a.morphemes.size(), 3u);
  EXPECT_EQ(a.morphemes[0].tag, "IPFV");
  EXPECT_EQ(a.morphemes[1].tag, "CL.3P");
  EXPECT_EQ(a.morphemes[2].tag, "stem");

  const auto h = kurdi::analyze("هەڵیگرت").front();
  ASSERT_EQ(h.morphemes.size(), 3u);
  EXPECT_EQ(h.morphemes[0].tag, "preverb");
  EXPECT_EQ(h.morphemes[1].tag, "CL.3S");
}

TEST(Analyze, VerbalNounsAndParticiples) {
  const auto inf = kurdi::analyze("کردنەکە").front();
  EXPECT_EQ(inf.lemma, "کردن");
  EXPECT_EQ(inf.features.substr(0, 6), "V.MSDR");
  const auto ptcp = kurdi::analyze("کراوەکان").front();
  EXPECT_EQ(ptcp.lemma, "کردن");
  EXPECT_EQ(ptcp.features.substr(0, 6), "V.PTCP");
}

TEST(Analyze, UnknownWordHasOneGuess) {
  const auto analyses = kurdi::analyze("زژڤ");
  ASSERT_EQ(analyses.size(), 1u);
  EXPECT_FALSE(analyses[0].known);
  EXPECT_EQ(analyses[0].upos, "X");
  EXPECT_EQ(analyses[0].lemma, "زژڤ");
}

TEST(Analyze, InputIsNormalizedFirst) {
  // Arabic kaf (ك) and final heh: the analysis is of the normalized form.
  const auto a = kurdi::analyze("كتێبەكانه").front();
  EXPECT_EQ(a.form, "کتێبەکانە");
  EXPECT_EQ(a.lemma, "کتێب");
}

TEST(Analyze, EmptyAndSpaceGiveNothing) {
  EXPECT_TRUE(kurdi::analyze("").empty());
  EXPECT_TRUE(kurdi::analyze("  ").empty());
}

}  // namespace

namespace {

TEST(Stopwords, SearchAndAnalyticsLists) {
  // و and لە are function words on both lists; the analytics list is broader.
  EXPECT_TRUE(kurdi::is_stopword("و"));
  EXPECT_TRUE(kurdi::is_stopword("لە", kurdi::StopwordList::analytics));
  EXPECT_FALSE(kurdi::is_stopword("کوردستان"));
  EXPECT_FALSE(kurdi::is_stopword("کوردستان", kurdi::StopwordList::analytics));
  // Input is normalized first: Arabic kaf in کە.
  EXPECT_EQ(kurdi::is_stopword("كە"), kurdi::is_stopword("کە"));
}

}  // namespace

namespace {

TEST(UserLexicon, AddsWordsAndVerbsToASession) {
  const auto user = kurdi::UserLexicon::parse(
      "# a newsroom's words\n"
      "زژڤ\tPROPN\n"
      "پۆستکردن\tVERB\tپۆستکرد\tپۆستکە\tپۆست\n"
      "ژڤزاندن\tVERB\tژڤزاند\tژڤزێن\n");
  EXPECT_EQ(user.size(), 3u);
  EXPECT_EQ(user.hash().size(), 12u);
  kurdi::Analyzer with(1024, &user);
  kurdi::Analyzer without;
  EXPECT_EQ(with.lemma("زژڤەکەی"), "زژڤ");
  EXPECT_EQ(with.lemma("زژڤی"), "زژڤ");
  EXPECT_TRUE(with.analyze("زژڤەکەی").front().known);
  EXPECT_EQ(with.stems("زژڤەکەی"), std::vector<std::string>{"زژڤ"});
  EXPECT_EQ(without.lemma("زژڤی"), "زژڤی");  // unknown without it
  EXPECT_FALSE(without.analyze("زژڤەکەی").front().known);  // a guess at most
  EXPECT_EQ(without.stems("زژڤەکەی"), std::vector<std::string>{"زژڤەکەی"});
  EXPECT_EQ(with.lemma("پۆستیانکرد"), "پۆستکردن");  // clitic after the nominal part
  EXPECT_EQ(with.stems("پۆستکراوە").front(), "پۆستکردن");  // the regular passive
  EXPECT_EQ(with.lemma("دەژڤزێنرێت"), "ژڤزاندن");             // and after a consonant
  EXPECT_EQ(with.lemma("دەژڤزێندرێت"), "ژڤزاندن");            // its -در- form
  EXPECT_FALSE(with.analyze("زژڤ").front().upos.empty());
  // The free functions do not see it.
  EXPECT_EQ(kurdi::lemma("زژڤی"), "زژڤی");
}

TEST(UserLexicon, HashFollowsContentNotLayout) {
  const auto a = kurdi::UserLexicon::parse("زژڤ\tPROPN\nڤژز\tNOUN\n");
  const auto b = kurdi::UserLexicon::parse("# comment\nڤژز\tNOUN\r\n\nزژڤ\tPROPN\n");
  const auto c = kurdi::UserLexicon::parse("زژڤ\tNOUN\n");
  EXPECT_EQ(a.hash(), b.hash());
  EXPECT_NE(a.hash(), c.hash());
  EXPECT_EQ(kurdi::analyzer_version(&a), std::string(kurdi::analyzer_version()) + "+user." + std::string(a.hash()));
  EXPECT_EQ(kurdi::analyzer_version(nullptr), kurdi::analyzer_version());
}

TEST(UserLexicon, BadLinesNameTheLine) {
  try {
    (void)kurdi::UserLexicon::parse("زژڤ\tPROPN\nزژڤ\tNONE\n", "my.tsv");
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "my.tsv:2: unknown part of speech 'NONE'");
  }
  EXPECT_THROW((void)kurdi::UserLexicon::parse("زژڤ\n"), std::invalid_argument);
  EXPECT_THROW((void)kurdi::UserLexicon::parse("کردن\tVERB\tکرد\n"), std::invalid_argument);
  EXPECT_THROW((void)kurdi::UserLexicon::parse("هەڵگرتن\tVERB\tگرت\tگر\tهەڵ\n"), std::invalid_argument);
  // UTF-16 text says so, rather than quoting a cut-off field
  try {
    (void)kurdi::UserLexicon::parse(std::string("\xFF\xFEz\0\t\0N\0\n\0", 10), "u16.tsv");
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "u16.tsv:1: a NUL byte: the file is not UTF-8 text (UTF-16?)");
  }
  EXPECT_THROW((void)kurdi::UserLexicon::parse("پۆستکردن\tVERB\tپۆستکرد\tپۆستکە\t-\tmaybe\n"), std::invalid_argument);
}

// A BOM (Windows editors write one) before a comment or a blank line.
TEST(UserLexicon, LeadingBomIsSkipped) {
  const auto user = kurdi::UserLexicon::parse("\xEF\xBB\xBF# names\n\nزژڤ\tNOUN\n");
  EXPECT_EQ(user.size(), 1u);
  kurdi::Analyzer session(1024, &user);
  EXPECT_EQ(session.lemma("زژڤەکان"), "زژڤ");
}

// A file that cannot be read is an error naming it and why, never an empty
// lexicon (an ifstream opens a directory and reads nothing).
TEST(UserLexicon, LoadNamesTheFileAndWhy) {
  const std::string dir = ::testing::TempDir();
  for (const auto& [path, why] : {std::pair<std::string, std::string>{dir, "it is a directory"},
                                  {dir + "/no-such-lexicon.tsv", "No such file or directory"}}) {
    try {
      (void)kurdi::UserLexicon::load(path);
      ADD_FAILURE() << "expected an error for " << path;
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()), path + ": cannot read the user lexicon: " + why);
    }
  }
}

// The agent of a user's transitive past verb is LGSPEC8, as a compiled
// verb's: the transitivity is given (tr/intr) or, for a compound, its light
// verb's (کردن is transitive).
TEST(UserLexicon, VerbTransitivityGivenOrFromItsLightVerb) {
  auto features = [](const kurdi::UserLexicon& user, std::string_view word) {
    kurdi::Analyzer session(1024, &user);
    return session.analyze(word).front().features;
  };
  const auto inherited = kurdi::UserLexicon::parse("پۆستکردن\tVERB\tپۆستکرد\tپۆستکە\tپۆست\n");
  EXPECT_EQ(features(inherited, "پۆستیانکرد"), "V;PST;IND;ARGER3P;ARGAB3S");
  const auto given = kurdi::UserLexicon::parse("پۆستکردن\tVERB\tپۆستکرد\tپۆستکە\tپۆست\tintr\n");
  EXPECT_EQ(features(given, "پۆستیانکرد"), "V;PST;IND;ARGNO3S;ARGAC3P");
  EXPECT_NE(given.hash(), inherited.hash());  // what the user wrote is in the hash
  // '-' for no preverb, so that the transitivity can follow
  const auto plain = kurdi::UserLexicon::parse("زژڤاندن\tVERB\tزژڤاند\tزژڤێن\t-\ttr\n");
  EXPECT_EQ(features(plain, "زژڤاندمان"), "V;PST;IND;LGSPEC8(1P)");
  // the regular passive only for a verb that is not intransitive
  EXPECT_EQ(features(plain, "زژڤێنرا"), "V;PST;IND;PASS;ARGNO3S");
  const auto intransitive = kurdi::UserLexicon::parse("زژڤان\tVERB\tزژڤا\tزژڤێ\t-\tintr\n");
  EXPECT_EQ(features(intransitive, "زژڤام"), "V;PST;IND;ARGNO1S");
  kurdi::Analyzer session(1024, &intransitive);
  EXPECT_FALSE(session.analyze("زژڤێرا").front().known);
}

}  // namespace

namespace {

TEST(Analyzer, CacheGivesTheFreeFunctionsResults) {
  // A tiny capacity makes the two generations turn over many times.
  kurdi::Analyzer session(4);
  const char* words[] = {"بەرپرسەکانی", "کوردی", "دەیانگوت", "زژڤ", "کوردی", "هەڵیگرت", "نییە", "بەرپرسەکانی",
                         "کتێبەکانیشمان", "دەیانگوت", "زژڤ", "نمونە"};
  for (int round = 0; round < 3; ++round) {
    for (const char* w : words) {
      EXPECT_EQ(session.stems(w), kurdi::stems(w)) << w;
      EXPECT_EQ(session.lemma(w), kurdi::lemma(w)) << w;
      const auto& a = session.analyze(w);
      const auto b = kurdi::analyze(w);
      ASSERT_EQ(a.size(), b.size()) << w;
      for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].features, b[i].features) << w;
    }
  }
}

TEST(Analyzer, LemmaWhetherOrNotItIsTheFirstStem) {
  // A session keeps a lemma that equals the word's first stem only once, as
  // that stem (most words); these words cover both kinds, an empty word, and
  // each way an entry is made: by lemma(), by stems(), by analyze() (and a
  // lemma() after it), searched again for analyze(), moved back. stems()
  // leaves out the guess for an unknown word (زژڤەکان, دۆلاری), so a lemma()
  // after it searches again.
  const std::vector<std::string> words = {"کتێبەکان", "زژڤەکان", "دەیانگوت", "ڕاهێنەری", "کوردی", "", "نمونە", "دۆلاری"};
  // the guessed word's lemma is its cut stem, not its one search stem (the word whole)
  ASSERT_NE(kurdi::lemma("زژڤەکان"), kurdi::stems("زژڤەکان").front());
  ASSERT_EQ(kurdi::lemma("کتێبەکان"), kurdi::stems("کتێبەکان").front());
  for (int order = 0; order < 3; ++order) {
    kurdi::Analyzer session(4);
    for (int round = 0; round < 3; ++round) {
      for (const auto& w : words) {
        if (order == 0) {
          EXPECT_EQ(session.lemma(w), kurdi::lemma(w)) << w;
        }
        if (order == 2) {
          EXPECT_EQ(session.analyze(w).size(), kurdi::analyze(w).size()) << w;
        }
        EXPECT_EQ(session.stems(w), kurdi::stems(w)) << w;
        EXPECT_EQ(session.lemma(w), kurdi::lemma(w)) << w;
        if (order == 1) {
          EXPECT_EQ(session.analyze(w).size(), kurdi::analyze(w).size()) << w;
        }
        EXPECT_EQ(session.lemma(w), kurdi::lemma(w)) << w;
      }
    }
  }
}

TEST(Analyzer, WordMovesBackWhileTheYoungGenerationIsFull) {
  // Two words per generation. After a, b, c, d the old generation holds a
  // and b, the young one c and d (full): a is found in the old one and its
  // move back turns the generations over, dropping the generation it came
  // from. (The first version of the flat cache moved it out only after
  // that: a use after free, which ASan reports and a release build may not.)
  kurdi::Analyzer session(4);
  const std::string a = "بەرپرسەکانی", b = "کتێبەکانیشمان", c = "دەیانگوت", d = "هەڵیگرت";
  for (const auto& w : {a, b, c, d}) (void)session.analyze(w);
  const auto& moved = session.stems(a);
  EXPECT_EQ(moved, kurdi::stems(a));
  EXPECT_EQ(session.lemma(a), kurdi::lemma(a));
  ASSERT_EQ(session.analyze(a).size(), kurdi::analyze(a).size());
  EXPECT_EQ(session.analyze(a).front().lemma, kurdi::analyze(a).front().lemma);
  // And every other word still gives the free functions' results.
  for (const auto& w : {b, c, d, a, b}) EXPECT_EQ(session.stems(w), kurdi::stems(w)) << w;
}

TEST(Analyzer, WordsStayFoundWhileTheIndexGrows) {
  // Thousands of distinct words in one generation: the index doubles many
  // times and places every entry again under a hash computed anew from the
  // entry's word (inline, or kept apart when longer than the entry holds).
  // A word placed under a wrong hash would be searched and cached a second
  // time: same results, but another entry, which its address shows. (A
  // white-box check: the API promises a reference valid until the next call,
  // not the same one; within a generation, entries do not move.)
  const std::string letters[] = {"ک", "ت", "ێ", "ب", "ر", "ۆ", "ش", "ن", "ا", "ە"};
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) {
    std::string w = "ز";
    for (int x = i;; x /= 10) {  // the digits of i as letters
      w += letters[x % 10];
      if (x < 10) break;
    }
    for (int pad = 0; pad < i % 20; ++pad) w += "ڤ";  // 4 to 48 bytes
    words.push_back(w);
  }
  kurdi::Analyzer session(1u << 16);
  std::vector<const std::vector<std::string>*> first;
  for (const auto& w : words) first.push_back(&session.stems(w));
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& again = session.stems(words[i]);
    ASSERT_EQ(&again, first[i]) << words[i] << " (" << words[i].size() << " bytes) searched again";
    ASSERT_EQ(again, kurdi::stems(words[i])) << words[i];
  }
}

TEST(Analyzer, ManyWordsThroughASmallSession) {
  // More distinct words than the cache holds, in a repeating, skewed order:
  // index growth, turnovers and moves back, against the free functions.
  const std::vector<std::string> words = {"بەرپرسەکانی", "کوردی", "دەیانگوت", "زژڤ", "هەڵیگرت", "نییە",
                                          "کتێبەکانیشمان", "نمونە", "گوڵەکانم", "سەردانەکەی", "میلیشیاکاندا",
                                          "هەمووشیان", "نەیکرد", "قرتاندوویانە", "کوردستان", "بەرپرسانی",
                                          // longer than the 32 bytes kept in an entry, and than any cached word
                                          "بەرپرسەکانیشیانەوە", std::string(4100, 'a') + "بەرپرس"};
  ASSERT_GT(words[words.size() - 2].size(), 32u);
  ASSERT_GT(words.back().size(), 4096u);
  std::vector<std::vector<std::string>> expected;
  for (const auto& w : words) expected.push_back(kurdi::stems(w));
  kurdi::Analyzer session(6);
  unsigned x = 1;
  for (int i = 0; i < 2000; ++i) {
    x = x * 1103515245u + 12345u;
    // Skewed: low indices come up more often.
    const std::size_t k = ((x >> 16) % words.size()) * ((x >> 8) % words.size()) / words.size();
    ASSERT_EQ(session.stems(words[k]), expected[k]) << words[k] << " at step " << i;
    if (i % 3 == 0) {
      ASSERT_EQ(session.lemma(words[k]), kurdi::lemma(words[k])) << words[k] << " at step " << i;
    }
  }
}

}  // namespace

namespace {

TEST(Derivation, RelationalAdjectivesAndContractions) {
  // دەریا -> دەریایی: a derived adjective is its own lemma, its morphemes split at the suffix.
  const auto a = kurdi::analyze("دەریایی").front();
  EXPECT_EQ(a.lemma, "دەریایی");
  EXPECT_EQ(a.upos, "ADJ");
  ASSERT_EQ(a.morphemes.size(), 2u);
  EXPECT_EQ(a.morphemes[1].tag, "DER.ADJ");
  // A joined preposition, and one contracted with ئەو.
  EXPECT_EQ(kurdi::lemma("لەژێر"), "ژێر");
  EXPECT_EQ(kurdi::lemma("لەو"), "ئەو");
  // The morpheme tokenization keeps a joined preposition with its word, as
  // the gold keeps بەلای and لەڕووی, and a contraction too.
  std::string form;
  EXPECT_EQ(kurdi::morpheme_tokens("لەژێر", &form).size(), 1u);
  EXPECT_EQ(kurdi::morpheme_tokens("بەبڕی", &form).size(), 2u);  // بەبڕ ی
  EXPECT_EQ(kurdi::morpheme_tokens("لەو", &form).size(), 1u);
  // A long û written with one و: the lexicon's spelling is the lemma.
  EXPECT_EQ(kurdi::lemma("نمونە"), "نموونە");
}

// A country's name in -یا: the adjective keeps its ی (ڕووسیا -> ڕووسی), so
// ئۆکرانییەکان is ئۆکرانی + یەکان; a rare name in -یا gives no adjective.
TEST(Derivation, AdjectiveOfACountryInYa) {
  const auto a = kurdi::analyze("ڕووسی").front();
  EXPECT_EQ(a.lemma, "ڕووسی");
  EXPECT_EQ(a.upos, "ADJ");
  EXPECT_TRUE(a.known);
  EXPECT_EQ(a.morphemes.back().tag, "DER.ADJ");
  const auto plural = kurdi::analyze("ئۆکرانییەکان").front();
  EXPECT_EQ(plural.lemma, "ئۆکرانی");
  EXPECT_EQ(plural.features, "ADJ;DEF;PL");
  EXPECT_EQ(kurdi::lemma("ئەڵمانییەکان"), "ئەڵمانی");
  EXPECT_EQ(kurdi::lemma("فری"), "فڕین");  // فریا is a rare name: فری stays فڕی written with ر
}

// A lexicon noun or adjective + a derivational suffix, read when nothing

// After a vowel the derivational ی is written یی: the relational adjective of
// a noun (قوتابخانەیی, زانکۆیی) and the abstract noun of an adjective
// (گەورەیی); a single ی there is the ezafe or the clitic. The glide ی
// written before ەکان and ێک after a vowel (هۆیەکانی, ماوەیێک) is read, but
// not after و, where the ی is the adjective's own (شاخاویەکان).
TEST(Derivation, SuffixYiAfterAVowelAndTheGlideY) {
  const auto great = kurdi::analyze("گەورەیی").front();
  EXPECT_EQ(great.lemma, "گەورەیی");
  EXPECT_EQ(great.upos, "NOUN");
  EXPECT_EQ(great.morphemes.back().tag, "DER.N");
  EXPECT_EQ(kurdi::lemma("گەورەییەکەی"), "گەورەیی");
  const auto school = kurdi::analyze("قوتابخانەیی").front();
  EXPECT_EQ(school.lemma, "قوتابخانەیی");
  EXPECT_EQ(school.upos, "ADJ");
  EXPECT_EQ(kurdi::lemma("زانکۆیی"), "زانکۆیی");
  for (const auto& a : kurdi::analyze("ناوچەی")) EXPECT_EQ(a.lemma, "ناوچە") << a.features;
  const auto reasons = kurdi::analyze("هۆیەکانی").front();
  EXPECT_EQ(reasons.lemma, "هۆ");
  EXPECT_EQ(reasons.features, "N;DEF;PL;LGSPEC1");
  EXPECT_TRUE(reasons.known);
  EXPECT_EQ(kurdi::lemma("ماوەیێک"), "ماوە");
  EXPECT_EQ(kurdi::lemma("کورسییەکان"), "کورسی");
  for (const auto& a : kurdi::analyze("شاخاویەکان")) EXPECT_NE(a.lemma, "شاخاو");
}
// else explains the word: a derived lexeme, its own lemma, with the nominal
// suffixes after it; the abstract noun in ی of each (چاکەکاری).
TEST(Derivation, SuffixesOnALexiconWord) {
  const auto doers = kurdi::analyze("تاوانکاران").front();
  EXPECT_EQ(doers.lemma, "تاوانکار");
  EXPECT_EQ(doers.upos, "NOUN");
  EXPECT_TRUE(doers.known);
  EXPECT_EQ(doers.features, "N;PL");
  ASSERT_EQ(doers.morphemes.size(), 3u);
  EXPECT_EQ(doers.morphemes[0].end, std::string_view("تاوان").size());
  EXPECT_EQ(doers.morphemes[1].tag, "DER.AG");
  EXPECT_EQ(doers.morphemes[2].tag, "PL");
  const auto having = kurdi::analyze("مەترسیدارە").front();
  EXPECT_EQ(having.lemma, "مەترسیدار");
  EXPECT_EQ(having.upos, "ADJ");
  EXPECT_EQ(kurdi::lemma("زەرەرمەندان"), "زەرەرمەند");
  EXPECT_EQ(kurdi::lemma("چاکەخوازان"), "چاکەخواز");
  EXPECT_EQ(kurdi::lemma("هاوەڵگەران"), "هاوەڵگەر");
  // کار after the nominal part of a lexicon compound with کردن (داگیرکردن)
  const auto occupiers = kurdi::analyze("داگیرکارەکانی").front();
  EXPECT_EQ(occupiers.lemma, "داگیرکار");
  EXPECT_TRUE(occupiers.known);
  EXPECT_EQ(occupiers.morphemes[1].tag, "DER.AG");
  // the abstract noun: one suffix, not the agent + ezafe
  const auto doing = kurdi::analyze("چاکەکاری").front();
  EXPECT_EQ(doing.lemma, "چاکەکاری");
  EXPECT_EQ(doing.morphemes.back().tag, "DER.N");
  EXPECT_EQ(kurdi::lemma("کۆمەڵناسی"), "کۆمەڵناسی");
  EXPECT_EQ(kurdi::lemma("پێغەمبەرایەتیمان"), "پێغەمبەرایەتی");
  EXPECT_EQ(kurdi::lemma("پاشایەتی"), "پاشایەتی");
  // ەها after a noun or a quantity, also after a joined preposition
  EXPECT_EQ(kurdi::lemma("جۆرەها"), "جۆرەها");
  EXPECT_EQ(kurdi::lemma("بەچەندەها"), "چەندەها");
  // the lexicon's own word wins: کارمەند + ezafe, not کار + مەندی; a spelling
  // variant of a listed word too: گۆرانکاری is گۆڕانکاری, not گۆران + کاری
  EXPECT_EQ(kurdi::lemma("کارمەندی"), "کارمەند");
  EXPECT_EQ(kurdi::lemma("گۆرانکاری"), "گۆڕانکاری");
  // a name is no base (ئیمان is one in the lexicon), a pronoun takes no ەها
  EXPECT_FALSE(kurdi::analyze("ئیمانداران").front().known);
  EXPECT_NE(kurdi::lemma("ئەوەهات"), "ئەوەها");
  // the morpheme tokenization keeps a derived word whole
  std::string form;
  EXPECT_EQ(kurdi::morpheme_tokens("تاوانکاران", &form).size(), 1u);
  kurdi::Analyzer session;
  EXPECT_EQ(session.lemma("تاوانکاران"), "تاوانکار");
  EXPECT_EQ(session.stems("تاوانکاران"), kurdi::stems("تاوانکاران"));
}

TEST(Derivation, JoinedPrepositionBeforeAPronoun) {
  // Before a pronoun too; لەمن and لەتۆ were the dialect pronouns ئەمن, ئەتۆ
  // contracted, and بۆمن the preposition with a clitic and a copula.
  EXPECT_EQ(kurdi::lemma("لەمن"), "من");
  EXPECT_EQ(kurdi::lemma("لەتۆ"), "تۆ");
  EXPECT_EQ(kurdi::lemma("بۆمن"), "من");
  EXPECT_EQ(kurdi::lemma("بۆئێمە"), "ئێمە");
  EXPECT_EQ(kurdi::lemma("لەخۆیەوە"), "خۆ");
  // The pronoun's base, as without the preposition (ئەوانەی -> ئەو).
  EXPECT_EQ(kurdi::lemma("بۆئەوانەی"), "ئەو");
  EXPECT_EQ(kurdi::lemma("بۆئەمە"), "ئەم");
  // Contractions are unchanged.
  EXPECT_EQ(kurdi::lemma("لەو"), "ئەو");
  EXPECT_EQ(kurdi::lemma("بەمە"), "ئەمە");
}

TEST(Derivation, JoinedPrepositionBeforeNamesNumeralsAndVerbalNouns) {
  EXPECT_EQ(kurdi::lemma("لەسلێمانی"), "سلێمانی");
  EXPECT_EQ(kurdi::lemma("بەدوو"), "دوو");
  std::string form;
  EXPECT_EQ(kurdi::morpheme_tokens("لەسلێمانی", &form).size(), 1u);
  // A verbal noun: the infinitive's reading behind the preposition.
  const auto a = kurdi::analyze("لەناردنی").front();
  EXPECT_EQ(a.lemma, "ناردن");
  EXPECT_EQ(a.upos, "VERB");
  ASSERT_FALSE(a.morphemes.empty());
  EXPECT_EQ(a.morphemes.front().tag, "PREP");
  EXPECT_EQ(joined(a), "لەناردنی");
  EXPECT_TRUE(a.known);
  // A name no corpus attests (the lexicon lists many such place names) is
  // not read after a preposition: بۆمبێکی is a bomb, not بۆ + مبێکی.
  EXPECT_EQ(kurdi::lemma("بۆمبێکی"), "بۆمب");
}

// ر and ل written for ڕ and ڵ (keyboards without them): tried when nothing
// else explains the word, and only as a letter of the stem.
TEST(Derivation, RehAndLamWrittenForTheirDottedLetters) {
  EXPECT_EQ(kurdi::lemma("بەرێوەچوو"), "بەڕێوەچوون");
  EXPECT_EQ(kurdi::lemma("ولاتی"), "وڵات");
  EXPECT_EQ(kurdi::lemma("کارگێری"), "کارگێڕ");  // the second ر: کار's is right as it stands
  EXPECT_TRUE(contains(kurdi::stems("ماڵپەری"), "ماڵپەڕ"));
  const auto a = kurdi::analyze("ولاتی").front();
  EXPECT_TRUE(a.known);
  EXPECT_EQ(joined(a), "ولاتی");  // the morphemes are the word as written
  // A word the lexicon knows keeps its ر (برا, brother, is no بڕا).
  EXPECT_EQ(kurdi::lemma("برا"), "برا");
}

// A preposition written joined to the word before it (بۆ, لەسەر): the
// word's readings, the preposition a morpheme and a token of its own.
TEST(Derivation, PrepositionJoinedToTheWordBefore) {
  const auto a = kurdi::analyze("ئاماژەبۆ").front();
  EXPECT_EQ(a.lemma, "ئاماژە");
  EXPECT_TRUE(a.known);
  EXPECT_EQ(a.morphemes.back().tag, "PREP");
  EXPECT_EQ(kurdi::lemma("کردووەبۆ"), "کردن");
  EXPECT_EQ(kurdi::lemma("هەیەلەسەر"), "هەبوون");
  std::string form;
  EXPECT_EQ(kurdi::morpheme_tokens("ئاماژەبۆ", &form).size(), 2u);   // ئاماژە بۆ
  EXPECT_EQ(kurdi::morpheme_tokens("کردووەبۆ", &form).size(), 2u);   // a verb stays whole
  // Only when nothing else explains the word: a word in بۆ keeps its reading.
  EXPECT_EQ(kurdi::lemma("شەوبۆ"), "شەوبۆ");  // a flower, no شەو + بۆ
  EXPECT_NE(kurdi::analyze("شەوبۆ").front().morphemes.back().tag, "PREP");
}

// Agent nouns: present stem + ەر (ر after a compound's stem in a vowel), a
// derived lexeme that is its own lemma and takes the nominal suffixes.
TEST(Derivation, AgentNouns) {
  const auto a = kurdi::analyze("ڕاهێنەری").front();
  EXPECT_EQ(a.lemma, "ڕاهێنەر");
  EXPECT_EQ(a.upos, "NOUN");
  ASSERT_EQ(a.morphemes.size(), 3u);
  EXPECT_EQ(a.morphemes[1].tag, "DER.AG");
  EXPECT_TRUE(a.known);
  EXPECT_EQ(kurdi::lemma("خوێنەران"), "خوێنەر");
  EXPECT_EQ(kurdi::lemma("دەنگدەران"), "دەنگدەر");  // دەنگدان: دەنگ + دە + ر
  EXPECT_TRUE(contains(kurdi::stems("بەرهەمهێنەرانی"), "بەرهەمهێنەر"));
  // a derivation stays one morpheme token
  std::string form;
  EXPECT_EQ(kurdi::morpheme_tokens("ڕاهێنەری", &form).size(), 2u);  // ڕاهێنەر ی
  // not after a bare stem in a vowel: سور is سوور with one و, not سو + ر
  EXPECT_EQ(kurdi::lemma("سور"), "سوور");
}

// The abstract noun of an adjective in a consonant + ی (ئاڵۆزی
// "complexity"), read when more suffixes follow; alone, the word stays the
// adjective + ezafe.
TEST(Derivation, AbstractNounOfAnAdjective) {
  const auto a = kurdi::analyze("ئاڵۆزییەکی").front();
  EXPECT_EQ(a.lemma, "ئاڵۆزی");
  EXPECT_EQ(a.upos, "NOUN");
  EXPECT_TRUE(a.known);
  ASSERT_EQ(a.morphemes.size(), 4u);
  EXPECT_EQ(a.morphemes[1].tag, "DER.N");
  EXPECT_EQ(kurdi::lemma("ڕۆشنبیریی"), "ڕۆشنبیری");
  EXPECT_EQ(kurdi::lemma("بەردەوامییەکەی"), "بەردەوامی");
  EXPECT_EQ(kurdi::lemma("ئاڵۆزی"), "ئاڵۆز");
}

// A noun + the present stem of a verb that forms agent compounds freely
// (ڕۆژنامەنووس "journalist"), its own lemma, with the abstract noun in ی;
// not after a joined preposition, nor on a base of two letters.
TEST(Derivation, CompoundsWithAPresentStem) {
  const auto a = kurdi::analyze("خاچپەرستەکان").front();
  EXPECT_EQ(a.lemma, "خاچپەرست");
  EXPECT_EQ(a.upos, "NOUN");
  EXPECT_TRUE(a.known);
  ASSERT_EQ(a.morphemes.size(), 3u);
  EXPECT_EQ(a.morphemes[1].tag, "DER.AG");
  EXPECT_EQ(a.morphemes[2].tag, "DEF.PL");
  EXPECT_EQ(kurdi::lemma("چیرۆکنووسێکی"), "چیرۆکنووس");
  EXPECT_EQ(kurdi::lemma("بەرنامەسازان"), "بەرنامەساز");
  EXPECT_EQ(kurdi::lemma("کەمانژەنێک"), "کەمانژەن");
  const auto abstract = kurdi::analyze("تەلارسازیی").front();
  EXPECT_EQ(abstract.lemma, "تەلارسازی");
  EXPECT_EQ(abstract.upos, "NOUN");
  EXPECT_EQ(abstract.morphemes[1].tag, "DER.N");
  EXPECT_EQ(kurdi::lemma("پشتگیرییەکی"), "پشتگیری");
  // ڕەو after an adjective, بەخش giving an adjective
  const auto extremist = kurdi::analyze("توندڕەوەکان").front();
  EXPECT_EQ(extremist.lemma, "توندڕەو");
  EXPECT_EQ(extremist.upos, "ADJ");
  EXPECT_EQ(kurdi::analyze("زیانبەخشە").front().upos, "ADJ");
  // the stem alone after a joined preposition or a two-letter base is no compound
  EXPECT_FALSE(kurdi::analyze("بۆماوەزانی").front().known);
  EXPECT_FALSE(kurdi::analyze("سینووس").front().known);
  // the word going on with the verb's infinitive is the compound's verbal
  // noun, not the agent + the copula ین; a dictionary headword stands
  EXPECT_NE(kurdi::lemma("ڕێکەوتنووسین"), "ڕێکەوتنووس");
  EXPECT_EQ(kurdi::lemma("دەستڕێژی"), "دەستڕێژ");
  // پەرستن is a verb: دەیانپەرستن is its present, not دەیان + پەرست
  const auto worship = kurdi::analyze("دەیانپەرستن").front();
  EXPECT_EQ(worship.lemma, "پەرستن");
  EXPECT_EQ(worship.upos, "VERB");
}

// The agent noun of a verb with -ەوە keeps it as part of the lexeme
// (لێکۆڵەرەوە "researcher"), before the nominal suffixes; bare, the word
// reads first as the agent noun + the postposition -ەوە.
TEST(Derivation, AgentNounWithEwe) {
  const auto a = kurdi::analyze("لێکۆڵەرەوەی").front();
  EXPECT_EQ(a.lemma, "لێکۆڵەرەوە");
  EXPECT_EQ(a.upos, "NOUN");
  EXPECT_TRUE(a.known);
  ASSERT_EQ(a.morphemes.size(), 4u);
  EXPECT_EQ(a.morphemes[1].tag, "DER.AG");
  EXPECT_EQ(a.morphemes[2].tag, "V.EWE");
  EXPECT_EQ(a.morphemes[3].tag, "EZ");
  EXPECT_EQ(kurdi::lemma("بڵاوکەرەوەکان"), "بڵاوکەرەوە");  // ر after the compound's stem in a vowel
  EXPECT_EQ(kurdi::lemma("جیاکەرەوەیەک"), "جیاکەرەوە");
  const auto bare = kurdi::analyze("لێکۆڵەرەوە");
  EXPECT_EQ(bare.front().lemma, "لێکۆڵەر");
  bool lexeme = false;
  for (const auto& r : bare) lexeme = lexeme || r.lemma == "لێکۆڵەرەوە";
  EXPECT_TRUE(lexeme);
}

// The demonstrative frame before a relative clause takes the ezafe (ئەو
// کاتەی کە ..., ئەو شتانەی ...), read only when nothing else explains the word.
TEST(Derivation, DemonstrativeFrameWithEzafe) {
  const auto a = kurdi::analyze("کاتەی").front();
  EXPECT_EQ(a.lemma, "کات");
  ASSERT_EQ(a.morphemes.size(), 3u);
  EXPECT_EQ(a.morphemes[1].tag, "DEM");
  EXPECT_EQ(a.morphemes[2].tag, "EZ");
  EXPECT_EQ(kurdi::lemma("شتانەی"), "شت");
  EXPECT_EQ(kurdi::analyze("شتانەی").front().morphemes[1].tag, "PL.DEM");
  EXPECT_EQ(kurdi::lemma("بارەیەوە"), "بار");  // ...and a postposition after it
  // A lexicon word in ە + ezafe keeps its own reading, and the frame's is not offered.
  EXPECT_EQ(kurdi::lemma("خانەی"), "خانە");
  for (const auto& reading : kurdi::analyze("خانەی")) EXPECT_NE(reading.lemma, "خان");
}

// A spelling variant is searched only when a key could explain the changed
// letter (Search::some_key_from_a_start). Each case here is one kind of place
// the pre-test must still let through.
TEST(Derivation, SpellingVariantsTheirPreTestKeeps) {
  // و for وو in the stem, after a prefix, or before the plural ان of an ە-final stem
  EXPECT_EQ(kurdi::lemma("نمونە"), "نموونە");
  EXPECT_EQ(kurdi::lemma("نمونانە"), "نموونە");
  EXPECT_TRUE(contains(kurdi::stems("بینوسن"), "نووسین"));  // prefix ب and clitic ی
  // ...in the perfect وو and the pluperfect بوو, right after a past stem
  EXPECT_EQ(kurdi::lemma("کردوە"), "کردن");
  EXPECT_EQ(kurdi::lemma("خواردبو"), "خواردن");
  // ...after a preverb and a clitic or a prefix (the stem key holds the preverb)
  EXPECT_EQ(kurdi::lemma("هەڵیبژاردوە"), "هەڵبژاردن");
  EXPECT_EQ(kurdi::lemma("وەرنەگرتوە"), "وەرگرتن");
  EXPECT_EQ(kurdi::lemma("داوایکردوە"), "داواکردن");
  // ر for ڕ after a preverb and a prefix, and after a prefix and a clitic
  // (before the pre-test looked past clitics and preverbs, these stayed unknown)
  EXPECT_EQ(kurdi::lemma("تێدەپەرێت"), "تێپەڕین");
  EXPECT_EQ(kurdi::lemma("بیگێرنەوە"), "گێڕان");
}

// Along the letters a variant shares with the word, the pre-test takes the
// word's own prefix hashes and the point where no key starts with them
// (Search::some_key_from_a_start, same_as_form) instead of hashing again.
// Variants whose changed letter comes late pass it all the way, and one
// whose stem ends right where the shared part ends (the perfect وو) too.
TEST(Derivation, SpellingVariantsLateInTheWord) {
  // the second ر of the word (the first one's variant explains nothing)
  EXPECT_EQ(kurdi::lemma("بیروباوەری"), "بیروباوەڕ");
  EXPECT_EQ(kurdi::lemma("ئەستەمبۆل"), "ئەستەمبۆڵ");
  EXPECT_EQ(kurdi::lemma("پیلانگێرانی"), "پیلانگێڕ");
  // و for وو after nine and ten letters of the word
  EXPECT_EQ(kurdi::lemma("ڕۆژنامەنوسانی"), "ڕۆژنامەنووس");
  EXPECT_TRUE(contains(kurdi::stems("ڕووبەڕووبونەوەی"), "ڕووبەڕووبوون"));
  // a key that ends where the shared part ends: the past stem before the perfect
  EXPECT_EQ(kurdi::lemma("کردوە"), "کردن");
  // a word no key begins with keeps its spelling: no variant of it is searched
  EXPECT_EQ(kurdi::stems("ژژژرو"), std::vector<std::string>{"ژژژرو"});
}

TEST(Derivation, ConjunctionJoinedToTheWordBefore) {
  // و written without a space: the word's own readings, and و as a morpheme.
  EXPECT_EQ(kurdi::lemma("کتێبو"), "کتێب");
  EXPECT_EQ(kurdi::lemma("هاتووەو"), "هاتن");
  EXPECT_TRUE(contains(kurdi::stems("هاتووەو"), "هاتن"));
  const auto a = kurdi::analyze("کتێبو").front();
  EXPECT_TRUE(a.known);
  ASSERT_EQ(a.morphemes.size(), 2u);
  EXPECT_EQ(a.morphemes.back().tag, "CONJ");
  // The conjunction is a token of its own, after a verb too (whose endings stay whole).
  std::string form;
  EXPECT_EQ(kurdi::morpheme_tokens("کتێبو", &form).size(), 2u);
  EXPECT_EQ(kurdi::morpheme_tokens("هاتووەو", &form).size(), 2u);
  // after a ZWNJ too, which the standard profile keeps: the ZWNJ goes with و
  const std::string zwnj_and = "دەکات\u200C\u0648";
  const auto does = kurdi::analyze(zwnj_and).front();
  EXPECT_EQ(does.lemma, "کردن");
  EXPECT_TRUE(does.known);
  EXPECT_EQ(does.morphemes.back().tag, "CONJ");
  EXPECT_EQ(does.morphemes.back().begin, std::string_view("دەکات").size());
  EXPECT_EQ(kurdi::lemma("ژیان\u200C\u0648"), "ژیان");
  EXPECT_EQ(kurdi::morpheme_tokens(zwnj_and, &form).size(), 2u);
  // کە and چونکە before a word: the conjunction, then the word's own tokens.
  EXPECT_EQ(kurdi::lemma("کەلەشارەکە"), "شار");
  EXPECT_EQ(kurdi::lemma("چونکەئەوان"), "ئەو");
  EXPECT_EQ(kurdi::morpheme_tokens("کەلەشارەکە", &form).size(), 3u);  // کە لەشار ەکە
  EXPECT_EQ(kurdi::analyze("کەلەشارەکە").front().morphemes.front().tag, "CONJ");
  // Only when nothing else explains the word: a long û written with one و
  // is tried first (تاکو), and a lexicon word in و stays whole (ئەو).
  EXPECT_EQ(kurdi::lemma("تاکو"), "تاکوو");
  EXPECT_EQ(kurdi::analyze("ئەو").front().morphemes.size(), 1u);
  EXPECT_EQ(kurdi::lemma("کەس"), "کەس");
}

// کێشە is a noun, not the pronoun کێ + -ش + copula: a pronoun followed
// directly by -یش earns no pronoun bonus (found on the KurdishLID sentences).
TEST(Lemma, PronounWithAdditiveDoesNotCutANoun) {
  EXPECT_EQ(kurdi::lemma("کێشە"), "کێشە");
  EXPECT_EQ(kurdi::lemma("ئەمەش"), "ئەم");
  EXPECT_EQ(kurdi::lemma("ئەویش"), "ئەو");
}

// The full -یش after a pronoun keeps the pronoun's bonus: ئەویش is ئەو + یش,
// not ئەو + ezafe ی + ش (the short ش alone loses it, as above).
TEST(Lemma, PronounWithFullAdditive) {
  const auto a = kurdi::analyze("ئەویش").front();
  ASSERT_EQ(a.morphemes.size(), 2u);
  EXPECT_EQ(a.morphemes[1].tag, "ADD");
  EXPECT_EQ(a.form.substr(a.morphemes[1].begin), "یش");
  std::string form;
  EXPECT_EQ(kurdi::morpheme_tokens("ئەمیش", &form).size(), 2u);
}

// The morpheme tokens of words in running text: text(words) joins each
// word's tokens with spaces, the words fed to one MorphemeTokenizer in order
// ("|" stands for a punctuation token).
std::string in_text(std::initializer_list<std::string_view> words) {
  kurdi::MorphemeTokenizer t;
  std::string out, form;
  const std::vector<std::string_view> w(words);
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (w[k] == "|") {
      t.punctuation(".");
      continue;
    }
    // (a "|" stands for a full stop, which is passed as the next token too)
    const std::string_view next =
        k + 1 >= w.size() ? std::string_view() : w[k + 1] == "|" ? std::string_view(".") : w[k + 1];
    for (const auto& [b, e] : t.word(w[k], next, &form)) {
      if (!out.empty()) out += ' ';
      out += form.substr(b, e - b);
    }
  }
  return out;
}

TEST(MorphemeTokenizer, AdjectiveEIsTheCopulaOutsideADemonstrativeFrame) {
  // Alone, the adjective's ە is ranked as the demonstrative's (it stays on the word) ...
  std::string form;
  EXPECT_EQ(kurdi::morpheme_tokens("باشترە", &form).size(), 1u);
  // ... in a clause with no demonstrative before it, it is the copula.
  EXPECT_EQ(in_text({"ئەمە", "باشترە"}), "ئەمە باشتر ە");
  EXPECT_EQ(in_text({"پێویستە", "بڕوات"}), "پێویست ە بڕوات");
  // Within a few words after ئەم / ئەو (or a contraction, لەو) the frame's ە stays.
  EXPECT_EQ(in_text({"ئەم", "کتێبە", "نوێیە"}), "ئەم کتێبە نوێیە");
  EXPECT_EQ(in_text({"لەو", "شارە", "گەورەیە"}), "لەو شارە گەورەیە");
  // A punctuation mark, a verb or the relative کە closes the frame.
  EXPECT_EQ(in_text({"ئەو", "|", "باشترە"}), "ئەو باشتر ە");
  EXPECT_EQ(in_text({"ئەو", "هات", "باشترە"}), "ئەو هات باشتر ە");
  {
    // (a quotation mark does not)
    kurdi::MorphemeTokenizer t;
    t.word("ئەو");
    t.punctuation("«");
    EXPECT_EQ(t.word("باشترە").size(), 1u);
  }
  EXPECT_EQ(in_text({"ئەو", "کارەی", "کە", "پێویستە"}), "ئەو کارە ی کە پێویست ە");
  // ... and so does the frame's length: four words after the demonstrative.
  EXPECT_EQ(in_text({"ئەم", "پیاو", "و", "ژن", "و", "باشترە"}), "ئەم پیاو و ژن و باشتر ە");
  // Before a word that goes on with the noun phrase, the ە is its linker.
  EXPECT_EQ(in_text({"کوڕێکی", "باشە", "و"}), "کوڕ ێک ی باش ە و");
  EXPECT_EQ(in_text({"یاریزانە", "پیشەگەرەکان"}), "یاریزانە پیشەگەر ەکان");
  // A noun's ە keeps its ranking: it is also the linker of a definite phrase.
  EXPECT_EQ(in_text({"شارە", "بەناوبانگەکان"}), "شارە بەناوبانگ ەکان");
  // Without context, as morpheme_tokens.
  kurdi::MorphemeTokenizer t;
  EXPECT_EQ(t.word("کتێبەکانیشمان", {}, &form), kurdi::morpheme_tokens("کتێبەکانیشمان"));
}

TEST(MorphemeTokenizer, YehEOfANounOrPronounInAVowel) {
  // After a vowel the copula is یە, on a noun or a pronoun too (جێی ئاماژەیە,
  // ئەوەیە کە), outside a frame and before no noun phrase.
  EXPECT_EQ(in_text({"جێی", "ئاماژەیە", "|"}), "جێ ی ئاماژە یە");
  EXPECT_EQ(in_text({"ئەوەیە", "کە"}), "ئەوە یە کە");
  EXPECT_EQ(in_text({"هی", "تۆیە"}), "هی تۆ یە");
  // A noun's ە after a consonant is not (the linker, above), nor یە in a frame ...
  EXPECT_EQ(in_text({"ئەو", "ناوچەیە", "|"}), "ئەو ناوچەیە");
  // ... with the determiner written joined to the word before it (ئ begins a word) ...
  EXPECT_EQ(in_text({"نەکەنەئەو", "ناوچەیە", "|"}), "نەکەنەئەو ناوچەیە");
  // ... nor before a word with a number or definiteness marker, whatever its part of speech.
  EXPECT_EQ(in_text({"یارییە", "دۆستانەکەی"}), "یارییە دۆستانە کە ی");
  // The frame's ە closes the frame unless the phrase goes on.
  EXPECT_EQ(in_text({"ئەم", "تایبەتمەندییە", "بۆ", "هەموو", "ئاشنایە"}), "ئەم تایبەتمەندییە بۆ هەموو ئاشنا یە");
}

TEST(MorphemeTokenizer, NoEzafeBeforeAConjunctionOrTheEndOfAPhrase) {
  // Ranked alone, تایبەتی is تایبەت + ezafe; an ezafe needs a word after it,
  // so before و or a phrase-ending mark the lexicon's adjective is read whole.
  EXPECT_EQ(in_text({"کەرتی", "تایبەتی", "|"}), "کەرت ی تایبەتی");
  kurdi::MorphemeTokenizer t;
  std::string form;
  EXPECT_EQ(t.word("تایبەتی", ":").size(), 1u);
  EXPECT_EQ(t.word("ئەمنی", "و").size(), 1u);
  // Before a word, a bracket or a quotation mark that opens a name, it links.
  EXPECT_EQ(t.word("تایبەتی", "کەرت").size(), 2u);
  EXPECT_EQ(t.word("تایبەتی", {}).size(), 2u);
  // Through tokens(): a closing bracket ends the phrase, an opening one does not.
  EXPECT_EQ(kurdi::morpheme_tokenize("(کەرتی تایبەتی)"),
            (std::vector<std::string>{"(", "کەرت", "ی", "تایبەتی", ")"}));
  EXPECT_EQ(kurdi::morpheme_tokenize("گوندی (ئیسلاح)"),
            (std::vector<std::string>{"گوند", "ی", "(", "ئیسلاح", ")"}));
}

TEST(MorphemeTokenizer, EzafeAfterAbstractYy) {
  // An unknown word in a vowel + ییی: the abstract noun in -یی and the ezafe.
  std::string form;
  const auto t = kurdi::morpheme_tokens("دواکەوتووییی", &form);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(form.substr(t[1].first), "ی");
  // Four ی are not guessed so (the fourth would need a vowel before -یی).
  EXPECT_EQ(kurdi::morpheme_tokens("ڕاستیییی", &form).size(), 1u);
}


}  // namespace

namespace {

// The relative forms of the demonstrative pronouns give the base, as the bare
// forms do (UniMorph train: ئەوانەی -> ئەو); a contraction is left alone.
TEST(Lemma, RelativeFormOfAPronounGivesItsBase) {
  EXPECT_EQ(kurdi::lemma("ئەوانە"), "ئەو");
  EXPECT_EQ(kurdi::lemma("ئەوانەی"), "ئەو");
  EXPECT_EQ(kurdi::lemma("ئەوەی"), "ئەو");
  EXPECT_EQ(kurdi::lemma("ئەمەی"), "ئەم");
  EXPECT_NE(kurdi::lemma("بەمە"), "بەمە");
}

// An adverb with a definiteness marker pays extra: a noun reading wins.
TEST(Lemma, AdverbWithAMarkerLosesToANoun) {
  EXPECT_EQ(kurdi::lemma("ڕەنگەکەی"), "ڕەنگ");  // the colour, not the adverb ڕەنگە "maybe"
  EXPECT_EQ(kurdi::lemma("ڕەنگە"), "ڕەنگە");
}

// A conjunction, particle, interjection or adposition takes no number or
// (in)definiteness marker (found on the KurdishLID sentences).
TEST(Lemma, FunctionWordsTakeNoMarker) {
  EXPECT_EQ(kurdi::lemma("یانەکانی"), "یانە");  // not the conjunction یان
  EXPECT_EQ(kurdi::lemma("کوڕەکانی"), "کوڕ");   // not the interjection کوڕە
  EXPECT_EQ(kurdi::lemma("یەکان"), "یەک");      // not the particle ی
  for (const auto& a : kurdi::analyze("یانەکان"))
    EXPECT_NE(a.upos, "CCONJ") << a.features;
  // Clitics they do take: بۆیان, لێیان.
  EXPECT_EQ(kurdi::lemma("بۆیان"), "بۆ");
}

// An irregular present with its person ending takes the present's suffixes
// after it like any present (docs/morphology.md, "Irregular forms").
TEST(Irregular, PresentTakesTheDirectionalAndEwe) {
  const auto a = kurdi::analyze("دێتە").front();
  EXPECT_EQ(a.lemma, "هاتن");
  EXPECT_EQ(a.upos, "VERB");
  EXPECT_EQ(a.features, "V;PRS;IND;ARGNO3S;LGSPEC2");
  ASSERT_EQ(a.morphemes.size(), 3u);
  EXPECT_EQ(a.morphemes[2].tag, "DIR");
  EXPECT_EQ(kurdi::analyze("نایەتەوە").front().features, "V;PRS;IND;NEG;ARGNO3S;LGSPEC3");
  EXPECT_EQ(kurdi::lemma("نایەن"), "هاتن");
  EXPECT_EQ(kurdi::lemma("دێنە"), "هاتن");
  // A verb form stays one morpheme token.
  EXPECT_EQ(kurdi::morpheme_tokens("دێتە").size(), 1u);
  // The form alone is unchanged: no suffix, no added feature.
  EXPECT_EQ(kurdi::analyze("دێت").front().features, "V;PRS;IND;ARGNO3S");
}

// Found by the fuzzer: an irregular form whose pieces were all tagged had an empty stem.
TEST(Irregular, EveryAnalysisHasAStem) {
  for (const char* w : {"نیە", "نییە", "نین", "هەیە", "هەبێت", "دێ", "بن"})
    for (const auto& a : kurdi::analyze(w)) {
      EXPECT_FALSE(a.stem.empty()) << w;
      EXPECT_FALSE(a.lemma.empty()) << w;
    }
}

}  // namespace
