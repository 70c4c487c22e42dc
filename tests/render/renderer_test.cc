// The site renderer with the default theme on a small hand-built site:
// the jobs, language and direction, alternates, the switcher, fallbacks,
// navigation, theme override and errors, determinism.
#include "generator/renderer.h"

#include <doctest/doctest.h>

#include <thread>

#include "generator/view_model.h"
#include "render_fixture.h"

namespace fs = std::filesystem;
using namespace kbgen;
using namespace kbgen::testing;

TEST_CASE("every output file is a job, sorted by path, and missing translations are not rendered") {
  Fixture f(SmallSite());
  std::vector<RenderJob> jobs = f.renderer->Jobs();
  CHECK(std::is_sorted(jobs.begin(), jobs.end(), [](const RenderJob& a, const RenderJob& b) {
    return a.output_path < b.output_path;
  }));
  for (const char* path :
       {"index.html", "404.html", "sitemap.xml", "en/index.html", "en/toolkit/index.html",
        "en/toolkit/mapping/index.html", "en/toolkit/policy/index.html", "en/about/index.html",
        "en/feed.xml", "en/search/index.html", "en/tags/index.html", "en/tags/policy/index.html",
        "en/old-mapping/index.html", "fr/index.html", "fr/toolkit/index.html",
        "fr/toolkit/mapping/index.html", "zh/index.html", "zh/toolkit/index.html",
        "ar/feed.xml"}) {
    CAPTURE(path);
    CHECK(f.Has(path));
  }
  CHECK_FALSE(f.Has("fr/toolkit/policy/index.html"));
  CHECK_FALSE(f.Has("fr/about/index.html"));
  CHECK_FALSE(f.Has("en/region/index.html"));  // a taxonomy without terms
  CHECK(f.jobs["en/toolkit/index.html"].kind == RenderJob::Kind::kSection);
  CHECK(f.jobs["en/old-mapping/index.html"].kind == RenderJob::Kind::kAlias);
  CHECK(f.jobs["en/old-mapping/index.html"].target_url == "/docs/en/toolkit/mapping/");
  auto statics = f.renderer->StaticFiles();
  CHECK(std::find_if(statics.begin(), statics.end(),
                     [](const auto& s) { return s.second == "css/kb.css"; }) != statics.end());
}

TEST_CASE("pages declare their language and direction") {
  Fixture f(SmallSite());
  CHECK(HtmlTag(f.Out("en/toolkit/mapping/index.html")) == "<html lang=\"en\" dir=\"ltr\">");
  CHECK(HtmlTag(f.Out("ar/toolkit/mapping/index.html")) == "<html lang=\"ar\" dir=\"rtl\">");
  CHECK(HtmlTag(f.Out("ar/index.html")) == "<html lang=\"ar\" dir=\"rtl\">");
  CHECK(HtmlTag(f.Out("zh/toolkit/index.html")) == "<html lang=\"zh\" dir=\"ltr\">");
  CHECK(HtmlTag(f.Out("ar/search/index.html")) == "<html lang=\"ar\" dir=\"rtl\">");
}

TEST_CASE("canonical link and hreflang alternates name every translation and x-default") {
  Fixture f(SmallSite());
  std::string fr = f.Out("fr/toolkit/mapping/index.html");
  CHECK(Contains(fr, "<link rel=\"canonical\" "
                     "href=\"https://kb.example.org/docs/fr/toolkit/mapping/\">"));
  CHECK(Contains(fr, "<link rel=\"alternate\" hreflang=\"ar\" "
                     "href=\"https://kb.example.org/docs/ar/toolkit/mapping/\">"));
  CHECK(Contains(fr, "<link rel=\"alternate\" hreflang=\"en\" "
                     "href=\"https://kb.example.org/docs/en/toolkit/mapping/\">"));
  CHECK(Contains(fr, "<link rel=\"alternate\" hreflang=\"fr\" "
                     "href=\"https://kb.example.org/docs/fr/toolkit/mapping/\">"));
  CHECK(Contains(fr, "<link rel=\"alternate\" hreflang=\"x-default\" "
                     "href=\"https://kb.example.org/docs/en/toolkit/mapping/\">"));
  CHECK_FALSE(Contains(fr, "hreflang=\"es\""));
  CHECK_FALSE(Contains(fr, "hreflang=\"zh\""));
  // A section exists in every language.
  std::string section = f.Out("zh/toolkit/index.html");
  for (const char* lang : {"ar", "en", "es", "fr", "ru", "zh", "x-default"}) {
    CAPTURE(lang);
    CHECK(Contains(section, std::string("hreflang=\"") + lang + "\""));
  }
}

