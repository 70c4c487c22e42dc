// Query analysis and parsing in all six languages: the first byte picks
// the language, the rest is the reader's query. Any query is either
// refused by the limits or parsed (falling back to its plain words) into a
// Xapian query, never a crash or an exception out of the parser.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <xapian.h>

#include "fuzz_checks.h"
#include "search/analyzer.h"
#include "search/query.h"
#include "search/schema.h"

using namespace kbgen::search;

namespace {

constexpr const char* kLangs[] = {"ar", "en", "es", "fr", "ru", "zh"};

struct Language {
  std::unique_ptr<Analyzer> analyzer;
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

Language& For(int i) {
  static Language langs[6];
  if (!langs[i].analyzer) {
    std::string error;
    langs[i].analyzer = Analyzer::Create(kLangs[i], &error);
    FUZZ_CHECK(langs[i].analyzer != nullptr);
    // A few words, so spelling and wildcards have something to find.
    Xapian::Document doc;
    for (const auto& t : langs[i].analyzer->Terms("innovation économie ёлка 生态系统 الابتكار"))
      doc.add_term(t);
    langs[i].db.add_document(doc);
  }
  return langs[i];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  Language& lang = For(data[0] % 6);
  std::string_view query(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!CheckQueryBytes(query).empty()) return 0;
  if (kbgen::FindInvalidUtf8(query)) return 0;  // the server refuses it before
  AnalyzedQuery analyzed = AnalyzeQuery(lang.analyzer.get(), query);
  FUZZ_CHECK(!kbgen::FindInvalidUtf8(analyzed.text));
  if (!CheckQueryLimits(analyzed).empty()) return 0;
  QueryBuilder builder(lang.analyzer.get(), lang.db);
  QueryBuilder::Result result;
  std::string error;
  try {
    if (builder.Build(analyzed, &result, &error)) {
      for (const auto& t : HighlightTerms(result.query)) FUZZ_CHECK(!t.empty());
      Xapian::Enquire enquire(lang.db);
      enquire.set_query(result.query);
      (void)enquire.get_mset(0, 10);
    }
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "Xapian error escaped: %s\n", e.get_description().c_str());
    std::abort();
  }
  return 0;
}
