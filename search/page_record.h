// What the search side knows of a page: plain text and metadata, nothing
// of Markdown, templates or the site model. The build fills one record per
// rendered page; the index builder and its tests need nothing else.
#ifndef KBGEN_SEARCH_PAGE_RECORD_H_
#define KBGEN_SEARCH_PAGE_RECORD_H_

#include <string>
#include <vector>

namespace kbgen::search {

struct PageRecord {
  std::string url;      // site-relative: "/fr/toolkit/mapping/"
  std::string lang;     // "fr"
  std::string title;
  std::string section;  // section path: "toolkit" ("" for the home section)
  std::string section_title;
  std::string summary;
  std::string date;     // ISO "2018-05-08" or empty
  std::vector<std::string> tags;
  std::vector<std::string> region;
  std::vector<std::string> country;
  std::vector<std::string> types;
  // The names of the tags, region, country and type values in the page's
  // language (the site's term translations), searchable like headings;
  // the values themselves (in English) are searchable too.
  std::vector<std::string> term_names;
  std::vector<std::string> headings;  // plain text of each heading
  std::string body;                   // plain text of the body
};

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_PAGE_RECORD_H_
