#include "search/results_page.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <nlohmann/json.hpp>
#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/plurrule.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include "generator/html_escape.h"  // a header-only utility, no generator code
#include "search/schema.h"
#include "search/snippet.h"

namespace kbgen::search {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A name from a map of the config ("langNames", "termNames", ...), else
// the value itself.
std::string NameIn(const Json& config, const char* map, const std::string& value) {
  auto it = config.find(map);
  if (it == config.end() || !it->is_object()) return value;
  auto v = it->find(value);
  return v != it->end() && v->is_string() ? v->get<std::string>() : value;
}

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  for (auto pos = s->find(from); pos != std::string::npos; pos = s->find(from, pos + to.size())) {
    s->replace(pos, from.size(), to);
  }
}

// A message with one placeholder replaced by HTML, the rest escaped.
std::string WithHtml(const std::string& message, std::string_view placeholder,
                     const std::string& html) {
  const auto at = message.find(placeholder);
  if (at == std::string::npos) return EscapeHtml(message);
  return EscapeHtml(message.substr(0, at)) + html +
         EscapeHtml(message.substr(at + placeholder.size()));
}

std::string AttributeUnescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&quot;", '"'}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&#39;", '\''},
          {"&#x27;", '\''}, {"&apos;", '\''}};
      bool found = false;
      for (const auto& [entity, c] : kEntities) {
        if (s.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size();
          found = true;
          break;
        }
      }
      if (found) continue;
    }
    out += s[i++];
  }
  return out;
}

// Formats numbers, dates and plural forms as the build does for `lang`.
class Formats {
 public:
  Formats(const Json& config) : config_(config) {
    UErrorCode status = U_ZERO_ERROR;
    locale_ = icu::Locale::forLanguageTag(Str(config, "numberLocale"), status);
    if (U_FAILURE(status)) locale_ = icu::Locale(Str(config, "lang").c_str());
    status = U_ZERO_ERROR;
    numbers_.reset(icu::NumberFormat::createInstance(locale_, status));
    if (U_FAILURE(status)) numbers_.reset();
    status = U_ZERO_ERROR;
    plurals_.reset(icu::PluralRules::forLocale(icu::Locale(Str(config, "lang").c_str()), status));
    if (U_FAILURE(status)) plurals_.reset();
    dates_.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale_));
    if (dates_) dates_->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
  }

  std::string Number(std::uint64_t n) const {
    if (!numbers_) return std::to_string(n);
    icu::UnicodeString u;
    numbers_->format(static_cast<int64_t>(n), u);
    std::string out;
    return u.toUTF8String(out);
  }

  // The result count, from the plural forms of search.results.
  std::string Count(std::uint64_t n) const {
    const Json& results = config_.contains("results") ? config_["results"] : Json::object();
    if (results.contains("exact") && results["exact"].contains(std::to_string(n))) {
      return results["exact"][std::to_string(n)].get<std::string>();
    }
    std::string category = "other";
    if (plurals_) {
      icu::UnicodeString keyword = plurals_->select(static_cast<double>(n));
      category.clear();
      keyword.toUTF8String(category);
    }
    std::string pattern;
    if (results.contains("forms")) {
      const Json& forms = results["forms"];
      if (forms.contains(category)) pattern = forms[category].get<std::string>();
      else if (forms.contains("other")) pattern = forms["other"].get<std::string>();
    }
    if (pattern.empty()) return Number(n);
    ReplaceAll(&pattern, "{count}", Number(n));
    return pattern;
  }

  // "2018-05-08" as a long date; the ISO text when it is not one.
  std::string Date(const std::string& iso) const {
    if (!dates_ || iso.size() != 10) return iso;
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return iso;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> cal(
        icu::Calendar::createInstance(icu::TimeZone::createTimeZone("UTC"), status));
    if (U_FAILURE(status)) return iso;
    cal->clear();
    cal->set(y, m - 1, d);
    UDate when = cal->getTime(status);
    if (U_FAILURE(status)) return iso;
    icu::UnicodeString u;
    dates_->format(when, u);
    std::string out;
    return u.toUTF8String(out);
  }

 private:
  const Json& config_;
  icu::Locale locale_;
  std::unique_ptr<icu::NumberFormat> numbers_;
  std::unique_ptr<icu::PluralRules> plurals_;
  std::unique_ptr<icu::DateFormat> dates_;
};

bool IsSiteUrl(const std::string& url) {
  return url.size() >= 1 && url[0] == '/' && (url.size() == 1 || (url[1] != '/' && url[1] != '\\'));
}

std::string Bdi(const std::string& text) { return "<bdi>" + EscapeHtml(text) + "</bdi>"; }

std::string Link(const ResultsPageRequest& r, const std::string& text) {
  return "<a href=\"" + EscapeHtml(ResultsPageHref(r)) + "\">" + Bdi(text) + "</a>";
}

