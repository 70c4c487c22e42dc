#include "generator/slug.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

using namespace kbgen;

TEST_CASE("slugs of Latin text: lowercase, punctuation and spaces to one dash") {
  CHECK(Slugify("Arab States") == "arab-states");
  CHECK(Slugify("Industry 4.0") == "industry-4-0");
  CHECK(Slugify("SDG 9") == "sdg-9");
  CHECK(Slugify("  Hello,   World!  ") == "hello-world");
  CHECK(Slugify("Qu\u2019est-ce que l'innovation ?") == "qu-est-ce-que-l-innovation");
  CHECK(Slugify("snake_case/and\\slashes") == "snake-case-and-slashes");
  CHECK(Slugify("Évaluation") == "évaluation");
  CHECK(Slugify("Straße") == "straße");
}

TEST_CASE("slugs keep Cyrillic, Arabic and Chinese letters, marks and digits") {
  CHECK(Slugify("Цифровая экономика") == "цифровая-экономика");
  CHECK(Slugify("ЦИФРОВАЯ") == "цифровая");
  CHECK(Slugify("الابتكار الرقمي") == "الابتكار-الرقمي");
  CHECK(Slugify("مُبْتَكَر") == "مُبْتَكَر");  // harakat are marks: kept
  CHECK(Slugify("عام ٢٠١٨") == "عام-٢٠١٨");
  CHECK(Slugify("数字创新") == "数字创新");
  CHECK(Slugify("什么是创新？ 概述") == "什么是创新-概述");
  CHECK(Slugify("《数字》创新") == "数字-创新");
}

TEST_CASE("slugs are NFC and drop invisible format characters") {
  CHECK(Slugify("e\u0301t\u00E9") == "\u00E9t\u00E9");  // decomposed e-acute composed
  CHECK(Slugify("E\u0301T\u00C9") == "\u00E9t\u00E9");  // and lowercased
  CHECK(Slugify("a\u200Db\u200Fc\u00ADd") == "abcd");   // ZWJ, RLM, soft hyphen
  CHECK(Slugify("\u200F\u0639\u0631\u0628\u064A") == "\u0639\u0631\u0628\u064A");
}

TEST_CASE("slugs may be empty and are cut at a character boundary") {
  CHECK(Slugify("") == "");
  CHECK(Slugify("!!! ???") == "");
  CHECK(Slugify(std::string(300, 'a')) == std::string(200, 'a'));
  // 199 ASCII letters then a two-byte letter: the letter would pass 200 bytes.
  CHECK(Slugify(std::string(199, 'a') + "\u00E9") == std::string(199, 'a'));
  std::string cyrillic;
  for (int i = 0; i < 150; ++i) cyrillic += "ж";
  std::string expected;
  for (int i = 0; i < 100; ++i) expected += "ж";
  CHECK(Slugify(cyrillic) == expected);
}

TEST_CASE("heading anchors are never empty and are unique within a page") {
  CHECK(HeadingAnchor("Introduction") == "introduction");
  CHECK(HeadingAnchor("!!!") == "section");
  CHECK(HeadingAnchor("") == "section");
  AnchorSet set;
  CHECK(set.Unique("intro-2") == "intro-2");
  CHECK(set.Unique("intro") == "intro");
  CHECK(set.Unique("intro") == "intro-3");  // intro-2 is taken by a heading
  CHECK(set.Unique("intro") == "intro-4");
  set.Reserve("fn-1");
  CHECK(set.Unique("fn-1") == "fn-1-2");
}

TEST_CASE("many identical headings get unique ids in linear time") {
  // 32,000 identical headings once took 77 s: each one searched the taken
  // ids from -2 upwards. The limit below is 50 times what a linear pass
  // needs on a slow machine; it guards the complexity, not the speed.
  AnchorSet set;
  auto start = std::chrono::steady_clock::now();
  std::string last;
  for (int i = 0; i < 32000; ++i) last = set.Unique("same");
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(last == "same-32000");
  CHECK(seconds < 5.0);
  // Still the first free suffix when ids were taken out of order.
  AnchorSet mixed;
  CHECK(mixed.Unique("a") == "a");
  CHECK(mixed.Unique("a-3") == "a-3");
  CHECK(mixed.Unique("a") == "a-2");
  CHECK(mixed.Unique("a") == "a-4");
  mixed.Reserve("a-5");
  CHECK(mixed.Unique("a") == "a-6");
}
