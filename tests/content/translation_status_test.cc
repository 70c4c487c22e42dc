#include "generator/translation_status.h"

#include <doctest/doctest.h>

using namespace kbgen;

namespace {

std::unique_ptr<Page> MakePage(std::string lang, std::string rel) {
  auto p = std::make_unique<Page>();
  p->lang = lang;
  p->rel_path = rel;
  p->file = "content/" + lang + "/" + rel;
  p->meta.title = rel;
  return p;
}

}  // namespace

TEST_CASE("translation status: missing pages and translations older than the source") {
  std::vector<std::unique_ptr<Page>> pages;
  pages.push_back(MakePage("en", "a.md"));
  pages.push_back(MakePage("en", "b.md"));
  pages.push_back(MakePage("fr", "a.md"));
  pages.push_back(MakePage("ru", "a.md"));
  pages.push_back(MakePage("ru", "b.md"));
  pages.push_back(MakePage("ru", "only-ru.md"));  // no source: not counted
  Diagnostics diag;
  auto site = BuildSite(SiteConfig{}, std::move(pages),
                        [](const std::string&, const std::string& a, const std::string& b) {
                          return a < b;
                        },
                        &diag);
  std::map<std::string, std::int64_t> times = {
      {"content/en/a.md", 200}, {"content/en/b.md", 100}, {"content/fr/a.md", 300},
      {"content/ru/a.md", 150}, {"content/ru/b.md", 100}};
  auto status = ComputeTranslationStatus(*site, times);
  REQUIRE(status.size() == 5);  // every language but English
  const LanguageStatus& fr = status[2];
  CHECK(fr.lang == "fr");
  CHECK(fr.source_pages == 2);
  CHECK(fr.translated == 1);
  CHECK(fr.missing == std::vector<std::string>{"b.md"});
  CHECK(fr.outdated.empty());
  const LanguageStatus& ru = status[3];
  CHECK(ru.lang == "ru");
  CHECK(ru.translated == 2);
  CHECK(ru.missing.empty());
  CHECK(ru.outdated == std::vector<std::string>{"a.md"});  // 150 < 200; b.md equal: current
  CHECK(status[0].missing == std::vector<std::string>{"a.md", "b.md"});  // ar has nothing
}
