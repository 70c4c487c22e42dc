// Data blocks: the HTML table with translated labels and localised numbers,
// the chart beside it (mirrored in Arabic), and every error naming the
// page file and line.
#include "generator/data_block.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "generator/page.h"

using namespace kbgen;
namespace fs = std::filesystem;

namespace {

// Small catalogs: English and Arabic say what the table needs.
std::unique_ptr<Catalogs> TestCatalogs() {
  std::map<std::string, std::string> texts;
  texts["en"] =
      "data:\n"
      "  region: Region\n"
      "  total: Total\n"
      "  chart_label: \"Bar chart: {caption}\"\n"
      "  chart_desc: Same figures as the table.\n"
      "  source: \"Source: {source}\"\n"
      "taxonomy:\n"
      "  country: Country\n"
      "terms:\n"
      "  Africa: Africa\n"
      "  Arab States: Arab States\n"
      "  knowledge sharing: Knowledge sharing\n"
      "  capacity building: Capacity building\n";
  texts["ar"] =
      "data:\n"
      "  region: المنطقة\n"
      "  total: المجموع\n"
      "  chart_label: \"مخطط شريطي: {caption}\"\n"
      "  chart_desc: الأرقام نفسها في الجدول.\n"
      "  source: \"المصدر: {source}\"\n"
      "taxonomy:\n"
      "  country: البلد\n"
      "terms:\n"
      "  Africa: أفريقيا\n"
      "  Arab States: الدول العربية\n"
      "  knowledge sharing: تقاسم المعارف\n"
      "  capacity building: بناء القدرات\n";
  for (const char* lang : {"es", "fr", "ru", "zh"}) texts[lang] = texts["en"];
  Diagnostics diag;
  auto c = Catalogs::FromTexts(texts, "i18n", &diag);
  REQUIRE(c != nullptr);
  return c;
}

class DataDir {
 public:
  // One folder per process: ctest runs test cases in parallel processes.
  DataDir()
      : dir_(fs::temp_directory_path() /
             ("kbgen_data_block_test." + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~DataDir() { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  const fs::path& path() const { return dir_; }

 private:
  fs::path dir_;
};

const char* kCsv =
    "region,knowledge sharing,capacity building,total\n"
    "Africa,1200,30.5,1230.5\n"
    "Arab States,5,7,12\n"
    "total,1205,37.5,1242.5\n";

struct Rendered {
  std::optional<std::string> html;
  std::string messages;
};

Rendered Render(const std::string& body, const std::string& lang, const DataDir& dir,
                const std::map<std::string, std::string>& numbering = {}) {
  static const std::unique_ptr<Catalogs> catalogs = TestCatalogs();
  Locales locales(numbering);
  Diagnostics diag;
  Rendered r;
  r.html = RenderDataBlock(body, 12, "content/" + lang + "/regions.md", lang, dir.path(), *catalogs,
                           locales.For(lang), &diag);
  r.messages = FormatDiagnostics(diag);
  CHECK(r.html.has_value() == !diag.has_errors());
  return r;
}

std::string TablePart(const std::string& html) {
  auto end = html.find("</table>");
  REQUIRE(end != std::string::npos);
  return html.substr(0, end + 8);
}

}  // namespace

TEST_CASE("an English data block: table with caption, scopes, labels and numbers") {
  DataDir dir;
  dir.Write("products.csv", kCsv);
  Rendered r =
      Render("file: products.csv\ncaption: Products: by region & type\nsource: ITU\n", "en", dir);
  REQUIRE(r.html);
  CHECK(r.messages == "");
  CHECK(TablePart(*r.html) ==
        "<div class=\"data-block\">\n"
        "<div class=\"data-table-scroll\" role=\"region\" aria-labelledby=\"kb-data-12-caption\" "
        "tabindex=\"0\">\n"
        "<table class=\"data-table\">\n"
        "<caption id=\"kb-data-12-caption\">Products: by region &amp; type</caption>\n"
        "<thead>\n"
        "<tr><th scope=\"col\">Region</th><th scope=\"col\">Knowledge sharing</th>"
        "<th scope=\"col\">Capacity building</th><th scope=\"col\">Total</th></tr>\n"
        "</thead>\n"
        "<tbody>\n"
        "<tr><th scope=\"row\">Africa</th><td class=\"num\">1,200</td><td class=\"num\">30.5</td>"
        "<td class=\"num\">1,230.5</td></tr>\n"
        "<tr><th scope=\"row\">Arab States</th><td class=\"num\">5</td><td class=\"num\">7</td>"
        "<td class=\"num\">12</td></tr>\n"
        "</tbody>\n"
        "<tfoot>\n"
        "<tr><th scope=\"row\">Total</th><td class=\"num\">1,205</td><td class=\"num\">37.5</td>"
        "<td class=\"num\">1,242.5</td></tr>\n"
        "</tfoot>\n"
        "</table>");
  const std::string& html = *r.html;
  CHECK(html.find("role=\"img\" aria-label=\"Bar chart: Products: by region &amp; type\"") !=
        std::string::npos);
  CHECK(html.find("<desc id=\"kb-data-12-chart-desc\">Same figures as the table.</desc>") !=
        std::string::npos);
  // Totals are in the table, not drawn: two series, two groups.
  CHECK(html.find(">Knowledge sharing</text>") != std::string::npos);
  CHECK(html.find(">Total</text>") == std::string::npos);
  CHECK(html.find(">1,242.5</text>") == std::string::npos);
  CHECK(html.find(">1,200</text>") != std::string::npos);
  CHECK(html.ends_with("</svg>\n<p class=\"data-source\">Source: ITU</p>\n</div>"));
}

TEST_CASE("an Arabic data block: translated labels, mirrored chart") {
  DataDir dir;
  dir.Write("products.csv", kCsv);
  Rendered r = Render("file: products.csv\ncaption: المنتجات\n", "ar", dir);
  REQUIRE(r.html);
  CHECK(r.messages == "");
  const std::string& html = *r.html;
  CHECK(html.find("<tr><th scope=\"col\">المنطقة</th><th scope=\"col\">تقاسم المعارف</th>"
                  "<th scope=\"col\">بناء القدرات</th><th scope=\"col\">المجموع</th></tr>") !=
        std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\">أفريقيا</th><td class=\"num\">1,200</td>"
                  "<td class=\"num\">30.5</td><td class=\"num\">1,230.5</td></tr>") !=
        std::string::npos);
  CHECK(html.find("aria-label=\"مخطط شريطي: المنتجات\"") != std::string::npos);
  // The first legend swatch sits at the right edge (720 - 8 - 12), its
  // label ends left of it, embedded right to left.
  CHECK(html.find("<rect x=\"700\" y=\"10\" width=\"12\" height=\"12\" fill=\"#0072B2\"/>\n"
                  "<text x=\"694\" y=\"20.6\" text-anchor=\"end\" fill=\"#1f1f1f\">"
                  "\u202Bتقاسم المعارف\u202C</text>") != std::string::npos);
  CHECK(html.find("text-anchor=\"start\" fill=\"#1f1f1f\">\u202Bأفريقيا\u202C</text>") !=
        std::string::npos);
  CHECK(html.find("<p class=\"data-source\">") == std::string::npos);
}

TEST_CASE("Arabic-Indic digits in tables when the site asks") {
  DataDir dir;
  dir.Write("products.csv", kCsv);
  Rendered r =
      Render("file: products.csv\ncaption: المنتجات\nchart: none\n", "ar", dir, {{"ar", "arab"}});
  REQUIRE(r.html);
  CHECK(r.html->find("<td class=\"num\">١٬٢٠٠</td><td class=\"num\">٣٠٫٥</td>") !=
        std::string::npos);
  CHECK(r.html->find("<svg") == std::string::npos);
}

TEST_CASE("YAML data, a taxonomy header, a year label and quoted values") {
  DataDir dir;
  dir.Write(
      "sub/years.yml",
      "- country: \"2018\"\n  knowledge sharing: 3\n- country: Africa\n  knowledge sharing: 4\n");
  Rendered r = Render("# the years table\nfile: sub/years.yml\ncaption: \"Years: \\\"all\\\"\"\n",
                      "fr", dir);
  REQUIRE(r.html);
  CHECK(r.html->find("<caption id=\"kb-data-12-caption\">Years: &quot;all&quot;</caption>") !=
        std::string::npos);
  CHECK(r.html->find("<th scope=\"col\">Country</th>") != std::string::npos);
  CHECK(r.html->find("<th scope=\"row\">2018</th>") != std::string::npos);
}

TEST_CASE("data block errors name the page file and line") {
  DataDir dir;
  dir.Write("products.csv", kCsv);
  dir.Write("bad.csv", "region,knowledge sharing\nAfrica,12\nArab States,many\n");
  dir.Write("unknown.csv", "region,knowledge sharing,colour\nAtlantis,1,2\n");
  dir.Write("negative.csv", "region,knowledge sharing\nAfrica,-3\n");

  CHECK(Render("file: missing.csv\ncaption: C\n", "en", dir).messages ==
        "content/en/regions.md:13: error: data file " +
            (dir.path() / "missing.csv").generic_string() + ": file not found\n");
  CHECK(Render("caption: C\nfile: bad.csv\n", "en", dir).messages ==
        "content/en/regions.md:14: error: data file " + (dir.path() / "bad.csv").generic_string() +
            ", line 3: 'many' is not a number (column 'knowledge sharing'); write numbers "
            "plainly, like 1234.5\n");
  CHECK(Render("file: unknown.csv\ncaption: C\n", "en", dir).messages ==
        "content/en/regions.md:13: error: data file " +
            (dir.path() / "unknown.csv").generic_string() +
            ", line 1: unknown key 'colour': neither a taxonomy term under 'terms:' in "
            "i18n/en.yml nor a string 'data.colour'\n"
            "content/en/regions.md:13: error: data file " +
            (dir.path() / "unknown.csv").generic_string() +
            ", line 2: unknown key 'Atlantis': neither a taxonomy term under 'terms:' in "
            "i18n/en.yml nor a string 'data.atlantis'\n");
  CHECK(Render("file: negative.csv\ncaption: C\n", "en", dir).messages ==
        "content/en/regions.md:13: error: data file " +
            (dir.path() / "negative.csv").generic_string() +
            ", line 2: a negative value cannot be drawn as a bar; use 'chart: none'\n");
  CHECK(Render("file: negative.csv\ncaption: C\nchart: none\n", "en", dir).messages == "");
}

TEST_CASE("data block syntax errors") {
  DataDir dir;
  dir.Write("products.csv", kCsv);
  CHECK(Render("file: products.csv\n", "en", dir).messages ==
        "content/en/regions.md:12: error: data block: 'caption:' must give the table's title in "
        "the page's language\n");
  CHECK(Render("caption: C\n", "en", dir).messages ==
        "content/en/regions.md:12: error: data block: 'file:' must name a data file in "
        "content/data/\n");
  CHECK(Render("file: products.csv\ncaption: C\ncolour: red\nchart: pie\nfile: x.csv\njunk\n", "en",
               dir)
            .messages ==
        "content/en/regions.md:15: error: data block: unknown key 'colour'; the keys are file, "
        "caption, chart, source\n"
        "content/en/regions.md:16: error: data block: 'chart' must be bar or none, not 'pie'\n"
        "content/en/regions.md:17: error: data block: 'file' is given twice (also on line 13)\n"
        "content/en/regions.md:18: error: data block: expected 'key: value', found 'junk'\n");
}

TEST_CASE("a data file must stay inside the data folder") {
  DataDir dir;
  dir.Write("products.csv", kCsv);
  std::string inside =
      "' must be a path inside " + dir.path().generic_string() + " (no '..', not absolute)\n";
  CHECK(Render("file: ../products.csv\ncaption: C\n", "en", dir).messages ==
        "content/en/regions.md:13: error: data block: '../products.csv" + inside);
  CHECK(Render("file: /etc/passwd.csv\ncaption: C\n", "en", dir).messages ==
        "content/en/regions.md:13: error: data block: '/etc/passwd.csv" + inside);
  fs::create_directory_symlink(fs::temp_directory_path(), dir.path() / "out");
  CHECK(Render("file: out/x.csv\ncaption: C\n", "en", dir).messages ==
        "content/en/regions.md:13: error: data block: 'out/x.csv" + inside);
}

TEST_CASE("one cache serves pages rendered on several threads") {
  DataDir dir;
  dir.Write("products.csv", kCsv);
  auto catalogs = TestCatalogs();
  Locales locales;
  DataFileCache cache;
  Diagnostics diag;
  std::vector<std::string> out(6);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    threads.emplace_back([&, i] {
      std::string lang(kLanguages[i]);
      auto html = RenderDataBlock("file: products.csv\ncaption: C\n", 3, "p.md", lang, dir.path(),
                                  *catalogs, locales.For(lang), &diag, &cache);
      out[i] = html.value_or("");
    });
  }
  for (auto& t : threads) t.join();
  CHECK(FormatDiagnostics(diag) == "");
  CHECK(out[0].find("أفريقيا") != std::string::npos);       // ar
  CHECK(out[1].find(">1,200<") != std::string::npos);       // en
  CHECK(out[3].find(">1\u202F200<") != std::string::npos);  // fr
}
