// The in-browser search engine that a build publishes beside the index,
// for sites on plain static hosting (search/wasm/).
//
// scripts/build-wasm writes the engine's files into one folder (by
// default `search-engine/` beside the kbgen program):
//   kbsearch-worker.js   the Web Worker (emscripten glue and range reads)
//   kbsearch.wasm        the engine: search/ and Xapian, ICU, zlib
//   icu-base.dat         ICU data the analyser needs in every language
//   icu-zh.dat           ICU's Chinese dictionary, loaded for Chinese only
// A build copies them to search/engine/ with a hash of their contents in
// their names, so a CDN can cache them forever; each language's compacted
// database (schema.h) is named after its generation, a hash as well. The
// search page names all of them in its configuration.
#ifndef KBGEN_SEARCH_BROWSER_ENGINE_H_
#define KBGEN_SEARCH_BROWSER_ENGINE_H_

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kbgen::search {

struct BrowserEngine {
  // Source file -> path below the site ("search/engine/kbsearch-1a2b3c4d5e6f7081.wasm").
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  // Site paths, with a leading '/'.
  std::string worker, wasm, icu_base, icu_zh;
};

// The engine in `dir`; false and *error naming what is missing otherwise.
bool FindBrowserEngine(const std::filesystem::path& dir, BrowserEngine* engine, std::string* error);

// The folder scripts/build-wasm fills beside the running program, if any.
std::filesystem::path DefaultBrowserEngineDir();

// Site paths of a language's single-file database ("/search/en/g….glass")
// and of its head (single_file_index.h).
std::string SingleFileDatabasePath(const std::string& lang, const std::string& generation);
std::string SingleFileHeadPath(const std::string& lang, const std::string& generation);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_BROWSER_ENGINE_H_
