#include "generator/markdown.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "generator/markdown_parse.h"

using namespace kbgen;

namespace {

// Renders `md` as the body of a.md starting at file line `first_line`.
struct Rendered {
  MarkdownResult result;
  std::string messages;
};

Rendered Render(const std::string& md, const MarkdownOptions& options = {},
                const MarkdownHooks& hooks = {}, int first_line = 1) {
  Diagnostics diag;
  Rendered r{RenderMarkdown(md, "a.md", first_line, options, hooks, &diag), ""};
  r.messages = FormatDiagnostics(diag);
  return r;
}

std::string Html(const std::string& md, const MarkdownOptions& options = {}) {
  Rendered r = Render(md, options);
  CHECK(r.messages == "");
  return r.result.html;
}

MarkdownOptions Unsafe() {
  MarkdownOptions o;
  o.unsafe_html = true;
  return o;
}

}  // namespace

TEST_CASE("GFM tables, task lists, strikethrough and autolinks render") {
  CHECK(Html("| a | b |\n|---|--:|\n| 1 | 2 |\n") ==
        "<div class=\"table-scroll\" tabindex=\"0\">\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n"
        "</div>\n");
  CHECK(Html("- [x] done\n- [ ] todo\n") ==
        "<ul>\n<li><label class=\"task\"><input type=\"checkbox\" disabled checked> done</label>"
        "</li>\n<li><label class=\"task\"><input type=\"checkbox\" disabled> todo</label></li>\n"
        "</ul>\n");
  CHECK(Html("~~gone~~ kept\n") == "<p><del>gone</del> kept</p>\n");
  CHECK(Html("see www.example.org and https://x.org/a\n") ==
        "<p>see <a href=\"http://www.example.org\">www.example.org</a> and "
        "<a href=\"https://x.org/a\">https://x.org/a</a></p>\n");
}

TEST_CASE("GFM footnotes render") {
  CHECK(Html("Text[^n].\n\n[^n]: The note.\n") ==
        "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-n\" id=\"fnref-n\" "
        "data-footnote-ref>1</a></sup>.</p>\n"
        "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-n\">\n"
        "<p>The note. <a href=\"#fnref-n\" class=\"footnote-backref\" data-footnote-backref "
        "aria-label=\"Back to content\">\xE2\x86\xA9</a></p>\n</li>\n</ol>\n</section>\n");
}

TEST_CASE("raw HTML is omitted in safe mode and passed (tag-filtered) in unsafe mode") {
  const std::string md = "<div class=\"box\">hi</div>\n\npara <b>bold</b>\n";
  CHECK(Html(md) ==
        "<!-- raw HTML omitted -->\n"
        "<p>para <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n");
  CHECK(Html(md, Unsafe()) == "<div class=\"box\">hi</div>\n<p>para <b>bold</b></p>\n");
  CHECK(Html("<img src=x onerror=alert(1)>\n") == "<!-- raw HTML omitted -->\n");
  CHECK(Html("text <img src=x onerror=alert(1)>\n") == "<p>text <!-- raw HTML omitted --></p>\n");
  CHECK(Html("<script>alert(1)</script>\n", Unsafe()) == "&lt;script>alert(1)&lt;/script>\n");
}

TEST_CASE("links and images with unsafe URLs are dropped in every mode, with a warning") {
  const std::string md =
      "[js](javascript:alert(1)) ![pic](vbscript:x) [ok](https://x.org)\n"
      "[tab](java&#x09;script:alert(1)) <javascript:alert(2)>\n"
      "[d](data:text/html,x) ![png](data:image/png;base64,AA) ![svg](data:image/svg+xml,x)\n";
  const std::string expected =
      "<p>js pic <a href=\"https://x.org\">ok</a>\n"
      "tab javascript:alert(2)\n"
      "d <img src=\"data:image/png;base64,AA\" alt=\"png\" /> svg</p>\n";
  const std::string warnings =
      "a.md:1: warning: image to unsafe URL 'vbscript:x' removed\n"
      "a.md:1: warning: link to unsafe URL 'javascript:alert(1)' removed\n"
      "a.md:2: warning: link to unsafe URL 'java script:alert(1)' removed\n"
      "a.md:2: warning: link to unsafe URL 'javascript:alert(2)' removed\n"
      "a.md:3: warning: image to unsafe URL 'data:image/svg+xml,x' removed\n"
      "a.md:3: warning: link to unsafe URL 'data:text/html,x' removed\n";
  for (bool unsafe : {false, true}) {
    MarkdownOptions o;
    o.unsafe_html = unsafe;
    Rendered r = Render(md, o);
    CHECK(r.result.html == expected);
    CHECK(r.messages == warnings);
    CHECK(r.result.ok);  // a warning, not an error
  }
}

