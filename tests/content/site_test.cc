#include "generator/site.h"

#include <doctest/doctest.h>

#include "generator/link_resolver.h"

using namespace kbgen;

namespace {

std::unique_ptr<Page> MakePage(std::string lang, std::string rel, std::string title, int weight = 0) {
  auto p = std::make_unique<Page>();
  p->lang = lang;
  p->rel_path = rel;
  p->file = "content/" + lang + "/" + rel;
  p->is_section_index = rel == "_index.md" || rel.ends_with("/_index.md");
  auto slash = rel.rfind('/');
  p->section = slash == std::string::npos ? "" : rel.substr(0, slash);
  p->meta.title = title;
  p->meta.weight = weight;
  return p;
}

bool ByteLess(const std::string&, const std::string& a, const std::string& b) { return a < b; }

std::unique_ptr<Site> Build(std::vector<std::unique_ptr<Page>> pages, Diagnostics* diag) {
  return BuildSite(SiteConfig{}, std::move(pages), ByteLess, diag);
}

}  // namespace

TEST_CASE("translations are linked by path and URLs are pretty") {
  std::vector<std::unique_ptr<Page>> pages;
  pages.push_back(MakePage("en", "toolkit/mapping.md", "Mapping"));
  pages.push_back(MakePage("fr", "toolkit/mapping.md", "Cartographie"));
  pages.push_back(MakePage("en", "_index.md", "Home"));
  Diagnostics diag;
  auto site = Build(std::move(pages), &diag);
  CHECK_FALSE(diag.has_errors());
  const Page* fr = site->Find("fr", "toolkit/mapping");
  REQUIRE(fr);
  CHECK(fr->url == "/fr/toolkit/mapping/");
  CHECK(fr->output_path == "fr/toolkit/mapping/index.html");
  CHECK(site->TranslationsOf(*fr).size() == 2);
  CHECK(site->Find("en", "_index")->url == "/en/");
}

TEST_CASE("a missing translation is listed as the English original, marked as fallback") {
  std::vector<std::unique_ptr<Page>> pages;
  pages.push_back(MakePage("en", "toolkit/_index.md", "Toolkit"));
  pages.push_back(MakePage("en", "toolkit/a.md", "A", 2));
  pages.push_back(MakePage("en", "toolkit/b.md", "B", 1));
  pages.push_back(MakePage("fr", "toolkit/a.md", "A-fr", 2));
  Diagnostics diag;
  auto site = Build(std::move(pages), &diag);
  const Section& fr = site->sections.at("fr").at("toolkit");
  REQUIRE(fr.pages.size() == 2);
  CHECK(fr.pages[0].page->meta.title == "B");  // weight 1 first
  CHECK(fr.pages[0].is_fallback);
  CHECK(fr.pages[0].page->lang == "en");
  CHECK(fr.pages[1].page->meta.title == "A-fr");
  CHECK_FALSE(fr.pages[1].is_fallback);
  CHECK(fr.index.is_fallback);
  CHECK(fr.title == "Toolkit");
  CHECK(fr.url == "/fr/toolkit/");
  // Every language has every section, even without any page of its own.
  CHECK(site->sections.at("zh").at("toolkit").pages.size() == 2);
  CHECK(site->sections.at("zh").at("").subsections == std::vector<std::string>{"toolkit"});
}

TEST_CASE("slugs, translation keys and drafts") {
  std::vector<std::unique_ptr<Page>> pages;
  auto a = MakePage("en", "about-us.md", "About");
  a->meta.slug = "about";
  auto b = MakePage("fr", "a-propos.md", "À propos");
  b->meta.translation_key = "about-us";
  auto d = MakePage("en", "draft.md", "Draft");
  d->meta.draft = true;
  pages.push_back(std::move(a));
  pages.push_back(std::move(b));
  pages.push_back(std::move(d));
  Diagnostics diag;
  auto site = Build(std::move(pages), &diag);
  CHECK(site->Find("en", "about-us")->url == "/en/about/");
  CHECK(site->Find("fr", "about-us")->url == "/fr/a-propos/");
  CHECK(site->Find("en", "draft") == nullptr);
  CHECK(site->pages.size() == 2);
}

