#include "site_check.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>

namespace fs = std::filesystem;

namespace kbgen::testing {
namespace {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string HtmlUnescape(std::string s) {
  for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&amp;", "&"}, {"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}}) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + 1)) {
      s.replace(pos, from.size(), to);
    }
  }
  return s;
}

std::set<std::string> IdsOf(const std::string& html) {
  static const std::regex id_re(R"re(\sid="([^"]*)")re");
  std::set<std::string> ids;
  for (std::sregex_iterator it(html.begin(), html.end(), id_re), end; it != end; ++it) {
    ids.insert(HtmlUnescape((*it)[1]));
  }
  return ids;
}

}  // namespace

const char* KbgenBinary() {
  const char* other = std::getenv("KBGEN_TEST_BINARY");
  return other && *other ? other : KBGEN_BINARY;
}

RunResult RunKbgen(const std::vector<std::string>& args) {
  std::string cmd = ShellQuote(KbgenBinary());
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  cmd += " 2>&1";
  RunResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
  int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::map<std::string, std::string> Snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  if (!fs::exists(root)) return files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), root).string()] = ReadFile(e.path());
  }
  return files;
}

fs::path TempDir() {
  char tmpl[] = "/tmp/kbgen-it-XXXXXX";
  return fs::path(mkdtemp(tmpl));
}

std::string HtmlTag(const std::string& html) {
  auto start = html.find("<html");
  if (start == std::string::npos) return "";
  return html.substr(start, html.find('>', start) - start + 1);
}

std::vector<std::string> BrokenLinks(const fs::path& root, const std::string& base_path) {
  static const std::regex link_re(R"re(\s(?:href|src)="([^"]*)")re");
  std::vector<std::string> broken;
  std::map<fs::path, std::set<std::string>> id_cache;
  auto ids_of = [&](const fs::path& file) -> const std::set<std::string>& {
    auto it = id_cache.find(file);
    if (it == id_cache.end()) it = id_cache.emplace(file, IdsOf(ReadFile(file))).first;
    return it->second;
  };
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().extension() != ".html") continue;
    std::string html = ReadFile(e.path());
    std::string rel = fs::relative(e.path(), root).string();
    for (std::sregex_iterator it(html.begin(), html.end(), link_re), end; it != end; ++it) {
      std::string href = HtmlUnescape((*it)[1]);
      if (href.empty() || href.find("://") != std::string::npos || href.starts_with("mailto:") ||
          href.starts_with("//") || href.starts_with("data:")) {
        continue;
      }
      std::string fragment;
      if (auto hash = href.find('#'); hash != std::string::npos) {
        fragment = PercentDecode(href.substr(hash + 1));
        href.resize(hash);
      }
      if (auto q = href.find('?'); q != std::string::npos) href.resize(q);
      fs::path target;
      if (href.empty()) {
        target = e.path();
      } else if (href.starts_with("/")) {
        if (!href.starts_with(base_path)) {
          broken.push_back(rel + ": " + (*it)[1].str());
          continue;
        }
        target = root / PercentDecode(href.substr(base_path.size()));
      } else {
        target = e.path().parent_path() / PercentDecode(href);
      }
      if (fs::is_directory(target)) target /= "index.html";
      target = target.lexically_normal();
      if (!fs::is_regular_file(target)) {
        broken.push_back(rel + ": " + (*it)[1].str());
      } else if (!fragment.empty() && target.extension() == ".html" &&
                 !ids_of(target).count(fragment)) {
        broken.push_back(rel + ": " + (*it)[1].str() + " (no anchor)");
      }
    }
  }
  std::sort(broken.begin(), broken.end());
  return broken;
}

}  // namespace kbgen::testing
