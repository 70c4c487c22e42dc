#include "generator/site_writer.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using kbgen::SiteWriter;

namespace {

fs::path TempDir() {
  char tmpl[] = "/tmp/kbgen-writer-XXXXXX";
  return fs::path(mkdtemp(tmpl));
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("a committed site replaces the previous one whole") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  std::string error;
  {
    auto w = SiteWriter::Open(out, &error);
    REQUIRE(w);
    REQUIRE(w->Write("en/index.html", "first", &error));
    REQUIRE(w->Write("old/only.html", "x", &error));
    REQUIRE(w->Commit(&error));
  }
  CHECK(Slurp(out / "en/index.html") == "first");
  {
    auto w = SiteWriter::Open(out, &error);
    REQUIRE(w);
    REQUIRE(w->Write("en/index.html", "second", &error));
    // Until Commit the old site is untouched.
    CHECK(Slurp(out / "en/index.html") == "first");
    REQUIRE(w->Commit(&error));
  }
  CHECK(Slurp(out / "en/index.html") == "second");
  CHECK_FALSE(fs::exists(out / "old/only.html"));
  CHECK(fs::exists(out / std::string(kbgen::kSiteMarker)));
  // No staging folder is left beside the site.
  for (const auto& e : fs::directory_iterator(root)) {
    CHECK(e.path().filename().string().find("kbgen-new") == std::string::npos);
  }
  std::error_code ec;  // a background removal of the old site may still run
  fs::remove_all(root, ec);
}

TEST_CASE("a writer dropped without commit leaves the previous site exactly as it was") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  std::string error;
  {
    auto w = SiteWriter::Open(out, &error);
    REQUIRE(w->Write("a/index.html", "kept", &error));
    REQUIRE(w->Commit(&error));
  }
  {
    auto w = SiteWriter::Open(out, &error);
    REQUIRE(w->Write("a/index.html", "lost", &error));
    REQUIRE(w->Write("b/index.html", "lost", &error));
  }
  CHECK(Slurp(out / "a/index.html") == "kept");
  CHECK_FALSE(fs::exists(out / "b"));
  CHECK_FALSE(fs::exists(root / ".site.kbgen-new"));
  std::error_code ec;  // a background removal of the old site may still run
  fs::remove_all(root, ec);
}

TEST_CASE("a build killed half way leaves the previous site, and the next build recovers") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  std::string error;
  {
    auto w = SiteWriter::Open(out, &error);
    REQUIRE(w->Write("index.html", "v1", &error));
    REQUIRE(w->Commit(&error));
  }
  pid_t child = fork();
  if (child == 0) {
    std::string e;
    auto w = SiteWriter::Open(out, &e);
    w->Write("index.html", "v2-partial", &e);
    _exit(0);  // dies without commit or cleanup, like SIGKILL
  }
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(Slurp(out / "index.html") == "v1");
  CHECK(fs::exists(root / ".site.kbgen-new"));  // the dead build's staging folder
  {
    auto w = SiteWriter::Open(out, &error);
    REQUIRE(w);
    REQUIRE(w->Write("index.html", "v3", &error));
    REQUIRE(w->Commit(&error));
  }
  CHECK(Slurp(out / "index.html") == "v3");
  std::error_code ec;  // a background removal of the old site may still run
  fs::remove_all(root, ec);
}

TEST_CASE("paths that would leave the output folder are refused") {
  fs::path root = TempDir();
  std::string error;
  auto w = SiteWriter::Open(root / "site", &error);
  REQUIRE(w);
  for (const char* bad : {"/etc/passwd", "../escape.html", "a/../../escape.html", "", "a//..",
                          "a/./b"}) {
    error.clear();
    CHECK_FALSE(w->Write(bad, "x", &error));
    CHECK(error == std::string(bad) + ": error: output path would leave the output folder");
  }
  CHECK_FALSE(fs::exists(root / "escape.html"));
  std::error_code ec;  // a background removal of the old site may still run
  fs::remove_all(root, ec);
}

TEST_CASE("a non-empty folder that kbgen did not build is not replaced") {
  fs::path root = TempDir();
  fs::create_directories(root / "docs");
  std::ofstream(root / "docs/important.txt") << "keep me";
  std::string error;
  auto w = SiteWriter::Open(root / "docs", &error);
  CHECK_FALSE(w);
  CHECK(error.find("refusing to replace a non-empty folder that kbgen did not build") !=
        std::string::npos);
  CHECK(Slurp(root / "docs/important.txt") == "keep me");
  std::error_code ec;  // a background removal of the old site may still run
  fs::remove_all(root, ec);
}

TEST_CASE("two builds of one folder at once: the second is refused") {
  fs::path root = TempDir();
  std::string error;
  auto first = SiteWriter::Open(root / "site", &error);
  REQUIRE(first);
  auto second = SiteWriter::Open(root / "site", &error);
  CHECK_FALSE(second);
  CHECK(error == (root / "site").string() + ": error: another kbgen build is writing this folder");
  std::error_code ec;  // a background removal of the old site may still run
  fs::remove_all(root, ec);
}
