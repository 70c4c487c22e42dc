#include "generator/front_matter.h"
#include "generator/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using namespace kbgen;

namespace {

// The messages for content file a.md with `text`; empty when it parses.
std::string Errors(const std::string& text) {
  Diagnostics diag;
  auto file = ParseContentFile(text, "content/en/a.md", &diag);
  CHECK(file.has_value() == !diag.has_errors());
  return FormatDiagnostics(diag);
}

ContentFile Parse(const std::string& text) {
  Diagnostics diag;
  auto file = ParseContentFile(text, "content/en/a.md", &diag);
  INFO(FormatDiagnostics(diag));
  REQUIRE(file.has_value());
  return *file;
}

}  // namespace

TEST_CASE("front matter fills every field and the body keeps its line") {
  ContentFile f = Parse(
      "---\n"
      "title: Mapping an ecosystem\n"
      "date: 2018-05-08\n"
      "summary: \"How to map: a guide\"\n"
      "tags: [policy, startups]\n"
      "region: Europe\n"
      "country:\n"
      "  - Serbia\n"
      "  - Montenegro\n"
      "type: capacity building\n"
      "weight: 10\n"
      "draft: true\n"
      "slug: mapping\n"
      "aliases: [/old/mapping/]\n"
      "translationKey: map\n"
      "---\n"
      "# Body\n"
      "Text.\n");
  const FrontMatter& m = f.meta;
  CHECK(m.title == "Mapping an ecosystem");
  CHECK(m.date == Date{2018, 5, 8});
  CHECK(m.summary == "How to map: a guide");
  CHECK(m.tags == std::vector<std::string>{"policy", "startups"});
  CHECK(m.region == std::vector<std::string>{"Europe"});
  CHECK(m.country == std::vector<std::string>{"Serbia", "Montenegro"});
  CHECK(m.type == std::vector<std::string>{"capacity building"});
  CHECK(m.weight == 10);
  CHECK(m.draft);
  CHECK(m.slug == "mapping");
  CHECK(m.aliases == std::vector<std::string>{"/old/mapping/"});
  CHECK(m.translation_key == "map");
  CHECK(m.params.empty());
  CHECK(f.body == "# Body\nText.\n");
  CHECK(f.body_line == 17);
}

TEST_CASE("other keys become params with YAML 1.2 core types") {
  ContentFile f = Parse(
      "---\ntitle: no\nsource: no\ncount: 010\nratio: 0.5\nflag: false\nwhen: 2018-05-08\n"
      "partners: [ITU, UNDP]\ncontact: {name: A, phone: \"+41\"}\n---\n");
  CHECK(f.meta.title == "no");
  CHECK(f.meta.params ==
        nlohmann::json::parse(R"({"source": "no", "count": 10, "ratio": 0.5, "flag": false,
          "when": "2018-05-08", "partners": ["ITU", "UNDP"],
          "contact": {"name": "A", "phone": "+41"}})"));
  CHECK(f.body.empty());
  CHECK(f.body_line == 11);
}

TEST_CASE("`no`, `010` and quoted numbers keep their meaning in typed fields") {
  CHECK(Errors("---\ntitle: A\ndraft: no\n---\n") ==
        "content/en/a.md:3: error: 'draft' must be true or false, found 'no'\n");
  CHECK(Parse("---\ntitle: A\nweight: 010\n---\n").meta.weight == 10);
  CHECK(Parse("---\ntitle: 2018\n---\n").meta.title == "2018");
  CHECK(Errors("---\ntitle: A\nweight: \"3\"\n---\n") ==
        "content/en/a.md:3: error: 'weight' must be a whole number, found the string \"3\"\n");
  CHECK(Errors("---\ntitle: A\nweight: 99999999999\n---\n") ==
        "content/en/a.md:3: error: 'weight' must be a whole number from -2147483648 to "
        "2147483647, found '99999999999'\n");
}

TEST_CASE("a missing, empty or non-string title is an error with a line") {
  CHECK(Errors("---\ndate: 2018-05-08\n---\nBody\n") ==
        "content/en/a.md:1: error: front matter has no 'title'\n");
  CHECK(Errors("---\n---\nBody\n") == "content/en/a.md:1: error: front matter has no 'title'\n");
  CHECK(Errors("---\ntitle: [a, b]\n---\n") ==
        "content/en/a.md:2: error: 'title' must be a string, found a list\n");
  CHECK(Errors("---\ntitle: \"  \"\n---\n") ==
        "content/en/a.md:2: error: 'title' must not be empty\n");
  CHECK(Errors("---\nsummary: x\ntitle:\n---\n") ==
        "content/en/a.md:3: error: 'title' must not be empty\n");
}

