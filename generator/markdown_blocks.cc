#include "generator/markdown_blocks.h"

#include <cstring>
#include <string_view>
#include <vector>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "generator/html_escape.h"

namespace kbgen {
namespace {

std::vector<cmark_node*> NodesOfType(cmark_node* root, cmark_node_type type) {
  std::vector<cmark_node*> out;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == type) out.push_back(n);
  }
  cmark_iter_free(it);
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The alert kind a block quote's first line names, or "". On success
// `marker` holds the inline nodes of that line and the break after it.
std::string AlertKind(cmark_node* quote, const MarkdownLabels& labels,
                      std::vector<cmark_node*>* marker) {
  cmark_node* para = cmark_node_first_child(quote);
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return "";
  // cmark splits "[!NOTE]" into several text nodes ("[" opens a possible
  // link): join the text up to the first line break.
  std::string line;
  for (cmark_node* n = cmark_node_first_child(para); n; n = cmark_node_next(n)) {
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      marker->push_back(n);
      break;
    }
    if (type != CMARK_NODE_TEXT) return "";
    const char* literal = cmark_node_get_literal(n);
    line += literal ? literal : "";
    marker->push_back(n);
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
  if (line.size() < 4 || !line.starts_with("[!") || line.back() != ']') return "";
  std::string kind = Lower(std::string_view(line).substr(2, line.size() - 3));
  return labels.alerts.count(kind) ? kind : "";
}

}  // namespace

void MakeAlerts(cmark_node* root, const MarkdownLabels& labels) {
  for (cmark_node* quote : NodesOfType(root, CMARK_NODE_BLOCK_QUOTE)) {
    std::vector<cmark_node*> marker;
    std::string kind = AlertKind(quote, labels, &marker);
    if (kind.empty()) continue;
    cmark_node* para = cmark_node_first_child(quote);
    for (cmark_node* n : marker) cmark_node_free(n);
    if (!cmark_node_first_child(para)) cmark_node_free(para);

    std::string open = "<div class=\"alert alert--" + kind + "\" role=\"note\">\n" +
                       "<p class=\"alert__title\">" + EscapeHtml(labels.alerts.at(kind)) +
                       "</p>\n";
    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(block, open.c_str());
    cmark_node_set_on_exit(block, "</div>\n");
    while (cmark_node* child = cmark_node_first_child(quote)) cmark_node_append_child(block, child);
    cmark_node_replace(quote, block);
    cmark_node_free(quote);
  }
}

void WrapTables(cmark_node* root) {
  std::vector<cmark_node*> tables;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    const char* type = cmark_node_get_type_string(n);
    if (ev == CMARK_EVENT_ENTER && type && std::strcmp(type, "table") == 0) tables.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* table : tables) {
    cmark_node* wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(wrapper, "<div class=\"table-scroll\" tabindex=\"0\">\n");
    cmark_node_set_on_exit(wrapper, "</div>\n");
    cmark_node_insert_before(table, wrapper);
    cmark_node_append_child(wrapper, table);
  }
}

void LabelTaskItems(cmark_node* root) {
  for (cmark_node* item : NodesOfType(root, CMARK_NODE_ITEM)) {
    const char* type = cmark_node_get_type_string(item);
    if (!type || std::strcmp(type, "tasklist") != 0) continue;
    bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
    // A plain item from here on: the checkbox is written inside the label.
    cmark_node_set_syntax_extension(item, nullptr);
    cmark_node* para = cmark_node_first_child(item);
    if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) {
      cmark_node* fresh = cmark_node_new(CMARK_NODE_PARAGRAPH);
      if (para) {
        cmark_node_insert_before(para, fresh);
      } else {
        cmark_node_append_child(item, fresh);
      }
      para = fresh;
    }
    cmark_node* label = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
    cmark_node_set_on_enter(label, checked ? "<label class=\"task\"><input type=\"checkbox\" "
                                             "disabled checked> "
                                           : "<label class=\"task\"><input type=\"checkbox\" "
                                             "disabled> ");
    cmark_node_set_on_exit(label, "</label>");
    while (cmark_node* child = cmark_node_first_child(para)) cmark_node_append_child(label, child);
    cmark_node_append_child(para, label);
  }
}

std::string LabelFootnoteBackLinks(std::string html, const MarkdownLabels& labels) {
  static constexpr std::string_view kEnglish = "data-footnote-backref aria-label=\"Back to content\"";
  if (labels.footnote_back == "Back to content") return html;
  const std::string replacement =
      "data-footnote-backref aria-label=\"" + EscapeHtml(labels.footnote_back) + "\"";
  std::string out;
  out.reserve(html.size());
  std::size_t from = 0;
  for (std::size_t at; (at = html.find(kEnglish, from)) != std::string::npos;) {
    out.append(html, from, at - from);
    out += replacement;
    from = at + kEnglish.size();
  }
  out.append(html, from);
  return out;
}

}  // namespace kbgen