TEST_CASE("headings get stable anchors in every script, unique within the page") {
  Rendered r = Render(
      "## Introduction\n## Введение в тему\n## مقدمة عامة\n## 引言：概述\n## Introduction\n"
      "### !!!\n# The *best* `code` [link](https://x.org)\n");
  CHECK(r.result.html ==
        "<h2 id=\"introduction\">Introduction</h2>\n"
        "<h2 id=\"введение-в-тему\">Введение в тему</h2>\n"
        "<h2 id=\"مقدمة-عامة\">مقدمة عامة</h2>\n"
        "<h2 id=\"引言-概述\">引言：概述</h2>\n"
        "<h2 id=\"introduction-2\">Introduction</h2>\n"
        "<h3 id=\"section\">!!!</h3>\n"
        "<h1 id=\"the-best-code-link\">The <em>best</em> <code>code</code> "
        "<a href=\"https://x.org\">link</a></h1>\n");
  const auto& h = r.result.headings;
  REQUIRE(h.size() == 7);
  CHECK(h[1].level == 2);
  CHECK(h[1].text == "Введение в тему");
  CHECK(h[1].anchor == "введение-в-тему");
  CHECK(h[4].anchor == "introduction-2");
  CHECK(h[5].level == 3);
  CHECK(h[5].anchor == "section");
  CHECK(h[6].level == 1);
  CHECK(h[6].text == "The best code link");
}

TEST_CASE("heading anchors do not take the ids of footnotes") {
  Rendered r = Render("## Fn n\n\nText[^n].\n\n[^n]: Note.\n");
  REQUIRE(r.result.headings.size() == 1);
  CHECK(r.result.headings[0].anchor == "fn-n-2");
}

TEST_CASE("the link resolver rewrites links and images, and its errors carry the file line") {
  std::vector<std::pair<std::string, int>> calls;
  MarkdownHooks hooks;
  hooks.resolve_link = [&](std::string_view url, int line) {
    calls.emplace_back(std::string(url), line);
    if (url == "missing.md") return LinkResult{"", "broken link 'missing.md'"};
    return LinkResult{"/en/" + std::string(url) + "/", ""};
  };
  // Body line 3 is file line 7 when the body starts on line 5.
  Rendered r =
      Render("Intro\n\n[a](page.md) and [b](missing.md)\n\n## See ![f](fig.png)\n", {}, hooks, 5);
  CHECK(r.messages == "a.md:7: error: broken link 'missing.md'\n");
  CHECK_FALSE(r.result.ok);
  CHECK(calls == std::vector<std::pair<std::string, int>>{
                     {"page.md", 7}, {"missing.md", 7}, {"fig.png", 9}});
  CHECK(r.result.html ==
        "<p>Intro</p>\n<p><a href=\"/en/page.md/\">a</a> and <a href=\"missing.md\">b</a></p>\n"
        "<h2 id=\"see-f\">See <img src=\"/en/fig.png/\" alt=\"f\" /></h2>\n");
}

TEST_CASE("a resolver that returns an unsafe URL does not get it written") {
  MarkdownHooks hooks;
  hooks.resolve_link = [](std::string_view, int) { return LinkResult{"javascript:x", ""}; };
  Rendered r = Render("[a](b.md)\n", {}, hooks);
  CHECK(r.result.html == "<p>a</p>\n");
  CHECK(r.messages == "a.md:1: warning: link to unsafe URL 'javascript:x' removed\n");
}

TEST_CASE("fenced blocks with a hooked info word are replaced by the hook's HTML") {
  std::vector<std::string> calls;
  MarkdownOptions options;
  options.block_hooks = {"data"};
  MarkdownHooks hooks;
  hooks.render_block = [&](std::string_view info, std::string_view body,
                           int line) -> std::optional<std::string> {
    calls.push_back(std::string(info) + "|" + std::string(body) + "|" + std::to_string(line));
    if (body.find("fail") != std::string_view::npos) return std::nullopt;
    return "<figure onclick=\"trusted()\">chart</figure>";
  };
  Rendered r = Render(
      "Before\n\n```data\nfile: a.csv\n```\n\n```data wide\nfile: fail.csv\n```\n\n"
      "```python\nprint(1)\n```\n",
      options, hooks, 10);
  CHECK(calls ==
        std::vector<std::string>{"data|file: a.csv\n|12", "data wide|file: fail.csv\n|16"});
  CHECK(r.result.html ==
        "<p>Before</p>\n<figure onclick=\"trusted()\">chart</figure>\n"
        "<pre><code class=\"language-data\">file: fail.csv\n</code></pre>\n"
        "<pre><code class=\"language-python\">print(1)\n</code></pre>\n");
  CHECK(r.result.plain_text == "Before\n\nfile: fail.csv\n\nprint(1)");
  CHECK(r.messages == "");
}

TEST_CASE("plain text has the words without markup, blocks separated by blank lines") {
  Rendered r = Render(
      "# Title\n\nPara *one*\nline `two`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
      "- [x] task\n\n<div>raw</div>\n\nNote[^1].\n\n[^1]: Foot **note**.\n");
  CHECK(r.result.plain_text ==
        "Title\n\nPara one line two.\n\na | b\n1 | 2\n\ntask\n\nNote.\n\n"
        "Foot note.");
}

