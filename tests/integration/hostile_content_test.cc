// Content a hostile or careless author can submit: active files, symlinks
// out of the content tree, control characters, aliases over generated
// files, and an output folder that is a symbolic link.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "site_check.h"

namespace fs = std::filesystem;
using namespace kbgen::testing;

namespace {

const fs::path kSource = KBGEN_SOURCE_DIR;
const fs::path kFixture = kSource / "tests/fixtures/multilingual";

std::vector<std::string> BuildArgs(const fs::path& content, const fs::path& out,
                                   const fs::path& config = kFixture / "kbgen.yml") {
  return {"build",   "--content", content.string(), "--out", out.string(),
          "--theme", (kSource / "themes/default").string(),
          "--i18n",  (kSource / "i18n").string(),
          "--config", config.string(), "--quiet"};
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

fs::path CopyFixture() {
  fs::path dir = TempDir() / "content";
  fs::copy(kFixture / "content", dir, fs::copy_options::recursive);
  return dir;
}

}  // namespace

TEST_CASE("HTML, SVG and other active files in content are refused unless unsafe_html is set") {
  fs::path content = CopyFixture();
  fs::path out = TempDir() / "site";
  std::ofstream(content / "en/evil.html") << "<script>alert(document.cookie)</script>\n";
  std::ofstream(content / "en/toolkit/logo.svg")
      << "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n";
  std::ofstream(content / "fr/page.XHTML") << "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>\n";
  std::ofstream(content / "en/toolkit/figure.png") << "not really a png";
  RunResult r = RunKbgen(BuildArgs(content, out));
  CAPTURE(r.output);
  CHECK(r.status == 1);
  for (std::string file : {"en/evil.html", "en/toolkit/logo.svg", "fr/page.XHTML"}) {
    CHECK(Contains(r.output, (content / file).string() +
                                 ": error: a file a browser runs as a page (HTML, SVG, XML, "
                                 "JavaScript) is not published; write the page in Markdown, or "
                                 "set options.unsafe_html if every author is trusted"));
  }
  CHECK_FALSE(Contains(r.output, "figure.png"));
  CHECK_FALSE(fs::exists(out));

  // A site whose authors are all trusted says so once, for raw HTML too.
  fs::path config = TempDir() / "kbgen.yml";
  std::ofstream(config) << "options:\n  unsafe_html: true\n";
  r = RunKbgen(BuildArgs(content, out, config));
  CAPTURE(r.output);
  CHECK(r.status == 0);
  CHECK(ReadFile(out / "en/evil.html") == "<script>alert(document.cookie)</script>\n");
}

TEST_CASE("a language folder or content/data linked out of the content tree is an error") {
  fs::path outside = TempDir() / "outside";
  fs::create_directories(outside / "fr");
  std::ofstream(outside / "fr/secret.txt") << "password\n";
  std::ofstream(outside / "fr/_index.md") << "---\ntitle: Accueil\n---\n";
  fs::create_directories(outside / "data");
  std::ofstream(outside / "data/products.csv") << "region,count\nsecret,42\n";

  fs::path content = CopyFixture();
  fs::remove_all(content / "fr");
  fs::create_directory_symlink(outside / "fr", content / "fr");
  fs::remove_all(content / "data");
  fs::create_directory_symlink(outside / "data", content / "data");
  fs::path out = TempDir() / "site";
  RunResult r = RunKbgen(BuildArgs(content, out));
  CAPTURE(r.output);
  CHECK(r.status == 1);
  CHECK(Contains(r.output, (content / "fr").string() +
                               ": error: symlink leads outside the content folder"));
  CHECK(Contains(r.output, (content / "data").string() +
                               ": error: symlink leads outside the content folder"));
  CHECK_FALSE(fs::exists(out));

  // A link that stays inside the tree is fine.
  fs::path inside = CopyFixture();
  fs::rename(inside / "data", inside / "shared-data");
  fs::create_directory_symlink(inside / "shared-data", inside / "data");
  fs::rename(inside / "shared-data", inside / "en/shared-data");
  fs::remove(inside / "data");
  fs::create_directory_symlink(inside / "en/shared-data", inside / "data");
  r = RunKbgen(BuildArgs(inside, out));
  CAPTURE(r.output);
  CHECK(r.status == 0);
}

TEST_CASE("control characters never reach the HTML or the Atom feed") {
  fs::path content = CopyFixture();
  fs::path out = TempDir() / "site";
  std::ofstream(content / "en/nul.md") << "---\ntitle: \"Bad\\0title\"\ndate: 2018-01-01\n---\n";
  std::ofstream(content / "en/esc.md", std::ios::binary)
      << "---\ntitle: Escape\n---\n\nText with \x1b[31m colour.\n";
  RunResult r = RunKbgen(BuildArgs(content, out));
  CAPTURE(r.output);
  CHECK(r.status == 1);
  CHECK(Contains(r.output, "nul.md:2: error: control character U+0000 in a value"));
  CHECK(Contains(r.output, "esc.md:5: error: control character U+001B at column 11"));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("an alias over a generated file is an error naming the page that declared it") {
  fs::path content = CopyFixture();
  fs::path out = TempDir() / "site";
  std::ofstream(content / "en/toolkit/style.md")
      << "---\ntitle: Style\naliases: [/css/kb.css]\n---\n";
  std::ofstream(content / "en/toolkit/news.md")
      << "---\ntitle: News\naliases: [/en/feed.xml/]\n---\n";
  RunResult r = RunKbgen(BuildArgs(content, out));
  CAPTURE(r.output);
  CHECK(r.status == 1);
  CHECK(Contains(r.output, (content / "en/toolkit/style.md").string() +
                               ": error: alias '/css/kb.css' needs css/kb.css to be a folder, "
                               "but that path is a file: " +
                               (kSource / "themes/default/static/css/kb.css").string()));
  CHECK(Contains(r.output, (content / "en/toolkit/news.md").string() +
                               ": error: alias '/en/feed.xml/' needs en/feed.xml to be a "
                               "folder, but that path is a file: the generated en/feed.xml"));
  CHECK_FALSE(Contains(r.output, ".kbgen-new"));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("an output folder that is a symbolic link stays a link, and its target gets the site") {
  fs::path content = CopyFixture();
  fs::path root = TempDir();
  fs::create_directories(root / "releases");
  REQUIRE(RunKbgen(BuildArgs(content, root / "releases/1")).status == 0);
  fs::create_directory_symlink("releases/1", root / "site");

  std::ofstream(content / "en/new-page.md") << "---\ntitle: New page\n---\n\nNew.\n";
  RunResult r = RunKbgen(BuildArgs(content, root / "site"));
  CAPTURE(r.output);
  REQUIRE(r.status == 0);
  CHECK(fs::is_symlink(root / "site"));
  CHECK(fs::read_symlink(root / "site") == "releases/1");
  CHECK(fs::exists(root / "releases/1/en/new-page/index.html"));
  // No staging or lock files left beside the link for the next deploy to trip on.
  CHECK_FALSE(fs::exists(root / ".site.kbgen-new"));
  CHECK_FALSE(fs::exists(root / "releases/.1.kbgen-new"));

  // A link to a folder that does not exist yet (the next release) is created.
  fs::remove(root / "site");
  fs::create_directory_symlink("releases/2", root / "site");
  r = RunKbgen(BuildArgs(content, root / "site"));
  CAPTURE(r.output);
  REQUIRE(r.status == 0);
  CHECK(fs::is_symlink(root / "site"));
  CHECK(fs::exists(root / "releases/2/en/new-page/index.html"));
}
