// Test helpers for the renderer: a small site model built by hand, small
// UI catalogs, temporary theme folders.
#ifndef KBGEN_TESTS_RENDER_RENDER_FIXTURE_H_
#define KBGEN_TESTS_RENDER_RENDER_FIXTURE_H_

#include <unistd.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "generator/diagnostics.h"
#include "generator/i18n.h"
#include "generator/locale.h"
#include "generator/page.h"
#include "generator/renderer.h"
#include "generator/site.h"

namespace kbgen::testing {

inline const std::filesystem::path kDefaultTheme =
    std::filesystem::path(KBGEN_SOURCE_DIR) / "themes/default";

inline std::filesystem::path MakeTempDir() {
  char tmpl[] = "/tmp/kbgen-render-XXXXXX";
  return std::filesystem::path(mkdtemp(tmpl));
}

inline void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Offset of `needle` in `haystack`, npos when absent.
inline std::size_t At(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle);
}

// Builds a Site by hand: pages with their URLs, translations, sections in
// every language (missing translations listed as source-language
// fallbacks) and taxonomies. Listing order is by weight, then file path,
// which is all these tests need.
class SiteBuilder {
 public:
  SiteBuilder() : site_(std::make_unique<Site>()) {
    site_->config.base_url = "https://kb.example.org/docs/";
    site_->config.title = {{"en", "Toolkit KB"}, {"fr", "Base de connaissances"},
                           {"ar", "قاعدة المعارف"}};
  }

  Page* Add(const std::string& lang, const std::string& rel_path, const std::string& title) {
    auto p = std::make_unique<Page>();
    p->lang = lang;
    p->rel_path = rel_path;
    p->file = "content/" + lang + "/" + rel_path;
    p->is_section_index = rel_path == "_index.md" || rel_path.ends_with("/_index.md");
    auto slash = rel_path.rfind('/');
    p->section = slash == std::string::npos ? "" : rel_path.substr(0, slash);
    p->meta.title = title;
    std::string key = rel_path.substr(0, rel_path.size() - 3);
    p->translation_key = key;
    std::string folder = p->section.empty() ? "" : p->section + "/";
    std::string stem = rel_path.substr(slash == std::string::npos ? 0 : slash + 1);
    stem.resize(stem.size() - 3);
    std::string rel = lang + "/" + folder + (p->is_section_index ? "" : stem + "/");
    p->url = "/" + rel;
    p->output_path = rel + "index.html";
    p->html = "<p>Body of " + rel_path + "</p>";
    Page* raw = p.get();
    site_->pages.push_back(std::move(p));
    return raw;
  }

  // Fills translations, sections and taxonomies from the pages added.
  std::unique_ptr<Site> Build() {
    Site& s = *site_;
    std::map<std::string, std::string> keys;  // key -> section
    for (const auto& p : s.pages) {
      s.translations[p->translation_key][p->lang] = p.get();
      keys[p->translation_key] = p->section;
    }
    std::set<std::string> paths{""};
    for (const auto& [key, section] : keys) {
      for (std::string sec = section; !sec.empty();) {
        paths.insert(sec);
        auto slash = sec.rfind('/');
        sec = slash == std::string::npos ? "" : sec.substr(0, slash);
      }
    }
    for (std::string_view lang_view : kLanguages) {
      std::string lang(lang_view);
      for (const auto& path : paths) {
        Section& sec = s.sections[lang][path];
        sec.lang = lang;
        sec.path = path;
        sec.url = "/" + lang + "/" + (path.empty() ? "" : path + "/");
        sec.output_path = sec.url.substr(1) + "index.html";
        sec.title = path.empty() ? s.config.TitleFor(lang) : path;
        if (!path.empty()) {
          auto slash = path.rfind('/');
          s.sections[lang][slash == std::string::npos ? "" : path.substr(0, slash)]
              .subsections.push_back(path);
        }
      }
      for (const auto& [key, section] : keys) {
        PageRef ref = Ref(lang, key);
        if (!ref.page) continue;
        Section& sec = s.sections[lang][section];
        if (ref.page->is_section_index) {
          sec.index = ref;
          sec.title = ref.page->meta.title;
        } else {
          sec.pages.push_back(ref);
        }
        if (ref.page->is_section_index) continue;
        for (std::string_view tax_name : kTaxonomies) {
          Taxonomy& tax = s.taxonomies[lang][std::string(tax_name)];
          tax.lang = lang;
          tax.name = tax_name;
          tax.url = "/" + lang + "/" + tax.name + "/";
          tax.output_path = tax.url.substr(1) + "index.html";
          for (const auto& term_name : ref.page->meta.Terms(tax_name)) {
            std::string slug = Slug(term_name);
            TaxonomyTerm& term = tax.terms[slug];
            term.name = term_name;
            term.slug = slug;
            term.url = tax.url + slug + "/";
            term.output_path = term.url.substr(1) + "index.html";
            term.pages.push_back(ref);
          }
        }
      }
      for (auto& [path, sec] : s.sections[lang]) {
        std::stable_sort(sec.pages.begin(), sec.pages.end(), [](const PageRef& a, const PageRef& b) {
          return a.page->meta.weight < b.page->meta.weight;
        });
      }
    }
    return std::move(site_);
  }