TEST_CASE("bodies over the size limit are refused") {
  MarkdownOptions o;
  o.max_bytes = 100;
  Rendered r = Render(std::string(101, 'x'), o);
  CHECK(r.messages ==
        "a.md: error: Markdown body is 101 bytes, more than options.max_page_bytes allows "
        "(100 bytes); raise it in the site config to build this page; page skipped\n");
  CHECK_FALSE(r.result.ok);
  CHECK(r.result.html.empty());
  CHECK(Render(std::string(100, 'x'), o).result.ok);
}

TEST_CASE(
    "pathological Markdown is stopped by the time limit, and other pages do not wait for it") {
  MarkdownOptions o;
  o.time_limit_seconds = 0.1;
  // About 80 KB each and a second or more of cmark-gfm work each. (`<?x`
  // needs a paragraph: at the start of a line it opens a fast HTML block.)
  std::string pis = "x";
  for (int i = 0; i < 27000; ++i) pis += "<?x";
  std::string images;
  for (int i = 0; i < 13000; ++i) images += "![[]()";
  for (const std::string& md : {pis, images}) {
    Rendered r = Render(md, o);
    CHECK(r.messages ==
          "a.md: error: Markdown took longer than 0.1 s to parse (possible pathological "
          "input); page skipped\n");
    CHECK_FALSE(r.result.ok);
    CHECK(r.result.html.empty());
    // The abandoned parse still runs; a page rendered meanwhile fails at
    // once instead of queueing behind it.
    Rendered blocked = Render("Small *page*\n");
    CHECK(blocked.messages ==
          "a.md: error: Markdown not parsed: the parser is still busy with a page that took too "
          "long (see the error for that page); page skipped\n");
    REQUIRE(WaitForRunawayParses(120));
    CHECK(Render("Small *page*\n").result.html == "<p>Small <em>page</em></p>\n");
  }
}

TEST_CASE("large ordinary bodies parse on the watched thread and render") {
  std::string md;
  while (md.size() < 100 * 1024) md += "A paragraph of ordinary text with a [link](x.md).\n\n";
  Rendered r = Render(md);
  CHECK(r.messages == "");
  CHECK(r.result.ok);
  CHECK(r.result.html.starts_with("<p>A paragraph of ordinary text with a <a href=\"x.md\">"));
}

TEST_CASE("invalid UTF-8 in the body is an error with its file line") {
  Rendered r = Render("ok\n\nbad \xC0\xAF\n", {}, {}, 4);
  CHECK(r.messages == "a.md:6: error: invalid UTF-8 (byte 0xC0 at column 5)\n");
  CHECK_FALSE(r.result.ok);
}

TEST_CASE("rendering from several threads at once gives the same results") {
  // cmark-gfm's inline parser shares global state between parsers: without
  // care, strikethrough and autolinks go missing when pages render in
  // parallel.
  std::vector<std::string> inputs = {
      "# One\n\n| a | ~~b~~ |\n|---|---|\n| www.example.org | c |\n",
      "## Два\n\n- [ ] ~~x~~\n\nText[^1] https://x.org\n\n[^1]: ~n~\n",
      "### ثلاثة\n\n~~x~~ www.example.org\n", "#### 四\n\n<b>raw</b> [l](y.md) ~~z~~\n"};
  std::vector<std::string> expected;
  for (const auto& in : inputs) expected.push_back(Render(in).result.html);
  CHECK(expected[2] ==
        "<h3 id=\"ثلاثة\">ثلاثة</h3>\n"
        "<p><del>x</del> <a href=\"http://www.example.org\">www.example.org</a></p>\n");
  constexpr int kThreads = 4, kRounds = 200;
  std::vector<std::vector<std::string>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        Diagnostics diag;
        got[t].push_back(RenderMarkdown(inputs[(t + round) % 4], "a.md", 1, {}, {}, &diag).html);
      }
    });
  }
  for (auto& th : threads) th.join();
  int wrong = 0;
  for (int t = 0; t < kThreads; ++t) {
    for (int round = 0; round < kRounds; ++round) {
      if (got[t][round] != expected[(t + round) % 4]) ++wrong;
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("control characters in a body are errors, never passed to cmark-gfm") {
  // Found by fuzzing: cmark-gfm replaced the NUL in a footnote reference
  // with half of U+FFFD, and the page's HTML was not valid UTF-8.
  Rendered r = Render(std::string("[^\nct\x01\0\0]\n\n[^1]: Note.\n", 23), {}, {}, 5);
  CHECK(r.messages ==
        "a.md:6: error: control character U+0001 at column 3; remove it (only tab and line "
        "breaks are allowed)\n");
  CHECK_FALSE(r.result.ok);
  CHECK(r.result.html.empty());
}
