// Search benchmark: index build time per page and search latency.
//
// Generates N pages per language in the six languages (the same word
// lists and page shape as benchmarks/generate_corpus.py: title, summary,
// three headed sections with lists, about 450 words), builds the indexes
// with BuildIndexes as `kbgen build` does, then runs two-word queries
// round-robin over the languages (Chinese ones written without a space)
// through Searcher and prints the latency percentiles: with snippets and
// exact facet counts (what `kbgen search` does), with snippets only,
// without either, and across all six languages. Each figure is given as
// wall time and as the searching thread's cpu time, which a busy machine
// disturbs less. The generated text draws on some forty words per
// language, so every query matches nearly every page of its language: the
// worst case for facet counts, which visit every match.
//
// usage: search_bench [--pages N] [--queries Q] [--threads T] [--dir DIR]
//   defaults: 2000 pages per language, 3000 queries, one thread per
//   language, a temporary folder that is removed afterwards.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "search/index_builder.h"
#include "search/page_record.h"
#include "search/searcher.h"

namespace {

using kbgen::search::PageRecord;

struct LanguageWords {
  const char* lang;
  const char* words;  // space-separated
};

// The word lists of benchmarks/generate_corpus.py.
constexpr std::array<LanguageWords, 6> kWords = {{
    {"ar",
     "الابتكار النظام الإيكولوجي الرقمي التحول السياسات أصحاب المصلحة الشركات الناشئة "
     "التمويل ريادة الأعمال بناء القدرات التقييم الشراكة الشبكة المنطقة البلد البرنامج "
     "الاستراتيجية البنية التحتية المعرفة البحث الجامعة الحكومة الاستثمار التكنولوجيا "
     "التنمية المستدامة النمو المجتمع الموجّه المسرّعة الحاضنة السوق المواهب المهارات "
     "الاقتصاد"},
    {"en",
     "innovation ecosystem digital transformation policy stakeholders startup funding "
     "entrepreneurship capacity building assessment partnership network region country "
     "programme strategy infrastructure knowledge sharing research university government "
     "investment technology development sustainable growth community mentor accelerator "
     "incubator market talent skills economy service platform data measurement"},
    {"es",
     "innovación ecosistema digital transformación política actores emprendimiento "
     "financiación creación capacidad evaluación asociación red región país programa "
     "estrategia infraestructura conocimiento investigación universidad gobierno inversión "
     "tecnología desarrollo sostenible crecimiento comunidad mentor aceleradora "
     "incubadora mercado talento competencias economía"},
    {"fr",
     "innovation écosystème numérique transformation politique acteurs jeune pousse "
     "financement entrepreneuriat renforcement capacités évaluation partenariat réseau "
     "région pays programme stratégie infrastructure connaissances recherche université "
     "gouvernement investissement technologie développement durable croissance communauté "
     "mentor accélérateur incubateur marché talents compétences économie"},
    {"ru",
     "инновации экосистема цифровая трансформация политика участники стартап "
     "финансирование предпринимательство потенциал оценка партнёрство сеть регион страна "
     "программа стратегия инфраструктура знания исследования университет правительство "
     "инвестиции технологии развитие устойчивый рост сообщество наставник акселератор "
     "инкубатор рынок таланты навыки экономика"},
    {"zh",
     "创新 生态系统 数字 转型 政策 利益攸关方 初创企业 融资 创业 能力建设 评估 伙伴关系 "
     "网络 区域 国家 方案 战略 基础设施 知识 研究 大学 政府 投资 技术 发展 可持续 增长 "
     "社区 导师 加速器 孵化器 市场 人才 技能 经济 服务 平台 数据"},
}};
constexpr std::array<const char*, 6> kRegions = {"Africa", "Americas", "Arab States",
                                                 "Asia and Pacific", "CIS", "Europe"};
constexpr std::array<const char*, 4> kTypes = {"knowledge sharing", "capacity building",
                                               "innovation assessment", "project co-creation"};
constexpr std::array<const char*, 8> kTags = {"innovation ecosystems", "digital transformation",
                                              "policy", "entrepreneurship", "startups", "funding",
                                              "measurement", "partnerships"};
constexpr int kPagesPerSection = 100;

std::vector<std::string> Split(const char* words) {
  std::istringstream in(words);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

class TextMaker {
 public:
  TextMaker(std::string lang, std::vector<std::string> words, std::mt19937* rng)
      : lang_(std::move(lang)), words_(std::move(words)), rng_(rng) {}
  std::string Word() { return words_[(*rng_)() % words_.size()]; }
  std::string Sentence(int n, bool stop = true) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      if (i > 0 && lang_ != "zh") s += ' ';
      s += Word();
    }
    if (lang_ != "zh" && lang_ != "ar" && !s.empty()) s[0] = static_cast<char>(std::toupper(s[0]));
    if (stop) s += lang_ == "zh" ? "。" : ".";
    return s;
  }
  std::string Paragraph(int sentences = 5) {
    std::string p;
    for (int i = 0; i < sentences; ++i) {
      if (i > 0 && lang_ != "zh") p += ' ';
      p += Sentence(8 + static_cast<int>((*rng_)() % 9));
    }
    return p;
  }

