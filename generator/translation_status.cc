#include "generator/translation_status.h"

#include <cstdio>
#include <ctime>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "generator/content_loader.h"

namespace fs = std::filesystem;

namespace kbgen {
namespace {

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command; its standard output, or nullopt if it failed.
std::optional<std::string> Capture(const std::string& cmd) {
  FILE* pipe = popen((cmd + " 2>/dev/null").c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  return pclose(pipe) == 0 ? std::optional<std::string>(out) : std::nullopt;
}

}  // namespace

std::vector<LanguageStatus> ComputeTranslationStatus(
    const Site& site, const std::map<std::string, std::int64_t>& changed_at) {
  auto time_of = [&](const Page* p) {
    auto it = changed_at.find(p->file);
    return it == changed_at.end() ? std::int64_t{0} : it->second;
  };
  std::vector<LanguageStatus> result;
  for (std::string_view lang_view : kLanguages) {
    std::string lang(lang_view);
    if (lang == kSourceLanguage) continue;
    LanguageStatus status;
    status.lang = lang;
    for (const auto& [key, by_lang] : site.translations) {
      auto source = by_lang.find(std::string(kSourceLanguage));
      if (source == by_lang.end()) continue;
      ++status.source_pages;
      auto translation = by_lang.find(lang);
      if (translation == by_lang.end()) {
        status.missing.push_back(source->second->rel_path);
        continue;
      }
      ++status.translated;
      if (time_of(source->second) > time_of(translation->second)) {
        status.outdated.push_back(translation->second->rel_path);
      }
    }
    result.push_back(std::move(status));
  }
  return result;
}

std::map<std::string, std::int64_t> LastChangeTimes(const fs::path& content_dir) {
  std::map<std::string, std::int64_t> times;
  std::error_code ec;
  fs::path root = fs::canonical(content_dir, ec);
  if (ec) return times;
  // File modification times first; git history, where there is one, wins.
  for (auto it = fs::recursive_directory_iterator(content_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    auto mtime = fs::last_write_time(it->path(), ec);
    if (ec) continue;
    auto sys = std::chrono::file_clock::to_sys(mtime);
    times[it->path().string()] =
        std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
  }
  auto top = Capture("git -C " + Quote(root.string()) + " rev-parse --show-toplevel");
  if (!top) return times;
  fs::path repo = fs::path(top->substr(0, top->find('\n')));
  auto log = Capture("git -C " + Quote(repo.string()) +
                     " log --format=@%ct --name-only --no-renames -- " + Quote(root.string()));
  auto dirty = Capture("git -C " + Quote(repo.string()) +
                       " status --porcelain --no-renames -- " + Quote(root.string()));
  if (!log || !dirty) return times;
  // Keyed as the loader names files: content_dir joined with the path
  // below the content folder.
  auto key_of = [&](const std::string& repo_path) {
    return (content_dir / fs::relative(repo / repo_path, root)).string();
  };
  std::set<std::string> seen;
  std::int64_t commit_time = 0;
  std::istringstream lines(*log);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    if (line[0] == '@') {
      commit_time = std::stoll(line.substr(1));
    } else if (seen.insert(line).second) {  // newest commit first
      times[key_of(line)] = commit_time;
    }
  }
  std::int64_t now = std::time(nullptr);
  std::istringstream changed(*dirty);
  for (std::string line; std::getline(changed, line);) {
    if (line.size() > 3) times[key_of(line.substr(3))] = now;
  }
  return times;
}

int RunStatusCommand(const StatusOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.lang.empty() && (!IsKnownLanguage(options.lang) || options.lang == kSourceLanguage)) {
    err << "error: --lang takes one of ar es fr ru zh, got '" << options.lang << "'\n";
    return 2;
  }
  Diagnostics diag;
  LoadedContent content = LoadContent(options.content_dir, &diag);
  auto less = [](const std::string&, const std::string& a, const std::string& b) { return a < b; };
  auto site = BuildSite(SiteConfig{}, std::move(content.pages), less, &diag);
  err << FormatDiagnostics(diag);
  if (diag.has_errors()) return 1;

  auto all = ComputeTranslationStatus(*site, LastChangeTimes(options.content_dir));
  std::erase_if(all, [&](const LanguageStatus& s) {
    return !options.lang.empty() && s.lang != options.lang;
  });
  if (options.json) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& s : all) {
      j[s.lang] = {{"source_pages", s.source_pages},
                   {"translated", s.translated},
                   {"missing", s.missing},
                   {"outdated", s.outdated}};
    }
    out << j.dump(2) << "\n";
    return 0;
  }
  for (const auto& s : all) {
    out << s.lang << ": " << s.translated << " of " << s.source_pages << " pages translated, "
        << s.missing.size() << " missing, " << s.outdated.size() << " out of date\n";
    for (const auto& p : s.missing) out << "  missing      " << p << "\n";
    for (const auto& p : s.outdated) out << "  out of date  " << p << " (English changed since)\n";
  }
  return 0;
}

}  // namespace kbgen
