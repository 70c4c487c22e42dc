// Dates, numbers and collation per language. Expected strings are CLDR's
// patterns and symbols written out by hand: U+202F (narrow no-break space)
// groups French digits and precedes Russian "г."; U+00A0 groups Russian
// digits; U+200F (right-to-left mark) follows the day and month of an
// Arabic short date; Spanish does not group four-digit numbers.
#include "generator/locale.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using namespace kbgen;

namespace {

const Date kMay8{2018, 5, 8};
const Date kDec31{2019, 12, 31};

std::string Long(const Locales& l, const char* lang, const Date& d) {
  return l.For(lang).FormatDate(d, DateStyle::kLong);
}
std::string Short(const Locales& l, const char* lang, const Date& d) {
  return l.For(lang).FormatDate(d, DateStyle::kShort);
}

std::vector<std::string> Sorted(const char* lang, std::vector<std::string> v) {
  auto f = LocaleFormat::Create(lang);
  REQUIRE(f != nullptr);
  f->Sort(&v);
  return v;
}

}  // namespace

TEST_CASE("locale IDs: British English, Latin digits for Arabic unless asked") {
  CHECK(IcuLocaleId("en") == "en_GB");
  CHECK(IcuLocaleId("ar") == "ar@numbers=latn");
  CHECK(IcuLocaleId("ar", "arab") == "ar@numbers=arab");
  CHECK(IcuLocaleId("zh") == "zh");
  CHECK(IcuLocaleId("ru") == "ru");
}

TEST_CASE("long dates in each language") {
  Locales l;
  CHECK(Long(l, "en", kMay8) == "8 May 2018");
  CHECK(Long(l, "fr", kMay8) == "8 mai 2018");
  CHECK(Long(l, "es", kMay8) == "8 de mayo de 2018");
  CHECK(Long(l, "ru", kMay8) == "8 мая 2018\u202Fг.");
  CHECK(Long(l, "zh", kMay8) == "2018年5月8日");
  CHECK(Long(l, "ar", kMay8) == "8 مايو 2018");

  CHECK(Long(l, "en", kDec31) == "31 December 2019");
  CHECK(Long(l, "fr", kDec31) == "31 décembre 2019");
  CHECK(Long(l, "es", kDec31) == "31 de diciembre de 2019");
  CHECK(Long(l, "ru", kDec31) == "31 декабря 2019\u202Fг.");
  CHECK(Long(l, "zh", kDec31) == "2019年12月31日");
  CHECK(Long(l, "ar", kDec31) == "31 ديسمبر 2019");
}

TEST_CASE("short dates in each language") {
  Locales l;
  CHECK(Short(l, "en", kMay8) == "08/05/2018");
  CHECK(Short(l, "fr", kMay8) == "08/05/2018");
  CHECK(Short(l, "es", kMay8) == "8/5/18");
  CHECK(Short(l, "ru", kMay8) == "08.05.2018");
  CHECK(Short(l, "zh", kMay8) == "2018/5/8");
  CHECK(Short(l, "ar", kMay8) == "8\u200F/5\u200F/2018");
}

TEST_CASE("dates are Gregorian and do not move with time zones or calendar reforms") {
  Locales l;
  CHECK(Long(l, "en", Date{1500, 3, 1}) == "1 March 1500");
  CHECK(Long(l, "en", Date{2000, 2, 29}) == "29 February 2000");
  CHECK(Long(l, "en", Date{1970, 1, 1}) == "1 January 1970");
  CHECK(Long(l, "en", Date{1969, 12, 31}) == "31 December 1969");
}

TEST_CASE("Arabic-Indic digits on request") {
  Locales l(std::map<std::string, std::string>{{"ar", "arab"}});
  CHECK(Long(l, "ar", kMay8) == "٨ مايو ٢٠١٨");
  CHECK(l.For("ar").FormatInteger(1234567) == "١٬٢٣٤٬٥٦٧");
  CHECK(l.For("ar").FormatNumber(1234.5) == "١٬٢٣٤٫٥");
  // An unknown numbering system falls back to the project default.
  Locales bad(std::map<std::string, std::string>{{"ar", "klingon"}});
  CHECK(bad.For("ar").FormatInteger(12) == "12");
}

TEST_CASE("integers group digits the locale's way") {
  Locales l;
  CHECK(l.For("en").FormatInteger(1234567) == "1,234,567");
  CHECK(l.For("fr").FormatInteger(1234567) == "1\u202F234\u202F567");
  CHECK(l.For("es").FormatInteger(1234567) == "1.234.567");
  CHECK(l.For("ru").FormatInteger(1234567) == "1\u00A0234\u00A0567");
  CHECK(l.For("zh").FormatInteger(1234567) == "1,234,567");
  CHECK(l.For("ar").FormatInteger(1234567) == "1,234,567");
  CHECK(l.For("en").FormatInteger(1234) == "1,234");
  CHECK(l.For("es").FormatInteger(1234) == "1234");
  CHECK(l.For("es").FormatInteger(12345) == "12.345");
  CHECK(l.For("en").FormatInteger(-42) == "-42");
}

