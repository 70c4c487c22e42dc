// cmark-gfm parsing with bounded work, for markdown.cc.
//
// cmark-gfm 0.29.0.gfm.6 has quadratic inputs (150 KB of `<?x` parses in
// seconds, 300 KB of `![[]()` in 16 s), and a parse cannot be cancelled.
// Large bodies are therefore parsed on a thread of their own that is
// waited for with a timeout; on timeout the thread is left to finish on its
// own copy of the text and frees its result itself, and the caller gets
// nothing. Safe to call from several threads at once.
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

// Parses `text` with the GFM extensions table, strikethrough, autolink,
// tagfilter and tasklist. Texts of at least `thread_threshold` bytes are
// parsed on a watched thread; if that takes longer than `time_limit_seconds`
// the result is null and *timed_out is set.
std::unique_ptr<CmarkDocument> ParseCmark(std::string_view text, int options,
                                          double time_limit_seconds,
                                          std::size_t thread_threshold, bool* timed_out);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_MARKDOWN_PARSE_H_
