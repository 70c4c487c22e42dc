// The mechanisms that make search forgiving, one test each, on small
// hand-written page sets: ranking of plain queries (all words, then most),
// stop words, acronym plurals, Arabic spelling variants, synonyms, the
// Chinese character-pair fallback and taxonomy names.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "search/index_builder.h"
#include "search/match_counter.h"
#include "search/searcher.h"
#include "tests/search/fixture.h"

namespace kbgen::search {
namespace {

using testing::Page;
using testing::TempDir;

class Site {
 public:
  explicit Site(const std::vector<PageRecord>& pages, const IndexOptions& options = {}) {
    std::string error;
    REQUIRE_MESSAGE(BuildIndexes(pages, dir_.path(), options, &error), error);
    searcher_ = Searcher::Open(dir_.path(), &error);
    REQUIRE_MESSAGE(searcher_ != nullptr, error);
  }
  SearchResponse Search(const std::string& lang, const std::string& query, bool correct = true,
                        std::vector<std::pair<std::string, std::string>> filters = {}) {
    SearchRequest request;
    request.lang = lang;
    request.query = query;
    request.correct = correct;
    request.filters = std::move(filters);
    SearchResponse response;
    SearchError error;
    REQUIRE_MESSAGE(searcher_->Search(request, &response, &error), error.message);
    return response;
  }
  std::vector<std::string> Urls(const std::string& lang, const std::string& query) {
    std::vector<std::string> urls;
    for (const auto& h : Search(lang, query).hits) urls.push_back(h.url);
    return urls;
  }

