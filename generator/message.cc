#include "generator/message.h"

#include <unicode/messagepattern.h>
#include <unicode/parseerr.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <type_traits>
#include <utility>
#include <variant>

namespace kbgen {
namespace {

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// What an ICU pattern error means, in words a translator can act on.
std::string Reason(UErrorCode status) {
  switch (status) {
    case U_UNMATCHED_BRACES:
      return "unmatched braces";
    case U_PATTERN_SYNTAX_ERROR:
      return "syntax error";
    case U_DEFAULT_KEYWORD_MISSING:
      return "a plural or select argument has no 'other' case";
    case U_DUPLICATE_KEYWORD:
      return "a case is given twice";
    case U_UNDEFINED_KEYWORD:
      return "unknown plural keyword";
    case U_ARGUMENT_TYPE_MISMATCH:
      return "an argument is used both as a number and as a text";
    case U_ILLEGAL_ARGUMENT_ERROR:
      return "invalid argument; write {name}, {name, plural, ...}, {name, select, ...} or "
             "{name, number}";
    case U_INDEX_OUTOFBOUNDS_ERROR:
      return "argument number out of range";
    default:
      return std::string("ICU error ") + u_errorName(status);
  }
}

// Counts the braces outside ICU quoting ('{' and '}' quoted by an
// apostrophe, '' for an apostrophe): ICU reports an unclosed brace only
// at the argument it opens, so a plain count says more to a translator.
std::string BraceBalance(std::string_view pattern) {
  int open = 0, close = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\'' && i + 1 < pattern.size()) {
      char next = pattern[i + 1];
      if (next == '\'') {
        ++i;
      } else if (next == '{' || next == '}' || next == '#' || next == '|') {
        std::size_t end = pattern.find('\'', i + 1);
        if (end == std::string_view::npos) break;
        i = end;
      }
    } else if (c == '{') {
      ++open;
    } else if (c == '}') {
      ++close;
    }
  }
  if (open == close) return "";
  return "unbalanced braces: " + std::to_string(open) + " '{' but " + std::to_string(close) +
         " '}'";
}

// "syntax error near '{count, plural,'": ICU's reason and the text at the
// place it stopped.
std::string Describe(std::string_view pattern, UErrorCode status, const UParseError& where) {
  std::string balance = BraceBalance(pattern);
  if (!balance.empty()) return balance;
  std::string reason = Reason(status);
  std::string before = ToUtf8(icu::UnicodeString(where.preContext));
  std::string after = ToUtf8(icu::UnicodeString(where.postContext));
  std::string near = before.empty() ? after : before;
  return near.empty() ? reason : reason + " near '" + near + "'";
}

icu::Formattable ToFormattable(const MessageArg& arg) {
  return std::visit(
      [](const auto& v) -> icu::Formattable {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return icu::Formattable(icu::UnicodeString::fromUTF8(v));
        } else if constexpr (std::is_same_v<T, double>) {
          return icu::Formattable(v);
        } else {
          return icu::Formattable(static_cast<int64_t>(v));
        }
      },
      arg);
}

// Collects argument names, rejects numbered arguments and lists the
// keywords of each plural argument. Returns false (with *error) when the
// pattern numbers its arguments: callers pass names, never positions.
bool Analyse(const icu::MessagePattern& mp, std::set<std::string>* names,
             std::vector<PluralUse>* plurals, std::string* error) {
  int32_t count = mp.countParts();
  for (int32_t i = 0; i < count; ++i) {
    const icu::MessagePattern::Part& part = mp.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_START) continue;
    const icu::MessagePattern::Part& name_part = mp.getPart(i + 1);
    std::string name = ToUtf8(mp.getSubstring(name_part));
    if (name_part.getType() == UMSGPAT_PART_TYPE_ARG_NUMBER) {
      *error = "numbered argument {" + name + "}; arguments have names, such as {count}";
      return false;
    }
    names->insert(name);
    UMessagePatternArgType type = part.getArgType();
    if (!UMSGPAT_ARG_TYPE_HAS_PLURAL_STYLE(type)) continue;
    PluralUse use;
    use.arg = name;
    use.ordinal = type == UMSGPAT_ARG_TYPE_SELECTORDINAL;
    // Direct cases only: selector, optional explicit value, sub-message.
    int32_t limit = mp.getLimitPartIndex(i);
    for (int32_t j = i + 2; j < limit;) {
      const icu::MessagePattern::Part& p = mp.getPart(j);
      if (p.getType() == UMSGPAT_PART_TYPE_ARG_SELECTOR) {
        std::string selector = ToUtf8(mp.getSubstring(p));
        if (!selector.starts_with('=')) use.keywords.insert(selector);
        ++j;
        if (mp.getPart(j).getType() == UMSGPAT_PART_TYPE_ARG_INT ||
            mp.getPart(j).getType() == UMSGPAT_PART_TYPE_ARG_DOUBLE) {
          ++j;
        }
        if (mp.getPart(j).getType() == UMSGPAT_PART_TYPE_MSG_START) j = mp.getLimitPartIndex(j);
      }
      ++j;
    }
    plurals->push_back(std::move(use));
  }
  return true;
}

}  // namespace

Message::Message(std::string pattern, std::unique_ptr<icu::MessageFormat> format)
    : pattern_(std::move(pattern)), pool_(std::move(format)) {}

std::unique_ptr<Message> Message::Compile(std::string_view pattern, const icu::Locale& locale,
                                          std::string* error) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), pattern.size()));
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  auto format = std::make_unique<icu::MessageFormat>(text, locale, where, status);
  if (U_FAILURE(status)) {
    *error = Describe(pattern, status, where);
    return nullptr;
  }
  icu::MessagePattern mp(status);
  mp.parse(text, &where, status);
  std::set<std::string> names;
  std::vector<PluralUse> plurals;
  if (U_FAILURE(status)) {
    *error = Describe(pattern, status, where);
    return nullptr;
  }
  if (!Analyse(mp, &names, &plurals, error)) return nullptr;

  std::unique_ptr<Message> message(new Message(std::string(pattern), std::move(format)));
  message->arg_names_ = std::move(names);
  message->plurals_ = std::move(plurals);
  if (message->arg_names_.empty()) {
    // Quoting ('{' and '' for a literal brace and apostrophe) still needs
    // ICU once; afterwards the text never changes.
    message->constant_ = message->Format({});
  }
  return message;
}

std::string Message::Format(const MessageArgs& args) const {
  if (constant_) return *constant_;
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : args) {
    if (!arg_names_.contains(name)) continue;
    names.push_back(icu::UnicodeString::fromUTF8(name));
    values.push_back(ToFormattable(value));
  }
  auto format = pool_.Acquire();
  if (!format) return pattern_;
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  format->format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  if (U_FAILURE(status)) return pattern_;
  return ToUtf8(out);
}

}  // namespace kbgen
