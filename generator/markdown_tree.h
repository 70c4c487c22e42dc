// Reading text out of a cmark-gfm tree, for markdown.cc: the plain text of
// a page (for search and summaries) and of a heading (for anchors and the
// table of contents). Works on the tree, not on rendered HTML, so markup
// never leaks into the text. Pure functions of the tree.
#ifndef KBGEN_GENERATOR_MARKDOWN_TREE_H_
#define KBGEN_GENERATOR_MARKDOWN_TREE_H_

#include <set>
#include <string>

#include <cmark-gfm.h>

namespace kbgen {

// 1-based line of `node` in the Markdown text; inline nodes without a
// position take their nearest positioned ancestor's; 1 if none has one.
int NodeLine(cmark_node* node);

// The text of an inline container (a heading, a link): text and code
// spans, line breaks as spaces, raw HTML and footnote marks left out,
// whitespace collapsed and trimmed.
std::string InlineText(cmark_node* node);

// The text of a document: blocks separated by a blank line, soft line
// breaks as spaces, table cells separated by spaces, code blocks kept,
// raw HTML and footnote marks left out; nodes in `skip` (and their
// children) are left out too.
std::string PlainText(cmark_node* root, const std::set<cmark_node*>& skip);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_MARKDOWN_TREE_H_