TEST_CASE("dates must be real dates") {
  CHECK(Errors("---\ntitle: A\ndate: 2018-02-30\n---\n") ==
        "content/en/a.md:3: error: 'date' must be a real date written YYYY-MM-DD, found "
        "'2018-02-30'\n");
  CHECK(Errors("---\ntitle: A\ndate: May 2018\n---\n") ==
        "content/en/a.md:3: error: 'date' must be a real date written YYYY-MM-DD, found "
        "'May 2018'\n");
  CHECK(Parse("---\ntitle: A\ndate: \"2020-02-29\"\n---\n").meta.date == Date{2020, 2, 29});
}

TEST_CASE("lists, strings or lists, and slugs are checked") {
  CHECK(Errors("---\ntitle: A\ntags: policy\n---\n") ==
        "content/en/a.md:3: error: 'tags' must be a list of strings, found 'policy'\n");
  CHECK(Errors("---\ntitle: A\nregion: {a: b}\n---\n") ==
        "content/en/a.md:3: error: 'region' must be a string or a list of strings, found a "
        "map\n");
  CHECK(Errors("---\ntitle: A\ntags:\n  - a\n  - [b]\n---\n") ==
        "content/en/a.md:5: error: 'tags' item 2 must be a string, found a list\n");
  CHECK(Errors("---\ntitle: A\nslug: a/b\n---\n") ==
        "content/en/a.md:3: error: 'slug' must be one path segment, without '/' or '..', found "
        "'a/b'\n");
  CHECK(Errors("---\ntitle: A\nslug: ..\n---\n") ==
        "content/en/a.md:3: error: 'slug' must be one path segment, without '/' or '..', found "
        "'..'\n");
  CHECK(Errors("---\ntitle: A\nslug: \"\"\n---\n") ==
        "content/en/a.md:3: error: 'slug' must not be empty\n");
}

TEST_CASE("duplicate keys, aliases and extra documents are rejected with file lines") {
  CHECK(Errors("---\ntitle: A\nsummary: s\ntitle: B\n---\n") ==
        "content/en/a.md:4: error: duplicate key 'title' (first at line 2)\n");
  CHECK(Errors("---\ntitle: &t A\nsummary: *t\n---\n") ==
        "content/en/a.md:2: error: anchors (&t) are not allowed; write the value out\n"
        "content/en/a.md:3: error: aliases (*t) are not allowed; write the value out\n");
  CHECK(Errors("---\ntitle: &x [*x]\n---\n") ==
        "content/en/a.md:2: error: anchors (&x) are not allowed; write the value out\n"
        "content/en/a.md:2: error: aliases (*x) are not allowed; write the value out\n");
  CHECK(Errors("---\ntitle: A\n...\nsummary: x\n---\n") ==
        "content/en/a.md:4: error: a second YAML document starts here; only one is allowed\n");
}

TEST_CASE("an unclosed quote does not swallow the keys after it") {
  CHECK(Errors("---\ntitle: \"Hello\nsummary: x\n---\nBody\n") ==
        "content/en/a.md:2: error: quoted value at column 8 is never closed (missing \")\n");
  CHECK(Errors("---\ntitle: A\nsummary: 'It is\ndate: 2018-01-01'\n---\n") ==
        "content/en/a.md:3: error: quoted value at column 10 runs on to line 4, which looks "
        "like a key: is a closing quote missing?\n");
}

TEST_CASE("invalid UTF-8 anywhere in the file is an error with its line") {
  CHECK(Errors("---\ntitle: A\n---\nfine\nbad \xFF here\n") ==
        "content/en/a.md:5: error: invalid UTF-8 (byte 0xFF at column 5)\n");
  CHECK(Errors("---\ntitle: caf\xC3\n---\n") ==
        "content/en/a.md:2: error: invalid UTF-8 (byte 0xC3 at column 11)\n");
}

TEST_CASE("a raw control character in the file is an error with its line, shown printably") {
  // A NUL byte in front matter used to stop the YAML parser early and be
  // reported on the closing line, with the byte itself in the message.
  CHECK(Errors(std::string("---\ntitle: A\nsummary: x\0y\n---\nBody\n", 32)) ==
        "content/en/a.md:3: error: control character U+0000 at column 11; remove it (only tab "
        "and line breaks are allowed)\n");
  CHECK(Errors("---\ntitle: A\n---\nfine\nbell \x07 here\n") ==
        "content/en/a.md:5: error: control character U+0007 at column 6; remove it (only tab "
        "and line breaks are allowed)\n");
  CHECK(Errors("---\ntitle: A\n---\nC1 \xC2\x85 here\n") ==
        "content/en/a.md:4: error: control character U+0085 at column 4; remove it (only tab "
        "and line breaks are allowed)\n");
  CHECK(Errors("---\ntitle: A\n---\ntab\there\r\n") == "");
}

