// The request path and query string of `kbgen serve`: split and decoded
// the way cpp-httplib does, then checked as the server checks them. A
// path that passes holds no control byte; parameters that pass give a
// request within the searcher's limits, with no overflow on the way.
#include <cstddef>
#include <cstdint>
#include <string>

#include <httplib.h>

#include "fuzz_checks.h"
#include "search/api_request.h"
#include "search/request_checks.h"
#include "search/schema.h"

using namespace kbgen::search;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string target(reinterpret_cast<const char*>(data), size);
  std::size_t q = target.find('?');
  std::string path = httplib::detail::decode_url(target.substr(0, q), false);
  if (CheckRequestPath(path).empty()) {
    FUZZ_CHECK(IsCleanText(path));
    for (char c : path) FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
  }
  if (IsIndexPath(path)) FUZZ_CHECK(path.find("search") != std::string::npos);
  if (q == std::string::npos) return 0;
  httplib::Params decoded;
  httplib::detail::parse_query_text(target.substr(q + 1), decoded);
  ApiParams params(decoded.begin(), decoded.end());
  SearchRequest request;
  std::string error;
  if (ParseApiRequest(params, &request, &error)) {
    FUZZ_CHECK(request.limit >= 1 && request.limit <= kMaxLimit);
    FUZZ_CHECK(request.offset >= 0);
    FUZZ_CHECK(request.offset + request.limit <= kMaxResultDepth);
    FUZZ_CHECK(IsCleanText(request.query) && IsCleanText(request.lang));
    for (const auto& [k, v] : request.filters) FUZZ_CHECK(!k.empty() && IsCleanText(v));
  } else {
    FUZZ_CHECK(!error.empty());
    FUZZ_CHECK(!kbgen::FindInvalidUtf8(error));  // it goes into a JSON answer
  }
  return 0;
}
