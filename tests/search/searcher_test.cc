// Round trips: index hand-written pages in a temporary site, search them,
// and check what a reader would see.
#include "search/searcher.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "search/schema.h"
#include "tests/search/fixture.h"

namespace kbgen::search {
namespace {

using testing::FixtureOptions;
using testing::FixturePages;
using testing::TempDir;

class IndexedSite {
 public:
  explicit IndexedSite(const std::vector<PageRecord>& pages = FixturePages(),
                       const IndexOptions& options = FixtureOptions()) {
    std::string error;
    REQUIRE_MESSAGE(BuildIndexes(pages, dir_.path(), options, &error), error);
    searcher_ = Searcher::Open(dir_.path(), &error);
    REQUIRE_MESSAGE(searcher_ != nullptr, error);
  }
  SearchResponse Search(const std::string& lang, const std::string& query,
                        std::vector<std::pair<std::string, std::string>> filters = {}) {
    SearchRequest request;
    request.lang = lang;
    request.query = query;
    request.filters = std::move(filters);
    SearchResponse response;
    SearchError error;
    bool ok = searcher_->Search(request, &response, &error);
    REQUIRE_MESSAGE(ok, error.message);
    return response;
  }
  Searcher& searcher() { return *searcher_; }
  const std::filesystem::path& path() const { return dir_.path(); }

