// Helpers for integration tests: run the kbgen binary, read a built site,
// and check every internal link and anchor in it.
#ifndef KBGEN_TESTS_INTEGRATION_SITE_CHECK_H_
#define KBGEN_TESTS_INTEGRATION_SITE_CHECK_H_

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kbgen::testing {

struct RunResult {
  int status = -1;     // exit status
  std::string output;  // stdout and stderr together
};

// The kbgen binary under test: the one this build made, or the one named
// by the environment variable KBGEN_TEST_BINARY (to show that a test fails
// on an older binary).
const char* KbgenBinary();

// Runs the kbgen binary under test with `args` (each passed as one argument).
RunResult RunKbgen(const std::vector<std::string>& args);

std::string ReadFile(const std::filesystem::path& path);

// Every file below `root`, relative path -> content.
std::map<std::string, std::string> Snapshot(const std::filesystem::path& root);

// A fresh temporary folder.
std::filesystem::path TempDir();

// The `<html ...>` start tag of a page.
std::string HtmlTag(const std::string& html);

// Every broken internal link of the site below `root`, as
// "from-file: href" lines. `base_path` is the site's path prefix ("/").
std::vector<std::string> BrokenLinks(const std::filesystem::path& root,
                                     const std::string& base_path = "/");

}  // namespace kbgen::testing

#endif  // KBGEN_TESTS_INTEGRATION_SITE_CHECK_H_
