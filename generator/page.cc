#include "generator/page.h"

#include <algorithm>
#include <cstdio>

namespace kbgen {

bool IsKnownLanguage(std::string_view lang) {
  return std::find(kLanguages.begin(), kLanguages.end(), lang) != kLanguages.end();
}

bool IsRightToLeft(std::string_view lang) { return lang == "ar"; }

std::string Date::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

const std::vector<std::string>& FrontMatter::Terms(std::string_view taxonomy) const {
  if (taxonomy == "tags") return tags;
  if (taxonomy == "region") return region;
  if (taxonomy == "country") return country;
  return type;
}

}  // namespace kbgen
