#include "search/search_command.h"

#include <nlohmann/json.hpp>

#include "search/schema.h"
#include "search/searcher.h"
#include "search/snippet.h"

namespace kbgen::search {

nlohmann::ordered_json ResponseToJson(const std::string& query, const std::string& lang,
                                      const SearchResponse& r) {
  nlohmann::ordered_json j;
  j["query"] = query;
  j["lang"] = lang;
  j["total"] = r.total;
  j["results"] = nlohmann::ordered_json::array();
  for (const auto& hit : r.hits) {
    nlohmann::ordered_json h;
    h["url"] = hit.url;
    h["title"] = hit.title;
    h["lang"] = hit.lang;
    h["section"] = hit.section;
    h["summary"] = hit.summary;
    h["date"] = hit.date;
    h["snippet"] = SnippetHtml(hit.snippet);
    h["score"] = hit.score;
    j["results"].push_back(std::move(h));
  }
  nlohmann::ordered_json facets = nlohmann::ordered_json::object();
  for (const auto& f : kFacets) {
    nlohmann::ordered_json values = nlohmann::ordered_json::object();
    if (auto it = r.facets.find(std::string(f.name)); it != r.facets.end()) {
      for (const auto& [value, count] : it->second) values[value] = count;
    }
    facets[std::string(f.name)] = std::move(values);
  }
  nlohmann::ordered_json langs = nlohmann::ordered_json::object();
  if (auto it = r.facets.find("lang"); it != r.facets.end()) {
    for (const auto& spec : kLanguageSpecs) {  // in the order of the languages
      if (auto c = it->second.find(std::string(spec.lang)); c != it->second.end()) {
        langs[std::string(spec.lang)] = c->second;
      }
    }
  }
  facets["lang"] = std::move(langs);
  j["facets"] = std::move(facets);
  j["suggestion"] = r.suggestion ? nlohmann::ordered_json(*r.suggestion) : nlohmann::ordered_json();
  j["corrected"] = r.corrected ? nlohmann::ordered_json{{"query", *r.corrected}, {"original", query}}
                               : nlohmann::ordered_json();
  return j;
}

namespace {

void PrintText(const std::string& query, const std::string& lang, int offset,
               const SearchResponse& r, std::ostream& out) {
  if (r.hits.empty()) {
    if (r.total == 0) {
      out << "No results for \"" << query << "\" (" << lang << ").\n";
    } else {
      out << "No more results for \"" << query << "\" (" << lang << "): " << r.total
          << " in all.\n";
    }
  } else {
    out << r.total << (r.total == 1 ? " result" : " results") << " for \"" << query << "\" ("
        << lang << "), " << offset + 1 << "-" << offset + r.hits.size() << ":\n";
  }
  if (r.corrected) {
    out << "Showing results for: " << *r.corrected << " (search instead for \"" << query
        << "\" with --exact)\n";
  }
  if (r.suggestion) out << "Did you mean: " << *r.suggestion << "\n";
  int n = offset;
  for (const auto& hit : r.hits) {
    out << "\n" << ++n << ". " << hit.title << "\n   " << hit.url;
    const std::string& section = hit.section_title.empty() ? hit.section : hit.section_title;
    if (!section.empty()) out << " | " << section;
    if (!hit.date.empty()) out << " | " << hit.date;
    out << "\n";
    std::string snippet = SnippetText(hit.snippet, "[", "]");
    if (!snippet.empty()) out << "   " << snippet << "\n";
  }
  bool header = false;
  for (const auto& f : kFacets) {
    auto it = r.facets.find(std::string(f.name));
    if (it == r.facets.end() || it->second.empty()) continue;
    if (!header) out << "\nFacets:\n";
    header = true;
    out << "  " << f.name << ":";
    bool first = true;
    for (const auto& [value, count] : it->second) {
      out << (first ? " " : ", ") << value << " (" << count << ")";
      first = false;
    }
    out << "\n";
  }
}

}  // namespace

int RunSearchCommand(const SearchOptions& options, std::ostream& out, std::ostream& err) {
  std::string query;
  for (const auto& w : options.query_words) query.append(query.empty() ? "" : " ").append(w);
  if (options.page < 1) {
    err << "error: --page must be 1 or more\n";
    return 2;
  }
  if (options.limit < 1 || options.limit > kMaxLimit) {
    err << "error: --limit must be between 1 and " << kMaxLimit << "\n";
    return 2;
  }
  if (options.page - 1 > (kMaxResultDepth - options.limit) / options.limit) {
    err << "error: --page " << options.page << " is too far: only the first " << kMaxResultDepth
        << " results can be shown\n";
    return 2;
  }
  std::string error;
  auto searcher = Searcher::Open(options.site_dir, &error);
  if (!searcher) {
    err << "error: " << error << "\n";
    return 1;
  }
  SearchRequest request;
  request.lang = options.lang;
  request.query = query;
  request.limit = options.limit;
  request.offset = (options.page - 1) * options.limit;
  request.filters = options.filters;
  request.correct = !options.exact;
  SearchResponse response;
  SearchError search_error;
  if (!searcher->Search(request, &response, &search_error)) {
    err << "error: " << search_error.message << "\n";
    return search_error.bad_request ? 2 : 1;
  }
  if (options.json) {
    out << ResponseToJson(query, options.lang, response)
               .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
        << "\n";
  } else {
    PrintText(query, options.lang, request.offset, response, out);
  }
  return 0;
}

}  // namespace kbgen::search
