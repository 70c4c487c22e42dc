#include "generator/build.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <thread>

#include "generator/content_loader.h"
#include "generator/data_block.h"
#include "generator/diagnostics.h"
#include "generator/i18n.h"
#include "generator/link_resolver.h"
#include "generator/locale.h"
#include "generator/markdown.h"
#include "generator/output_claims.h"
#include "generator/parallel.h"
#include "generator/permalink.h"
#include "generator/renderer.h"
#include "generator/search_records.h"
#include "generator/synonym_files.h"
#include "generator/site.h"
#include "generator/site_config.h"
#include "generator/site_writer.h"
#include "search/browser_engine.h"
#include "generator/terminate_guard.h"
#include "search/index_builder.h"
#include "search/schema.h"

namespace fs = std::filesystem;

namespace kbgen {
namespace {

void PrintDiagnostics(const Diagnostics& diag, std::ostream& err) {
  err << FormatDiagnostics(diag);
}

// Without the notes, for --quiet.
void PrintProblems(const Diagnostics& diag, std::ostream& err) {
  for (const Diagnostic& d : diag.Sorted()) {
    if (d.severity != Severity::kNote) err << FormatDiagnostic(d) << "\n";
  }
}

// The writer's errors read "path: error: message": keep the path as the
// diagnostic's, so it prints once.
void AddWriterError(const std::string& text, Diagnostics* diag) {
  constexpr std::string_view kMark = ": error: ";
  auto at = text.find(kMark);
  if (at == std::string::npos) {
    diag->Error("", 0, text);
  } else {
    diag->Error(text.substr(0, at), 0, text.substr(at + kMark.size()));
  }
}

int Fail(const Diagnostics& diag, std::ostream& err) {
  PrintDiagnostics(diag, err);
  std::size_t n = diag.error_count();
  err << "build failed with " << n << (n == 1 ? " error" : " errors")
      << "; the output folder was not changed\n";
  return 1;
}

bool CheckFolder(const fs::path& dir, const std::string& what, Diagnostics* diag) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return true;
  diag->Error(dir.string(), 0, what + " folder not found");
  return false;
}

// Renders every page's Markdown in parallel: links rewritten, data blocks
// turned into tables and charts.
void RenderAllMarkdown(Site* site, const LinkResolver& resolver, const Catalogs& catalogs,
                       const Locales& locales, const fs::path& data_dir, Diagnostics* diag) {
  MarkdownOptions options;
  options.unsafe_html = site->config.unsafe_html;
  options.max_bytes = site->config.max_page_bytes;
  options.time_limit_seconds = site->config.markdown_seconds;
  options.block_hooks = {"data"};
  std::map<std::string, MarkdownOptions> by_lang;  // labels in each language
  for (std::string_view lang : kLanguages) {
    MarkdownOptions& o = by_lang[std::string(lang)] = options;
    for (const char* kind : kAlertKinds) {
      o.labels.alerts[kind] = catalogs.Format(lang, std::string("alert.") + kind);
    }
    o.labels.footnote_back = catalogs.Format(lang, "footnote.back");
  }
  DataFileCache data_cache;  // each data file is read once for all languages
  ParallelFor(site->pages.size(), [&](std::size_t i) {
    Page& page = *site->pages[i];
    if (page.url.empty()) return;  // rejected by the site model
    MarkdownHooks hooks;
    hooks.resolve_link = [&](std::string_view url, int line) {
      ResolvedLink r = resolver.Resolve(page, url);
      return LinkResult{r.url, r.error};
    };
    hooks.render_block = [&](std::string_view info, std::string_view body, int line) {
      return RenderDataBlock(body, line, page.file, page.lang, data_dir, catalogs,
                             locales.For(page.lang), diag, &data_cache);
    };
    MarkdownResult r =
        RenderMarkdown(page.markdown, page.file, page.body_line, by_lang.at(page.lang), hooks, diag);
    page.html = std::move(r.html);
    page.plain_text = std::move(r.plain_text);
    page.headings = std::move(r.headings);
  });
}

// Warns once per language and term when the catalog cannot translate it.
void WarnUntranslatedTerms(const Site& site, const Catalogs& catalogs, Diagnostics* diag) {
  for (const auto& [lang, taxonomies] : site.taxonomies) {
    std::set<std::string> warned;
    for (const auto& [name, tax] : taxonomies) {
      for (const auto& [slug, term] : tax.terms) {
        if (catalogs.HasTerm(lang, term.name) || !warned.insert(term.name).second) continue;
        diag->Warning(catalogs.FileOf(lang), 0,
                      "no translation for " + name + " term '" + term.name + "' under 'terms:'; "
                      "showing it as written");
      }
    }
  }
}

std::string SummaryLine(const Site& site, std::size_t files, double seconds,
                        const fs::path& out) {
  std::map<std::string, int> per_lang;
  for (const auto& p : site.pages) ++per_lang[p->lang];
  std::string line = "built " + std::to_string(site.pages.size()) + " pages (";
  bool first = true;
  for (std::string_view lang : kLanguages) {
    if (!first) line += ", ";
    first = false;
    line += std::string(lang) + " " + std::to_string(per_lang[std::string(lang)]);
  }
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.2f", seconds);
  line += "), " + std::to_string(files) + " files in " + secs + " s -> " + out.string();
  return line;
}

}  // namespace

