// Locale-correct formatting through ICU: dates, numbers and collation,
// one LocaleFormat per language, as CLDR defines them.
//
// Arabic uses Latin digits unless the site config asks for "arab".
// All methods are safe to call from several threads.
#ifndef KBGEN_GENERATOR_LOCALE_H_
#define KBGEN_GENERATOR_LOCALE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "generator/page.h"

namespace kbgen {

enum class DateStyle { kLong, kShort };

class LocaleFormat {
 public:
  virtual ~LocaleFormat() = default;

  // `lang` is one of kLanguages; `numbering` an ICU numbering system name
  // ("latn", "arab") or empty for this project's default.
  static std::unique_ptr<LocaleFormat> Create(const std::string& lang,
                                              const std::string& numbering = "");

  virtual const std::string& lang() const = 0;
  // "8 May 2018", "8 mai 2018", "8 мая 2018 г.", "2018年5月8日", ...
  virtual std::string FormatDate(const Date& date, DateStyle style) const = 0;
  virtual std::string FormatInteger(std::int64_t n) const = 0;
  virtual std::string FormatNumber(double n, int max_fraction_digits = 2) const = 0;
  // Collation order for this language: negative, zero or positive.
  virtual int Compare(std::string_view a, std::string_view b) const = 0;
  // Sorts in place by collation (stable for equal strings).
  virtual void Sort(std::vector<std::string>* strings) const = 0;
};

// The ICU locale ID this project uses for `lang` and a numbering system
// (empty: DefaultNumbering). English follows UN editorial usage, which is
// British ("8 May 2018"): "en_GB". Arabic adds the numbering system:
// "ar@numbers=latn". The catalogs format with the same IDs, so a count in
// a UI string has the same digits as a number in a table.
std::string IcuLocaleId(std::string_view lang, std::string_view numbering = "");
// "latn" for Arabic (Latin digits, as UN Arabic documents use), "" (the
// CLDR default of the language) for the others.
std::string DefaultNumbering(std::string_view lang);

// One LocaleFormat per language of kLanguages.
class Locales {
 public:
  // numbering: lang -> numbering system, from the site config.
  explicit Locales(const std::map<std::string, std::string>& numbering = {});
  const LocaleFormat& For(std::string_view lang) const;  // REQUIRES: known lang

 private:
  std::map<std::string, std::unique_ptr<LocaleFormat>, std::less<>> formats_;
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_LOCALE_H_
