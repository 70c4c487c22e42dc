#include "generator/synonym_files.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace kbgen {
namespace {

TEST_CASE("synonym file: groups of words and phrases") {
  Diagnostics diag;
  SynonymsByLanguage out;
  CHECK(ParseSynonymFile("# comment\n- [PPP, public-private partnership]\n"
                         "- [startup, start-up, start up]\n",
                         "i18n/synonyms/en.yml", "en", &out, &diag));
  CHECK(FormatDiagnostics(diag) == "");
  CHECK(out["en"]["PPP"] == std::vector<std::string>{"public-private partnership"});
  CHECK(out["en"]["startup"] == std::vector<std::string>{"start-up", "start up"});
  // An empty file is no synonyms.
  CHECK(ParseSynonymFile("", "i18n/synonyms/fr.yml", "fr", &out, &diag));
  CHECK(out.count("fr") == 0);
}

TEST_CASE("synonym file: errors name the file and line") {
  Diagnostics diag;
  SynonymsByLanguage out;
  CHECK_FALSE(ParseSynonymFile("PPP: partnership\n", "i18n/synonyms/en.yml", "en", &out, &diag));
  CHECK(FormatDiagnostics(diag).rfind("i18n/synonyms/en.yml:1: error: a synonyms file is a list of groups", 0) == 0);
  Diagnostics diag2;
  CHECK_FALSE(ParseSynonymFile("- [ok, fine]\n- [alone]\n- just a word\n", "s.yml", "en", &out, &diag2));
  const std::string messages = FormatDiagnostics(diag2);
  CHECK(messages.find("s.yml:2: error: a synonym group is a list of two or more") != std::string::npos);
  CHECK(messages.find("s.yml:3: error: a synonym group is a list of two or more") != std::string::npos);
  CHECK(out["en"]["ok"] == std::vector<std::string>{"fine"});  // the good group is kept
  Diagnostics diag3;
  CHECK_FALSE(ParseSynonymFile("- [a, b\n", "bad.yml", "en", &out, &diag3));
  CHECK(FormatDiagnostics(diag3).rfind("bad.yml:", 0) == 0);
}

TEST_CASE("synonym files: one per language below i18n/synonyms/") {
  const auto dir = std::filesystem::temp_directory_path() / "kbgen-synonym-files-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "synonyms");
  std::ofstream(dir / "synonyms" / "zh.yml") << "- [利益攸关方, 利益相关方]\n";
  std::ofstream(dir / "synonyms" / "xx.yml") << "- [not, read]\n";  // not a language
  Diagnostics diag;
  SynonymsByLanguage out;
  CHECK(LoadSynonymFiles(dir, &out, &diag));
  CHECK(FormatDiagnostics(diag) == "");
  CHECK(out.size() == 1);
  CHECK(out["zh"]["利益攸关方"] == std::vector<std::string>{"利益相关方"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("synonym files: the shipped ones load") {
  Diagnostics diag;
  SynonymsByLanguage out;
  CHECK(LoadSynonymFiles(std::filesystem::path(KBGEN_SOURCE_DIR) / "i18n", &out, &diag));
  CHECK(FormatDiagnostics(diag) == "");
  CHECK(out.size() == 6);
  CHECK(out["en"]["PPP"].size() >= 2);
}

}  // namespace
}  // namespace kbgen
