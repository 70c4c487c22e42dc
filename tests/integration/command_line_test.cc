// The command line's contract for bad requests: exit status 2 and a clear
// message, whatever the parser finds wrong.
#include <doctest/doctest.h>

#include <string>

#include "site_check.h"

using namespace kbgen::testing;

namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("kbgen search exits 2 with a message for numbers it cannot use or no query") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {{"search", "--page", "99999999999", "x"}, "--page"},
           {{"search", "--limit", "abc", "x"}, "--limit"},
           {{"search", "--limit", "1.5", "x"}, "--limit"},
           {{"search", "--page", "0", "x"}, "--page must be 1 or more"},
           {{"search"}, "QUERY"},
           {{"search", "--bogus", "x"}, "--bogus"},
           {{"build", "--no-such-option"}, "--no-such-option"},
           {{"frobnicate"}, "subcommand"},
       }) {
    RunResult r = RunKbgen(c.args);
    CAPTURE(r.output);
    CAPTURE(c.args[1 % c.args.size()]);
    CHECK(r.status == 2);
    CHECK(Contains(r.output, c.message));
    CHECK(r.output.starts_with("error: "));
  }
  CHECK(RunKbgen({"--help"}).status == 0);
  CHECK(RunKbgen({"search", "--help"}).status == 0);
  CHECK(RunKbgen({"--version"}).status == 0);
}
