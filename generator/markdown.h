// Markdown to HTML with cmark-gfm and the GFM extensions (table,
// strikethrough, autolink, tagfilter, tasklist, footnotes).
//
// Safe by default: raw HTML is left out unless `unsafe_html` is set, and
// links and images with unsafe URLs (javascript:, vbscript:, data: other
// than raster images, any unknown scheme; see safe_url.h) lose their URL
// in every mode: a link keeps its text, an image its alt text, and a
// warning names the line. Every heading gets an `id` anchor (slug.h) unique
// in the page. The caller rewrites link targets through a resolver and may
// turn fenced code blocks with chosen info words (```data) into HTML of its
// own, which is trusted as is. GitHub alerts, labelled task-list items and
// footnote back-links come from markdown_blocks.h.
//
// Work is bounded: bodies over `max_bytes` are refused, and bodies of at
// least 32 KiB (cmark-gfm has quadratic inputs) are parsed on a watched
// thread and refused after `time_limit_seconds`; while such a parse runs on,
// other pages fail at once rather than wait (see markdown_parse.h). Either
// way the page gets an error and the build fails. Diagnostics give the file
// line (`first_line` is the line of the body's first line in the file).
//
// RenderMarkdown is safe to call from several threads at once (cmark-gfm's
// inline phase, which shares global state, runs one page at a time); the
// hooks are called on the calling thread only.
#ifndef KBGEN_GENERATOR_MARKDOWN_H_
#define KBGEN_GENERATOR_MARKDOWN_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "generator/diagnostics.h"
#include "generator/markdown_blocks.h"
#include "generator/page.h"

namespace kbgen {

struct MarkdownOptions {
  bool unsafe_html = false;  // pass raw HTML through (tagfilter still applies)
  // The site config's options.max_page_bytes (the error names that
  // setting). cmark-gfm is linear on ordinary text and the watchdog stops
  // pathological input, so the limit only bounds memory: a 16 MiB report
  // takes well under a second.
  std::size_t max_bytes = 16 << 20;
  double time_limit_seconds = 10;
  // Bodies at least this large are parsed on a watched thread; smaller ones
  // cannot take long enough to matter.
  std::size_t watched_parse_bytes = 32 << 10;
  // Info words (the first word of a fence's info string) whose code blocks
  // go to MarkdownHooks::render_block, e.g. {"data"}.
  std::set<std::string> block_hooks;
  // Alert titles and footnote back-link names in the page's language.
  MarkdownLabels labels;
};

struct LinkResult {
  std::string url;    // the URL to write
  std::string error;  // non-empty: reported as `file:line: error: <error>`
};

struct MarkdownHooks {
  // Called for every link and image destination that is safe; `line` is the
  // file line. Unset: URLs are written as they are.
  std::function<LinkResult(std::string_view url, int line)> resolve_link;
  // Called for fenced code blocks whose info word is in block_hooks, with
  // the whole info string, the block's text and the file line of its
  // opening fence. Returned HTML replaces the block; nullopt leaves the
  // block as code (the hook reports its own errors).
  std::function<std::optional<std::string>(std::string_view info, std::string_view body, int line)>
      render_block;
};

struct MarkdownResult {
  bool ok = true;                 // false when an error was reported
  std::string html;               // body HTML; empty when the page was refused
  std::string plain_text;         // blocks separated by blank lines; no markup
  std::vector<Heading> headings;  // every heading, in order
};

MarkdownResult RenderMarkdown(std::string_view markdown, const std::string& file, int first_line,
                              const MarkdownOptions& options, const MarkdownHooks& hooks,
                              Diagnostics* diag);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_MARKDOWN_H_
