// URL filtering and HTML escaping: an escaped text can never open a tag,
// an attribute or an entity it did not have, and a URL judged safe never
// has a scripting scheme however it is disguised.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "generator/html_escape.h"
#include "generator/safe_url.h"

using namespace kbgen;

namespace {

// The scheme a browser would see: leading C0 controls and spaces dropped,
// tabs and newlines removed anywhere, lowercased, up to the first ':'.
std::string BrowserScheme(std::string_view url) {
  std::size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  std::string scheme;
  for (; i < url.size(); ++i) {
    char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ':') return scheme;
    if (c == '/' || c == '?' || c == '#') return "";
    scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return "";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string escaped = EscapeHtml(text);
  FUZZ_CHECK(escaped.find_first_of("<>\"'") == std::string::npos);
  for (std::size_t at = escaped.find('&'); at != std::string::npos; at = escaped.find('&', at + 1)) {
    std::string_view rest = std::string_view(escaped).substr(at);
    FUZZ_CHECK(rest.starts_with("&amp;") || rest.starts_with("&lt;") || rest.starts_with("&gt;") ||
               rest.starts_with("&quot;") || rest.starts_with("&#39;"));
  }
  for (UrlUse use : {UrlUse::kLink, UrlUse::kImage}) {
    if (!IsSafeUrl(text, use)) continue;
    std::string scheme = BrowserScheme(text);
    FUZZ_CHECK(scheme != "javascript" && scheme != "vbscript" && scheme != "file");
    if (scheme == "data") FUZZ_CHECK(use == UrlUse::kImage);
  }
  (void)UrlScheme(text);
  return 0;
}