// The in-browser search engine to publish: the folder given, or the one
// beside the program. Without one, the site's search needs a search
// service (kbgen serve): a note, since local previews have one.
bool FindEngine(const BuildOptions& opt, search::BrowserEngine* engine, Diagnostics* diag) {
  if (!opt.browser_search) return false;
  fs::path dir = opt.search_engine_dir ? *opt.search_engine_dir : search::DefaultBrowserEngineDir();
  std::string error;
  if (search::FindBrowserEngine(dir, engine, &error)) return true;
  if (opt.search_engine_dir) {
    diag->Error(dir.string(), 0, error);
  } else {
    diag->Note("", 0,
               "no in-browser search engine to publish (" + error +
                   "): the site's search works only where a search service runs");
  }
  return false;
}

BrowserSearchFiles BrowserSearchFilesOf(const search::BrowserEngine& engine,
                                        const std::map<std::string, std::string>& generations) {
  BrowserSearchFiles files;
  files.worker = engine.worker;
  files.wasm = engine.wasm;
  files.icu_base = engine.icu_base;
  files.icu_zh = engine.icu_zh;
  files.block_size = search::kSingleFileBlockSize;
  for (const auto& [lang, generation] : generations) {
    files.databases[lang] = search::SingleFileDatabasePath(lang, generation);
    files.heads[lang] = search::SingleFileHeadPath(lang, generation);
  }
  return files;
}

