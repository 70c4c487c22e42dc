// `kbgen search`: queries a built site's index and prints the results,
// as a readable list or (with --json) as one JSON object whose shape is a
// stable contract:
//
//   {"query": "...", "lang": "fr", "total": 12,
//    "results": [{"url", "title", "lang", "section", "summary", "date",
//                 "snippet" (HTML, matches in <mark>), "score"}],
//    "facets": {"section": {"toolkit": 7}, "type": {}, "region": {},
//               "country": {}, "year": {}, "tags": {}},
//    "suggestion": "..." or null,
//    "corrected": {"query": "...", "original": "..."} or null}
//
// "facets" also has "lang" (language -> count), the last key. "corrected"
// says that the query searched was a spelling correction of the one asked
// for ("Showing results for ... Search instead for ..."); "suggestion" is
// a correction that was not searched.
//
// Exit status: 0 (also when nothing matches), 1 when the index cannot be
// read, 2 for a bad request (unknown language or filter, a query over the
// limits).
#ifndef KBGEN_SEARCH_SEARCH_COMMAND_H_
#define KBGEN_SEARCH_SEARCH_COMMAND_H_

#include <filesystem>

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace kbgen::search {

struct SearchOptions {
  std::filesystem::path site_dir = "site";
  std::string lang = "en";  // or "all"
  int limit = 10;
  int page = 1;
  std::vector<std::pair<std::string, std::string>> filters;
  bool json = false;
  bool exact = false;  // no spelling correction
  std::vector<std::string> query_words;  // joined with spaces
};

struct SearchResponse;

// The JSON object above for one response (used by `kbgen search --json`
// and by the search service, so both speak the same shape).
nlohmann::ordered_json ResponseToJson(const std::string& query, const std::string& lang,
                                      const SearchResponse& response);

// Runs `kbgen search`: prints to out, errors to err; returns the exit status.
int RunSearchCommand(const SearchOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_SEARCH_COMMAND_H_
