// `kbgen serve`: serves a built site and its search over HTTP.
//
// Static files come from the site folder (folders answer with their
// index.html, unknown paths with 404.html and status 404). The search
// service answers
//   GET /api/search?q=QUERY&lang=fr|all&limit=N&page=N&filter=key:value...
// with the JSON object of `kbgen search --json` (search_command.h), or
// status 400 and {"error": "..."} for a request the reader can fix
// (request_checks.h: unknown, repeated or out-of-range parameters, control
// characters). Every request is bounded by the searcher's limits. Paths
// with a control byte get 400; the index files are served as
// application/octet-stream; every response carries a Content-Security-
// Policy, X-Content-Type-Options: nosniff and a Referrer-Policy. Slow and
// idle clients are dropped after a few seconds of silence, so they cannot
// hold the worker pool (see the limits in server.cc).
//
// GET /<lang>/search/?q=... answers the built search page with the
// results filled in (results_page.h), so that search works without
// JavaScript; without q it is the static page.
//
// A rebuild of the site is picked up without a restart: each worker thread
// keeps its own Searcher and opens the index again when the site's build
// marker changes (the build swaps the whole folder in at once).
#ifndef KBGEN_SEARCH_SERVER_H_
#define KBGEN_SEARCH_SERVER_H_

#include <filesystem>
#include <ostream>
#include <string>

namespace kbgen::search {

struct ServeOptions {
  std::filesystem::path site_dir = "site";
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (printed)
};

// Serves until the process is stopped. Prints the address to `out`;
// returns non-zero when the site is missing or the port cannot be bound.
int RunServer(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_SERVER_H_
