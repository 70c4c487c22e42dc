// Builds the six-language fixture site with the real kbgen binary and
// checks what a reader, a translator and a publisher would check.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "site_check.h"

namespace fs = std::filesystem;
using namespace kbgen::testing;

namespace {

const fs::path kSource = KBGEN_SOURCE_DIR;
const fs::path kFixture = kSource / "tests/fixtures/multilingual";

std::vector<std::string> BuildArgs(const fs::path& content, const fs::path& out) {
  return {"build",   "--content", content.string(), "--out", out.string(),
          "--theme", (kSource / "themes/default").string(),
          "--i18n",  (kSource / "i18n").string(),
          "--config", (kFixture / "kbgen.yml").string()};
}

// One build of the fixture shared by the read-only checks.
const fs::path& BuiltSite() {
  static fs::path out = [] {
    fs::path dir = TempDir() / "site";
    RunResult r = RunKbgen(BuildArgs(kFixture / "content", dir));
    if (r.status != 0) FAIL("fixture build failed:\n" << r.output);
    return dir;
  }();
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The x attribute of the SVG <text> element whose content is `label`.
double TextX(const std::string& svg, const std::string& label) {
  auto end = svg.find(">" + label + "</text>");
  if (end == std::string::npos) return -1;
  auto x = svg.rfind(" x=\"", end);
  return std::stod(svg.substr(x + 4));
}

// "h1 x2", "h2 -> h4": what is wrong with a page's heading outline, "" if
// nothing (one h1, each heading at most one level below the one before).
std::string HeadingProblems(const std::string& html) {
  std::string problems;
  int h1 = 0, previous = 0;
  for (std::size_t at = html.find("<h"); at != std::string::npos; at = html.find("<h", at + 2)) {
    char level = at + 2 < html.size() ? html[at + 2] : 0;
    char after = at + 3 < html.size() ? html[at + 3] : 0;
    if (level < '1' || level > '6' || (after != ' ' && after != '>')) continue;
    int n = level - '0';
    if (n == 1) ++h1;
    if (n > previous + 1) {
      problems += "h" + std::to_string(previous) + " -> h" + std::to_string(n) + "; ";
    }
    previous = n;
  }
  if (h1 != 1) problems += "h1 x" + std::to_string(h1) + "; ";
  return problems;
}

fs::path CopyFixture() {
  fs::path dir = TempDir() / "content";
  fs::copy(kFixture / "content", dir, fs::copy_options::recursive);
  return dir;
}

}  // namespace

TEST_CASE("the fixture site has every page, section and home in six languages") {
  const fs::path& site = BuiltSite();
  for (const char* lang : {"ar", "en", "es", "fr", "ru", "zh"}) {
    CAPTURE(lang);
    CHECK(fs::exists(site / lang / "index.html"));
    CHECK(fs::exists(site / lang / "toolkit/index.html"));
    CHECK(fs::exists(site / lang / "toolkit/mapping/index.html"));
    CHECK(fs::exists(site / lang / "countries/serbia/index.html"));
    CHECK(fs::exists(site / lang / "feed.xml"));
  }
  CHECK(fs::exists(site / "index.html"));
  CHECK(fs::exists(site / "404.html"));
  CHECK(fs::exists(site / "sitemap.xml"));
  // French has no policy page: no file, and nothing may link to one.
  CHECK_FALSE(fs::exists(site / "fr/toolkit/policy/index.html"));
}

TEST_CASE("pages declare their language and direction") {
  const fs::path& site = BuiltSite();
  std::string ar = HtmlTag(ReadFile(site / "ar/toolkit/mapping/index.html"));
  CHECK(Contains(ar, "lang=\"ar\""));
  CHECK(Contains(ar, "dir=\"rtl\""));
  std::string zh = HtmlTag(ReadFile(site / "zh/toolkit/mapping/index.html"));
  CHECK(Contains(zh, "lang=\"zh\""));
  CHECK(Contains(zh, "dir=\"ltr\""));
}

TEST_CASE("translations are announced with hreflang, and only those that exist") {
  const fs::path& site = BuiltSite();
  std::string mapping = ReadFile(site / "en/toolkit/mapping/index.html");
  for (const char* lang : {"ar", "en", "es", "fr", "ru", "zh", "x-default"}) {
    CAPTURE(lang);
    CHECK(Contains(mapping, std::string("hreflang=\"") + lang + "\""));
  }
  std::string policy = ReadFile(site / "en/toolkit/policy/index.html");
  CHECK(Contains(policy, "hreflang=\"ru\""));
  CHECK_FALSE(Contains(policy, "hreflang=\"fr\""));
  CHECK_FALSE(Contains(policy, "/fr/toolkit/policy/"));
  std::string sitemap = ReadFile(site / "sitemap.xml");
  CHECK(Contains(sitemap, "xhtml:link"));
  CHECK(Contains(sitemap, "hreflang=\"zh\""));
}

TEST_CASE("a page missing in French is offered in English from the French section") {
  const fs::path& site = BuiltSite();
  std::string section = ReadFile(site / "fr/toolkit/index.html");
  CHECK(Contains(section, "/en/toolkit/policy/"));
  CHECK(Contains(section, "/fr/toolkit/mapping/"));
  // The French page's link to policy.md went to the English original.
  std::string mapping = ReadFile(site / "fr/toolkit/mapping/index.html");
  CHECK(Contains(mapping, "href=\"/en/toolkit/policy/\""));
}

TEST_CASE("links between source files become working URLs with heading anchors") {
  const fs::path& site = BuiltSite();
  std::string about = ReadFile(site / "fr/about/index.html");
  CHECK(Contains(about, "href=\"/fr/toolkit/mapping/#premiers-pas\""));
  std::string mapping_ru = ReadFile(site / "ru/toolkit/mapping/index.html");
  CHECK(Contains(mapping_ru, "id=\"первые-шаги\""));
  std::string mapping_zh = ReadFile(site / "zh/toolkit/mapping/index.html");
  CHECK(Contains(mapping_zh, "id=\"第一步\""));
}

TEST_CASE("taxonomy pages are translated in Arabic and Chinese") {
  const fs::path& site = BuiltSite();
  // The region index and the term page, with the term in the reader's language.
  std::string ar_index = ReadFile(site / "ar/region/index.html");
  CHECK(Contains(ar_index, "href=\"/ar/region/europe/\""));
  CHECK(Contains(ar_index, "أوروبا"));
  std::string ar_term = ReadFile(site / "ar/region/europe/index.html");
  CHECK(Contains(ar_term, "أوروبا"));
  CHECK(Contains(ar_term, "href=\"/ar/countries/serbia/\""));
  std::string zh_term = ReadFile(site / "zh/country/serbia/index.html");
  CHECK(Contains(zh_term, "塞尔维亚"));
  CHECK(Contains(zh_term, "href=\"/zh/countries/serbia/\""));
  // The page links its terms to the term pages.
  std::string zh_page = ReadFile(site / "zh/countries/serbia/index.html");
  CHECK(Contains(zh_page, "href=\"/zh/region/europe/\""));
}

TEST_CASE("a data block becomes a table and a chart, mirrored in Arabic") {
  const fs::path& site = BuiltSite();
  std::string zh = ReadFile(site / "zh/countries/serbia/index.html");
  CHECK(Contains(zh, "<table"));
  CHECK(Contains(zh, "<th scope=\"col\">知识共享</th>"));
  CHECK(Contains(zh, "<th scope=\"row\">非洲</th>"));
  CHECK(Contains(zh, "<svg"));
  CHECK(Contains(zh, "按区域分列的产品"));
  std::string ar = ReadFile(site / "ar/countries/serbia/index.html");
  REQUIRE(Contains(ar, "<svg"));
  CHECK(Contains(ar, "أفريقيا"));
  // Mirrored: the axis starts at the right, so the label of 0 lies to the
  // right of the label of the largest value.
  CHECK(TextX(ar, "0") > TextX(ar, "2"));
  std::string en = ReadFile(site / "en/countries/serbia/index.html");
  CHECK(TextX(en, "0") < TextX(en, "2"));
}

TEST_CASE("no internal link or anchor in the built site is broken") {
  CHECK(BrokenLinks(BuiltSite()) == std::vector<std::string>{});
}

TEST_CASE("aliases become redirect pages") {
  std::string redirect = ReadFile(BuiltSite() / "en/serbia-profile/index.html");
  CHECK(Contains(redirect, "http-equiv=\"refresh\""));
  CHECK(Contains(redirect, "/en/countries/serbia/"));
}

TEST_CASE("the same input gives byte-identical output") {
  fs::path second = TempDir() / "site";
  RunResult r = RunKbgen(BuildArgs(kFixture / "content", second));
  REQUIRE(r.status == 0);
  auto a = Snapshot(BuiltSite());
  auto b = Snapshot(second);
  REQUIRE(a.size() == b.size());
  for (const auto& [path, content] : a) {
    CAPTURE(path);
    CHECK(b[path] == content);
  }
}

TEST_CASE("a failed build reports every error and leaves the previous site exactly as it was") {
  fs::path out = TempDir() / "site";
  fs::path content = CopyFixture();
  REQUIRE(RunKbgen(BuildArgs(content, out)).status == 0);
  auto before = Snapshot(out);

  std::ofstream(content / "en/broken-yaml.md") << "---\ntitle: [unclosed\n---\nText\n";
  std::ofstream(content / "fr/no-title.md") << "---\ndate: 2018-01-01\n---\nText\n";
  std::ofstream(content / "es/bad-link.md") << "---\ntitle: Enlace\n---\n\nVer [x](nada.md).\n";
  RunResult r = RunKbgen(BuildArgs(content, out));
  CHECK(r.status != 0);
  CAPTURE(r.output);
  CHECK(Contains(r.output, "broken-yaml.md:3: error: invalid YAML"));
  CHECK(Contains(r.output, "no-title.md:1: error: front matter has no 'title'"));
  CHECK(Contains(r.output, "bad-link.md:5: error: broken link 'nada.md'"));
  CHECK(Snapshot(out) == before);
}

TEST_CASE("an unknown language folder and a symlink out of the content folder are errors") {
  fs::path out = TempDir() / "site";
  fs::path content = CopyFixture();
  fs::create_directories(content / "de");
  std::ofstream(content / "de/seite.md") << "---\ntitle: Seite\n---\n";
  fs::create_symlink("/etc/hostname", content / "en/host.md");
  RunResult r = RunKbgen(BuildArgs(content, out));
  CHECK(r.status != 0);
  CAPTURE(r.output);
  CHECK(Contains(r.output, "unknown language folder 'de'"));
  CHECK(Contains(r.output, "host.md: error: symlink leads outside the content folder"));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("kbgen search finds pages in their own language and script") {
  std::string site = BuiltSite().string();
  auto first_url = [&](const std::string& lang, const std::string& query) {
    RunResult r = RunKbgen({"search", "--site", site, "--lang", lang, "--json", query});
    CAPTURE(r.output);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.output);
    REQUIRE(j["results"].size() > 0);
    return j["results"][0]["url"].get<std::string>();
  };
  // Accents folded, and the title outranks the body.
  CHECK(first_url("fr", "ecosysteme") == "/fr/toolkit/mapping/");
  // Arabic without the diacritics of the text; Chinese without spaces.
  CHECK(first_url("ar", "تبين") == "/ar/toolkit/mapping/");
  CHECK(first_url("zh", "生态系统") == "/zh/toolkit/mapping/");
  CHECK(first_url("ru", "елка") == "/ru/toolkit/mapping/");
}

TEST_CASE("the shipped knowledge base builds with no warning and no broken link") {
  fs::path out = TempDir() / "site";
  RunResult r = RunKbgen({"build", "--content", (kSource / "content").string(), "--out",
                          out.string(), "--theme", (kSource / "themes/default").string(),
                          "--i18n", (kSource / "i18n").string(), "--config",
                          (kSource / "kbgen.yml").string()});
  CAPTURE(r.output);
  REQUIRE(r.status == 0);
  CHECK_FALSE(Contains(r.output, "warning:"));
  CHECK(BrokenLinks(out) == std::vector<std::string>{});
  for (const char* lang : {"ar", "en", "es", "fr", "ru", "zh"}) {
    CAPTURE(lang);
    CHECK(fs::exists(out / lang / "toolkit/mapping-an-ecosystem/index.html"));
    CHECK(fs::exists(out / lang / "countries/republic-of-moldova/index.html"));
  }
  // Every page made from a content file ends with its sources.
  int cited = 0;
  for (const auto& e : fs::recursive_directory_iterator(kSource / "content")) {
    fs::path rel = fs::relative(e.path(), kSource / "content");
    if (e.path().extension() != ".md" || *rel.begin() == "data") continue;
    fs::path page = rel.parent_path();
    if (rel.stem() != "_index") page /= rel.stem();
    CAPTURE(rel);
    std::string html = ReadFile(out / page / "index.html");
    CHECK(Contains(html, "<section class=\"sources\" aria-labelledby=\"kb-sources-title\">"));
    ++cited;
  }
  CHECK(cited == 240);
  // Every HTML page has one h1 and no skipped heading level.
  int pages = 0;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (e.path().extension() != ".html") continue;
    std::string html = ReadFile(e.path());
    if (Contains(html, "http-equiv=\"refresh\"")) continue;  // alias redirects
    CAPTURE(e.path());
    ++pages;
    CHECK(HeadingProblems(html) == "");
  }
  CHECK(pages > 480);
}

