// The search page with its results, as `kbgen serve` answers
// GET /<lang>/search/?q=... so that searching works without JavaScript.
//
// The build writes the page shell (templates/search.mustache) with the
// strings of its language as plain data (the form's data-search-config:
// result counts with plural forms, "Showing results for", facet and
// language names, the number locale). This fills the marker comments of
// that page (<!--kbgen:search-status-->, -results-->, -facets-->,
// -pager-->) with the results, puts the query in the search box, and
// leaves the rest of the page as built. themes/default/static/js/search.js
// renders the same elements from the same strings in the browser.
//
// Text whose direction may differ from the page's (titles, language names,
// dates, queries, facet values) is isolated in <bdi>; results in another
// language carry their lang and dir. Everything from the index or the
// request is escaped; snippets are SnippetHtml (escaped, <mark> only).
#ifndef KBGEN_SEARCH_RESULTS_PAGE_H_
#define KBGEN_SEARCH_RESULTS_PAGE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/searcher.h"

namespace kbgen::search {

// The reader's request, as the page's links and form send it:
// ?q=..&lang=..&page=..&filter=name:value..&correct=0
struct ResultsPageRequest {
  std::string query;
  std::string lang;  // one language or "all"
  int page = 1;
  std::vector<std::pair<std::string, std::string>> filters;
  bool correct = true;
};

// Results per page of the search page.
inline constexpr int kResultsPageSize = 10;

// The page `html` (a built search page) with the results of `request`
// filled in: `response` when the search ran, else `error` (a message for
// the reader). Returns `html` unchanged when it is not a search page.
std::string RenderResultsPage(std::string_view html, const ResultsPageRequest& request,
                              const SearchResponse* response, const std::string& error);

// The link of the search page for a request, relative to the page:
// "?q=digital+skills&lang=fr&page=2&filter=tags%3Apolicy" (form encoding,
// as the browser's URLSearchParams writes it).
std::string ResultsPageHref(const ResultsPageRequest& request);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_RESULTS_PAGE_H_
