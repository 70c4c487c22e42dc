// Snippets: a short extract of a page's original text around the words a
// query matched, with the matches marked.
//
// The matches come from the index (term positions), the text and the
// byte range of each word position from the StoredPage, so the extract
// shows the page as written (accents, diacritics, case) however the query
// was typed. Snippets are made here and escaped here: Xapian's own
// MSet::snippet is not used (in 1.4.22 it can return unescaped text).
#ifndef KBGEN_SEARCH_SNIPPET_H_
#define KBGEN_SEARCH_SNIPPET_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "generator/html_escape.h"  // a header-only utility, no generator code
#include "search/stored_page.h"

namespace kbgen::search {

struct SnippetPart {
  std::string text;
  bool match = false;
  friend bool operator==(const SnippetPart&, const SnippetPart&) = default;
};
using Snippet = std::vector<SnippetPart>;

// One matched word: the index of its span in the stored text, and which
// query term it matched (windows covering more distinct terms win).
struct SnippetMatch {
  std::size_t span = 0;
  int term = 0;
};

// An extract of about `max_chars` code points of `text` around the best
// group of matches (the one covering the most distinct terms, then the
// earliest), cut at word boundaries, with "…" where text was left out and
// " · " between blocks (line breaks of the text). Matches joined without a
// space (4.0, adjacent Chinese words) are one match.
// Without matches, the start of the text.
Snippet MakeSnippet(const StoredText& text, std::vector<SnippetMatch> matches,
                    std::size_t max_chars);

// <mark>match</mark>, everything else HTML-escaped.
std::string SnippetHtml(const Snippet& snippet);
// Plain text with the matches between `open` and `close`.
std::string SnippetText(const Snippet& snippet, std::string_view open, std::string_view close);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_SNIPPET_H_
