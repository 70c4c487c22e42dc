#include "generator/yaml_strict.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kbgen;

namespace {

// All messages, one a line, so doctest shows them when a check fails.
std::string Lines(std::initializer_list<std::string> lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// Parses `text` as x.yml (first line 1) and returns the messages.
std::string ParseErrors(const std::string& text, int first_line = 1) {
  Diagnostics diag;
  auto node = ParseYamlStrict(text, {"x.yml", first_line}, &diag);
  CHECK(node.has_value() == !diag.has_errors());
  return FormatDiagnostics(diag);
}

YAML::Node Parse(const std::string& text) {
  Diagnostics diag;
  auto node = ParseYamlStrict(text, {"x.yml", 1}, &diag);
  REQUIRE(node.has_value());
  return *node;
}

}  // namespace

TEST_CASE("strict YAML accepts ordinary maps, lists and quoted strings") {
  YAML::Node n = Parse("title: \"A: b\"\ntags: [x, y]\nnested:\n  key: 'it''s'\n");
  CHECK(n["title"].Scalar() == "A: b");
  CHECK(n["tags"].size() == 2);
  CHECK(n["nested"]["key"].Scalar() == "it's");
  CHECK(Parse("").IsNull());
}

TEST_CASE("duplicate keys are errors with both lines, at any depth") {
  CHECK(ParseErrors("a: 1\nb: 2\na: 3\n") ==
        Lines({"x.yml:3: error: duplicate key 'a' (first at line 1)"}));
  CHECK(ParseErrors("m:\n  k: 1\n  k: 2\nn: {k: 1, k: 2}\n") ==
        Lines({"x.yml:3: error: duplicate key 'k' (first at line 2)",
               "x.yml:4: error: duplicate key 'k' (first at line 4)"}));
  // The same key in different maps is fine.
  CHECK(ParseErrors("a: {k: 1}\nb: {k: 2}\n").empty());
}

TEST_CASE("line numbers count from the text's first line in the file") {
  CHECK(ParseErrors("a: 1\na: 2\n", 5) ==
        Lines({"x.yml:6: error: duplicate key 'a' (first at line 5)"}));
}

TEST_CASE("anchors and aliases are rejected, a self-referencing alias too") {
  CHECK(ParseErrors("a: &x 1\nb: *x\n") ==
        Lines({"x.yml:1: error: anchors (&x) are not allowed; write the value out",
               "x.yml:2: error: aliases (*x) are not allowed; write the value out"}));
  CHECK(ParseErrors("a: &x [*x]\n") ==
        Lines({"x.yml:1: error: anchors (&x) are not allowed; write the value out",
               "x.yml:1: error: aliases (*x) are not allowed; write the value out"}));
  CHECK(ParseErrors("- &self {a: *self}\n") ==
        Lines({"x.yml:1: error: anchors (&self) are not allowed; write the value out",
               "x.yml:1: error: aliases (*self) are not allowed; write the value out"}));
}

TEST_CASE("a second document is an error") {
  CHECK(ParseErrors("a: 1\n---\nb: 2\n") ==
        Lines({"x.yml:2: error: a second YAML document starts here; only one is allowed"}));
  CHECK(ParseErrors("a: 1\n...\nb: 2\n") ==
        Lines({"x.yml:3: error: a second YAML document starts here; only one is allowed"}));
  // A document end marker alone is fine.
  CHECK(ParseErrors("a: 1\n...\n").empty());
}

TEST_CASE("nesting deeper than the limit is an error with its line, never a crash") {
  std::string deep = "a: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  CHECK(ParseErrors(deep) ==
        Lines({"x.yml:1: error: lists and maps are nested more than 64 levels deep"}));
  std::string block;
  for (int i = 0; i < 70; ++i) block += std::string(i * 2, ' ') + "k:\n";
  CHECK(ParseErrors("top: 1\n" + block) ==
        Lines({"x.yml:66: error: lists and maps are nested more than 64 levels deep"}));
  std::string ok = "a: " + std::string(63, '[') + std::string(63, ']') + "\n";
  CHECK(ParseErrors(ok).empty());
}

TEST_CASE("an unclosed quote is found, not allowed to swallow the keys after it") {
  CHECK(ParseErrors("title: \"Hello\nsummary: x\ndate: 2018-01-01\n") ==
        Lines({"x.yml:1: error: quoted value at column 8 is never closed (missing \")"}));
  CHECK(ParseErrors("title: \"Hello\nsummary: x\"\n") ==
        Lines({"x.yml:1: error: quoted value at column 8 runs on to line 2, which looks like a "
               "key: is a closing quote missing?"}));
  CHECK(ParseErrors("title: 'It''s\n  tags: x'\n").empty());  // indented: a real value
  // A quoted value may run over lines when the lines are indented.
  CHECK(Parse("t: \"one\n  two\"\n")["t"].Scalar() == "one two");
}

