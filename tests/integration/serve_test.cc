// `kbgen serve`: static files, the search API, and a rebuild picked up
// without a restart.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "serve_process.h"
#include "site_check.h"

namespace fs = std::filesystem;
using namespace kbgen::testing;

namespace {

const fs::path kSource = KBGEN_SOURCE_DIR;

fs::path BuildSite(const fs::path& content, const fs::path& out) {
  RunResult r = RunKbgen({"build", "--content", content.string(), "--out", out.string(),
                          "--theme", (kSource / "themes/default").string(), "--i18n",
                          (kSource / "i18n").string(), "-q"});
  REQUIRE_MESSAGE(r.status == 0, r.output);
  return out;
}

}  // namespace

TEST_CASE("kbgen serve answers pages, searches and bad requests, and sees a rebuild") {
  fs::path content = TempDir() / "content";
  fs::copy(kSource / "tests/fixtures/multilingual/content", content, fs::copy_options::recursive);
  fs::path site = BuildSite(content, TempDir() / "site");
  ServeProcess server(site);
  REQUIRE(server.port() > 0);
  httplib::Client client("127.0.0.1", server.port());

  auto page = client.Get("/fr/toolkit/mapping/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("lang=\"fr\"") != std::string::npos);
  auto missing = client.Get("/fr/nowhere/");
  REQUIRE(missing);
  CHECK(missing->status == 404);

  auto found = client.Get("/api/search?q=ecosysteme&lang=fr");
  REQUIRE(found);
  CHECK(found->status == 200);
  auto j = nlohmann::json::parse(found->body);
  CHECK(j["results"][0]["url"] == "/fr/toolkit/mapping/");
  auto bad = client.Get("/api/search?q=x&lang=de");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(nlohmann::json::parse(bad->body)["error"].get<std::string>().find("unknown language") !=
        std::string::npos);

  // A word that is not there yet; the rebuild adds it.
  auto before = client.Get("/api/search?q=zanzibarique&lang=fr");
  REQUIRE(before);
  CHECK(nlohmann::json::parse(before->body)["total"] == 0);
  std::ofstream(content / "fr/nouveau.md") << "---\ntitle: Nouveau\n---\n\nzanzibarique\n";
  BuildSite(content, site);
  auto after = client.Get("/api/search?q=zanzibarique&lang=fr");
  REQUIRE(after);
  CHECK(nlohmann::json::parse(after->body)["total"] == 1);
}
