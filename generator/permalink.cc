#include "generator/permalink.h"

#include <cctype>

namespace kbgen {

std::string EncodeSegment(std::string_view segment) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(segment.size());
  for (unsigned char c : segment) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string UrlOf(const std::vector<std::string>& segments) {
  std::string url = "/";
  for (const auto& s : segments) url += EncodeSegment(s) + "/";
  return url;
}

std::string IndexPathOf(const std::vector<std::string>& segments) {
  std::string path;
  for (const auto& s : segments) path += s + "/";
  return path + "index.html";
}

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) parts.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool IsSafeSegment(std::string_view segment) {
  if (segment.empty() || segment == "." || segment == "..") return false;
  for (unsigned char c : segment) {
    if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') return false;
  }
  return true;
}

bool ResolveRelative(std::string_view base_dir, std::string_view relative, std::string* out) {
  std::vector<std::string> parts;
  if (!relative.starts_with('/')) parts = SplitPath(base_dir);
  for (auto& seg : SplitPath(relative)) {
    if (seg == ".") continue;
    if (seg == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
      continue;
    }
    parts.push_back(std::move(seg));
  }
  out->clear();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) *out += '/';
    *out += parts[i];
  }
  return true;
}

bool HasSchemeOrHost(std::string_view href) {
  if (href.starts_with("//")) return true;
  // A scheme is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ':'.
  for (std::size_t i = 0; i < href.size(); ++i) {
    unsigned char c = href[i];
    if (c == ':') return i > 0;
    bool ok = std::isalpha(c) || (i > 0 && (std::isdigit(c) || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return false;
}

std::string BasePathOf(std::string_view base_url) {
  std::string_view rest = base_url;
  auto scheme = rest.find("://");
  if (scheme != std::string_view::npos) {
    rest = rest.substr(scheme + 3);
    auto slash = rest.find('/');
    rest = slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
  }
  std::string path(rest.empty() ? "/" : rest);
  if (path.front() != '/') path.insert(path.begin(), '/');
  if (path.back() != '/') path += '/';
  return path;
}

}  // namespace kbgen