 private:
  TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

// Filler so that no word is on every page.
std::string Body(const std::string& words) { return words + ". Other text about other things."; }

TEST_CASE("relevance: pages with all the words first, then most, then one") {
  // The page with all three words says each once, in the body; the others
  // repeat one or two words many times (BM25 alone would prefer them).
  std::string many_funding, many_pairs;
  for (int i = 0; i < 20; ++i) many_funding += "funding ";
  for (int i = 0; i < 20; ++i) many_pairs += "startup funding ";
  Site site({
      Page("/en/one/", "en", "One", "", "", Body(many_funding)),
      Page("/en/two/", "en", "Two", "", "", Body(many_pairs)),
      Page("/en/three/", "en", "Three", "", "", Body("startup funding in africa")),
      Page("/en/none/", "en", "None", "", "", Body("nothing relevant")),
  });
  auto r = site.Search("en", "startup funding africa");
  CHECK(r.total == 3);  // any word: every page but the last
  CHECK(site.Urls("en", "startup funding africa") ==
        std::vector<std::string>{"/en/three/", "/en/two/", "/en/one/"});
  // A word no page has does not empty the result (nor is it "corrected"
  // into something else when nothing is close).
  CHECK(site.Urls("en", "startup funding qqqqzzzz").front() == "/en/two/");
  // With syntax the words are all required, as before.
  CHECK(site.Urls("en", "startup AND funding AND africa") == std::vector<std::string>{"/en/three/"});
  CHECK(site.Urls("en", "\"funding in africa\"") == std::vector<std::string>{"/en/three/"});
  auto without = site.Urls("en", "funding -africa");
  CHECK(without.size() == 2);
  CHECK(std::find(without.begin(), without.end(), "/en/three/") == without.end());
}

TEST_CASE("relevance: title words weigh more than body words") {
  Site site({
      Page("/en/body/", "en", "Annual report", "", "", Body("mapping mapping mapping ecosystem")),
      Page("/en/title/", "en", "Mapping an ecosystem", "", "", Body("a guide")),
  });
  CHECK(site.Urls("en", "mapping ecosystem").front() == "/en/title/");
}

TEST_CASE("relevance: stop words dropped from questions, kept in phrases") {
  Site site({
      Page("/en/map/", "en", "Mapping an ecosystem", "", "", Body("how to map the actors")),
      Page("/en/how/", "en", "How we work", "", "", Body("how and why, and what for")),
  });
  // "how do I map an ecosystem": how, do, i, an are stop words.
  CHECK(site.Urls("en", "how do I map an ecosystem") == std::vector<std::string>{"/en/map/"});
  // A phrase keeps them: only the page with the exact words.
  CHECK(site.Urls("en", "\"how to map\"") == std::vector<std::string>{"/en/map/"});
  // A query of stop words only is searched as typed.
  CHECK(site.Urls("en", "how") == std::vector<std::string>{"/en/how/", "/en/map/"});
  // Other languages: French and Chinese questions.
  Site fr({Page("/fr/carte/", "fr", "Cartographier un écosystème", "", "", Body("les acteurs")),
           Page("/fr/autre/", "fr", "Autre", "", "", Body("comment et pourquoi"))});
  CHECK(fr.Urls("fr", "comment cartographier l'écosystème") ==
        std::vector<std::string>{"/fr/carte/"});
  Site zh({Page("/zh/map/", "zh", "绘制生态系统图", "", "", "如何绘制生态系统图。"),
           Page("/zh/other/", "zh", "其他", "", "", "如何开始。")});
  CHECK(zh.Urls("zh", "如何绘制生态系统图").front() == "/zh/map/");
  CHECK(zh.Search("zh", "如何绘制生态系统图").total == 1);
}

TEST_CASE("relevance: the plural of an acronym finds its singular") {
  Site site({Page("/en/sme/", "en", "Support for SMEs", "", "", Body("an SME grows")),
             Page("/en/sdg/", "en", "Goals", "", "", Body("the SDG 9 target"))});
  CHECK(site.Urls("en", "SME") == std::vector<std::string>{"/en/sme/"});
  CHECK(site.Urls("en", "SMEs") == std::vector<std::string>{"/en/sme/"});
  CHECK(site.Urls("en", "SDGs") == std::vector<std::string>{"/en/sdg/"});
  // Lower-case "smes": not an acronym to the analyser, but a word no page
  // has, corrected to one that is.
  auto r = site.Search("en", "smes");
  REQUIRE(r.corrected.has_value());
  CHECK(r.hits.front().url == "/en/sme/");
}

TEST_CASE("relevance: Arabic ta marbuta and alef maqsura spelled either way") {
  Site site({Page("/ar/arab/", "ar", "الدول العربية", "", "", "مستوى الشراكة في المنطقة."),
             Page("/ar/other/", "ar", "أفريقيا", "", "", "نص آخر.")});
  CHECK(site.Urls("ar", "الدول العربيه") == std::vector<std::string>{"/ar/arab/"});
  CHECK(site.Urls("ar", "الدول العربية") == std::vector<std::string>{"/ar/arab/"});
  CHECK(site.Urls("ar", "مستوي") == std::vector<std::string>{"/ar/arab/"});
  CHECK(site.Urls("ar", "الشراكه") == std::vector<std::string>{"/ar/arab/"});
}

TEST_CASE("relevance: synonyms, including phrases with stop words") {
  IndexOptions options;
  options.synonyms["en"]["PPP"] = {"public-private partnership"};
  options.synonyms["en"]["startup"] = {"start-up"};
  options.synonyms["zh"]["利益攸关方"] = {"利益相关方"};
  Site site({Page("/en/ppp/", "en", "Working with business", "", "",
                  Body("a public-private partnership for broadband")),
             Page("/en/start/", "en", "Young firms", "", "", Body("each start-up gets a mentor")),
             Page("/en/public/", "en", "Public services", "", "", Body("public sector work")),
             Page("/zh/stake/", "zh", "生态系统利益攸关方", "", "", "利益攸关方的作用。"),
             Page("/zh/other/", "zh", "其他", "", "", "方法和利益。")},
            options);
  CHECK(site.Urls("en", "PPP") == std::vector<std::string>{"/en/ppp/"});
  CHECK(site.Urls("en", "public private partnership").front() == "/en/ppp/");
  CHECK(site.Urls("en", "startups") == std::vector<std::string>{"/en/start/"});
  CHECK(site.Urls("zh", "利益相关方").front() == "/zh/stake/");
}

TEST_CASE("relevance: Chinese character pairs find another segmentation, ranked below words") {
  // No synonyms: 利益相关方 shares the pairs 利益 and 关方 with 利益攸关方.
  Site site({Page("/zh/stake/", "zh", "生态系统利益攸关方", "", "", "利益攸关方的作用。"),
             Page("/zh/exact/", "zh", "利益相关方", "", "", "利益相关方的名单。"),
             Page("/zh/other/", "zh", "其他", "", "", "方法和计划。")});
  auto urls = site.Urls("zh", "利益相关方");
  REQUIRE(urls.size() >= 2);
  CHECK(urls[0] == "/zh/exact/");  // the words themselves first
  CHECK(urls[1] == "/zh/stake/");  // then the page sharing character pairs
  // The snippet marks the words that hold the shared pairs, whole.
  auto r = site.Search("zh", "利益相关方");
  CHECK(SnippetHtml(r.hits[1].snippet).find("<mark>利益攸关方</mark>") != std::string::npos);
}

TEST_CASE("relevance: taxonomy values by name, in the page's language and in English") {
  PageRecord tagged = Page("/fr/villes/", "fr", "Forum de Busan", "", "", Body("Le forum"));
  tagged.tags = {"smart cities"};
  tagged.term_names = {"Villes intelligentes"};
  PageRecord plain = Page("/fr/autre/", "fr", "Autre forum", "", "", Body("Le forum des villes"));
  Site site({tagged, plain});
  CHECK(site.Urls("fr", "villes intelligentes").front() == "/fr/villes/");
  CHECK(site.Urls("fr", "smart cities") == std::vector<std::string>{"/fr/villes/"});
  // Weighted like a heading: above a page that has the word in its body.
  CHECK(site.Urls("fr", "villes").front() == "/fr/villes/");
}

TEST_CASE("relevance: the language filter and facet across all languages") {
  Site site({Page("/en/a/", "en", "Innovation", "", "", Body("innovation")),
             Page("/fr/a/", "fr", "Innovation", "", "", Body("innovation")),
             Page("/fr/b/", "fr", "Autre innovation", "", "", Body("innovation"))});
  auto all = site.Search("all", "innovation");
  CHECK(all.total == 3);
  CHECK(all.facets["lang"] == std::map<std::string, std::uint64_t>{{"en", 1}, {"fr", 2}});
  auto fr = site.Search("all", "innovation", true, {{"lang", "fr"}});
  CHECK(fr.total == 2);
  for (const auto& h : fr.hits) CHECK(h.lang == "fr");
  // Two values of one filter: either language.
  CHECK(site.Search("all", "innovation", true, {{"lang", "fr"}, {"lang", "en"}}).total == 3);
  // A language filter that excludes the language searched: nothing.
  CHECK(site.Search("en", "innovation", true, {{"lang", "fr"}}).total == 0);
}

}  // namespace
}  // namespace kbgen::search

namespace kbgen::search {
namespace {

TEST_CASE("match counter: exact counts of an any-of query from posting lists") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* words : {"a b", "b c", "c", "d", "a"}) {
    Xapian::Document doc;
    const std::string w(words);
    for (std::size_t i = 0; i < w.size(); i += 2) doc.add_term(w.substr(i, 1));
    doc.add_boolean_term(w == "a" || w == "b c" ? "Kx" : "Ky");
    db.add_document(doc);
  }
  FacetIndex facets;  // no facet data: counts only
  MatchCounter counter;
  std::uint64_t total = 0;
  Xapian::Query any(Xapian::Query::OP_OR, Xapian::Query("a"),
                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("b"), 0.5));
  REQUIRE(counter.Count(db, any, Xapian::Query(), facets, &total, nullptr));
  CHECK(total == 3);  // documents 1, 2, 5
  REQUIRE(counter.Count(db, any, Xapian::Query("Kx"), facets, &total, nullptr));
  CHECK(total == 2);  // 2 and 5
  // AND_MAYBE: the optional side adds no pages.
  Xapian::Query maybe(Xapian::Query::OP_AND_MAYBE, Xapian::Query("c"), Xapian::Query("a"));
  REQUIRE(counter.Count(db, maybe, Xapian::Query(), facets, &total, nullptr));
  CHECK(total == 2);  // 2 and 3
  // Not "any of": the caller counts another way.
  Xapian::Query both(Xapian::Query::OP_AND, Xapian::Query("a"), Xapian::Query("b"));
  CHECK_FALSE(counter.Count(db, both, Xapian::Query(), facets, &total, nullptr));
}

}  // namespace
}  // namespace kbgen::search
