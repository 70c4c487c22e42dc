// `kbgen build`: the whole pipeline from content to a published site.
//
// load (config, catalogs, content) -> site model -> Markdown -> render and
// index in parallel -> atomic swap of the output folder. Any error stops the
// build before the swap: the previous site stays exactly as it was.
#ifndef KBGEN_GENERATOR_BUILD_H_
#define KBGEN_GENERATOR_BUILD_H_

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace kbgen {

struct BuildOptions {
  std::filesystem::path content_dir = "content";
  std::filesystem::path out_dir = "site";
  std::filesystem::path theme_dir = "themes/default";
  // Override templates, looked up before theme_dir (optional).
  std::optional<std::filesystem::path> layouts_dir;
  std::filesystem::path i18n_dir = "i18n";
  std::filesystem::path config_file = "kbgen.yml";
  bool config_given = false;  // an explicit --config must exist
  std::optional<std::string> base_url;
  bool progress = false;  // show "pages done / total" (on a terminal)
  bool quiet = false;     // no summary line
  bool index = true;      // write the search index
  bool timings = false;   // print the wall time of each phase
  bool durable = false;   // flush to disk before the swap (see SiteWriter::Commit)
  // Publish the in-browser search engine (search/browser_engine.h) from
  // this folder; by default from search-engine/ beside the program, when
  // it is there.
  bool browser_search = true;
  std::optional<std::filesystem::path> search_engine_dir;
};

// Runs a build; diagnostics and the summary go to `err`. Returns the exit status.
int RunBuild(const BuildOptions& options, std::ostream& err);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_BUILD_H_
