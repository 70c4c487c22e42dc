// The search page rendered on the server: what a reader without
// JavaScript sees.
#include "search/results_page.h"

#include <doctest/doctest.h>

#include <string>

namespace kbgen::search {
namespace {

// A page shell like templates/search.mustache, with the strings of its
// language in data-search-config (attribute-escaped, as the build writes).
std::string Shell(const std::string& lang, const std::string& dir) {
  std::string config =
      R"json({"lang":"LANG","dir":"DIR","numberLocale":"LANG-u-nu-latn","results":{"exact":{"0":"No results","1":"1 result"},"forms":{"one":"{count} result","other":"{count} results"}},"noResults":"Nothing.","didYouMean":"Did you mean {suggestion}?","showingResultsFor":"Showing results for {query}.","searchInsteadFor":"Search instead for {query}.","range":"{results} (showing {first}–{last})","previous":"Previous","next":"Next","refine":"Refine","clearFilters":"Clear","facetLabels":{"lang":"Language","tags":"Tags"},"langNames":{"en":"English","ar":"Arabic"},"termNames":{"policy":"Policy <b>"},"sectionNames":{}})json";
  for (auto [from, to] : {std::pair<std::string, std::string>{"LANG", lang}, {"DIR", dir}}) {
    for (auto p = config.find(from); p != std::string::npos; p = config.find(from)) config.replace(p, from.size(), to);
  }
  std::string escaped;
  for (char c : config) escaped += c == '"' ? std::string("&quot;") : c == '<' ? std::string("&lt;") : std::string(1, c);
  return "<form data-search-config=\"" + escaped + "\"><input name=\"q\" value=\"\">"
         "<select><option value=\"" + lang + "\" selected>L</option><option value=\"all\">All</option></select></form>"
         "<div id=\"s\"><!--kbgen:search-status--></div><ol><!--kbgen:search-results--></ol>"
         "<aside><!--kbgen:search-facets--></aside><nav><!--kbgen:search-pager--></nav>";
}

SearchHit Hit(const std::string& lang, const std::string& title) {
  SearchHit h;
  h.url = "/" + lang + "/page/";
  h.lang = lang;
  h.title = title;
  h.date = "2018-05-08";
  h.snippet = {{"a <b> ", false}, {"match", true}};
  return h;
}

TEST_CASE("results page: results, count, escaping, isolation") {
  ResultsPageRequest request;
  request.query = "x\" <y>";
  request.lang = "all";
  SearchResponse response;
  response.total = 2;
  response.hits = {Hit("ar", "عنوان"), Hit("en", "Title & <more>")};
  response.facets["lang"] = {{"ar", 1}, {"en", 1}};
  response.facets["tags"] = {{"policy", 2}};
  const std::string page = RenderResultsPage(Shell("ar", "rtl"), request, &response, "");
  // The query in the box, escaped; "all" selected.
  CHECK(page.find("name=\"q\" value=\"x&quot; &lt;y&gt;\"") != std::string::npos);
  CHECK(page.find("<option value=\"all\" selected>") != std::string::npos);
  CHECK(page.find("<p class=\"search-count\">2 results</p>") != std::string::npos);
  // Same-language result: no lang; other language: lang, dir, hreflang.
  CHECK(page.find("<li class=\"search-result\"><h2 class=\"search-result__title\"><a href=\"/ar/page/\"><bdi>عنوان</bdi></a>") != std::string::npos);
  CHECK(page.find("<li class=\"search-result\" lang=\"en\" dir=\"ltr\"><h2 class=\"search-result__title\">"
                  "<a href=\"/en/page/\" hreflang=\"en\"><bdi>Title &amp; &lt;more&gt;</bdi></a></h2>") !=
        std::string::npos);
  CHECK(page.find("<p class=\"search-result__meta\" lang=\"ar\" dir=\"rtl\"><bdi>English</bdi> · <time datetime=\"2018-05-08\"><bdi>") != std::string::npos);
  CHECK(page.find("<p class=\"search-result__snippet\" dir=\"auto\">a &lt;b&gt; <mark>match</mark></p>") != std::string::npos);
  // Facets: the language facet (searching all), names from the config.
  CHECK(page.find("<h3>Language</h3>") != std::string::npos);
  CHECK(page.find("href=\"?q=x%22+%3Cy%3E&amp;lang=all&amp;filter=lang%3Aen\"><bdi>English</bdi></a> <span class=\"search-facet__count\">(1)</span>") != std::string::npos);
  CHECK(page.find("<bdi>Policy &lt;b&gt;</bdi>") != std::string::npos);
  CHECK(page.find("<!--kbgen:") == std::string::npos);
}

TEST_CASE("results page: pages, corrections, errors") {
  ResultsPageRequest request;
  request.query = "mappng";
  request.lang = "en";
  request.page = 2;
  request.filters = {{"tags", "policy"}};
  SearchResponse response;
  response.total = 35;
  for (int i = 0; i < 10; ++i) response.hits.push_back(Hit("en", "T"));
  response.corrected = "mapping";
  response.facets["tags"] = {{"policy", 35}};
  const std::string page = RenderResultsPage(Shell("en", "ltr"), request, &response, "");
  CHECK(page.find("35 results (showing 11–20)") != std::string::npos);
  CHECK(page.find("Showing results for <a href=\"?q=mapping&amp;lang=en&amp;filter=tags%3Apolicy\"><bdi>mapping</bdi></a>.") != std::string::npos);
  CHECK(page.find("Search instead for <a href=\"?q=mappng&amp;lang=en&amp;filter=tags%3Apolicy&amp;correct=0\"><bdi>mappng</bdi></a>.") != std::string::npos);
  // Previous, 1 2 3 4, next; the current page is not a link.
  CHECK(page.find("<a href=\"?q=mappng&amp;lang=en&amp;filter=tags%3Apolicy\" rel=\"prev\">Previous</a>") != std::string::npos);
  CHECK(page.find("<span aria-current=\"page\">2</span>") != std::string::npos);
  CHECK(page.find("page=4&amp;filter=tags%3Apolicy\">4</a>") != std::string::npos);
  CHECK(page.find("page=3&amp;filter=tags%3Apolicy\" rel=\"next\">Next</a>") != std::string::npos);
  CHECK(page.find("page=5") == std::string::npos);
  // The active filter is marked and its link removes it; "Clear" too.
  CHECK(page.find("<a href=\"?q=mappng&amp;lang=en\" aria-current=\"true\"><bdi>Policy &lt;b&gt;</bdi></a>") != std::string::npos);
  CHECK(page.find(">Clear</a>") != std::string::npos);
  // An error: the message, escaped, in the status.
  const std::string error = RenderResultsPage(Shell("en", "ltr"), request, nullptr, "bad <query>");
  CHECK(error.find("<p class=\"search-error\">bad &lt;query&gt;</p>") != std::string::npos);
  // Not a search page: unchanged.
  CHECK(RenderResultsPage("<p>hello</p>", request, &response, "") == "<p>hello</p>");
}

TEST_CASE("results page: links are written as the browser's URLSearchParams writes them") {
  ResultsPageRequest r;
  r.query = "économie 4.0 & co*";
  r.lang = "fr";
  CHECK(ResultsPageHref(r) == "?q=%C3%A9conomie+4.0+%26+co*&lang=fr");
}

}  // namespace
}  // namespace kbgen::search
