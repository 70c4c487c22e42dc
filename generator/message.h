// One UI message: an ICU MessageFormat pattern, parsed once, formatted
// many times.
//
// Compile() parses the pattern for one ICU locale (its plural rules and
// digits) and records what the catalog checks need: the argument names
// and the plural forms each `plural` argument spells out. A message
// without arguments is formatted once at compile time. Format() is const
// and safe to call from several threads at once: ICU's MessageFormat is
// not, so each call works on a pooled clone (see clone_pool.h).
#ifndef KBGEN_GENERATOR_MESSAGE_H_
#define KBGEN_GENERATOR_MESSAGE_H_

#include <unicode/locid.h>
#include <unicode/msgfmt.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "generator/clone_pool.h"
#include "generator/i18n.h"

namespace kbgen {

// A `plural` (or `selectordinal`) argument and the keywords of its cases
// ("one", "few", "other"; explicit values such as "=0" are not listed).
struct PluralUse {
  std::string arg;
  bool ordinal = false;
  std::set<std::string> keywords;
};

class Message {
 public:
  // Parses `pattern` for `locale`. On a malformed pattern returns null and
  // sets *error to a sentence saying what is wrong and where, e.g.
  // "unmatched braces near '{count, plural, one {# page}'".
  static std::unique_ptr<Message> Compile(std::string_view pattern, const icu::Locale& locale,
                                          std::string* error);

  // The formatted message. Arguments the pattern does not use are ignored;
  // an argument the pattern uses but `args` lacks shows as "{name}". On an
  // ICU failure (a text given where a number is needed) the pattern itself
  // is returned, so a page never loses the string entirely.
  std::string Format(const MessageArgs& args) const;

  const std::string& pattern() const { return pattern_; }
  // Names of every argument, nested ones included.
  const std::set<std::string>& arg_names() const { return arg_names_; }
  const std::vector<PluralUse>& plurals() const { return plurals_; }

 private:
  Message(std::string pattern, std::unique_ptr<icu::MessageFormat> format);

  std::string pattern_;
  ClonePool<icu::MessageFormat> pool_;
  std::optional<std::string> constant_;  // the text of a message without arguments
  std::set<std::string> arg_names_;
  std::vector<PluralUse> plurals_;
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_MESSAGE_H_
