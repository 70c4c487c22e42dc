// Searches the indexes of a built site: one language or all of them,
// with facet filters and counts, snippets and spelling suggestions.
//
// Opens <site>/search/<lang>/index.stub (schema.h) on first use of each
// language. Every request is bounded (query length, words, wildcards,
// result depth: schema.h) so that no query can keep a server busy.
//
// Not thread-safe (Xapian databases and ICU iterators are not): use one
// Searcher per thread.
#ifndef KBGEN_SEARCH_SEARCHER_H_
#define KBGEN_SEARCH_SEARCHER_H_

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "search/facets.h"
#include "search/snippet.h"

namespace kbgen::search {

struct SearchRequest {
  std::string lang = "en";  // one of kLanguageSpecs, or "all"
  std::string query;        // Xapian query syntax
  int offset = 0;           // results to skip
  int limit = 10;           // 1 .. kMaxLimit
  // facet name, value; also ("lang", code): only these languages.
  std::vector<std::pair<std::string, std::string>> filters;
  bool facets = true;    // count facet values over the whole result set
  bool snippets = true;
  // Search the spelling correction of words no page contains (and of a
  // query that finds nothing); false: the words exactly as typed.
  bool correct = true;
};

struct SearchHit {
  std::string url;
  std::string title;
  std::string lang;
  std::string section;
  std::string section_title;
  std::string summary;
  std::string date;
  Snippet snippet;
  double score = 0;  // Xapian's BM25 weight
};

struct SearchResponse {
  // Exact when facets are counted (unless the match ran into the time
  // limit of schema.h, which a bounded query does not come near).
  std::uint64_t total = 0;
  std::vector<SearchHit> hits;
  // Empty when not asked for; with facets, also "lang": language -> count.
  FacetCounts facets;
  std::optional<std::string> suggestion;  // a corrected query, one language only
  // The corrected query that was searched instead of the one asked for
  // (as the pages write its words), when one was.
  std::optional<std::string> corrected;
};

// Why a search failed: a request the reader can fix (bad language or
// filter, a query over the limits), or an index that cannot be read.
struct SearchError {
  bool bad_request = false;
  std::string message;
};

class Searcher {
 public:
  // Fails when `site_dir` has no search index.
  static std::unique_ptr<Searcher> Open(const std::filesystem::path& site_dir, std::string* error);
  ~Searcher();

  // Returns false and sets *error when the request is invalid or exceeds a
  // limit, or an index cannot be read. A query that matches nothing is a
  // success with no hits.
  bool Search(const SearchRequest& request, SearchResponse* response, SearchError* error);

  // For a long-running server: drops the languages whose stub file was
  // replaced since they were opened (a rebuild, or a new site swapped in),
  // so that the next search opens the new index. Searches in between keep
  // reading the old generation, which a rebuild never modifies. Returns
  // the number of languages dropped.
  int ReloadIfChanged();

  struct Language;       // one opened language index (searcher.cc)
  struct LanguageQuery;  // one language's share of a request (searcher.cc)

 private:
  explicit Searcher(std::filesystem::path index_dir);
  // Searches `query_text` in `langs` (indexes in kLanguageSpecs) into
  // *response; `correct`: replace unknown words by their correction.
  bool Run(const std::vector<std::size_t>& langs, const std::string& query_text,
           const SearchRequest& request, const Xapian::Query& filter, bool correct,
           std::vector<LanguageQuery>* queries, SearchResponse* response, SearchError* err);
  Language* Get(std::size_t lang_index, std::string* error);

  std::filesystem::path index_dir_;
  std::array<std::unique_ptr<Language>, 6> languages_;
};

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_SEARCHER_H_
