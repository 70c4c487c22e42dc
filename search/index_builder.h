// Writes the search indexes of a site: one Xapian database per language,
// laid out below <site>/search/ as schema.h describes (a stub file per
// language naming the database folder of this build).
//
// The build pipeline calls BuildIndexes with the page records of the site
// and the temporary folder the site is being written to; the folder is
// swapped in with the rest of the site. Languages are indexed in parallel,
// one thread per language; every language gets a database, an empty one
// when it has no pages, so that a search in it finds nothing instead of
// failing.
//
// Building again into a folder that has indexes (not what `kbgen build`
// does, but safe): a language whose generation is unchanged and published
// is left as it is; a changed one gets a new generation folder and its
// stub is replaced; older generations stay for the readers that still use
// them.
#ifndef KBGEN_SEARCH_INDEX_BUILDER_H_
#define KBGEN_SEARCH_INDEX_BUILDER_H_

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "search/page_record.h"

namespace kbgen::search {

struct IndexOptions {
  // lang -> (term -> synonyms), e.g. {"en": {"ict": {"information and communication technology"}}}
  std::map<std::string, std::map<std::string, std::vector<std::string>>> synonyms;
  int threads = 0;  // 0 = one per language
  // Also write each language's database compacted into one file
  // (<generation>.glass, schema.h), which the in-browser engine reads.
  bool single_file = true;
};

// Writes the indexes of `records` below `site_dir` (the temporary output
// folder). Returns false and sets *error on failure: a record or synonym
// in an unknown language, or a file that cannot be written. Thread-safe
// with respect to other calls on other folders.
bool BuildIndexes(const std::vector<PageRecord>& records, const std::filesystem::path& site_dir,
                  const IndexOptions& options, std::string* error);

// lang -> the generation name (schema.h) that BuildIndexes gives each
// language's database for these records and options: it names the
// database files before they are written. Empty for an unknown language.
std::map<std::string, std::string> GenerationNames(const std::vector<PageRecord>& records,
                                                   const IndexOptions& options);

// The database of one language, for callers that index page by page.
//   auto b = LanguageIndexBuilder::Create("fr", dir, synonyms, &error);
//   b->Add(record); ...; b->Finish(&error);
class LanguageIndexBuilder {
 public:
  // Creates (or overwrites) the glass database in `db_dir`.
  static std::unique_ptr<LanguageIndexBuilder> Create(
      const std::string& lang, const std::filesystem::path& db_dir,
      const std::map<std::string, std::vector<std::string>>& synonyms, std::string* error);
  ~LanguageIndexBuilder();

  // REQUIRES: record.lang is this builder's language. Adding a URL twice
  // replaces the first page.
  bool Add(const PageRecord& record, std::string* error);
  // Writes spelling, synonyms and metadata, commits and closes.
  bool Finish(std::string* error);

 private:
  struct State;
  explicit LanguageIndexBuilder(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_INDEX_BUILDER_H_
