// Catalog loading: flattening, English fallback and its warnings, malformed
// messages, plural and argument checks, terms, and concurrent formatting.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "generator/i18n.h"
#include "generator/page.h"

using namespace kbgen;

namespace {

const char* kEnglish =
    "nav:\n"
    "  home: Home\n"
    "search:\n"
    "  results: \"{count, plural, one {# result} other {# results}}\"\n"
    "terms:\n"
    "  Serbia: Serbia\n"
    "  knowledge sharing: Knowledge sharing\n";

// A complete catalog for every language but `lang`, which gets `text`.
std::map<std::string, std::string> With(const std::string& lang, const std::string& text) {
  std::map<std::string, std::string> texts;
  texts["en"] = kEnglish;
  texts["ar"] =
      "nav: {home: الرئيسية}\n"
      "search:\n"
      "  results: \"{count, plural, zero {لا نتائج} one {نتيجة} two {نتيجتان} few {# نتائج} "
      "many {# نتيجة} other {# نتيجة}}\"\n"
      "terms: {Serbia: صربيا, knowledge sharing: تقاسم المعارف}\n";
  texts["es"] =
      "nav.home: Inicio\n"
      "search.results: \"{count, plural, one {# resultado} many {# de resultados} other {# "
      "resultados}}\"\n"
      "terms: {Serbia: Serbia, knowledge sharing: Intercambio de conocimientos}\n";
  texts["fr"] =
      "nav:\n  home: Accueil\n"
      "search:\n  results: \"{count, plural, one {# résultat} many {# de résultats} other {# "
      "résultats}}\"\n"
      "terms:\n  Serbia: Serbie\n  knowledge sharing: Partage de connaissances\n";
  texts["ru"] =
      "nav:\n  home: Главная\n"
      "search:\n  results: \"{count, plural, one {# результат} few {# результата} many {# "
      "результатов} other {# результата}}\"\n"
      "terms:\n  Serbia: Сербия\n  knowledge sharing: Обмен знаниями\n";
  texts["zh"] =
      "nav:\n  home: 首页\n"
      "search:\n  results: \"{count, plural, other {# 条结果}}\"\n"
      "terms:\n  Serbia: 塞尔维亚\n  knowledge sharing: 知识共享\n";
  texts[lang] = text;
  return texts;
}

}  // namespace

TEST_CASE("complete catalogs load without a word and flatten nested keys") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(With("en", kEnglish), "i18n", &diag);
  REQUIRE(c != nullptr);
  CHECK(FormatDiagnostics(diag) == "");
  CHECK(c->Keys() == std::vector<std::string>{"nav.home", "search.results"});
  CHECK(c->Has("nav.home"));
  CHECK_FALSE(c->Has("nav"));
  CHECK(c->Format("ar", "nav.home") == "الرئيسية");
  CHECK(c->Format("es", "nav.home") == "Inicio");
  CHECK(c->FileOf("fr") == "i18n/fr.yml");
}

TEST_CASE("a missing key falls back to English with English plural rules, and warns") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(With("ru", "nav:\n  home: Главная\n"), "i18n", &diag);
  REQUIRE(c != nullptr);
  CHECK(FormatDiagnostics(diag) ==
        "i18n/ru.yml: warning: missing key 'search.results'; using English\n"
        "i18n/ru.yml: warning: missing term 'Serbia' under 'terms:'; using English\n"
        "i18n/ru.yml: warning: missing term 'knowledge sharing' under 'terms:'; using English\n");
  // Russian rules would pick "many" for 5 and "few" for 2; English has one/other.
  CHECK(c->Format("ru", "search.results", {{"count", std::int64_t{1}}}) == "1 result");
  CHECK(c->Format("ru", "search.results", {{"count", std::int64_t{2}}}) == "2 results");
  CHECK(c->Format("ru", "search.results", {{"count", std::int64_t{21}}}) == "21 results");
  CHECK(c->Term("ru", "Serbia") == "Serbia");
  CHECK_FALSE(c->HasTerm("ru", "Serbia"));
}

TEST_CASE("the warning names the file as in the build's messages") {
  Diagnostics diag;
  auto texts = With("fr", "nav:\n  home: Accueil\n");
  auto c = Catalogs::FromTexts(texts, "i18n", &diag);
  REQUIRE(c != nullptr);
  std::vector<Diagnostic> all = diag.Sorted();
  REQUIRE(all.size() == 3);
  CHECK(FormatDiagnostic(all[0]) ==
        "i18n/fr.yml: warning: missing key 'search.results'; using English");
}

