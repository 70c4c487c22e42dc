// The site renderer: every output file of the site as a render job, and
// each job's text from the theme's templates and the view model.
//
// Output files (all paths relative to the output folder):
//   <lang>/<path>/index.html     content pages (template "page")
//   <lang>/<section>/index.html  section lists ("section"); <lang>/index.html
//                                is the home page ("home")
//   <lang>/<taxonomy>/index.html terms with counts ("taxonomy"), and
//   <lang>/<taxonomy>/<term>/index.html their pages ("term"), for each
//                                taxonomy that has terms
//   <lang>/search/index.html     the search page ("search")
//   <lang>/feed.xml              Atom feed ("feed")
//   <alias>/index.html           a redirect per alias of each page ("alias")
//   index.html                   the language chooser ("language_chooser")
//   404.html                     ("not_found"); sitemap.xml ("sitemap")
// A page whose translation is missing is not rendered in that language:
// listings link to the English original instead.
//
// Create() loads and checks the theme (see template_set.h) and the aliases;
// afterwards Jobs(), Render() and StaticFiles() are safe to call from
// several threads.
#ifndef KBGEN_GENERATOR_RENDERER_H_
#define KBGEN_GENERATOR_RENDERER_H_

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "generator/diagnostics.h"
#include "generator/i18n.h"
#include "generator/locale.h"
#include "generator/site.h"

namespace kbgen {

class TemplateSet;
class ViewModel;

struct RenderJob {
  enum class Kind {
    kPage, kSection, kTaxonomy, kTerm, kAlias, kLanguageChooser, kNotFound, kSitemap, kFeed,
    kSearch
  };
  Kind kind = Kind::kPage;
  std::string output_path;  // relative to the output folder, '/'-separated
  const Page* page = nullptr;        // kPage; kAlias: the redirect target
  const Section* section = nullptr;  // kSection
  const Taxonomy* taxonomy = nullptr;  // kTaxonomy, kTerm
  const TaxonomyTerm* term = nullptr;  // kTerm
  std::string lang;        // every kind but the chooser, 404 and sitemap
  std::string target_url;  // kAlias: the link to the target page
  std::string alias;       // kAlias: the alias as written in front matter
};

// The template each kind of job renders with.
const char* TemplateNameOf(const RenderJob& job);

class SiteRenderer {
 public:
  ~SiteRenderer();

  // theme_dirs: override folders first, the default theme last. Reports
  // missing templates, partial cycles and unsafe alias paths to `diag` and
  // returns null when it found errors. `site`, `catalogs` and `locales` must
  // outlive the renderer.
  static std::unique_ptr<SiteRenderer> Create(const Site& site, const Catalogs& catalogs,
                                              const Locales& locales,
                                              const std::vector<std::filesystem::path>& theme_dirs,
                                              Diagnostics* diag);

  // Every output file, sorted by output_path.
  std::vector<RenderJob> Jobs() const;

  // The text of one output file. Thread-safe. Warnings (such as a script URL
  // left out of a page's params) go to `diag`.
  std::string Render(const RenderJob& job, Diagnostics* diag) const;

  // (source file, output path) of the theme's static files (CSS, JS, fonts)
  // after override, sorted by output path.
  std::vector<std::pair<std::filesystem::path, std::string>> StaticFiles() const;

 private:
  SiteRenderer() = default;

  std::unique_ptr<TemplateSet> templates_;
  std::unique_ptr<ViewModel> view_model_;
  std::vector<RenderJob> jobs_;
  std::vector<std::pair<std::filesystem::path, std::string>> static_files_;
};

// The output path of an alias ("/en/old-name/" -> "en/old-name/index.html";
// "old.html" stays "old.html"), or false when it is empty or would leave the
// output folder.
bool AliasOutputPath(std::string_view alias, std::string* output_path);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_RENDERER_H_
