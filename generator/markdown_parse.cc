#include "generator/markdown_parse.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

namespace kbgen {
namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                       "tasklist"};

// The right to run cmark-gfm's inline phase. Process-wide because the
// table it guards is (see the header); a function-local static so that it
// is built on first use.
class InlineGate {
 public:
  static InlineGate& Get() {
    static InlineGate gate;
    return gate;
  }

  // Waits for the gate; false (without it) while a runaway parse holds it.
  bool Enter() {
    while (!mu_.try_lock_for(std::chrono::milliseconds(20))) {
      if (runaways_.load() > 0) return false;
    }
    return true;
  }
  void Leave() { mu_.unlock(); }

  void AddRunaway() { ++runaways_; }
  void RemoveRunaway() { --runaways_; }
  int runaways() const { return runaways_.load(); }

 private:
  std::timed_mutex mu_;
  std::atomic<int> runaways_{0};
};

// cmark_gfm_core_extensions_ensure_registered() fills a global registry
// without a lock.
void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// A parser with the extensions attached and `text` fed: the block phase,
// which may run on any number of threads at once.
cmark_parser* FeedParser(std::string_view text, int options) {
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  cmark_parser_feed(parser, text.data(), text.size());
  return parser;
}

ParseOutcome ParseNow(std::string_view text, int options) {
  cmark_parser* parser = FeedParser(text, options);
  InlineGate& gate = InlineGate::Get();
  if (!gate.Enter()) {
    cmark_parser_free(parser);
    return {ParseStatus::kBlocked, nullptr};
  }
  cmark_node* root = cmark_parser_finish(parser);
  gate.Leave();
  return {ParseStatus::kOk, std::make_unique<CmarkDocument>(parser, root)};
}

// Shared by the caller and the parsing thread; whoever is last frees it.
struct ParseJob {
  std::string text;  // the thread's own copy: the caller may be gone
  int options = 0;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  bool abandoned = false;  // the caller gave up: the thread drops its result
  bool in_inline_phase = false;
  bool runaway = false;  // abandoned while in the inline phase: counted in the gate
  ParseOutcome outcome;
};

void RunJob(const std::shared_ptr<ParseJob>& job) {
  cmark_parser* parser = FeedParser(job->text, job->options);
  InlineGate& gate = InlineGate::Get();
  bool entered = gate.Enter();
  {
    std::lock_guard<std::mutex> lock(job->mu);
    if (!entered || job->abandoned) {
      if (entered) gate.Leave();
      cmark_parser_free(parser);
      job->outcome.status = ParseStatus::kBlocked;
      job->done = true;
      job->cv.notify_all();
      return;
    }
    job->in_inline_phase = true;
  }
  cmark_node* root = cmark_parser_finish(parser);
  auto doc = std::make_unique<CmarkDocument>(parser, root);
  std::lock_guard<std::mutex> lock(job->mu);
  job->in_inline_phase = false;
  if (job->runaway) gate.RemoveRunaway();
  gate.Leave();
  if (job->abandoned) return;  // `doc` is freed here
  job->outcome = {ParseStatus::kOk, std::move(doc)};
  job->done = true;
  job->cv.notify_all();
}

}  // namespace

CmarkDocument::~CmarkDocument() {
  if (root_) cmark_node_free(root_);
  if (parser_) cmark_parser_free(parser_);
}

cmark_llist* CmarkDocument::extensions() const {
  return cmark_parser_get_syntax_extensions(parser_);
}

int CmarkOptions(bool unsafe_html) {
  return CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | (unsafe_html ? CMARK_OPT_UNSAFE : 0);
}

ParseOutcome ParseCmark(std::string_view text, int options, double time_limit_seconds,
                        std::size_t watched_bytes) {
  RegisterExtensionsOnce();
  if (text.size() < watched_bytes) return ParseNow(text, options);

  auto job = std::make_shared<ParseJob>();
  job->text = std::string(text);
  job->options = options;
  try {
    std::thread([job] { RunJob(job); }).detach();
  } catch (const std::system_error&) {  // no thread to be had: parse unwatched
    return ParseNow(text, options);
  }
  std::unique_lock<std::mutex> lock(job->mu);
  auto limit = std::chrono::duration<double>(time_limit_seconds);
  if (job->cv.wait_for(lock, limit, [&] { return job->done; })) return std::move(job->outcome);
  job->abandoned = true;
  if (job->in_inline_phase) {
    job->runaway = true;
    InlineGate::Get().AddRunaway();
  }
  return {ParseStatus::kTimedOut, nullptr};
}

bool WaitForRunawayParses(double seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (InlineGate::Get().runaways() > 0) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace kbgen