TEST_CASE("an unknown key gives the key itself") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(With("en", kEnglish), "i18n", &diag);
  REQUIRE(c != nullptr);
  CHECK(c->Format("fr", "nav.nowhere") == "nav.nowhere");
  CHECK(c->Format("xx", "nav.home") == "Home");
}

TEST_CASE("a malformed message is an error naming file, line and key") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(
      With("fr",
           "nav:\n"
           "  home: Accueil\n"
           "search:\n"
           "  results: \"{count, plural, one {# résultat} other {# résultats}\"\n"),
      "i18n", &diag);
  CHECK(c == nullptr);
  CHECK(FormatDiagnostics(diag) ==
        "i18n/fr.yml:4: error: malformed message 'search.results': unbalanced braces: 3 '{' but "
        "2 '}'\n");
}

TEST_CASE("a plural without 'other' is malformed") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(
      With("en", "nav:\n  home: Home\nsearch:\n  results: \"{count, plural, one {# result}}\"\n"),
      "i18n", &diag);
  CHECK(c == nullptr);
  CHECK(FormatDiagnostics(diag) ==
        "i18n/en.yml:4: error: malformed message 'search.results': a plural or select argument "
        "has no 'other' case near '{count, plural,'\n");
}

TEST_CASE("an unknown argument type is malformed") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(
      With("en", "nav:\n  home: Home\nsearch:\n  results: \"{count, plurl, other {# results}}\"\n"),
      "i18n", &diag);
  CHECK(c == nullptr);
  CHECK(FormatDiagnostics(diag) ==
        "i18n/en.yml:4: error: malformed message 'search.results': invalid argument; write "
        "{name}, {name, plural, ...}, {name, select, ...} or {name, number}\n");
}

TEST_CASE("numbered arguments are refused") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(With("es", "nav:\n  home: \"Inicio {0}\"\n"), "i18n", &diag);
  CHECK(c == nullptr);
  CHECK(FormatDiagnostics(diag) ==
        "i18n/es.yml:2: error: malformed message 'nav.home': numbered argument {0}; arguments "
        "have names, such as {count}\n");
}

TEST_CASE("an unquoted message starting with a brace is explained") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(
      With("en", "nav:\n  home: Home\nsearch:\n  results: {count, plural, other {# results}}\n"),
      "i18n", &diag);
  CHECK(c == nullptr);
  CHECK(FormatDiagnostics(diag).find("i18n/en.yml:4: error:") == 0);
}

TEST_CASE("duplicate keys, also between nested and dotted forms, are errors") {
  Diagnostics diag;
  auto c =
      Catalogs::FromTexts(With("fr", "nav:\n  home: Accueil\nnav.home: Maison\n"), "i18n", &diag);
  CHECK(c == nullptr);
  CHECK(FormatDiagnostics(diag) == "i18n/fr.yml:3: error: key 'nav.home' is given twice (also on line 2)\n");
}

TEST_CASE("a message that is not a text is an error") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(With("fr", "nav:\n  home:\n    - Accueil\n"), "i18n", &diag);
  CHECK(c == nullptr);
  CHECK(FormatDiagnostics(diag) ==
        "i18n/fr.yml:2: error: message 'nav.home' must be a text, found a list\n");
}

TEST_CASE("plural forms missing or foreign to the language are warned about") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(
      With("ru",
           "nav:\n  home: Главная\n"
           "search:\n  results: \"{count, plural, one {# результат} two {# результата} other {# "
           "результатов}}\"\n"
           "terms:\n  Serbia: Сербия\n  knowledge sharing: Обмен знаниями\n"),
      "i18n", &diag);
  REQUIRE(c != nullptr);
  CHECK(FormatDiagnostics(diag) ==
        "i18n/ru.yml:4: warning: message 'search.results': {count} has a 'two' case, which this "
        "language never uses; forms of this language: few, many, one, other\n"
        "i18n/ru.yml:4: warning: message 'search.results': {count} has no 'few' case, which this "
        "language needs (for 2, ...); forms of this language: few, many, one, other\n"
        "i18n/ru.yml:4: warning: message 'search.results': {count} has no 'many' case, which "
        "this language needs (for 0, ...); forms of this language: few, many, one, other\n");
}

