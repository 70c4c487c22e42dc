// Loads the content folder: `<content>/<lang>/**.md` pages and every other
// file below a language folder as an asset copied to the same path in the
// output. `<content>/data/` holds data files for data blocks. Any other
// folder at the top is an error (an unknown language), as is a symlink that
// leads outside the content folder, an unreadable file, bad front matter or
// invalid UTF-8. Files and folders whose names start with '.' are skipped.
// Pages are parsed in parallel; diagnostics name the file and line.
#ifndef KBGEN_GENERATOR_CONTENT_LOADER_H_
#define KBGEN_GENERATOR_CONTENT_LOADER_H_

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "generator/diagnostics.h"
#include "generator/page.h"

namespace kbgen {

struct Asset {
  std::filesystem::path source;  // the file on disk
  std::string rel_path;          // "en/toolkit/figure.png": output and link path
};

struct LoadedContent {
  std::vector<std::unique_ptr<Page>> pages;  // ordered by (lang, rel_path)
  std::vector<Asset> assets;                 // ordered by rel_path
  std::filesystem::path data_dir;            // <content>/data (may not exist)
  // "lang/rel_path" of Markdown files that failed to load: links to them
  // are not reported again as broken.
  std::set<std::string> failed_pages;
};

LoadedContent LoadContent(const std::filesystem::path& content_dir, Diagnostics* diag);

// True for a file a browser would run as a document with scripts when it
// is served from the site's origin: HTML, XHTML, SVG, XML (and XSLT),
// JavaScript, MHTML, by extension in any case. Such an asset published
// verbatim is stored cross-site scripting for anyone who can submit
// content, so the build refuses it unless the site trusts its authors with
// raw HTML (options.unsafe_html), the one switch that already says so.
bool IsActiveContentFile(std::string_view rel_path);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_CONTENT_LOADER_H_
