// Plain data for one content file and its place in the site.
//
// The loader fills the source fields, the site model fills the URL fields,
// the Markdown step fills the rendered fields. No behaviour lives here
// beyond small pure helpers, so every stage can be tested on hand-made pages.
#ifndef KBGEN_GENERATOR_PAGE_H_
#define KBGEN_GENERATOR_PAGE_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace kbgen {

// The six UN languages, in the order used everywhere output lists them.
inline constexpr std::array<std::string_view, 6> kLanguages = {"ar", "en", "es",
                                                               "fr", "ru", "zh"};
// Translations are made from this language; it is the fallback everywhere.
inline constexpr std::string_view kSourceLanguage = "en";

bool IsKnownLanguage(std::string_view lang);
bool IsRightToLeft(std::string_view lang);  // true for "ar"

// A calendar date from front matter (no time zone: reports are dated by day).
struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  std::string Iso() const;  // "2018-05-08"
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// The taxonomies a page can be classified by, in output order.
inline constexpr std::array<std::string_view, 4> kTaxonomies = {"tags", "region",
                                                                "country", "type"};

struct FrontMatter {
  std::string title;  // required, non-empty
  std::optional<Date> date;
  std::string summary;
  std::vector<std::string> tags;
  std::vector<std::string> region;   // `region: Europe` or a list
  std::vector<std::string> country;  // `country: Serbia` or a list
  std::vector<std::string> type;     // `type: capacity building` or a list
  int weight = 0;
  bool draft = false;
  std::string slug;  // replaces the file name in the URL when set
  std::vector<std::string> aliases;  // old URL paths that redirect here
  std::string translation_key;       // links translations with different paths
  // Every other key, kept as parsed (an object), for templates.
  nlohmann::json params = nlohmann::json::object();

  // The terms of one taxonomy by its name in kTaxonomies.
  const std::vector<std::string>& Terms(std::string_view taxonomy) const;
};

struct Heading {
  int level = 0;       // 1..6
  std::string text;    // plain text of the heading
  std::string anchor;  // id attribute, unique in the page
};

struct Page {
  // --- filled by the loader ---
  std::string lang;        // "en"
  std::string file;        // path for messages: "content/en/toolkit/mapping.md"
  std::string rel_path;    // below the language folder: "toolkit/mapping.md"
  bool is_section_index = false;  // an _index.md
  std::string section;     // folder below the language: "toolkit", "" at the root
  FrontMatter meta;
  std::string markdown;    // the body after the front matter
  int body_line = 1;       // line number of the body's first line in `file`

  // --- filled by the site model ---
  std::string translation_key;  // same for all translations of one page
  std::string url;              // "/en/toolkit/mapping/" (site-relative, with slash)
  std::string output_path;      // "en/toolkit/mapping/index.html"

  // --- filled by the Markdown step ---
  std::string html;        // body HTML, safe to place in a template
  std::string plain_text;  // body text without markup, for search and summaries
  std::vector<Heading> headings;
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_PAGE_H_
