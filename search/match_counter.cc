#include "search/match_counter.h"

#include <algorithm>

namespace kbgen::search {

bool MatchCounter::MarkAny(const Xapian::Database& db, const Xapian::Query& query,
                           std::vector<std::uint8_t>* set) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *query.get_terms_begin();
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) (*set)[*p] = 1;
      return true;
    }
    case Xapian::Query::OP_AND_MAYBE:
      // The optional side only adds weight: the pages are the first side's.
      return MarkAny(db, query.get_subquery(0), set);
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_SCALE_WEIGHT:
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        if (!MarkAny(db, query.get_subquery(i), set)) return false;
      }
      return true;
    default:
      return false;
  }
}

bool MatchCounter::Count(const Xapian::Database& db, const Xapian::Query& query,
                         const Xapian::Query& filter, const FacetIndex& facets,
                         std::uint64_t* total, FacetCounts* counts) {
  *total = 0;
  const std::size_t size = static_cast<std::size_t>(db.get_lastdocid()) + 1;
  matches_.assign(size, 0);
  if (!query.empty() && !MarkAny(db, query, &matches_)) return false;
  if (!filter.empty()) {
    // OR within a facet, AND across facets (searcher.h).
    std::vector<Xapian::Query> all;
    if (filter.get_type() == Xapian::Query::OP_AND) {
      for (std::size_t i = 0; i < filter.get_num_subqueries(); ++i) all.push_back(filter.get_subquery(i));
    } else {
      all.push_back(filter);
    }
    for (const auto& any : all) {
      scratch_.assign(size, 0);
      if (!MarkAny(db, any, &scratch_)) return false;
      for (std::size_t d = 0; d < size; ++d) matches_[d] &= scratch_[d];
    }
  }
  std::vector<std::uint64_t> values(counts != nullptr ? facets.table().values().size() : 0, 0);
  for (std::size_t d = 1; d < size; ++d) {
    if (!matches_[d]) continue;
    ++*total;
    if (counts != nullptr) facets.Count(static_cast<Xapian::docid>(d), &values);
  }
  if (counts != nullptr) facets.AddTo(values, counts);
  return true;
}

}  // namespace kbgen::search
