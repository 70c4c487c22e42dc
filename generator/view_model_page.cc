// The view model of content pages and of the links between pages:
// navigation and list entries, the table of contents, the terms of a
// page, the section navigation and previous/next.
//
// Content page variables (ForPage), beside the frame:
//   page {title summary has_summary content_html has_date date_iso date_text
//         published_html toc[] {text anchor children[] has_children} has_toc
//         term_groups[] {title terms[] {name url}} has_terms
//         sources[] {line_html parts[] has_parts} has_sources (view_model_sources.cc)}
//   params (front matter params)  section_nav {title url has_link_lang
//   link_lang link_dir entries[] is_partial count_text}  prev next  has_prev has_next
//   has_prev_next has_section_nav
// A navigation entry (section_nav.entries, prev, next):
//   {title url is_current is_fallback, and when is_fallback: link_lang
//   link_dir badge}
// A list entry (sections, terms) adds {has_summary summary has_date
//   date_iso date_text}, summary and dates only when present. A fallback
//   entry links to the English original: link_lang "en", and `badge` says
//   so in the reader's language.
#include <algorithm>

#include "generator/template_set.h"
#include "generator/view_model.h"

namespace kbgen {

Data ViewModel::DateData(const std::string& lang, const Date& date) const {
  Data d;
  std::string iso = date.Iso();
  std::string text = LongDate(lang, date);
  d["date_iso"] = iso;
  d["date_text"] = text;
  std::string time_html =
      "<time datetime=\"" + EscapeHtml(iso) + "\">" + EscapeHtml(text) + "</time>";
  d["published_html"] = TextHtml(lang, "page.published", "date", time_html);
  return d;
}

Data ViewModel::NavEntry(const std::string& lang, const PageRef& ref, bool is_current) const {
  const Page& p = *ref.page;
  Data e;
  e["title"] = p.meta.title;
  e["url"] = Link(p.url);
  e["is_current"] = is_current;
  e["is_fallback"] = ref.is_fallback;
  // Only fallback links need these: every entry of a long section's
  // navigation is built for every page of that section.
  if (ref.is_fallback) {
    e["link_lang"] = p.lang;
    e["link_dir"] = TextOf(p.lang).dir;
    e["badge"] = TextOf(lang).badge;
  }
  return e;
}

Data ViewModel::Entry(const std::string& lang, const PageRef& ref) const {
  const Page& p = *ref.page;
  Data e = NavEntry(lang, ref, false);
  e["has_summary"] = !p.meta.summary.empty();
  if (!p.meta.summary.empty()) e["summary"] = p.meta.summary;
  e["has_date"] = p.meta.date.has_value();
  if (p.meta.date) {
    e["date_iso"] = p.meta.date->Iso();
    e["date_text"] = LongDate(lang, *p.meta.date);
  }
  return e;
}

Data ViewModel::Entries(const std::string& lang, const std::vector<PageRef>& refs) const {
  Data list = NewList(refs.size());
  for (const auto& ref : refs) {
    if (ref.page) Append(&list, Entry(lang, ref));
  }
  return list;
}

Data ViewModel::Toc(const Page& page) const {
  Data toc = NewList(page.headings.size());
  if (page.headings.empty()) return toc;
  int top = 6;
  for (const auto& h : page.headings) top = std::min(top, h.level);
  // Two levels: the page's top heading level and the one below it.
  std::vector<Data> items;
  std::vector<Data> children;
  items.reserve(page.headings.size());  // Data copies when a vector grows
  children.reserve(page.headings.size());
  auto flush = [&] {
    if (items.empty()) return;
    items.back()["has_children"] = !children.empty();
    Data list = NewList(children.size());
    for (auto& c : children) Append(&list, std::move(c));
    items.back()["children"] = std::move(list);
    children.clear();
  };
  for (const auto& h : page.headings) {
    if (h.level > top + 1) continue;
    Data item;
    item["text"] = h.text;
    item["anchor"] = h.anchor;
    item["has_children"] = false;
    if (h.level == top || items.empty()) {
      flush();
      items.push_back(std::move(item));
    } else {
      children.push_back(std::move(item));
    }
  }
  flush();
  for (auto& i : items) Append(&toc, std::move(i));
  return toc;
}

Data ViewModel::Terms(const Page& page) const {
  Data groups = NewList(kTaxonomies.size());
  auto it = page_terms_.find({page.lang, &page});
  if (it == page_terms_.end()) return groups;
  const Taxonomy* current = nullptr;
  Data group;
  Data terms = NewList(it->second.size());
  auto flush = [&] {
    if (!current) return;
    group["title"] = TaxonomyTitle(page.lang, current->name);
    group["terms"] = std::move(terms);
    Append(&groups, std::move(group));
    group = Data();
    terms = NewList(it->second.size());
  };
  for (const TermLink& link : it->second) {
    if (link.taxonomy != current) {
      flush();
      current = link.taxonomy;
    }
    Data t;
    t["name"] = catalogs_.Term(page.lang, link.term->name);
    t["url"] = Link(link.term->url);
    Append(&terms, std::move(t));
  }
  flush();
  return groups;
}

Data ViewModel::SectionNav(const Page& page, const Position& pos) const {
  const Section& s = *pos.section;
  const std::size_t n = s.pages.size();
  const std::size_t window = kSectionNavWindow;
  std::size_t first = 0;
  if (n > window) {
    first = pos.index > window / 2 ? pos.index - window / 2 : 0;
    first = std::min(first, n - window);
  }
  Data nav;
  nav["title"] = s.title;
  nav["url"] = Link(s.url);
  nav["has_link_lang"] = s.index.is_fallback;
  nav["link_lang"] = s.index.is_fallback ? std::string(kSourceLanguage) : page.lang;
  nav["link_dir"] = TextOf(s.index.is_fallback ? std::string(kSourceLanguage) : page.lang).dir;
  nav["is_partial"] = n > window;
  nav["count_text"] = CountText(s);
  Data entries = NewList(window);
  for (std::size_t i = first; i < n && i < first + window; ++i) {
    Append(&entries, NavEntry(page.lang, s.pages[i], i == pos.index));
  }
  nav["entries"] = std::move(entries);
  return nav;
}

Data ViewModel::ForPage(const Page& page, Diagnostics* diag) const {
  const std::string& lang = page.lang;
  Data d;
  std::map<std::string, std::string> translations = TranslationUrls(page);
  SetFrame(lang, page.meta.title, page.url, translations, &d);
  SetDescription(page.meta.summary.empty() ? DescriptionFor(site_.config, lang)
                                           : page.meta.summary,
                 &d);
  Data crumbs = Breadcrumbs(lang, page.section, true);
  d["has_breadcrumbs"] = true;
  d["breadcrumbs"] = std::move(crumbs);

  Data p;
  p["title"] = page.meta.title;
  p["summary"] = page.meta.summary;
  p["has_summary"] = !page.meta.summary.empty();
  p["content_html"] = page.html;
  p["has_date"] = page.meta.date.has_value();
  if (page.meta.date) {
    Data date = DateData(lang, *page.meta.date);
    for (const char* k : {"date_iso", "date_text", "published_html"}) p[k] = Data(*date.get(k));
  }
  Data toc = Toc(page);
  p["has_toc"] = page.headings.size() >= 2;
  p["toc"] = std::move(toc);
  Data groups = Terms(page);
  p["has_terms"] = !groups.is_empty_list();
  p["term_groups"] = std::move(groups);
  Data sources = Sources(page, lang, diag);
  p["has_sources"] = !sources.is_empty_list();
  p["sources"] = std::move(sources);
  d["page"] = std::move(p);
  d["params"] = ParamsData(page.meta.params, page.file, diag);

  auto pos = positions_.find(&page);
  bool has_prev = false, has_next = false;
  if (pos != positions_.end()) {
    const Position& at = pos->second;
    d["has_section_nav"] = true;
    d["section_nav"] = SectionNav(page, at);
    has_prev = at.index > 0;
    has_next = at.index + 1 < at.section->pages.size();
    if (has_prev) d["prev"] = NavEntry(lang, at.section->pages[at.index - 1], false);
    if (has_next) d["next"] = NavEntry(lang, at.section->pages[at.index + 1], false);
  } else {
    d["has_section_nav"] = false;
  }
  d["has_prev"] = has_prev;
  d["has_next"] = has_next;
  d["has_prev_next"] = has_prev || has_next;
  return d;
}

}  // namespace kbgen