 private:
  TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

std::vector<std::string> Urls(const SearchResponse& r) {
  std::vector<std::string> urls;
  for (const auto& h : r.hits) urls.push_back(h.url);
  return urls;
}

std::string FirstUrl(const SearchResponse& r) { return r.hits.empty() ? "" : r.hits[0].url; }

TEST_CASE("round trip: English, stemmed, title above body") {
  IndexedSite site;
  auto r = site.Search("en", "mapping");
  CHECK(r.total == 1);
  CHECK(FirstUrl(r) == "/en/toolkit/mapping/");
  // "pillars" is in the policy page's title and body only.
  CHECK(FirstUrl(site.Search("en", "pillar")) == "/en/toolkit/policy/");
  // Two words: pages with both first, then pages with one. The mapping
  // page has both in its title, "ecosystem" in a heading and the summary
  // too; the Serbia page has "innovation" in its title and "ecosystem" in
  // summary and body; the policy page has only "innovation".
  r = site.Search("en", "innovation ecosystem");
  CHECK(Urls(r) == std::vector<std::string>{"/en/toolkit/mapping/", "/en/countries/serbia/",
                                            "/en/toolkit/policy/"});
  const SearchHit& hit = r.hits[1];
  CHECK(hit.title == "Serbia: digital innovation profile");
  CHECK(hit.lang == "en");
  CHECK(hit.section == "countries");
  CHECK(hit.summary == "An assessment of the innovation ecosystem of Serbia.");
  CHECK(hit.date == "2019-11-20");
  CHECK(hit.score > 0);
  CHECK(hit.score <= r.hits[0].score);
}

TEST_CASE("round trip: French without accents finds accented text") {
  IndexedSite site;
  auto r = site.Search("fr", "economie");
  REQUIRE(r.total == 2);
  CHECK(FirstUrl(r) == "/fr/toolkit/economie/");
  CHECK(FirstUrl(site.Search("fr", "ÉCONOMIES")) == "/fr/toolkit/economie/");
  CHECK(FirstUrl(site.Search("fr", "numerique")) == "/fr/toolkit/economie/");
  CHECK(FirstUrl(site.Search("fr", "piliers")) == "/fr/toolkit/politique/");
}

TEST_CASE("round trip: Spanish año and economía") {
  IndexedSite site;
  CHECK(FirstUrl(site.Search("es", "ano")) == "/es/toolkit/ano/");
  CHECK(FirstUrl(site.Search("es", "AÑO")) == "/es/toolkit/ano/");
  auto r = site.Search("es", "economia");
  CHECK(r.total == 2);
  CHECK(FirstUrl(r) == "/es/toolkit/economia/");
}

TEST_CASE("round trip: Russian е finds ё") {
  IndexedSite site;
  CHECK(FirstUrl(site.Search("ru", "партнерство")) == "/ru/toolkit/partnerstvo/");
  CHECK(FirstUrl(site.Search("ru", "еще")) == "/ru/toolkit/partnerstvo/");
  CHECK(FirstUrl(site.Search("ru", "экономика")) == "/ru/toolkit/ekonomika/");
}

TEST_CASE("round trip: Arabic without tashkeel, with other alef forms, with clitics") {
  IndexedSite site;
  // The text has الرَّقْمِيّ; the query has no diacritics.
  CHECK(FirstUrl(site.Search("ar", "الرقمي")) == "/ar/toolkit/raqmi/");
  // The text has إستراتيجية (alef with hamza below).
  CHECK(FirstUrl(site.Search("ar", "استراتيجية")) == "/ar/toolkit/raqmi/");
  // A query with tashkeel finds the page too.
  CHECK(FirstUrl(site.Search("ar", "السِّيَاسَات")) == "/ar/toolkit/siyasat/");
  // للابتكار (for innovation) and the tatweel-stretched للابتــكار share a stem.
  CHECK(FirstUrl(site.Search("ar", "للابتكار")) == "/ar/toolkit/raqmi/");
}

TEST_CASE("round trip: Chinese two words without a space, and one character") {
  IndexedSite site;
  CHECK(FirstUrl(site.Search("zh", "数字创新")) == "/zh/toolkit/chuangxin/");
  CHECK(FirstUrl(site.Search("zh", "伙伴")) == "/zh/toolkit/chuangxin/");
  // 创 alone is not a word of the text, but a character of 创新.
  CHECK(FirstUrl(site.Search("zh", "创")) == "/zh/toolkit/chuangxin/");
  CHECK(FirstUrl(site.Search("zh", "能力建设")) == "/zh/toolkit/nengli/");
  // No page has both: each page with one of them is found.
  CHECK(Urls(site.Search("zh", "数字能力")).size() == 2);
}

TEST_CASE("language filter and all languages") {
  IndexedSite site;
  // "innovation" is a word in English and French pages.
  auto en = site.Search("en", "innovation");
  for (const auto& h : en.hits) CHECK(h.lang == "en");
  CHECK(en.total == 3);
  auto fr = site.Search("fr", "innovation");
  for (const auto& h : fr.hits) CHECK(h.lang == "fr");
  CHECK(fr.total == 2);
  auto all = site.Search("all", "innovation");
  CHECK(all.total == 5);
  std::set<std::string> langs;
  for (const auto& h : all.hits) langs.insert(h.lang);
  CHECK(langs == std::set<std::string>{"en", "fr"});
  // Each language's analysis applies to its own pages: Arabic and Chinese
  // queries still work across all languages.
  CHECK(FirstUrl(site.Search("all", "الرقمي")) == "/ar/toolkit/raqmi/");
  CHECK(FirstUrl(site.Search("all", "数字创新")) == "/zh/toolkit/chuangxin/");
}

TEST_CASE("filters and facet counts") {
  IndexedSite site;
  // The mapping and Serbia pages say "ecosystem"; the policy page has the
  // tag "ecosystems" (taxonomy values are searchable).
  auto r = site.Search("en", "ecosystem");
  CHECK(r.total == 3);
  CHECK(r.facets["region"] == std::map<std::string, std::uint64_t>{{"Africa", 1}, {"Europe", 2}});
  CHECK(r.facets["type"] == std::map<std::string, std::uint64_t>{{"capacity building", 1},
                                                                   {"innovation assessment", 1},
                                                                   {"knowledge sharing", 1}});
  CHECK(r.facets["section"] == std::map<std::string, std::uint64_t>{{"countries", 1}, {"toolkit", 2}});
  CHECK(r.facets["year"] == std::map<std::string, std::uint64_t>{{"2018", 1}, {"2019", 2}});
  CHECK(r.facets["country"] == std::map<std::string, std::uint64_t>{{"Serbia", 1}});
  CHECK(r.facets["tags"] == std::map<std::string, std::uint64_t>{
                                {"assessment", 1}, {"ecosystems", 2}, {"mapping", 1}, {"policy", 1}});
  CHECK(r.facets["lang"] == std::map<std::string, std::uint64_t>{{"en", 3}});

  // Filter values match case-insensitively; counts follow the filter.
  r = site.Search("en", "innovation", {{"region", "EUROPE"}});
  CHECK(Urls(r) == std::vector<std::string>{"/en/countries/serbia/", "/en/toolkit/mapping/"});
  CHECK(r.facets["region"] == std::map<std::string, std::uint64_t>{{"Europe", 2}});
  // OR within one facet, AND across facets.
  r = site.Search("en", "innovation", {{"region", "Europe"}, {"region", "Africa"}});
  CHECK(r.total == 3);
  r = site.Search("en", "innovation", {{"region", "Europe"}, {"type", "capacity building"}});
  CHECK(Urls(r) == std::vector<std::string>{"/en/toolkit/mapping/"});
  r = site.Search("en", "innovation", {{"year", "2019"}, {"section", "toolkit"}});
  CHECK(Urls(r) == std::vector<std::string>{"/en/toolkit/policy/"});
  r = site.Search("en", "innovation", {{"tags", "ecosystems"}});
  CHECK(r.total == 2);
  r = site.Search("en", "innovation", {{"country", "Narnia"}});
  CHECK(r.total == 0);
  CHECK(r.hits.empty());
}

TEST_CASE("an unknown filter or language is a bad request") {
  IndexedSite site;
  SearchRequest request;
  request.query = "innovation";
  request.filters = {{"colour", "blue"}};
  SearchResponse response;
  SearchError error;
  CHECK_FALSE(site.searcher().Search(request, &response, &error));
  CHECK(error.bad_request);
  CHECK(error.message ==
        "unknown filter 'colour' (expected one of section, type, region, country, year, tags, lang)");
  request.filters.clear();
  request.lang = "de";
  CHECK_FALSE(site.searcher().Search(request, &response, &error));
  CHECK(error.message == "unknown language 'de' (expected one of ar en es fr ru zh, or all)");
}

TEST_CASE("an empty result is an empty list, not an error") {
  IndexedSite site;
  auto r = site.Search("en", "zzyzx");
  CHECK(r.total == 0);
  CHECK(r.hits.empty());
  CHECK_FALSE(r.suggestion.has_value());
  // Punctuation only: no words, nothing to find.
  r = site.Search("en", "?!,;");
  CHECK(r.total == 0);
  CHECK(r.hits.empty());
}

TEST_CASE("query syntax: phrases, boolean operators, love/hate, title:, wildcards") {
  IndexedSite site;
  CHECK(site.Search("en", "\"innovation policy\"").total == 1);
  CHECK(site.Search("en", "\"policy innovation\"").total == 0);
  CHECK(Urls(site.Search("en", "mapping OR serbia")).size() == 2);
  CHECK(Urls(site.Search("en", "innovation NOT serbia")) ==
        std::vector<std::string>{"/en/toolkit/policy/", "/en/toolkit/mapping/"});
  CHECK(site.Search("en", "innovation -serbia").total == 2);
  // title: searches titles only: "stakeholders" is in bodies, not titles.
  CHECK(site.Search("en", "stakeholders").total == 2);
  CHECK(site.Search("en", "title:stakeholders").total == 0);
  CHECK(FirstUrl(site.Search("en", "title:Serbia")) == "/en/countries/serbia/");
  CHECK(FirstUrl(site.Search("fr", "title:économie")) == "/fr/toolkit/economie/");
  // Wildcards expand over the language's words.
  CHECK(site.Search("en", "pill*").total == 1);
  CHECK(site.Search("fr", "écon*").total == 2);
}

TEST_CASE("a malformed query falls back to its words") {
  IndexedSite site;
  // Unbalanced quotes or parentheses, dangling operators: the words are
  // searched (Xapian alone would look for the words "and" and "or").
  SearchResponse r = site.Search("en", "\"mapping AND (");
  CHECK(Urls(r) == std::vector<std::string>{"/en/toolkit/mapping/"});
  r = site.Search("en", "serbia OR");
  CHECK(Urls(r) == std::vector<std::string>{"/en/countries/serbia/"});
  r = site.Search("en", "AND OR serbia NEAR");
  CHECK(Urls(r) == std::vector<std::string>{"/en/countries/serbia/"});
  r = site.Search("en", "(serbia))");
  CHECK(Urls(r) == std::vector<std::string>{"/en/countries/serbia/"});
  r = site.Search("en", ")))(((");
  CHECK(r.total == 0);
  // Well-formed syntax is kept.
  r = site.Search("en", "(mapping OR serbia) AND innovation");
  CHECK(r.total == 2);
  r = site.Search("en", "NOT mapping");  // a pure NOT: every other page
  CHECK(Urls(r) == std::vector<std::string>{"/en/countries/serbia/", "/en/toolkit/policy/"});
  // In a phrase an operator is a word.
  CHECK(site.Search("en", "\"funding AND skills\"").total == 1);
}

TEST_CASE("spelling suggestion when nothing is found") {
  IndexedSite site;
  // A word no page has is searched as its correction at once.
  auto r = site.Search("en", "mappng");
  CHECK(FirstUrl(r) == "/en/toolkit/mapping/");
  REQUIRE(r.corrected.has_value());
  CHECK(*r.corrected == "mapping");
  CHECK_FALSE(r.suggestion.has_value());
  // Shown as the pages write it, though the dictionary holds folded words.
  r = site.Search("fr", "economei");
  REQUIRE(r.corrected.has_value());
  CHECK(*r.corrected == "économie");
  CHECK(FirstUrl(r) == "/fr/toolkit/economie/");
  // A query with syntax that finds nothing: its correction, syntax kept.
  r = site.Search("fr", "economei (numerque OR politique)");
  REQUIRE(r.corrected.has_value());
  CHECK(*r.corrected == "économie (numérique OR politique)");
  CHECK(r.total > 0);
  r = site.Search("ru", "партнерствт");
  REQUIRE(r.corrected.has_value());
  CHECK(*r.corrected == "партнёрство");
  // One unknown word among known ones is corrected; the known ones stay.
  r = site.Search("en", "mappng stakeholders");
  REQUIRE(r.corrected.has_value());
  CHECK(*r.corrected == "mapping stakeholders");
  // Asked not to correct: nothing found, nothing corrected.
  SearchRequest exact;
  exact.query = "mappng";
  exact.correct = false;
  SearchError error;
  REQUIRE(site.searcher().Search(exact, &r, &error));
  CHECK(r.total == 0);
  CHECK_FALSE(r.corrected.has_value());
  // A query that finds pages gets no suggestion, even though Xapian would
  // "correct" a known word to a more frequent one.
  CHECK_FALSE(site.Search("en", "mapping and").suggestion.has_value());
  // Nothing close enough: no suggestion.
  CHECK_FALSE(site.Search("en", "qqqqqqqq").suggestion.has_value());
}

TEST_CASE("synonyms work both ways, single and multi-word") {
  IndexedSite site;
  // The policy page says ICT, the Serbia page says information and
  // communication technology.
  CHECK(Urls(site.Search("en", "ict")).size() == 2);
  CHECK(Urls(site.Search("en", "ICTs")).size() == 2);
  CHECK(Urls(site.Search("en", "information and communication technology")).size() == 2);
  // Without synonyms each form finds only its own page.
  IndexedSite plain(FixturePages(), IndexOptions());
  CHECK(Urls(plain.Search("en", "ict")) == std::vector<std::string>{"/en/toolkit/policy/"});
}

TEST_CASE("snippets: original text with the matches marked and escaped") {
  IndexedSite site;
  SUBCASE("French accented text found without accents") {
    auto r = site.Search("fr", "economie");
    REQUIRE(r.total == 2);
    CHECK(SnippetHtml(r.hits[0].snippet) ==
          "<mark>L&#39;Économie</mark> numérique transforme les marchés. Une "
          "<mark>économie</mark> ouverte favorise l&#39;innovation.");
  }
  SUBCASE("Arabic with diacritics found without them") {
    auto r = site.Search("ar", "الرقمي");
    REQUIRE(r.total == 1);
    CHECK(SnippetHtml(r.hits[0].snippet) ==
          "يُعَدُّ الابتكارُ <mark>الرَّقْمِيُّ</mark> أساسَ التحوّل. إستراتيجية وطنية للابتــكار.");
  }
  SUBCASE("< & > in the text are escaped") {
    auto r = site.Search("en", "starts");
    REQUIRE(r.total == 1);
    std::string html = SnippetHtml(r.hits[0].snippet);
    CHECK(html.rfind("Mapping <mark>starts</mark> with the stakeholders. Use a &lt; b &amp; c &gt; d when "
                     "&lt;script&gt;alert(1)&lt;/script&gt; mapping",
                     0) == 0);
    CHECK(html.find("<script>") == std::string::npos);
  }
  SUBCASE("Chinese words marked") {
    auto r = site.Search("zh", "数字创新");
    REQUIRE(r.total == 1);
    // Two adjacent words of the query: one mark (snippet.h).
    CHECK(SnippetHtml(r.hits[0].snippet) ==
          "<mark>数字创新</mark>生态系统需要政府、大学和企业的伙伴关系。");
  }
  SUBCASE("a single Chinese character marks the words that contain it") {
    auto r = site.Search("zh", "创");
    REQUIRE(r.total == 1);
    CHECK(SnippetHtml(r.hits[0].snippet) ==
          "数字<mark>创新</mark>生态系统需要政府、大学和企业的伙伴关系。");
  }
  SUBCASE("synonyms: the other form is marked") {
    auto r = site.Search("en", "ict");
    REQUIRE(r.total == 2);
    CHECK(r.hits[1].url == "/en/countries/serbia/");
    CHECK(SnippetHtml(r.hits[1].snippet).find(
              "<mark>information</mark> <mark>and</mark> <mark>communication</mark> "
              "<mark>technology</mark>") != std::string::npos);
  }
  SUBCASE("wildcards: the words they expanded to are marked") {
    auto r = site.Search("en", "pill*");
    REQUIRE(r.total == 1);
    CHECK(SnippetHtml(r.hits[0].snippet).find("rests on <mark>pillars</mark>:") != std::string::npos);
  }
  SUBCASE("stems: other forms of the word are marked") {
    auto r = site.Search("en", "maps");
    REQUIRE(r.total == 1);
    CHECK(SnippetHtml(r.hits[0].snippet).rfind("<mark>Mapping</mark> starts", 0) == 0);
    CHECK(SnippetHtml(r.hits[0].snippet).find("A <mark>map</mark> of") != std::string::npos);
  }
  SUBCASE("a match in the summary only") {
    auto r = site.Search("en", "how");
    REQUIRE(r.total == 1);
    CHECK(SnippetHtml(r.hits[0].snippet) ==
          "<mark>How</mark> to map the stakeholders of an ecosystem.");
  }
}

TEST_CASE("pages of results") {
  IndexedSite site;
  auto all = site.Search("en", "innovation");
  REQUIRE(all.hits.size() == 3);
  SearchRequest request;
  request.query = "innovation";
  request.limit = 1;
  request.offset = 1;
  SearchResponse r;
  SearchError error;
  REQUIRE(site.searcher().Search(request, &r, &error));
  CHECK(r.total == 3);
  CHECK(Urls(r) == std::vector<std::string>{all.hits[1].url});
  request.offset = 3;
  REQUIRE(site.searcher().Search(request, &r, &error));
  CHECK(r.total == 3);
  CHECK(r.hits.empty());
  request.limit = kMaxLimit + 1;
  CHECK_FALSE(site.searcher().Search(request, &r, &error));
  CHECK(error.bad_request);
}

TEST_CASE("query limits: long queries, many words, many wildcards") {
  IndexedSite site;
  SearchRequest request;
  SearchResponse r;
  SearchError error;
  // 100 KB: refused before any analysis.
  request.query = std::string(100 * 1024, 'w');
  CHECK_FALSE(site.searcher().Search(request, &r, &error));
  CHECK(error.bad_request);
  CHECK(error.message == "the query is too long (102400 bytes; at most 1024)");
  // A 100 KB phrase of words, likewise.
  request.query = "\"";
  while (request.query.size() < 100 * 1024) request.query += "innovation ";
  CHECK_FALSE(site.searcher().Search(request, &r, &error));
  CHECK(error.message.find("the query is too long") == 0);
  // Short enough in bytes, too many words.
  request.query.clear();
  for (int i = 0; i < kMaxQueryWords + 1; ++i) request.query += "a ";
  CHECK_FALSE(site.searcher().Search(request, &r, &error));
  CHECK(error.message == "the query has too many words (33; at most 32)");
  // Chinese words count after segmentation.
  request.lang = "zh";
  request.query.clear();
  for (int i = 0; i < 17; ++i) request.query += "数字创新";
  CHECK_FALSE(site.searcher().Search(request, &r, &error));
  CHECK(error.message == "the query has too many words (34; at most 32)");
  request.lang = "en";
  request.query = "a* b* c* d* e*";
  CHECK_FALSE(site.searcher().Search(request, &r, &error));
  CHECK(error.message == "the query has too many wildcards (5; at most 4)");
  // At the limits: fine. A one-letter wildcard is expanded to a bounded
  // number of terms.
  request.query = "i* s* m* p*";
  CHECK(site.searcher().Search(request, &r, &error));
  request.query = "e*";  // ecosystem(s): the mapping and Serbia pages, the policy page's tag
  CHECK(site.searcher().Search(request, &r, &error));
  CHECK(r.total == 3);
}

TEST_CASE("an index with a URL indexed twice keeps the last page") {
  auto pages = FixturePages();
  auto copy = pages[0];
  copy.title = "Replaced page";
  copy.body = "replacement";
  pages.push_back(copy);
  IndexedSite site(pages);
  CHECK(site.Search("en", "replacement").total == 1);
  CHECK(site.Search("en", "universities").total == 0);  // the first version is gone
}

TEST_CASE("a language without pages has an empty index") {
  std::vector<PageRecord> only_en;
  for (const auto& p : FixturePages()) {
    if (p.lang == "en") only_en.push_back(p);
  }
  IndexedSite site(only_en);
  auto r = site.Search("fr", "innovation");
  CHECK(r.total == 0);
  CHECK(site.Search("all", "innovation").total == 3);
}

TEST_CASE("a rebuild is picked up by ReloadIfChanged, not in the middle of reading") {
  TempDir dir;
  std::string error;
  auto pages = FixturePages();
  REQUIRE(BuildIndexes(pages, dir.path(), IndexOptions(), &error));
  auto searcher = Searcher::Open(dir.path(), &error);
  REQUIRE(searcher != nullptr);
  SearchRequest request;
  request.query = "rebuilt";
  SearchResponse r;
  SearchError e;
  REQUIRE(searcher->Search(request, &r, &e));
  CHECK(r.total == 0);
  CHECK(searcher->ReloadIfChanged() == 0);

  // Rebuild in place: a new generation folder and stub for English; French
  // is unchanged and left alone (not even rewritten).
  auto fr_stub = dir.path() / "search" / "fr" / "index.stub";
  auto fr_time = std::filesystem::last_write_time(fr_stub);
  pages[0].body += " rebuilt";
  REQUIRE(BuildIndexes(pages, dir.path(), IndexOptions(), &error));
  CHECK(std::filesystem::last_write_time(fr_stub) == fr_time);
  REQUIRE(searcher->Search(request, &r, &e));
  CHECK(r.total == 0);  // still the generation it opened, read consistently
  CHECK(searcher->ReloadIfChanged() == 1);  // only English was open
  REQUIRE(searcher->Search(request, &r, &e));
  CHECK(r.total == 1);
}

TEST_CASE("a missing index is reported, not a crash") {
  TempDir dir;
  std::string error;
  CHECK(Searcher::Open(dir.path(), &error) == nullptr);
  CHECK(error == (dir.path() / "search").string() + ": no search index here (build the site first)");
  std::filesystem::create_directories(dir.path() / "search");
  auto searcher = Searcher::Open(dir.path(), &error);
  REQUIRE(searcher != nullptr);
  SearchRequest request;
  request.query = "x";
  SearchResponse r;
  SearchError e;
  CHECK_FALSE(searcher->Search(request, &r, &e));
  CHECK_FALSE(e.bad_request);
  CHECK(e.message == (dir.path() / "search" / "en" / "index.stub").string() +
                         ": no search index for language 'en'");
}

}  // namespace
}  // namespace kbgen::search