 private:
  PageRef Ref(const std::string& lang, const std::string& key) const {
    const auto& by_lang = site_->translations.at(key);
    if (auto it = by_lang.find(lang); it != by_lang.end()) return {it->second, false};
    if (auto it = by_lang.find("en"); it != by_lang.end()) return {it->second, true};
    return {};
  }

  static std::string Slug(const std::string& name) {
    std::string out;
    for (char c : name) out += c == ' ' ? '-' : static_cast<char>(std::tolower(c));
    return out;
  }

  std::unique_ptr<Site> site_;
};

// UI catalogs with every key the default theme uses, in English, and the
// strings the tests look for in French and Arabic.
inline std::map<std::string, std::string> TestCatalogTexts() {
  std::string en = R"(site:
  skip_to_content: Skip to content
  tagline: Digital innovation toolkit
  footer: Published by the programme.
  language_name: English
nav:
  home: Home
  menu: Menu
  breadcrumbs: Breadcrumbs
  sections: Sections
  previous: Previous
  next: Next
  language: Language
  toc: On this page
  search: Search
  main: Main
lang: {ar: "العربية", en: "English", es: "Español", fr: "Français", ru: "Русский", zh: "中文"}
chooser:
  title: Choose your language
  intro: Read the knowledge base in English.
search:
  label: Search the knowledge base
  placeholder: Words to find
  button: Search
  results: "{count, plural, one {# result} other {# results}}"
  no_results: Nothing found.
  did_you_mean: "Did you mean {suggestion}?"
  all_languages: All languages
  filter_by: Language
  noscript: Search needs JavaScript and the search service.
page:
  published: "Published on {date}"
  updated_ago: "{days, plural, one {Updated # day ago} other {Updated # days ago}}"
  summary: Summary
  translations: Other languages
  terms: Topics
fallback:
  notice: This text is not yet available in your language.
  badge: not yet translated
  original: Original
section:
  page_count: "{count, plural, one {# page} other {# pages}}"
  subsections: Sections
  pages: Pages
  read_more: Read more
taxonomy:
  tags: Tags
  region: Regions
  country: Countries
  type: Product types
  term_count: "{count, plural, one {# page} other {# pages}}"
  all_terms: All terms
  pages_tagged: "Pages about {term}"
notfound:
  title: Page not found
  text: The page you asked for does not exist.
  home: Go to the home page
feed:
  title: "{site}: latest pages"
redirect:
  text: "This page has moved to {url}."
data:
  region: Region
  total: Total
  chart_label: "Chart: {caption}"
  source: "Source: {source}"
sources:
  title: Sources
  part: "Chapter {number}: {title}"
  in_english: in English
terms:
  Germany: Germany
  Austria: Austria
  Egypt: Egypt
  Zambia: Zambia
)";
  std::string fr = R"(nav:
  home: Accueil
lang: {ar: "العربية", en: "English", es: "Español", fr: "Français", ru: "Русский", zh: "中文"}
fallback:
  notice: Ce texte n’est pas encore disponible en français.
  badge: pas encore disponible en français
section:
  page_count: "{count, plural, one {# page} other {# pages}}"
taxonomy:
  country: Pays
page:
  published: "Publié le {date}"
sources:
  title: Sources
  part: "Chapitre {number} : {title}"
  in_english: en anglais
