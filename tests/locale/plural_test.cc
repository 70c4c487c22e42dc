// Plural forms in the six languages: which CLDR category ICU picks for a
// count, and the shipped catalogs' wording for each count. Expected texts
// were written by hand from the CLDR plural rules and the grammar of each
// language (Arabic: 3-10 take the plural noun, 11-99 the singular
// accusative, 100 the singular genitive; Russian: 1 and 21 singular, 2-4
// genitive singular, 0, 5-20 and 100 genitive plural).
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>

#include "generator/i18n.h"
#include "generator/page.h"

using namespace kbgen;

namespace {

const Catalogs& Shipped() {
  static const std::unique_ptr<Catalogs> catalogs = [] {
    Diagnostics diag;
    auto c = Catalogs::Load(std::string(KBGEN_SOURCE_DIR) + "/i18n", &diag);
    INFO(FormatDiagnostics(diag));
    REQUIRE(c != nullptr);
    return c;
  }();
  return *catalogs;
}

// Every language gets the same pattern naming all six CLDR categories, so
// the output is the category ICU chose for the count.
std::unique_ptr<Catalogs> CategoryCatalogs() {
  const std::string text =
      "k: \"{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}\"\n";
  std::map<std::string, std::string> texts;
  for (std::string_view lang : kLanguages) texts[std::string(lang)] = text;
  Diagnostics diag;  // warnings: categories some languages do not use
  auto c = Catalogs::FromTexts(texts, "i18n", &diag);
  REQUIRE(c != nullptr);
  return c;
}

std::string Category(const Catalogs& c, const char* lang, std::int64_t n) {
  return c.Format(lang, "k", {{"n", n}});
}

std::string Results(const char* lang, std::int64_t n) {
  return Shipped().Format(lang, "search.results", {{"count", n}});
}

std::string Pages(const char* lang, std::int64_t n) {
  return Shipped().Format(lang, "section.page_count", {{"count", n}});
}

}  // namespace

TEST_CASE("plural categories follow CLDR in each language") {
  auto c = CategoryCatalogs();
  const std::int64_t counts[] = {0, 1, 2, 3, 11, 21, 100};
  const std::map<std::string, std::vector<std::string>> expected = {
      {"ar", {"zero", "one", "two", "few", "many", "many", "other"}},
      {"en", {"other", "one", "other", "other", "other", "other", "other"}},
      {"es", {"other", "one", "other", "other", "other", "other", "other"}},
      {"fr", {"one", "one", "other", "other", "other", "other", "other"}},
      {"ru", {"many", "one", "few", "few", "many", "one", "many"}},
      {"zh", {"other", "other", "other", "other", "other", "other", "other"}},
  };
  for (const auto& [lang, forms] : expected) {
    for (std::size_t i = 0; i < std::size(counts); ++i) {
      INFO(lang << " " << counts[i]);
      CHECK(Category(*c, lang.c_str(), counts[i]) == forms[i]);
    }
  }
  // French and Spanish "many": a million and its multiples.
  CHECK(Category(*c, "fr", 1000000) == "many");
  CHECK(Category(*c, "es", 2000000) == "many");
  CHECK(Category(*c, "ru", 102) == "few");
  CHECK(Category(*c, "ar", 103) == "few");
  CHECK(Category(*c, "ar", 111) == "many");
}

TEST_CASE("English result counts") {
  CHECK(Results("en", 0) == "No results");
  CHECK(Results("en", 1) == "1 result");
  CHECK(Results("en", 2) == "2 results");
  CHECK(Results("en", 3) == "3 results");
  CHECK(Results("en", 11) == "11 results");
  CHECK(Results("en", 21) == "21 results");
  CHECK(Results("en", 100) == "100 results");
  CHECK(Results("en", 1500) == "1,500 results");
  CHECK(Pages("en", 1) == "1 page");
  CHECK(Pages("en", 0) == "0 pages");
}

TEST_CASE("French result counts: 0 and 1 are singular, a million takes 'de'") {
  CHECK(Results("fr", 0) == "Aucun résultat");
  CHECK(Results("fr", 1) == "1 résultat");
  CHECK(Results("fr", 2) == "2 résultats");
  CHECK(Results("fr", 3) == "3 résultats");
  CHECK(Results("fr", 11) == "11 résultats");
  CHECK(Results("fr", 21) == "21 résultats");
  CHECK(Results("fr", 100) == "100 résultats");
  CHECK(Results("fr", 1000000) == "1\u202F000\u202F000 de résultats");
  CHECK(Pages("fr", 0) == "0 page");
  CHECK(Pages("fr", 1) == "1 page");
  CHECK(Pages("fr", 2) == "2 pages");
}

