#include "generator/markdown.h"

#include "generator/html_escape.h"

#include <cstdio>
#include <utility>

#include "generator/markdown_parse.h"
#include "generator/markdown_tree.h"
#include "generator/safe_url.h"
#include "generator/slug.h"
#include "generator/utf8.h"

namespace kbgen {
namespace {

std::string FormatSeconds(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", seconds);
  return buf;
}

std::string EscapeAttribute(std::string_view s) { return EscapeHtml(s); }

// URLs in messages: short, and on one line.
std::string ShownUrl(std::string_view url) {
  std::string out;
  for (char c : url.substr(0, 80)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (url.size() > 80) out += "...";
  return out;
}

std::string Own(char* rendered) {
  std::string out = rendered ? rendered : "";
  cmark_get_default_mem_allocator()->free(rendered);
  return out;
}

// Replaces `node` by its children: a link or image without its URL keeps
// its text (an image's children are its alt text).
void Unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
  cmark_node_free(node);
}

// Puts `html` in place of `node`: custom blocks are written as they are,
// in safe mode too.
void ReplaceWithHtml(cmark_node* node, const std::string& html) {
  cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(block, html.c_str());
  cmark_node_replace(node, block);
  cmark_node_free(node);
}

std::string_view FirstWord(std::string_view info) {
  std::size_t end = info.find_first_of(" \t");
  return end == std::string_view::npos ? info : info.substr(0, end);
}

// The work on one page's tree, between parsing and rendering.
class PageRenderer {
 public:
  PageRenderer(const std::string& file, int first_line, const MarkdownOptions& options,
               const MarkdownHooks& hooks, Diagnostics* diag)
      : file_(file), first_line_(first_line), options_(options), hooks_(hooks), diag_(diag) {}

  MarkdownResult Run(const CmarkDocument& doc) {
    MakeAlerts(doc.root(), options_.labels);
    LabelTaskItems(doc.root());
    WrapTables(doc.root());
    Collect(doc.root());
    ReserveFootnoteIds(doc);
    for (cmark_node* node : links_) FixLink(node);
    std::vector<std::pair<cmark_node*, std::string>> blocks = RunBlockHooks();
    std::vector<std::string> heading_html = NameHeadings(doc);

    std::set<cmark_node*> replaced;
    for (const auto& [node, html] : blocks) replaced.insert(node);
    result_.plain_text = PlainText(doc.root(), replaced);

    for (std::size_t i = 0; i < headings_.size(); ++i) {
      ReplaceWithHtml(headings_[i], heading_html[i]);
    }
    for (const auto& [node, html] : blocks) ReplaceWithHtml(node, html);
    result_.html = LabelFootnoteBackLinks(
        Own(cmark_render_html(doc.root(), CmarkOptions(options_.unsafe_html), doc.extensions())),
        options_.labels);
    return std::move(result_);
  }

 private:
  int FileLine(cmark_node* node) const { return first_line_ + NodeLine(node) - 1; }

  void Collect(cmark_node* root) {
    cmark_iter* it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* n = cmark_iter_get_node(it);
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          links_.push_back(n);
          break;
        case CMARK_NODE_HEADING:
          headings_.push_back(n);
          break;
        case CMARK_NODE_CODE_BLOCK:
          if (options_.block_hooks.count(std::string(FirstWord(cmark_node_get_fence_info(n))))) {
            code_blocks_.push_back(n);
          }
          break;
        case CMARK_NODE_FOOTNOTE_DEFINITION:
          footnotes_.push_back(n);
          break;
        default:
          break;
      }
    }
    cmark_iter_free(it);
  }

  // cmark-gfm gives footnotes the ids fn-<label> and fnref-<label>, and its
  // API does not expose the label: take it from the rendered footnote.
  void ReserveFootnoteIds(const CmarkDocument& doc) {
    constexpr std::string_view kOpen = "<li id=\"fn-";
    for (cmark_node* node : footnotes_) {
      std::string html = Own(cmark_render_html(node, CMARK_OPT_FOOTNOTES, doc.extensions()));
      std::size_t at = html.find(kOpen);
      if (at == std::string::npos) continue;
      std::size_t begin = at + kOpen.size();
      std::size_t end = html.find('"', begin);
      if (end == std::string::npos) continue;
      std::string label = html.substr(begin, end - begin);
      anchors_.Reserve("fn-" + label);
      anchors_.Reserve("fnref-" + label);
    }
  }