std::string Status(const Json& config, const Formats& f, const ResultsPageRequest& request,
                   const SearchResponse& response) {
  std::string out;
  const std::uint64_t total = response.total;
  const std::uint64_t first = static_cast<std::uint64_t>(request.page - 1) * kResultsPageSize + 1;
  const std::uint64_t last = first + response.hits.size() - 1;
  std::string count;
  if (total == 0) {
    count = Str(config, "noResults");
  } else if (request.page == 1 && total <= static_cast<std::uint64_t>(kResultsPageSize)) {
    count = f.Count(total);
  } else if (response.hits.empty()) {
    count = f.Count(total);
  } else {
    count = Str(config, "range");
    ReplaceAll(&count, "{results}", f.Count(total));
    ReplaceAll(&count, "{first}", f.Number(first));
    ReplaceAll(&count, "{last}", f.Number(last));
  }
  out += "<p class=\"search-count\">" + EscapeHtml(count) + "</p>";
  if (response.corrected) {
    ResultsPageRequest shown = request;
    shown.query = *response.corrected;
    shown.page = 1;
    ResultsPageRequest instead = request;
    instead.page = 1;
    instead.correct = false;
    out += "<p class=\"search-corrected\">" +
           WithHtml(Str(config, "showingResultsFor"), "{query}", Link(shown, *response.corrected)) +
           " " + WithHtml(Str(config, "searchInsteadFor"), "{query}", Link(instead, request.query)) +
           "</p>";
  }
  if (response.suggestion) {
    ResultsPageRequest suggested = request;
    suggested.query = *response.suggestion;
    suggested.page = 1;
    out += "<p class=\"search-suggestion\">" +
           WithHtml(Str(config, "didYouMean"), "{suggestion}", Link(suggested, *response.suggestion)) +
           "</p>";
  }
  return out;
}

std::string Results(const Json& config, const Formats& f, const SearchResponse& response) {
  const std::string page_lang = Str(config, "lang");
  std::string out;
  for (const auto& hit : response.hits) {
    const bool other = hit.lang != page_lang;
    out += "<li class=\"search-result\"";
    if (other) {
      out += " lang=\"" + EscapeHtml(hit.lang) + "\" dir=\"" + (hit.lang == "ar" ? "rtl" : "ltr") + "\"";
    }
    out += "><h2 class=\"search-result__title\">";
    const std::string title = hit.title.empty() ? hit.url : hit.title;
    if (IsSiteUrl(hit.url)) {
      out += "<a href=\"" + EscapeHtml(hit.url) + "\"";
      if (other) out += " hreflang=\"" + EscapeHtml(hit.lang) + "\"";
      out += ">" + Bdi(title) + "</a>";
    } else {
      out += Bdi(title);
    }
    out += "</h2>";
    std::string meta;
    if (other) meta += Bdi(NameIn(config, "langNames", hit.lang));
    if (hit.date.size() == 10) {
      if (!meta.empty()) meta += " · ";
      meta += "<time datetime=\"" + EscapeHtml(hit.date) + "\">" + Bdi(f.Date(hit.date)) + "</time>";
    }
    if (!meta.empty()) {
      out += "<p class=\"search-result__meta\" lang=\"" + EscapeHtml(page_lang) + "\" dir=\"" +
             EscapeHtml(Str(config, "dir")) + "\">" + meta + "</p>";
    }
    std::string snippet = SnippetHtml(hit.snippet);
    if (snippet.empty()) snippet = EscapeHtml(hit.summary);
    if (!snippet.empty()) out += "<p class=\"search-result__snippet\" dir=\"auto\">" + snippet + "</p>";
    out += "</li>";
  }
  return out;
}

// The facets a reader can narrow the results by, in this order.
constexpr const char* kFacetOrder[] = {"lang", "section", "type", "region", "country", "year", "tags"};
constexpr std::size_t kMaxFacetValues = 12;

