// UI string catalogs: i18n/<lang>.yml, one per language, as ICU MessageFormat.
//
// A catalog is a YAML mapping of keys (nested mappings flatten to dotted
// keys: `nav: {home: Home}` is "nav.home") to MessageFormat patterns with
// named arguments, `plural` and `select`. The top-level `terms:` mapping
// translates taxonomy terms (source name -> name in this language).
//
// A key missing in a language falls back to English, formatted with the
// plural rules of English, and Load() warns naming the file and key. A
// malformed pattern is an error naming the file, line and key.
// After Load(), every method is safe to call from several threads.
#ifndef KBGEN_GENERATOR_I18N_H_
#define KBGEN_GENERATOR_I18N_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "generator/diagnostics.h"

namespace kbgen {

using MessageArg = std::variant<std::int64_t, double, std::string>;
using MessageArgs = std::map<std::string, MessageArg>;

class Catalogs {
 public:
  virtual ~Catalogs() = default;

  // Loads <dir>/<lang>.yml for every language in kLanguages.
  // Returns null when errors were reported. `numbering` (lang -> ICU
  // numbering system, as given to Locales) sets the digits of numbers in
  // messages; pass the site config's so both agree.
  static std::unique_ptr<Catalogs> Load(const std::filesystem::path& dir, Diagnostics* diag,
                                        const std::map<std::string, std::string>& numbering = {});
  // The same from texts in memory (lang -> YAML text); `dir` names files in
  // messages. A language without a text is a missing file.
  static std::unique_ptr<Catalogs> FromTexts(
      const std::map<std::string, std::string>& texts, const std::string& dir,
      Diagnostics* diag, const std::map<std::string, std::string>& numbering = {});

  // The message `key` in `lang`, formatted with `args`. An unknown key
  // gives the key itself (Load() has already warned about it).
  virtual std::string Format(std::string_view lang, std::string_view key,
                             const MessageArgs& args = {}) const = 0;
  // True when the English catalog has `key`.
  virtual bool Has(std::string_view key) const = 0;
  // Every key of the English catalog, sorted.
  virtual std::vector<std::string> Keys() const = 0;

  // The display name of taxonomy term `term` in `lang`; when `lang`'s
  // catalog has no translation, the English catalog's name, else the term
  // itself.
  virtual std::string Term(std::string_view lang, std::string_view term) const = 0;
  // True when `lang`'s catalog translates `term`.
  virtual bool HasTerm(std::string_view lang, std::string_view term) const = 0;
  // <dir>/<lang>.yml, for warnings that name the catalog.
  virtual std::string FileOf(std::string_view lang) const = 0;
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_I18N_H_
