#include "generator/search_records.h"

#include "generator/permalink.h"

namespace kbgen {

std::vector<search::PageRecord> MakeSearchRecords(const Site& site, const Catalogs& catalogs) {
  std::string base = BasePathOf(site.config.base_url);
  base.pop_back();  // "" or "/kb"
  std::vector<search::PageRecord> records;
  records.reserve(site.pages.size());
  for (const auto& page : site.pages) {
    if (page->url.empty()) continue;
    search::PageRecord r;
    r.url = base + page->url;
    r.lang = page->lang;
    r.title = page->meta.title;
    r.section = page->section;
    const auto& sections = site.sections.at(page->lang);
    if (auto it = sections.find(page->section); it != sections.end()) {
      r.section_title = it->second.title;
    }
    r.summary = page->meta.summary;
    if (page->meta.date) r.date = page->meta.date->Iso();
    r.tags = page->meta.tags;
    r.region = page->meta.region;
    r.country = page->meta.country;
    r.types = page->meta.type;
    for (const auto* list : {&r.tags, &r.region, &r.country, &r.types}) {
      for (const auto& value : *list) {
        std::string name = catalogs.Term(r.lang, value);
        if (name != value) r.term_names.push_back(std::move(name));
      }
    }
    for (const auto& h : page->headings) r.headings.push_back(h.text);
    r.body = page->plain_text;
    records.push_back(std::move(r));
  }
  return records;
}

}  // namespace kbgen
