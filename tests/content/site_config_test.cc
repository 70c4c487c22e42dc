#include "generator/site_config.h"

#include <doctest/doctest.h>

#include <string>

using namespace kbgen;

TEST_CASE("a full site config is read") {
  Diagnostics diag;
  auto c = ParseSiteConfig(
      "base_url: https://kb.example.org/kb\n"
      "default_language: fr\n"
      "title:\n  en: Knowledge base\n  ar: قاعدة المعارف\n"
      "description: {en: About things}\n"
      "menus:\n  main:\n    - section: toolkit\n    - page: about.md\n"
      "options:\n  unsafe_html: true\n  numbering: {ar: arab}\n  max_page_bytes: 2048\n"
      "  markdown_seconds: 2.5\n"
      "search:\n  synonyms:\n    en:\n      ICT: [information and communication technology]\n"
      "      SDG: sustainable development goal\n    ru: {ИКТ: [информационные технологии]}\n",
      "kbgen.yml", &diag);
  CHECK(FormatDiagnostics(diag) == "");
  REQUIRE(c);
  CHECK(c->base_url == "https://kb.example.org/kb/");
  CHECK(c->default_language == "fr");
  CHECK(c->title ==
        std::map<std::string, std::string>{{"ar", "قاعدة المعارف"}, {"en", "Knowledge base"}});
  CHECK(c->description.at("en") == "About things");
  REQUIRE(c->main_menu.size() == 2);
  CHECK(c->main_menu[0].section == "toolkit");
  CHECK(c->main_menu[0].page == "");
  CHECK(c->main_menu[1].page == "about.md");
  CHECK(c->unsafe_html);
  CHECK(c->numbering.at("ar") == "arab");
  CHECK(c->max_page_bytes == 2048);
  CHECK(c->markdown_seconds == 2.5);
  CHECK(c->synonyms.at("en").at("ICT") ==
        std::vector<std::string>{"information and communication technology"});
  CHECK(c->synonyms.at("en").at("SDG") == std::vector<std::string>{"sustainable development goal"});
  CHECK(c->synonyms.at("ru").at("ИКТ") == std::vector<std::string>{"информационные технологии"});
}

TEST_CASE("an empty config gives the defaults, and titles fall back to English") {
  Diagnostics diag;
  auto c = ParseSiteConfig("", "kbgen.yml", &diag);
  REQUIRE(c);
  CHECK(c->base_url == "/");
  CHECK(c->default_language == "en");
  CHECK_FALSE(c->unsafe_html);
  CHECK(c->max_page_bytes == 16 << 20);
  CHECK(c->markdown_seconds == 10.0);
  CHECK(c->TitleFor("fr") == "Knowledge base");
  c->title["en"] = "KB";
  c->title["fr"] = "BC";
  CHECK(c->TitleFor("fr") == "BC");
  CHECK(c->TitleFor("zh") == "KB");
}

TEST_CASE("wrong types and values are errors with their lines") {
  Diagnostics diag;
  auto c = ParseSiteConfig(
      "base_url: [a]\n"
      "default_language: de\n"
      "title: {en: A, xx: B}\n"
      "menus:\n  main:\n    - {section: a, page: b}\n    - page: [x]\n"
      "options:\n  unsafe_html: yes\n  max_page_bytes: \"big\"\n  markdown_seconds: 0\n"
      "  numbering: {ar: \"latn arab\"}\n"
      "search: {synonyms: {en: {ict: {a: b}}}}\n",
      "kbgen.yml", &diag);
  CHECK_FALSE(c);
  CHECK(FormatDiagnostics(diag) ==
        "kbgen.yml:1: error: 'base_url' must be a string, found a list\n"
        "kbgen.yml:2: error: 'default_language' must be one of ar, en, es, fr, ru, zh, found 'de'\n"
        "kbgen.yml:3: error: 'title.xx': unknown language (use ar, en, es, fr, ru or zh)\n"
        "kbgen.yml:6: error: 'menus.main[1]' must have either 'section' or 'page' (one of them)\n"
        "kbgen.yml:7: error: 'menus.main[2].page' must be a string, found a list\n"
        "kbgen.yml:9: error: 'options.unsafe_html' must be true or false, found 'yes'\n"
        "kbgen.yml:10: error: 'options.max_page_bytes' must be a whole number, found the string "
        "\"big\"\n"
        "kbgen.yml:11: error: 'options.markdown_seconds' must be more than 0 and at most 3600\n"
        "kbgen.yml:12: error: 'options.numbering.ar' must be an ICU numbering system name such as "
        "latn or arab, found 'latn arab'\n"
        "kbgen.yml:13: error: 'search.synonyms.en.ict' must be a string or a list of strings, "
        "found a map\n");
}

