// Test fixture for the search tests: a temporary folder, and a small
// hand-written site of page records in the six languages.
#ifndef KBGEN_TESTS_SEARCH_FIXTURE_H_
#define KBGEN_TESTS_SEARCH_FIXTURE_H_

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "search/index_builder.h"
#include "search/page_record.h"

namespace kbgen::search::testing {

// A fresh folder, removed with everything in it at the end of the scope.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("kbgen-search-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline PageRecord Page(std::string url, std::string lang, std::string title, std::string section,
                       std::string summary, std::string body) {
  PageRecord r;
  r.url = std::move(url);
  r.lang = std::move(lang);
  r.title = std::move(title);
  r.section = std::move(section);
  r.section_title = r.section;
  r.summary = std::move(summary);
  r.body = std::move(body);
  return r;
}

// Pages whose words are chosen so that each test query has one clear best
// page (its words in the title) and other pages that mention them less.
inline std::vector<PageRecord> FixturePages() {
  std::vector<PageRecord> pages;
  // --- English ---
  auto en1 = Page("/en/toolkit/mapping/", "en", "Mapping an innovation ecosystem", "toolkit",
                  "How to map the stakeholders of an ecosystem.",
                  "Mapping starts with the stakeholders. Use a < b & c > d when <script>alert(1)</script> "
                  "mapping the network of universities, incubators and funders. A map of the "
                  "ecosystem shows where the gaps are.");
  en1.date = "2018-05-08";
  en1.types = {"capacity building"};
  en1.region = {"Europe"};
  en1.tags = {"mapping", "ecosystems"};
  en1.headings = {"Why map an ecosystem", "Steps"};
  pages.push_back(en1);
  auto en2 = Page("/en/toolkit/policy/", "en", "Innovation policy pillars", "toolkit",
                  "The pillars of an innovation policy.",
                  "Good ICT policy rests on pillars: regulation, funding and skills. Innovation "
                  "policy is a shared task of government and the private sector.");
  en2.date = "2019-02-01";
  en2.types = {"knowledge sharing"};
  en2.region = {"Africa"};
  en2.tags = {"policy", "ecosystems"};
  pages.push_back(en2);
  auto en3 = Page("/en/countries/serbia/", "en", "Serbia: digital innovation profile", "countries",
                  "An assessment of the innovation ecosystem of Serbia.",
                  "Serbia invests in information and communication technology. The assessment "
                  "reviewed the innovation ecosystem with its stakeholders in Belgrade.");
  en3.date = "2019-11-20";
  en3.types = {"innovation assessment"};
  en3.region = {"Europe"};
  en3.country = {"Serbia"};
  en3.tags = {"assessment"};
  pages.push_back(en3);
  // --- French ---
  auto fr1 = Page("/fr/toolkit/economie/", "fr", "L'économie numérique", "toolkit",
                  "Ce que l'économie numérique change.",
                  "L'Économie numérique transforme les marchés. Une économie ouverte "
                  "favorise l'innovation.");
  fr1.date = "2018-05-08";
  fr1.types = {"renforcement des capacités"};
  fr1.region = {"Europe"};
  pages.push_back(fr1);
  auto fr2 = Page("/fr/toolkit/politique/", "fr", "Les piliers d'une politique d'innovation",
                  "toolkit", "Les piliers.",
                  "La politique d'innovation repose sur des piliers. Elle concerne aussi "
                  "l'économie.");
  fr2.date = "2019-02-01";
  fr2.region = {"Afrique"};
  pages.push_back(fr2);
  // --- Spanish ---
  auto es1 = Page("/es/toolkit/ano/", "es", "El año de la innovación", "toolkit",
                  "Un año de innovación.",
                  "Durante el año se evaluó la innovación en la región. La economía creció.");
  pages.push_back(es1);
  auto es2 = Page("/es/toolkit/economia/", "es", "Economía digital", "toolkit",
                  "La economía digital.",
                  "La economía digital necesita políticas de innovación y financiación.");
  pages.push_back(es2);
  // --- Russian ---
  auto ru1 = Page("/ru/toolkit/partnerstvo/", "ru", "Партнёрство для инноваций", "toolkit",
                  "О партнёрстве.",
                  "Партнёрство объединяет ещё больше участников экосистемы.");
  pages.push_back(ru1);
  auto ru2 = Page("/ru/toolkit/ekonomika/", "ru", "Цифровая экономика", "toolkit",
                  "Экономика.", "Цифровая экономика растёт. Инновации важны.");
  pages.push_back(ru2);
  // --- Arabic (with tashkeel and tatweel in the text) ---
  auto ar1 = Page("/ar/toolkit/raqmi/", "ar", "الابتكار الرَّقْمِيّ", "toolkit",
                  "عن الابتكار الرقمي.",
                  "يُعَدُّ الابتكارُ الرَّقْمِيُّ أساسَ التحوّل. إستراتيجية وطنية للابتــكار.");
  ar1.region = {"الدول العربية"};
  pages.push_back(ar1);
  auto ar2 = Page("/ar/toolkit/siyasat/", "ar", "السياسات", "toolkit", "السياسات العامة.",
                  "السياسات العامة تدعم الشركات الناشئة.");
  pages.push_back(ar2);
  // --- Chinese ---
  auto zh1 = Page("/zh/toolkit/chuangxin/", "zh", "数字创新生态系统", "toolkit",
                  "数字创新的生态系统。",
                  "数字创新生态系统需要政府、大学和企业的伙伴关系。");
  zh1.region = {"亚太"};
  pages.push_back(zh1);
  auto zh2 = Page("/zh/toolkit/nengli/", "zh", "能力建设", "toolkit", "能力建设。",
                  "能力建设活动帮助各国制定政策。");
  pages.push_back(zh2);
  return pages;
}

inline IndexOptions FixtureOptions() {
  IndexOptions options;
  options.synonyms["en"]["ict"] = {"information and communication technology"};
  return options;
}

}  // namespace kbgen::search::testing

#endif  // KBGEN_TESTS_SEARCH_FIXTURE_H_
