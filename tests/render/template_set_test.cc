// Theme loading: override order, missing files, partial cycles, unsafe
// unescaped output, static files.
#include "generator/template_set.h"

#include <doctest/doctest.h>

#include "render_fixture.h"

namespace fs = std::filesystem;
using namespace kbgen;
using namespace kbgen::testing;

namespace {

using Data = kainjow::mustache::data;

std::string RenderOne(const TemplateSet& set, const std::string& name, const Data& base,
                      const Data& top) {
  return set.Render(name, base, top);
}

}  // namespace

TEST_CASE("the first theme folder that has a partial wins, one partial at a time") {
  fs::path site_theme = MakeTempDir();
  fs::path default_theme = MakeTempDir();
  WriteFile(default_theme / "templates/page.mustache", "[{{> head}}|{{> body}}]");
  WriteFile(default_theme / "partials/head.mustache", "default head {{title}}");
  WriteFile(default_theme / "partials/body.mustache", "default body");
  WriteFile(site_theme / "partials/body.mustache", "site body {{> foot}}");
  WriteFile(default_theme / "partials/foot.mustache", "default foot");

  Diagnostics diag;
  auto set = TemplateSet::Load({site_theme, default_theme}, {"page"}, &diag);
  REQUIRE_MESSAGE(set, FormatDiagnostics(diag));
  Data top;
  top["title"] = "T";
  CHECK(RenderOne(*set, "page", Data(), top) == "[default head T|site body default foot]");
  CHECK(set->SourceOf("page") == default_theme / "templates/page.mustache");

  // A template in the site folder replaces the default one.
  WriteFile(site_theme / "templates/page.mustache", "site page");
  set = TemplateSet::Load({site_theme, default_theme}, {"page"}, &diag);
  REQUIRE(set);
  CHECK(RenderOne(*set, "page", Data(), Data()) == "site page");
}

TEST_CASE("a partial is inlined without the final newline of its file") {
  fs::path theme = MakeTempDir();
  WriteFile(theme / "templates/page.mustache", "<ul>\n{{> item}}\n</ul>\n<p>{{> word}}</p>\n");
  WriteFile(theme / "partials/item.mustache", "<li>a</li>\n<li>b</li>\n");
  WriteFile(theme / "partials/word.mustache", "word\r\n");
  Diagnostics diag;
  auto set = TemplateSet::Load({theme}, {"page"}, &diag);
  REQUIRE(set);
  CHECK(set->Render("page", Data(), Data()) == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>word</p>\n");
}

TEST_CASE("values are escaped and the top of the context stack is searched first") {
  fs::path theme = MakeTempDir();
  WriteFile(theme / "templates/t.mustache", "{{a}} {{b}} {{{b_html}}} {{#list}}<{{x}}>{{/list}}");
  Diagnostics diag;
  auto set = TemplateSet::Load({theme}, {"t"}, &diag);
  REQUIRE(set);
  Data base;
  base["a"] = "base-a";
  base["b"] = "base-b";
  Data top;
  top["b"] = "<script>\"x\" & 'y'</script>";
  top["b_html"] = "<em>ok</em>";
  Data list(Data::type::list);
  Data item;
  item["x"] = "1";
  list.push_back(item);
  top["list"] = std::move(list);
  CHECK(set->Render("t", base, top) ==
        "base-a &lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt; <em>ok</em> <1>");
}

TEST_CASE("a missing template is an error that names it") {
  fs::path site_theme = MakeTempDir();
  fs::path default_theme = MakeTempDir();
  WriteFile(default_theme / "templates/page.mustache", "x");
  Diagnostics diag;
  auto set = TemplateSet::Load({site_theme, default_theme}, {"page", "section"}, &diag);
  CHECK_FALSE(set);
  REQUIRE(diag.error_count() == 1);
  const Diagnostic d = diag.Sorted()[0];
  CHECK(d.path == (default_theme / "templates/section.mustache").string());
  CHECK(d.message == "missing template 'section' (looked for templates/section.mustache in " +
                         site_theme.string() + ", " + default_theme.string() + ")");
}

TEST_CASE("a missing partial is an error at the line that includes it") {
  fs::path theme = MakeTempDir();
  WriteFile(theme / "templates/page.mustache", "line one\n{{> nowhere}}\n");
  Diagnostics diag;
  CHECK_FALSE(TemplateSet::Load({theme}, {"page"}, &diag));
  REQUIRE(diag.error_count() == 1);
  Diagnostic d = diag.Sorted()[0];
  CHECK(d.path == (theme / "templates/page.mustache").string());
  CHECK(d.line == 2);
  CHECK(d.message == "partial 'nowhere' not found (looked for partials/nowhere.mustache in " +
                         theme.string() + ")");
}

TEST_CASE("a partial that includes itself is an error, not a stack overflow") {
  fs::path theme = MakeTempDir();
  WriteFile(theme / "templates/page.mustache", "{{> self}}{{> a}}");
  WriteFile(theme / "partials/self.mustache", "x {{> self}}");
  WriteFile(theme / "partials/a.mustache", "a\n{{> b}}");
  WriteFile(theme / "partials/b.mustache", "b {{> c}}");
  WriteFile(theme / "partials/c.mustache", "c\n\n{{#x}}{{> a}}{{/x}}");
  Diagnostics diag;
  CHECK_FALSE(TemplateSet::Load({theme}, {"page"}, &diag));
  std::vector<Diagnostic> all = diag.Sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].path == (theme / "partials/c.mustache").string());
  CHECK(all[0].line == 3);
  CHECK(all[0].message == "partial 'a' includes itself: a -> b -> c -> a");
  CHECK(all[1].path == (theme / "partials/self.mustache").string());
  CHECK(all[1].message == "partial 'self' includes itself: self -> self");
}

