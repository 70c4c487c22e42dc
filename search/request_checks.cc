#include "search/request_checks.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <set>

#include "search/schema.h"

namespace kbgen::search {
namespace {

// A whole number from 1 to `max`: digits only (no sign, space or
// exponent), checked before it can overflow.
bool ParseCount(std::string_view text, int max, int* out) {
  if (text.empty() || text.size() > 9) return false;
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  if (n < 1 || n > max) return false;
  *out = static_cast<int>(n);
  return true;
}

// The value shown back in an error message: cut short, and only when clean.
std::string Shown(std::string_view value) {
  if (!IsCleanText(value)) return "(a value with control characters or invalid UTF-8)";
  std::string s(value.substr(0, 40));
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
  return "'" + s + (value.size() > 40 ? "...'" : "'");
}

}  // namespace

bool IsCleanText(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  if (static_cast<std::size_t>(length) != text.size()) return false;
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return false;  // c < 0: invalid
  }
  return true;
}

std::string CheckRequestPath(std::string_view decoded_path) {
  if (!IsCleanText(decoded_path)) {
    return "the path holds a control character or invalid UTF-8";
  }
  return "";
}

bool IsIndexPath(std::string_view decoded_path) {
  std::string prefix = "/";
  prefix.append(kIndexFolder).append("/");
  // "//search/" and "/./search/" reach the same folder.
  std::string normal;
  for (std::size_t i = 0; i < decoded_path.size(); ++i) {
    if (decoded_path[i] == '/' && !normal.empty() && normal.back() == '/') continue;
    if (decoded_path.substr(i).starts_with("/./")) {
      ++i;
      continue;
    }
    normal += decoded_path[i];
  }
  return normal.starts_with(prefix) || normal == prefix.substr(0, prefix.size() - 1);
}

bool ParseSearchParams(const std::multimap<std::string, std::string>& params,
                       SearchRequest* request, std::string* error) {
  static const std::set<std::string, std::less<>> kOnce = {"q", "lang", "limit", "page"};
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    const std::string& name = it->first;
    if (name != "filter" && !kOnce.count(name)) {
      *error = "unknown parameter " + Shown(name) + " (known: q, lang, limit, page, filter)";
      return false;
    }
    if (name != "filter" && params.count(name) > 1) {
      *error = "parameter '" + name + "' given more than once";
      return false;
    }
  }
  for (const auto& [name, value] : params) {
    if (!IsCleanText(value)) {
      *error = "parameter '" + name + "' holds a control character or invalid UTF-8";
      return false;
    }
  }
  auto get = [&](const char* name) -> const std::string* {
    auto it = params.find(name);
    return it == params.end() ? nullptr : &it->second;
  };
  if (const std::string* q = get("q")) request->query = *q;
  if (const std::string* lang = get("lang")) request->lang = *lang;
  int limit = 10, page = 1;
  if (const std::string* v = get("limit"); v && !ParseCount(*v, kMaxLimit, &limit)) {
    *error = "'limit' must be a whole number from 1 to " + std::to_string(kMaxLimit) + ", got " +
             Shown(*v);
    return false;
  }
  if (const std::string* v = get("page"); v && !ParseCount(*v, kMaxResultDepth, &page)) {
    *error = "'page' must be a whole number from 1 to " + std::to_string(kMaxResultDepth) +
             ", got " + Shown(*v);
    return false;
  }
  // Both are bounded above, so this cannot overflow.
  if (static_cast<std::int64_t>(page) * limit > kMaxResultDepth) {
    *error = "page " + std::to_string(page) + " is too far: only the first " +
             std::to_string(kMaxResultDepth) + " results can be shown";
    return false;
  }
  request->limit = limit;
  request->offset = (page - 1) * limit;
  auto [first, last] = params.equal_range("filter");
  for (auto it = first; it != last; ++it) {
    const std::string& f = it->second;
    auto sep = f.find_first_of(":=");
    if (sep == std::string::npos || sep == 0) {
      *error = "a filter is key:value, got " + Shown(f);
      return false;
    }
    request->filters.emplace_back(f.substr(0, sep), f.substr(sep + 1));
  }
  return true;
}

}  // namespace kbgen::search
