// The view model of site-wide pages: the language chooser, the 404 page,
// alias redirects and the search page; and front matter params as
// template data.
//
// Search page (ForSearch): search {action q_name lang_name api_url
//   languages[] {code name is_selected} config_json}
//   config_json is read by static/js/search.js: the API URL, the strings
//   (with plural forms for the result count, see PluralFormsJson) and the
//   number locale.
// Redirect (ForAlias): redirect {target_url target_abs title text_html}
// Chooser (ForLanguageChooser): chooser {title languages[] {code dir name
//   home_url site_title intro title} homes_json}
// 404 (ForNotFound): notfound {notices[] {code dir title text home_text home_url}}
#include <algorithm>
#include <memory>

#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/strenum.h>

#include "generator/template_set.h"
#include "generator/view_model.h"

namespace kbgen {
namespace {

// Blocks of a database that the in-browser engine fetches past each
// missing block: a posting list or a value stream goes on in the next.
constexpr int kBrowserSearchReadAhead = 1;

std::string DirOf(const std::string& lang) { return IsRightToLeft(lang) ? "rtl" : "ltr"; }

std::string Json(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (auto pos = s->find(from); pos != std::string::npos; pos = s->find(from, pos + to.size())) {
    s->replace(pos, from.size(), to);
  }
}

// An integer sample of ICU's plural category `keyword`, preferring one
// above 10 (0..10 are formatted exactly); -1 when there is none.
double PluralSample(icu::PluralRules& rules, const icu::UnicodeString& keyword) {
  double samples[64];
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = rules.getSamples(keyword, samples, 64, status);
  if (U_FAILURE(status)) return -1;
  double fallback = -1;
  for (int32_t i = 0; i < n; ++i) {
    double s = samples[i];
    if (s < 0 || s != static_cast<double>(static_cast<std::int64_t>(s)) || s > 1e9) continue;
    if (s > 10) return s;
    if (fallback < 0) fallback = s;
  }
  return fallback;
}

// The BCP 47 tag a browser's Intl API takes for an ICU locale ID, so the
// search page formats numbers and dates as the build does:
// "en_GB" -> "en-GB", "ar@numbers=latn" -> "ar-u-nu-latn".
std::string BrowserLocaleId(const std::string& icu_id) {
  std::string base = icu_id.substr(0, icu_id.find('@'));
  std::replace(base.begin(), base.end(), '_', '-');
  auto numbers = icu_id.find("@numbers=");
  if (numbers != std::string::npos) base += "-u-nu-" + icu_id.substr(numbers + 9);
  return base;
}

}  // namespace

bool IsScriptUrl(std::string_view url) {
  std::string scheme;
  for (char c : url) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20) {
      if (scheme.empty() || c == '\t' || c == '\n' || c == '\r') continue;  // browsers skip these
      return false;
    }
    if (c == ':') break;
    scheme += static_cast<char>(std::tolower(u));
    if (scheme.size() > 16) return false;
  }
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data" ||
         scheme == "livescript";
}

namespace {

bool ParamsValue(const nlohmann::json& v, const std::string& path, const std::string& file,
                 Diagnostics* diag, Data* out) {
  switch (v.type()) {
    case nlohmann::json::value_t::object: {
      Data obj;
      for (const auto& [k, item] : v.items()) {
        Data child;
        if (ParamsValue(item, path + "." + k, file, diag, &child)) obj[k] = std::move(child);
      }
      *out = std::move(obj);
      return true;
    }
    case nlohmann::json::value_t::array: {
      Data list = NewList(v.size());
      std::size_t i = 0;
      for (const auto& item : v) {
        Data child;
        if (ParamsValue(item, path + "[" + std::to_string(i++) + "]", file, diag, &child)) {
          Append(&list, std::move(child));
        }
      }
      *out = std::move(list);
      return true;
    }
    case nlohmann::json::value_t::string: {
      const auto& s = v.get_ref<const std::string&>();
      if (IsScriptUrl(s)) {
        if (diag) {
          diag->Warning(file, 0, "front matter '" + path +
                                     "' holds a script URL; it is left out of the page");
        }
        return false;
      }
      *out = Data(s);
      return true;
    }
    case nlohmann::json::value_t::boolean:
      *out = Data(v.get<bool>());
      return true;
    case nlohmann::json::value_t::null:
      *out = Data(false);
      return true;
    default:  // numbers
      *out = Data(v.dump());
      return true;
  }
}

}  // namespace

Data ParamsData(const nlohmann::json& params, const std::string& file, Diagnostics* diag) {
  Data out;
  if (!params.is_object()) return out;
  for (const auto& [k, v] : params.items()) {
    Data child;
    if (ParamsValue(v, k, file, diag, &child)) out[k] = std::move(child);
  }
  return out;
}

