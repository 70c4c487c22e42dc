// `kbgen status`: what each language is missing, and which translations
// are older than their English source, for translators.
//
// A translation is out of date when its English source changed after it:
// times come from git (the last commit touching each file; uncommitted
// changes count as now) when the content folder is in a git work tree,
// otherwise from file modification times.
#ifndef KBGEN_GENERATOR_TRANSLATION_STATUS_H_
#define KBGEN_GENERATOR_TRANSLATION_STATUS_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "generator/site.h"

namespace kbgen {

struct LanguageStatus {
  std::string lang;
  int source_pages = 0;  // English pages
  int translated = 0;    // of those, present in this language
  std::vector<std::string> missing;   // English rel paths
  std::vector<std::string> outdated;  // this language's rel paths
};

// `changed_at`: Page::file -> seconds since the epoch of its last change.
std::vector<LanguageStatus> ComputeTranslationStatus(
    const Site& site, const std::map<std::string, std::int64_t>& changed_at);

// Last-change time of every file below `content_dir`, keyed as the loader
// names them (content_dir / relative path).
std::map<std::string, std::int64_t> LastChangeTimes(const std::filesystem::path& content_dir);

struct StatusOptions {
  std::filesystem::path content_dir = "content";
  std::string lang;  // empty: every language but English
  bool json = false;
};

// Runs `kbgen status`; returns the exit status (0, or 1 when the content
// cannot be loaded).
int RunStatusCommand(const StatusOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_TRANSLATION_STATUS_H_
