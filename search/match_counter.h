// Exact counts of a plain query's matches and of their facet values,
// without weighting every match.
//
// A plain query (query.h) is "any of" its terms: OR, SYNONYM and
// OP_SCALE_WEIGHT over terms, and AND_MAYBE (whose optional side adds
// weight, not pages). The pages it matches are the union of its
// terms' posting lists, which decoding the lists finds in a fraction of
// the time that weighting every match takes (a FacetSpy sees only the
// pages the match weighs, so counting with it means weighting them all).
// The filters (OR within a facet, AND across) are applied the same way.
// The match itself then only has to find the page of results asked for,
// and Xapian skips the pages that cannot be among them.
//
// Other queries (phrases, AND, NOT, wildcards) are not "any of": for them
// Count returns false and the caller counts with a FacetSpy.
//
// Not thread-safe: one per searched database and thread (it reuses its
// buffers).
#ifndef KBGEN_SEARCH_MATCH_COUNTER_H_
#define KBGEN_SEARCH_MATCH_COUNTER_H_

#include <cstdint>
#include <vector>

#include <xapian.h>

#include "search/facets.h"

namespace kbgen::search {

class MatchCounter {
 public:
  // Counts the pages of `db` matching `query` and `filter` (an empty
  // filter filters nothing) into *total, and adds their facet values
  // (from `facets`, loaded from `db`) to *counts unless it is null.
  // False, with nothing counted, when the query is not "any of" its terms.
  bool Count(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Query& filter,
             const FacetIndex& facets, std::uint64_t* total, FacetCounts* counts);

 private:
  // Marks the documents of every term of an "any of" query; false for
  // any other query.
  bool MarkAny(const Xapian::Database& db, const Xapian::Query& query,
               std::vector<std::uint8_t>* set);

  std::vector<std::uint8_t> matches_;  // by document id, reused
  std::vector<std::uint8_t> scratch_;
};

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_MATCH_COUNTER_H_
