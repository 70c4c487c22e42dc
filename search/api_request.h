// The search web API's request and answer, apart from any HTTP library:
//   ?q=QUERY&lang=fr|all&limit=N&page=N&filter=key:value (repeatable)
//    &correct=0 (the words as typed, no spelling correction)
// -> status 200 and the JSON of `kbgen search --json` (search_command.h),
//    or 400 (a request the reader can fix) / 500 / 503 and {"error": "..."}.
//
// `kbgen serve` and the in-browser engine (search/wasm/) both answer
// through these two functions, so that they validate and answer alike.
#ifndef KBGEN_SEARCH_API_REQUEST_H_
#define KBGEN_SEARCH_API_REQUEST_H_

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "search/searcher.h"

namespace kbgen::search {

// Query parameters in the order they came, already percent-decoded.
using ApiParams = std::vector<std::pair<std::string, std::string>>;

// Fills *request from the parameters; false and a message for the reader
// when one is malformed (a count that is not a positive whole number, a
// page past the deepest result, a filter without ':').
bool ParseApiRequest(const ApiParams& params, SearchRequest* request, std::string* error);

struct ApiAnswer {
  int status = 200;
  nlohmann::ordered_json body;
};

// Parses and runs one request. `searcher` may be null (no index): 503.
ApiAnswer AnswerApiRequest(Searcher* searcher, const ApiParams& params);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_API_REQUEST_H_
