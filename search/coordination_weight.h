// The weighting of search results: BM25 (Xapian's default parameters)
// plus a credit for every query term a page matches, so that pages
// matching all of a reader's words rank above pages matching most of
// them, and those above pages matching one, while BM25 orders pages
// within each of those tiers ("coordination", as classic Lucene had it).
//
// The credit grows with the term's rarity, from half of kCredit for a
// term on every page to kCredit for a term on one page: a page matching
// only the rare word of a question can still come before one matching
// only its two common words. A query term under OP_SCALE_WEIGHT (the
// Chinese character-pair fallback, query.h) gets that share of the credit.
// A query where every page matches every term (an AND) ranks as by BM25.
#ifndef KBGEN_SEARCH_COORDINATION_WEIGHT_H_
#define KBGEN_SEARCH_COORDINATION_WEIGHT_H_

#include <string>

#include <xapian.h>

namespace kbgen::search {

class CoordinationWeight : public Xapian::Weight {
 public:
  // Credit of a rare matched term, in BM25 units (a BM25 term weight is
  // at most about 2 ln N: 7 for 40 pages, 15 for 2000).
  static constexpr double kCredit = 12.0;

  CoordinationWeight();

  CoordinationWeight* clone() const override;
  std::string name() const override;
  std::string serialise() const override;
  CoordinationWeight* unserialise(const std::string& data) const override;
  double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen,
                     Xapian::termcount uniqterms) const override;
  double get_maxpart() const override;
  double get_sumextra(Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
  double get_maxextra() const override;

 private:
  void init(double factor) override;

  double credit_ = 0;       // added for any match, scaled
  double termweight_ = 0;   // BM25 idf part, times (k1 + 1), scaled
  double len_factor_ = 0;   // 1 / average document length
  double max_part_ = 0;
};

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_COORDINATION_WEIGHT_H_
