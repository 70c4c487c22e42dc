// The optional site configuration file (kbgen.yml at the repository root).
//
//   base_url: https://example.org/kb/    # absolute; used for canonical links,
//                                        # sitemap and feeds
//   default_language: en                 # where /index.html sends readers
//   title: {en: ..., fr: ..., ...}       # site title per language
//   description: {en: ..., ...}          # meta description per language
//   menus:
//     main:                              # the top navigation, in order
//       - section: toolkit               # a section path, or
//       - page: about.md                 # a page path below the language folder
//   options:
//     unsafe_html: false                 # pass raw HTML in Markdown through
//     numbering: {ar: latn}              # numbering system per language (latn, arab)
//     max_page_bytes: 16777216           # larger Markdown bodies are an error (max 64 MiB)
//     markdown_seconds: 10               # time allowed to parse one page
//   search:
//     synonyms:                          # per language: term -> synonyms
//       en: {ICT: [information and communication technology]}
//   sources:                             # what pages cite in `sources:`
//     report:                            # an id for front matter
//       url: https://...                 # http(s) only
//       lang: en                         # language of the source itself
//       title: {en: ..., fr: ...}        # its title in each language
//       parts:                           # chapters a page may name
//         "3.1.3": {en: ..., fr: ...}    # (front matter: `- report 3.1.3`)
//
// Unknown keys are warnings (a typo should not stop a release); a value of
// the wrong type is an error naming the file, line and key.
// A missing file gives the defaults; a malformed one is an error naming
// the file and line.
#ifndef KBGEN_GENERATOR_SITE_CONFIG_H_
#define KBGEN_GENERATOR_SITE_CONFIG_H_

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "generator/diagnostics.h"

namespace kbgen {

struct MenuItem {
  std::string section;  // section path, e.g. "toolkit"; empty if `page` is set
  std::string page;     // page path below the language folder, e.g. "about.md"
};

// A source pages can cite (`sources:` in front matter), with its title in
// each language.
struct SourceDef {
  std::string url;
  std::string lang = "en";                  // the language the source is in
  std::map<std::string, std::string> title;  // lang -> title
  // Part number ("3.1.3") -> (lang -> part title).
  std::map<std::string, std::map<std::string, std::string>> parts;
};

struct SiteConfig {
  std::string base_url = "/";  // always ends with '/'
  std::string default_language = "en";
  std::map<std::string, std::string> title;        // lang -> title
  std::map<std::string, std::string> description;  // lang -> description
  std::vector<MenuItem> main_menu;
  bool unsafe_html = false;
  std::map<std::string, std::string> numbering;  // lang -> ICU numbering system
  std::size_t max_page_bytes = 16 << 20;
  double markdown_seconds = 10.0;
  // lang -> (term -> synonyms), for the search index of that language.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> synonyms;
  std::map<std::string, SourceDef> sources;  // id -> source

  // Title for `lang`, falling back to English, then to "Knowledge base".
  std::string TitleFor(const std::string& lang) const;
};

// Parses configuration text; `path` names it in diagnostics.
std::optional<SiteConfig> ParseSiteConfig(const std::string& text, const std::string& path,
                                          Diagnostics* diag);

// Reads and parses `path`. A missing file gives the defaults when
// `must_exist` is false, an error otherwise.
std::optional<SiteConfig> LoadSiteConfig(const std::filesystem::path& path, bool must_exist,
                                         Diagnostics* diag);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_SITE_CONFIG_H_
