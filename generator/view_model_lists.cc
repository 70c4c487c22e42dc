// The view model of listing pages: sections (and the home page), taxonomy
// indexes and taxonomy terms.
//
// Section variables (ForSection), beside the frame:
//   is_home  section {title has_link_lang link_lang link_dir content_html
//     has_content is_fallback fallback_notice count_text sources[] {line_html parts[] has_parts}
//     has_sources entries[]
//     has_entries subsections[] {title url summary has_summary count_text
//     has_link_lang link_lang link_dir} has_subsections}
// Taxonomy index (ForTaxonomy): taxonomy {title name terms[] {name url count_text}}
// Term page (ForTerm): term {name heading count_text groups[] {title url
//   has_link_lang link_lang link_dir entries[]} taxonomy_title taxonomy_url}:
//   the term's pages grouped by section, sections in their listing order
//   (weight, then title in the language's collation), pages in theirs.
// Entries in every list are the entries described in view_model.cc; an entry
// in the reader's language links to that page, a fallback entry links to the
// English original and carries `badge` and link_lang "en".
#include <algorithm>

#include "generator/view_model.h"

namespace kbgen {

Data ViewModel::SubsectionList(const Section& section) const {
  Data list = NewList(section.subsections.size());
  const auto& sections = SectionsOf(section.lang);
  for (const auto& path : section.subsections) {
    auto it = sections.find(path);
    if (it == sections.end()) continue;
    const Section& sub = it->second;
    std::string link_lang = sub.index.is_fallback ? std::string(kSourceLanguage) : section.lang;
    std::string summary = sub.index.page ? sub.index.page->meta.summary : "";
    Data s;
    s["title"] = sub.title;
    s["url"] = Link(sub.url);
    s["summary"] = summary;
    s["has_summary"] = !summary.empty();
    s["count_text"] = CountText(sub);
    s["has_link_lang"] = link_lang != section.lang;
    s["link_lang"] = link_lang;
    s["link_dir"] = IsRightToLeft(link_lang) ? "rtl" : "ltr";
    Append(&list, std::move(s));
  }
  return list;
}

Data ViewModel::TermGroups(const std::string& lang, const std::vector<PageRef>& refs) const {
  const auto& sections = SectionsOf(lang);
  std::map<std::string, std::vector<PageRef>> by_section;  // refs keep their order
  for (const auto& ref : refs) {
    if (ref.page) by_section[ref.page->section].push_back(ref);
  }
  std::vector<const Section*> order;
  for (const auto& [path, group] : by_section) {
    auto it = sections.find(path);
    if (it != sections.end()) order.push_back(&it->second);
  }
  const LocaleFormat& locale = locales_.For(lang);
  auto weight = [](const Section* s) { return s->index.page ? s->index.page->meta.weight : 0; };
  std::stable_sort(order.begin(), order.end(), [&](const Section* a, const Section* b) {
    int wa = weight(a), wb = weight(b);
    if ((wa == 0) != (wb == 0)) return wa != 0;
    if (wa != wb) return wa < wb;
    int c = locale.Compare(a->title, b->title);
    return c != 0 ? c < 0 : a->path < b->path;
  });
  Data groups = NewList(order.size());
  for (const Section* sec : order) {
    std::string link_lang = sec->index.is_fallback ? std::string(kSourceLanguage) : lang;
    Data g;
    g["title"] = sec->title;
    g["url"] = Link(sec->url);
    g["has_link_lang"] = link_lang != lang;
    g["link_lang"] = link_lang;
    g["link_dir"] = TextOf(link_lang).dir;
    g["entries"] = Entries(lang, by_section[sec->path]);
    Append(&groups, std::move(g));
  }
  return groups;
}

Data ViewModel::ForSection(const Section& section, Diagnostics* diag) const {
  const std::string& lang = section.lang;
  Data d;
  std::map<std::string, std::string> translations;
  for (const auto& [l, sections] : site_.sections) {
    auto it = sections.find(section.path);
    if (it != sections.end()) translations[l] = it->second.url;
  }
  SetFrame(lang, section.title, section.url, translations, &d);
  const bool is_home = section.path.empty();
  d["is_home"] = is_home;
  if (is_home) d["head_title"] = site_.config.TitleFor(lang);
  const Page* index = section.index.page;
  SetDescription(index && !index->meta.summary.empty() ? index->meta.summary
                                                       : DescriptionFor(site_.config, lang),
                 &d);
  d["has_breadcrumbs"] = !is_home;
  d["breadcrumbs"] = Breadcrumbs(lang, section.path, false);

  std::string link_lang = section.index.is_fallback ? std::string(kSourceLanguage) : lang;
  Data s;
  s["title"] = section.title;
  s["has_link_lang"] = link_lang != lang;
  s["link_lang"] = link_lang;
  s["link_dir"] = IsRightToLeft(link_lang) ? "rtl" : "ltr";
  s["content_html"] = index ? index->html : "";
  s["has_content"] = index && !index->html.empty();
  s["is_fallback"] = section.index.is_fallback;
  s["fallback_notice"] = Text(lang, "fallback.notice");
  s["count_text"] = CountText(section);
  Data sources = index ? Sources(*index, lang, section.index.is_fallback ? nullptr : diag)
                       : NewList(0);
  s["has_sources"] = !sources.is_empty_list();
  s["sources"] = std::move(sources);
  Data entries = Entries(lang, section.pages);
  s["has_entries"] = !entries.is_empty_list();
  s["entries"] = std::move(entries);
  Data subsections = SubsectionList(section);
  s["has_subsections"] = !subsections.is_empty_list();
  s["subsections"] = std::move(subsections);
  d["section"] = std::move(s);
  return d;
}

Data ViewModel::ForTaxonomy(const Taxonomy& taxonomy) const {
  const std::string& lang = taxonomy.lang;
  Data d;
  std::map<std::string, std::string> translations;
  for (const auto& [l, taxonomies] : site_.taxonomies) {
    auto it = taxonomies.find(taxonomy.name);
    if (it != taxonomies.end() && !it->second.terms.empty()) translations[l] = it->second.url;
  }
  std::string title = TaxonomyTitle(lang, taxonomy.name);
  SetFrame(lang, title, taxonomy.url, translations, &d);
  SetDescription(title, &d);
  d["has_breadcrumbs"] = true;
  d["breadcrumbs"] = Breadcrumbs(lang, "", false);

  // Terms by their translated names, in the collation order of the language.
  std::vector<std::pair<std::string, const TaxonomyTerm*>> terms;
  for (const auto& [slug, term] : taxonomy.terms) {
    terms.emplace_back(catalogs_.Term(lang, term.name), &term);
  }
  const LocaleFormat& locale = locales_.For(lang);
  std::stable_sort(terms.begin(), terms.end(), [&](const auto& a, const auto& b) {
    int c = locale.Compare(a.first, b.first);
    return c != 0 ? c < 0 : a.second->slug < b.second->slug;
  });
  Data list = NewList(terms.size());
  for (const auto& [name, term] : terms) {
    Data t;
    t["name"] = name;
    t["url"] = Link(term->url);
    t["count_text"] = Text(lang, "taxonomy.term_count",
                           {{"count", static_cast<std::int64_t>(term->pages.size())}});
    Append(&list, std::move(t));
  }
  Data tax;
  tax["title"] = title;
  tax["name"] = taxonomy.name;
  tax["terms"] = std::move(list);
  d["taxonomy"] = std::move(tax);
  return d;
}

Data ViewModel::ForTerm(const Taxonomy& taxonomy, const TaxonomyTerm& term) const {
  const std::string& lang = taxonomy.lang;
  Data d;
  std::map<std::string, std::string> translations;
  for (const auto& [l, taxonomies] : site_.taxonomies) {
    auto it = taxonomies.find(taxonomy.name);
    if (it == taxonomies.end()) continue;
    auto t = it->second.terms.find(term.slug);
    if (t != it->second.terms.end()) translations[l] = t->second.url;
  }
  std::string name = catalogs_.Term(lang, term.name);
  SetFrame(lang, name, term.url, translations, &d);
  std::string heading = Text(lang, "taxonomy.pages_tagged", {{"term", name}});
  SetDescription(heading, &d);
  d["has_breadcrumbs"] = true;
  Data crumbs = Breadcrumbs(lang, "", false);
  Data tax_crumb;
  std::string tax_title = TaxonomyTitle(lang, taxonomy.name);
  tax_crumb["title"] = tax_title;
  tax_crumb["url"] = Link(taxonomy.url);
  tax_crumb["has_link_lang"] = false;
  tax_crumb["link_lang"] = lang;
  tax_crumb["link_dir"] = IsRightToLeft(lang) ? "rtl" : "ltr";
  Append(&crumbs, std::move(tax_crumb));
  d["breadcrumbs"] = std::move(crumbs);

  Data t;
  t["name"] = name;
  t["heading"] = heading;
  t["count_text"] = Text(lang, "taxonomy.term_count",
                         {{"count", static_cast<std::int64_t>(term.pages.size())}});
  t["groups"] = TermGroups(lang, term.pages);
  t["taxonomy_title"] = tax_title;
  t["taxonomy_url"] = Link(taxonomy.url);
  d["term"] = std::move(t);
  return d;
}

}  // namespace kbgen
