// Content files: YAML front matter between `---` lines, then Markdown.
//
//   ---
//   title: Mapping an innovation ecosystem     # required, non-empty
//   date: 2018-05-08                           # a real date, YYYY-MM-DD
//   summary: One or two sentences.
//   tags: [policy, startups]                   # a list of strings
//   region: Europe                             # region, country, type:
//   country: [Serbia, Montenegro]              #   a string or a list
//   type: capacity building
//   weight: 10                                 # a whole number
//   draft: false                               # true or false (not yes/no)
//   slug: mapping                              # one path segment
//   aliases: [/old/mapping/]                   # list of strings
//   translationKey: mapping                    # string
//   anything_else: kept in FrontMatter::params (YAML 1.2 core types)
//   ---
//   Body in Markdown...
//
// The YAML is strict (see yaml_strict.h): duplicate keys, anchors, aliases
// and wrong types are errors naming the file, line and key. Invalid UTF-8
// anywhere in the file is an error with its line. Safe to call from several
// threads at once.
#ifndef KBGEN_GENERATOR_FRONT_MATTER_H_
#define KBGEN_GENERATOR_FRONT_MATTER_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "generator/diagnostics.h"
#include "generator/page.h"
#include "generator/yaml_strict.h"

namespace kbgen {

// The two parts of a content file, as views into its text.
struct SplitFile {
  std::string_view yaml;  // between the `---` lines
  int yaml_line = 2;      // file line of the YAML's first line
  std::string_view body;  // after the closing `---` line
  int body_line = 1;      // file line of the body's first line
};

// Finds the front matter; reports a missing or unclosed one. `text` must
// not start with a byte order mark (ParseContentFile strips it).
std::optional<SplitFile> SplitFrontMatter(std::string_view text, const std::string& path,
                                          Diagnostics* diag);

// Parses and checks front matter YAML. `opening_line` is the line of the
// opening `---`, where a missing title is reported.
std::optional<FrontMatter> ParseFrontMatter(std::string_view yaml, const YamlSource& source,
                                            int opening_line, Diagnostics* diag);

struct ContentFile {
  FrontMatter meta;
  std::string body;   // Markdown after the front matter
  int body_line = 1;  // file line of the body's first line
};

// The whole file: UTF-8 check, split, front matter. `path` names the file
// in diagnostics. nullopt when any error was reported.
std::optional<ContentFile> ParseContentFile(std::string_view text, const std::string& path,
                                            Diagnostics* diag);

// Reads `file` and parses it; `path` names it in diagnostics.
std::optional<ContentFile> LoadContentFile(const std::filesystem::path& file,
                                           const std::string& path, Diagnostics* diag);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_FRONT_MATTER_H_
