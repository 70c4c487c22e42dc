// Analyzer fixtures: text in, terms out, per language. Every expected term
// list below was worked out by hand from the rules in analyzer.h.
#include "search/analyzer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "search/query.h"

namespace kbgen::search {
namespace {

using Terms = std::vector<std::string>;

std::unique_ptr<Analyzer> Make(const char* lang) {
  std::string error;
  auto a = Analyzer::Create(lang, &error);
  REQUIRE_MESSAGE(a != nullptr, error);
  return a;
}

TEST_CASE("analyzer: unknown language is refused") {
  std::string error;
  CHECK(Analyzer::Create("de", &error) == nullptr);
  CHECK(error == "unknown language 'de'");
}

TEST_CASE("analyzer: English case folding, NFKC and word splitting") {
  auto a = Make("en");
  CHECK(a->Terms("Digital Innovation, ICT-centric!") == Terms{"digital", "innovation", "ict", "centric"});
  // Full-width letters and digits, the fi ligature, ß.
  CHECK(a->Terms("ＩＴＵ ２０１８ ﬁnance Straße") == Terms{"itu", "2018", "finance", "strasse"});
  // An apostrophe or a decimal point separates terms for Xapian.
  CHECK(a->Terms("ITU's 3.14") == Terms{"itu", "s", "3", "14"});
  // A zero-width space is a word boundary, not glue.
  CHECK(a->Terms("foo\u200Bbar") == Terms{"foo", "bar"});
  CHECK(a->Terms("  ,;!? ") == Terms{});
  CHECK(a->Stem("innovation") == "innov");
  CHECK(a->Stem("2018") == "");  // the query parser does not stem numbers
}

TEST_CASE("analyzer: ASCII and non-ASCII stretches side by side") {
  // ASCII chunks are segmented by hand, the others by ICU: the terms read
  // on across the seams.
  auto a = Make("fr");
  CHECK(a->Terms("Café au lait: don't e.g. 3.14 l'été, x_y Ünïcode\tend\nZürich 2018") ==
        Terms{"cafe", "au", "lait", "don", "t", "e", "g", "3", "14", "l", "ete", "x_y", "unicode",
              "end", "zurich", "2018"});
  std::string text = "abc Été def";
  std::vector<Token> tokens;
  a->Tokenize(text, &tokens);
  REQUIRE(tokens.size() == 3);
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "Été");
  CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "def");
}

TEST_CASE("analyzer: byte ranges point at the original words") {
  auto a = Make("fr");
  std::string text = "L'Économie numérique";
  std::vector<Token> tokens;
  a->Tokenize(text, &tokens);
  REQUIRE(tokens.size() == 3);
  // l'Économie is one ICU word: both of its terms share its range.
  CHECK(tokens[0].term == "l");
  CHECK(tokens[1].term == "economie");
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "L'Économie");
  CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "numérique");
}

TEST_CASE("analyzer: French accents folded, elision split, œ") {
  auto a = Make("fr");
  CHECK(a->Terms("L'Économie numérique") == Terms{"l", "economie", "numerique"});
  CHECK(a->Terms("économie") == a->Terms("economie"));
  CHECK(a->Terms("ÉCONOMIE") == Terms{"economie"});
  CHECK(a->Terms("au cœur") == Terms{"au", "coeur"});
  CHECK(a->Terms("d’innovation") == Terms{"d", "innovation"});  // typographic apostrophe
  // Decomposed input (e + combining acute) gives the same term.
  CHECK(a->Terms("e\u0301conomie") == Terms{"economie"});
  CHECK(a->Stem("economies") == a->Stem("economie"));
}

TEST_CASE("analyzer: Spanish accents and ñ folded") {
  auto a = Make("es");
  CHECK(a->Terms("Año Económico, NIÑO") == Terms{"ano", "economico", "nino"});
  CHECK(a->Terms("innovación") == a->Terms("innovacion"));
}

