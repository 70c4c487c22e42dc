#include "search/request_checks.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdint>

#include "search/schema.h"

namespace kbgen::search {

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

}  // namespace kbgen::search
