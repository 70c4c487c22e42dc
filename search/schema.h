// The search index schema: every term prefix, value slot, weight and limit
// that the index builder and the query side share, in one table.
//
// One Xapian database per language, each with its own stemmer, spelling
// dictionary and synonyms, so that a language's analysis never leaks into
// another's. A search across all languages combines the six databases and
// filters each language's query by its L term.
//
// Layout on disk, below the site folder:
//
//   <site>/search/<lang>/index.stub     Xapian stub file: "auto <generation>"
//   <site>/search/<lang>/<generation>/  the glass database of that build
//   <site>/search/<lang>/<generation>.glass
//                                       the same, compacted into one file
//                                       of 2 KB blocks, for the in-browser
//                                       engine, which fetches it a block
//                                       range at a time (search/wasm/)
//   <site>/search/<lang>/<generation>.head
//                                       the blocks of that file every search
//                                       reads first (single_file_index.h)
//
// The generation name is a hash of the language's pages, synonyms and the
// schema version, so an unchanged language keeps its name and a changed one
// gets a new folder. A published generation is never written again. A
// server opens `index.stub` by path and opens it again when the stub file
// changes (new inode or mtime); readers that still hold the previous
// generation keep reading it consistently, because nothing rewrites it.
// It never needs Database::reopen() to pick up a rebuild.
//
// Terms (omega's conventions: one upper-case letter, or X and more):
//   word         a normalised word of title, headings, taxonomy names,
//                summary or body,
//                with positions (title, headings, summary, body are
//                separated by kFieldGap positions so phrases stay inside one)
//   Zstem        its stem, no positions
//   Sword        a title word (for `title:` queries), positions
//   ZSstem       its stem, no positions
//   XSYN<n>      synonym group n, at the positions of any of its members
//   XB<cc>       Chinese: each pair of adjacent Han characters (across
//                word boundaries), no positions, for the fallback
//                of query.h
//   Q<url>       unique id (re-indexing a URL replaces its document)
//   L<lang>      language
//   XSECTION<v> XTYPE<v> XREGION<v> XCOUNTRY<v> Y<year> K<tag>
//                facet values, NFKC case-folded (boolean terms, wdf 0)
//
// Values: kSlotFacets holds the facet value ids of the page (facets.h),
// kSlotDate the date as YYYYMMDD for sorting by date, kSlotFields and
// kSlotText the two parts of its StoredPage (stored_page.h): the fields
// shown in results, and the texts for snippets. They are values rather
// than document data because glass compresses document data with zlib,
// and inflating the data of every hit cost as much as the search itself;
// the document data stays empty.
//
// User metadata: the schema version, the language, the facet table
// (facets.h), and the stem table: StemTableKey(stem) -> the indexed words
// with that stem, space-separated, so that a snippet can find where a
// stemmed query term matched (economies -> Zeconom -> economie economique);
// and DisplayFormKey(word) -> the way the pages most often write a folded
// word (economie -> économie), for spelling suggestions.
#ifndef KBGEN_SEARCH_SCHEMA_H_
#define KBGEN_SEARCH_SCHEMA_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include <xapian.h>

