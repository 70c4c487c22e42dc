// Invariants the fuzz targets assert: a broken one aborts, which libFuzzer
// reports as a crash with the input that caused it.
#ifndef KBGEN_TESTS_FUZZ_FUZZ_CHECKS_H_
#define KBGEN_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "generator/utf8.h"

#define FUZZ_CHECK(cond)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                            \
    }                                                                          \
  } while (0)

namespace kbgen::fuzz {

// Output meant for HTML or XML: valid UTF-8 with no refused control
// character (the feed would not be XML otherwise).
inline bool IsCleanOutput(std::string_view text) {
  return !FindInvalidUtf8(text) && !FindControlCharacter(text);
}

}  // namespace kbgen::fuzz

#endif  // KBGEN_TESTS_FUZZ_FUZZ_CHECKS_H_
