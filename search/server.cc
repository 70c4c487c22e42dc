#include "search/server.h"

#include <sys/stat.h>

#include <fstream>
#include <map>
#include <memory>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "search/api_request.h"
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

}  // namespace

int RunServer(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(options.site_dir, ec)) {
    err << options.site_dir.string() << ": error: no built site here (run kbgen build first)\n";
    return 1;
  }
  fs::path site = fs::absolute(options.site_dir, ec);
  httplib::Server server;
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
