#include "generator/markdown_parse.h"

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

// cmark-gfm keeps its extension registry in a global list that
// cmark_gfm_core_extensions_ensure_registered() fills without a lock.
void EnsureExtensionsRegistered() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

std::unique_ptr<CmarkDocument> ParseNow(std::string_view text, int options) {
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* root = cmark_parser_finish(parser);
  return std::make_unique<CmarkDocument>(parser, root);
}

// Shared by the caller and the parsing thread; whoever is last frees it.
struct ParseJob {
  std::string text;  // the thread's own copy: the caller may be gone
  int options = 0;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  bool abandoned = false;  // the caller gave up; the thread drops its result
  std::unique_ptr<CmarkDocument> result;
};

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

std::unique_ptr<CmarkDocument> ParseCmark(std::string_view text, int options,
                                          double time_limit_seconds,
                                          std::size_t thread_threshold, bool* timed_out) {
  EnsureExtensionsRegistered();
  *timed_out = false;
  if (text.size() < thread_threshold) return ParseNow(text, options);

  auto job = std::make_shared<ParseJob>();
  job->text = std::string(text);
  job->options = options;
  try {
    std::thread([job] {
      auto doc = ParseNow(job->text, job->options);
      std::lock_guard<std::mutex> lock(job->mu);
      if (job->abandoned) return;  // `doc` is freed here
      job->result = std::move(doc);
      job->done = true;
      job->cv.notify_all();
    }).detach();
  } catch (const std::system_error&) {  // no thread to be had: parse unwatched
    return ParseNow(text, options);
  }
  std::unique_lock<std::mutex> lock(job->mu);
  auto limit = std::chrono::duration<double>(time_limit_seconds);
  if (!job->cv.wait_for(lock, limit, [&] { return job->done; })) {
    job->abandoned = true;
    *timed_out = true;
    return nullptr;
  }
  return std::move(job->result);
}

}  // namespace kbgen
