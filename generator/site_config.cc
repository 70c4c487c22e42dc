#include "generator/site_config.h"

#include <fstream>
#include <iterator>
#include <system_error>

#include "generator/page.h"
#include "generator/yaml_strict.h"

namespace kbgen {
namespace {

void WarnUnread(const YamlMapReader& r) {
  for (const std::string& key : r.UnreadKeys()) {
    r.Warning(r.LineOf(key), "unknown key " + r.Quoted(key) + " ignored");
  }
}

// A map from language code to text: `title: {en: ..., fr: ...}`.
void ReadLanguageMap(YamlMapReader& parent, std::string_view key,
                     std::map<std::string, std::string>* out) {
  auto m = parent.Map(key);
  if (!m) return;
  for (const std::string& lang : m->Keys()) {
    if (!IsKnownLanguage(lang)) {
      m->Error(m->LineOf(lang), m->Quoted(lang) +
                                    ": unknown language (use ar, en, es, fr, ru "
                                    "or zh)");
      continue;
    }
    std::string text;
    if (m->GetString(lang, &text)) (*out)[lang] = text;
  }
}

void ReadMenus(YamlMapReader& root, SiteConfig* config) {
  auto menus = root.Map("menus");
  if (!menus) return;
  if (auto main = menus->List("main")) {
    int index = 0;
    for (const auto& item : *main) {
      std::string path = "menus.main[" + std::to_string(++index) + "]";
      YamlMapReader r = menus->Nested(item, path);
      MenuItem entry;
      bool has_section = r.GetString("section", &entry.section);
      bool has_page = r.GetString("page", &entry.page);
      WarnUnread(r);
      // A value of the wrong type has been reported already.
      bool type_error =
          (!has_section && !r.Get("section").IsNull()) || (!has_page && !r.Get("page").IsNull());
      if (has_section == has_page && !type_error) {
        r.Error(LineOf(item, r.source()),
                "'" + path + "' must have either 'section' or 'page' (one of them)");
        continue;
      }
      config->main_menu.push_back(entry);
    }
  }
  WarnUnread(*menus);
}

bool IsAsciiWord(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return true;
}

void ReadOptions(YamlMapReader& root, SiteConfig* config) {
  auto options = root.Map("options");
  if (!options) return;
  options->GetBool("unsafe_html", &config->unsafe_html);
  std::map<std::string, std::string> numbering;
  ReadLanguageMap(*options, "numbering", &numbering);
  for (const auto& [lang, system] : numbering) {
    if (!IsAsciiWord(system)) {
      options->Error(options->LineOf("numbering"), "'options.numbering." + lang +
                                                       "' must be an ICU numbering system name "
                                                       "such as latn or arab, found '" +
                                                       system + "'");
      continue;
    }
    config->numbering[lang] = system;
  }
  std::int64_t bytes = 0;
  if (options->GetInt("max_page_bytes", &bytes, 1024, std::int64_t{64} << 20)) {
    config->max_page_bytes = static_cast<std::size_t>(bytes);
  }
  double seconds = 0;
  if (options->GetNumber("markdown_seconds", &seconds)) {
    if (seconds <= 0 || seconds > 3600) {
      options->Error(options->LineOf("markdown_seconds"),
                     "'options.markdown_seconds' must be more than 0 and at most 3600");
    } else {
      config->markdown_seconds = seconds;
    }
  }
  WarnUnread(*options);
}

void ReadSearch(YamlMapReader& root, SiteConfig* config) {
  auto search = root.Map("search");
  if (!search) return;
  if (auto synonyms = search->Map("synonyms")) {
    for (const std::string& lang : synonyms->Keys()) {
      if (!IsKnownLanguage(lang)) {
        synonyms->Error(synonyms->LineOf(lang), synonyms->Quoted(lang) +
                                                    ": unknown language (use ar, en, es, fr, ru "
                                                    "or zh)");
        continue;
      }
      auto terms = synonyms->Map(lang);
      if (!terms) continue;
      for (const std::string& term : terms->Keys()) {
        std::vector<std::string> list;
        if (terms->GetStringOrList(term, &list)) config->synonyms[lang][term] = list;
      }
    }
  }
  WarnUnread(*search);
}

void ReadSources(YamlMapReader& root, SiteConfig* config) {
  auto sources = root.Map("sources");
  if (!sources) return;
  for (const std::string& id : sources->Keys()) {
    const int line = sources->LineOf(id);
    auto r = sources->Map(id);
    if (!r) continue;
    SourceDef def;
    if (!r->GetString("url", &def.url) ||
        !(def.url.starts_with("https://") || def.url.starts_with("http://")) ||
        def.url.find_first_of(" \t\r\n\"'<>\\") != std::string::npos) {
      r->Error(r->Has("url") ? r->LineOf("url") : line,
               "'sources." + id + ".url' must be an http(s) URL");
    }
    if (r->GetString("lang", &def.lang) && !IsKnownLanguage(def.lang)) {
      r->Error(r->LineOf("lang"), "'sources." + id + ".lang' must be one of ar, en, es, fr, ru, zh");
    }
    ReadLanguageMap(*r, "title", &def.title);
    if (!def.title.count(std::string(kSourceLanguage))) {
      r->Error(r->Has("title") ? r->LineOf("title") : line,
               "'sources." + id + ".title' needs at least an English title (en)");
    }
    if (auto parts = r->Map("parts")) {
      for (const std::string& part : parts->Keys()) ReadLanguageMap(*parts, part, &def.parts[part]);
      WarnUnread(*parts);
    }
    WarnUnread(*r);
    config->sources[id] = std::move(def);
  }
  WarnUnread(*sources);
}

bool ReadFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

std::string SiteConfig::TitleFor(const std::string& lang) const {
  if (auto it = title.find(lang); it != title.end() && !it->second.empty()) return it->second;
  if (auto it = title.find(std::string(kSourceLanguage));
      it != title.end() && !it->second.empty()) {
    return it->second;
  }
  return "Knowledge base";
}

std::optional<SiteConfig> ParseSiteConfig(const std::string& text, const std::string& path,
                                          Diagnostics* diag) {
  YamlSource source{path, 1};
  auto node = ParseYamlStrict(text, source, diag);
  if (!node) return std::nullopt;
  YamlMapReader r(*node, source, diag, "the site config");
  SiteConfig config;

  if (r.GetString("base_url", &config.base_url)) {
    const std::string& url = config.base_url;
    bool absolute = url.starts_with("https://") || url.starts_with("http://");
    if (!(absolute || url.starts_with("/")) ||
        url.find_first_of(" \t\r\n\"'<>\\") != std::string::npos) {
      r.Error(r.LineOf("base_url"),
              "'base_url' must be an http(s) URL or a path starting with '/', found '" + url + "'");
    }
    if (config.base_url.empty() || config.base_url.back() != '/') config.base_url += '/';
  }
  if (r.GetString("default_language", &config.default_language) &&
      !IsKnownLanguage(config.default_language)) {
    r.Error(r.LineOf("default_language"),
            "'default_language' must be one of ar, en, es, fr, "
            "ru, zh, found '" +
                config.default_language + "'");
  }
  ReadLanguageMap(r, "title", &config.title);
  ReadLanguageMap(r, "description", &config.description);
  ReadMenus(r, &config);
  ReadOptions(r, &config);
  ReadSearch(r, &config);
  ReadSources(r, &config);
  WarnUnread(r);
  if (!r.ok()) return std::nullopt;
  return config;
}

std::optional<SiteConfig> LoadSiteConfig(const std::filesystem::path& path, bool must_exist,
                                         Diagnostics* diag) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (!must_exist) return SiteConfig{};
    diag->Error(path.string(), 0, "site config file not found");
    return std::nullopt;
  }
  std::string text;
  if (!ReadFile(path, &text)) {
    diag->Error(path.string(), 0, "cannot read the site config file");
    return std::nullopt;
  }
  return ParseSiteConfig(text, path.string(), diag);
}

}  // namespace kbgen
