// The in-browser engine's files as a build publishes them.
#include "search/browser_engine.h"

#include <doctest/doctest.h>

#include <fstream>

#include "tests/search/fixture.h"

namespace kbgen::search {
namespace {

void Write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

TEST_CASE("browser engine: files named after their contents") {
  testing::TempDir dir;
  for (const char* f : {"kbsearch-worker.js", "kbsearch.wasm", "icu-base.dat", "icu-zh.dat"}) {
    Write(dir.path() / f, std::string("contents of ") + f);
  }
  BrowserEngine engine;
  std::string error;
  REQUIRE_MESSAGE(FindBrowserEngine(dir.path(), &engine, &error), error);
  REQUIRE(engine.files.size() == 4);
  CHECK(engine.files[1].first == dir.path() / "kbsearch.wasm");
  CHECK(engine.files[1].second.rfind("search/engine/kbsearch-", 0) == 0);
  CHECK(engine.files[1].second.size() == std::string("search/engine/kbsearch-.wasm").size() + 16);
  CHECK(engine.wasm == "/" + engine.files[1].second);
  CHECK(engine.worker.rfind("/search/engine/kbsearch-worker-", 0) == 0);
  CHECK(engine.icu_zh.rfind("/search/engine/icu-zh-", 0) == 0);

  // Another content, another name; the same content, the same name.
  BrowserEngine again;
  REQUIRE(FindBrowserEngine(dir.path(), &again, &error));
  CHECK(again.wasm == engine.wasm);
  Write(dir.path() / "kbsearch.wasm", "a new engine");
  REQUIRE(FindBrowserEngine(dir.path(), &again, &error));
  CHECK(again.wasm != engine.wasm);
  CHECK(again.worker == engine.worker);
}

TEST_CASE("browser engine: a missing file is named") {
  testing::TempDir dir;
  Write(dir.path() / "kbsearch.wasm", "x");
  BrowserEngine engine;
  std::string error;
  CHECK_FALSE(FindBrowserEngine(dir.path(), &engine, &error));
  CHECK(error == (dir.path() / "kbsearch-worker.js").string() +
                     ": missing (scripts/build-wasm builds the in-browser search engine)");
}

TEST_CASE("browser engine: database paths") {
  CHECK(SingleFileDatabasePath("zh", "g0123456789abcdef") == "/search/zh/g0123456789abcdef.glass");
}

}  // namespace
}  // namespace kbgen::search
