// The compiled mustache templates of a theme, loaded with override.
//
// A theme is an ordered list of folders, each holding
//   templates/<name>.mustache   one per kind of output file
//   partials/<name>.mustache    pieces included with {{> name}}
//   static/...                  files copied to the output as they are
// The first folder that has a file wins, so a site can override one partial
// of the default theme at a time.
//
// Partials are resolved and inlined at load time (without the final newline
// of their file, so a partial on a line of its own adds no blank line) and every template is
// compiled once: rendering never reads a file or parses a template again.
// kainjow mustache 4.1 re-parses a partial on every use and recurses without
// limit, so a partial that includes itself (directly or through others)
// would overflow the stack; Load() reports it as an error instead.
//
// Theme rules checked at load time (each violation is an error naming the
// file and line):
//  - every required template and every included partial exists;
//  - no partial cycle;
//  - no set-delimiter tags ({{=<% %>=}}): partials are inlined textually;
//  - unescaped output ({{{x}}} or {{&x}}) only for values whose name ends in
//    "_html": the view model gives that suffix only to HTML it built itself
//    or that the Markdown step already made safe.
//
// After Load(), Render() is safe to call from several threads: the compiled
// templates hold no lambdas or partials, and kainjow only writes to a
// template while rendering when one of those fails.
#ifndef KBGEN_GENERATOR_TEMPLATE_SET_H_
#define KBGEN_GENERATOR_TEMPLATE_SET_H_

#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "generator/html_escape.h"
#include "generator/diagnostics.h"

namespace kbgen {

class TemplateSet {
 public:
  // Loads templates/<name>.mustache for every name in `names` from the first
  // folder of `theme_dirs` that has it, with every partial they include.
  // Returns null when errors were reported to `diag`.
  static std::unique_ptr<TemplateSet> Load(const std::vector<std::filesystem::path>& theme_dirs,
                                           const std::vector<std::string>& names,
                                           Diagnostics* diag);

  bool Has(std::string_view name) const;
  // Renders template `name` with a context stack: lookups try the last
  // layer first, then the ones before it. REQUIRES: Has(name).
  std::string Render(std::string_view name,
                     std::initializer_list<const kainjow::mustache::data*> layers) const;
  std::string Render(std::string_view name, const kainjow::mustache::data& base,
                     const kainjow::mustache::data& top) const {
    return Render(name, {&base, &top});
  }

  // The file each template came from, for messages.
  const std::filesystem::path& SourceOf(std::string_view name) const;

 private:
  struct Compiled {
    std::filesystem::path source;
    std::unique_ptr<kainjow::mustache::mustache> tmpl;
  };
  std::map<std::string, Compiled, std::less<>> templates_;
};

// Theme static files after override: (source file, output path relative to
// the site root), sorted by output path. The first folder that has a path wins.
std::vector<std::pair<std::filesystem::path, std::string>> ThemeStaticFiles(
    const std::vector<std::filesystem::path>& theme_dirs);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_TEMPLATE_SET_H_