namespace kbgen::search {

// Bumped whenever the terms, values or document data change meaning; a
// searcher refuses an index of another version (rebuild the site).
inline constexpr std::string_view kSchemaVersion = "2";

// How each language is analysed and shown.
struct LanguageSpec {
  std::string_view lang;       // "fr"
  std::string_view stemmer;    // Xapian stemmer name, "none" for no stemming
  bool fold_accents;           // strip combining marks (é -> e, ñ -> n)
  bool spelling;               // keep a spelling dictionary for "did you mean"
  std::size_t snippet_chars;   // length of a snippet, in code points
};

// The six UN languages, in the order used everywhere output lists them
// (the same as kbgen::kLanguages, which this library may not include).
// A Chinese character says about as much as a short word: its snippets
// are half as long.
inline constexpr std::array<LanguageSpec, 6> kLanguageSpecs = {{
    {"ar", "arabic", false, true, 180},
    {"en", "english", true, true, 180},
    {"es", "spanish", true, true, 180},
    {"fr", "french", true, true, 180},
    {"ru", "russian", false, true, 180},
    {"zh", "none", false, false, 90},  // words from ICU's dictionary segmentation
}};

// Nullptr for a language that is not one of the six.
inline const LanguageSpec* FindLanguage(std::string_view lang) {
  for (const auto& spec : kLanguageSpecs) {
    if (spec.lang == lang) return &spec;
  }
  return nullptr;
}

// --- term prefixes ---
inline constexpr std::string_view kPrefixStem = "Z";
inline constexpr std::string_view kPrefixTitle = "S";
inline constexpr std::string_view kPrefixSynonym = "XSYN";
inline constexpr std::string_view kPrefixId = "Q";
inline constexpr std::string_view kPrefixLang = "L";
inline constexpr std::string_view kPrefixCharPair = "XB";

// Chinese fallbacks (query.h): the share of a word's weight that its
// character pairs together get, and that a lone character cut from a
// longer stretch gets.
inline constexpr double kCharPairShare = 0.5;
inline constexpr double kLoneCharacterShare = 0.3;
// Plain queries (query.h): the extra share a word gets when it is in the
// title, and the share of the single words of a phrase with synonyms.
inline constexpr double kTitleShare = 0.5;
inline constexpr double kPhraseWordShare = 0.3;

// The query-syntax field names and the prefix each searches.
inline constexpr std::string_view kFieldTitle = "title";

// Facets, in output order: the name used by --filter and in JSON, and the
// prefix of its boolean terms.
struct FacetSpec {
  std::string_view name;
  std::string_view prefix;
};
inline constexpr std::array<FacetSpec, 6> kFacets = {{
    {"section", "XSECTION"},
    {"type", "XTYPE"},
    {"region", "XREGION"},
    {"country", "XCOUNTRY"},
    {"year", "Y"},
    {"tags", "K"},
}};

// Index in kFacets, or -1.
inline int FindFacet(std::string_view name) {
  for (std::size_t i = 0; i < kFacets.size(); ++i) {
    if (kFacets[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

// --- value slots ---
inline constexpr Xapian::valueno kSlotFacets = 0;
inline constexpr Xapian::valueno kSlotDate = 1;
inline constexpr Xapian::valueno kSlotText = 2;
inline constexpr Xapian::valueno kSlotFields = 3;

// --- user metadata keys ---
inline constexpr std::string_view kMetaSchema = "kbgen:schema";
inline constexpr std::string_view kMetaLang = "kbgen:lang";
inline constexpr std::string_view kMetaFacets = "kbgen:facets";  // facets.h
inline std::string StemTableKey(std::string_view stem) {
  return std::string("kbgen:stem:").append(stem);
}
inline std::string DisplayFormKey(std::string_view term) {
  return std::string("kbgen:word:").append(term);
}

// --- weights: within-document frequency added per occurrence ---
inline constexpr Xapian::termcount kTitleWdf = 5;
inline constexpr Xapian::termcount kHeadingWdf = 3;
inline constexpr Xapian::termcount kTaxonomyWdf = 3;  // tags, region, country, type
inline constexpr Xapian::termcount kSummaryWdf = 2;
inline constexpr Xapian::termcount kBodyWdf = 1;
// Positions skipped between fields (and between headings) so that a phrase
// never matches across two of them.
inline constexpr Xapian::termpos kFieldGap = 100;

// Words longer than this (in bytes, after normalisation) are not indexed.
inline constexpr std::size_t kMaxTermBytes = 64;

// --- query limits: Xapian has no time limit of its own ---
inline constexpr std::size_t kMaxQueryBytes = 1024;
inline constexpr int kMaxQueryWords = 32;
inline constexpr int kMaxWildcards = 4;
inline constexpr Xapian::termcount kMaxWildcardExpansion = 64;
inline constexpr int kMaxLimit = 100;         // results per page
inline constexpr int kMaxResultDepth = 10000;  // (page - 1) * limit + limit
// A safety net only: a bounded query never comes near it.
inline constexpr double kMatchTimeLimitSeconds = 2.0;

// --- layout ---
inline constexpr std::string_view kIndexFolder = "search";
inline constexpr std::string_view kStubFile = "index.stub";
inline constexpr std::string_view kSingleFileSuffix = ".glass";
inline constexpr std::string_view kSingleFileHeadSuffix = ".head";  // single_file_index.h
inline constexpr std::size_t kSingleFileHeadBytes = 64 * 1024;
// Xapian's smallest block size: a query over HTTP fetches whole blocks.
inline constexpr unsigned kSingleFileBlockSize = 2048;

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_SCHEMA_H_
