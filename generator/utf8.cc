#include "generator/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include <unicode/utf8.h>

namespace kbgen {

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int64_t>(text.size());
  std::int64_t i = 0;
  while (i < length) {
    if (s[i] < 0x80) {  // ASCII fast path
      ++i;
      continue;
    }
    std::int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

std::optional<ControlCharacter> FindControlCharacter(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
      return ControlCharacter{i, byte};
    }
    if (byte == 0x7F) return ControlCharacter{i, byte};
    // U+0080..U+009F are encoded as C2 80..C2 9F.
    if (byte == 0xC2 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return ControlCharacter{i, next};
    }
  }
  return std::nullopt;
}

std::string CodePointName(char32_t code) {
  char name[16];
  std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(code));
  return name;
}

std::string PrintableText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int64_t>(text.size());
  auto escape = [&](std::int64_t from, std::int64_t to) {
    for (std::int64_t k = from; k < to; ++k) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", s[k]);
      out += hex;
    }
  };
  for (std::int64_t i = 0; i < length;) {
    std::int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    bool control = (c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ||
                   (c >= 0x80 && c <= 0x9F);
    if (c < 0 || control) {
      escape(start, i);
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

TextPosition PositionAt(std::string_view text, std::size_t offset) {
  TextPosition pos;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // not a continuation byte
      ++pos.column;
    }
  }
  return pos;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    starts_.push_back(i + 1);
  }
}

std::size_t LineIndex::Start(int line) const {
  if (line < 0) return 0;
  if (static_cast<std::size_t>(line) >= starts_.size()) return text_.size();
  return starts_[line];
}

int LineIndex::Column(int line, int byte_column) const {
  std::size_t start = Start(line);
  std::size_t end = std::min(text_.size(), start + std::max(0, byte_column));
  int column = 1;
  for (std::size_t i = start; i < end; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

bool CheckUtf8(std::string_view text, const std::string& path, int first_line, Diagnostics* diag) {
  auto bad = FindInvalidUtf8(text);
  if (!bad) return true;
  TextPosition pos = PositionAt(text, *bad);
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
  diag->Add({Severity::kError, path, first_line + pos.line - 1, pos.column,
             std::string("invalid UTF-8 (byte ") + byte + " at column " +
                 std::to_string(pos.column) + ")"});
  return false;
}

bool CheckNoControlCharacters(std::string_view text, const std::string& path, int first_line,
                              Diagnostics* diag) {
  auto found = FindControlCharacter(text);
  if (!found) return true;
  TextPosition pos = PositionAt(text, found->offset);
  diag->Add({Severity::kError, path, first_line + pos.line - 1, pos.column,
             "control character " + CodePointName(found->code) + " at column " +
                 std::to_string(pos.column) +
                 "; remove it (only tab and line breaks are allowed)"});
  return false;
}

}  // namespace kbgen
