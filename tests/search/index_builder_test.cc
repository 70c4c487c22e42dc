// The index on disk: layout, stub files, generations, errors; and the
// pieces the builder uses (facets, synonyms, the documents).
#include "search/index_builder.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <xapian.h>

#include "search/document_maker.h"
#include "search/facets.h"
#include "search/schema.h"
#include "search/synonyms.h"
#include "tests/search/fixture.h"

namespace kbgen::search {
namespace {

using testing::FixtureOptions;
using testing::FixturePages;
using testing::TempDir;

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// "auto g0123456789abcdef\n" -> "g0123456789abcdef"
std::string Generation(const std::filesystem::path& site, const char* lang) {
  std::string stub = ReadFile(site / "search" / lang / "index.stub");
  REQUIRE(stub.size() == 23);
  REQUIRE(stub.rfind("auto g", 0) == 0);
  REQUIRE(stub.back() == '\n');
  return stub.substr(5, 17);
}

TEST_CASE("index builder: one database per language behind a stub file") {
  TempDir dir;
  std::string error;
  REQUIRE_MESSAGE(BuildIndexes(FixturePages(), dir.path(), FixtureOptions(), &error), error);
  for (const auto& spec : kLanguageSpecs) {
    std::string lang(spec.lang);
    CAPTURE(lang);
    std::string gen = Generation(dir.path(), lang.c_str());
    CHECK(std::filesystem::is_directory(dir.path() / "search" / lang / gen));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "search" / lang / "index.stub.tmp"));
    Xapian::Database db((dir.path() / "search" / lang / "index.stub").string());
    CHECK(db.get_metadata("kbgen:schema") == std::string(kSchemaVersion));
    CHECK(db.get_metadata("kbgen:lang") == lang);
    CHECK(db.get_doccount() == 2u + (lang == "en"));
  }
}

TEST_CASE("index builder: the generation follows the content") {
  TempDir a, b, c;
  std::string error;
  auto pages = FixturePages();
  REQUIRE(BuildIndexes(pages, a.path(), FixtureOptions(), &error));
  REQUIRE(BuildIndexes(pages, b.path(), FixtureOptions(), &error));
  pages[0].body += " changed";  // an English page
  REQUIRE(BuildIndexes(pages, c.path(), FixtureOptions(), &error));
  CHECK(Generation(a.path(), "en") == Generation(b.path(), "en"));
  CHECK(Generation(a.path(), "en") != Generation(c.path(), "en"));
  CHECK(Generation(a.path(), "fr") == Generation(c.path(), "fr"));
  CHECK(Generation(a.path(), "en") != Generation(a.path(), "fr"));
}

TEST_CASE("index builder: a single-file copy of each database, the same answers") {
  TempDir a, b;
  std::string error;
  auto pages = FixturePages();
  REQUIRE_MESSAGE(BuildIndexes(pages, a.path(), FixtureOptions(), &error), error);
  REQUIRE_MESSAGE(BuildIndexes(pages, b.path(), FixtureOptions(), &error), error);
  auto names = GenerationNames(pages, FixtureOptions());
  REQUIRE(names.size() == kLanguageSpecs.size());
  for (const auto& spec : kLanguageSpecs) {
    std::string lang(spec.lang);
    CAPTURE(lang);
    std::string gen = Generation(a.path(), lang.c_str());
    CHECK(names[lang] == gen);
    const auto file = a.path() / "search" / lang / (gen + ".glass");
    REQUIRE(std::filesystem::is_regular_file(file));
    // Byte-identical from one build to the next (no random UUID).
    CHECK(ReadFile(file) == ReadFile(b.path() / "search" / lang / (gen + ".glass")));
    Xapian::Database folder((a.path() / "search" / lang / "index.stub").string());
    Xapian::Database single(file.string());
    CHECK(single.get_doccount() == folder.get_doccount());
    CHECK(single.get_metadata("kbgen:facets") == folder.get_metadata("kbgen:facets"));
    for (const char* word : {"ecosystem", "innovation", "écosystème", "مصر", "创新"}) {
      Xapian::Enquire ef(folder), es(single);
      ef.set_query(Xapian::Query(word));
      es.set_query(Xapian::Query(word));
      auto mf = ef.get_mset(0, 10), ms = es.get_mset(0, 10);
      REQUIRE(mf.size() == ms.size());
      for (Xapian::doccount i = 0; i < mf.size(); ++i) {
        CHECK(mf[i].get_document().get_value(kSlotFields) ==
              ms[i].get_document().get_value(kSlotFields));
      }
    }
  }
}

