#include "generator/markdown_tree.h"

#include <string_view>

namespace kbgen {
namespace {

void AppendLiteral(cmark_node* node, std::string* out) {
  if (const char* text = cmark_node_get_literal(node)) *out += text;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Collapses runs of spaces and tabs to one space within each line, and
// runs of blank lines to one; trims both ends.
std::string Tidy(std::string_view text, bool keep_newlines) {
  std::string out;
  int newlines = 0;
  bool space = false;
  for (char c : text) {
    if (c == '\n' && keep_newlines) {
      ++newlines;
      space = false;
      continue;
    }
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (!out.empty()) {
      if (newlines > 0) {
        out.append(newlines > 1 ? "\n\n" : "\n");
      } else if (space) {
        out += ' ';
      }
    }
    newlines = 0;
    space = false;
    out += c;
  }
  return out;
}

bool TypeIs(cmark_node* node, std::string_view type) {
  const char* name = cmark_node_get_type_string(node);
  return name && type == name;
}

}  // namespace

int NodeLine(cmark_node* node) {
  for (cmark_node* n = node; n; n = cmark_node_parent(n)) {
    if (int line = cmark_node_get_start_line(n); line > 0) return line;
  }
  return 1;
}

std::string InlineText(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        AppendLiteral(n, &out);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(it);
  return Tidy(out, false);
}

std::string PlainText(cmark_node* root, const std::set<cmark_node*>& skip) {
  std::string out;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (skip.count(n)) {
      if (ev == CMARK_EVENT_ENTER) cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
      continue;
    }
    cmark_node_type type = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER) {
      switch (type) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          AppendLiteral(n, &out);
          break;
        case CMARK_NODE_CODE_BLOCK:
          AppendLiteral(n, &out);
          out += "\n\n";
          break;
        case CMARK_NODE_SOFTBREAK:
          out += ' ';
          break;
        case CMARK_NODE_LINEBREAK:
          out += '\n';
          break;
        default:
          break;
      }
      continue;
    }
    // Leaving a node: end blocks with a blank line, rows with a line
    // break, cells with " | " between them.
    if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
      out += "\n\n";
    } else if (TypeIs(n, "table_row") || TypeIs(n, "table_header")) {
      out += '\n';
    } else if (TypeIs(n, "table_cell")) {
      // Cells stay apart in search snippets.
      out += cmark_node_next(n) != nullptr ? " | " : " ";
    } else if (TypeIs(n, "table")) {
      out += "\n\n";
    }
  }
  cmark_iter_free(it);
  return Tidy(out, true);
}

}  // namespace kbgen
