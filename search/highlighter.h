// Where a query matched in a page, made into that page's snippet.
//
// The matches come from the index: the positions of the query's words in
// the page. A stemmed query term has no positions (schema.h), so it stands
// for the words of the stem table that share its stem; a synonym group
// term has positions of its own; a wildcard stands for the page's words
// that start with its prefix; a Chinese character searched alone, or a
// pair of characters (the fallback of query.h), matches the words of the
// text that contain it. The StoredPage gives the original
// text and the byte range of every position (snippet.h).
//
// Not thread-safe; a Highlighter lives for one query, a StemTable for as
// long as its database is open.
#ifndef KBGEN_SEARCH_HIGHLIGHTER_H_
#define KBGEN_SEARCH_HIGHLIGHTER_H_

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "search/analyzer.h"
#include "search/snippet.h"
#include "search/stored_page.h"

namespace kbgen::search {

// The stem table of one database (schema.h), read as needed and cached.
class StemTable {
 public:
  explicit StemTable(const Xapian::Database& db) : db_(db) {}
  // The indexed words with this stem; empty for an unknown stem.
  const std::vector<std::string>& Words(const std::string& stem);

 private:
  Xapian::Database db_;
  std::unordered_map<std::string, std::vector<std::string>> cache_;
};

class Highlighter {
 public:
  // `query` as parsed for the database `db` of the analyzer's language.
  // All pointers must outlive the highlighter.
  Highlighter(const Xapian::Database& db, Analyzer* analyzer, StemTable* stems,
              const Xapian::Query& query, const std::vector<std::string>& wildcard_prefixes);

  // The snippet of document `did` (whose stored page is `page`): around
  // the matches in the body, else in the summary, else the body's start.
  Snippet Make(Xapian::docid did, const StoredPage& page) const;

 private:
  Xapian::Database db_;
  std::size_t snippet_chars_;
  bool han_characters_;
  // Positional terms to look up, and for each the query word it stands
  // for (a word and its stem's other forms count as one).
  std::vector<std::string> terms_;
  std::vector<int> words_;
  std::vector<std::string> wildcard_prefixes_;
  // Chinese text to find in the page itself, for terms without positions
  // (a character searched alone, a character pair), with its word number.
  std::vector<std::pair<std::string, int>> scans_;
};

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_HIGHLIGHTER_H_
