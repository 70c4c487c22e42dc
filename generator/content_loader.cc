#include "generator/content_loader.h"

#include <algorithm>
#include <set>
#include <system_error>

#include "generator/front_matter.h"
#include "generator/parallel.h"

namespace fs = std::filesystem;

namespace kbgen {
namespace {

struct Found {
  fs::path source;
  std::string lang;
  std::string rel_path;  // below the language folder
};

bool Skipped(const fs::path& p) {
  std::string name = p.filename().string();
  return name.empty() || name.front() == '.' || name.back() == '~';
}

bool IsInside(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

// Walks one language folder; symlinks must resolve inside the content root.
class Walker {
 public:
  Walker(fs::path root, fs::path display_root, Diagnostics* diag)
      : root_(std::move(root)), display_root_(std::move(display_root)), diag_(diag) {}

  void Walk(const fs::path& dir, const std::string& lang, const std::string& rel_dir,
            std::vector<Found>* out) {
    std::error_code ec;
    fs::path canonical = fs::canonical(dir, ec);
    if (ec || !visited_.insert(canonical).second) {
      if (!ec) diag_->Error(Display(lang, rel_dir), 0, "symlink loop: folder visited twice");
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) {
      diag_->Error(Display(lang, rel_dir), 0, "cannot read folder: " + ec.message());
      return;
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
      if (Skipped(entry.path())) continue;
      std::string name = entry.path().filename().string();
      std::string rel = rel_dir.empty() ? name : rel_dir + "/" + name;
      if (entry.is_symlink(ec)) {
        fs::path target = fs::weakly_canonical(entry.path(), ec);
        if (ec || !IsInside(root_canonical(), target)) {
          diag_->Error(Display(lang, rel), 0, "symlink leads outside the content folder");
          continue;
        }
        if (!fs::exists(target, ec)) {
          diag_->Error(Display(lang, rel), 0, "broken symlink");
          continue;
        }
      }
      if (entry.is_directory(ec)) {
        Walk(entry.path(), lang, rel, out);
      } else if (entry.is_regular_file(ec)) {
        out->push_back({entry.path(), lang, rel});
      } else {
        diag_->Error(Display(lang, rel), 0, "not a regular file or folder");
      }
    }
  }

  std::string Display(const std::string& lang, const std::string& rel) const {
    fs::path p = display_root_ / lang;
    if (!rel.empty()) p /= rel;
    return p.string();
  }

 private:
  const fs::path& root_canonical() {
    if (root_canonical_.empty()) root_canonical_ = fs::canonical(root_);
    return root_canonical_;
  }
  fs::path root_;
  fs::path root_canonical_;
  fs::path display_root_;
  Diagnostics* diag_;
  std::set<fs::path> visited_;
};

// Far above any real page; the Markdown step applies the configured limit.
constexpr std::uintmax_t kMaxFileBytes = 64u << 20;

std::unique_ptr<Page> LoadPage(const Found& f, const std::string& display, Diagnostics* diag) {
  std::error_code ec;
  if (auto size = fs::file_size(f.source, ec); !ec && size > kMaxFileBytes) {
    diag->Error(display, 0, "file is " + std::to_string(size >> 20) + " MiB; pages may be at most " +
                                std::to_string(kMaxFileBytes >> 20) + " MiB");
    return nullptr;
  }
  auto parsed = LoadContentFile(f.source, display, diag);
  if (!parsed) return nullptr;
  auto page = std::make_unique<Page>();
  page->lang = f.lang;
  page->file = display;
  page->rel_path = f.rel_path;
  std::string name = fs::path(f.rel_path).filename().string();
  page->is_section_index = name == "_index.md";
  auto slash = f.rel_path.rfind('/');
  page->section = slash == std::string::npos ? "" : f.rel_path.substr(0, slash);
  page->meta = std::move(parsed->meta);
  page->markdown = std::move(parsed->body);
  page->body_line = parsed->body_line;
  return page;
}

// A top-level entry (language folder or data) that is a symlink must stay
// in the content tree like any other: the walker checks only what is below.
bool TopLevelLinkInside(const fs::path& content_dir, const fs::directory_entry& entry,
                        Diagnostics* diag) {
  std::error_code ec;
  if (!entry.is_symlink(ec)) return true;
  fs::path root = fs::canonical(content_dir, ec);
  fs::path target = ec ? fs::path() : fs::weakly_canonical(entry.path(), ec);
  if (ec || !IsInside(root, target)) {
    diag->Error(entry.path().string(), 0, "symlink leads outside the content folder");
    return false;
  }
  return true;
}

}  // namespace

bool IsActiveContentFile(std::string_view rel_path) {
  static constexpr std::string_view kActive[] = {
      ".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt",
      ".js",   ".mjs", ".mht",   ".mhtml"};
  std::size_t dot = rel_path.rfind('.');
  if (dot == std::string_view::npos || rel_path.find('/', dot) != std::string_view::npos) {
    return false;
  }
  std::string ext(rel_path.substr(dot));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view a : kActive) {
    if (ext == a) return true;
  }
  return false;
}

LoadedContent LoadContent(const fs::path& content_dir, Diagnostics* diag) {
  LoadedContent result;
  result.data_dir = content_dir / "data";
  Walker walker(content_dir, content_dir, diag);
  std::vector<Found> found;
  std::error_code ec;
  std::vector<fs::directory_entry> top;
  for (fs::directory_iterator it(content_dir, ec), end; !ec && it != end; it.increment(ec)) {
    top.push_back(*it);
  }
  if (ec) {
    diag->Error(content_dir.string(), 0, "cannot read content folder: " + ec.message());
    return result;
  }
  std::sort(top.begin(), top.end());
  for (const auto& entry : top) {
    if (Skipped(entry.path()) || !entry.is_directory(ec)) continue;  // README files and such
    std::string name = entry.path().filename().string();
    if (!TopLevelLinkInside(content_dir, entry, diag)) continue;
    if (name == "data") continue;
    if (!IsKnownLanguage(name)) {
      diag->Error(entry.path().string(), 0,
                  "unknown language folder '" + name + "' (expected one of ar en es fr ru zh, "
                  "or data)");
      continue;
    }
    walker.Walk(entry.path(), name, "", &found);
  }

  std::vector<std::unique_ptr<Page>> pages(found.size());
  ParallelFor(found.size(), [&](std::size_t i) {
    const Found& f = found[i];
    if (!f.rel_path.ends_with(".md")) return;
    pages[i] = LoadPage(f, walker.Display(f.lang, f.rel_path), diag);
  });
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (pages[i]) {
      result.pages.push_back(std::move(pages[i]));
    } else if (found[i].rel_path.ends_with(".md")) {
      result.failed_pages.insert(found[i].lang + "/" + found[i].rel_path);
    } else {
      result.assets.push_back({found[i].source, found[i].lang + "/" + found[i].rel_path});
    }
  }
  return result;
}

}  // namespace kbgen
