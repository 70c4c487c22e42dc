// UTF-8 checks shared by the parsers of content, configuration and catalogs.
//
// Every text kbgen reads from users must be valid UTF-8; a bad byte is
// reported with its line and column so the author can find it. Pure
// functions, safe from any thread.
#ifndef KBGEN_GENERATOR_UTF8_H_
#define KBGEN_GENERATOR_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generator/diagnostics.h"

namespace kbgen {

// A place in a text: 1-based line, 1-based column counted in code points.
struct TextPosition {
  int line = 1;
  int column = 1;
};

// Byte offset of the first ill-formed UTF-8 sequence (stray continuation
// byte, truncated sequence, overlong form, surrogate, beyond U+10FFFF),
// or nullopt when `text` is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// A control character kbgen refuses in content: C0 controls other than
// tab, line feed and carriage return, DEL, and the C1 controls U+0080 to
// U+009F. None has a meaning in a page; NUL and most C0 controls are not
// even allowed in XML, so one in a title would make the Atom feed invalid.
struct ControlCharacter {
  std::size_t offset = 0;  // byte offset in the text
  char32_t code = 0;
};

// The first refused control character of valid UTF-8 `text`, or nullopt.
std::optional<ControlCharacter> FindControlCharacter(std::string_view text);

// "U+0000", for messages (the character itself would not print).
std::string CodePointName(char32_t code);

// `text` made safe to print in a message: valid UTF-8 is kept, and each
// byte of an invalid sequence or of a refused control character is shown
// as \xHH. (Libraries quote input in their messages byte by byte: half a
// character there would make the message itself invalid UTF-8.)
std::string PrintableText(std::string_view text);

// Line and column of byte `offset` in `text` ("\n" ends a line).
TextPosition PositionAt(std::string_view text, std::size_t offset);

// Where the lines of one text start, for many lookups in it (the text must
// outlive the index).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // Byte offset where 0-based `line` starts; text.size() past the end.
  std::size_t Start(int line) const;
  // 1-based column, in code points, of byte `byte_column` of 0-based `line`.
  int Column(int line, int byte_column) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// Reports the first invalid UTF-8 sequence of `text` as
// `path:line: error: invalid UTF-8 (byte 0xFF at column 7)`, where the
// text's first line is line `first_line` of `path`. True when valid.
bool CheckUtf8(std::string_view text, const std::string& path, int first_line, Diagnostics* diag);

// Reports the first refused control character of valid UTF-8 `text` as
// `path:line: error: control character U+0000 at column 7; ...`. True
// when there is none.
bool CheckNoControlCharacters(std::string_view text, const std::string& path, int first_line,
                              Diagnostics* diag);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_UTF8_H_
