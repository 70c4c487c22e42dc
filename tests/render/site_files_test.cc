// The site-wide output files: sitemap, feeds, redirects, taxonomy pages,
// the language chooser, the 404 page and the search page.
#include "generator/renderer.h"

#include <doctest/doctest.h>

#include "render_fixture.h"

namespace fs = std::filesystem;
using namespace kbgen;
using namespace kbgen::testing;

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

TEST_CASE("an alias becomes a redirect page, and an alias outside the site is an error") {
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
  CHECK(Contains(FormatDiagnostics(diag),
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