 private:
  std::string lang_;
  std::vector<std::string> words_;
  std::mt19937* rng_;
};

std::vector<PageRecord> MakeCorpus(int pages_per_language) {
  std::vector<PageRecord> records;
  for (const auto& lw : kWords) {
    std::mt19937 rng(std::hash<std::string>{}(std::string(lw.lang)) ^ static_cast<unsigned>(pages_per_language));
    TextMaker text(lw.lang, Split(lw.words), &rng);
    for (int i = 0; i < pages_per_language; ++i) {
      PageRecord r;
      int section = i / kPagesPerSection;
      r.lang = lw.lang;
      r.section = "section-" + std::to_string(section);
      r.section_title = text.Sentence(3, false);
      r.url = "/" + r.lang + "/" + r.section + "/page-" + std::to_string(i % kPagesPerSection) + "/";
      r.title = text.Sentence(4, false);
      char date[16];
      std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 15 + static_cast<int>(rng() % 10),
                    1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
      r.date = date;
      r.summary = text.Sentence(12);
      r.tags = {kTags[rng() % kTags.size()], kTags[rng() % kTags.size()]};
      r.region = {kRegions[rng() % kRegions.size()]};
      r.types = {kTypes[rng() % kTypes.size()]};
      std::string body = text.Paragraph() + "\n\n";
      for (int h = 0; h < 3; ++h) {
        std::string heading = text.Sentence(3, false);
        r.headings.push_back(heading);
        body += heading + "\n\n" + text.Paragraph() + "\n\n";
        for (int l = 0; l < 3; ++l) body += text.Sentence(6) + "\n";
        body += "\n";
      }
      body += text.Sentence(3, false) + "\n";
      r.body = std::move(body);
      records.push_back(std::move(r));
    }
  }
  return records;
}

std::uintmax_t FolderBytes(const std::filesystem::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

struct Latency {
  double p50, p90, p99, max, mean;
};

Latency Percentiles(std::vector<double> us) {
  std::sort(us.begin(), us.end());
  auto at = [&](double q) { return us[std::min(us.size() - 1, static_cast<std::size_t>(q * us.size()))]; };
  double sum = 0;
  for (double v : us) sum += v;
  return {at(0.50), at(0.90), at(0.99), us.back(), sum / us.size()};
}

double ThreadCpuMicros() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

double ProcessCpuSeconds() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Latency of each query in microseconds: wall clock, and the CPU time of
// the searching thread (the figure that does not depend on what else the
// machine is running).
struct Timings {
  std::vector<double> wall, cpu;
};

Timings Measure(kbgen::search::Searcher* searcher,
                const std::vector<kbgen::search::SearchRequest>& queries, std::uint64_t* hits) {
  Timings t;
  t.wall.reserve(queries.size());
  t.cpu.reserve(queries.size());
  kbgen::search::SearchResponse response;
  kbgen::search::SearchError error;
  for (const auto& q : queries) {
    auto start = std::chrono::steady_clock::now();
    double cpu_start = ThreadCpuMicros();
    if (!searcher->Search(q, &response, &error)) {
      std::fprintf(stderr, "search failed: %s\n", error.message.c_str());
      std::exit(1);
    }
    t.cpu.push_back(ThreadCpuMicros() - cpu_start);
    t.wall.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    *hits += response.total;
  }
  return t;
}

void PrintLatency(const char* label, const Timings& t) {
  for (int cpu = 0; cpu < 2; ++cpu) {
    Latency l = Percentiles(cpu ? t.cpu : t.wall);
    std::printf("  %-34s %s p50 %6.3f ms  p90 %6.3f ms  p99 %6.3f ms  max %6.3f ms  mean %6.3f ms\n",
                cpu ? "" : label, cpu ? "cpu " : "wall", l.p50 / 1000, l.p90 / 1000, l.p99 / 1000,
                l.max / 1000, l.mean / 1000);
  }
}

}  // namespace

