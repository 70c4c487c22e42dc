// `kbgen search` output: the JSON contract, the readable list, exit codes.
#include "search/search_command.h"

#include <doctest/doctest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/search/fixture.h"

namespace kbgen::search {
namespace {

using testing::TempDir;

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

class CommandSite {
 public:
  CommandSite() {
    std::string error;
    REQUIRE_MESSAGE(BuildIndexes(testing::FixturePages(), dir_.path(), testing::FixtureOptions(), &error),
                    error);
  }
  Run operator()(SearchOptions options) {
    if (options.site_dir == "site") options.site_dir = dir_.path();
    std::ostringstream out, err;
    Run run;
    run.status = RunSearchCommand(options, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
  }

 private:
  TempDir dir_;
};

SearchOptions Options(std::vector<std::string> words, std::string lang = "en", bool json = true) {
  SearchOptions o;
  o.query_words = std::move(words);
  o.lang = std::move(lang);
  o.json = json;
  return o;
}

std::vector<std::string> Keys(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

TEST_CASE("search command: the JSON shape is the contract") {
  CommandSite site;
  Run run = site(Options({"innovation", "ecosystem"}));
  REQUIRE(run.status == 0);
  CHECK(run.err.empty());
  auto j = nlohmann::ordered_json::parse(run.out);
  // The keys of the contract, in order; "corrected" was added after them.
  CHECK(Keys(j) == std::vector<std::string>{"query", "lang", "total", "results", "facets",
                                            "suggestion", "corrected"});
  CHECK(j["query"] == "innovation ecosystem");
  CHECK(j["lang"] == "en");
  // Both words: the mapping and Serbia pages; one of them: the policy page.
  CHECK(j["total"] == 3);
  REQUIRE(j["results"].size() == 3);
  CHECK(j["results"][1]["url"] == "/en/countries/serbia/");
  CHECK(j["results"][2]["url"] == "/en/toolkit/policy/");
  const auto& first = j["results"][0];
  CHECK(Keys(first) == std::vector<std::string>{"url", "title", "lang", "section", "summary", "date",
                                                "snippet", "score"});
  CHECK(first["url"] == "/en/toolkit/mapping/");
  CHECK(first["title"] == "Mapping an innovation ecosystem");
  CHECK(first["lang"] == "en");
  CHECK(first["section"] == "toolkit");
  CHECK(first["summary"] == "How to map the stakeholders of an ecosystem.");
  CHECK(first["date"] == "2018-05-08");
  CHECK(first["snippet"].get<std::string>().find("<mark>ecosystem</mark>") != std::string::npos);
  CHECK(first["score"].is_number());
  CHECK(first["score"].get<double>() > 0);
  CHECK(Keys(j["facets"]) ==
        std::vector<std::string>{"section", "type", "region", "country", "year", "tags", "lang"});
  CHECK(j["facets"]["region"] == nlohmann::ordered_json{{"Africa", 1}, {"Europe", 2}});
  CHECK(j["facets"]["country"] == nlohmann::ordered_json{{"Serbia", 1}});
  CHECK(j["facets"]["lang"] == nlohmann::ordered_json{{"en", 3}});
  CHECK(j["suggestion"].is_null());
  CHECK(j["corrected"].is_null());
}

TEST_CASE("search command: empty result, suggestion, filters, all languages") {
  CommandSite site;
  // A word no page has: its correction is searched at once, and said.
  Run run = site(Options({"mappng"}));
  REQUIRE(run.status == 0);
  auto j = nlohmann::json::parse(run.out);
  CHECK(j["total"] == 1);
  CHECK(j["results"][0]["url"] == "/en/toolkit/mapping/");
  CHECK(j["corrected"] == nlohmann::json{{"query", "mapping"}, {"original", "mappng"}});
  CHECK(j["suggestion"].is_null());
  // --exact: the words as typed, nothing found.
  SearchOptions exact = Options({"mappng"});
  exact.exact = true;
  j = nlohmann::json::parse(site(exact).out);
  CHECK(j["total"] == 0);
  CHECK(j["results"] == nlohmann::json::array());
  CHECK(j["corrected"].is_null());
  for (const auto& [name, values] : j["facets"].items()) CHECK(values == nlohmann::json::object());
  // A filter by language.
  SearchOptions fr_only = Options({"innovation"}, "all");
  fr_only.filters = {{"lang", "fr"}};
  j = nlohmann::json::parse(site(fr_only).out);
  CHECK(j["total"] == 2);
  for (const auto& r : j["results"]) CHECK(r["lang"] == "fr");
  CHECK(j["facets"]["lang"] == nlohmann::json{{"fr", 2}});

  SearchOptions o = Options({"innovation"});
  o.filters = {{"type", "knowledge sharing"}};
  j = nlohmann::json::parse(site(o).out);
  CHECK(j["total"] == 1);
  CHECK(j["results"][0]["url"] == "/en/toolkit/policy/");

  j = nlohmann::json::parse(site(Options({"innovation"}, "all")).out);
  CHECK(j["lang"] == "all");
  CHECK(j["total"] == 5);
  // The language facet: the languages in their usual order.
  CHECK(j["facets"]["lang"].dump() == R"({"en":3,"fr":2})");

  // Page 2 of 1-result pages.
  o = Options({"innovation"});
  o.limit = 1;
  o.page = 2;
  j = nlohmann::json::parse(site(o).out);
  CHECK(j["total"] == 3);
  CHECK(j["results"].size() == 1);
}

TEST_CASE("search command: readable output") {
  CommandSite site;
  Run run = site(Options({"economie"}, "fr", false));
  REQUIRE(run.status == 0);
  CHECK(run.out.rfind("2 results for \"economie\" (fr), 1-2:\n\n1. L'économie numérique\n"
                      "   /fr/toolkit/economie/ | toolkit | 2018-05-08\n"
                      "   [L'Économie] numérique transforme les marchés. Une [économie] ouverte "
                      "favorise l'innovation.\n",
                      0) == 0);
  CHECK(run.out.find("\nFacets:\n  section: toolkit (2)\n") != std::string::npos);
  run = site(Options({"zzyzx"}, "en", false));
  CHECK(run.status == 0);
  CHECK(run.out == "No results for \"zzyzx\" (en).\n");
}

TEST_CASE("search command: errors and exit status") {
  CommandSite site;
  Run run = site(Options({std::string(100 * 1024, 'x')}));
  CHECK(run.status == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "error: the query is too long (102400 bytes; at most 1024)\n");

  run = site(Options({"x"}, "xx"));
  CHECK(run.status == 2);
  CHECK(run.err == "error: unknown language 'xx' (expected one of ar en es fr ru zh, or all)\n");

  SearchOptions o = Options({"x"});
  o.filters = {{"author", "me"}};
  run = site(o);
  CHECK(run.status == 2);
  CHECK(run.err.find("error: unknown filter 'author'") == 0);

  o = Options({"x"});
  o.limit = 0;
  CHECK(site(o).status == 2);
  o.limit = 10;
  o.page = 0;
  CHECK(site(o).status == 2);
  o.page = 2000;
  run = site(o);
  CHECK(run.status == 2);
  CHECK(run.err == "error: --page 2000 is too far: only the first 10000 results can be shown\n");

  TempDir empty;
  o = Options({"x"});
  o.site_dir = empty.path();
  run = site(o);
  CHECK(run.status == 1);
  CHECK(run.err == "error: " + (empty.path() / "search").string() +
                       ": no search index here (build the site first)\n");
}

TEST_CASE("search command: invalid UTF-8 in the query still gives valid JSON") {
  CommandSite site;
  Run run = site(Options({std::string("innovation \xff\xfe")}));
  REQUIRE(run.status == 0);
  auto j = nlohmann::json::parse(run.out);  // throws on invalid UTF-8
  CHECK(j["total"] == 3);
}

}  // namespace
}  // namespace kbgen::search
