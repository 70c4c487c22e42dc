// Snippet windows, marks and escaping, on hand-made texts and spans.
#include "search/snippet.h"

#include <doctest/doctest.h>

namespace kbgen::search {
namespace {

// Spans of the space-separated words of `text`.
StoredText Words(const std::string& text) {
  StoredText t;
  t.text = text;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > b) t.spans.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(i)});
  }
  return t;
}

TEST_CASE("snippet: short text, whole, with marks") {
  StoredText t = Words("one two three");
  CHECK(MakeSnippet(t, {{1, 0}}, 100) == Snippet{{"one ", false}, {"two", true}, {" three", false}});
  CHECK(SnippetHtml(MakeSnippet(t, {{0, 0}, {2, 1}}, 100)) == "<mark>one</mark> two <mark>three</mark>");
  CHECK(SnippetText(MakeSnippet(t, {{0, 0}}, 100), "[", "]") == "[one] two three");
}

TEST_CASE("snippet: no matches gives the start, cut at a word") {
  StoredText t = Words("alpha beta gamma delta epsilon");
  CHECK(SnippetHtml(MakeSnippet(t, {}, 12)) == "alpha beta…");
}

TEST_CASE("snippet: a window around the best group of matches") {
  // w0 .. w59, matches far apart; the window with both terms wins over the
  // earlier one with one term.
  std::string text;
  for (int i = 0; i < 60; ++i) text.append(i ? " w" : "w").append(std::to_string(i));
  StoredText t = Words(text);
  std::string html = SnippetHtml(MakeSnippet(t, {{5, 0}, {40, 0}, {42, 1}}, 30));
  CHECK(html.find("<mark>w40</mark>") != std::string::npos);
  CHECK(html.find("<mark>w42</mark>") != std::string::npos);
  CHECK(html.find("w5 ") == std::string::npos);
  CHECK(html.rfind("…", 0) == 0);  // text left out before
  CHECK(html.size() >= 3);
  CHECK(html.compare(html.size() - 3, 3, "…") == 0);  // and after
}

TEST_CASE("snippet: white space collapsed, a closing full stop kept") {
  StoredText t;
  t.text = "First  \t line.";
  t.spans = {{0, 5}, {9, 13}};
  CHECK(SnippetHtml(MakeSnippet(t, {{1, 0}}, 100)) == "First <mark>line</mark>.");
}

TEST_CASE("snippet: blocks stay apart, separated by a middle dot") {
  StoredText t;
  // A heading, a list of two items, a table row (cells " | ").
  t.text = "Steps\n\nmap the actors\n\nfind the gaps\n\nAfrica | 12";
  t.spans = {{0, 5}, {7, 10}, {11, 14}, {15, 21}, {23, 27}, {28, 31}, {32, 36}, {38, 44}, {47, 49}};
  CHECK(SnippetHtml(MakeSnippet(t, {{1, 0}, {7, 1}}, 100)) ==
        "Steps \u00b7 <mark>map</mark> the actors \u00b7 find the gaps \u00b7 <mark>Africa</mark> | 12");
  // A block that ends with a match: the separator follows the mark.
  CHECK(SnippetHtml(MakeSnippet(t, {{6, 0}}, 100)).find("<mark>gaps</mark> \u00b7 Africa") !=
        std::string::npos);
}

TEST_CASE("snippet: matches joined without a space are one mark") {
  StoredText t;
  // "Industry 4.0": the analyser reads 4 and 0, a reader sees one token.
  t.text = "Industry 4.0 and e-government";
  t.spans = {{0, 8}, {9, 10}, {11, 12}, {13, 16}, {17, 18}, {19, 29}};
  CHECK(SnippetHtml(MakeSnippet(t, {{1, 0}, {2, 1}, {4, 2}, {5, 3}}, 100)) ==
        "Industry <mark>4.0</mark> and <mark>e-government</mark>");
  // Adjacent Chinese words.
  StoredText zh;
  zh.text = "数字创新生态系统";
  zh.spans = {{0, 6}, {6, 12}, {12, 24}};
  CHECK(SnippetHtml(MakeSnippet(zh, {{0, 0}, {1, 1}}, 100)) == "<mark>数字创新</mark>生态系统");
  // A space keeps two marks apart.
  StoredText two;
  two.text = "digital innovation";
  two.spans = {{0, 7}, {8, 18}};
  CHECK(SnippetHtml(MakeSnippet(two, {{0, 0}, {1, 1}}, 100)) ==
        "<mark>digital</mark> <mark>innovation</mark>");
}

TEST_CASE("snippet: escaping, and the original text of a match") {
  StoredText t;
  t.text = "a < b & \"c\" > 'd' L'Économie";
  t.spans = {{0, 1}, {4, 5}, {9, 10}, {15, 16}, {18, 29}};
  CHECK(SnippetHtml(MakeSnippet(t, {{4, 0}}, 100)) ==
        "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39; <mark>L&#39;Économie</mark>");
  CHECK(EscapeHtml("<script>&</script>") == "&lt;script&gt;&amp;&lt;/script&gt;");
  CHECK(EscapeHtml("plain text") == "plain text");
  CHECK(EscapeHtml("'") == "&#39;");
  CHECK(EscapeHtml("") == "");
}

TEST_CASE("snippet: budget counts characters, not bytes") {
  // 10 Cyrillic words of 5 letters (10 bytes each).
  std::string text;
  for (int i = 0; i < 10; ++i) text.append(i ? " " : "").append("слово");
  StoredText t = Words(text);
  // 23 characters: "слово слово слово слово" is 23 characters, 47 bytes.
  CHECK(SnippetText(MakeSnippet(t, {}, 23), "", "") == "слово слово слово слово…");
}

TEST_CASE("snippet: empty text, out-of-range matches ignored") {
  CHECK(MakeSnippet(StoredText{}, {{3, 0}}, 100).empty());
  StoredText t = Words("one two");
  CHECK(SnippetHtml(MakeSnippet(t, {{7, 0}}, 100)) == "one two");
}

}  // namespace
}  // namespace kbgen::search