std::string ViewModel::PluralFormsJson(const std::string& lang, std::string_view key,
                                       std::string_view arg) const {
  nlohmann::json exact = nlohmann::json::object();
  for (std::int64_t n = 0; n <= 10; ++n) {
    exact[std::to_string(n)] = Text(lang, key, {{std::string(arg), n}});
  }
  nlohmann::json forms = nlohmann::json::object();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::PluralRules> rules(
      icu::PluralRules::forLocale(icu::Locale(lang.c_str()), status));
  if (U_SUCCESS(status) && rules) {
    std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
    const icu::UnicodeString* kw;
    while (U_SUCCESS(status) && keywords && (kw = keywords->snext(status)) != nullptr) {
      double sample = PluralSample(*rules, *kw);
      if (sample < 0) continue;
      auto n = static_cast<std::int64_t>(sample);
      std::string text = Text(lang, key, {{std::string(arg), n}});
      std::string placeholder = "{" + std::string(arg) + "}";
      std::string formatted = locales_.For(lang).FormatInteger(n);
      if (text.find(formatted) == std::string::npos) continue;  // the number is not shown
      ReplaceAll(&text, formatted, placeholder);
      std::string name;
      kw->toUTF8String(name);
      forms[name] = text;
    }
  }
  return Json({{"exact", exact}, {"forms", forms}});
}

Data ViewModel::ForSearch(const std::string& lang) const {
  Data d;
  std::map<std::string, std::string> translations;
  for (std::string_view l : kLanguages) {
    translations[std::string(l)] = "/" + std::string(l) + "/search/";
  }
  SetFrame(lang, Text(lang, "nav.search"), "/" + lang + "/search/", translations, &d);
  SetDescription(Text(lang, "nav.search"), &d);
  d["noindex"] = true;
  d["has_breadcrumbs"] = true;
  d["breadcrumbs"] = Breadcrumbs(lang, "", false);

  Data languages = NewList(kLanguages.size());
  nlohmann::json names = nlohmann::json::object();
  for (std::string_view l : kLanguages) {
    std::string code(l);
    std::string name = Text(lang, "lang." + code);
    names[code] = name;
    Data item;
    item["code"] = code;
    item["name"] = name;
    item["is_selected"] = code == lang;
    Append(&languages, std::move(item));
  }
  std::string numbering;
  if (auto it = site_.config.numbering.find(lang); it != site_.config.numbering.end()) {
    numbering = it->second;
  }
  // What the results need to name facets and their values in the
  // reader's language (the server renders the same page from it).
  nlohmann::json facet_labels = {
      {"lang", Text(lang, "search.facet_lang")},
      {"section", Text(lang, "search.facet_section")},
      {"type", TaxonomyTitle(lang, "type")},
      {"region", TaxonomyTitle(lang, "region")},
      {"country", TaxonomyTitle(lang, "country")},
      {"year", Text(lang, "search.facet_year")},
      {"tags", TaxonomyTitle(lang, "tags")},
  };
  nlohmann::json section_names = nlohmann::json::object();
  if (auto it = site_.sections.find(lang); it != site_.sections.end()) {
    for (const auto& [path, section] : it->second) {
      if (!path.empty()) section_names[path] = section.title;
    }
  }
  nlohmann::json term_names = nlohmann::json::object();
  for (const auto& [unused, taxonomies] : site_.taxonomies) {
    for (const auto& [name, taxonomy] : taxonomies) {
      for (const auto& [slug, term] : taxonomy.terms) {
        term_names[term.name] = catalogs_.Term(lang, term.name);
      }
    }
  }
  nlohmann::json config = {
      {"api", Link("/api/search")},
      {"lang", lang},
      {"dir", DirOf(lang)},
      {"numberLocale", BrowserLocaleId(IcuLocaleId(lang, numbering))},
      {"results", nlohmann::json::parse(PluralFormsJson(lang, "search.results", "count"))},
      {"noResults", Text(lang, "search.no_results")},
      {"didYouMean",
       Text(lang, "search.did_you_mean", {{"suggestion", std::string("{suggestion}")}})},
      {"unavailable", Text(lang, "search.unavailable")},
      {"webSearch", Text(lang, "search.web_search")},
      {"showingResultsFor",
       Text(lang, "search.showing_results_for", {{"query", std::string("{query}")}})},
      {"searchInsteadFor",
       Text(lang, "search.search_instead_for", {{"query", std::string("{query}")}})},
      {"range", Text(lang, "search.range",
                     {{"results", std::string("{results}")},
                      {"first", std::string("{first}")},
                      {"last", std::string("{last}")}})},
      {"previous", Text(lang, "search.previous")},
      {"next", Text(lang, "search.next")},
      {"pagesLabel", Text(lang, "search.pages")},
      {"refine", Text(lang, "search.refine")},
      {"clearFilters", Text(lang, "search.clear_filters")},
      {"facetLabels", facet_labels},
      {"sectionNames", section_names},
      {"termNames", term_names},
      {"pageSize", 10},
      {"fallbackBadge", Text(lang, "fallback.badge")},
      {"langNames", names},
  };
  const BrowserSearchFiles& engine = site_.browser_search;
  if (!engine.worker.empty()) {
    nlohmann::json dbs = nlohmann::json::object();
    for (const auto& [l, path] : engine.databases) dbs[l] = Link(path);
    nlohmann::json heads = nlohmann::json::object();
    for (const auto& [l, path] : engine.heads) heads[l] = Link(path);
    // Read by static/js/search-engine.js and handed to the engine's worker.
    config["engine"] = {
        {"worker", Link(engine.worker)},
        {"wasm", Link(engine.wasm)},
        {"icu", {{"base", Link(engine.icu_base)}, {"zh", Link(engine.icu_zh)}}},
        {"db", dbs},
        {"head", heads},
        {"block", engine.block_size},
        {"ahead", kBrowserSearchReadAhead},
    };
  }
  Data s;
  s["action"] = Link("/" + lang + "/search/");
  s["api_url"] = Link("/api/search");
  s["languages"] = std::move(languages);
  s["config_json"] = Json(config);
  d["search"] = std::move(s);
  return d;
}