TEST_CASE("index builder: the head holds block 0 and inner blocks, copied from the file") {
  TempDir dir;
  std::string error;
  REQUIRE_MESSAGE(BuildIndexes(FixturePages(), dir.path(), FixtureOptions(), &error), error);
  for (const char* lang : {"en", "zh"}) {
    CAPTURE(lang);
    std::string gen = Generation(dir.path(), lang);
    std::string file = ReadFile(dir.path() / "search" / lang / (gen + ".glass"));
    std::string head = ReadFile(dir.path() / "search" / lang / (gen + ".head"));
    const std::size_t block = kSingleFileBlockSize, record = 4 + block;
    REQUIRE(head.size() % record == 0);
    REQUIRE(head.size() >= record);
    CHECK(head.size() <= kSingleFileHeadBytes);
    long previous = -1;
    for (std::size_t at = 0; at < head.size(); at += record) {
      std::uint32_t b = 0;
      for (int i = 0; i < 4; ++i) {
        b |= static_cast<std::uint32_t>(static_cast<unsigned char>(head[at + i])) << (8 * i);
      }
      CHECK(static_cast<long>(b) > previous);  // in block order
      previous = b;
      REQUIRE((b + 1) * block <= file.size());
      CHECK(head.compare(at + 4, block, file, b * block, block) == 0);
      if (at == 0) {
        CHECK(b == 0);
      } else {
        CHECK(static_cast<unsigned char>(file[b * block + 4]) > 0);  // not a leaf
      }
    }
  }
}

TEST_CASE("index builder: no single-file copy when not asked for") {
  TempDir dir;
  std::string error;
  IndexOptions options = FixtureOptions();
  options.single_file = false;
  REQUIRE_MESSAGE(BuildIndexes(FixturePages(), dir.path(), options, &error), error);
  std::string gen = Generation(dir.path(), "en");
  CHECK_FALSE(std::filesystem::exists(dir.path() / "search" / "en" / (gen + ".glass")));
}

TEST_CASE("index builder: any number of threads gives the same index") {
  TempDir one, six;
  std::string error;
  IndexOptions options = FixtureOptions();
  options.threads = 1;
  REQUIRE(BuildIndexes(FixturePages(), one.path(), options, &error));
  options.threads = 0;
  REQUIRE(BuildIndexes(FixturePages(), six.path(), options, &error));
  for (const char* lang : {"ar", "en", "zh"}) CHECK(Generation(one.path(), lang) == Generation(six.path(), lang));
  Xapian::Database a((one.path() / "search/en/index.stub").string());
  Xapian::Database b((six.path() / "search/en/index.stub").string());
  for (Xapian::docid d = 1; d <= a.get_lastdocid(); ++d) CHECK(a.get_document(d).get_data() == b.get_document(d).get_data());
}

TEST_CASE("index builder: unknown languages are errors") {
  TempDir dir;
  std::string error;
  auto pages = FixturePages();
  pages.push_back(testing::Page("/de/x/", "de", "Titel", "", "", "Text"));
  CHECK_FALSE(BuildIndexes(pages, dir.path(), IndexOptions(), &error));
  CHECK(error == "page /de/x/: unknown language 'de'");
  IndexOptions options;
  options.synonyms["xx"]["a"] = {"b"};
  CHECK_FALSE(BuildIndexes(FixturePages(), dir.path(), options, &error));
  CHECK(error == "synonyms: unknown language 'xx'");
}

TEST_CASE("index builder: an unwritable folder is an error, not a crash") {
  TempDir dir;
  std::filesystem::path file = dir.path() / "file";
  std::ofstream(file) << "x";
  std::string error;
  CHECK_FALSE(BuildIndexes(FixturePages(), file, IndexOptions(), &error));
  CHECK(error.find((file / "search" / "ar").string()) == 0);
}

TEST_CASE("index builder: very long URLs and facet values still index") {
  TempDir dir;
  auto page = testing::Page("/en/" + std::string(400, 'a') + "/", "en", "Long", "", "", "body");
  page.tags = {std::string(300, 't')};
  std::string error;
  REQUIRE_MESSAGE(BuildIndexes({page}, dir.path(), IndexOptions(), &error), error);
  Xapian::Database db((dir.path() / "search/en/index.stub").string());
  CHECK(db.get_doccount() == 1);
}

