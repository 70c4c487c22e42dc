// GitHub alerts, labelled task lists, scrolling tables and translated
// footnote back-links (markdown_blocks.h), through RenderMarkdown.
#include "generator/markdown_blocks.h"

#include <doctest/doctest.h>

#include <string>

#include "generator/markdown.h"

using namespace kbgen;

namespace {

std::string Html(const std::string& md, const MarkdownOptions& options = {}) {
  Diagnostics diag;
  MarkdownResult r = RenderMarkdown(md, "a.md", 1, options, {}, &diag);
  CHECK(FormatDiagnostics(diag) == "");
  return r.html;
}

MarkdownOptions French() {
  MarkdownOptions o;
  o.labels.alerts = {{"note", "Remarque"}, {"tip", "Astuce"}, {"important", "Important"},
                     {"warning", "Avertissement"}, {"caution", "Attention"}};
  o.labels.footnote_back = "Retour au texte";
  return o;
}

}  // namespace

TEST_CASE("a block quote opening with [!KIND] becomes an alert titled in the page's language") {
  CHECK(Html("> [!NOTE]\n> Figures are provisional.\n") ==
        "<div class=\"alert alert--note\" role=\"note\">\n<p class=\"alert__title\">Note</p>\n"
        "<p>Figures are provisional.</p>\n</div>\n");
  CHECK(Html("> [!WARNING]\n> Check *twice*.\n", French()) ==
        "<div class=\"alert alert--warning\" role=\"note\">\n"
        "<p class=\"alert__title\">Avertissement</p>\n<p>Check <em>twice</em>.</p>\n</div>\n");
  for (const char* kind : kAlertKinds) {
    std::string upper;
    for (const char* c = kind; *c; ++c) upper += static_cast<char>(*c - 'a' + 'A');
    CHECK(Html("> [!" + upper + "]\n> x\n").starts_with(
        std::string("<div class=\"alert alert--") + kind + "\" role=\"note\">"));
  }
}

TEST_CASE("an alert keeps every block of the quote, and a marker alone on its paragraph") {
  CHECK(Html("> [!tip]\n>\n> First.\n>\n> - a\n> - b\n") ==
        "<div class=\"alert alert--tip\" role=\"note\">\n<p class=\"alert__title\">Tip</p>\n"
        "<p>First.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</div>\n");
}

TEST_CASE("other block quotes stay block quotes") {
  CHECK(Html("> [!NOTICE]\n> x\n") == "<blockquote>\n<p>[!NOTICE]\nx</p>\n</blockquote>\n");
  CHECK(Html("> Text [!NOTE]\n") == "<blockquote>\n<p>Text [!NOTE]</p>\n</blockquote>\n");
  CHECK(Html("> [!NOTE] and more\n> x\n") ==
        "<blockquote>\n<p>[!NOTE] and more\nx</p>\n</blockquote>\n");
  CHECK(Html("> [NOTE]\n> x\n") == "<blockquote>\n<p>[NOTE]\nx</p>\n</blockquote>\n");
}

TEST_CASE("an alert title is escaped") {
  MarkdownOptions o;
  o.labels.alerts["note"] = "<b>&";
  CHECK(Html("> [!NOTE]\n> x\n", o).find("<p class=\"alert__title\">&lt;b&gt;&amp;</p>") !=
        std::string::npos);
}

TEST_CASE("a task item's checkbox is labelled by the item's text, links included") {
  CHECK(Html("- [ ] Read [the toolkit](t.md) first\n") ==
        "<ul>\n<li><label class=\"task\"><input type=\"checkbox\" disabled> Read "
        "<a href=\"t.md\">the toolkit</a> first</label></li>\n</ul>\n");
  // A loose list keeps its paragraphs, the label inside the first.
  CHECK(Html("- [x] One\n\n  More.\n") ==
        "<ul>\n<li>\n<p><label class=\"task\"><input type=\"checkbox\" disabled checked> One"
        "</label></p>\n<p>More.</p>\n</li>\n</ul>\n");
  // Plain list items are untouched.
  CHECK(Html("- plain\n") == "<ul>\n<li>plain</li>\n</ul>\n");
}

TEST_CASE("footnote back-links are named in the page's language") {
  std::string html = Html("Text[^n].\n\n[^n]: The note.\n", French());
  CHECK(html.find("aria-label=\"Retour au texte\"") != std::string::npos);
  CHECK(html.find("Back to content") == std::string::npos);
  CHECK(LabelFootnoteBackLinks("<a data-footnote-backref aria-label=\"Back to content\">",
                               French().labels) ==
        "<a data-footnote-backref aria-label=\"Retour au texte\">");
  MarkdownLabels quoted;
  quoted.footnote_back = "\"x\"";
  CHECK(LabelFootnoteBackLinks("<a data-footnote-backref aria-label=\"Back to content\">", quoted) ==
        "<a data-footnote-backref aria-label=\"&quot;x&quot;\">");
}

TEST_CASE("alert markers stay out of the plain text") {
  Diagnostics diag;
  MarkdownResult r = RenderMarkdown("> [!NOTE]\n> Body text.\n", "a.md", 1, {}, {}, &diag);
  CHECK(r.plain_text.find("[!NOTE]") == std::string::npos);
  CHECK(r.plain_text.find("Body text.") != std::string::npos);
}