TEST_CASE("a cycle through an override folder is found as well") {
  fs::path site_theme = MakeTempDir();
  fs::path default_theme = MakeTempDir();
  WriteFile(default_theme / "templates/page.mustache", "{{> header}}");
  WriteFile(default_theme / "partials/header.mustache", "{{> logo}}");
  WriteFile(default_theme / "partials/logo.mustache", "logo");
  WriteFile(site_theme / "partials/logo.mustache", "{{> header}}");
  Diagnostics diag;
  CHECK_FALSE(TemplateSet::Load({site_theme, default_theme}, {"page"}, &diag));
  CHECK(Contains(FormatDiagnostics(diag), "partial 'header' includes itself: header -> logo -> header"));
}

TEST_CASE("a partial used many times is not a cycle") {
  fs::path theme = MakeTempDir();
  WriteFile(theme / "templates/page.mustache", "{{> a}}{{> a}}{{> b}}");
  WriteFile(theme / "partials/a.mustache", "a{{> c}}");
  WriteFile(theme / "partials/b.mustache", "b{{> c}}{{> a}}");
  WriteFile(theme / "partials/c.mustache", "c");
  Diagnostics diag;
  auto set = TemplateSet::Load({theme}, {"page"}, &diag);
  REQUIRE_MESSAGE(set, FormatDiagnostics(diag));
  CHECK(set->Render("page", Data(), Data()) == "acacbcac");
}

TEST_CASE("unescaped output is allowed only for *_html values") {
  fs::path theme = MakeTempDir();
  WriteFile(theme / "templates/page.mustache",
            "{{{content_html}}}\n{{{page.title}}}\n{{& summary}}\n{{&page.body_html}}\n");
  Diagnostics diag;
  CHECK_FALSE(TemplateSet::Load({theme}, {"page"}, &diag));
  std::vector<Diagnostic> all = diag.Sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].line == 2);
  CHECK(all[0].message ==
        "unescaped value 'page.title': only values named *_html are safe to insert without "
        "escaping; use {{page.title}}");
  CHECK(all[1].line == 3);
}

TEST_CASE("set-delimiter tags, bad partial names and broken templates are errors") {
  fs::path theme = MakeTempDir();
  WriteFile(theme / "templates/a.mustache", "{{=<% %>=}}<% x %>");
  WriteFile(theme / "templates/b.mustache", "{{> ../../etc/passwd}}");
  WriteFile(theme / "templates/c.mustache", "{{#open}}never closed");
  Diagnostics diag;
  CHECK_FALSE(TemplateSet::Load({theme}, {"a", "b", "c"}, &diag));
  std::string messages = FormatDiagnostics(diag);
  CHECK(Contains(messages, "a.mustache:1: error: set-delimiter tags are not supported"));
  CHECK(Contains(messages, "b.mustache:1: error: invalid partial name '../../etc/passwd'"));
  CHECK(Contains(messages, "c.mustache: error: invalid template: "));
  CHECK(diag.error_count() == 3);
}

TEST_CASE("static files: the first folder wins, dot files and symlinks are skipped") {
  fs::path site_theme = MakeTempDir();
  fs::path default_theme = MakeTempDir();
  WriteFile(default_theme / "static/css/kb.css", "default");
  WriteFile(default_theme / "static/js/kb.js", "js");
  WriteFile(default_theme / "static/.hidden", "x");
  WriteFile(site_theme / "static/css/kb.css", "site");
  WriteFile(site_theme / "static/fonts/a.woff2", "font");
  fs::create_symlink("/etc/hostname", site_theme / "static/host");
  auto files = ThemeStaticFiles({site_theme, default_theme});
  REQUIRE(files.size() == 3);
  CHECK(files[0] == std::pair<fs::path, std::string>{site_theme / "static/css/kb.css", "css/kb.css"});
  CHECK(files[1] ==
        std::pair<fs::path, std::string>{site_theme / "static/fonts/a.woff2", "fonts/a.woff2"});
  CHECK(files[2] == std::pair<fs::path, std::string>{default_theme / "static/js/kb.js", "js/kb.js"});
}

TEST_CASE("the default theme loads cleanly") {
  Diagnostics diag;
  auto set = TemplateSet::Load({kDefaultTheme},
                               {"page", "home", "section", "taxonomy", "term", "alias",
                                "language_chooser", "not_found", "sitemap", "feed", "search"},
                               &diag);
  CHECK_MESSAGE(set, FormatDiagnostics(diag));
  CHECK(diag.warning_count() == 0);
}
