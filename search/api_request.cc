#include "search/api_request.h"

#include <charconv>
#include <set>
#include <string_view>

#include "search/request_checks.h"
#include "search/schema.h"
#include "search/search_command.h"

namespace kbgen::search {
namespace {

// A positive whole number within int, or false.
bool ParseCount(const std::string& value, int* out) {
  int n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size() || n < 1) return false;
  *out = n;
  return true;
}

}  // namespace

bool ParseApiRequest(const ApiParams& params, SearchRequest* request, std::string* error) {
  *request = SearchRequest();
  // Every parameter is checked: a known name, once (filter may repeat),
  // text without control characters, in UTF-8.
  std::set<std::string_view> seen;
  for (const auto& [name, value] : params) {
    if (name != "q" && name != "lang" && name != "limit" && name != "page" && name != "filter" &&
        name != "correct") {
      *error = IsCleanText(name)
                   ? "unknown parameter '" + name + "' (known: q, lang, limit, page, filter, correct)"
                   : std::string("unknown parameter");
      return false;
    }
    if (name != "filter" && !seen.insert(name).second) {
      *error = "parameter '" + name + "' given more than once";
      return false;
    }
    if (!IsCleanText(value)) {
      *error = "parameter '" + name + "' holds a control character or invalid UTF-8";
      return false;
    }
  }
  int page = 1;
  for (const auto& [name, value] : params) {
    if (name == "q") {
      request->query = value;
    } else if (name == "lang") {
      request->lang = value;
    } else if (name == "limit" || name == "page") {
      if (!ParseCount(value, name == "limit" ? &request->limit : &page)) {
        *error = "'" + name + "' must be a positive whole number, got '" + value + "'";
        return false;
      }
    } else if (name == "correct") {
      request->correct = value != "0";  // 0: the words as typed
    } else if (name == "filter") {
      auto sep = value.find_first_of(":=");
      if (sep == std::string::npos || sep == 0) {
        *error = "a filter is key:value, got '" + value + "'";
        return false;
      }
      request->filters.emplace_back(value.substr(0, sep), value.substr(sep + 1));
    }
  }
  if (request->limit > kMaxLimit) {
    *error = "the number of results per page must be between 1 and " + std::to_string(kMaxLimit);
    return false;
  }
  // Checked before multiplying, so that no page number overflows.
  if (page - 1 > (kMaxResultDepth - request->limit) / request->limit) {
    *error = "only the first " + std::to_string(kMaxResultDepth) + " results can be shown";
    return false;
  }
  request->offset = (page - 1) * request->limit;
  return true;
}

ApiAnswer AnswerApiRequest(Searcher* searcher, const ApiParams& params) {
  auto error_answer = [](int status, const std::string& message) {
    return ApiAnswer{status, nlohmann::ordered_json{{"error", message}}};
  };
  SearchRequest request;
  std::string error;
  if (!ParseApiRequest(params, &request, &error)) return error_answer(400, error);
  if (searcher == nullptr) return error_answer(503, "the search index is not available");
  SearchResponse response;
  SearchError search_error;
  if (!searcher->Search(request, &response, &search_error)) {
    return error_answer(search_error.bad_request ? 400 : 500, search_error.message);
  }
  return ApiAnswer{200, ResponseToJson(request.query, request.lang, response)};
}

}  // namespace kbgen::search