TEST_CASE("syntax errors give line and column") {
  CHECK(ParseErrors("a: b\nc: [1, 2\n") ==
        Lines({"x.yml:3: error: invalid YAML at column 1: end of sequence flow not found"}));
  CHECK(ParseErrors("a: b: c\n") ==
        Lines({"x.yml:1: error: invalid YAML at column 5: illegal map value"}));
  // Columns count characters, not bytes.
  CHECK(ParseErrors("ключ: b: c\n") ==
        Lines({"x.yml:1: error: invalid YAML at column 8: illegal map value"}));
}

TEST_CASE("invalid UTF-8 is an error with its line") {
  CHECK(ParseErrors("a: x\nb: caf\xC3\n") ==
        Lines({"x.yml:2: error: invalid UTF-8 (byte 0xC3 at column 7)"}));
  CHECK(ParseErrors("a: \xED\xA0\x80\n") ==  // a UTF-16 surrogate
        Lines({"x.yml:1: error: invalid UTF-8 (byte 0xED at column 4)"}));
}

TEST_CASE("keys must be non-empty scalars, and only the !!str tag is accepted") {
  CHECK(ParseErrors("~: 1\n[a]: 2\n") ==
        Lines({"x.yml:1: error: empty or null key; quote it if it is meant as text",
               "x.yml:2: error: a key must be a plain string, not a list, map or alias"}));
  CHECK(ParseErrors("a: !!int 3\nb: !custom x\n") ==
        Lines({"x.yml:1: error: YAML tag '!!int' is not supported",
               "x.yml:2: error: YAML tag '!custom' is not supported"}));
  YAML::Node n = Parse("a: !!str 010\n");
  CHECK(n["a"].Scalar() == "010");
  CHECK_FALSE(IsPlainScalar(n["a"]));
}

TEST_CASE("scalars follow the YAML 1.2 core schema, not 1.1") {
  YAML::Node n = Parse(
      "no_: no\nyes_: yes\non_: on\ntrue_: true\nTrue_: True\noct: 010\noct2: 0o10\nhex: 0x1F\n"
      "neg: -3\nfloat: 1.5\nexp: 2e3\nquoted: \"5\"\nnull_: ~\nempty:\ninf: .inf\nver: 1.2.3\n"
      "date: 2018-05-08\nbig: 99999999999999999999\n");
  nlohmann::json j = YamlToJson(n);
  CHECK(j["no_"] == "no");
  CHECK(j["yes_"] == "yes");
  CHECK(j["on_"] == "on");
  CHECK(j["true_"] == true);
  CHECK(j["True_"] == true);
  CHECK(j["oct"] == 10);
  CHECK(j["oct2"] == 8);
  CHECK(j["hex"] == 31);
  CHECK(j["neg"] == -3);
  CHECK(j["float"] == 1.5);
  CHECK(j["exp"] == 2000.0);
  CHECK(j["quoted"] == "5");
  CHECK(j["null_"].is_null());
  CHECK(j["empty"].is_null());
  CHECK(j["inf"] == ".inf");  // JSON has no infinity: kept as written
  CHECK(j["ver"] == "1.2.3");
  CHECK(j["date"] == "2018-05-08");
  CHECK(j["big"] == 1e20);
  CHECK(CoreInt(n["oct"]) == 10);
  CHECK_FALSE(CoreInt(n["quoted"]).has_value());
  CHECK_FALSE(CoreBool(n["no_"]).has_value());
  CHECK(CoreFloat(n["neg"]) == -3.0);
}

TEST_CASE("ISO dates are checked against the calendar") {
  CHECK(ParseIsoDate("2018-05-08") == Date{2018, 5, 8});
  CHECK(ParseIsoDate("2020-02-29") == Date{2020, 2, 29});
  CHECK(ParseIsoDate("2000-02-29") == Date{2000, 2, 29});
  CHECK_FALSE(ParseIsoDate("2019-02-29"));
  CHECK_FALSE(ParseIsoDate("1900-02-29"));
  CHECK_FALSE(ParseIsoDate("2018-02-30"));
  CHECK_FALSE(ParseIsoDate("2018-04-31"));
  CHECK_FALSE(ParseIsoDate("2018-13-01"));
  CHECK_FALSE(ParseIsoDate("2018-00-10"));
  CHECK_FALSE(ParseIsoDate("2018-5-8"));
  CHECK_FALSE(ParseIsoDate("2018-05-08T10:00:00Z"));
  CHECK_FALSE(ParseIsoDate("0000-01-01"));
}