TEST_CASE("the language switcher links only to translations that exist") {
  Fixture f(SmallSite());
  std::string en = f.Out("en/toolkit/mapping/index.html");
  CHECK(Contains(en, "<a href=\"/docs/fr/toolkit/mapping/\" lang=\"fr\" hreflang=\"fr\" dir=\"ltr\""));
  CHECK(Contains(en, ">Français</a>"));
  CHECK(Contains(en, "<a href=\"/docs/ar/toolkit/mapping/\" lang=\"ar\" hreflang=\"ar\" dir=\"rtl\""));
  CHECK(Contains(en, ">العربية</a>"));
  CHECK_FALSE(Contains(en, "/docs/es/toolkit/mapping/"));
  CHECK_FALSE(Contains(en, "/docs/zh/toolkit/mapping/"));
  // A page in one language only has no switcher and no other-language link.
  std::string policy = f.Out("en/toolkit/policy/index.html");
  CHECK_FALSE(Contains(policy, "class=\"lang-switcher\""));
  CHECK_FALSE(Contains(policy, "/docs/fr/toolkit/policy/"));
}

TEST_CASE("a missing translation is offered in English, marked in the reader's language") {
  Fixture f(SmallSite());
  std::string fr = f.Out("fr/toolkit/index.html");
  CHECK(Contains(fr, "<a href=\"/docs/en/toolkit/policy/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">"
                     "Policy pillars</a> <span class=\"badge\">pas encore disponible en français"
                     "</span>"));
  CHECK(Contains(fr, "<a href=\"/docs/fr/toolkit/mapping/\">Cartographier un écosystème</a>"));
  CHECK_FALSE(Contains(fr, "/docs/fr/toolkit/policy/"));
  // In the section navigation and prev/next of the French page as well.
  std::string page = f.Out("fr/toolkit/mapping/index.html");
  CHECK(Contains(page, "href=\"/docs/en/toolkit/policy/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\""));
  CHECK(Contains(page, "rel=\"next\" href=\"/docs/en/toolkit/policy/\""));
  // Arabic, right to left, with an English entry isolated as left to right.
  std::string ar = f.Out("ar/toolkit/index.html");
  CHECK(Contains(ar, "lang=\"en\" dir=\"ltr\">Policy pillars</a> <span class=\"badge\">"
                     "غير متاح بالعربية بعد</span>"));
  // The home of a language without its own _index.md shows the English text
  // with the notice.
  std::string zh = f.Out("zh/index.html");
  CHECK(Contains(zh, "This text is not yet available in your language."));
  CHECK(Contains(zh, "<div class=\"content\" lang=\"en\" dir=\"ltr\">"));
}

TEST_CASE("a site can override one partial of the default theme") {
  fs::path site_theme = MakeTempDir();
  WriteFile(site_theme / "partials/footer.mustache",
            "<footer class=\"custom\">{{t.site.footer}} ({{lang}})</footer>\n");
  Fixture f(SmallSite(), {site_theme, kDefaultTheme});
  std::string page = f.Out("en/toolkit/mapping/index.html");
  CHECK(Contains(page, "<footer class=\"custom\">Published by the programme. (en)</footer>"));
  CHECK_FALSE(Contains(page, "site-footer"));
  CHECK(Contains(page, "class=\"site-header\""));  // the rest is the default theme
}

