#include "generator/terminate_guard.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <string>

#include <xapian.h>

namespace kbgen {
namespace {

// The live guard's writer (see the header: one guard at a time).
std::atomic<SiteWriter*> g_writer{nullptr};
// Set by the first thread to terminate; any other waits for it to exit.
std::atomic<bool> g_terminating{false};

std::string InFlightReason() {
  std::exception_ptr current = std::current_exception();
  if (!current) return "the program stopped unexpectedly";
  try {
    std::rethrow_exception(current);
  } catch (const Xapian::Error& e) {
    return e.get_description();
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an unknown exception";
  }
}

[[noreturn]] void OnTerminate() {
  if (g_terminating.exchange(true)) {
    for (;;) ::pause();
  }
  std::string reason = InFlightReason();
  if (SiteWriter* writer = g_writer.exchange(nullptr)) writer->Abandon();
  std::fprintf(stderr,
               "error: %s\nbuild failed; the output folder was not changed\n", reason.c_str());
  std::fflush(stderr);
  ::_exit(1);
}

}  // namespace

TerminateGuard::TerminateGuard(SiteWriter* writer) {
  g_writer.store(writer);
  previous_ = std::set_terminate(OnTerminate);
}

TerminateGuard::~TerminateGuard() {
  std::set_terminate(previous_);
  g_writer.store(nullptr);
}

}  // namespace kbgen
