// Turns one PageRecord into the Xapian document of its language's index,
// following schema.h: analysed words with positions and stems (title,
// headings and summary weighted above the body), title terms for title:,
// synonym group terms, the taxonomy values (in English and as the page's
// language names them) like headings, the characters of Chinese words and
// their adjacent pairs (without positions: a single character searched
// alone still finds the words that contain it, and pairs are the fallback
// of query.h), facet and id terms, the
// facet and date values, and the StoredPage data for results and snippets.
// It also collects the words for the spelling dictionary and the stem table.
//
// Not thread-safe: one DocumentMaker per language being indexed.
#ifndef KBGEN_SEARCH_DOCUMENT_MAKER_H_
#define KBGEN_SEARCH_DOCUMENT_MAKER_H_

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "search/analyzer.h"
#include "search/facets.h"
#include "search/page_record.h"
#include "search/stored_page.h"
#include "search/synonyms.h"

namespace kbgen::search {

class DocumentMaker {
 public:
  // All three must outlive the maker.
  DocumentMaker(Analyzer* analyzer, const SynonymSet* synonyms, FacetTable* facets);

  // REQUIRES: record.lang is the analyzer's language.
  Xapian::Document Make(const PageRecord& record);

  // Word -> number of occurrences, for the words that have a stem (they
  // start with a letter): the spelling dictionary.
  const std::unordered_map<std::string, Xapian::termcount>& words() const { return words_; }
  // Stem -> the words with that stem, in order of first occurrence: the
  // stem table (schema.h), which snippets use to find stemmed matches.
  const std::unordered_map<std::string, std::vector<std::string>>& stem_words() const {
    return stem_words_;
  }
  // Word -> how pages write it when that differs from the word (accents,
  // ё, Arabic marks), with counts.
  const std::unordered_map<std::string, std::map<std::string, std::size_t>>& display_forms() const {
    return display_forms_;
  }

 private:
  // Indexes one field from `*pos`, leaving *pos where the next field starts.
  // Records the spans of its words when `stored` is given.
  void IndexField(const std::string& text, Xapian::termcount wdf, bool title,
                  Xapian::termpos* pos, Xapian::Document* doc, StoredText* stored);

  Analyzer* analyzer_;
  const SynonymSet* synonyms_;
  FacetTable* facets_;
  std::unordered_map<std::string, Xapian::termcount> words_;
  std::unordered_map<std::string, std::vector<std::string>> stem_words_;
  std::unordered_map<std::string, std::map<std::string, std::size_t>> display_forms_;
  const bool han_;  // index the characters of Chinese words too
  // Of the page being made: terms without positions, by stem or character.
  std::unordered_map<std::string, Xapian::termcount> stem_wdf_;
  std::unordered_map<std::string, Xapian::termcount> title_stem_wdf_;
  std::unordered_map<std::string, Xapian::termcount> han_wdf_;
  std::unordered_map<std::string, Xapian::termcount> pair_wdf_;  // XB terms
  std::vector<Token> tokens_;      // reused between fields
  std::vector<std::string> keys_;  // reused between fields
};

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_DOCUMENT_MAKER_H_