TEST_CASE("a missing template or a partial cycle stops the renderer with an error") {
  fs::path empty = MakeTempDir();
  auto site = SmallSite();
  auto catalogs = TestCatalogs();
  Locales locales;
  {
    Diagnostics diag;
    CHECK_FALSE(SiteRenderer::Create(*site, *catalogs, locales, {empty}, &diag));
    CHECK(Contains(FormatDiagnostics(diag), "error: missing template 'page'"));
  }
  {
    fs::path cyclic = MakeTempDir();
    WriteFile(cyclic / "partials/header.mustache", "{{> main_nav}}");
    WriteFile(cyclic / "partials/main_nav.mustache", "{{#menu}}{{> header}}{{/menu}}");
    Diagnostics diag;
    CHECK_FALSE(SiteRenderer::Create(*site, *catalogs, locales, {cyclic, kDefaultTheme}, &diag));
    CHECK(Contains(FormatDiagnostics(diag), "partial 'header' includes itself: header -> main_nav -> header"));
  }
}

TEST_CASE("breadcrumbs, table of contents, section navigation and previous/next") {
  Fixture f(SmallSite());
  std::string page = f.Out("en/toolkit/mapping/index.html");
  std::size_t home = At(page, "<li><a href=\"/docs/en/\">Home</a></li>");
  std::size_t toolkit = At(page, "<li><a href=\"/docs/en/toolkit/\">Toolkit</a></li>");
  std::size_t current = At(page, "<li><span aria-current=\"page\">Mapping an ecosystem</span></li>");
  CHECK(home < toolkit);
  CHECK(toolkit < current);
  CHECK(current != std::string::npos);
  CHECK(Contains(page, "<li><a href=\"#first-steps\">First steps</a>"));
  CHECK(Contains(page, "<li><a href=\"#partners\">Partners</a></li>"));
  CHECK(At(page, "href=\"#partners\"") < At(page, "href=\"#who-takes-part\""));
  CHECK(Contains(page, "<a href=\"/docs/en/toolkit/mapping/\" aria-current=\"page\">"
                       "Mapping an ecosystem</a>"));
  CHECK(Contains(page, "rel=\"next\" href=\"/docs/en/toolkit/policy/\""));
  CHECK_FALSE(Contains(page, "rel=\"prev\""));
  CHECK(Contains(page, "<time datetime=\"2018-12-01\">"));
  CHECK(Contains(page, "Published on <time datetime=\"2018-12-01\">"));
  CHECK(Contains(page, "<a class=\"tag\" href=\"/docs/en/tags/policy/\">policy</a>"));
  CHECK(Contains(page, "id=\"kb-main\""));
  CHECK(Contains(page, "<a class=\"skip-link\" href=\"#kb-main\">Skip to content</a>"));
  // The home page and menus.
  std::string home_page = f.Out("en/index.html");
  CHECK(Contains(home_page, "<a href=\"/docs/en/toolkit/\">Toolkit</a>"));
  CHECK(Contains(page, "<a href=\"/docs/en/toolkit/\" aria-current=\"true\">Toolkit</a>"));
}

TEST_CASE("the section navigation of a long section is a bounded window") {
  SiteBuilder b;
  for (int i = 0; i < 200; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "big/p%03d.md", i);
    b.Add("en", name, "Page " + std::to_string(i))->meta.weight = i + 1;
  }
  Fixture f(b.Build());
  std::string page = f.Out("en/big/p100/index.html");
  std::size_t start = At(page, "class=\"section-nav__list\"");
  std::string nav = page.substr(start, page.find("</ul>", start) - start);
  std::size_t links = 0;
  for (auto pos = nav.find("<li>"); pos != std::string::npos; pos = nav.find("<li>", pos + 1)) ++links;
  CHECK(links == kSectionNavWindow);
  CHECK(Contains(nav, "/docs/en/big/p100/"));
  CHECK_FALSE(Contains(nav, "/docs/en/big/p000/"));
  CHECK(Contains(page, "class=\"section-nav__more\"><a href=\"/docs/en/big/\">200 pages</a>"));
}

TEST_CASE("rendering is deterministic and the same from several threads") {
  Fixture f(SmallSite());
  std::vector<RenderJob> jobs = f.renderer->Jobs();
  std::vector<std::string> first(jobs.size()), second(jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) first[i] = f.renderer->Render(jobs[i], &f.diag);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < jobs.size(); i += 4) second[i] = f.renderer->Render(jobs[i], &f.diag);
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    CAPTURE(jobs[i].output_path);
    CHECK(first[i] == second[i]);
    CHECK_FALSE(first[i].empty());
  }
}
