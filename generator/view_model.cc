// The view model's core: shared per-language data, strings and dates
// formatted once, the main menu and the page frame (head, alternates,
// language switcher, breadcrumbs), and the list helpers.
#include "generator/view_model.h"

#include <algorithm>
#include <set>

#include "generator/permalink.h"
#include "generator/template_set.h"

namespace kbgen {

namespace {

// Stands for an argument whose value is HTML while a message is formatted;
// a private-use character no catalog contains.
constexpr std::string_view kMarker = "\xEE\x80\x80";

}  // namespace

std::string DescriptionFor(const SiteConfig& config, const std::string& lang) {
  auto it = config.description.find(lang);
  if (it == config.description.end()) it = config.description.find(std::string(kSourceLanguage));
  return it == config.description.end() ? "" : it->second;
}

ViewModel::ViewModel(const Site& site, const Catalogs& catalogs, const Locales& locales)
    : site_(site),
      catalogs_(catalogs),
      locales_(locales),
      base_path_(BasePathOf(site.config.base_url)) {
  for (const auto& [lang, sections] : site_.sections) {
    for (const auto& [path, section] : sections) {
      for (std::size_t i = 0; i < section.pages.size(); ++i) {
        if (!section.pages[i].is_fallback) positions_[section.pages[i].page] = {&section, i};
      }
    }
  }
  for (const auto& [lang, taxonomies] : site_.taxonomies) {
    for (const auto& [name, tax] : taxonomies) {
      for (const auto& [slug, term] : tax.terms) {
        for (const auto& ref : term.pages) page_terms_[{lang, ref.page}].push_back({&tax, &term});
      }
    }
  }
  // A page's terms: taxonomies in their fixed order, terms by collation of
  // their names in the page's language.
  auto tax_rank = [](const std::string& name) {
    return std::find(kTaxonomies.begin(), kTaxonomies.end(), name) - kTaxonomies.begin();
  };
  for (auto& [key, links] : page_terms_) {
    const std::string& lang = key.first;
    const LocaleFormat& locale = locales_.For(lang);
    std::stable_sort(links.begin(), links.end(), [&](const TermLink& a, const TermLink& b) {
      auto ra = tax_rank(a.taxonomy->name), rb = tax_rank(b.taxonomy->name);
      if (ra != rb) return ra < rb;
      int c = locale.Compare(catalogs_.Term(lang, a.term->name), catalogs_.Term(lang, b.term->name));
      return c != 0 ? c < 0 : a.term->slug < b.term->slug;
    });
  }
  for (std::string_view lang_view : kLanguages) {
    std::string lang(lang_view);
    LangText& t = text_[lang];
    t.dir = IsRightToLeft(lang) ? "rtl" : "ltr";
    t.native_name = Text(lang, "lang." + lang);
    t.home = Text(lang, "nav.home");
    t.badge = Text(lang, "fallback.badge");
    for (std::string_view tax : kTaxonomies) {
      t.taxonomy_titles[std::string(tax)] = Text(lang, "taxonomy." + std::string(tax));
    }
  }
  std::set<Date> dates;
  for (const auto& p : site_.pages) {
    if (p->meta.date) dates.insert(*p->meta.date);
  }
  for (std::string_view lang : kLanguages) {
    const LocaleFormat& locale = locales_.For(lang);
    for (const Date& date : dates) {
      long_dates_[{std::string(lang), date}] = locale.FormatDate(date, DateStyle::kLong);
    }
  }
  for (const auto& [lang, sections] : site_.sections) {
    for (const auto& [path, section] : sections) {
      count_texts_[&section] =
          Text(lang, "section.page_count", {{"count", static_cast<std::int64_t>(section.pages.size())}});
    }
  }
  for (std::string_view lang : kLanguages) {
    common_.emplace(std::string(lang), BuildCommon(std::string(lang)));
    BuildMenus(std::string(lang));
  }
}

const ViewModel::LangText& ViewModel::TextOf(std::string_view lang) const {
  auto it = text_.find(lang);
  if (it == text_.end()) it = text_.find(kSourceLanguage);
  return it->second;
}

std::string ViewModel::LongDate(const std::string& lang, const Date& date) const {
  auto it = long_dates_.find({lang, date});
  if (it != long_dates_.end()) return it->second;
  return locales_.For(lang).FormatDate(date, DateStyle::kLong);
}

std::string ViewModel::TaxonomyTitle(const std::string& lang, const std::string& name) const {
  const LangText& t = TextOf(lang);
  auto it = t.taxonomy_titles.find(name);
  return it != t.taxonomy_titles.end() ? it->second : Text(lang, "taxonomy." + name);
}

std::map<std::string, std::string> ViewModel::TranslationUrls(const Page& page) const {
  std::map<std::string, std::string> urls;
  auto it = site_.translations.find(page.translation_key);
  if (it != site_.translations.end()) {
    for (const auto& [lang, p] : it->second) urls[lang] = p->url;
  }
  urls.emplace(page.lang, page.url);  // a page the model left out of its key
  return urls;
}

const std::string& ViewModel::CountText(const Section& section) const {
  static const std::string kNone;
  auto it = count_texts_.find(&section);
  return it == count_texts_.end() ? kNone : it->second;
}

const std::map<std::string, Section>& ViewModel::SectionsOf(const std::string& lang) const {
  static const std::map<std::string, Section> kNone;
  auto it = site_.sections.find(lang);
  return it == site_.sections.end() ? kNone : it->second;
}

void SetDescription(const std::string& text, Data* d) {
  if (!text.empty()) (*d)["description"] = text;  // absent, not empty: templates test it
}

std::string ViewModel::Link(std::string_view site_url) const {
  if (site_url.starts_with('/')) site_url.remove_prefix(1);
  return base_path_ + std::string(site_url);
}

std::string ViewModel::Absolute(std::string_view site_url) const {
  if (site_url.starts_with('/')) site_url.remove_prefix(1);
  return site_.config.base_url + std::string(site_url);
}

std::string ViewModel::Text(std::string_view lang, std::string_view key,
                            const MessageArgs& args) const {
  return catalogs_.Format(lang, key, args);
}

std::string ViewModel::TextHtml(std::string_view lang, std::string_view key,
                                const std::string& name, const std::string& html,
                                const MessageArgs& args) const {
  MessageArgs all = args;
  all[name] = std::string(kMarker);
  std::string text = catalogs_.Format(lang, key, all);
  auto at = text.find(kMarker);
  if (at == std::string::npos) return EscapeHtml(text);
  return EscapeHtml(std::string_view(text).substr(0, at)) + html +
         EscapeHtml(std::string_view(text).substr(at + kMarker.size()));
}

const Data& ViewModel::Common(std::string_view lang) const {
  auto it = common_.find(lang);
  if (it == common_.end()) it = common_.find(kSourceLanguage);
  return it->second;
}

std::vector<const Taxonomy*> ViewModel::NonEmptyTaxonomies(const std::string& lang) const {
  std::vector<const Taxonomy*> out;
  auto it = site_.taxonomies.find(lang);
  if (it == site_.taxonomies.end()) return out;
  for (std::string_view name : kTaxonomies) {
    auto t = it->second.find(std::string(name));
    if (t != it->second.end() && !t->second.terms.empty()) out.push_back(&t->second);
  }
  return out;
}

Data ViewModel::BuildCommon(const std::string& lang) const {
  Data d;
  d["lang"] = lang;
  d["dir"] = IsRightToLeft(lang) ? "rtl" : "ltr";
  d["base"] = base_path_;
  std::string title = site_.config.TitleFor(lang);
  d["site_title"] = title;
  d["site_description"] = DescriptionFor(site_.config, lang);
  d["home_url"] = Link("/" + lang + "/");
  d["search_url"] = Link("/" + lang + "/search/");
  d["feed_url"] = Link("/" + lang + "/feed.xml");
  d["chooser_url"] = Link("/");
  d["feed_title"] = Text(lang, "feed.title", {{"site", title}});

  // t.<key>: every catalog string, for keys the theme shows as they are.
  Data t;
  for (const auto& key : catalogs_.Keys()) {
    Data* cur = &t;
    std::size_t start = 0;
    bool ok = true;
    for (std::size_t dot; (dot = key.find('.', start)) != std::string::npos; start = dot + 1) {
      Data& next = (*cur)[key.substr(start, dot - start)];
      if (!next.is_object()) {
        ok = false;
        break;
      }
      cur = &next;
    }
    std::string leaf = key.substr(start);
    if (ok && !cur->get(leaf)) (*cur)[leaf] = Text(lang, key);
  }
  d["t"] = std::move(t);

  Data tax_links = NewList(kTaxonomies.size());
  for (const Taxonomy* tax : NonEmptyTaxonomies(lang)) {
    Data item;
    item["title"] = TaxonomyTitle(lang, tax->name);
    item["url"] = Link(tax->url);
    Append(&tax_links, std::move(item));
  }
  d["has_taxonomy_links"] = !tax_links.is_empty_list();
  d["taxonomy_links"] = std::move(tax_links);
  return d;
}

std::vector<ViewModel::MenuEntry> ViewModel::MenuEntries(const std::string& lang) const {
  std::vector<MenuEntry> entries;
  const auto& sections = SectionsOf(lang);
  auto add_section = [&](const std::string& path) {
    auto it = sections.find(path);
    if (it == sections.end() || path.empty()) return;
    const Section& s = it->second;
    entries.push_back({s.title, s.url,
                       s.index.is_fallback ? std::string(kSourceLanguage) : lang, false});
  };
  if (site_.config.main_menu.empty()) {
    auto root = sections.find("");
    if (root != sections.end()) {
      for (const auto& path : root->second.subsections) add_section(path);
    }
    return entries;
  }
  for (const MenuItem& item : site_.config.main_menu) {
    if (!item.section.empty()) {
      add_section(item.section);
      continue;
    }
    // A page named by its path below the language folder.
    const Page* found = nullptr;
    for (const auto& p : site_.pages) {
      if (p->rel_path == item.page && (p->lang == lang || !found)) found = p.get();
    }
    if (!found || found->url.empty()) continue;
    PageRef ref = site_.FindOrFallback(lang, found->translation_key);
    if (!ref.page) continue;
    entries.push_back({ref.page->meta.title, ref.page->url, ref.page->lang, true});
  }
  return entries;
}

void ViewModel::BuildMenus(const std::string& lang) {
  Menus& menus = menus_[lang];
  menus.entries = MenuEntries(lang);
  // Layer 0 has no current item; layer i + 1 marks entry i.
  menus.layers.reserve(menus.entries.size() + 1);  // Data copies when a vector grows
  for (std::size_t current = 0; current <= menus.entries.size(); ++current) {
    Data list = NewList(menus.entries.size());
    for (std::size_t i = 0; i < menus.entries.size(); ++i) {
      const MenuEntry& e = menus.entries[i];
      Data item;
      item["title"] = e.title;
      item["url"] = Link(e.url);
      item["is_current"] = current == i + 1;
      item["has_link_lang"] = e.link_lang != lang;
      item["link_lang"] = e.link_lang;
      item["link_dir"] = IsRightToLeft(e.link_lang) ? "rtl" : "ltr";
      Append(&list, std::move(item));
    }
    Data layer;
    layer["has_menu"] = !menus.entries.empty();
    layer["menu"] = std::move(list);
    menus.layers.push_back(std::move(layer));
  }
}

const Data& ViewModel::MenuLayer(std::string_view lang, const std::string& site_url) const {
  auto it = menus_.find(lang);
  if (it == menus_.end()) it = menus_.find(kSourceLanguage);
  const Menus& menus = it->second;
  // The entry that holds the page: the longest section URL it starts with,
  // or the page itself.
  std::size_t best = 0, best_len = 0;
  for (std::size_t i = 0; i < menus.entries.size(); ++i) {
    const MenuEntry& e = menus.entries[i];
    bool match = e.is_page ? site_url == e.url : site_url.starts_with(e.url);
    if (match && e.url.size() > best_len) {
      best = i + 1;
      best_len = e.url.size();
    }
  }
  return menus.layers[best];
}

void ViewModel::SetFrame(const std::string& lang, const std::string& title, const std::string& url,
                         const std::map<std::string, std::string>& translations, Data* d) const {
  Data& out = *d;
  std::string site_title = site_.config.TitleFor(lang);
  out["title"] = title;
  out["head_title"] = title == site_title ? title : title + " – " + site_title;
  out["url"] = Link(url);
  out["canonical"] = Absolute(url);
  Data alternates = NewList(translations.size());
  Data switcher = NewList(translations.size());
  for (std::string_view l : kLanguages) {
    auto it = translations.find(std::string(l));
    if (it == translations.end()) continue;
    Data alt;
    alt["hreflang"] = it->first;
    alt["url"] = Absolute(it->second);
    Append(&alternates, std::move(alt));
    Data sw;
    sw["lang"] = it->first;
    sw["dir"] = IsRightToLeft(it->first) ? "rtl" : "ltr";
    sw["name"] = TextOf(it->first).native_name;
    sw["url"] = Link(it->second);
    sw["is_current"] = it->first == lang;
    Append(&switcher, std::move(sw));
  }
  auto x_default = translations.find(std::string(kSourceLanguage));
  if (x_default == translations.end()) x_default = translations.find(site_.config.default_language);
  out["has_x_default"] = x_default != translations.end();
  out["x_default_url"] = x_default != translations.end() ? Absolute(x_default->second) : "";
  out["has_switcher"] = translations.size() > 1;
  out["alternates"] = std::move(alternates);
  out["switcher"] = std::move(switcher);
}

Data ViewModel::Breadcrumbs(const std::string& lang, const std::string& section_path,
                            bool include_section) const {
  Data crumbs = NewList(8);
  Data home;
  home["title"] = TextOf(lang).home;
  home["url"] = Link("/" + lang + "/");
  home["has_link_lang"] = false;
  home["link_lang"] = lang;
  home["link_dir"] = IsRightToLeft(lang) ? "rtl" : "ltr";
  Append(&crumbs, std::move(home));
  const auto& sections = SectionsOf(lang);
  std::vector<std::string> parts = SplitPath(section_path);
  if (!include_section && !parts.empty()) parts.pop_back();
  std::string path;
  for (const auto& part : parts) {
    path += (path.empty() ? "" : "/") + part;
    auto it = sections.find(path);
    if (it == sections.end()) continue;
    std::string link_lang = it->second.index.is_fallback ? std::string(kSourceLanguage) : lang;
    Data c;
    c["title"] = it->second.title;
    c["url"] = Link(it->second.url);
    c["has_link_lang"] = link_lang != lang;
    c["link_lang"] = link_lang;
    c["link_dir"] = IsRightToLeft(link_lang) ? "rtl" : "ltr";
    Append(&crumbs, std::move(c));
  }
  return crumbs;
}

Data NewList(std::size_t capacity) {
  Data list(Data::type::list);
  // The vector behind list_value() belongs to `list`; reserving while it is
  // empty costs no copy.
  const_cast<kainjow::mustache::list&>(list.list_value()).reserve(capacity);
  return list;
}

void Append(Data* list, Data item) {
  const_cast<kainjow::mustache::list&>(list->list_value()).emplace_back(std::move(item));
}

}  // namespace kbgen
