// TerminateGuard: while it lives, a call to std::terminate (an exception
// that no code can catch) removes the build's staging folder, prints the
// reason and exits with status 1, instead of aborting and leaving the
// folder behind.
//
// Needed because a library can end the process from inside: Xapian 1.4.22
// calls std::terminate when the disk fills during WritableDatabase::commit
// (its DatabaseError crosses a noexcept frame inside the library), so no
// try/catch of ours sees it. The previous site is untouched either way: it
// is only replaced after everything was written.
//
// std::set_terminate is process-wide, so the guard keeps its state in one
// static slot: at most one guard may live at a time (a build is one per
// process). Not for use by several builds in one process at once.
#ifndef KBGEN_GENERATOR_TERMINATE_GUARD_H_
#define KBGEN_GENERATOR_TERMINATE_GUARD_H_

#include <exception>

#include "generator/site_writer.h"

namespace kbgen {

class TerminateGuard {
 public:
  // `writer` must outlive the guard.
  explicit TerminateGuard(SiteWriter* writer);
  ~TerminateGuard();
  TerminateGuard(const TerminateGuard&) = delete;
  TerminateGuard& operator=(const TerminateGuard&) = delete;

 private:
  std::terminate_handler previous_;
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_TERMINATE_GUARD_H_