TEST_CASE("analyzer: Russian ё equals е, stress marks dropped, й kept") {
  auto a = Make("ru");
  CHECK(a->Terms("Ёлка ещё партнёрство") == Terms{"елка", "еще", "партнерство"});
  CHECK(a->Terms("заво\u0301д") == Terms{"завод"});
  CHECK(a->Terms("Новый") == Terms{"новый"});  // й is a letter, not и + breve
  CHECK(a->Stem("инновации") == a->Stem("инновация"));
}

TEST_CASE("analyzer: Arabic tashkeel, tatweel and alef forms") {
  auto a = Make("ar");
  // With and without tashkeel.
  // (Ta marbuta folds to ha: see the next test.)
  CHECK(a->Terms("العَرَبِيَّة") == Terms{"العربيه"});
  CHECK(a->Terms("العربية") == Terms{"العربيه"});
  // Tatweel (kashida) stretching a word.
  CHECK(a->Terms("الــعــربية") == Terms{"العربيه"});
  // أ إ آ ٱ all become ا.
  CHECK(a->Terms("أحمد إسلام آمن ٱلله") == Terms{"احمد", "اسلام", "امن", "الله"});
  // Alef with a combining hamza (decomposed) folds the same way.
  CHECK(a->Terms("\u0627\u0654\u062D\u0645\u062F") == Terms{"احمد"});
  // Arabic-Indic digits become ASCII digits.
  CHECK(a->Terms("٢٠١٨") == Terms{"2018"});
  // Lam-alef presentation form (NFKC).
  CHECK(a->Terms("\uFEFB") == Terms{"لا"});
  CHECK(a->Stem("الابتكار") == a->Stem("ابتكار"));
}

TEST_CASE("analyzer: Arabic ta marbuta as ha, alef maqsura as ya") {
  auto a = Make("ar");
  // Readers write either; pages too.
  CHECK(a->Terms("الدول العربية") == a->Terms("الدول العربيه"));
  CHECK(a->Terms("مستوى") == a->Terms("مستوي"));
  CHECK(a->Terms("مستوى") == Terms{"مستوي"});
  CHECK(a->Terms("المدينة") == Terms{"المدينه"});
  // Both at once, with tashkeel.
  CHECK(a->Terms("مُسْتَوَى المَدِينَة") == Terms{"مستوي", "المدينه"});
  // So the stems meet as well.
  CHECK(a->Stem(a->Terms("الشراكة")[0]) == a->Stem(a->Terms("الشراكه")[0]));
}

TEST_CASE("analyzer: the plural of an acronym is its singular") {
  auto a = Make("en");
  CHECK(a->Terms("SMEs SDGs NGOs ICTs") == Terms{"sme", "sdg", "ngo", "ict"});
  CHECK(a->Terms("SME SDG") == Terms{"sme", "sdg"});
  // Only capitals then a lower-case s: ordinary words keep theirs.
  CHECK(a->Terms("Sms Bus OS IDS gas") == Terms{"sms", "bus", "os", "ids", "gas"});
  // Every language reads acronyms written in Latin letters the same way.
  CHECK(Make("fr")->Terms("les PMEs") == Terms{"les", "pme"});
  CHECK(Make("ru")->Terms("SMEs") == Terms{"sme"});
}

TEST_CASE("analyzer: stop words of each language, folded as queries are") {
  CHECK(Make("en")->IsStopWord("the"));
  CHECK(Make("en")->IsStopWord("how"));
  CHECK_FALSE(Make("en")->IsStopWord("it"));  // IT, information technology
  CHECK_FALSE(Make("en")->IsStopWord("ecosystem"));
  CHECK(Make("fr")->IsStopWord("a"));   // à, accent folded
  CHECK(Make("fr")->IsStopWord("ou"));  // où
  CHECK(Make("es")->IsStopWord("como"));  // cómo
  CHECK(Make("ru")->IsStopWord("еще") == false);
  CHECK(Make("ru")->IsStopWord("как"));
  CHECK(Make("ar")->IsStopWord("اين"));  // أين, alef folded
  CHECK(Make("ar")->IsStopWord("في"));
  CHECK(Make("zh")->IsStopWord("如何"));
  CHECK(Make("zh")->IsStopWord("的"));
  CHECK_FALSE(Make("zh")->IsStopWord("创新"));
}