  void FixLink(cmark_node* node) {
    UrlUse use = cmark_node_get_type(node) == CMARK_NODE_IMAGE ? UrlUse::kImage : UrlUse::kLink;
    const char* what = use == UrlUse::kImage ? "image" : "link";
    std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
    int line = FileLine(node);
    if (!IsSafeUrl(url, use)) {
      diag_->Warning(file_, line,
                     std::string(what) + " to unsafe URL '" + ShownUrl(url) + "' removed");
      Unwrap(node);
      return;
    }
    if (!hooks_.resolve_link) return;
    LinkResult r = hooks_.resolve_link(url, line);
    if (!r.error.empty()) {
      diag_->Error(file_, line, r.error);
      result_.ok = false;
      return;
    }
    if (r.url == url) return;
    if (!IsSafeUrl(r.url, use)) {  // resolvers are ours, but the rule holds for all
      diag_->Warning(file_, line,
                     std::string(what) + " to unsafe URL '" + ShownUrl(r.url) + "' removed");
      Unwrap(node);
      return;
    }
    cmark_node_set_url(node, r.url.c_str());
  }

  std::vector<std::pair<cmark_node*, std::string>> RunBlockHooks() {
    std::vector<std::pair<cmark_node*, std::string>> out;
    if (!hooks_.render_block) return out;
    for (cmark_node* node : code_blocks_) {
      const char* info = cmark_node_get_fence_info(node);
      const char* body = cmark_node_get_literal(node);
      auto html = hooks_.render_block(info ? info : "", body ? body : "", FileLine(node));
      if (html) out.emplace_back(node, std::move(*html));
    }
    return out;
  }

  // Fills result_.headings and returns each heading rendered with its id.
  std::vector<std::string> NameHeadings(const CmarkDocument& doc) {
    std::vector<std::string> html;
    for (cmark_node* node : headings_) {
      Heading h;
      h.level = cmark_node_get_heading_level(node);
      h.text = InlineText(node);
      h.anchor = anchors_.Unique(HeadingAnchor(h.text));
      // cmark writes "<hN>...</hN>\n"; the id goes in after "<hN".
      std::string rendered =
          Own(cmark_render_html(node, CmarkOptions(options_.unsafe_html), doc.extensions()));
      while (!rendered.empty() && rendered.back() == '\n') rendered.pop_back();
      if (rendered.size() >= 3 && rendered.starts_with("<h")) {
        rendered.insert(3, " id=\"" + EscapeAttribute(h.anchor) + "\"");
      }
      html.push_back(std::move(rendered));
      result_.headings.push_back(std::move(h));
    }
    return html;
  }

  const std::string& file_;
  int first_line_;
  const MarkdownOptions& options_;
  const MarkdownHooks& hooks_;
  Diagnostics* diag_;
  std::vector<cmark_node*> links_, headings_, code_blocks_, footnotes_;
  AnchorSet anchors_;
  MarkdownResult result_;
};

}  // namespace

MarkdownResult RenderMarkdown(std::string_view markdown, const std::string& file, int first_line,
                              const MarkdownOptions& options, const MarkdownHooks& hooks,
                              Diagnostics* diag) {
  MarkdownResult failed;
  failed.ok = false;
  if (markdown.size() > options.max_bytes) {
    diag->Error(file, 0,
                "Markdown body is " + std::to_string(markdown.size()) +
                    " bytes, more than options.max_page_bytes allows (" +
                    std::to_string(options.max_bytes) +
                    " bytes); raise it in the site config to build this page; page skipped");
    return failed;
  }
  if (!CheckUtf8(markdown, file, first_line, diag)) return failed;
  // cmark-gfm turns NUL into U+FFFD but can cut that character in half
  // inside a footnote reference (found by fuzzing): control characters
  // never reach it.
  if (!CheckNoControlCharacters(markdown, file, first_line, diag)) return failed;
  ParseOutcome parsed = ParseCmark(markdown, CmarkOptions(options.unsafe_html),
                                   options.time_limit_seconds, options.watched_parse_bytes);
  if (parsed.status == ParseStatus::kTimedOut) {
    diag->Error(file, 0,
                "Markdown took longer than " + FormatSeconds(options.time_limit_seconds) +
                    " s to parse (possible pathological input); page skipped");
    return failed;
  }
  if (parsed.status == ParseStatus::kBlocked) {
    diag->Error(file, 0,
                "Markdown not parsed: the parser is still busy with a page that took too long "
                "(see the error for that page); page skipped");
    return failed;
  }
  return PageRenderer(file, first_line, options, hooks, diag).Run(*parsed.doc);
}

}  // namespace kbgen