TEST_CASE("the map reader reports wrong types naming the key and its line") {
  Diagnostics diag;
  YamlSource source{"c.yml", 2};
  auto node = ParseYamlStrict(
      "s: [a]\nb: no\ni: 1.5\nd: 2018-02-30\nl: one\nitems: [a, [b], c]\nq: \"7\"\n"
      "m: 3\nopts:\n  flag: yes\n",
      source, &diag);
  REQUIRE(node);
  YamlMapReader r(*node, source, &diag);
  std::string s;
  bool b = false;
  std::int64_t i = 0;
  Date d;
  std::vector<std::string> list;
  CHECK_FALSE(r.GetString("s", &s));
  CHECK_FALSE(r.GetBool("b", &b));
  CHECK_FALSE(r.GetInt("i", &i, 0, 10));
  CHECK_FALSE(r.GetDate("d", &d));
  CHECK_FALSE(r.GetStringList("l", &list));
  CHECK_FALSE(r.GetStringList("items", &list));
  CHECK_FALSE(r.GetInt("q", &i, 0, 10));
  CHECK_FALSE(r.Map("m"));
  auto opts = r.Map("opts");
  REQUIRE(opts);
  CHECK_FALSE(opts->GetBool("flag", &b));
  CHECK_FALSE(r.ok());
  CHECK(FormatDiagnostics(diag) ==
        Lines({"c.yml:2: error: 's' must be a string, found a list",
               "c.yml:3: error: 'b' must be true or false, found 'no'",
               "c.yml:4: error: 'i' must be a whole number, found '1.5'",
               "c.yml:5: error: 'd' must be a real date written YYYY-MM-DD, found '2018-02-30'",
               "c.yml:6: error: 'l' must be a list of strings, found 'one'",
               "c.yml:7: error: 'items' item 2 must be a string, found a list",
               "c.yml:8: error: 'q' must be a whole number, found the string \"7\"",
               "c.yml:9: error: 'm' must be a map, found '3'",
               "c.yml:11: error: 'opts.flag' must be true or false, found 'yes'"}));
}

TEST_CASE("the map reader reads values and tracks keys nobody asked for") {
  Diagnostics diag;
  YamlSource source{"c.yml", 1};
  auto node = ParseYamlStrict(
      "s: no\nn: 010\nf: 2.5\nb: false\nl: [a, 1]\none: x\nd: 2018-05-08\nz: ~\nextra: 1\n", source,
      &diag);
  REQUIRE(node);
  YamlMapReader r(*node, source, &diag);
  std::string s;
  std::int64_t n = 0;
  double f = 0;
  bool b = true;
  std::vector<std::string> l, one;
  Date d;
  CHECK(r.GetString("s", &s));
  CHECK(s == "no");
  CHECK(r.GetInt("n", &n, 0, 100));
  CHECK(n == 10);
  CHECK(r.GetNumber("f", &f));
  CHECK(f == 2.5);
  CHECK(r.GetBool("b", &b));
  CHECK_FALSE(b);
  CHECK(r.GetStringList("l", &l));
  CHECK(l == std::vector<std::string>{"a", "1"});
  CHECK(r.GetStringOrList("one", &one));
  CHECK(one == std::vector<std::string>{"x"});
  CHECK(r.GetDate("d", &d));
  CHECK(d == Date{2018, 5, 8});
  CHECK_FALSE(r.GetString("z", &s));  // null: as if absent
  CHECK_FALSE(r.GetString("absent", &s));
  CHECK(r.ok());
  CHECK(r.UnreadKeys() == std::vector<std::string>{"extra"});
  CHECK(r.LineOf("extra") == 9);
  CHECK(diag.Sorted().empty());
}

TEST_CASE("a document that is not a map is reported by the reader") {
  Diagnostics diag;
  YamlSource source{"c.yml", 1};
  auto node = ParseYamlStrict("- a\n- b\n", source, &diag);
  REQUIRE(node);
  YamlMapReader r(*node, source, &diag, "front matter");
  CHECK_FALSE(r.ok());
  CHECK(FormatDiagnostics(diag) ==
        Lines({"c.yml:1: error: front matter must be a map of keys and values, found a list"}));
}