std::string Facets(const Json& config, const Formats& f, const ResultsPageRequest& request,
                   const SearchResponse& response) {
  if (response.total == 0 && request.filters.empty()) return "";
  std::string out = "<h2 class=\"search-facets__title\">" + EscapeHtml(Str(config, "refine")) + "</h2>";
  if (!request.filters.empty()) {
    ResultsPageRequest clear = request;
    clear.filters.clear();
    clear.page = 1;
    out += "<p class=\"search-facets__clear\"><a href=\"" + EscapeHtml(ResultsPageHref(clear)) +
           "\">" + EscapeHtml(Str(config, "clearFilters")) + "</a></p>";
  }
  const Json labels = config.contains("facetLabels") ? config["facetLabels"] : Json::object();
  for (const char* name : kFacetOrder) {
    if (std::string_view(name) == "lang" && request.lang != "all") continue;
    auto it = response.facets.find(name);
    if (it == response.facets.end() || it->second.empty()) continue;
    std::vector<std::pair<std::string, std::uint64_t>> values(it->second.begin(), it->second.end());
    std::stable_sort(values.begin(), values.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (values.size() > kMaxFacetValues) values.resize(kMaxFacetValues);
    out += "<section class=\"search-facet\"><h3>" +
           EscapeHtml(labels.contains(name) ? labels[name].get<std::string>() : name) + "</h3><ul>";
    for (const auto& [value, count] : values) {
      ResultsPageRequest next = request;
      next.page = 1;
      auto active = std::find(next.filters.begin(), next.filters.end(), std::make_pair(std::string(name), value));
      const bool is_active = active != next.filters.end();
      if (is_active) {
        next.filters.erase(active);
      } else {
        next.filters.emplace_back(name, value);
      }
      std::string display = value;
      if (std::string_view(name) == "lang") display = NameIn(config, "langNames", value);
      else if (std::string_view(name) == "section") display = NameIn(config, "sectionNames", value);
      else if (std::string_view(name) != "year") display = NameIn(config, "termNames", value);
      out += "<li><a href=\"" + EscapeHtml(ResultsPageHref(next)) + "\"" +
             (is_active ? " aria-current=\"true\"" : "") + ">" + Bdi(display) +
             "</a> <span class=\"search-facet__count\">(" + EscapeHtml(f.Number(count)) + ")</span></li>";
    }
    out += "</ul></section>";
  }
  return out;
}

std::string Pager(const Json& config, const Formats& f, const ResultsPageRequest& request,
                  const SearchResponse& response) {
  const std::uint64_t reachable = std::min<std::uint64_t>(response.total, kMaxResultDepth);
  const int pages = static_cast<int>((reachable + kResultsPageSize - 1) / kResultsPageSize);
  if (pages <= 1) return "";
  std::string out;
  auto link = [&](int page, const std::string& text, const char* rel) {
    ResultsPageRequest r = request;
    r.page = page;
    out += "<a href=\"" + EscapeHtml(ResultsPageHref(r)) + "\"";
    if (rel != nullptr) out += std::string(" rel=\"") + rel + "\"";
    out += ">" + EscapeHtml(text) + "</a>";
  };
  if (request.page > 1) link(request.page - 1, Str(config, "previous"), "prev");
  const int from = std::max(1, request.page - 3);
  const int to = std::min(pages, request.page + 3);
  for (int p = from; p <= to; ++p) {
    if (p == request.page) {
      out += "<span aria-current=\"page\">" + EscapeHtml(f.Number(static_cast<std::uint64_t>(p))) + "</span>";
    } else {
      link(p, f.Number(static_cast<std::uint64_t>(p)), nullptr);
    }
  }
  if (request.page < pages) link(request.page + 1, Str(config, "next"), "next");
  return out;
}

void FillMarker(std::string* html, std::string_view name, const std::string& content) {
  const std::string marker = "<!--kbgen:" + std::string(name) + "-->";
  auto at = html->find(marker);
  if (at != std::string::npos) html->replace(at, marker.size(), content);
}

// Form encoding of one value, as URLSearchParams writes it.
void AppendEncoded(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*' ||
        c == '-' || c == '.' || c == '_') {
      *out += static_cast<char>(c);
    } else if (c == ' ') {
      *out += '+';
    } else {
      *out += '%';
      *out += kHex[c >> 4];
      *out += kHex[c & 15];
    }
  }
}

}  // namespace

std::string ResultsPageHref(const ResultsPageRequest& r) {
  std::string out = "?q=";
  AppendEncoded(&out, r.query);
  out += "&lang=";
  AppendEncoded(&out, r.lang);
  if (r.page > 1) out += "&page=" + std::to_string(r.page);
  for (const auto& [name, value] : r.filters) {
    out += "&filter=";
    AppendEncoded(&out, name + ":" + value);
  }
  if (!r.correct) out += "&correct=0";
  return out;
}

std::string RenderResultsPage(std::string_view html, const ResultsPageRequest& request,
                              const SearchResponse* response, const std::string& error) {
  std::string page(html);
  constexpr std::string_view kConfig = "data-search-config=\"";
  const auto begin = page.find(kConfig);
  if (begin == std::string::npos) return page;
  const auto end = page.find('"', begin + kConfig.size());
  if (end == std::string::npos) return page;
  const Json config = Json::parse(
      AttributeUnescape(std::string_view(page).substr(begin + kConfig.size(), end - begin - kConfig.size())),
      nullptr, false);
  if (!config.is_object()) return page;
  const Formats formats(config);
  // The query in the search box, the language in the menu.
  ReplaceAll(&page, "name=\"q\" value=\"\"", "name=\"q\" value=\"" + EscapeHtml(request.query) + "\"");
  if (request.lang == "all") {
    ReplaceAll(&page, " selected>", ">");
    ReplaceAll(&page, "<option value=\"all\">", "<option value=\"all\" selected>");
  }
  if (response == nullptr) {
    FillMarker(&page, "search-status", "<p class=\"search-error\">" + EscapeHtml(error) + "</p>");
    return page;
  }
  FillMarker(&page, "search-status", Status(config, formats, request, *response));
  FillMarker(&page, "search-results", Results(config, formats, *response));
  FillMarker(&page, "search-facets", Facets(config, formats, request, *response));
  FillMarker(&page, "search-pager", Pager(config, formats, request, *response));
  return page;
}

}  // namespace kbgen::search