TEST_CASE("Spanish result counts") {
  CHECK(Results("es", 0) == "Ningún resultado");
  CHECK(Results("es", 1) == "1 resultado");
  CHECK(Results("es", 2) == "2 resultados");
  CHECK(Results("es", 3) == "3 resultados");
  CHECK(Results("es", 11) == "11 resultados");
  CHECK(Results("es", 21) == "21 resultados");
  CHECK(Results("es", 100) == "100 resultados");
  CHECK(Results("es", 1000000) == "1.000.000 de resultados");
  CHECK(Pages("es", 0) == "0 páginas");
  CHECK(Pages("es", 1) == "1 página");
}

TEST_CASE("Russian result counts use one, few and many") {
  CHECK(Results("ru", 0) == "Нет результатов");
  CHECK(Results("ru", 1) == "1 результат");
  CHECK(Results("ru", 2) == "2 результата");
  CHECK(Results("ru", 3) == "3 результата");
  CHECK(Results("ru", 11) == "11 результатов");
  CHECK(Results("ru", 21) == "21 результат");
  CHECK(Results("ru", 100) == "100 результатов");
  CHECK(Pages("ru", 0) == "0 страниц");
  CHECK(Pages("ru", 1) == "1 страница");
  CHECK(Pages("ru", 2) == "2 страницы");
  CHECK(Pages("ru", 3) == "3 страницы");
  CHECK(Pages("ru", 11) == "11 страниц");
  CHECK(Pages("ru", 21) == "21 страница");
  CHECK(Pages("ru", 100) == "100 страниц");
  CHECK(Shipped().Format("ru", "page.updated_ago", {{"days", std::int64_t{22}}}) ==
        "Обновлено 22 дня назад");
}

TEST_CASE("Arabic result counts use all six forms") {
  CHECK(Results("ar", 0) == "لا توجد نتائج");
  CHECK(Results("ar", 1) == "نتيجة واحدة");
  CHECK(Results("ar", 2) == "نتيجتان");
  CHECK(Results("ar", 3) == "3 نتائج");
  CHECK(Results("ar", 11) == "11 نتيجة");
  CHECK(Results("ar", 21) == "21 نتيجة");
  CHECK(Results("ar", 100) == "100 نتيجة");
  CHECK(Pages("ar", 0) == "لا توجد صفحات");
  CHECK(Pages("ar", 1) == "صفحة واحدة");
  CHECK(Pages("ar", 2) == "صفحتان");
  CHECK(Pages("ar", 3) == "3 صفحات");
  CHECK(Pages("ar", 11) == "11 صفحة");
  CHECK(Pages("ar", 21) == "21 صفحة");
  CHECK(Pages("ar", 100) == "100 صفحة");
  CHECK(Shipped().Format("ar", "page.updated_ago", {{"days", std::int64_t{2}}}) ==
        "حُدِّثت منذ يومين");
  CHECK(Shipped().Format("ar", "page.updated_ago", {{"days", std::int64_t{15}}}) ==
        "حُدِّثت منذ 15 يومًا");
}

TEST_CASE("Chinese result counts have one form") {
  CHECK(Results("zh", 0) == "没有结果");
  CHECK(Results("zh", 1) == "1 条结果");
  CHECK(Results("zh", 2) == "2 条结果");
  CHECK(Results("zh", 3) == "3 条结果");
  CHECK(Results("zh", 11) == "11 条结果");
  CHECK(Results("zh", 21) == "21 条结果");
  CHECK(Results("zh", 100) == "100 条结果");
  CHECK(Pages("zh", 1) == "1 个页面");
}

TEST_CASE("Arabic counts take Arabic-Indic digits when the site asks for them") {
  Diagnostics diag;
  auto c = Catalogs::Load(std::string(KBGEN_SOURCE_DIR) + "/i18n", &diag, {{"ar", "arab"}});
  REQUIRE(c != nullptr);
  CHECK(c->Format("ar", "search.results", {{"count", std::int64_t{3}}}) == "٣ نتائج");
  CHECK(c->Format("ar", "search.results", {{"count", std::int64_t{1200}}}) == "١٬٢٠٠ نتيجة");
  CHECK(c->Format("en", "search.results", {{"count", std::int64_t{3}}}) == "3 results");
}
