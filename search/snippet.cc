#include "search/snippet.h"

#include <algorithm>

namespace kbgen::search {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

std::size_t CodePoints(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t n = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Appends text with every run of white space as one space (page text keeps
// its line breaks; a snippet is one line).
void AppendCollapsed(std::string* out, std::string_view text) {
  for (char c : text) {
    if (IsSpace(c)) {
      if (out->empty() || out->back() != ' ') *out += ' ';
    } else {
      *out += c;
    }
  }
}

void AddPart(Snippet* snippet, std::string_view text, bool match) {
  if (text.empty()) return;
  if (!snippet->empty() && snippet->back().match == match && !match) {
    AppendCollapsed(&snippet->back().text, text);
    return;
  }
  SnippetPart part;
  part.match = match;
  AppendCollapsed(&part.text, text);
  snippet->push_back(std::move(part));
}

}  // namespace

Snippet MakeSnippet(const StoredText& stored, std::vector<SnippetMatch> matches,
                    std::size_t max_chars) {
  const std::string& text = stored.text;
  const std::vector<Span>& spans = stored.spans;
  Snippet snippet;
  if (text.empty()) return snippet;
  matches.erase(std::remove_if(matches.begin(), matches.end(),
                               [&](const SnippetMatch& m) { return m.span >= spans.size(); }),
                matches.end());
  std::sort(matches.begin(), matches.end(), [](const SnippetMatch& a, const SnippetMatch& b) {
    return a.span != b.span ? a.span < b.span : a.term < b.term;
  });
  auto chars = [&](std::size_t b, std::size_t e) { return b < e ? CodePoints(text, b, e) : 0; };

  std::size_t win_begin = 0;
  std::size_t last_span = 0;  // the window ends with this span (when any)
  bool has_last = false;
  if (!matches.empty()) {
    // Slide a window over the matches: [i, j) fits in 3/4 of the budget,
    // leaving room for context; keep the one with the most distinct terms.
    const std::size_t budget = max_chars * 3 / 4;
    int max_term = 0;
    for (const auto& m : matches) max_term = std::max(max_term, m.term);
    std::vector<int> count(static_cast<std::size_t>(max_term) + 1, 0);
    int distinct = 0;
    std::size_t j = 0, window = 0;
    std::size_t best_i = 0, best_j = 1;
    int best_distinct = -1;
    const std::size_t n = matches.size();
    auto begin_of = [&](std::size_t k) { return spans[matches[k].span].begin; };
    auto end_of = [&](std::size_t k) { return spans[matches[k].span].end; };
    for (std::size_t i = 0; i < n; ++i) {
      if (j <= i) {
        j = i + 1;
        window = chars(begin_of(i), end_of(i));
        distinct += count[matches[i].term]++ == 0;
      }
      while (j < n && window + chars(end_of(j - 1), end_of(j)) <= budget) {
        window += chars(end_of(j - 1), end_of(j));
        distinct += count[matches[j].term]++ == 0;
        ++j;
      }
      if (distinct > best_distinct || (distinct == best_distinct && j - i > best_j - best_i)) {
        best_distinct = distinct;
        best_i = i;
        best_j = j;
      }
      distinct -= --count[matches[i].term] == 0;
      if (i + 1 < j) window -= chars(begin_of(i), begin_of(i + 1));
    }
    const std::size_t first = matches[best_i].span;
    last_span = matches[best_j - 1].span;
    has_last = true;
    const std::size_t used = chars(spans[first].begin, spans[last_span].end);
    // A little context before the first match, a whole number of words.
    const std::size_t before = max_chars > used ? (max_chars - used) / 3 : 0;
    std::size_t k = first;
    std::size_t context = 0;
    while (k > 0) {
      std::size_t more = chars(spans[k - 1].begin, spans[k].begin);
      if (context + more > before) break;
      context += more;
      --k;
    }
    win_begin = spans[k].begin;
  }
  // Fill the rest of the budget with the words that follow.
  std::size_t used = has_last ? chars(win_begin, spans[last_span].end) : 0;
  std::size_t e = has_last ? last_span + 1 : 0;
  while (e < spans.size()) {
    std::size_t from = e == 0 ? win_begin : spans[e - 1].end;
    std::size_t more = chars(std::max(from, win_begin), spans[e].end);
    if (used + more > max_chars) break;
    used += more;
    last_span = e++;
    has_last = true;
  }
  std::size_t win_end;
  if (has_last) {
    win_end = spans[last_span].end;
    // Keep a closing full stop or the like rather than an ellipsis.
    if (last_span + 1 == spans.size() && chars(win_end, text.size()) <= 3) win_end = text.size();
  } else {
    // No words fit (or none at all): cut at a code point boundary.
    win_end = 0;
    for (std::size_t n = 0; win_end < text.size() && n < max_chars; ++n) {
      ++win_end;
      while (win_end < text.size() && (static_cast<unsigned char>(text[win_end]) & 0xC0) == 0x80) {
        ++win_end;
      }
    }
  }

  if (win_begin > 0) AddPart(&snippet, kEllipsis, false);
  std::size_t cur = win_begin;
  std::size_t prev_span = spans.size();
  for (const auto& m : matches) {
    if (m.span == prev_span) continue;
    prev_span = m.span;
    const Span& s = spans[m.span];
    if (s.begin < cur || s.end > win_end) continue;
    AddPart(&snippet, std::string_view(text).substr(cur, s.begin - cur), false);
    AddPart(&snippet, std::string_view(text).substr(s.begin, s.end - s.begin), true);
    cur = s.end;
  }
  AddPart(&snippet, std::string_view(text).substr(cur, win_end - cur), false);
  if (win_end < text.size()) {
    if (!snippet.empty() && !snippet.back().match) {
      while (!snippet.back().text.empty() && snippet.back().text.back() == ' ') snippet.back().text.pop_back();
    }
    AddPart(&snippet, kEllipsis, false);
  }
  // No leading or trailing white space.
  if (!snippet.empty() && !snippet.front().match) {
    auto& t = snippet.front().text;
    t.erase(0, t.find_first_not_of(' ') == std::string::npos ? t.size() : t.find_first_not_of(' '));
  }
  if (!snippet.empty() && !snippet.back().match) {
    auto& t = snippet.back().text;
    while (!t.empty() && t.back() == ' ') t.pop_back();
  }
  snippet.erase(std::remove_if(snippet.begin(), snippet.end(),
                               [](const SnippetPart& p) { return p.text.empty(); }),
                snippet.end());
  return snippet;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string SnippetHtml(const Snippet& snippet) {
  std::string out;
  for (const auto& part : snippet) {
    if (part.match) out += "<mark>";
    out += EscapeHtml(part.text);
    if (part.match) out += "</mark>";
  }
  return out;
}

std::string SnippetText(const Snippet& snippet, std::string_view open, std::string_view close) {
  std::string out;
  for (const auto& part : snippet) {
    if (part.match) out += open;
    out += part.text;
    if (part.match) out += close;
  }
  return out;
}

}  // namespace kbgen::search
