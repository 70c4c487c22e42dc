// The Markdown page pipeline: front matter, then the body through
// cmark-gfm, link rewriting, headings and plain text. Run with a time
// budget per input (scripts/fuzz sets -timeout) so that a quadratic case
// shows as a timeout. The HTML must stay safe: no script, no unsafe URL,
// no control character.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_checks.h"
#include "generator/front_matter.h"
#include "generator/markdown.h"

using namespace kbgen;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 200000) return -1;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diag;
  std::string body(text);
  int body_line = 1;
  if (text.starts_with("---")) {
    auto file = ParseContentFile(text, "content/en/a.md", &diag);
    if (!file) return 0;
    body = file->body;
    body_line = file->body_line;
  }
  MarkdownOptions options;
  options.time_limit_seconds = 2;
  options.block_hooks = {"data"};
  MarkdownHooks hooks;
  hooks.resolve_link = [](std::string_view url, int) {
    if (url.ends_with(".md")) return LinkResult{"/en/" + std::string(url.substr(0, url.size() - 3)) + "/", ""};
    if (url == "missing.md#x") return LinkResult{"", "broken link"};
    return LinkResult{std::string(url), ""};
  };
  hooks.render_block = [](std::string_view, std::string_view body, int) {
    return std::optional<std::string>("<p>" + std::to_string(body.size()) + "</p>");
  };
  MarkdownResult r = RenderMarkdown(body, "content/en/a.md", body_line, options, hooks, &diag);
  if (!r.ok) return 0;
  FUZZ_CHECK(!FindInvalidUtf8(r.html));
  FUZZ_CHECK(!FindInvalidUtf8(r.plain_text));
  // Raw HTML is left out by default, so no element can start a script.
  FUZZ_CHECK(r.html.find("<script") == std::string::npos);
  FUZZ_CHECK(r.html.find("<iframe") == std::string::npos);
  FUZZ_CHECK(r.html.find("href=\"javascript:") == std::string::npos);
  FUZZ_CHECK(r.html.find("src=\"javascript:") == std::string::npos);
  std::set<std::string> anchors;
  for (const auto& h : r.headings) {
    FUZZ_CHECK(!h.anchor.empty());
    FUZZ_CHECK(anchors.insert(h.anchor).second);  // unique within the page
  }
  return 0;
}
