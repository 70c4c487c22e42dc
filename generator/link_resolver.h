// Rewrites links found in Markdown to site URLs.
//
// A link may name a source file relative to the page (`other.md`,
// `../toolkit/mapping.md#anchor`, `../../fr/about.md` for another language)
// or a non-Markdown file of the content folder (`figure.png`). A Markdown
// target becomes the URL of that page in the linking page's language, or of
// the English original when the language has no translation. Links with a
// scheme or host and in-page anchors are left alone. A target that does not
// exist is an error. Safe to call from several threads once constructed.
#ifndef KBGEN_GENERATOR_LINK_RESOLVER_H_
#define KBGEN_GENERATOR_LINK_RESOLVER_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "generator/site.h"

namespace kbgen {

struct ResolvedLink {
  std::string url;    // the href to write (unchanged when nothing to do)
  std::string error;  // non-empty for a broken link
};

class LinkResolver {
 public:
  // `assets`: content-relative paths of non-Markdown files ("en/img/a.png").
  // `base_path`: path prefix of the site ("/" or "/kb/").
  // `failed`: content-relative paths of pages that failed to load; links to
  // them resolve to "#" without an error (the build fails already).
  LinkResolver(const Site& site, std::set<std::string> assets, std::string base_path,
               std::set<std::string> failed = {});

  ResolvedLink Resolve(const Page& from, std::string_view href) const;

 private:
  const Site& site_;
  std::set<std::string> assets_;
  std::string base_path_;
  std::set<std::string> failed_;
  std::map<std::pair<std::string, std::string>, const Page*> by_path_;  // (lang, rel_path)
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_LINK_RESOLVER_H_
