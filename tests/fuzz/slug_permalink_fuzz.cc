// Slugs, heading anchors and permalinks: every slug is a safe path segment
// (or empty), anchors are unique, split and joined paths never leave the
// output folder.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "generator/permalink.h"
#include "generator/slug.h"

using namespace kbgen;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string slug = Slugify(text);
  FUZZ_CHECK(slug.size() <= kMaxSlugBytes);
  FUZZ_CHECK(!FindInvalidUtf8(slug));
  FUZZ_CHECK(slug.find_first_of("/\\<>\"'&") == std::string::npos);
  if (!slug.empty()) FUZZ_CHECK(IsSafeSegment(slug));
  std::string anchor = HeadingAnchor(text);
  FUZZ_CHECK(!anchor.empty());

  // Lines as headings: ids unique however they repeat.
  AnchorSet set;
  std::set<std::string> seen;
  std::size_t start = 0;
  for (int n = 0; start <= text.size() && n < 200; ++n) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
    FUZZ_CHECK(seen.insert(set.Unique(HeadingAnchor(line))).second);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }

  std::vector<std::string> segments = SplitPath(text);
  bool safe = !segments.empty();
  for (const auto& s : segments) safe = safe && IsSafeSegment(s);
  if (safe) {
    std::string index = IndexPathOf(segments);
    FUZZ_CHECK(index.find("..") == std::string::npos || text.find("..") != std::string_view::npos);
    FUZZ_CHECK(!index.starts_with("/"));
    std::string url = UrlOf(segments);
    FUZZ_CHECK(url.starts_with("/"));
    FUZZ_CHECK(url.find_first_of(" \"'<>\\") == std::string::npos);
  }
  for (const auto& s : segments) {
    std::string encoded = EncodeSegment(s);
    FUZZ_CHECK(encoded.find_first_of(" \"'<>/?#") == std::string::npos);
  }
  // The base is a page's folder (safe segments: it comes from the content
  // walk); the relative part is what the author wrote.
  std::string resolved;
  std::size_t half = text.size() / 2;
  bool base_safe = true;
  for (const auto& s : SplitPath(text.substr(0, half))) base_safe = base_safe && IsSafeSegment(s);
  if (base_safe && ResolveRelative(text.substr(0, half), text.substr(half), &resolved)) {
    for (const auto& s : SplitPath(resolved)) FUZZ_CHECK(s != ".." && s != ".");
  }
  (void)HasSchemeOrHost(text);
  (void)BasePathOf(text);
  return 0;
}
