// Slugs: URL segments for taxonomy terms, and heading anchors.
//
// A slug is the text in Unicode NFC, lowercased (root locale), keeping
// letters, combining marks and digits of every script, with each run of
// anything else (spaces, punctuation, symbols) turned into one '-', and no
// '-' at either end: "Arab States" -> "arab-states", "Industry 4.0" ->
// "industry-4-0", "Цифровая экономика" -> "цифровая-экономика",
// "数字 创新" -> "数字-创新". Non-ASCII letters are kept: browsers show them
// as written and percent-encode them on the wire (permalink.h encodes).
// Format characters (ZWJ, ZWNJ, bidi marks) are dropped. Pure functions,
// safe from any thread; AnchorSet is one page's state.
#ifndef KBGEN_GENERATOR_SLUG_H_
#define KBGEN_GENERATOR_SLUG_H_

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace kbgen {

// Longest slug in bytes (file names are limited to 255 bytes); a longer
// one is cut at a character boundary.
inline constexpr std::size_t kMaxSlugBytes = 200;

// May return "" (for "!!!" or ""): callers decide what that means.
std::string Slugify(std::string_view text);

// The anchor for a heading: Slugify(text), or "section" when that is empty.
std::string HeadingAnchor(std::string_view heading_text);

// Hands out anchors unique within one page: "intro", "intro-2", "intro-3".
class AnchorSet {
 public:
  // Marks `id` as taken (ids the page has for other reasons).
  void Reserve(std::string id) { used_.insert(std::move(id)); }
  // `base` if free, else the first free `base-N` for N = 2, 3, ...
  std::string Unique(const std::string& base);

 private:
  std::set<std::string> used_;
  // Per base, the suffix to try next: every suffix below it is taken, so
  // n identical headings cost O(n log n), not O(n^2).
  std::map<std::string, int> next_suffix_;
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_SLUG_H_