TEST_CASE("two pages with one output URL, and slugs that leave the folder, are errors") {
  std::vector<std::unique_ptr<Page>> pages;
  auto a = MakePage("en", "a.md", "A");
  auto b = MakePage("en", "b.md", "B");
  b->meta.slug = "a";
  auto c = MakePage("en", "c.md", "C");
  c->meta.slug = "..";
  pages.push_back(std::move(a));
  pages.push_back(std::move(b));
  pages.push_back(std::move(c));
  Diagnostics diag;
  Build(std::move(pages), &diag);
  auto all = diag.Sorted();
  REQUIRE(all.size() == 2);
  CHECK(FormatDiagnostic(all[0]) ==
        "content/en/b.md: error: output URL /en/a/ is also produced by content/en/a.md");
  CHECK(FormatDiagnostic(all[1]) ==
        "content/en/c.md: error: path segment '..' would leave the output folder or is not a "
        "valid file name (from 'slug')");
}

TEST_CASE("taxonomies collect terms per language, including fallbacks") {
  std::vector<std::unique_ptr<Page>> pages;
  auto a = MakePage("en", "countries/serbia.md", "Serbia");
  a->meta.region = {"Europe"};
  a->meta.tags = {"digital innovation profile", "policy", "policy"};
  auto b = MakePage("en", "countries/zimbabwe.md", "Zimbabwe");
  b->meta.region = {"Africa"};
  auto c = MakePage("ru", "countries/serbia.md", "Сербия");
  c->meta.region = {"Europe"};
  pages.push_back(std::move(a));
  pages.push_back(std::move(b));
  pages.push_back(std::move(c));
  Diagnostics diag;
  auto site = Build(std::move(pages), &diag);
  const Taxonomy& region = site->taxonomies.at("ru").at("region");
  CHECK(region.url == "/ru/region/");
  REQUIRE(region.terms.size() == 2);
  const TaxonomyTerm& europe = region.terms.at("europe");
  CHECK(europe.name == "Europe");
  CHECK(europe.url == "/ru/region/europe/");
  REQUIRE(europe.pages.size() == 1);
  CHECK(europe.pages[0].page->lang == "ru");
  CHECK(region.terms.at("africa").pages[0].is_fallback);
  CHECK(site->taxonomies.at("en").at("tags").terms.at("policy").pages.size() == 1);
}

TEST_CASE("links to source files become URLs in the reader's language") {
  std::vector<std::unique_ptr<Page>> pages;
  pages.push_back(MakePage("en", "toolkit/mapping.md", "Mapping"));
  pages.push_back(MakePage("en", "toolkit/policy.md", "Policy"));
  pages.push_back(MakePage("fr", "toolkit/mapping.md", "Cartographie"));
  pages.push_back(MakePage("fr", "about.md", "À propos"));
  pages.push_back(MakePage("en", "about.md", "About"));
  pages.push_back(MakePage("en", "countries/_index.md", "Countries"));
  Diagnostics diag;
  auto site = Build(std::move(pages), &diag);
  LinkResolver links(*site, {"en/toolkit/figure.png"}, "/kb/");
  const Page& fr_about = *site->Find("fr", "about");
  CHECK(links.Resolve(fr_about, "toolkit/mapping.md#steps").url == "/kb/fr/toolkit/mapping/#steps");
  // No French policy page: the English original.
  CHECK(links.Resolve(fr_about, "toolkit/policy.md").url == "/kb/en/toolkit/policy/");
  CHECK(links.Resolve(fr_about, "countries/_index.md").url == "/kb/en/countries/");
  CHECK(links.Resolve(fr_about, "../en/about.md").url == "/kb/en/about/");
  CHECK(links.Resolve(fr_about, "toolkit/figure.png").url == "/kb/en/toolkit/figure.png");
  CHECK(links.Resolve(fr_about, "https://www.itu.int/").url == "https://www.itu.int/");
  CHECK(links.Resolve(fr_about, "#top").url == "#top");
  CHECK(links.Resolve(fr_about, "/fr/search/?q=x").url == "/kb/fr/search/?q=x");
  CHECK(links.Resolve(fr_about, "missing.md").error ==
        "broken link 'missing.md': no page fr/missing.md nor an English original");
  CHECK(links.Resolve(fr_about, "../../../etc/passwd.md").error ==
        "link '../../../etc/passwd.md' leaves the content folder");
  CHECK(links.Resolve(fr_about, "../data/x.csv").error ==
        "link '../data/x.csv' leaves the language folder");
  CHECK(links.Resolve(fr_about, "img/none.png").error == "broken link 'img/none.png': no file fr/img/none.png");
}
