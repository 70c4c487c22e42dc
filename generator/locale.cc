#include "generator/locale.h"

#include <unicode/coll.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/numberformatter.h>
#include <unicode/numsys.h>
#include <unicode/stringpiece.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "generator/clone_pool.h"

namespace kbgen {
namespace {

namespace number = icu::number;

constexpr int kMaxFractionDigits = 6;

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
// days_from_civil), so turning a Date into ICU's UDate needs no Calendar.
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// A date format in UTC on a purely Gregorian calendar: a Date has no time
// zone, and reports are dated in the Gregorian calendar whatever the
// locale's default (ICU otherwise switches to Julian dates before 1582).
std::unique_ptr<icu::DateFormat> MakeDateFormat(icu::DateFormat::EStyle style,
                                                const icu::Locale& locale) {
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(style, locale));
  if (!format) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  auto calendar =
      std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(), locale, status);
  if (U_SUCCESS(status)) {
    calendar->setGregorianChange(-1e300, status);
    format->adoptCalendar(calendar.release());
  }
  format->setTimeZone(*icu::TimeZone::getGMT());
  return format;
}

class IcuLocaleFormat : public LocaleFormat {
 public:
  IcuLocaleFormat(std::string lang, const icu::Locale& locale,
                  std::unique_ptr<icu::DateFormat> long_date,
                  std::unique_ptr<icu::DateFormat> short_date, std::unique_ptr<icu::Collator> coll)
      : lang_(std::move(lang)),
        long_date_(std::move(long_date)),
        short_date_(std::move(short_date)),
        collator_(std::move(coll)) {
    // LocalizedNumberFormatter is immutable and thread-safe (numberformatter.h).
    number::LocalizedNumberFormatter base = number::NumberFormatter::withLocale(locale);
    for (int i = 0; i <= kMaxFractionDigits; ++i) {
      numbers_[i] = base.precision(number::Precision::maxFraction(i));
    }
  }

  const std::string& lang() const override { return lang_; }

  std::string FormatDate(const Date& date, DateStyle style) const override {
    const auto& pool = style == DateStyle::kLong ? long_date_ : short_date_;
    auto format = pool.Acquire();
    if (!format) return date.Iso();
    double millis =
        static_cast<double>(DaysFromCivil(date.year, date.month, date.day)) * 86400000.0;
    icu::UnicodeString out;
    format->format(millis, out);
    return ToUtf8(out);
  }

  std::string FormatInteger(std::int64_t n) const override {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = numbers_[0].formatInt(n, status).toString(status);
    return U_SUCCESS(status) ? ToUtf8(out) : std::to_string(n);
  }

  std::string FormatNumber(double n, int max_fraction_digits) const override {
    int digits = std::clamp(max_fraction_digits, 0, kMaxFractionDigits);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = numbers_[digits].formatDouble(n, status).toString(status);
    return U_SUCCESS(status) ? ToUtf8(out) : std::to_string(n);
  }

  int Compare(std::string_view a, std::string_view b) const override {
    auto collator = collator_.Acquire();
    if (!collator) return a.compare(b);
    return CompareWith(*collator, a, b);
  }

  void Sort(std::vector<std::string>* strings) const override {
    auto collator = collator_.Acquire();
    if (!collator) {
      std::stable_sort(strings->begin(), strings->end());
      return;
    }
    std::stable_sort(strings->begin(), strings->end(),
                     [&](const std::string& a, const std::string& b) {
                       return CompareWith(*collator, a, b) < 0;
                     });
  }

 private:
  static int CompareWith(icu::Collator& collator, std::string_view a, std::string_view b) {
    UErrorCode status = U_ZERO_ERROR;
    UCollationResult r =
        collator.compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                             icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    if (U_FAILURE(status)) return a.compare(b);
    return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
  }

  std::string lang_;
  std::array<number::LocalizedNumberFormatter, kMaxFractionDigits + 1> numbers_;
  ClonePool<icu::DateFormat> long_date_;
  ClonePool<icu::DateFormat> short_date_;
  ClonePool<icu::Collator> collator_;
};

}  // namespace

std::string DefaultNumbering(std::string_view lang) { return lang == "ar" ? "latn" : ""; }

std::string IcuLocaleId(std::string_view lang, std::string_view numbering) {
  std::string id = lang == "en" ? "en_GB" : std::string(lang);
  std::string digits = numbering.empty() ? DefaultNumbering(lang) : std::string(numbering);
  if (!digits.empty()) id += "@numbers=" + digits;
  return id;
}

std::unique_ptr<LocaleFormat> LocaleFormat::Create(const std::string& lang,
                                                   const std::string& numbering) {
  std::string digits = numbering;
  if (!digits.empty()) {
    // An unknown numbering system would silently give the CLDR default.
    UErrorCode check = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberingSystem> system(
        icu::NumberingSystem::createInstanceByName(digits.c_str(), check));
    if (U_FAILURE(check) || !system) digits.clear();
  }
  icu::Locale locale(IcuLocaleId(lang, digits).c_str());
  auto long_date = MakeDateFormat(icu::DateFormat::kLong, locale);
  auto short_date = MakeDateFormat(icu::DateFormat::kShort, locale);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status) || !collator || !long_date || !short_date) return nullptr;
  // "Chapter 2" before "Chapter 10": digits compare by their value.
  collator->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
  return std::make_unique<IcuLocaleFormat>(lang, locale, std::move(long_date),
                                           std::move(short_date), std::move(collator));
}

Locales::Locales(const std::map<std::string, std::string>& numbering) {
  for (std::string_view lang : kLanguages) {
    std::string code(lang);
    auto it = numbering.find(code);
    auto format = LocaleFormat::Create(code, it == numbering.end() ? "" : it->second);
    if (format) formats_.emplace(code, std::move(format));
  }
}

const LocaleFormat& Locales::For(std::string_view lang) const {
  auto it = formats_.find(lang);
  if (it == formats_.end()) it = formats_.find(kSourceLanguage);
  return *it->second;
}

}  // namespace kbgen