TEST_CASE("analyzer: Chinese words from ICU's dictionary segmentation") {
  auto a = Make("zh");
  // Two words written without a space, at index and query time alike.
  CHECK(a->Terms("数字创新") == Terms{"数字", "创新"});
  CHECK(a->Terms("创新生态系统的评估。") == Terms{"创新", "生态", "系统", "的", "评估"});
  CHECK(a->Terms("创") == Terms{"创"});
  // Full-width Latin folded, mixed with Chinese.
  CHECK(a->Terms("ＩＣＴ发展") == Terms{"ict", "发展"});
  CHECK(a->Stem("创新") == "");  // no stemmer
  CHECK(HanCharacters("创新") == Terms{"创", "新"});
  CHECK(HanCharacters("创") == Terms{});
  CHECK(HanCharacters("ict") == Terms{});
  CHECK(IsHanCharacter("创"));
  CHECK_FALSE(IsHanCharacter("创新"));
  CHECK_FALSE(IsHanCharacter("a"));
  CHECK_FALSE(IsHanCharacter(""));
}

TEST_CASE("analyzer: display forms keep accents and marks, fold case") {
  auto a = Make("fr");
  CHECK(a->DisplayForm("Économie") == "économie");
  CHECK(a->DisplayForm("e\u0301conomie") == "économie");  // NFC
  auto ru = Make("ru");
  CHECK(ru->DisplayForm("Партнёрство") == "партнёрство");
}

TEST_CASE("analyzer: invalid UTF-8 does not crash and keeps the valid words") {
  auto a = Make("en");
  Terms t = a->Terms(std::string("good \xff\xfe bad\xc3 words"));
  CHECK(t.front() == "good");
  CHECK(t.back() == "words");
}

TEST_CASE("analyzer: words longer than the term limit are not indexed") {
  auto a = Make("en");
  CHECK(a->Terms(std::string(200, 'x') + " ok") == Terms{"ok"});
}

// The promise that makes search work: Xapian's query parser reads the
// analysed query back as exactly the analyzer's terms.
TEST_CASE("analyzer: the query parser agrees with the analyzer") {
  const std::vector<std::pair<const char*, const char*>> samples = {
      {"en", "ICT's e-mail 3.14 C++ AT&T foo_bar naïve café"},
      {"fr", "L'Économie numérique, au cœur d’une « transformation » — 2018 !"},
      {"es", "¿Año económico? ¡Niño! Innovación y tecnología."},
      {"ru", "Ёлка, партнёрство и заво́д: «Цифровая» экономика."},
      {"ar", "الــعَرَبِيَّة، أحمد و إسلام؛ ٢٠١٨ (الابتكار)"},
      {"zh", "数字创新生态系统，能力建设和伙伴关系。ＩＣＴ发展２０１８"},
  };
  for (const auto& [lang, text] : samples) {
    CAPTURE(lang);
    auto a = Make(lang);
    AnalyzedQuery q = AnalyzeQuery(a.get(), text);
    Xapian::QueryParser qp;
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    qp.set_default_op(Xapian::Query::OP_OR);
    Xapian::Query parsed = qp.parse_query(q.text, Xapian::QueryParser::FLAG_DEFAULT);
    Terms from_parser(parsed.get_terms_begin(), parsed.get_terms_end());
    // Stop words are dropped from queries (query.h); the rest agrees.
    Terms expected;
    for (auto& t : a->Terms(text)) {
      if (q.stop_words == 0 || !a->IsStopWord(t)) expected.push_back(t);
    }
    CHECK(from_parser == expected);
  }
}

}  // namespace
}  // namespace kbgen::search
