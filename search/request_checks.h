// Checks on what an HTTP client sends `kbgen serve`, kept apart from the
// server so that they can be tested and fuzzed without a socket.
//
// A request path (after percent-decoding) must be UTF-8 without control
// characters: a NUL would cut the file name the server opens ("a%00.html"
// opens "a" but is typed by its ".html"), and CR or LF could end up in a
// header. The search API's parameters are checked by api_request.h with
// IsCleanText. Pure functions, safe from any thread.
#ifndef KBGEN_SEARCH_REQUEST_CHECKS_H_
#define KBGEN_SEARCH_REQUEST_CHECKS_H_

#include <string>
#include <string_view>

namespace kbgen::search {

// True when `text` is valid UTF-8 with no C0 control (tab included), DEL
// or C1 control.
bool IsCleanText(std::string_view text);

// "" when a decoded request path may be served, else why not.
std::string CheckRequestPath(std::string_view decoded_path);

// True for paths below the search index folder (/search/...), whose files
// are served as bytes, never with a type a browser would render.
bool IsIndexPath(std::string_view decoded_path);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_REQUEST_CHECKS_H_
