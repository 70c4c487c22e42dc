#include "generator/link_resolver.h"

#include "generator/permalink.h"

namespace kbgen {
namespace {

std::string DirOf(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string EncodePath(const std::string& path) {
  std::string out;
  for (const auto& seg : SplitPath(path)) out += "/" + EncodeSegment(seg);
  return out;
}

}  // namespace

LinkResolver::LinkResolver(const Site& site, std::set<std::string> assets, std::string base_path,
                           std::set<std::string> failed)
    : site_(site),
      assets_(std::move(assets)),
      base_path_(std::move(base_path)),
      failed_(std::move(failed)) {
  for (const auto& page : site.pages) {
    if (!page->url.empty()) by_path_[{page->lang, page->rel_path}] = page.get();
  }
}

ResolvedLink LinkResolver::Resolve(const Page& from, std::string_view href) const {
  if (href.empty() || href.front() == '#' || HasSchemeOrHost(href)) return {std::string(href), ""};
  std::string_view path = href;
  std::string suffix;  // "?query#fragment", kept as written
  if (auto cut = path.find_first_of("?#"); cut != std::string_view::npos) {
    suffix = std::string(path.substr(cut));
    path = path.substr(0, cut);
  }
  if (path.empty()) return {std::string(href), ""};
  std::string prefix = base_path_.substr(0, base_path_.size() - 1);  // "" or "/kb"
  if (path.front() == '/') return {prefix + std::string(href), ""};

  // Resolve in content-root space ("en/toolkit/x.md") so that links may
  // also name another language's file.
  std::string resolved;
  std::string from_dir = DirOf(from.lang + "/" + from.rel_path);
  if (!ResolveRelative(from_dir, path, &resolved)) {
    return {"", "link '" + std::string(href) + "' leaves the content folder"};
  }
  auto slash = resolved.find('/');
  std::string lang = resolved.substr(0, slash);
  std::string rel = slash == std::string::npos ? "" : resolved.substr(slash + 1);
  if (!IsKnownLanguage(lang) || rel.empty()) {
    return {"", "link '" + std::string(href) + "' leaves the language folder"};
  }

  if (rel.ends_with(".md")) {
    const Page* target = nullptr;
    if (auto it = by_path_.find({lang, rel}); it != by_path_.end()) {
      target = it->second;
    } else if (auto en = by_path_.find({std::string(kSourceLanguage), rel}); en != by_path_.end()) {
      target = en->second;
    }
    if (!target && (failed_.count(resolved) ||
                    failed_.count(std::string(kSourceLanguage) + "/" + rel))) {
      return {"#", ""};
    }
    if (!target) {
      return {"", "broken link '" + std::string(href) + "': no page " + resolved +
                      (lang == kSourceLanguage ? "" : " nor an English original")};
    }
    // A link into the reader's own language goes to its translation when
    // there is one; an explicit other-language link keeps its language.
    std::string want = lang == from.lang ? from.lang : target->lang;
    PageRef ref = site_.FindOrFallback(want, target->translation_key);
    const Page* page = ref.page ? ref.page : target;
    return {prefix + page->url + suffix, ""};
  }

  if (assets_.count(resolved)) return {prefix + EncodePath(resolved) + suffix, ""};
  std::string en_asset = std::string(kSourceLanguage) + "/" + rel;
  if (assets_.count(en_asset)) return {prefix + EncodePath(en_asset) + suffix, ""};
  return {"", "broken link '" + std::string(href) + "': no file " + resolved};
}

}  // namespace kbgen