TEST_CASE("strict YAML applies: duplicates are errors, unknown keys are warnings") {
  Diagnostics diag;
  CHECK_FALSE(ParseSiteConfig("title: {en: A}\ntitle: {en: B}\n", "kbgen.yml", &diag));
  CHECK(FormatDiagnostics(diag) == "kbgen.yml:2: error: duplicate key 'title' (first at line 1)\n");

  Diagnostics warn;
  auto c =
      ParseSiteConfig("colour: red\noptions: {unsafe: true}\nmenus: {footer: []}\nbase_url: /kb\n",
                      "kbgen.yml", &warn);
  REQUIRE(c);
  CHECK(c->base_url == "/kb/");
  CHECK(FormatDiagnostics(warn) ==
        "kbgen.yml:1: warning: unknown key 'colour' ignored\n"
        "kbgen.yml:2: warning: unknown key 'options.unsafe' ignored\n"
        "kbgen.yml:3: warning: unknown key 'menus.footer' ignored\n");
}

TEST_CASE("base_url must be an http(s) URL or an absolute path") {
  Diagnostics diag;
  CHECK_FALSE(ParseSiteConfig("base_url: javascript:alert(1)\n", "kbgen.yml", &diag));
  CHECK_FALSE(ParseSiteConfig("base_url: \"https://x.org/a b\"\n", "kbgen.yml", &diag));
  CHECK(FormatDiagnostics(diag) ==
        "kbgen.yml:1: error: 'base_url' must be an http(s) URL or a path starting with '/', "
        "found 'https://x.org/a b'\n"
        "kbgen.yml:1: error: 'base_url' must be an http(s) URL or a path starting with '/', "
        "found 'javascript:alert(1)'\n");
}

TEST_CASE("a missing config file gives the defaults unless it was asked for") {
  Diagnostics diag;
  auto c = LoadSiteConfig("/nonexistent/kbgen.yml", false, &diag);
  REQUIRE(c);
  CHECK(c->base_url == "/");
  CHECK_FALSE(diag.has_errors());
  CHECK_FALSE(LoadSiteConfig("/nonexistent/kbgen.yml", true, &diag));
  CHECK(FormatDiagnostics(diag) == "/nonexistent/kbgen.yml: error: site config file not found\n");
}

TEST_CASE("the shipped site config reads without errors") {
  Diagnostics diag;
  auto c = LoadSiteConfig(std::string(KBGEN_SOURCE_DIR) + "/kbgen.yml", true, &diag);
  CHECK_FALSE(diag.has_errors());
  REQUIRE(c);
  CHECK(c->title.size() == 6);
  CHECK(c->synonyms.count("en") == 1);
}

TEST_CASE("sources are read with their URL, language, titles and parts") {
  Diagnostics diag;
  auto c = ParseSiteConfig(
      "sources:\n"
      "  report:\n"
      "    url: https://example.org/r\n"
      "    title: {en: The report, fr: Le rapport}\n"
      "    parts:\n"
      "      \"3.1\": {en: External, fr: Externe}\n"
      "  itu:\n"
      "    url: http://example.org/i\n"
      "    lang: fr\n"
      "    title: {en: ITU}\n",
      "kbgen.yml", &diag);
  CHECK(FormatDiagnostics(diag) == "");
  REQUIRE(c);
  REQUIRE(c->sources.size() == 2);
  const SourceDef& r = c->sources.at("report");
  CHECK(r.url == "https://example.org/r");
  CHECK(r.lang == "en");
  CHECK(r.title == std::map<std::string, std::string>{{"en", "The report"}, {"fr", "Le rapport"}});
  CHECK(r.parts.at("3.1").at("fr") == "Externe");
  CHECK(c->sources.at("itu").lang == "fr");
}

TEST_CASE("a source without an http(s) URL or an English title is an error") {
  Diagnostics diag;
  auto c = ParseSiteConfig(
      "sources:\n"
      "  a:\n"
      "    url: javascript:alert(1)\n"
      "    title: {en: A}\n"
      "  b:\n"
      "    url: https://example.org/b\n"
      "    title: {fr: B}\n"
      "    lang: xx\n",
      "kbgen.yml", &diag);
  CHECK_FALSE(c);
  CHECK(FormatDiagnostics(diag) ==
        "kbgen.yml:3: error: 'sources.a.url' must be an http(s) URL\n"
        "kbgen.yml:7: error: 'sources.b.title' needs at least an English title (en)\n"
        "kbgen.yml:8: error: 'sources.b.lang' must be one of ar, en, es, fr, ru, zh\n");
}
