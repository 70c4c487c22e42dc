// EscapeHtml: the one escaping of text for HTML and XML (element content
// and quoted attribute values alike) used by the generator.
#ifndef KBGEN_GENERATOR_HTML_ESCAPE_H_
#define KBGEN_GENERATOR_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace kbgen {

// Escapes & < > " and ' so `text` is inert inside elements and quoted attributes.
inline std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
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

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_HTML_ESCAPE_H_
