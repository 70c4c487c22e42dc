#include "search/browser_engine.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <string_view>

#include "search/schema.h"

namespace kbgen::search {
namespace {

namespace fs = std::filesystem;

// FNV-1a over the whole file: a name that changes whenever the file does.
bool HashFile(const fs::path& path, std::string* hex) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::uint64_t h = 14695981039346656037ull;
  std::array<char, 65536> buf;
  while (in.read(buf.data(), buf.size()) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      h = (h ^ static_cast<unsigned char>(buf[static_cast<std::size_t>(i)])) * 1099511628211ull;
    }
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  *hex = out;
  return true;
}

}  // namespace

bool FindBrowserEngine(const fs::path& dir, BrowserEngine* engine, std::string* error) {
  *engine = BrowserEngine();
  struct Part {
    std::string_view file;
    std::string* site_path;
  };
  const std::array<Part, 4> parts = {{
      {"kbsearch-worker.js", &engine->worker},
      {"kbsearch.wasm", &engine->wasm},
      {"icu-base.dat", &engine->icu_base},
      {"icu-zh.dat", &engine->icu_zh},
  }};
  for (const Part& part : parts) {
    const fs::path src = dir / part.file;
    std::string hash;
    if (!HashFile(src, &hash)) {
      *error = src.string() + ": missing (scripts/build-wasm builds the in-browser search engine)";
      return false;
    }
    const fs::path name(part.file);
    std::string out = std::string(kIndexFolder) + "/engine/" + name.stem().string() + "-" + hash +
                      name.extension().string();
    *part.site_path = "/" + out;
    engine->files.emplace_back(src, std::move(out));
  }
  return true;
}

fs::path DefaultBrowserEngineDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path() / "search-engine";
}

std::string SingleFileDatabasePath(const std::string& lang, const std::string& generation) {
  return "/" + std::string(kIndexFolder) + "/" + lang + "/" + generation +
         std::string(kSingleFileSuffix);
}

std::string SingleFileHeadPath(const std::string& lang, const std::string& generation) {
  return "/" + std::string(kIndexFolder) + "/" + lang + "/" + generation +
         std::string(kSingleFileHeadSuffix);
}

}  // namespace kbgen::search
