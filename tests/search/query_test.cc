// The analysed query text handed to Xapian's parser: words normalised like
// the index, syntax kept, malformed syntax detected, limits counted.
#include "search/query.h"

#include <doctest/doctest.h>

namespace kbgen::search {
namespace {

AnalyzedQuery Analyze(const char* lang, const std::string& q) {
  std::string error;
  auto a = Analyzer::Create(lang, &error);
  REQUIRE(a != nullptr);
  return AnalyzeQuery(a.get(), q);
}

TEST_CASE("query: words normalised, syntax kept") {
  auto q = Analyze("fr", "title:Économie -PME \"cœur de l'innovation\" AND écono*");
  CHECK(q.text == "title:economie -pme \"coeur de l innovation\" AND econo*");
  CHECK(q.plain == "economie pme coeur de l innovation econo");
  CHECK(q.words == 7);
  CHECK(q.wildcards == 1);
  CHECK(q.wildcard_prefixes == std::vector<std::string>{"econo"});
  CHECK(q.well_formed);
}

TEST_CASE("query: punctuation that is not syntax becomes a space") {
  auto q = Analyze("en", "c++, e.g. AT&T; x*y foo-bar a:b");
  // '+' after a word is not love, '*' between words is not a wildcard,
  // '-' inside a word is not hate, ':' after a non-field is not a field.
  // ("at" and "a" are English stop words, dropped outside phrases.)
  CHECK(q.text == "c e g t x* y foo bar b");
  CHECK(q.wildcards == 1);
}

TEST_CASE("query: operators are upper-case only, NEAR/n keeps its window") {
  // Lower-case "and" is a word (a stop word, so dropped), not an operator.
  CHECK(Analyze("en", "mapping and policy").text == "mapping policy");
  CHECK_FALSE(Analyze("en", "mapping and policy").syntax);
  CHECK(Analyze("en", "mapping AND policy").text == "mapping AND policy");
  CHECK(Analyze("en", "a NEAR/3 b").text == "a NEAR/3 b");
  CHECK(Analyze("en", "(a OR b) NOT c").text == "(a OR b) NOT c");
  // In a phrase, AND is a word.
  CHECK(Analyze("en", "\"funding AND skills\"").text == "\"funding and skills\"");
}

TEST_CASE("query: Chinese words are separated, Arabic marks removed") {
  CHECK(Analyze("zh", "数字创新").text == "数字 创新");
  CHECK(Analyze("zh", "\"数字创新\" OR 能力建设").text == "\"数字 创新\" OR 能力 建设");
  // ... and a final ta marbuta read as ha.
  CHECK(Analyze("ar", "الرَّقْمِيّ إستراتيجية").text == "الرقمي استراتيجيه");
  CHECK(Analyze("ru", "Ёлка").text == "елка");
}

TEST_CASE("query: malformed syntax is detected") {
  CHECK(Analyze("en", "a OR b").well_formed);
  CHECK(Analyze("en", "NOT b").well_formed);  // pure NOT
  CHECK(Analyze("en", "a AND NOT b").well_formed);
  CHECK(Analyze("en", "title:(a b)").well_formed);
  CHECK(Analyze("en", "+a -\"b c\"").well_formed);
  CHECK(Analyze("en", "").well_formed);
  CHECK_FALSE(Analyze("en", "a OR").well_formed);
  CHECK_FALSE(Analyze("en", "OR a").well_formed);
  CHECK_FALSE(Analyze("en", "a AND OR b").well_formed);
  CHECK_FALSE(Analyze("en", "\"a b").well_formed);
  CHECK_FALSE(Analyze("en", "(a b").well_formed);
  CHECK_FALSE(Analyze("en", "a b)").well_formed);
  CHECK_FALSE(Analyze("en", "()").well_formed);
  CHECK_FALSE(Analyze("en", "a NOT").well_formed);
}

TEST_CASE("query: limits") {
  CHECK(CheckQueryBytes(std::string(kMaxQueryBytes, 'a')) == "");
  CHECK(CheckQueryBytes(std::string(kMaxQueryBytes + 1, 'a')) ==
        "the query is too long (1025 bytes; at most 1024)");
  AnalyzedQuery q;
  q.words = kMaxQueryWords;
  q.wildcards = kMaxWildcards;
  CHECK(CheckQueryLimits(q) == "");
  q.words = kMaxQueryWords + 1;
  CHECK(CheckQueryLimits(q) == "the query has too many words (33; at most 32)");
  q.words = 1;
  q.wildcards = kMaxWildcards + 1;
  CHECK(CheckQueryLimits(q) == "the query has too many wildcards (5; at most 4)");
}

TEST_CASE("query: highlight terms keep text terms only") {
  std::vector<Xapian::Query> terms;
  for (const char* t : {"economie", "Zeconom", "Sserbia", "ZSserbia", "XSYN0", "XREGIONeurope", "Len",
                        "数字"}) {
    terms.emplace_back(t);
  }
  Xapian::Query q(Xapian::Query::OP_AND, terms.begin(), terms.end());
  CHECK(HighlightTerms(q) == std::vector<std::string>{"XSYN0", "Zeconom", "Zserbia", "economie",
                                                      "serbia", "数字"});
}

TEST_CASE("query builder: an empty query matches nothing, and parses as the index") {
  std::string error;
  auto a = Analyzer::Create("fr", &error);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  QueryBuilder builder(a.get(), db);
  QueryBuilder::Result r;
  REQUIRE(builder.Build(AnalyzeQuery(a.get(), "?!"), &r, &error));
  CHECK(r.query.empty());
  REQUIRE(builder.Build(AnalyzeQuery(a.get(), "Économies numériques"), &r, &error));
  // Plain words: any of them, with a share for those in the title (query.h).
  CHECK(r.query.get_description() ==
        "Query(((Zeconom@1 OR Znumer@2) AND_MAYBE 0.5 * (ZSeconom OR ZSnumer)))");
  // With syntax, the words are joined by AND as before.
  REQUIRE(builder.Build(AnalyzeQuery(a.get(), "+Économies numériques"), &r, &error));
  CHECK(r.query.get_description() == "Query((Zeconom@1 AND Znumer@2))");
  CHECK_FALSE(r.fell_back);
  REQUIRE(builder.Build(AnalyzeQuery(a.get(), "économie OR"), &r, &error));
  CHECK(r.query.get_description() == "Query(Zeconom@1)");
  CHECK(r.fell_back);
}

}  // namespace
}  // namespace kbgen::search
