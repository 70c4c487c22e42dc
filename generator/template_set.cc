#include "generator/template_set.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace kbgen {
namespace {

namespace mus = kainjow::mustache;

// Flattened templates larger than this come from partials included many
// times over at many levels (a DAG that grows exponentially when inlined).
constexpr std::size_t kMaxExpandedBytes = 8u << 20;

// One {{...}} tag of a theme file.
struct Tag {
  std::size_t begin = 0;  // offset of "{{"
  std::size_t end = 0;    // offset after the closing braces
  int line = 1;
  char kind = 'v';        // '>' partial, '&' unescaped, '=' delimiter, '!' comment,
                          // '#' '^' '/' sections, 'v' variable
  std::string name;
};

std::string Trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Finds the tags of `text`. An unclosed tag ends the scan: the compiler
// reports it with its own message.
std::vector<Tag> ScanTags(const std::string& text) {
  std::vector<Tag> tags;
  int line = 1;
  std::size_t counted = 0;  // newlines are counted up to this offset
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string::npos) {
    line += static_cast<int>(std::count(text.begin() + counted, text.begin() + pos, '\n'));
    counted = pos;
    Tag tag;
    tag.begin = pos;
    tag.line = line;
    bool triple = pos + 2 < text.size() && text[pos + 2] == '{';
    std::size_t open = pos + (triple ? 3 : 2);
    std::size_t close = text.find(triple ? "}}}" : "}}", open);
    if (close == std::string::npos) break;
    tag.end = close + (triple ? 3 : 2);
    std::string contents = Trim(std::string_view(text).substr(open, close - open));
    if (triple) {
      tag.kind = '&';
      tag.name = contents;
    } else if (!contents.empty() && std::string_view(">&=!#^/").find(contents[0]) !=
                                        std::string_view::npos) {
      tag.kind = contents[0];
      tag.name = Trim(std::string_view(contents).substr(1));
    } else {
      tag.name = contents;
    }
    tags.push_back(std::move(tag));
    pos = tags.back().end;
  }
  return tags;
}

bool IsSafePartialName(const std::string& name) {
  if (name.empty() || name.size() > 200) return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t slash = name.find('/', start);
    if (slash == std::string::npos) slash = name.size();
    std::string_view seg = std::string_view(name).substr(start, slash - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    for (char c : seg) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-' || c == '.';
      if (!ok) return false;
    }
    start = slash + 1;
  }
  return true;
}

bool ReadText(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return false;
  *out = ss.str();
  return true;
}

std::string DirList(const std::vector<fs::path>& dirs) {
  std::string out;
  for (const auto& d : dirs) out += (out.empty() ? "" : ", ") + d.string();
  return out;
}

// One theme file, read and checked.
struct Source {
  fs::path path;
  std::string text;
  std::vector<Tag> tags;
  enum class State { kNew, kVisiting, kDone, kBroken } state = State::kNew;
  std::string expanded;  // with every partial inlined (valid when kDone)
};

class Loader {
 public:
  Loader(const std::vector<fs::path>& dirs, Diagnostics* diag) : dirs_(dirs), diag_(diag) {}

  // The first existing <dir>/<sub>/<name>.mustache, or empty.
  fs::path Find(const std::string& sub, const std::string& name) const {
    for (const auto& dir : dirs_) {
      fs::path p = dir / sub / (name + ".mustache");
      std::error_code ec;
      if (fs::is_regular_file(p, ec)) return p;
    }
    return {};
  }

  // Reads and checks one file; false (with errors) when it cannot be used.
  bool Read(const fs::path& path, Source* src) {
    src->path = path;
    if (!ReadText(path, &src->text)) {
      diag_->Error(path.string(), 0, "cannot read template file");
      return false;
    }
    mus::mustache check(src->text);
    if (!check.is_valid()) {
      diag_->Error(path.string(), 0, "invalid template: " + check.error_message());
      return false;
    }
    src->tags = ScanTags(src->text);
    bool ok = true;
    for (const auto& tag : src->tags) {
      if (tag.kind == '=') {
        diag_->Error(path.string(), tag.line,
                     "set-delimiter tags are not supported (partials are inlined)");
        ok = false;
      } else if (tag.kind == '&' && !tag.name.ends_with("_html")) {
        diag_->Error(path.string(), tag.line,
                     "unescaped value '" + tag.name + "': only values named *_html are "
                     "safe to insert without escaping; use {{" + tag.name + "}}");
        ok = false;
      }
    }
    return ok;
  }

  // Expands `src` in place (DFS over its partials, detecting cycles).
  // `chain` holds the partial names being expanded, outermost first.
  bool Expand(Source* src, bool is_partial, std::vector<std::string>* chain) {
    src->state = Source::State::kVisiting;
    std::string out;
    std::size_t last = 0;
    bool ok = true;
    for (const auto& tag : src->tags) {
      if (tag.kind != '>') continue;
      Source* part = Partial(*src, tag, chain);
      if (!part) {
        ok = false;
        continue;
      }
      out.append(src->text, last, tag.begin - last);
      out += part->expanded;
      last = tag.end;
      if (out.size() > kMaxExpandedBytes) {
        diag_->Error(src->path.string(), tag.line,
                     "template grows past 8 MB with its partials inlined");
        ok = false;
        break;
      }
    }
    if (!ok) {
      src->state = Source::State::kBroken;
      return false;
    }
    out.append(src->text, last, std::string::npos);
    // A partial usually sits on a line of its own ("{{> head}}\n"): its
    // file's final newline would add a blank line wherever it is used.
    if (is_partial) {
      if (out.ends_with("\r\n")) {
        out.resize(out.size() - 2);
      } else if (out.ends_with("\n")) {
        out.pop_back();
      }
    }
    src->expanded = std::move(out);
    src->state = Source::State::kDone;
    return true;
  }

