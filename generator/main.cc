// kbgen: argument handling only; each subcommand is one call.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "generator/build.h"
#include "generator/translation_status.h"
#include "search/search_command.h"
#include "search/server.h"

int main(int argc, char** argv) {
  CLI::App app{"kbgen: builds a multilingual knowledge base site (ar en es fr ru zh) "
               "with a prebuilt search index"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("kbgen 0.1.0"));

  kbgen::BuildOptions build;
  std::string config, base_url, layouts;
  auto* build_cmd = app.add_subcommand("build", "Build the site from the content folder");
  build_cmd->add_option("--content", build.content_dir, "Content folder: <lang>/**.md and data/")
      ->capture_default_str();
  build_cmd->add_option("--out", build.out_dir, "Output folder, replaced atomically")
      ->capture_default_str();
  build_cmd->add_option("--theme", build.theme_dir, "Theme folder (templates and static files)")
      ->capture_default_str();
  build_cmd->add_option("--layouts", layouts,
                        "Folder of templates and partials that override the theme's one at a "
                        "time (default: layouts/ when it exists)");
  build_cmd->add_option("--i18n", build.i18n_dir, "Folder of UI string catalogs <lang>.yml")
      ->capture_default_str();
  build_cmd->add_option("--config", config,
                        "Site config file (YAML; default: kbgen.yml when it exists)");
  build_cmd->add_option("--base-url", base_url,
                        "Base URL of the published site, e.g. https://example.org/kb/ "
                        "(overrides the config)");
  bool no_index = false;
  build_cmd->add_flag("--no-index", no_index, "Skip writing the search index");
  std::string engine_dir;
  build_cmd->add_option("--search-engine", engine_dir,
                        "Folder of the in-browser search engine to publish (default: "
                        "search-engine/ beside kbgen, built by scripts/build-wasm)");
  bool no_browser_search = false;
  build_cmd->add_flag("--no-browser-search", no_browser_search,
                      "Publish no in-browser search engine (search needs kbgen serve)");
  build_cmd->add_flag("--quiet,-q", build.quiet, "Print only errors and warnings");
  build_cmd->add_flag("--timings", build.timings, "Print the wall time of each build phase");
  build_cmd->add_flag("--durable", build.durable,
                      "Flush the new site to disk before swapping it in (slower; survives a "
                      "power cut right after the build)");

  kbgen::search::SearchOptions search;
  std::string site_dir = "site";
  auto* search_cmd = app.add_subcommand("search", "Search a built site's index");
  search_cmd->add_option("--site", site_dir, "Built site folder")->capture_default_str();
  search_cmd->add_option("--lang", search.lang, "Language to search (ar en es fr ru zh) or 'all'")
      ->capture_default_str();
  search_cmd->add_option("--limit", search.limit, "Results per page")->capture_default_str();
  search_cmd->add_option("--page", search.page, "Result page, from 1")->capture_default_str();
  std::vector<std::string> filters;
  search_cmd->add_option("--filter", filters,
                         "Facet filter key=value (section, type, region, country, year, tags, "
                         "lang); "
                         "repeatable");
  search_cmd->add_flag("--json", search.json, "Print one JSON object");
  search_cmd->add_flag("--exact", search.exact,
                       "Search the words as typed, without spelling correction");
  search_cmd->add_option("QUERY", search.query_words, "Query (Xapian syntax)")->required();

  kbgen::search::ServeOptions serve;
  std::string serve_site = "site";
  auto* serve_cmd = app.add_subcommand(
      "serve", "Serve a built site and its search API (/api/search) over HTTP, for local "
               "preview or behind a web server");
  serve_cmd->add_option("--site", serve_site, "Built site folder")->capture_default_str();
  serve_cmd->add_option("--host", serve.host, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "Port (0: any free port)")->capture_default_str();

  kbgen::StatusOptions status;
  auto* status_cmd = app.add_subcommand(
      "status", "For translators: pages missing in each language, and translations older "
                "than their English source");
  status_cmd->add_option("--content", status.content_dir, "Content folder")->capture_default_str();
  status_cmd->add_option("--lang", status.lang, "Only this language (ar es fr ru zh)");
  status_cmd->add_flag("--json", status.json, "Print one JSON object");

  // Every usage error exits 2, the documented status for a bad request
  // (CLI11's own codes, 104 to 110, mean nothing to a script); --help and
  // --version still exit 0.
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "error: " << e.what() << "\nRun with --help for more information.\n";
    return 2;
  }

  if (*build_cmd) {
    if (!config.empty()) {
      build.config_file = config;
      build.config_given = true;
    }
    if (!base_url.empty()) build.base_url = base_url;
    if (!layouts.empty()) {
      build.layouts_dir = layouts;
    } else if (std::filesystem::is_directory("layouts")) {
      build.layouts_dir = "layouts";
    }
    build.index = !no_index;
    build.browser_search = !no_browser_search;
    if (!engine_dir.empty()) build.search_engine_dir = engine_dir;
    build.progress = !build.quiet && ::isatty(STDERR_FILENO);
    return kbgen::RunBuild(build, std::cerr);
  }
  if (*search_cmd) {
    search.site_dir = site_dir;
    for (const auto& f : filters) {
      auto eq = f.find('=');
      if (eq == std::string::npos || eq == 0) {
        std::cerr << "error: --filter takes key=value, got '" << f << "'\n";
        return 2;
      }
      search.filters.emplace_back(f.substr(0, eq), f.substr(eq + 1));
    }
    return kbgen::search::RunSearchCommand(search, std::cout, std::cerr);
  }
  if (*status_cmd) return kbgen::RunStatusCommand(status, std::cout, std::cerr);
  if (*serve_cmd) {
    serve.site_dir = serve_site;
    return kbgen::search::RunServer(serve, std::cout, std::cerr);
  }
  return 2;
}
