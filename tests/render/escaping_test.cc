// Safe by default: front matter is escaped wherever it appears, and a
// script URL in a page param never reaches a link.
#include "generator/view_model.h"

#include <doctest/doctest.h>

#include "render_fixture.h"

namespace fs = std::filesystem;
using namespace kbgen;
using namespace kbgen::testing;

TEST_CASE("front matter is escaped everywhere it appears") {
  SiteBuilder b;
  b.Add("en", "_index.md", "Home");
  Page* p = b.Add("en", "evil.md", "<script>alert(1)</script>");
  p->meta.summary = "He said \"hi\" & left";
  p->meta.date = Date{2020, 1, 2};
  p->meta.tags = {"<b>tag</b>"};
  Fixture f(b.Build());
  std::string page = f.Out("en/evil/index.html");
  CHECK_FALSE(Contains(page, "<script>alert"));
  CHECK_FALSE(Contains(page, "<b>tag"));
  CHECK(Contains(page, "<title>&lt;script&gt;alert(1)&lt;/script&gt; – Toolkit KB</title>"));
  CHECK(Contains(page, "<meta name=\"description\" content=\"He said &quot;hi&quot; &amp; left\">"));
  CHECK(Contains(page, "<h1 class=\"article__title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  CHECK(Contains(page, "&lt;b&gt;tag&lt;/b&gt;"));
  std::string home = f.Out("en/index.html");
  CHECK_FALSE(Contains(home, "<script>alert"));
  CHECK(Contains(home, "He said &quot;hi&quot; &amp; left"));
  std::string feed = f.Out("en/feed.xml");
  CHECK_FALSE(Contains(feed, "<script>"));
  CHECK(Contains(feed, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
}

TEST_CASE("a javascript: URL in a param never becomes a link") {
  fs::path site_theme = MakeTempDir();
  WriteFile(site_theme / "partials/page_terms.mustache",
            "{{#params.link}}<a id=\"link\" href=\"{{params.link}}\">L</a>{{/params.link}}"
            "{{#params.site}}<a id=\"site\" href=\"{{params.site}}\">S</a>{{/params.site}}"
            "{{#params.more}}<a href=\"{{.}}\">M</a>{{/params.more}}");
  SiteBuilder b;
  Page* p = b.Add("en", "page.md", "Page");
  p->meta.params = {{"link", " JavaScript:alert(1)"},
                    {"site", "https://example.org/?a=1&b=2"},
                    {"more", {"vbscript:x", "/en/page/"}}};
  Fixture f(b.Build(), {site_theme, kDefaultTheme});
  std::string page = f.Out("en/page/index.html");
  CHECK_FALSE(Contains(page, "id=\"link\""));
  CHECK_FALSE(Contains(page, "script:"));
  CHECK(Contains(page, "<a id=\"site\" href=\"https://example.org/?a=1&amp;b=2\">S</a>"));
  CHECK(Contains(page, "<a href=\"/en/page/\">M</a>"));
  std::string messages = FormatDiagnostics(f.diag);
  CHECK(Contains(messages, "content/en/page.md: warning: front matter 'link' holds a script URL"));
  CHECK(Contains(messages, "front matter 'more[0]' holds a script URL"));
}

TEST_CASE("script URLs are recognised as browsers read them") {
  CHECK(IsScriptUrl("javascript:alert(1)"));
  CHECK(IsScriptUrl("  JaVaScRiPt:alert(1)"));
  CHECK(IsScriptUrl("java\tscript:alert(1)"));
  CHECK(IsScriptUrl("\x01javascript:x"));
  CHECK(IsScriptUrl("data:text/html,<script>"));
  CHECK(IsScriptUrl("VBScript:x"));
  CHECK_FALSE(IsScriptUrl("https://example.org/javascript:"));
  CHECK_FALSE(IsScriptUrl("/en/page/"));
  CHECK_FALSE(IsScriptUrl("Note: javascript: is unsafe"));
  CHECK_FALSE(IsScriptUrl("java script:x"));
}