// Wall time per phase, printed with --timings.
class PhaseTimer {
 public:
  explicit PhaseTimer(bool enabled) : enabled_(enabled) {}
  void Mark(const char* phase) {
    auto now = std::chrono::steady_clock::now();
    if (enabled_) {
      double ms = std::chrono::duration<double, std::milli>(now - last_).count();
      char line[96];
      std::snprintf(line, sizeof line, "  %-22s %9.1f ms\n", phase, ms);
      lines_ += line;
    }
    last_ = now;
  }
  void Print(std::ostream& err) const {
    if (enabled_) err << "timings:\n" << lines_;
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::string lines_;
};

int RunBuild(const BuildOptions& opt, std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  PhaseTimer timer(opt.timings);
  Diagnostics diag;

  auto config = LoadSiteConfig(opt.config_file, opt.config_given, &diag);
  bool folders_ok = CheckFolder(opt.content_dir, "content", &diag) &
                    CheckFolder(opt.theme_dir, "theme", &diag) &
                    CheckFolder(opt.i18n_dir, "i18n", &diag);
  if (opt.layouts_dir) folders_ok &= CheckFolder(*opt.layouts_dir, "layouts", &diag);
  if (!config || !folders_ok) return Fail(diag, err);
  if (opt.base_url) {
    config->base_url = *opt.base_url;
    if (config->base_url.empty() || config->base_url.back() != '/') config->base_url += '/';
  }

  auto catalogs = Catalogs::Load(opt.i18n_dir, &diag, config->numbering);
  Locales locales(config->numbering);
  LoadedContent content = LoadContent(opt.content_dir, &diag);
  if (!config->unsafe_html) {
    for (const auto& a : content.assets) {
      if (!IsActiveContentFile(a.rel_path)) continue;
      diag.Error(a.source.string(), 0,
                 "a file a browser runs as a page (HTML, SVG, XML, JavaScript) is not published; "
                 "write the page in Markdown, or set options.unsafe_html if every author is "
                 "trusted");
    }
  }
  if (!catalogs) return Fail(diag, err);
  SynonymsByLanguage synonym_files;
  LoadSynonymFiles(opt.i18n_dir, &synonym_files, &diag);
  timer.Mark("load");
  // Pages that loaded go on through the site model and Markdown even when
  // others failed, so one run reports every error it can find.

  TitleLess title_less = [&](const std::string& lang, const std::string& a,
                             const std::string& b) { return locales.For(lang).Compare(a, b) < 0; };
  auto site = BuildSite(*config, std::move(content.pages), title_less, &diag);
  timer.Mark("site model");
  std::set<std::string> asset_paths;
  for (const auto& a : content.assets) asset_paths.insert(a.rel_path);
  LinkResolver resolver(*site, asset_paths, BasePathOf(site->config.base_url),
                        content.failed_pages);
  RenderAllMarkdown(site.get(), resolver, *catalogs, locales, content.data_dir, &diag);
  timer.Mark("markdown");
  WarnUntranslatedTerms(*site, *catalogs, &diag);
  if (diag.has_errors()) return Fail(diag, err);

  // The search index's records, and the in-browser engine that reads the
  // index on static hosting: the search page names its files.
  search::IndexOptions index_options;
  index_options.synonyms = site->config.synonyms;
  for (const auto& [lang, terms] : synonym_files) {
    for (const auto& [term, list] : terms) {
      auto& merged = index_options.synonyms[lang][term];
      merged.insert(merged.end(), list.begin(), list.end());
    }
  }
  std::vector<search::PageRecord> search_records;
  search::BrowserEngine engine;
  if (opt.index) {
    search_records = MakeSearchRecords(*site, *catalogs);
    if (FindEngine(opt, &engine, &diag)) {
      site->browser_search =
          BrowserSearchFilesOf(engine, search::GenerationNames(search_records, index_options));
    }
  }

  std::vector<fs::path> theme_dirs;
  if (opt.layouts_dir) theme_dirs.push_back(*opt.layouts_dir);
  theme_dirs.push_back(opt.theme_dir);
  auto renderer = SiteRenderer::Create(*site, *catalogs, locales, theme_dirs, &diag);
  if (!renderer || diag.has_errors()) return Fail(diag, err);
  std::vector<RenderJob> jobs = renderer->Jobs();
  auto static_files = renderer->StaticFiles();

  // One owner per output path: pages, assets and theme files must not collide.
  OutputClaims claims;
  for (const auto& job : jobs) {
    claims.Claim(job.output_path, job.page ? job.page->file : "the generated " + job.output_path,
                 job.alias);
  }
  for (const auto& a : content.assets) claims.Claim(a.rel_path, a.source.string());
  for (const auto& [src, path] : static_files) claims.Claim(path, src.string());
  for (const auto& [src, path] : engine.files) claims.Claim(path, src.string());
  if (!claims.Check(&diag) || diag.has_errors()) return Fail(diag, err);
  timer.Mark("templates");

  std::string error;
  auto writer = SiteWriter::Open(opt.out_dir, &error);
  if (!writer) {
    AddWriterError(error, &diag);
    return Fail(diag, err);
  }
  TerminateGuard terminate_guard(writer.get());

  // The search index is built beside rendering, from plain page records.
  std::string index_error;
  bool index_ok = true;
  std::thread indexer;
  if (opt.index) {
    indexer = std::thread([&, records = std::move(search_records)]() mutable {
      index_ok = search::BuildIndexes(records, writer->staging_dir(), index_options, &index_error);
    });
  }

  // The first write that fails (a full disk, a read-only file system)
  // stops the writing: the same error for every later file would bury it.
  std::atomic<bool> write_failed{false};
  auto report_write_error = [&](const std::string& e) {
    if (!write_failed.exchange(true)) AddWriterError(e, &diag);
  };
  std::atomic<std::size_t> done{0};
  std::mutex progress_mu;
  const std::size_t total = jobs.size();
  ParallelFor(total, [&](std::size_t i) {
    if (write_failed) return;
    std::string html = renderer->Render(jobs[i], &diag);
    std::string write_error;
    if (!writer->Write(jobs[i].output_path, html, &write_error)) report_write_error(write_error);
    std::size_t n = ++done;
    if (opt.progress && (n % 200 == 0 || n == total)) {
      std::lock_guard<std::mutex> lock(progress_mu);
      err << "\rrendering " << n << "/" << total << std::flush;
    }
  });
  if (opt.progress) err << "\r\033[K" << std::flush;
  timer.Mark("render and write");
  for (const auto& a : content.assets) {
    if (write_failed) break;
    if (!writer->Copy(a.source, a.rel_path, &error)) report_write_error(error);
  }
  for (const auto& [src, path] : static_files) {
    if (write_failed) break;
    if (!writer->Copy(src, path, &error)) report_write_error(error);
  }
  for (const auto& [src, path] : engine.files) {
    if (write_failed) break;
    if (!writer->Copy(src, path, &error)) report_write_error(error);
  }
  timer.Mark("copy files");
  if (indexer.joinable()) indexer.join();
  timer.Mark("search index (rest)");
  if (!index_ok) diag.Add({Severity::kError, "", 0, 0, "search index: " + index_error});
  if (diag.has_errors()) return Fail(diag, err);

  if (!writer->Commit(&error, opt.durable)) {
    AddWriterError(error, &diag);
    return Fail(diag, err);
  }
  timer.Mark("swap in");
  if (opt.quiet) {
    PrintProblems(diag, err);
  } else {
    PrintDiagnostics(diag, err);
  }
  timer.Print(err);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!opt.quiet) {
    const std::size_t files =
        total + content.assets.size() + static_files.size() + engine.files.size();
    err << SummaryLine(*site, files, seconds, opt.out_dir)
        << "\n";
  }
  return 0;
}

}  // namespace kbgen
