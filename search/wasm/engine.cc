// The in-browser search engine's entry points: the same Searcher and the
// same API answers as `kbgen serve`, compiled to WebAssembly and run in a
// Web Worker (search/wasm/worker.js) over a site whose index files are
// read on demand with HTTP range requests.
//
// The worker lays the site out in the engine's file system as schema.h
// describes (search/<lang>/index.stub naming the language's compacted
// single-file database), hands ICU its data, and calls kb_search with the
// request's query parameters as a JSON array of [name, value] pairs. The
// answer is a JSON object {"status": 200|400|500|503, "body": {...}}, the
// body being what /api/search answers.
#include <emscripten/emscripten.h>
#include <unicode/udata.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "search/api_request.h"
#include "search/searcher.h"

namespace {

std::unique_ptr<kbgen::search::Searcher> searcher;
std::string answer;  // kept alive until the next call: the worker reads it

}  // namespace

extern "C" {

// Adds an ICU data package (built by scripts/build-wasm). The memory must
// stay allocated for the life of the engine. Returns 0 on success.
EMSCRIPTEN_KEEPALIVE int kb_add_icu_data(const void* data) {
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(data, &status);
  return U_FAILURE(status) ? 1 : 0;
}

// Opens the site's index at `site_dir`; returns "" or the reason it cannot.
EMSCRIPTEN_KEEPALIVE const char* kb_open(const char* site_dir) {
  answer.clear();
  searcher = kbgen::search::Searcher::Open(site_dir, &answer);
  return answer.c_str();
}

// Languages are opened on first use: after the worker adds a language's
// database file, nothing is to be reloaded. Kept for a rebuilt site.
EMSCRIPTEN_KEEPALIVE int kb_reload() { return searcher ? searcher->ReloadIfChanged() : 0; }

EMSCRIPTEN_KEEPALIVE const char* kb_search(const char* params_json) {
  kbgen::search::ApiAnswer result;
  auto params = nlohmann::json::parse(params_json, nullptr, false);
  kbgen::search::ApiParams list;
  bool ok = params.is_array();
  for (const auto& p : ok ? params : nlohmann::json::array()) {
    if (!p.is_array() || p.size() != 2 || !p[0].is_string() || !p[1].is_string()) {
      ok = false;
      break;
    }
    list.emplace_back(p[0].get<std::string>(), p[1].get<std::string>());
  }
  if (!ok) {
    result = {400, nlohmann::ordered_json{{"error", "malformed request"}}};
  } else {
    try {
      result = kbgen::search::AnswerApiRequest(searcher.get(), list);
    } catch (const std::exception& e) {  // never let an exception cross into JS
      result = {500, nlohmann::ordered_json{{"error", e.what()}}};
    }
  }
  nlohmann::ordered_json out{{"status", result.status}, {"body", std::move(result.body)}};
  answer = out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return answer.c_str();
}

}  // extern "C"
