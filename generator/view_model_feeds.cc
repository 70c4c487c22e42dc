// The view model of the XML files: the sitemap with hreflang alternates
// and the Atom feed of each language. URLs are absolute (config.base_url).
//
// Sitemap (ForSitemap): urls[] {loc has_alternates alternates[] {hreflang href}}
//   one per HTML page a search engine should know (not search pages,
//   redirects or the 404 page), sorted by output path; a page with
//   translations lists them all and x-default (English).
// Feed (ForFeed): feed {lang title site_title id self_url alt_url updated
//   entries[] {title url updated summary has_summary}}: the language's dated
//   pages, newest first, at most kFeedEntries; `updated` is the newest
//   date, never the build time.
#include <algorithm>

#include "generator/view_model.h"

namespace kbgen {

Data ViewModel::ForSitemap() const {
  // output path -> (site URL, lang -> site URL of its translations)
  std::map<std::string, std::pair<std::string, std::map<std::string, std::string>>> urls;
  for (const auto& p : site_.pages) {
    if (p->url.empty() || p->is_section_index) continue;
    urls[p->output_path] = {p->url, TranslationUrls(*p)};
  }
  for (const auto& [lang, sections] : site_.sections) {
    for (const auto& [path, s] : sections) {
      std::map<std::string, std::string> alts;
      for (const auto& [l, other] : site_.sections) {
        if (auto it = other.find(path); it != other.end()) alts[l] = it->second.url;
      }
      urls[s.output_path] = {s.url, alts};
    }
  }
  for (std::string_view lang_view : kLanguages) {
    std::string lang(lang_view);
    for (const Taxonomy* tax : NonEmptyTaxonomies(lang)) {
      std::map<std::string, std::string> alts;
      for (std::string_view l : kLanguages) {
        for (const Taxonomy* other : NonEmptyTaxonomies(std::string(l))) {
          if (other->name == tax->name) alts[std::string(l)] = other->url;
        }
      }
      urls[tax->output_path] = {tax->url, alts};
      for (const auto& [slug, term] : tax->terms) {
        std::map<std::string, std::string> term_alts;
        for (const auto& [l, taxonomies] : site_.taxonomies) {
          auto t = taxonomies.find(tax->name);
          if (t == taxonomies.end()) continue;
          if (auto it = t->second.terms.find(slug); it != t->second.terms.end()) {
            term_alts[l] = it->second.url;
          }
        }
        urls[term.output_path] = {term.url, term_alts};
      }
    }
  }
  urls["index.html"] = {"/", {}};

  Data list = NewList(urls.size());
  for (const auto& [path, entry] : urls) {
    const auto& [url, alts] = entry;
    Data u;
    u["loc"] = Absolute(url);
    bool has_alternates = alts.size() > 1;
    u["has_alternates"] = has_alternates;
    Data alternates = NewList(kLanguages.size() + 1);
    if (has_alternates) {
      for (const auto& [l, alt_url] : alts) {
        Data a;
        a["hreflang"] = l;
        a["href"] = Absolute(alt_url);
        Append(&alternates, std::move(a));
      }
      auto x = alts.find(std::string(kSourceLanguage));
      if (x != alts.end()) {
        Data a;
        a["hreflang"] = "x-default";
        a["href"] = Absolute(x->second);
        Append(&alternates, std::move(a));
      }
    }
    u["alternates"] = std::move(alternates);
    Append(&list, std::move(u));
  }
  Data d;
  d["urls"] = std::move(list);
  return d;
}

Data ViewModel::ForFeed(const std::string& lang) const {
  std::vector<const Page*> pages;
  for (const auto& p : site_.pages) {
    if (p->lang == lang && !p->url.empty() && !p->is_section_index && p->meta.date) {
      pages.push_back(p.get());
    }
  }
  std::stable_sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) {
    if (*a->meta.date != *b->meta.date) return *a->meta.date > *b->meta.date;
    return a->url < b->url;
  });
  if (pages.size() > static_cast<std::size_t>(kFeedEntries)) pages.resize(kFeedEntries);
  auto stamp = [](const Date& date) { return date.Iso() + "T00:00:00Z"; };
  Data entries = NewList(pages.size());
  for (const Page* p : pages) {
    Data e;
    e["title"] = p->meta.title;
    e["url"] = Absolute(p->url);
    e["updated"] = stamp(*p->meta.date);
    e["summary"] = p->meta.summary;
    e["has_summary"] = !p->meta.summary.empty();
    Append(&entries, std::move(e));
  }
  std::string title = site_.config.TitleFor(lang);
  Data f;
  f["lang"] = lang;
  f["title"] = Text(lang, "feed.title", {{"site", title}});
  f["site_title"] = title;
  f["id"] = Absolute("/" + lang + "/");
  f["alt_url"] = Absolute("/" + lang + "/");
  f["self_url"] = Absolute("/" + lang + "/feed.xml");
  // The newest entry's date, not the build time: output stays byte-identical.
  f["updated"] = pages.empty() ? "1970-01-01T00:00:00Z" : stamp(*pages.front()->meta.date);
  f["entries"] = std::move(entries);
  Data d;
  d["feed"] = std::move(f);
  return d;
}

}  // namespace kbgen
