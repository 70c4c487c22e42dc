#include "search/coordination_weight.h"

#include <algorithm>
#include <cmath>

namespace kbgen::search {
namespace {

// Xapian's BM25Weight defaults (k2 = 0: no document-length extra).
constexpr double kK1 = 1.0;
constexpr double kK3 = 1.0;
constexpr double kB = 0.5;
constexpr double kMinNormLen = 0.5;

}  // namespace

CoordinationWeight::CoordinationWeight() {
  need_stat(COLLECTION_SIZE);
  need_stat(TERMFREQ);
  need_stat(AVERAGE_LENGTH);
  need_stat(DOC_LENGTH);
  need_stat(DOC_LENGTH_MIN);
  need_stat(WDF);
  need_stat(WDF_MAX);
  need_stat(WQF);
}

CoordinationWeight* CoordinationWeight::clone() const { return new CoordinationWeight(); }

std::string CoordinationWeight::name() const { return "kbgen::search::CoordinationWeight"; }

std::string CoordinationWeight::serialise() const { return std::string(); }

CoordinationWeight* CoordinationWeight::unserialise(const std::string&) const {
  return new CoordinationWeight();
}

void CoordinationWeight::init(double factor) {
  if (factor == 0) return;  // a boolean context: no weight at all
  const double n = static_cast<double>(get_collection_size());
  const double tf = static_cast<double>(get_termfreq());
  // BM25's idf as Xapian 1.4 computes it: a term on most pages keeps a
  // small positive weight.
  auto idf_of = [](double tw) { return std::log(tw < 2 ? tw * 0.5 + 1 : tw); };
  const double idf = idf_of((n - tf + 0.5) / (tf + 0.5));
  const double rare = idf_of((n - 1 + 0.5) / 1.5);  // idf of a term on one page
  const double share = rare > 0 ? 0.5 + 0.5 * std::min(1.0, idf / rare) : 1.0;
  credit_ = factor * kCredit * share;
  const double wqf = get_wqf();
  termweight_ = factor * idf * (kK3 + 1) * wqf / (kK3 + wqf) * (kK1 + 1);
  const double average = get_average_length();
  len_factor_ = average > 0 ? 1.0 / average : 0.0;
  const double normlen_lb =
      std::max(static_cast<double>(get_doclength_lower_bound()) * len_factor_, kMinNormLen);
  const double wdf_max = get_wdf_upper_bound();
  const double denom = kK1 * (normlen_lb * kB + (1 - kB)) + wdf_max;
  max_part_ = credit_ + (denom > 0 ? termweight_ * wdf_max / denom : 0.0);
}

double CoordinationWeight::get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen,
                                       Xapian::termcount) const {
  const double normlen = std::max(static_cast<double>(doclen) * len_factor_, kMinNormLen);
  const double w = static_cast<double>(wdf);
  return credit_ + termweight_ * w / (kK1 * (normlen * kB + (1 - kB)) + w);
}

double CoordinationWeight::get_maxpart() const { return max_part_; }

double CoordinationWeight::get_sumextra(Xapian::termcount, Xapian::termcount) const { return 0; }

double CoordinationWeight::get_maxextra() const { return 0; }

}  // namespace kbgen::search
