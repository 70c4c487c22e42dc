#include "generator/permalink.h"

#include <doctest/doctest.h>

using namespace kbgen;

TEST_CASE("URLs percent-encode each segment and output paths do not") {
  CHECK(UrlOf({"en", "toolkit", "mapping"}) == "/en/toolkit/mapping/");
  CHECK(UrlOf({}) == "/");
  CHECK(UrlOf({"ar", "وسوم"}) == "/ar/%D9%88%D8%B3%D9%88%D9%85/");
  CHECK(UrlOf({"en", "a b&c"}) == "/en/a%20b%26c/");
  CHECK(IndexPathOf({"ar", "وسوم"}) == "ar/وسوم/index.html");
  CHECK(IndexPathOf({}) == "index.html");
}

TEST_CASE("unsafe segments are recognised") {
  CHECK(IsSafeSegment("mapping"));
  CHECK(IsSafeSegment("خريطة"));
  CHECK_FALSE(IsSafeSegment(""));
  CHECK_FALSE(IsSafeSegment("."));
  CHECK_FALSE(IsSafeSegment(".."));
  CHECK_FALSE(IsSafeSegment("a/b"));
  CHECK_FALSE(IsSafeSegment("a\\b"));
  CHECK_FALSE(IsSafeSegment(std::string("a\0b", 3)));
  CHECK_FALSE(IsSafeSegment("line\nbreak"));
}

TEST_CASE("relative paths resolve against a folder and may not climb above the root") {
  std::string out;
  CHECK(ResolveRelative("en/toolkit", "mapping.md", &out));
  CHECK(out == "en/toolkit/mapping.md");
  CHECK(ResolveRelative("en/toolkit", "../countries/serbia.md", &out));
  CHECK(out == "en/countries/serbia.md");
  CHECK(ResolveRelative("en/toolkit", "./a/../b.md", &out));
  CHECK(out == "en/toolkit/b.md");
  CHECK(ResolveRelative("en", "../fr/about.md", &out));
  CHECK(out == "fr/about.md");
  CHECK_FALSE(ResolveRelative("en", "../../etc/passwd", &out));
}

TEST_CASE("links with a scheme or host are recognised") {
  CHECK(HasSchemeOrHost("https://itu.int/"));
  CHECK(HasSchemeOrHost("mailto:a@b.c"));
  CHECK(HasSchemeOrHost("javascript:alert(1)"));
  CHECK(HasSchemeOrHost("//cdn.example/x.js"));
  CHECK_FALSE(HasSchemeOrHost("about.md"));
  CHECK_FALSE(HasSchemeOrHost("../a:b.md") );
  CHECK_FALSE(HasSchemeOrHost("#top"));
  CHECK_FALSE(HasSchemeOrHost("1http:x"));
}

TEST_CASE("the base path comes from the base URL") {
  CHECK(BasePathOf("https://example.org/kb/") == "/kb/");
  CHECK(BasePathOf("https://example.org/kb") == "/kb/");
  CHECK(BasePathOf("https://example.org") == "/");
  CHECK(BasePathOf("/") == "/");
  CHECK(BasePathOf("/docs") == "/docs/");
}
