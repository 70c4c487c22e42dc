// The search API's request parsing and answers, shared by kbgen serve and
// the in-browser engine.
#include "search/api_request.h"

#include <doctest/doctest.h>

#include "search/schema.h"
#include "tests/search/fixture.h"

namespace kbgen::search {
namespace {

TEST_CASE("api request: parameters become a search request") {
  SearchRequest r;
  std::string error;
  REQUIRE(ParseApiRequest({{"q", "innovation"},
                           {"lang", "fr"},
                           {"limit", "5"},
                           {"page", "3"},
                           {"filter", "region:Europe"},
                           {"filter", "year=2018"}},
                          &r, &error));
  CHECK(r.query == "innovation");
  CHECK(r.lang == "fr");
  CHECK(r.limit == 5);
  CHECK(r.offset == 10);
  REQUIRE(r.filters.size() == 2);
  CHECK(r.filters[0] == std::pair<std::string, std::string>("region", "Europe"));
  CHECK(r.filters[1] == std::pair<std::string, std::string>("year", "2018"));
}

TEST_CASE("api request: defaults") {
  SearchRequest r;
  std::string error;
  REQUIRE(ParseApiRequest({}, &r, &error));
  CHECK(r.lang == "en");
  CHECK(r.limit == 10);
  CHECK(r.offset == 0);
}

TEST_CASE("api request: malformed values are refused with a message") {
  SearchRequest r;
  std::string error;
  CHECK_FALSE(ParseApiRequest({{"limit", "abc"}}, &r, &error));
  CHECK(error == "'limit' must be a positive whole number, got 'abc'");
  CHECK_FALSE(ParseApiRequest({{"page", "0"}}, &r, &error));
  CHECK_FALSE(ParseApiRequest({{"page", "-1"}}, &r, &error));
  CHECK_FALSE(ParseApiRequest({{"page", "2x"}}, &r, &error));
  CHECK_FALSE(ParseApiRequest({{"page", "99999999999"}}, &r, &error));
  CHECK_FALSE(ParseApiRequest({{"limit", "101"}}, &r, &error));
  CHECK_FALSE(ParseApiRequest({{"filter", "region"}}, &r, &error));
  CHECK(error == "a filter is key:value, got 'region'");
  CHECK_FALSE(ParseApiRequest({{"filter", ":Europe"}}, &r, &error));
}

TEST_CASE("api request: a page past the deepest result is refused, without overflow") {
  SearchRequest r;
  std::string error;
  CHECK_FALSE(ParseApiRequest({{"page", "1073741825"}, {"limit", "100"}}, &r, &error));
  CHECK(error == "only the first " + std::to_string(kMaxResultDepth) + " results can be shown");
  CHECK(ParseApiRequest({{"page", "100"}, {"limit", "100"}}, &r, &error));
  CHECK(r.offset == 9900);
  CHECK_FALSE(ParseApiRequest({{"page", "101"}, {"limit", "100"}}, &r, &error));
}

TEST_CASE("api request: answers carry the status of /api/search") {
  CHECK(AnswerApiRequest(nullptr, {{"limit", "x"}}).status == 400);
  ApiAnswer none = AnswerApiRequest(nullptr, {{"q", "innovation"}});
  CHECK(none.status == 503);
  CHECK(none.body["error"].is_string());

  testing::TempDir dir;
  std::string error;
  REQUIRE(BuildIndexes(testing::FixturePages(), dir.path(), testing::FixtureOptions(), &error));
  auto searcher = Searcher::Open(dir.path(), &error);
  REQUIRE(searcher);
  ApiAnswer ok = AnswerApiRequest(searcher.get(), {{"q", "ecosystem"}, {"lang", "en"}});
  CHECK(ok.status == 200);
  CHECK(ok.body["query"] == "ecosystem");
  CHECK(ok.body["total"].get<int>() > 0);
  ApiAnswer bad_lang = AnswerApiRequest(searcher.get(), {{"q", "x"}, {"lang", "de"}});
  CHECK(bad_lang.status == 400);
  CHECK(bad_lang.body["error"].get<std::string>().find("unknown language 'de'") == 0);
}

TEST_CASE("api request: unknown, repeated and unclean parameters are refused") {
  SearchRequest r;
  std::string error;
  CHECK_FALSE(ParseApiRequest({{"q", "x"}, {"unknown", "1"}}, &r, &error));
  CHECK(error == "unknown parameter 'unknown' (known: q, lang, limit, page, filter, correct)");
  CHECK_FALSE(ParseApiRequest({{"q", "x"}, {"q", "y"}}, &r, &error));
  CHECK(error == "parameter 'q' given more than once");
  CHECK_FALSE(ParseApiRequest({{"lang", "en"}, {"lang", "fr"}}, &r, &error));
  CHECK_FALSE(ParseApiRequest({{"q", std::string("a\0b", 3)}}, &r, &error));
  CHECK(error == "parameter 'q' holds a control character or invalid UTF-8");
  CHECK_FALSE(ParseApiRequest({{"q", "a\x1b[31m"}}, &r, &error));
  CHECK_FALSE(ParseApiRequest({{"q", "\xFF"}}, &r, &error));
  CHECK_FALSE(ParseApiRequest({{"filter", "region:\xC2\x85"}}, &r, &error));
  CHECK_FALSE(ParseApiRequest({{"limit", " 10"}}, &r, &error));
  CHECK_FALSE(ParseApiRequest({{"page", "1e3"}}, &r, &error));
  // Filters repeat; ordinary text in any script passes.
  CHECK(ParseApiRequest({{"q", "生态系统 économie"}, {"filter", "region:Europe"},
                         {"filter", "year:2018"}},
                        &r, &error));
}

}  // namespace
}  // namespace kbgen::search