Data ViewModel::ForAlias(const Page& target) const {
  Data d;
  std::string link = Link(target.url);
  d["title"] = target.meta.title;
  d["head_title"] = target.meta.title;
  d["noindex"] = true;
  Data r;
  r["target_url"] = link;
  r["target_abs"] = Absolute(target.url);
  r["title"] = target.meta.title;
  std::string a = "<a href=\"" + EscapeHtml(link) + "\">" + EscapeHtml(link) + "</a>";
  r["text_html"] = TextHtml(target.lang, "redirect.text", "url", a);
  d["redirect"] = std::move(r);
  return d;
}

Data ViewModel::ForLanguageChooser() const {
  const std::string& def = site_.config.default_language;
  Data d;
  std::string title = site_.config.TitleFor(def);
  d["title"] = title;
  d["head_title"] = title;
  d["canonical"] = Absolute("/");
  SetDescription(DescriptionFor(site_.config, def), &d);
  Data alternates = NewList(kLanguages.size() + 1);
  Data languages = NewList(kLanguages.size());
  nlohmann::json homes = nlohmann::json::object();
  for (std::string_view l : kLanguages) {
    std::string code(l);
    std::string home = "/" + code + "/";
    Data alt;
    alt["hreflang"] = code;
    alt["url"] = Absolute(home);
    Append(&alternates, std::move(alt));
    homes[code] = Link(home);
    Data item;
    item["code"] = code;
    item["dir"] = DirOf(code);
    item["name"] = Text(code, "lang." + code);
    item["home_url"] = Link(home);
    item["site_title"] = site_.config.TitleFor(code);
    item["intro"] = Text(code, "chooser.intro");
    item["title"] = Text(code, "chooser.title");
    Append(&languages, std::move(item));
  }
  d["alternates"] = std::move(alternates);
  d["has_x_default"] = true;
  d["x_default_url"] = Absolute("/");
  Data c;
  c["title"] = Text(def, "chooser.title");
  c["languages"] = std::move(languages);
  c["homes_json"] = Json(homes);
  d["chooser"] = std::move(c);
  return d;
}

Data ViewModel::ForNotFound() const {
  const std::string& def = site_.config.default_language;
  Data d;
  std::string title = Text(def, "notfound.title");
  d["title"] = title;
  d["head_title"] = title + " – " + site_.config.TitleFor(def);
  d["noindex"] = true;
  Data notices = NewList(kLanguages.size());
  // The reader's language is unknown here: say it in every language, the
  // default language first.
  std::vector<std::string> order{def};
  for (std::string_view l : kLanguages) {
    if (l != def) order.emplace_back(l);
  }
  for (const auto& code : order) {
    Data n;
    n["code"] = code;
    n["dir"] = DirOf(code);
    n["title"] = Text(code, "notfound.title");
    n["text"] = Text(code, "notfound.text");
    n["home_text"] = Text(code, "notfound.home");
    n["home_url"] = Link("/" + code + "/");
    n["name"] = Text(code, "lang." + code);
    Append(&notices, std::move(n));
  }
  Data nf;
  nf["notices"] = std::move(notices);
  d["notfound"] = std::move(nf);
  return d;
}

}  // namespace kbgen
