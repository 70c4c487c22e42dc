// The site model: every page of every language, linked into translations,
// sections and taxonomies. Built once by BuildSite() after loading, then
// only read (by the renderer and the indexer, possibly from many threads).
//
// Ordered containers only: iteration order reaches the output, and output
// must be byte-identical from one build to the next.
#ifndef KBGEN_GENERATOR_SITE_H_
#define KBGEN_GENERATOR_SITE_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "generator/diagnostics.h"
#include "generator/page.h"
#include "generator/site_config.h"

namespace kbgen {

// One entry of a listing (a section, a taxonomy term, the home page): the
// page in the listing's language, or the source-language original when that
// language has no translation yet (`is_fallback`).
struct PageRef {
  const Page* page = nullptr;
  bool is_fallback = false;
};

struct Section {
  std::string lang;
  std::string path;    // "" for the home section, "toolkit", "toolkit/annex"
  std::string url;     // "/en/toolkit/"
  std::string output_path;  // "en/toolkit/index.html"
  std::string title;   // from _index.md, else the folder name
  PageRef index;       // the _index.md (maybe a fallback); page null if none
  std::vector<PageRef> pages;         // regular pages, in listing order
  std::vector<std::string> subsections;  // child section paths, in order
};

struct TaxonomyTerm {
  std::string name;  // the term as written in front matter (source name)
  std::string slug;  // URL segment
  std::string url;   // "/fr/region/europe/"
  std::string output_path;
  std::vector<PageRef> pages;  // in listing order
};

struct Taxonomy {
  std::string lang;
  std::string name;  // "tags", "region", "country", "type"
  std::string url;   // "/fr/region/"
  std::string output_path;
  std::map<std::string, TaxonomyTerm> terms;  // by slug
};

// The in-browser search engine's files, as site paths ("/search/…"),
// when the build publishes it (search/browser_engine.h); empty otherwise.
struct BrowserSearchFiles {
  std::string worker, wasm, icu_base, icu_zh;
  unsigned block_size = 0;
  std::map<std::string, std::string> databases;  // lang -> single-file database
  std::map<std::string, std::string> heads;      // lang -> its head
};

struct Site {
  SiteConfig config;
  BrowserSearchFiles browser_search;
  // All loaded pages except drafts, ordered by (lang, rel_path).
  std::vector<std::unique_ptr<Page>> pages;
  // translation key -> lang -> page.
  std::map<std::string, std::map<std::string, const Page*>> translations;
  // lang -> section path -> section. Every language has every section that
  // any language has, so a reader never meets a missing section.
  std::map<std::string, std::map<std::string, Section>> sections;
  // lang -> taxonomy name -> taxonomy.
  std::map<std::string, std::map<std::string, Taxonomy>> taxonomies;

  // The page with `key` in `lang`, or null.
  const Page* Find(const std::string& lang, const std::string& key) const;
  // The page in `lang`, else the source-language page (is_fallback true).
  PageRef FindOrFallback(const std::string& lang, const std::string& key) const;
  // Every existing translation of `page`, including itself, by language.
  const std::map<std::string, const Page*>& TranslationsOf(const Page& page) const;
};

// Orders two titles for one language (ICU collation in the real build).
using TitleLess =
    std::function<bool(const std::string& lang, const std::string& a, const std::string& b)>;

// Fills translation keys, URLs, output paths, sections and taxonomies.
// Reports duplicate output URLs, paths that would leave the output folder
// and similar problems to `diag`.
std::unique_ptr<Site> BuildSite(SiteConfig config, std::vector<std::unique_ptr<Page>> pages,
                                const TitleLess& title_less, Diagnostics* diag);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_SITE_H_
