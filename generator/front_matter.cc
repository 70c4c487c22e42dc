#include "generator/front_matter.h"

#include <array>
#include <climits>
#include <fstream>
#include <iterator>

#include "generator/utf8.h"

namespace kbgen {
namespace {

// The keys FrontMatter has fields for; the rest go to params.
constexpr std::array<std::string_view, 12> kKnownKeys = {
    "title", "date",   "summary", "tags", "region",  "country",
    "type",  "weight", "draft",   "slug", "aliases", "translationKey"};

// True for a `---` line (trailing spaces and a CR allowed).
bool IsDelimiter(std::string_view line) {
  if (!line.starts_with("---")) return false;
  for (char c : line.substr(3)) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The known key `key` was probably meant as, or "" (`Title`, `translationkey`).
std::string_view CloseKnownKey(std::string_view key) {
  for (std::string_view known : kKnownKeys) {
    if (Lower(known) == Lower(key)) return known;
  }
  return "";
}

}  // namespace

std::optional<SplitFile> SplitFrontMatter(std::string_view text, const std::string& path,
                                          Diagnostics* diag) {
  std::size_t first_end = text.find('\n');
  std::string_view first = text.substr(0, first_end);
  if (!IsDelimiter(first)) {
    diag->Error(path, 1,
                "the file must start with front matter: a '---' line, YAML with at least "
                "'title', and another '---' line");
    return std::nullopt;
  }
  if (first_end == std::string_view::npos) first_end = text.size();
  SplitFile split;
  std::size_t yaml_start = std::min(first_end + 1, text.size());
  int line = 2;
  for (std::size_t start = yaml_start; start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    std::string_view current =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (IsDelimiter(current)) {
      split.yaml = text.substr(yaml_start, start - yaml_start);
      split.yaml_line = 2;
      split.body = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      split.body_line = line + 1;
      return split;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  diag->Error(path, 1, "the front matter opened here is never closed by a '---' line");
  return std::nullopt;
}

std::optional<FrontMatter> ParseFrontMatter(std::string_view yaml, const YamlSource& source,
                                            int opening_line, Diagnostics* diag) {
  auto node = ParseYamlStrict(yaml, source, diag);
  if (!node) return std::nullopt;
  YamlMapReader r(*node, source, diag, "front matter");
  FrontMatter fm;

  if (r.GetString("title", &fm.title)) {
    if (fm.title.find_first_not_of(" \t\r\n") == std::string::npos) {
      r.Error(r.LineOf("title"), "'title' must not be empty");
    }
  } else if (r.ok()) {
    r.Error(r.Has("title") ? r.LineOf("title") : opening_line,
            r.Has("title") ? "'title' must not be empty" : "front matter has no 'title'");
  }
  Date date;
  if (r.GetDate("date", &date)) fm.date = date;
  r.GetString("summary", &fm.summary);
  r.GetStringList("tags", &fm.tags);
  r.GetStringOrList("region", &fm.region);
  r.GetStringOrList("country", &fm.country);
  r.GetStringOrList("type", &fm.type);
  std::int64_t weight = 0;
  if (r.GetInt("weight", &weight, INT_MIN, INT_MAX)) fm.weight = static_cast<int>(weight);
  r.GetBool("draft", &fm.draft);
  if (r.GetString("slug", &fm.slug)) {
    if (fm.slug.empty()) {
      r.Error(r.LineOf("slug"), "'slug' must not be empty");
    } else if (fm.slug == "." || fm.slug == ".." ||
               fm.slug.find_first_of("/\\") != std::string::npos) {
      r.Error(r.LineOf("slug"),
              "'slug' must be one path segment, without '/' or '..', found '" + fm.slug + "'");
    }
  }
  r.GetStringList("aliases", &fm.aliases);
  r.GetString("translationKey", &fm.translation_key);

  for (const std::string& key : r.UnreadKeys()) {
    if (std::string_view known = CloseKnownKey(key); !known.empty()) {
      r.Warning(r.LineOf(key), "unknown key '" + key +
                                   "' kept as a page parameter; did you mean '" +
                                   std::string(known) + "'?");
    }
    fm.params[key] = YamlToJson(r.Get(key));
  }
  if (!r.ok()) return std::nullopt;
  return fm;
}

std::optional<ContentFile> ParseContentFile(std::string_view text, const std::string& path,
                                            Diagnostics* diag) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!CheckUtf8(text, path, 1, diag)) return std::nullopt;
  // Checked over the raw file, before YAML: a NUL byte would otherwise end
  // the YAML text early and be reported on the wrong line.
  if (!CheckNoControlCharacters(text, path, 1, diag)) return std::nullopt;
  auto split = SplitFrontMatter(text, path, diag);
  if (!split) return std::nullopt;
  auto meta = ParseFrontMatter(split->yaml, {path, split->yaml_line}, split->yaml_line - 1, diag);
  if (!meta) return std::nullopt;
  return ContentFile{std::move(*meta), std::string(split->body), split->body_line};
}

std::optional<ContentFile> LoadContentFile(const std::filesystem::path& file,
                                           const std::string& path, Diagnostics* diag) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  if (in) text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in.is_open() || in.bad()) {
    diag->Error(path, 0, "cannot read file");
    return std::nullopt;
  }
  return ParseContentFile(text, path, diag);
}

}  // namespace kbgen
