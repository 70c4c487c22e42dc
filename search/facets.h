// Facets: section, type, region, country, year and tags of each page, as
// boolean filter terms and as counts over a result set.
//
// Filters match NFKC case-folded values ("Capacity Building" finds pages
// of type "capacity building"); counts report the value as the pages
// write it. Each language's database numbers its distinct facet values
// (a FacetTable kept in the database's metadata) and stores in value slot
// kSlotFacets the numbers of a page's values; a searcher loads them into a
// FacetIndex, so counting a result set costs a few increments per page.
#ifndef KBGEN_SEARCH_FACETS_H_
#define KBGEN_SEARCH_FACETS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace kbgen::search {

// NFKC case-folded, trimmed, inner white space collapsed to one space.
std::string NormalizeFacetValue(std::string_view value);

// prefix + value, shortened with a hash when it would exceed Xapian's term
// length limit (long URLs and values still get a unique term).
std::string BoundedTerm(std::string_view prefix, std::string_view value);

// The boolean term of one facet value; `facet` indexes kFacets.
std::string FacetTerm(int facet, std::string_view value);

struct FacetValue {
  int facet = 0;      // index in kFacets
  std::string value;  // as first written by a page
};

// The numbered facet values of one language's database.
class FacetTable {
 public:
  // The number of a value, adding it when new. Values equal after
  // NormalizeFacetValue share a number.
  std::uint32_t Add(int facet, std::string_view value);
  const std::vector<FacetValue>& values() const { return values_; }

  std::string Serialize() const;  // for the database metadata
  static bool Parse(std::string_view data, FacetTable* table);

 private:
  std::vector<FacetValue> values_;
  std::map<std::pair<int, std::string>, std::uint32_t> ids_;
};

// Value slot contents: the numbers of a page's values.
std::string EncodeFacetIds(const std::vector<std::uint32_t>& ids);

// facet name -> value -> number of pages. Every facet of kFacets is present.
using FacetCounts = std::map<std::string, std::map<std::string, std::uint64_t>>;
FacetCounts EmptyFacetCounts();

// The facet values of every document of one database, read into memory
// once (the table from the metadata, the numbers from the value slot), so
// that counting needs no disk access per matching document.
class FacetIndex {
 public:
  // False when the database's facet data is damaged.
  static bool Load(const Xapian::Database& db, FacetIndex* index);
  const FacetTable& table() const { return table_; }
  // Adds value counts (by value number) to *out, by facet and value.
  void AddTo(const std::vector<std::uint64_t>& counts, FacetCounts* out) const;

  // Adds one to (*counts)[v] for each facet value number v of document
  // `did`; counts has one entry per value of the table.
  void Count(Xapian::docid did, std::vector<std::uint64_t>* counts) const {
    if (did + 1 >= offsets_.size()) return;
    for (std::uint32_t i = offsets_[did]; i < offsets_[did + 1]; ++i) ++(*counts)[ids_[i]];
  }

 private:
  friend class FacetSpy;
  FacetTable table_;
  std::vector<std::uint32_t> offsets_;  // document d: ids_[offsets_[d] .. offsets_[d + 1])
  std::vector<std::uint32_t> ids_;
};


// Counts the facet values of every document the match considers, in the
// database the FacetIndex was loaded from. Give the Enquire a
// check_at_least of the database size to count them all.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(const FacetIndex* index);
  void operator()(const Xapian::Document& doc, double wt) override;
  // Adds this spy's counts to *counts.
  void AddTo(FacetCounts* counts) const;

 private:
  const FacetIndex* index_;
  std::vector<std::uint64_t> counts_;  // per value number
};

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_FACETS_H_
