// The catalogs shipped in i18n/: they load without a warning, every
// language has every key and every taxonomy term of the content spec, and
// the strings the theme relies on say what they should.
#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "generator/catalog_file.h"
#include "generator/i18n.h"
#include "generator/page.h"

using namespace kbgen;

namespace {

// The taxonomy vocabulary of notes on the content format: regions,
// countries, product types and tags, as written in front matter.
const std::vector<std::string> kVocabulary = {"Africa",
                                              "Americas",
                                              "Arab States",
                                              "Asia and Pacific",
                                              "CIS",
                                              "Europe",
                                              "Bosnia and Herzegovina",
                                              "Serbia",
                                              "Republic of Moldova",
                                              "South Africa",
                                              "Montenegro",
                                              "Zimbabwe",
                                              "North Macedonia",
                                              "Thailand",
                                              "Republic of Korea",
                                              "Norway",
                                              "knowledge sharing",
                                              "capacity building",
                                              "innovation assessment",
                                              "project co-creation",
                                              "innovation ecosystems",
                                              "digital transformation",
                                              "policy",
                                              "entrepreneurship",
                                              "startups",
                                              "stakeholders",
                                              "partnerships",
                                              "funding",
                                              "measurement",
                                              "smart cities",
                                              "youth",
                                              "regional cooperation",
                                              "SDG 9",
                                              "Industry 4.0",
                                              "digital innovation profile",
                                              "country review",
                                              "training"};

// The keys the default theme and the view model use.
const std::vector<std::string> kThemeKeys = {"site.skip_to_content",
                                             "site.tagline",
                                             "site.footer",
                                             "site.language_name",
                                             "nav.home",
                                             "nav.menu",
                                             "nav.breadcrumbs",
                                             "nav.sections",
                                             "nav.previous",
                                             "nav.next",
                                             "nav.language",
                                             "nav.toc",
                                             "nav.search",
                                             "nav.main",
                                             "lang.ar",
                                             "lang.en",
                                             "lang.es",
                                             "lang.fr",
                                             "lang.ru",
                                             "lang.zh",
                                             "chooser.title",
                                             "chooser.intro",
                                             "search.label",
                                             "search.placeholder",
                                             "search.button",
                                             "search.results",
                                             "search.no_results",
                                             "search.did_you_mean",
                                             "search.all_languages",
                                             "search.filter_by",
                                             "search.noscript",
                                             "page.published",
                                             "page.updated_ago",
                                             "page.summary",
                                             "page.translations",
                                             "page.terms",
                                             "fallback.notice",
                                             "fallback.badge",
                                             "fallback.original",
                                             "section.page_count",
                                             "section.subsections",
                                             "section.pages",
                                             "section.read_more",
                                             "taxonomy.tags",
                                             "taxonomy.region",
                                             "taxonomy.country",
                                             "taxonomy.type",
                                             "taxonomy.term_count",
                                             "taxonomy.all_terms",
                                             "taxonomy.pages_tagged",
                                             "notfound.title",
                                             "notfound.text",
                                             "notfound.home",
                                             "feed.title",
                                             "redirect.text",
                                             "data.region",
                                             "data.total",
                                             "data.chart_label",
                                             "data.chart_desc",
                                             "data.source"};

struct Loaded {
  Loaded() { catalogs = Catalogs::Load(std::string(KBGEN_SOURCE_DIR) + "/i18n", &diag); }
  Diagnostics diag;
  std::unique_ptr<Catalogs> catalogs;
};

Loaded& Shipped() {
  static Loaded loaded;
  return loaded;
}

}  // namespace

TEST_CASE("the shipped catalogs load with no error and no warning") {
  Loaded& l = Shipped();
  CHECK(FormatDiagnostics(l.diag) == "");
  REQUIRE(l.catalogs != nullptr);
}

TEST_CASE("the English catalog has every key the theme uses") {
  const Catalogs& c = *Shipped().catalogs;
  for (const auto& key : kThemeKeys) {
    INFO(key);
    CHECK(c.Has(key));
  }
}

TEST_CASE("every catalog translates every key of en.yml and every term") {
  const Catalogs& c = *Shipped().catalogs;
  std::vector<std::string> keys = c.Keys();
  CHECK(keys.size() >= kThemeKeys.size());
  for (std::string_view lang : kLanguages) {
    std::string path = std::string(KBGEN_SOURCE_DIR) + "/i18n/" + std::string(lang) + ".yml";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Diagnostics diag;
    std::optional<CatalogFile> file = ParseCatalog(text.str(), path, &diag);
    REQUIRE(file.has_value());
    for (const auto& key : keys) {
      INFO(lang << " " << key);
      CHECK(file->messages.contains(key));
    }
    CHECK(file->messages.size() == keys.size());
    for (const auto& term : kVocabulary) {
      INFO(lang << " " << term);
      CHECK(file->terms.contains(term));
      CHECK(c.HasTerm(lang, term));
    }
    CHECK(file->terms.size() == kVocabulary.size());
  }
}

