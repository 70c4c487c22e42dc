#include "generator/safe_url.h"

#include <array>

namespace kbgen {
namespace {

constexpr std::array<std::string_view, 7> kSafeSchemes = {"http", "https", "mailto", "tel",
                                                          "ftp",  "ftps",  "sftp"};
// Raster formats only: SVG can carry script.
constexpr std::array<std::string_view, 4> kSafeImageData = {"data:image/png", "data:image/gif",
                                                            "data:image/jpeg", "data:image/webp"};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSchemeChar(char c) {
  return IsAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The URL as a browser's parser sees it: leading and trailing C0 controls
// and spaces stripped, tabs and newlines removed everywhere, lowercased.
std::string Cleaned(std::string_view url) {
  std::size_t begin = 0, end = url.size();
  while (begin < end && static_cast<unsigned char>(url[begin]) <= 0x20) ++begin;
  while (end > begin && static_cast<unsigned char>(url[end - 1]) <= 0x20) --end;
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (url[i] == '\t' || url[i] == '\n' || url[i] == '\r') continue;
    out += Lower(url[i]);
  }
  return out;
}

}  // namespace

std::string UrlScheme(std::string_view url) {
  std::string clean = Cleaned(url);
  if (clean.empty() || !IsAlpha(clean[0])) return "";
  std::size_t i = 1;
  while (i < clean.size() && IsSchemeChar(clean[i])) ++i;
  if (i == clean.size() || clean[i] != ':') return "";
  return clean.substr(0, i);
}

bool IsSafeUrl(std::string_view url, UrlUse use) {
  std::string scheme = UrlScheme(url);
  if (scheme.empty()) return true;
  for (std::string_view safe : kSafeSchemes) {
    if (scheme == safe) return true;
  }
  if (use == UrlUse::kImage && scheme == "data") {
    std::string clean = Cleaned(url);
    for (std::string_view prefix : kSafeImageData) {
      if (clean.starts_with(prefix) && clean.size() > prefix.size() &&
          (clean[prefix.size()] == ';' || clean[prefix.size()] == ',')) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace kbgen
