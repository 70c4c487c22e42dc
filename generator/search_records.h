// The bridge from the site model to the search side: one plain
// search::PageRecord per page in its own language (fallbacks are not
// indexed twice), so the index never sees Markdown or templates.
#ifndef KBGEN_GENERATOR_SEARCH_RECORDS_H_
#define KBGEN_GENERATOR_SEARCH_RECORDS_H_

#include <vector>

#include "generator/i18n.h"
#include "generator/site.h"
#include "search/page_record.h"

namespace kbgen {

// URLs in the records are site-relative; the base path is prefixed.
// Taxonomy values get their names in the page's language from `catalogs`
// (the `terms:` of i18n/<lang>.yml), so that readers find them by name.
std::vector<search::PageRecord> MakeSearchRecords(const Site& site, const Catalogs& catalogs);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_SEARCH_RECORDS_H_