TEST_CASE("language names are endonyms, the same in every catalog") {
  const Catalogs& c = *Shipped().catalogs;
  for (std::string_view lang : kLanguages) {
    CHECK(c.Format(lang, "lang.ar") == "العربية");
    CHECK(c.Format(lang, "lang.en") == "English");
    CHECK(c.Format(lang, "lang.es") == "Español");
    CHECK(c.Format(lang, "lang.fr") == "Français");
    CHECK(c.Format(lang, "lang.ru") == "Русский");
    CHECK(c.Format(lang, "lang.zh") == "中文");
    CHECK(c.Format(lang, "site.language_name") == c.Format(lang, "lang." + std::string(lang)));
  }
}

TEST_CASE("fallback notices speak of the reader's language, in it") {
  const Catalogs& c = *Shipped().catalogs;
  CHECK(c.Format("fr", "fallback.badge") == "pas encore disponible en français");
  CHECK(c.Format("fr", "fallback.notice") ==
        "Cette page n’est pas encore disponible en français. Vous lisez l’original en anglais.");
  CHECK(c.Format("es", "fallback.badge") == "aún no disponible en español");
  CHECK(c.Format("ru", "fallback.badge") == "пока недоступно на русском языке");
  CHECK(c.Format("zh", "fallback.badge") == "尚无中文版本");
  CHECK(c.Format("ar", "fallback.badge") == "غير متاحة بعدُ باللغة العربية");
}

TEST_CASE("official UN names of countries and ITU regions") {
  const Catalogs& c = *Shipped().catalogs;
  CHECK(c.Term("fr", "Republic of Moldova") == "République de Moldova");
  CHECK(c.Term("fr", "North Macedonia") == "Macédoine du Nord");
  CHECK(c.Term("fr", "Europe") == "Europe");
  CHECK(c.Term("ru", "Republic of Moldova") == "Республика Молдова");
  CHECK(c.Term("ru", "North Macedonia") == "Северная Македония");
  CHECK(c.Term("zh", "Republic of Moldova") == "摩尔多瓦共和国");
  CHECK(c.Term("zh", "North Macedonia") == "北马其顿");
  CHECK(c.Term("ar", "Republic of Moldova") == "جمهورية مولدوفا");
  CHECK(c.Term("ar", "North Macedonia") == "مقدونيا الشمالية");
  CHECK(c.Term("es", "Republic of Moldova") == "República de Moldova");
  CHECK(c.Term("es", "North Macedonia") == "Macedonia del Norte");
  CHECK(c.Term("en", "Asia and Pacific") == "Asia and the Pacific");
  CHECK(c.Term("ar", "Arab States") == "الدول العربية");
}

TEST_CASE("messages with arguments in the shipped catalogs") {
  const Catalogs& c = *Shipped().catalogs;
  CHECK(c.Format("en", "feed.title", {{"site", std::string("KB")}}) == "KB: latest pages");
  CHECK(c.Format("fr", "feed.title", {{"site", std::string("KB")}}) == "KB\u202F: dernières pages");
  CHECK(c.Format("fr", "search.did_you_mean", {{"suggestion", std::string("réseau")}}) ==
        "Vouliez-vous dire réseau\u202F?");
  CHECK(c.Format("es", "search.did_you_mean", {{"suggestion", std::string("red")}}) ==
        "¿Quiso decir red?");
  CHECK(c.Format("zh", "taxonomy.pages_tagged", {{"term", std::string("南非")}}) ==
        "归入“南非”的页面");
  CHECK(c.Format("ar", "data.chart_label", {{"caption", std::string("المنتجات")}}) ==
        "مخطط شريطي: المنتجات");
  CHECK(c.Format("en", "page.updated_ago", {{"days", std::int64_t{0}}}) == "Updated today");
  CHECK(c.Format("en", "page.updated_ago", {{"days", std::int64_t{1}}}) == "Updated 1 day ago");
  CHECK(c.Format("en", "redirect.text", {{"url", std::string("/en/a/")}}) ==
        "This page has moved to /en/a/.");
}