 private:
  // The expanded partial named by `tag` in `from`, or null after an error.
  Source* Partial(const Source& from, const Tag& tag, std::vector<std::string>* chain) {
    const std::string& name = tag.name;
    if (!IsSafePartialName(name)) {
      diag_->Error(from.path.string(), tag.line,
                   "invalid partial name '" + name + "' (letters, digits, '_', '-', '.' and "
                   "'/' between folder names)");
      return nullptr;
    }
    auto it = partials_.find(name);
    if (it != partials_.end()) {
      Source& part = *it->second;
      if (part.state == Source::State::kVisiting) {
        std::string cycle;
        auto start = std::find(chain->begin(), chain->end(), name);
        for (auto c = start; c != chain->end(); ++c) cycle += *c + " -> ";
        diag_->Error(from.path.string(), tag.line,
                     "partial '" + name + "' includes itself: " + cycle + name);
        return nullptr;
      }
      return part.state == Source::State::kDone ? &part : nullptr;
    }
    fs::path path = Find("partials", name);
    if (path.empty()) {
      diag_->Error(from.path.string(), tag.line,
                   "partial '" + name + "' not found (looked for partials/" + name +
                       ".mustache in " + DirList(dirs_) + ")");
      return nullptr;
    }
    auto owned = std::make_unique<Source>();
    Source* part = owned.get();
    partials_.emplace(name, std::move(owned));
    if (!Read(path, part)) {
      part->state = Source::State::kBroken;
      return nullptr;
    }
    chain->push_back(name);
    bool ok = Expand(part, true, chain);
    chain->pop_back();
    return ok ? part : nullptr;
  }

  const std::vector<fs::path>& dirs_;
  Diagnostics* diag_;
  std::map<std::string, std::unique_ptr<Source>> partials_;
};

}  // namespace

std::unique_ptr<TemplateSet> TemplateSet::Load(const std::vector<fs::path>& theme_dirs,
                                               const std::vector<std::string>& names,
                                               Diagnostics* diag) {
  auto set = std::unique_ptr<TemplateSet>(new TemplateSet());
  Loader loader(theme_dirs, diag);
  bool ok = !theme_dirs.empty();
  if (!ok) diag->Error("", 0, "no theme folder given");
  for (const auto& name : names) {
    fs::path path = loader.Find("templates", name);
    if (path.empty()) {
      fs::path expected =
          (theme_dirs.empty() ? fs::path() : theme_dirs.back()) / "templates" / (name + ".mustache");
      diag->Error(expected.string(), 0,
                  "missing template '" + name + "' (looked for templates/" + name +
                      ".mustache in " + DirList(theme_dirs) + ")");
      ok = false;
      continue;
    }
    Source src;
    std::vector<std::string> chain;
    if (!loader.Read(path, &src) || !loader.Expand(&src, false, &chain)) {
      ok = false;
      continue;
    }
    auto tmpl = std::make_unique<mus::mustache>(src.expanded);
    if (!tmpl->is_valid()) {
      diag->Error(path.string(), 0,
                  "invalid template with its partials inlined: " + tmpl->error_message());
      ok = false;
      continue;
    }
    tmpl->set_custom_escape([](const std::string& s) { return EscapeHtml(s); });
    set->templates_[name] = Compiled{path, std::move(tmpl)};
  }
  if (!ok) return nullptr;
  return set;
}

bool TemplateSet::Has(std::string_view name) const { return templates_.count(name) > 0; }

std::string TemplateSet::Render(std::string_view name,
                                std::initializer_list<const mus::data*> layers) const {
  const Compiled& c = templates_.find(name)->second;
  mus::context<std::string> ctx;
  for (const mus::data* layer : layers) ctx.push(layer);
  return c.tmpl->render(ctx);
}

const fs::path& TemplateSet::SourceOf(std::string_view name) const {
  return templates_.find(name)->second.source;
}

std::vector<std::pair<fs::path, std::string>> ThemeStaticFiles(
    const std::vector<fs::path>& theme_dirs) {
  std::map<std::string, fs::path> files;  // output path -> source; first folder wins
  for (const auto& dir : theme_dirs) {
    fs::path root = dir / "static";
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string leaf = it->path().filename().string();
      if (leaf.starts_with(".")) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      // Symlinks are skipped: a theme copies its own files, nothing else.
      if (it->is_symlink() || !it->is_regular_file()) continue;
      std::string rel = it->path().lexically_relative(root).generic_string();
      files.emplace(rel, it->path());
    }
  }
  std::vector<std::pair<fs::path, std::string>> out;
  for (auto& [rel, src] : files) out.emplace_back(src, rel);
  return out;
}

}  // namespace kbgen
