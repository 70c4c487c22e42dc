// The site renderer with the default theme on a small hand-built site:
// what a reader, a translator and a search engine see in the output.
#include "generator/renderer.h"

#include <doctest/doctest.h>

#include <thread>

#include "generator/view_model.h"
#include "render_fixture.h"

namespace fs = std::filesystem;
using namespace kbgen;
using namespace kbgen::testing;

namespace {

// en: home, toolkit (mapping, policy), about; fr: home, toolkit, mapping;
// ar: mapping. The French toolkit lists the English policy page as a fallback.
std::unique_ptr<Site> SmallSite() {
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
  explicit Fixture(std::unique_ptr<Site> s, std::vector<fs::path> dirs = {kDefaultTheme})
      : site(std::move(s)), catalogs(TestCatalogs()) {
    REQUIRE(catalogs);
    renderer = SiteRenderer::Create(*site, *catalogs, locales, dirs, &diag);
    REQUIRE_MESSAGE(renderer, AllMessages(diag));
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

std::string HtmlTag(const std::string& html) {
  auto start = html.find("<html");
  return start == std::string::npos ? "" : html.substr(start, html.find('>', start) - start + 1);
}

}  // namespace

TEST_CASE("every output file is a job, sorted by path; missing translations are not rendered") {
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
  std::string messages = AllMessages(f.diag);
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
    CHECK(Contains(AllMessages(diag), "error: missing template 'page'"));
  }
  {
    fs::path cyclic = MakeTempDir();
    WriteFile(cyclic / "partials/header.mustache", "{{> main_nav}}");
    WriteFile(cyclic / "partials/main_nav.mustache", "{{#menu}}{{> header}}{{/menu}}");
    Diagnostics diag;
    CHECK_FALSE(SiteRenderer::Create(*site, *catalogs, locales, {cyclic, kDefaultTheme}, &diag));
    CHECK(Contains(AllMessages(diag), "partial 'header' includes itself: header -> main_nav -> header"));
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

TEST_CASE("the sitemap lists hreflang alternates for translated pages") {
  Fixture f(SmallSite());
  std::string xml = f.Out("sitemap.xml");
  CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "));
  CHECK(Contains(xml, "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
  std::string mapping =
      "    <loc>https://kb.example.org/docs/en/toolkit/mapping/</loc>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"ar\" "
      "href=\"https://kb.example.org/docs/ar/toolkit/mapping/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"en\" "
      "href=\"https://kb.example.org/docs/en/toolkit/mapping/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" "
      "href=\"https://kb.example.org/docs/fr/toolkit/mapping/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" "
      "href=\"https://kb.example.org/docs/en/toolkit/mapping/\"/>\n"
      "  </url>";
  CHECK(Contains(xml, mapping));
  CHECK(Contains(xml, "<loc>https://kb.example.org/docs/en/toolkit/policy/</loc>\n  </url>"));
  CHECK(Contains(xml, "<loc>https://kb.example.org/docs/zh/toolkit/</loc>"));
  CHECK_FALSE(Contains(xml, "/search/"));
  CHECK_FALSE(Contains(xml, "old-mapping"));
  CHECK(At(xml, "/docs/ar/") < At(xml, "/docs/en/"));  // sorted by path
}

TEST_CASE("the Atom feed lists dated pages of its language, newest first") {
  Fixture f(SmallSite());
  std::string feed = f.Out("en/feed.xml");
  CHECK(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "
                         "xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"));
  CHECK(Contains(feed, "<title>Toolkit KB: latest pages</title>"));
  CHECK(Contains(feed, "  <updated>2018-12-01T00:00:00Z</updated>\n  <author>"));
  std::size_t mapping = At(feed, "<id>https://kb.example.org/docs/en/toolkit/mapping/</id>");
  std::size_t policy = At(feed, "<id>https://kb.example.org/docs/en/toolkit/policy/</id>");
  std::size_t about = At(feed, "<id>https://kb.example.org/docs/en/about/</id>");
  CHECK(mapping < policy);
  CHECK(policy < about);
  CHECK(about != std::string::npos);
  CHECK_FALSE(Contains(feed, "/fr/"));
  std::string fr = f.Out("fr/feed.xml");
  CHECK(Contains(fr, "/docs/fr/toolkit/mapping/"));
  CHECK_FALSE(Contains(fr, "/docs/en/"));  // fallbacks are not news in French
}

TEST_CASE("an alias becomes a redirect page; an alias outside the site is an error") {
  Fixture f(SmallSite());
  std::string html = f.Out("en/old-mapping/index.html");
  CHECK(Contains(html, "<meta http-equiv=\"refresh\" content=\"0; url=/docs/en/toolkit/mapping/\">"));
  CHECK(Contains(html, "<link rel=\"canonical\" href=\"https://kb.example.org/docs/en/toolkit/mapping/\">"));
  CHECK(Contains(html, "This page has moved to <a href=\"/docs/en/toolkit/mapping/\">"
                       "/docs/en/toolkit/mapping/</a>."));

  SiteBuilder b;
  b.Add("en", "a.md", "A")->meta.aliases = {"../../etc/cron.d/x", "https://evil.example/"};
  auto site = b.Build();
  auto catalogs = TestCatalogs();
  Locales locales;
  Diagnostics diag;
  CHECK_FALSE(SiteRenderer::Create(*site, *catalogs, locales, {kDefaultTheme}, &diag));
  CHECK(diag.error_count() == 2);
  CHECK(Contains(AllMessages(diag),
                 "content/en/a.md: error: alias '../../etc/cron.d/x' is not a path inside the site"));
}

TEST_CASE("alias paths") {
  std::string out;
  CHECK(AliasOutputPath("/en/old/", &out));
  CHECK(out == "en/old/index.html");
  CHECK(AliasOutputPath("en/old", &out));
  CHECK(out == "en/old/index.html");
  CHECK(AliasOutputPath("/fr/ancienne-page.html", &out));
  CHECK(out == "fr/ancienne-page.html");
  CHECK(AliasOutputPath("/ru/%D0%BF%D1%80%D0%BE%D1%84%D0%B8%D0%BB%D1%8C/", &out));
  CHECK(out == "ru/профиль/index.html");
  CHECK_FALSE(AliasOutputPath("", &out));
  CHECK_FALSE(AliasOutputPath("/", &out));
  CHECK_FALSE(AliasOutputPath("/en/../../x/", &out));
  CHECK_FALSE(AliasOutputPath("/en/%2e%2e/x/", &out));
  CHECK_FALSE(AliasOutputPath("//evil.example/x", &out));
  CHECK_FALSE(AliasOutputPath("/en/x?y=1", &out));
}

TEST_CASE("taxonomy terms are listed by collation of their translated names") {
  SiteBuilder b;
  const char* countries[] = {"Zambia", "Egypt", "Germany", "Austria"};
  for (const char* c : countries) {
    std::string slug = std::string(c);
    for (auto& ch : slug) ch = static_cast<char>(std::tolower(ch));
    b.Add("en", "countries/" + slug + ".md", c)->meta.country = {c};
    b.Add("fr", "countries/" + slug + ".md", c)->meta.country = {c};
  }
  Fixture f(b.Build());
  std::string fr = f.Out("fr/country/index.html");
  CHECK(Contains(fr, "<h1 class=\"list-header__title\">Pays</h1>"));
  std::size_t allemagne = At(fr, ">Allemagne</a>");
  std::size_t autriche = At(fr, ">Autriche</a>");
  std::size_t egypte = At(fr, ">Égypte</a>");
  std::size_t zambie = At(fr, ">Zambie</a>");
  CHECK(allemagne < autriche);
  CHECK(autriche < egypte);  // É sorts with E, not after Z as in byte order
  CHECK(egypte < zambie);
  CHECK(zambie != std::string::npos);
  CHECK(Contains(fr, "<a href=\"/docs/fr/country/egypt/\">Égypte</a> "
                     "<span class=\"term-index__count\">1 page</span>"));
  std::string term = f.Out("fr/country/egypt/index.html");
  CHECK(Contains(term, "<h1 class=\"list-header__title\">Égypte</h1>"));
  CHECK(Contains(term, "href=\"/docs/fr/countries/egypt/\""));
  // The country appears as a link on its page.
  std::string page = f.Out("fr/countries/egypt/index.html");
  CHECK(Contains(page, "<a class=\"tag\" href=\"/docs/fr/country/egypt/\">Égypte</a>"));
}

TEST_CASE("the language chooser and the 404 page speak every language") {
  Fixture f(SmallSite());
  std::string chooser = f.Out("index.html");
  for (const char* lang : {"ar", "en", "es", "fr", "ru", "zh"}) {
    CAPTURE(lang);
    CHECK(Contains(chooser, std::string("<a class=\"chooser__link\" href=\"/docs/") + lang +
                                "/\" hreflang=\"" + lang + "\""));
  }
  CHECK(Contains(chooser, "<li class=\"chooser__item\" lang=\"ar\" dir=\"rtl\">"));
  CHECK(Contains(chooser, "<span class=\"chooser__name\">Français</span>"));
  CHECK(Contains(chooser, "data-homes=\"{&quot;ar&quot;:&quot;/docs/ar/&quot;"));
  std::string nf = f.Out("404.html");
  CHECK(Contains(nf, "<h1 class=\"list-header__title\">Page not found</h1>"));
  CHECK(Contains(nf, "<a href=\"/docs/fr/\" hreflang=\"fr\">"));
  CHECK(Contains(nf, "<link rel=\"stylesheet\" href=\"/docs/css/kb.css\">"));
}

TEST_CASE("the search page works as a form and hands its strings to the script") {
  Fixture f(SmallSite());
  std::string page = f.Out("fr/search/index.html");
  CHECK(Contains(page, "action=\"/docs/fr/search/\" method=\"get\""));
  CHECK(Contains(page, "name=\"q\""));
  CHECK(Contains(page, "<option value=\"fr\" selected>Français</option>"));
  CHECK(Contains(page, "<noscript><p class=\"notice\">"));
  CHECK(Contains(page, "&quot;api&quot;:&quot;/docs/api/search&quot;"));
  CHECK(Contains(page, "<script src=\"/docs/js/search.js\" defer></script>"));
  CHECK(Contains(page, "<meta name=\"robots\" content=\"noindex\">"));
  std::string en = f.Out("en/search/index.html");
  // Plural forms: exact counts and a pattern per CLDR category.
  CHECK(Contains(en, "&quot;1&quot;:&quot;1 result&quot;"));
  CHECK(Contains(en, "&quot;other&quot;:&quot;{count} results&quot;"));
  CHECK(Contains(en, "&quot;didYouMean&quot;:&quot;Did you mean {suggestion}?&quot;"));
  // The browser formats numbers and dates with the build's locale.
  CHECK(Contains(en, "&quot;numberLocale&quot;:&quot;en-GB&quot;"));
  CHECK(Contains(f.Out("ar/search/index.html"), "&quot;numberLocale&quot;:&quot;ar-u-nu-latn&quot;"));
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
