// EscapeHtml: the one escaping of text for HTML and XML (element content
// and quoted attribute values alike) used by the generator.
#ifndef KBGEN_GENERATOR_HTML_ESCAPE_H_
#define KBGEN_GENERATOR_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace kbgen {

// Escapes & < > " and ' so `text` is inert inside elements and quoted attributes.
inline std::string EscapeHtml(std::string_view text) {
  auto special = [](char c) { return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''; };
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  // Plain stretches are appended whole: most text has nothing to escape.
  std::size_t done = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!special(text[i])) continue;
    out.append(text, done, i - done);
    switch (text[i]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += "&#39;"; break;
    }
    done = i + 1;
  }
  out.append(text, done);
  return out;
}

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_HTML_ESCAPE_H_