TEST_CASE("decimals use the locale's mark and at most the asked fraction digits") {
  Locales l;
  CHECK(l.For("en").FormatNumber(1234.5) == "1,234.5");
  CHECK(l.For("fr").FormatNumber(1234.5) == "1\u202F234,5");
  CHECK(l.For("es").FormatNumber(1234.5) == "1234,5");
  CHECK(l.For("ru").FormatNumber(1234.5) == "1\u00A0234,5");
  CHECK(l.For("zh").FormatNumber(1234.5) == "1,234.5");
  CHECK(l.For("ar").FormatNumber(1234.5) == "1,234.5");
  CHECK(l.For("en").FormatNumber(3.14159, 2) == "3.14");
  CHECK(l.For("fr").FormatNumber(3.14159, 3) == "3,142");
  CHECK(l.For("en").FormatNumber(7.0, 2) == "7");
  CHECK(l.For("en").FormatNumber(2.75, 0) == "3");
}

TEST_CASE("Spanish collation: accents are secondary, ñ is a letter after n, ch is not") {
  CHECK(Sorted("es", {"Zimbabue", "Ñandú", "Nueva", "Ávila", "ábaco", "Azul", "Cuba", "Chile"}) ==
        std::vector<std::string>{"ábaco", "Ávila", "Azul", "Chile", "Cuba", "Nueva", "Ñandú",
                                 "Zimbabue"});
}

TEST_CASE("French collation: accented titles among plain ones, accents compared forwards") {
  CHECK(Sorted("fr", {"Zambie", "Éthiopie", "Eswatini", "Égypte", "Estonie", "Espagne", "Algérie",
                      "Afrique du Sud"}) ==
        std::vector<std::string>{"Afrique du Sud", "Algérie", "Égypte", "Espagne", "Estonie",
                                 "Eswatini", "Éthiopie", "Zambie"});
  // France French compares accents from the start of the word (Canadian
  // French would put côte before coté).
  CHECK(Sorted("fr", {"côté", "côte", "coté", "cote"}) ==
        std::vector<std::string>{"cote", "coté", "côte", "côté"});
}

TEST_CASE("Russian collation: ё with е, whatever the byte order") {
  CHECK(Sorted("ru", {"Южная Африка", "Ямайка", "Ёлкино", "Сербия", "Египет", "Северная Македония",
                      "Австрия", "Эстония", "Республика Молдова", "Республика Корея"}) ==
        std::vector<std::string>{"Австрия", "Египет", "Ёлкино", "Республика Корея",
                                 "Республика Молдова", "Северная Македония", "Сербия", "Эстония",
                                 "Южная Африка", "Ямайка"});
}

TEST_CASE("Arabic collation: alef with hamza sorts as alef, alef madda before it") {
  // Byte order would give آيسلندا أوغندا إثيوبيا اليمن: hamza forms come
  // first in Unicode. CLDR compares أ and إ as ا, then the next letters
  // (ث before ل before و), and puts آ in front of every alef.
  CHECK(Sorted("ar", {"آيسلندا", "أوغندا", "اليمن", "إثيوبيا"}) ==
        std::vector<std::string>{"آيسلندا", "إثيوبيا", "اليمن", "أوغندا"});
  CHECK(Sorted("ar", {"مقدونيا الشمالية", "صربيا", "جنوب أفريقيا", "جمهورية مولدوفا", "زمبابوي",
                      "تايلند", "النرويج", "جمهورية كوريا", "الجبل الأسود", "البوسنة والهرسك"}) ==
        std::vector<std::string>{"البوسنة والهرسك", "الجبل الأسود", "النرويج", "تايلند",
                                 "جمهورية كوريا", "جمهورية مولدوفا", "جنوب أفريقيا", "زمبابوي",
                                 "صربيا", "مقدونيا الشمالية"});
}

TEST_CASE("Chinese collation is pinyin order") {
  CHECK(Sorted("zh", {"波斯尼亚和黑塞哥维那", "塞尔维亚", "摩尔多瓦共和国", "南非", "黑山",
                      "津巴布韦", "北马其顿", "泰国", "大韩民国", "挪威"}) ==
        std::vector<std::string>{"北马其顿", "波斯尼亚和黑塞哥维那", "大韩民国", "黑山", "津巴布韦",
                                 "摩尔多瓦共和国", "南非", "挪威", "塞尔维亚", "泰国"});
}

TEST_CASE("English collation ignores case first and compares digits by value") {
  CHECK(Sorted("en", {"cherry", "Banana", "apple"}) ==
        std::vector<std::string>{"apple", "Banana", "cherry"});
  CHECK(Sorted("en", {"Chapter 10", "Chapter 2", "Chapter 1"}) ==
        std::vector<std::string>{"Chapter 1", "Chapter 2", "Chapter 10"});
  Locales l;
  CHECK(l.For("en").Compare("a", "B") < 0);
  CHECK(l.For("en").Compare("b", "b") == 0);
  CHECK(l.For("fr").Compare("été", "ete") > 0);
}

TEST_CASE("Locales gives every language and English for an unknown code") {
  Locales l;
  for (std::string_view lang : kLanguages) CHECK(l.For(lang).lang() == lang);
  CHECK(l.For("xx").lang() == "en");
}