TEST_CASE("a build killed with SIGKILL half way leaves the previous site whole") {
  fs::path out = TempDir() / "site";
  fs::path content = CopyFixture();
  REQUIRE(RunKbgen(BuildArgs(content, out)).status == 0);
  auto before = Snapshot(out);
  // A bigger second version, so the kill lands while it is being written.
  for (int i = 0; i < 400; ++i) {
    std::ofstream(content / ("en/extra-" + std::to_string(i) + ".md"))
        << "---\ntitle: Extra " << i << "\n---\n\n" << std::string(2000, 'x') << "\n";
  }
  std::vector<std::string> args = BuildArgs(content, out);
  std::string cmd = std::string("'") + KBGEN_BINARY + "'";
  for (const auto& a : args) cmd += " '" + a + "'";
  for (int delay_ms : {20, 60, 150}) {
    CAPTURE(delay_ms);
    std::string run = "(" + cmd + " >/dev/null 2>&1 & pid=$!; sleep " +
                      std::to_string(delay_ms / 1000.0) + "; kill -9 $pid; wait $pid) 2>/dev/null";
    std::system(run.c_str());
    auto now = Snapshot(out);
    // Either the old site or (if the build beat the kill) the complete new one.
    bool old_site = now == before;
    bool new_site = now.count("en/extra-399/index.html") && now.count("sitemap.xml") &&
                    now.size() >= before.size() + 400;
    CHECK((old_site || new_site));
  }
  // The next build clears what the killed ones left and succeeds.
  CHECK(RunKbgen(BuildArgs(content, out)).status == 0);
  CHECK(fs::exists(out / "en/extra-399/index.html"));
}

TEST_CASE("kbgen status tells translators what is missing and what is out of date") {
  fs::path content = CopyFixture();
  // The English original changes after its translations were written.
  auto later = fs::last_write_time(content / "fr/about.md") + std::chrono::hours(1);
  fs::last_write_time(content / "en/about.md", later);
  RunResult r = RunKbgen({"status", "--content", content.string(), "--lang", "fr", "--json"});
  CAPTURE(r.output);
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.output);
  CHECK(j["fr"]["missing"] == nlohmann::json::array({"toolkit/policy.md"}));
  CHECK(j["fr"]["outdated"] == nlohmann::json::array({"about.md"}));
  CHECK(j["fr"]["translated"] == 5);
  RunResult bad = RunKbgen({"status", "--content", content.string(), "--lang", "de"});
  CHECK(bad.status == 2);
}