TEST_CASE("document: terms, positions, weights and values") {
  std::string error;
  auto analyzer = Analyzer::Create("fr", &error);
  SynonymSet synonyms;
  FacetTable facets;
  DocumentMaker maker(analyzer.get(), &synonyms, &facets);
  PageRecord r = testing::Page("/fr/a/", "fr", "Économie", "toolkit", "Résumé", "L'économie.");
  r.date = "2018-05-08";
  r.region = {"Europe", "europe"};  // the same value twice counts once
  Xapian::Document doc = maker.Make(r);
  std::map<std::string, Xapian::termcount> wdf;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) wdf[*t] = t.get_wdf();
  // Title (wdf 5) at position 1; summary after a gap of 100; body after it.
  CHECK(wdf["economie"] == kTitleWdf + kBodyWdf);
  CHECK(wdf["Zeconom"] == kTitleWdf + kBodyWdf);
  CHECK(wdf["Seconomie"] == 1);
  CHECK(wdf["ZSeconom"] == 1);
  CHECK(wdf["resume"] == kSummaryWdf);
  CHECK(wdf.count("Q/fr/a/") == 1);
  CHECK(wdf.count("Lfr") == 1);
  CHECK(wdf.count("XSECTIONtoolkit") == 1);
  CHECK(wdf.count("XREGIONeurope") == 1);
  CHECK(wdf.count("Y2018") == 1);
  auto pos = doc.termlist_begin();
  pos.skip_to("economie");
  std::vector<Xapian::termpos> positions(pos.positionlist_begin(), pos.positionlist_end());
  // Title, the two region values (taxonomy fields), the summary, then the
  // body's second term.
  CHECK(positions == std::vector<Xapian::termpos>{1, 1 + 4 * (1 + kFieldGap) + 1});
  // The region values are searchable words, weighted like headings.
  CHECK(wdf["europe"] == 2 * kTaxonomyWdf);
  CHECK(doc.get_value(kSlotDate) == "20180508");
  CHECK(facets.values().size() == 3);  // section, region, year
  CHECK(doc.get_value(kSlotFacets) == EncodeFacetIds({0, 1, 2}));
  CHECK(maker.words().at("economie") == 2);
  CHECK(maker.stem_words().at("econom") == std::vector<std::string>{"economie"});
  // "Économie" (title) is one word; "L'économie" (body) two terms: not counted.
  CHECK(maker.display_forms().at("economie") == std::map<std::string, std::size_t>{{"économie", 1}});
  CHECK(maker.display_forms().count("resume") == 1);
  // Stems have no positions (the stem table stands in for them).
  auto z = doc.termlist_begin();
  z.skip_to("Zeconom");
  CHECK(z.positionlist_count() == 0);
}

TEST_CASE("document: Chinese words also index their characters") {
  std::string error;
  auto analyzer = Analyzer::Create("zh", &error);
  SynonymSet synonyms;
  FacetTable facets;
  DocumentMaker maker(analyzer.get(), &synonyms, &facets);
  Xapian::Document doc = maker.Make(testing::Page("/zh/a/", "zh", "", "", "", "数字创新"));
  std::vector<std::string> terms;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if ((*t)[0] < 'A' || (*t)[0] > 'Z') terms.push_back(*t);
  }
  CHECK(terms == std::vector<std::string>{"创", "创新", "字", "数", "数字", "新"});
}

TEST_CASE("facets: values normalised for filters, kept for display") {
  CHECK(NormalizeFacetValue("  Capacity\u00A0 BUILDING ") == "capacity building");
  CHECK(NormalizeFacetValue("Ｅｕｒｏｐｅ") == "europe");
  CHECK(FacetTerm(FindFacet("type"), "Capacity Building") == "XTYPEcapacity building");
  FacetTable table;
  CHECK(table.Add(1, "Capacity Building") == 0);
  CHECK(table.Add(1, "capacity building") == 0);
  CHECK(table.Add(2, "capacity building") == 1);  // another facet
  FacetTable parsed;
  REQUIRE(FacetTable::Parse(table.Serialize(), &parsed));
  REQUIRE(parsed.values().size() == 2);
  CHECK(parsed.values()[0].value == "Capacity Building");
  CHECK(parsed.values()[1].facet == 2);
  CHECK_FALSE(FacetTable::Parse("{", &parsed));
  CHECK_FALSE(FacetTable::Parse("[[\"colour\", \"x\"]]", &parsed));
  std::string long_term = BoundedTerm("Q", std::string(300, 'a'));
  CHECK(long_term.size() <= 240);
  CHECK(long_term != BoundedTerm("Q", std::string(301, 'a')));
}

TEST_CASE("synonyms: groups, parser entries, matching by stem") {
  std::string error;
  auto analyzer = Analyzer::Create("en", &error);
  SynonymConfig config;
  config["ICT"] = {"information and communication technology"};
  config["ict"] = {"digital technology"};  // shares a member: same group
  config["sdg"] = {"sustainable development goal"};
  SynonymSet set(config, analyzer.get());
  CHECK(set.parser_entries() == std::vector<std::pair<std::string, std::string>>{
                                    {"Zict", "XSYN0"},
                                    {"Zsdg", "XSYN1"},
                                    {"digital technology", "XSYN0"},
                                    {"ict", "XSYN0"},
                                    {"information and communication technology", "XSYN0"},
                                    // as a query reads it, without the stop word
                                    {"information communication technology", "XSYN0"},
                                    {"sdg", "XSYN1"},
                                    {"sustainable development goal", "XSYN1"},
                                });
  // Match keys are stems: "technologies" matches "technology".
  std::vector<std::string> keys;
  for (const auto& t : analyzer->Terms("ICTs and digital technologies")) keys.push_back(analyzer->Stem(t));
  std::vector<std::tuple<std::string, std::size_t, std::size_t>> found;
  set.Match(keys, [&](const std::string& g, std::size_t at, std::size_t n) { found.emplace_back(g, at, n); });
  CHECK(found == std::vector<std::tuple<std::string, std::size_t, std::size_t>>{{"XSYN0", 0, 1}, {"XSYN0", 2, 2}});
}

}  // namespace
}  // namespace kbgen::search
