#include "search/server.h"

#include <sys/resource.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <memory>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "search/api_request.h"
#include "search/request_checks.h"
#include "search/results_page.h"
#include "search/schema.h"
#include "search/searcher.h"

namespace fs = std::filesystem;

namespace kbgen::search {
namespace {

// The marker every build writes anew: its inode changes with each build.
ino_t BuildId(const fs::path& site) {
  struct stat st;
  return ::stat((site / ".kbgen-site").c_str(), &st) == 0 ? st.st_ino : 0;
}

// One Searcher per worker thread, reopened after a rebuild.
Searcher* SearcherFor(const fs::path& site, std::string* error) {
  thread_local std::unique_ptr<Searcher> searcher;
  thread_local ino_t opened_build = 0;
  ino_t build = BuildId(site);
  if (!searcher || build != opened_build) {
    searcher = Searcher::Open(site, error);
    opened_build = build;
  }
  return searcher.get();
}

void SendJson(httplib::Response& res, int status, const nlohmann::ordered_json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, nlohmann::ordered_json{{"error", message}});
}

void HandleSearch(const fs::path& site, const httplib::Request& req, httplib::Response& res) {
  ApiParams params;
  for (const auto& [name, value] : req.params) params.emplace_back(name, value);
  std::string error;
  Searcher* searcher = SearcherFor(site, &error);
  if (!searcher) return SendError(res, 503, error);
  ApiAnswer answer = AnswerApiRequest(searcher, params);
  SendJson(res, answer.status, answer.body);
}

// GET /<lang>/search/?q=...: the built search page with the results
// filled in (results_page.h), so that search works without JavaScript.
// Returns false (the static file is served) when there is no query.
bool HandleSearchPage(const fs::path& site, const httplib::Request& req, httplib::Response& res) {
  if (req.method != "GET" && req.method != "HEAD") return false;
  if (!req.has_param("q")) return false;
  std::string lang;
  for (const auto& spec : kLanguageSpecs) {
    const std::string base = "/" + std::string(spec.lang) + "/search/";
    if (req.path == base || req.path == base + "index.html") lang = spec.lang;
  }
  if (lang.empty()) return false;
  std::ifstream in(site / lang / "search" / "index.html", std::ios::binary);
  if (!in) return false;
  const std::string shell((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  // The page's own links set q, lang, page, filter and correct; the
  // number of results per page is the page's.
  ApiParams params;
  for (const auto& [name, value] : req.params) {
    if (name != "limit") params.emplace_back(name, value);
  }
  if (!req.has_param("lang")) params.emplace_back("lang", lang);
  params.emplace_back("limit", std::to_string(kResultsPageSize));
  SearchRequest request;
  SearchResponse response;
  SearchError search_error;
  search_error.bad_request = true;
  bool ok = ParseApiRequest(params, &request, &search_error.message);
  if (ok) {
    Searcher* searcher = SearcherFor(site, &search_error.message);
    search_error.bad_request = searcher != nullptr;
    ok = searcher != nullptr && searcher->Search(request, &response, &search_error);
  }
  ResultsPageRequest page;
  page.query = req.get_param_value("q");
  page.lang = req.has_param("lang") ? req.get_param_value("lang") : lang;
  page.page = request.offset / kResultsPageSize + 1;
  page.filters = request.filters;
  page.correct = request.correct;
  res.status = ok ? 200 : search_error.bad_request ? 400 : 503;
  res.set_header("Cache-Control", "no-store");
  res.set_content(RenderResultsPage(shell, page, ok ? &response : nullptr, search_error.message),
                  "text/html; charset=utf-8");
  return true;
}

// Limits on each connection, so that slow or idle clients cannot hold the
// workers: a client that sends nothing for kReadSeconds (while sending its
// request, or idle between keep-alive requests) is dropped, and with
// kWorkers threads a few dozen such clients leave most workers free.
// Requests are GETs: a body is never needed.
constexpr int kWorkers = 64;
constexpr time_t kReadSeconds = 5;
constexpr time_t kWriteSeconds = 10;
constexpr time_t kKeepAliveSeconds = 2;
constexpr std::size_t kRequestsPerConnection = 100;
constexpr std::size_t kMaxBodyBytes = 8 << 10;

// Every response, errors included. The theme runs no inline script, so
// scripts come from the site alone; 'wasm-unsafe-eval' lets a search
// engine compiled to WebAssembly start. Styles may be inline because the
// bar charts' SVG carries a style attribute (no script can run from one).
// Images may come from https (Markdown may show them); nothing may frame
// the site from elsewhere.
const httplib::Headers& SecurityHeaders() {
  static const httplib::Headers headers = {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; object-src 'none'; "
       "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"X-Frame-Options", "SAMEORIGIN"},
  };
  return headers;
}

// Each worker keeps its own Searcher (several open files per language):
// allow as many open files as the system lets this process have.
void RaiseOpenFileLimit() {
  struct rlimit limit;
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

int RunServer(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(options.site_dir, ec)) {
    err << options.site_dir.string() << ": error: no built site here (run kbgen build first)\n";
    return 1;
  }
  fs::path site = fs::absolute(options.site_dir, ec);
  RaiseOpenFileLimit();
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  server.set_read_timeout(kReadSeconds);
  server.set_write_timeout(kWriteSeconds);
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  server.set_keep_alive_max_count(kRequestsPerConnection);
  server.set_payload_max_length(kMaxBodyBytes);
  server.set_default_headers(SecurityHeaders());
  // Before anything else, every path is checked; then the search page
  // with a query is answered before the static files. (cpp-httplib keeps
  // one pre-routing handler: both live in this one.)
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    if (std::string why = CheckRequestPath(req.path); !why.empty()) {
      res.status = 400;
      res.set_content("400 bad request: " + why + "\n", "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    return HandleSearchPage(site, req, res) ? httplib::Server::HandlerResponse::Handled
                                            : httplib::Server::HandlerResponse::Unhandled;
  });
  // The index files hold page text verbatim (a code span's <script> too):
  // served as bytes whatever their name, so no browser renders them. (After
  // routing, so HEAD requests are typed the same.)
  server.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.status >= 400 || !IsIndexPath(req.path)) return;
    res.headers.erase("Content-Type");
    res.set_header("Content-Type", "application/octet-stream");
  });
  server.Get("/api/search", [&](const httplib::Request& req, httplib::Response& res) {
    HandleSearch(site, req, res);
  });
  // Path traversal is refused by cpp-httplib's own check on mounted paths.
  if (!server.set_mount_point("/", site.string())) {
    err << site.string() << ": error: cannot serve this folder\n";
    return 1;
  }
  server.set_file_extension_and_mimetype_mapping("xml", "application/xml");
  server.set_error_handler([&](const httplib::Request&, httplib::Response& res) {
    if (res.status != 404) return;
    std::ifstream in(site / "404.html", std::ios::binary);
    if (!in) return;
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    res.set_content(body, "text/html; charset=utf-8");
  });
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host.c_str());
  } else if (!server.bind_to_port(options.host.c_str(), port)) {
    port = -1;
  }
  if (port < 0) {
    err << "error: cannot listen on " << options.host << ":" << options.port << "\n";
    return 1;
  }
  out << "serving " << site.string() << " at http://" << options.host << ":" << port
      << "/ (Ctrl-C to stop)" << std::endl;
  return server.listen_after_bind() ? 0 : 1;
}

}  // namespace kbgen::search