int main(int argc, char** argv) {
  int pages = 2000, queries = 3000, threads = 0;
  std::filesystem::path dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--pages") {
      pages = std::atoi(next().c_str());
    } else if (a == "--queries") {
      queries = std::atoi(next().c_str());
    } else if (a == "--threads") {
      threads = std::atoi(next().c_str());
    } else if (a == "--dir") {
      dir = next();
    } else {
      std::fprintf(stderr, "usage: search_bench [--pages N] [--queries Q] [--threads T] [--dir DIR]\n");
      return 2;
    }
  }
  if (pages < 1 || queries < 1) return 2;
  const bool temporary = dir.empty();
  if (temporary) dir = std::filesystem::temp_directory_path() / ("kbgen-search-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);

  std::printf("machine: %u hardware threads\n", std::thread::hardware_concurrency());
  auto t0 = std::chrono::steady_clock::now();
  std::vector<PageRecord> records = MakeCorpus(pages);
  std::size_t words = 0;
  for (const auto& r : records) words += r.body.size();
  auto t1 = std::chrono::steady_clock::now();
  std::printf("corpus: %d pages x 6 languages = %zu pages, %.1f MB of body text (generated in %.2f s)\n",
              pages, records.size(), words / 1e6, std::chrono::duration<double>(t1 - t0).count());

  kbgen::search::IndexOptions options;
  options.threads = threads;
  options.synonyms["en"]["ict"] = {"information and communication technology"};
  std::string error;
  t0 = std::chrono::steady_clock::now();
  double cpu0 = ProcessCpuSeconds();
  if (!kbgen::search::BuildIndexes(records, dir, options, &error)) {
    std::fprintf(stderr, "index build failed: %s\n", error.c_str());
    return 1;
  }
  double cpu = ProcessCpuSeconds() - cpu0;
  t1 = std::chrono::steady_clock::now();
  double build = std::chrono::duration<double>(t1 - t0).count();
  std::printf("index build: %.2f s wall (%s), %.3f ms per page, %.0f pages/s; %.2f s cpu, "
              "%.3f ms cpu per page; %.1f MB on disk\n",
              build, threads > 0 ? (std::to_string(threads) + " threads").c_str() : "one thread per language",
              build * 1000 / records.size(), records.size() / build, cpu, cpu * 1000 / records.size(),
              FolderBytes(dir / "search") / 1e6);

  auto searcher = kbgen::search::Searcher::Open(dir, &error);
  if (!searcher) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  // Two-word queries, round-robin over the languages; Chinese as a reader
  // types it, without a space.
  std::mt19937 rng(42);
  std::vector<kbgen::search::SearchRequest> requests;
  for (int i = 0; i < queries; ++i) {
    const auto& lw = kWords[i % kWords.size()];
    auto list = Split(lw.words);
    kbgen::search::SearchRequest r;
    r.lang = lw.lang;
    std::string a = list[rng() % list.size()], b = list[rng() % list.size()];
    r.query = std::string(lw.lang) == "zh" ? a + b : a + " " + b;
    requests.push_back(std::move(r));
  }
  std::uint64_t hits = 0;
  std::printf("(latency as wall clock time, and as the cpu time of the searching thread, which does\n"
              " not count time lost to other processes on a busy machine)\n");
  // Warm up: open the databases and fill the caches as a server would.
  Measure(searcher.get(), std::vector<kbgen::search::SearchRequest>(requests.begin(), requests.begin() + std::min(queries, 300)), &hits);

  std::printf("search: %d two-word queries, 10 results each, one thread\n", queries);
  hits = 0;
  auto full = Measure(searcher.get(), requests, &hits);
  std::printf("  (%.0f matching pages per query on average)\n", static_cast<double>(hits) / queries);
  PrintLatency("snippets + exact facet counts:", full);
  for (auto& r : requests) r.facets = false;
  PrintLatency("snippets, no facets:", Measure(searcher.get(), requests, &hits));
  for (auto& r : requests) r.snippets = false;
  PrintLatency("no snippets, no facets:", Measure(searcher.get(), requests, &hits));
  for (auto& r : requests) {
    r.lang = "all";
    r.snippets = true;
    r.facets = true;
  }
  PrintLatency("all languages, snippets + facets:", Measure(searcher.get(), requests, &hits));

  if (temporary) std::filesystem::remove_all(dir);
  return 0;
}