TEST_CASE("an argument the English message lacks is warned about, and extra keys too") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(
      With("zh",
           "nav:\n  home: \"首页 {site}\"\n  extra: 多余\n"
           "search:\n  results: \"{count, plural, other {# 条结果}}\"\n"
           "terms:\n  Serbia: 塞尔维亚\n  knowledge sharing: 知识共享\n  Atlantis: 亚特兰蒂斯\n"),
      "i18n", &diag);
  REQUIRE(c != nullptr);
  CHECK(FormatDiagnostics(diag) ==
        "i18n/zh.yml: warning: term 'Atlantis' is not under 'terms:' in i18n/en.yml; taxonomy "
        "values are the English names\n"
        "i18n/zh.yml:2: warning: message 'nav.home' uses {site}, which the English message does "
        "not; check its name\n"
        "i18n/zh.yml:3: warning: key 'nav.extra' is not in i18n/en.yml, so it is never shown\n");
}

TEST_CASE("a missing catalog warns once, and a missing English catalog is an error") {
  {
    Diagnostics diag;
    auto texts = With("en", kEnglish);
    texts.erase("zh");
    auto c = Catalogs::FromTexts(texts, "i18n", &diag);
    REQUIRE(c != nullptr);
    CHECK(FormatDiagnostics(diag) ==
          "i18n/zh.yml: warning: catalog not found; every string falls back to English\n");
    CHECK(c->Format("zh", "nav.home") == "Home");
  }
  {
    Diagnostics diag;
    auto texts = With("en", kEnglish);
    texts.erase("en");
    CHECK(Catalogs::FromTexts(texts, "i18n", &diag) == nullptr);
    CHECK(FormatDiagnostics(diag) ==
          "i18n/en.yml: error: the English catalog is missing; every language falls back to it\n");
  }
}

TEST_CASE("terms translate, fall back to English, then to the term itself") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(With("en", kEnglish), "i18n", &diag);
  REQUIRE(c != nullptr);
  CHECK(c->Term("fr", "Serbia") == "Serbie");
  CHECK(c->Term("ar", "knowledge sharing") == "تقاسم المعارف");
  CHECK(c->Term("en", "knowledge sharing") == "Knowledge sharing");
  CHECK(c->Term("fr", "Atlantis") == "Atlantis");
  CHECK(c->HasTerm("zh", "Serbia"));
  CHECK_FALSE(c->HasTerm("zh", "Atlantis"));
}

TEST_CASE("select and nested plural with named arguments") {
  Diagnostics diag;
  auto texts = With("en", std::string(kEnglish) +
                              "who: \"{gender, select, female {She has {n, plural, one {# page} "
                              "other {# pages}}} other {They have {n, plural, one {# page} other "
                              "{# pages}}}}\"\n");
  auto c = Catalogs::FromTexts(texts, "i18n", &diag);
  REQUIRE(c != nullptr);
  CHECK(c->Format("en", "who", {{"gender", std::string("female")}, {"n", std::int64_t{1}}}) ==
        "She has 1 page");
  CHECK(c->Format("en", "who", {{"gender", std::string("x")}, {"n", std::int64_t{4}}}) ==
        "They have 4 pages");
  // A missing argument shows its name; a text where a number belongs gives the pattern.
  CHECK(c->Format("en", "search.results") == "{count}");
  CHECK(c->Format("en", "search.results", {{"count", std::string("many")}}) ==
        "{count, plural, one {# result} other {# results}}");
  CHECK(c->Format("en", "search.results", {{"count", 2.5}}) == "2.5 results");
}

TEST_CASE(
    "apostrophes: a typographic one is plain text, a straight one quotes only before a brace") {
  Diagnostics diag;
  auto texts = With("en", std::string(kEnglish) +
                              "a: \"l’{term}\"\n"
                              "b: \"aujourd'hui {term}\"\n"
                              "c: \"'{term}' is literal\"\n");
  auto c = Catalogs::FromTexts(texts, "i18n", &diag);
  REQUIRE(c != nullptr);
  MessageArgs args = {{"term", std::string("x")}};
  CHECK(c->Format("en", "a", args) == "l’x");
  CHECK(c->Format("en", "b", args) == "aujourd'hui x");
  CHECK(c->Format("en", "c", args) == "{term} is literal");
}

TEST_CASE("formatting from several threads at once gives the same texts") {
  Diagnostics diag;
  auto c = Catalogs::FromTexts(With("en", kEnglish), "i18n", &diag);
  REQUIRE(c != nullptr);
  std::vector<std::string> failures[4];
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::int64_t i = 0; i < 300; ++i) {
        std::int64_t n = (i * 7 + t) % 30;
        std::string ru = c->Format("ru", "search.results", {{"count", n}});
        std::string suffix = n % 10 == 1 && n % 100 != 11 ? "результат"
                             : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)
                                 ? "результата"
                                 : "результатов";
        if (ru != std::to_string(n) + " " + suffix) failures[t].push_back(ru);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& f : failures) CHECK(f.empty());
}