terms:
  Germany: Allemagne
  Austria: Autriche
  Egypt: Égypte
  Zambia: Zambie
)";
  std::string ar = R"(nav:
  home: الرئيسية
lang: {ar: "العربية", en: "English", es: "Español", fr: "Français", ru: "Русский", zh: "中文"}
fallback:
  badge: غير متاح بالعربية بعد
)";
  std::string other = R"(lang: {ar: "العربية", en: "English", es: "Español", fr: "Français", ru: "Русский", zh: "中文"}
)";
  return {{"ar", ar}, {"en", en}, {"es", other}, {"fr", fr}, {"ru", other}, {"zh", other}};
}

inline std::unique_ptr<Catalogs> TestCatalogs() {
  Diagnostics diag;  // fallback warnings are expected here
  return Catalogs::FromTexts(TestCatalogTexts(), "i18n", &diag);
}

// The small site most renderer tests use.
// en: home, toolkit (mapping, policy), about; fr: home, toolkit, mapping;
// ar: mapping. The French toolkit lists the English policy page as a fallback.
inline std::unique_ptr<Site> SmallSite() {
  SiteBuilder b;
  b.Add("en", "_index.md", "Knowledge base")->meta.summary = "Start here.";
  b.Add("en", "toolkit/_index.md", "Toolkit");
  Page* mapping = b.Add("en", "toolkit/mapping.md", "Mapping an ecosystem");
  mapping->meta.weight = 1;
  mapping->meta.date = Date{2018, 12, 1};
  mapping->meta.summary = "Who does what.";
  mapping->meta.tags = {"policy"};
  mapping->meta.aliases = {"/en/old-mapping/"};
  mapping->headings = {{2, "First steps", "first-steps"},
                       {3, "Partners", "partners"},
                       {2, "Who takes part", "who-takes-part"}};
  mapping->html = "<h2 id=\"first-steps\">First steps</h2><p>x</p>"
                  "<h3 id=\"partners\">Partners</h3><h2 id=\"who-takes-part\">Who takes part</h2>";
  Page* policy = b.Add("en", "toolkit/policy.md", "Policy pillars");
  policy->meta.weight = 2;
  policy->meta.date = Date{2018, 3, 19};
  b.Add("en", "about.md", "About")->meta.date = Date{2017, 5, 8};
  b.Add("fr", "_index.md", "Base de connaissances");
  b.Add("fr", "toolkit/_index.md", "Boîte à outils");
  Page* fr_mapping = b.Add("fr", "toolkit/mapping.md", "Cartographier un écosystème");
  fr_mapping->meta.weight = 1;
  fr_mapping->meta.date = Date{2018, 12, 1};
  fr_mapping->meta.tags = {"policy"};
  Page* ar_mapping = b.Add("ar", "toolkit/mapping.md", "رسم خريطة المنظومة");
  ar_mapping->meta.weight = 1;
  return b.Build();
}

struct Fixture {
  explicit Fixture(std::unique_ptr<Site> s, std::vector<std::filesystem::path> dirs = {kDefaultTheme})
      : site(std::move(s)), catalogs(TestCatalogs()) {
    REQUIRE(catalogs);
    renderer = SiteRenderer::Create(*site, *catalogs, locales, dirs, &diag);
    REQUIRE_MESSAGE(renderer, FormatDiagnostics(diag));
    for (const auto& job : renderer->Jobs()) jobs[job.output_path] = job;
  }

  bool Has(const std::string& path) const { return jobs.count(path) > 0; }

  std::string Out(const std::string& path) {
    auto it = jobs.find(path);
    if (it == jobs.end()) FAIL("no job writes " << path);
    return renderer->Render(it->second, &diag);
  }

  std::unique_ptr<Site> site;
  std::unique_ptr<Catalogs> catalogs;
  Locales locales;
  Diagnostics diag;
  std::unique_ptr<SiteRenderer> renderer;
  std::map<std::string, RenderJob> jobs;
};

inline std::string HtmlTag(const std::string& html) {
  auto start = html.find("<html");
  return start == std::string::npos ? "" : html.substr(start, html.find('>', start) - start + 1);
}

}  // namespace kbgen::testing

#endif  // KBGEN_TESTS_RENDER_RENDER_FIXTURE_H_
