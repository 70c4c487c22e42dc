// A page's sources (front matter `sources:` resolved against the site
// config) and term pages grouped by section, rendered with the default theme.
#include <doctest/doctest.h>

#include "render_fixture.h"

using namespace kbgen;
using namespace kbgen::testing;

namespace {

void AddSources(Site* site) {
  SourceDef report;
  report.url = "https://example.org/report";
  report.title = {{"en", "The report"}, {"fr", "Le rapport"}};
  report.parts["3.1"] = {{"en", "External actions"}, {"fr", "Actions externes"}};
  report.parts["4"] = {{"en", "Way forward"}};
  site->config.sources["report"] = report;
  SourceDef page;
  page.url = "https://example.org/p?a=1&b=2";
  page.title = {{"en", "ITU page"}};
  site->config.sources["itu"] = page;
}

}  // namespace

TEST_CASE("a page lists its sources at its end, in its language, parts under their source") {
  auto site = SmallSite();
  AddSources(site.get());
  for (auto& p : site->pages) {
    if (p->rel_path != "toolkit/mapping.md") continue;
    p->meta.params["sources"] = {"report 3.1", "itu", "report 4"};
  }
  Fixture f(std::move(site));
  std::string en = f.Out("en/toolkit/mapping/index.html");
  CHECK(FormatDiagnostics(f.diag) == "");
  CHECK(Contains(en, "<h2 class=\"sources__title\" id=\"kb-sources-title\">Sources</h2>"));
  CHECK(Contains(en, "<li><a href=\"https://example.org/report\" hreflang=\"en\">The report</a>\n"
                     "      <ul class=\"sources__parts\"><li>Chapter 3.1: External actions</li>"
                     "<li>Chapter 4: Way forward</li></ul></li>"));
  CHECK(Contains(en, "<a href=\"https://example.org/p?a=1&amp;b=2\" hreflang=\"en\">ITU page</a></li>"));
  CHECK(At(en, "The report") < At(en, "ITU page"));
  CHECK(At(en, "class=\"content\"") < At(en, "class=\"sources\""));

  // French: French titles where the config has them, English ones marked
  // as English, and the note that the sources are in English.
  std::string fr = f.Out("fr/toolkit/mapping/index.html");
  CHECK(Contains(fr, "hreflang=\"en\">Le rapport</a> <span class=\"sources__lang\">(en anglais)</span>"));
  CHECK(Contains(fr, "<li>Chapitre 3.1 : Actions externes</li>"));
  CHECK(Contains(fr, "<li>Chapitre 4 : <span lang=\"en\" dir=\"ltr\">Way forward</span></li>"));
  CHECK(Contains(fr, "hreflang=\"en\" lang=\"en\" dir=\"ltr\">ITU page</a>"));
}

TEST_CASE("a page without sources has no sources section, and unknown sources are errors") {
  auto site = SmallSite();
  AddSources(site.get());
  for (auto& p : site->pages) {
    if (p->lang == "en" && p->rel_path == "toolkit/policy.md") {
      p->meta.params["sources"] = {"nowhere", "report 9.9", "report"};
    }
  }
  Fixture f(std::move(site));
  CHECK_FALSE(Contains(f.Out("en/toolkit/mapping/index.html"), "class=\"sources\""));
  std::string policy = f.Out("en/toolkit/policy/index.html");
  CHECK(FormatDiagnostics(f.diag) ==
        "content/en/toolkit/policy.md: error: source 'report' has no part '9.9' (see "
        "'sources.report.parts' in the site config)\n"
        "content/en/toolkit/policy.md: error: unknown source 'nowhere' in 'sources' (the site "
        "config has: itu, report)\n");
  CHECK(Contains(policy, ">The report</a></li>"));  // the valid entry still shows
}

TEST_CASE("a term page groups its pages under one h2 per section, in listing order") {
  SiteBuilder b;
  b.Add("en", "_index.md", "Home");
  b.Add("en", "toolkit/_index.md", "Toolkit")->meta.weight = 2;
  b.Add("en", "countries/_index.md", "Countries")->meta.weight = 1;
  b.Add("en", "regions/_index.md", "Regions");
  for (const char* path : {"toolkit/b.md", "countries/c.md", "regions/r.md", "toolkit/a.md"}) {
    Page* p = b.Add("en", path, std::string("Page ") + path);
    p->meta.tags = {"policy"};
  }
  Fixture f(b.Build());
  std::string term = f.Out("en/tags/policy/index.html");
  std::size_t countries = At(term, "<h2 class=\"term-group__title\"><a href=\"/docs/en/countries/\">Countries</a></h2>");
  std::size_t toolkit = At(term, "<h2 class=\"term-group__title\"><a href=\"/docs/en/toolkit/\">Toolkit</a></h2>");
  std::size_t regions = At(term, "<h2 class=\"term-group__title\"><a href=\"/docs/en/regions/\">Regions</a></h2>");
  REQUIRE(countries != std::string::npos);
  REQUIRE(toolkit != std::string::npos);
  REQUIRE(regions != std::string::npos);
  // Weighted sections first (countries 1, toolkit 2), then the unweighted.
  CHECK(countries < toolkit);
  CHECK(toolkit < regions);
  CHECK(countries < At(term, "Page countries/c.md"));
  CHECK(At(term, "Page countries/c.md") < toolkit);
  CHECK(toolkit < At(term, "Page toolkit/b.md"));
  CHECK(At(term, "Page toolkit/a.md") < regions);
  CHECK(regions < At(term, "Page regions/r.md"));
  // One h1, then h2 and h3: no level skipped.
  CHECK(term.find("<h1") == term.rfind("<h1"));
  CHECK(At(term, "<h1") < At(term, "<h2"));
  CHECK(At(term, "<h2") < At(term, "<h3"));
}
