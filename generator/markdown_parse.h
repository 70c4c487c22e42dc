// cmark-gfm parsing that is safe on several threads and bounded in time,
// for markdown.cc.
//
// Two properties of cmark-gfm 0.29.0.gfm.6 shape this module:
// - Inline parsing shares one process-wide table of special characters,
//   which every parse edits (github/cmark-gfm issue 221): two parses
//   processing inlines at once corrupt each other's output (strikethrough
//   and autolinks go missing). So block parsing runs in parallel but the
//   inline phase (cmark_parser_finish) runs one parse at a time.
// - Some inputs take quadratic time (100 KB of `x<?x<?x...` parses in
//   seconds, 300 KB of `![[]()` in 16 s), and a parse cannot be cancelled.
//   Large texts are parsed on a thread of their own that is waited for with
//   a timeout; a parse given up on runs to its end on its own copy of the
//   text and frees its result itself. While such a runaway parse holds the
//   inline phase, other parses fail at once (kBlocked) instead of queueing
//   behind it, so one hostile page cannot hang a build.
#ifndef KBGEN_GENERATOR_MARKDOWN_PARSE_H_
#define KBGEN_GENERATOR_MARKDOWN_PARSE_H_

#include <cstddef>
#include <memory>
#include <string_view>

#include <cmark-gfm.h>

namespace kbgen {

// A parsed document and the parser that made it (its extension list is
// needed to render the document).
class CmarkDocument {
 public:
  CmarkDocument(cmark_parser* parser, cmark_node* root) : parser_(parser), root_(root) {}
  ~CmarkDocument();
  CmarkDocument(const CmarkDocument&) = delete;
  CmarkDocument& operator=(const CmarkDocument&) = delete;

  cmark_node* root() const { return root_; }
  cmark_llist* extensions() const;

 private:
  cmark_parser* parser_;
  cmark_node* root_;
};

// cmark options for parsing and rendering: footnotes, UTF-8 validation,
// and CMARK_OPT_UNSAFE only when raw HTML is allowed.
int CmarkOptions(bool unsafe_html);

enum class ParseStatus {
  kOk,
  kTimedOut,  // took longer than the time limit; given up on
  kBlocked,   // another parse given up on still holds the inline phase
};

struct ParseOutcome {
  ParseStatus status = ParseStatus::kOk;
  std::unique_ptr<CmarkDocument> doc;  // set when kOk
};

// Parses `text` with the GFM extensions table, strikethrough, autolink,
// tagfilter and tasklist. Texts of at least `watched_bytes` are parsed on a
// watched thread and given up on after `time_limit_seconds`.
ParseOutcome ParseCmark(std::string_view text, int options, double time_limit_seconds,
                        std::size_t watched_bytes);

// Waits until no parse given up on is still running, at most `seconds`;
// true if none is. For tests, and for an orderly end of a process.
bool WaitForRunawayParses(double seconds);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_MARKDOWN_PARSE_H_
