// From a reader's query to a bounded Xapian query, analysed exactly as
// the index was.
//
// AnalyzeQuery runs the language's Analyzer over the query and rebuilds it
// for Xapian's QueryParser: every word becomes its normalised terms
// separated by spaces (so Chinese words are split, accents folded, Arabic
// marks removed), while the query syntax stays: "phrases", (groups),
// AND OR NOT XOR NEAR ADJ (upper case), +word -word, word* and title:word.
// Any other punctuation becomes a space.
//
// A plain query (words only, no syntax) is forgiving: its words are
// joined by OR, and CoordinationWeight ranks pages matching all of them
// first, then those matching most. Stop words are dropped from it
// (stop_words.h), a word no page contains is replaced by its spelling
// correction, and in Chinese the character pairs of the query stand in,
// with less weight, for words that the pages segment differently. A query
// with syntax (phrases, operators, +/-, field:, wildcards) is read as
// before: its words joined by AND, stop words dropped only outside
// phrases and only when it has no operator.
//
// Limits (schema.h) bound the work a query can cause: its length in bytes,
// its number of words and wildcards, and each wildcard's expansion. A
// malformed query (unbalanced quotes or parentheses, a dangling operator)
// or one the parser rejects falls back to its plain words, joined by AND.
#ifndef KBGEN_SEARCH_QUERY_H_
#define KBGEN_SEARCH_QUERY_H_

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "search/analyzer.h"

namespace kbgen::search {

struct AnalyzedQuery {
  std::string text;   // for the query parser, syntax kept
  std::string plain;  // the words only, for the fallback
  std::vector<std::string> terms;  // the words of `plain`
  int words = 0;      // terms, operators not counted
  bool syntax = false;  // phrases, operators, +/-, (groups), field: or wildcards
  int stop_words = 0;   // stop words dropped
  int wildcards = 0;
  std::vector<std::string> wildcard_prefixes;  // "econom" for econom*
  // Balanced quotes and parentheses, operators between operands: when
  // false, the plain words are searched instead.
  bool well_formed = true;
};

AnalyzedQuery AnalyzeQuery(Analyzer* analyzer, std::string_view query);

// "" when the query is within the limits, otherwise the reason, e.g.
// "the query is too long (2048 bytes; at most 1024)". The byte check needs
// only the raw query: callers check it before analysing.
std::string CheckQueryBytes(std::string_view raw_query);
std::string CheckQueryLimits(const AnalyzedQuery& query);

// The terms of a parsed query that can appear in a page's text, for
// highlighting: plain words, Z stems, synonym groups and Chinese character
// pairs; title: terms are
// mapped to their body form.
std::vector<std::string> HighlightTerms(const Xapian::Query& query);

// A QueryParser set up like the index of one language: same stemmer and
// stemming strategy, the database's synonyms and spelling, title: field,
// bounded wildcards. Not thread-safe.
class QueryBuilder {
 public:
  // `analyzer` and `db` must outlive the builder.
  QueryBuilder(Analyzer* analyzer, const Xapian::Database& db);

  struct Result {
    Xapian::Query query;      // empty when the query has no words
    bool fell_back = false;   // malformed syntax: the plain words were used
    // A plain query with a word that no page contains, and a spelling
    // correction for it: the corrected words (searched instead), else "".
    std::string corrected;
  };
  // Returns false and sets *error only when not even the plain words parse.
  // `correct`: replace unknown words of a plain query by their spelling
  // correction (the reader can turn it off: "search instead for").
  bool Build(const AnalyzedQuery& query, Result* result, std::string* error,
             bool correct = true);

  // The query with its unknown words replaced by the closest words of the
  // spelling dictionary, or "" (no dictionary, nothing to correct). Kept
  // apart from Build: looking words up in the dictionary costs more than
  // the search itself, and is only worth it when nothing was found.
  std::string Correct(const AnalyzedQuery& query);

 private:
  // The forgiving query of plain words.
  Xapian::Query BuildPlain(const AnalyzedQuery& query, bool correct, std::string* corrected);
  // A word no page contains (nor its stem, nor as a synonym).
  bool Unknown(const std::string& term);
  // Chinese: the character pairs of each run of Han words, as a fallback.
  void AddCharacterPairs(const std::vector<std::string>& terms,
                         std::vector<Xapian::Query>* clauses);

  Analyzer* analyzer_;
  Xapian::Database db_;
  Xapian::QueryParser parser_;
  unsigned flags_ = 0;
};

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_QUERY_H_