TEST_CASE("a control character written as a YAML escape is an error on its line") {
  CHECK(Errors("---\ntitle: A\nsummary: \"x\\0y\"\n---\n") ==
        "content/en/a.md:3: error: control character U+0000 in a value (from an escape such as "
        "\"\\0\"); write the text without it\n");
  CHECK(Errors("---\ntitle: \"\\x1b[31mred\"\n---\n") ==
        "content/en/a.md:2: error: control character U+001B in a value (from an escape such as "
        "\"\\0\"); write the text without it\n");
  CHECK(Errors("---\ntitle: A\ntags: [\"ok\", \"\\x85\"]\n---\n") ==
        "content/en/a.md:3: error: control character U+0085 in a value (from an escape such as "
        "\"\\0\"); write the text without it\n");
  // Tabs and line breaks from escapes stay allowed.
  CHECK(Parse("---\ntitle: \"a\\tb\\nc\"\n---\n").meta.title == "a\tb\nc");
}

TEST_CASE("a YAML error quoting half a character still prints as valid UTF-8") {
  // Found by fuzzing: yaml-cpp names a bad escape by its first byte only.
  std::string messages = Errors("---\ntitle: \"Tab\\\xEF\xBB\xBFt\"\n---\n");
  CHECK(messages.find("\\xEF") != std::string::npos);
  CHECK_FALSE(FindInvalidUtf8(messages));
  CHECK(PrintableText("ok \xC3\xA9 \xEF\xBB \x01") == "ok \xC3\xA9 \\xEF\\xBB \\x01");
}

TEST_CASE("the front matter must open the file and be closed") {
  CHECK(Errors("# Just Markdown\n") ==
        "content/en/a.md:1: error: the file must start with front matter: a '---' line, YAML "
        "with at least 'title', and another '---' line\n");
  CHECK(Errors("---\ntitle: A\nBody\n") ==
        "content/en/a.md:1: error: the front matter opened here is never closed by a '---' "
        "line\n");
  CHECK(Errors("") ==
        "content/en/a.md:1: error: the file must start with front matter: a '---' line, YAML "
        "with at least 'title', and another '---' line\n");
}

TEST_CASE("CRLF line ends, a byte order mark and `---` inside the body are handled") {
  ContentFile crlf = Parse("---\r\ntitle: A\r\n---\r\nBody\r\n");
  CHECK(crlf.meta.title == "A");
  CHECK(crlf.body == "Body\r\n");
  CHECK(crlf.body_line == 4);
  CHECK(Parse("\xEF\xBB\xBF---\ntitle: B\n---\n").meta.title == "B");
  ContentFile rule = Parse("---\ntitle: C\n---\nAbove\n\n---\n\nBelow\n");
  CHECK(rule.body == "Above\n\n---\n\nBelow\n");
}

TEST_CASE("a key written with other capitals is kept but warned about") {
  Diagnostics diag;
  auto f = ParseContentFile("---\ntitle: A\nTags: [x]\n---\n", "content/en/a.md", &diag);
  REQUIRE(f);
  CHECK(f->meta.tags.empty());
  CHECK(f->meta.params["Tags"] == nlohmann::json::array({"x"}));
  CHECK(FormatDiagnostics(diag) ==
        "content/en/a.md:3: warning: unknown key 'Tags' kept as a page parameter; did you mean "
        "'tags'?\n");
}

TEST_CASE("reading a file that is not there is an error naming it") {
  Diagnostics diag;
  CHECK_FALSE(LoadContentFile("/nonexistent/kbgen/a.md", "content/en/a.md", &diag));
  CHECK(FormatDiagnostics(diag) == "content/en/a.md: error: cannot read file\n");
}

TEST_CASE("front matter parses from several threads at once") {
  const std::string good = "---\ntitle: A\ntags: [x, y]\nextra: {n: 1}\n---\nBody\n";
  const std::string bad = "---\ntitle: A\ntitle: B\n---\n";
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        Diagnostics diag;
        auto f = ParseContentFile((i + t) % 2 ? good : bad, "content/en/a.md", &diag);
        bool right = (i + t) % 2
                         ? f && f->meta.tags.size() == 2 && f->meta.params["extra"]["n"] == 1
                         : !f && diag.error_count() == 1;
        if (!right) ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(failures == std::vector<int>{0, 0, 0, 0});
}
