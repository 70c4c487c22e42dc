// UTF-8 and bidirectional text: the checks agree with ICU on validity,
// positions stay inside the text, and word segmentation of mixed Arabic,
// Latin and Chinese with bidi controls gives spans on character
// boundaries whose terms are valid UTF-8 without bidi controls.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <unicode/utf8.h>

#include "fuzz_checks.h"
#include "generator/slug.h"
#include "generator/utf8.h"
#include "search/analyzer.h"

using namespace kbgen;

namespace {

bool IcuValid(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::int32_t i = 0, n = static_cast<std::int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

bool OnBoundary(std::string_view text, std::size_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto bad = FindInvalidUtf8(text);
  FUZZ_CHECK(bad.has_value() == !IcuValid(text));
  if (bad) {
    FUZZ_CHECK(*bad < text.size());
    TextPosition pos = PositionAt(text, *bad);
    FUZZ_CHECK(pos.line >= 1 && pos.column >= 1);
    Diagnostics diag;
    FUZZ_CHECK(!CheckUtf8(text, "a.md", 1, &diag));
    std::string message = FormatDiagnostics(diag);
    FUZZ_CHECK(!FindInvalidUtf8(message) && !FindControlCharacter(message));
    return 0;
  }
  if (auto c = FindControlCharacter(text)) {
    FUZZ_CHECK(c->offset < text.size());
    Diagnostics diag;
    FUZZ_CHECK(!CheckNoControlCharacters(text, "a.md", 1, &diag));
    std::string message = FormatDiagnostics(diag);
    FUZZ_CHECK(!FindControlCharacter(message));
  }
  LineIndex lines(text);
  for (int line = 0; line < 4; ++line) FUZZ_CHECK(lines.Start(line) <= text.size());

  // Slugs drop bidi controls (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069).
  std::string slug = Slugify(text);
  for (std::string_view control : {"\u200E", "\u200F", "\u202B", "\u202E", "\u2067", "\u2069"}) {
    FUZZ_CHECK(slug.find(control) == std::string::npos);
  }

  static std::unique_ptr<search::Analyzer> analyzers[2];
  static const char* langs[] = {"ar", "zh"};
  for (int i = 0; i < 2; ++i) {
    if (!analyzers[i]) {
      std::string error;
      analyzers[i] = search::Analyzer::Create(langs[i], &error);
      FUZZ_CHECK(analyzers[i] != nullptr);
    }
    std::vector<search::Token> tokens;
    analyzers[i]->Tokenize(text, &tokens);
    for (const auto& t : tokens) {
      FUZZ_CHECK(t.begin <= t.end && t.end <= text.size());
      FUZZ_CHECK(OnBoundary(text, t.begin) && OnBoundary(text, t.end));
      FUZZ_CHECK(!t.term.empty() && !FindInvalidUtf8(t.term));
    }
  }
  return 0;
}
