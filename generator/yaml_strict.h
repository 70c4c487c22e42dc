// Strict YAML for front matter, the site config and the UI catalogs.
//
// yaml-cpp 0.7 accepts without a word duplicate keys (the first wins),
// aliases (a self-referencing one crashes a recursive walk), several
// documents in one text, an unclosed quote that swallows the keys after it,
// and deep nesting that fails as "bad file". ParseYamlStrict() first runs
// yaml-cpp's event parser over the text and rejects all of these with the
// line and column of the offending place; only a text that passes is built
// into a YAML::Node (so the node is a tree: no aliases, no cycles).
//
// Scalars keep their source text. YamlMapReader reads typed fields the YAML
// 1.2 core schema way, not 1.1's: `no` is a string, never false; `010` is
// ten, never eight; a quoted scalar is always a string. Wrong types give
// `path:line: error: 'title' must be a string, found a list`.
//
// Everything here is safe to use from several threads at once on
// different texts. (Parsing lives in yaml_strict.cc, the reader in
// yaml_reader.cc.)
#ifndef KBGEN_GENERATOR_YAML_STRICT_H_
#define KBGEN_GENERATOR_YAML_STRICT_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "generator/diagnostics.h"
#include "generator/page.h"

namespace kbgen {

// Where a YAML text comes from, for messages.
struct YamlSource {
  std::string path;    // file named in diagnostics
  int first_line = 1;  // line in `path` of the text's first line
};

struct YamlOptions {
  int max_depth = 64;  // nesting of lists and maps
};

// Parses `text` as at most one YAML document. Reports every problem found
// (syntax, invalid UTF-8, duplicate keys, non-scalar or null keys, anchors,
// aliases, tags other than !!str, a second document, nesting deeper than
// max_depth, an unclosed or runaway quote) and returns nullopt if there
// was any. An empty text gives a Null node.
std::optional<YAML::Node> ParseYamlStrict(std::string_view text, const YamlSource& source,
                                          Diagnostics* diag, const YamlOptions& options = {});

// Line of `node` in the source file (first_line when the node has no mark).
int LineOf(const YAML::Node& node, const YamlSource& source);

// "a string", "a list", "a map" or "nothing", for messages.
std::string DescribeYaml(const YAML::Node& node);

// True for a scalar written without quotes or block style; only those can
// be numbers, booleans or null in the core schema.
bool IsPlainScalar(const YAML::Node& node);

// Core-schema readings of a plain scalar; nullopt when it is not one.
std::optional<bool> CoreBool(const YAML::Node& node);         // true, True, TRUE, false...
std::optional<std::int64_t> CoreInt(const YAML::Node& node);  // 10, -3, 0o17, 0x1F
std::optional<double> CoreFloat(const YAML::Node& node);      // 1.5, 2e3, .inf, .nan; ints too

// The node as JSON: plain scalars that are null, booleans, integers or
// floats in the core schema become those; every other scalar a string;
// lists arrays, maps objects.
nlohmann::json YamlToJson(const YAML::Node& node);

// A calendar date written YYYY-MM-DD with a real month and day.
std::optional<Date> ParseIsoDate(std::string_view text);

// Typed access to the keys of one YAML map, in the style
//
//   YamlMapReader r(node, source, diag);
//   r.GetString("title", &meta.title);
//   r.GetInt("weight", &weight, -1000000, 1000000);
//   if (!r.ok()) ...
//
// A getter returns true when the key is present and its value was stored;
// an absent key (or a null value) returns false silently; a value of the
// wrong type reports an error naming the key and its line, and clears
// ok(). Child readers (Map()) share ok() with their parent, and name keys
// with a dotted path: 'options.unsafe_html'.
class YamlMapReader {
 public:
  // `map` may be Null (read as empty); anything else but a map is an error
  // named after `name` ("front matter", "options").
  YamlMapReader(const YAML::Node& map, const YamlSource& source, Diagnostics* diag,
                std::string name = "the document");

  bool ok() const { return state_->ok; }

  bool Has(std::string_view key) const;
  YAML::Node Get(std::string_view key) const;  // Null node when absent
  int LineOf(std::string_view key) const;      // line of the key; 0 if absent
  std::vector<std::string> Keys() const;       // in file order
  // Keys no getter has asked for yet, in file order.
  std::vector<std::string> UnreadKeys() const;

  bool GetString(std::string_view key, std::string* out);
  bool GetDate(std::string_view key, Date* out);
  bool GetInt(std::string_view key, std::int64_t* out, std::int64_t min, std::int64_t max);
  bool GetNumber(std::string_view key, double* out);  // integer or float
  bool GetBool(std::string_view key, bool* out);
  bool GetStringList(std::string_view key, std::vector<std::string>* out);
  bool GetStringOrList(std::string_view key, std::vector<std::string>* out);
  // A reader for the map under `key`; nullopt when absent, null or not a map.
  std::optional<YamlMapReader> Map(std::string_view key);
  // The list under `key`; nullopt when absent, null or not a list.
  std::optional<YAML::Node> List(std::string_view key);
  // A reader for a map found elsewhere in this one (a list item), sharing
  // ok(); `path` names it in messages: "menus.main[2]".
  YamlMapReader Nested(const YAML::Node& map, const std::string& path);

  // Reports an error at `line` and clears ok(): for checks the caller makes.
  void Error(int line, std::string message);
  void Warning(int line, std::string message) const;
  // 'options.unsafe_html' for key "unsafe_html" of child "options".
  std::string Quoted(std::string_view key) const;
  const YamlSource& source() const { return source_; }

 private:
  struct State {
    bool ok = true;
  };
  YamlMapReader(const YAML::Node& map, const YamlSource& source, Diagnostics* diag,
                std::string name, std::string prefix, std::shared_ptr<State> state);
  // The value of `key`, marked read; nullopt when absent.
  std::optional<YAML::Node> Take(std::string_view key);
  void TypeError(std::string_view key, const YAML::Node& value, std::string_view wanted);

  struct Entry {
    std::string key;
    YAML::Node key_node;  // for its line
    YAML::Node value;
    bool read = false;  // a getter asked for it
  };
  const Entry* Find(std::string_view key) const;

  YamlSource source_;
  Diagnostics* diag_;
  std::string prefix_;  // "options." for a child
  std::shared_ptr<State> state_;
  std::vector<Entry> entries_;                             // in file order
  std::map<std::string, std::size_t, std::less<>> index_;  // key -> entries_ index
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_YAML_STRICT_H_
