#include "generator/renderer.h"

#include <algorithm>

#include "generator/permalink.h"
#include "generator/template_set.h"
#include "generator/view_model.h"

namespace fs = std::filesystem;

namespace kbgen {
namespace {

const std::vector<std::string>& TemplateNames() {
  static const std::vector<std::string> names = {
      "page", "home",  "section", "taxonomy", "term",  "alias", "language_chooser",
      "not_found", "sitemap", "feed", "search"};
  return names;
}

std::string PercentDecode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

RenderJob MakeJob(RenderJob::Kind kind, std::string output_path, std::string lang = "") {
  RenderJob job;
  job.kind = kind;
  job.output_path = std::move(output_path);
  job.lang = std::move(lang);
  return job;
}

}  // namespace

bool AliasOutputPath(std::string_view alias, std::string* output_path) {
  if (alias.empty() || HasSchemeOrHost(alias) ||
      alias.find_first_of("?#") != std::string_view::npos) {
    return false;
  }
  std::vector<std::string> segments = SplitPath(PercentDecode(alias));
  if (segments.empty()) return false;
  for (const auto& s : segments) {
    if (!IsSafeSegment(s)) return false;
  }
  if (segments.back().ends_with(".html") && !alias.ends_with("/")) {
    std::string path;
    for (const auto& s : segments) path += (path.empty() ? "" : "/") + s;
    *output_path = path;
  } else {
    *output_path = IndexPathOf(segments);
  }
  return true;
}

const char* TemplateNameOf(const RenderJob& job) {
  switch (job.kind) {
    case RenderJob::Kind::kPage: return "page";
    case RenderJob::Kind::kSection:
      return job.section && job.section->path.empty() ? "home" : "section";
    case RenderJob::Kind::kTaxonomy: return "taxonomy";
    case RenderJob::Kind::kTerm: return "term";
    case RenderJob::Kind::kAlias: return "alias";
    case RenderJob::Kind::kLanguageChooser: return "language_chooser";
    case RenderJob::Kind::kNotFound: return "not_found";
    case RenderJob::Kind::kSitemap: return "sitemap";
    case RenderJob::Kind::kFeed: return "feed";
    case RenderJob::Kind::kSearch: return "search";
  }
  return "page";
}

SiteRenderer::~SiteRenderer() = default;

std::unique_ptr<SiteRenderer> SiteRenderer::Create(const Site& site, const Catalogs& catalogs,
                                                   const Locales& locales,
                                                   const std::vector<fs::path>& theme_dirs,
                                                   Diagnostics* diag) {
  auto r = std::unique_ptr<SiteRenderer>(new SiteRenderer());
  r->templates_ = TemplateSet::Load(theme_dirs, TemplateNames(), diag);
  r->static_files_ = ThemeStaticFiles(theme_dirs);
  r->view_model_ = std::make_unique<ViewModel>(site, catalogs, locales);
  const ViewModel& vm = *r->view_model_;
  bool ok = r->templates_ != nullptr;

  using Kind = RenderJob::Kind;
  std::vector<RenderJob>& jobs = r->jobs_;
  for (const auto& p : site.pages) {
    if (p->url.empty()) continue;  // rejected by the site model
    if (!p->is_section_index) {
      RenderJob job = MakeJob(Kind::kPage, p->output_path);
      job.page = p.get();
      job.lang = p->lang;
      jobs.push_back(job);
    }
    for (const auto& alias : p->meta.aliases) {
      RenderJob job = MakeJob(Kind::kAlias, "");
      if (!AliasOutputPath(alias, &job.output_path)) {
        diag->Error(p->file, 0,
                    "alias '" + alias + "' is not a path inside the site (write it like "
                    "/" + p->lang + "/old-name/)");
        ok = false;
        continue;
      }
      job.page = p.get();
      job.lang = p->lang;
      job.target_url = vm.Link(p->url);
      job.alias = alias;
      jobs.push_back(job);
    }
  }
  for (const auto& [lang, sections] : site.sections) {
    for (const auto& [path, section] : sections) {
      RenderJob job = MakeJob(Kind::kSection, section.output_path);
      job.section = &section;
      job.lang = lang;
      jobs.push_back(job);
    }
  }
  for (std::string_view lang_view : kLanguages) {
    std::string lang(lang_view);
    for (const Taxonomy* tax : vm.NonEmptyTaxonomies(lang)) {
      RenderJob job = MakeJob(Kind::kTaxonomy, tax->output_path);
      job.taxonomy = tax;
      job.lang = lang;
      jobs.push_back(job);
      for (const auto& [slug, term] : tax->terms) {
        RenderJob t = MakeJob(Kind::kTerm, term.output_path);
        t.taxonomy = tax;
        t.term = &term;
        t.lang = lang;
        jobs.push_back(t);
      }
    }
    RenderJob search = MakeJob(Kind::kSearch, lang + "/search/index.html");
    search.lang = lang;
    jobs.push_back(search);
    RenderJob feed = MakeJob(Kind::kFeed, lang + "/feed.xml");
    feed.lang = lang;
    jobs.push_back(feed);
  }
  jobs.push_back(MakeJob(Kind::kLanguageChooser, "index.html"));
  jobs.push_back(MakeJob(Kind::kNotFound, "404.html"));
  jobs.push_back(MakeJob(Kind::kSitemap, "sitemap.xml"));
  std::stable_sort(jobs.begin(), jobs.end(), [](const RenderJob& a, const RenderJob& b) {
    return a.output_path < b.output_path;
  });
  if (!ok) return nullptr;
  return r;
}

std::vector<RenderJob> SiteRenderer::Jobs() const { return jobs_; }

std::vector<std::pair<fs::path, std::string>> SiteRenderer::StaticFiles() const {
  return static_files_;
}

std::string SiteRenderer::Render(const RenderJob& job, Diagnostics* diag) const {
  const ViewModel& vm = *view_model_;
  const char* name = TemplateNameOf(job);
  using Kind = RenderJob::Kind;
  // HTML pages render over three layers: the language's shared data, its
  // main menu (precomputed) and the page's own data.
  std::string lang = job.lang.empty() ? vm.site().config.default_language : job.lang;
  std::string url;  // the site URL, for the menu's current entry
  Data data;
  bool with_menu = true;
  switch (job.kind) {
    case Kind::kPage:
      data = vm.ForPage(*job.page, diag);
      lang = job.page->lang;
      url = job.page->url;
      break;
    case Kind::kSection:
      data = vm.ForSection(*job.section, diag);
      lang = job.section->lang;
      url = job.section->url;
      break;
    case Kind::kTaxonomy:
      data = vm.ForTaxonomy(*job.taxonomy);
      url = job.taxonomy->url;
      break;
    case Kind::kTerm:
      data = vm.ForTerm(*job.taxonomy, *job.term);
      url = job.term->url;
      break;
    case Kind::kSearch:
      data = vm.ForSearch(job.lang);
      url = "/" + job.lang + "/search/";
      break;
    case Kind::kNotFound:
      data = vm.ForNotFound();
      break;
    case Kind::kAlias:
      data = vm.ForAlias(*job.page);
      lang = job.page->lang;
      with_menu = false;
      break;
    case Kind::kLanguageChooser:
      data = vm.ForLanguageChooser();
      with_menu = false;
      break;
    case Kind::kFeed:
      data = vm.ForFeed(job.lang);
      with_menu = false;
      break;
    case Kind::kSitemap:
      data = vm.ForSitemap();
      return templates_->Render(name, {&data});
  }
  if (!with_menu) return templates_->Render(name, {&vm.Common(lang), &data});
  return templates_->Render(name, {&vm.Common(lang), &vm.MenuLayer(lang, url), &data});
}

}  // namespace kbgen
