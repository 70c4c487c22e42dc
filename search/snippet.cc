#include "search/snippet.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kbgen::search {
namespace {

constexpr std::string_view kEllipsis = "\u2026";
constexpr std::string_view kBlockSeparator = " \u00b7 ";

// Code points in text[begin, end): the bytes that are not UTF-8
// continuation bytes (10xxxxxx), counted eight at a time.
std::size_t CodePoints(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t n = 0;
  std::size_t i = begin;
  for (; i + 8 <= end; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    // 1 in each byte whose bit 7 is 1 and bit 6 is 0 (a continuation
    // byte), summed into the top byte by the multiplication.
    const std::uint64_t continuation = ((x & ~(x << 1)) >> 7) & 0x0101010101010101ull;
    n += 8 - static_cast<std::size_t>((continuation * 0x0101010101010101ull) >> 56);
  }
  for (; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Appends text with every run of white space as one space, or as the
// block separator when it holds a line break: page text keeps its blocks
// (headings, paragraphs, list items, table rows) on lines of their own,
// and a snippet is one line that should not run them together.
void AppendCollapsed(std::string* out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t e = i;
    while (e < text.size() && !IsSpace(text[e])) ++e;
    out->append(text.substr(i, e - i));
    if (e == text.size()) break;
    i = e;
    bool line_break = false;
    while (i < text.size() && IsSpace(text[i])) line_break |= text[i++] == '\n';
    if (line_break) {
      // (Also at the start of a part: the block ended right after a match.)
      while (!out->empty() && out->back() == ' ') out->pop_back();
      if (!out->ends_with(kBlockSeparator)) out->append(kBlockSeparator);
    } else if (out->empty() || out->back() != ' ') {
      out->push_back(' ');
    }
  }
}

// The number of code points before any byte offset of a text, from the
// counts at every 64th byte (one quick pass) and a count of the rest.
class CodePointIndex {
 public:
  CodePointIndex(std::string_view text, const std::vector<Span>& spans)
      : text_(text), spans_(spans), blocks_(text.size() / kBlock + 1, 0) {
    for (std::size_t b = 1; b < blocks_.size(); ++b) {
      blocks_[b] = blocks_[b - 1] + CodePoints(text, (b - 1) * kBlock, b * kBlock);
    }
  }
  std::size_t Before(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const std::size_t b = offset / kBlock;
    return blocks_[b] + CodePoints(text_, b * kBlock, offset);
  }
  std::size_t Begin(std::size_t span) const { return Before(spans_[span].begin); }
  std::size_t End(std::size_t span) const { return Before(spans_[span].end); }
  std::size_t Total() const { return Before(text_.size()); }

 private:
  static constexpr std::size_t kBlock = 64;
  std::string_view text_;
  const std::vector<Span>& spans_;
  std::vector<std::size_t> blocks_;
};

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
  const CodePointIndex cp(text, spans);
  auto gap = [](std::size_t from, std::size_t to) { return to > from ? to - from : 0; };

  std::size_t first_span = 0;  // the window starts with this span
  std::size_t last_span = 0;   // and ends with this one (when any)
  bool has_last = false;
  if (!matches.empty()) {
    // Slide a window over the matches: [i, j) fits in 3/4 of the budget,
    // leaving room for context; keep the one with the most distinct terms.
    const std::size_t budget = max_chars * 3 / 4;
    const std::size_t n = matches.size();
    int max_term = 0;
    for (const auto& m : matches) max_term = std::max(max_term, m.term);
    std::vector<int> count(static_cast<std::size_t>(max_term) + 1, 0);
    int distinct = 0;
    std::size_t j = 0, window = 0;
    std::size_t best_i = 0, best_j = 1;
    int best_distinct = -1;
    std::vector<std::size_t> match_begin(n), match_end(n);
    for (std::size_t k = 0; k < n; ++k) {
      match_begin[k] = cp.Begin(matches[k].span);
      match_end[k] = cp.End(matches[k].span);
    }
    auto begin_of = [&](std::size_t k) { return match_begin[k]; };
    auto end_of = [&](std::size_t k) { return match_end[k]; };
    for (std::size_t i = 0; i < n; ++i) {
      if (j <= i) {
        j = i + 1;
        window = gap(begin_of(i), end_of(i));
        distinct += count[matches[i].term]++ == 0;
      }
      while (j < n && window + gap(end_of(j - 1), end_of(j)) <= budget) {
        window += gap(end_of(j - 1), end_of(j));
        distinct += count[matches[j].term]++ == 0;
        ++j;
      }
      if (distinct > best_distinct || (distinct == best_distinct && j - i > best_j - best_i)) {
        best_distinct = distinct;
        best_i = i;
        best_j = j;
      }
      distinct -= --count[matches[i].term] == 0;
      if (i + 1 < j) window -= gap(begin_of(i), begin_of(i + 1));
    }
    const std::size_t first = matches[best_i].span;
    last_span = matches[best_j - 1].span;
    has_last = true;
    const std::size_t used = gap(cp.Begin(first), cp.End(last_span));
    // A little context before the first match, a whole number of words.
    const std::size_t before = max_chars > used ? (max_chars - used) / 3 : 0;
    std::size_t k = first;
    const std::size_t first_cp = cp.Begin(first);
    while (k > 0 && gap(cp.Begin(k - 1), first_cp) <= before) --k;
    first_span = k;
  }
  const std::size_t win_begin = has_last ? spans[first_span].begin : 0;
  const std::size_t win_begin_cp = has_last ? cp.Begin(first_span) : 0;
  // Fill the rest of the budget with the words that follow.
  std::size_t e = has_last ? last_span + 1 : 0;
  while (e < spans.size() && gap(win_begin_cp, cp.End(e)) <= max_chars) {
    last_span = e++;
    has_last = true;
  }
  std::size_t win_end;
  if (has_last) {
    win_end = spans[last_span].end;
    // Keep a closing full stop or the like rather than an ellipsis.
    if (last_span + 1 == spans.size() && gap(cp.End(last_span), cp.Total()) <= 3) win_end = text.size();
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
    const std::string_view between = std::string_view(text).substr(cur, s.begin - cur);
    const std::string_view word = std::string_view(text).substr(s.begin, s.end - s.begin);
    // Matches that touch, or are joined by punctuation without a space
    // (4.0, e-government, 初创企业 cut into 初创 and 企业), are one mark:
    // the whole token as a reader sees it.
    if (!snippet.empty() && snippet.back().match && between.size() <= 4 &&
        std::none_of(between.begin(), between.end(), IsSpace)) {
      snippet.back().text.append(between).append(word);
    } else {
      AddPart(&snippet, between, false);
      AddPart(&snippet, word, true);
    }
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
