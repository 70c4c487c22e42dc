#include "search/searcher.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <sys/stat.h>

#include <xapian.h>

#include "search/analyzer.h"
#include "search/coordination_weight.h"
#include "search/highlighter.h"
#include "search/match_counter.h"
#include "search/query.h"
#include "search/schema.h"
#include "search/stored_page.h"

namespace kbgen::search {
namespace {

// A replaced stub file is a new file: its inode tells.
struct StubIdentity {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const StubIdentity&) const = default;
};

StubIdentity IdentityOf(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return {};
  return {st.st_dev, st.st_ino};
}

}  // namespace

struct Searcher::Language {
  const LanguageSpec* spec = nullptr;
  std::string stub;       // path of the stub file it was opened through
  StubIdentity identity;  // of that file when it was opened
  Xapian::Database db;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<QueryBuilder> builder;
  std::unique_ptr<StemTable> stems;
  FacetIndex facets;
  MatchCounter counter;
};

// One searched language's share of a request.
struct Searcher::LanguageQuery {
  Searcher::Language* language = nullptr;
  AnalyzedQuery analyzed;
  QueryBuilder::Result parsed;
  Xapian::MSet mset;
  std::unique_ptr<Highlighter> highlighter;  // made for the first hit
};

namespace {

std::string LanguageList() {
  std::string out;
  for (const auto& spec : kLanguageSpecs) out.append(out.empty() ? "" : " ").append(spec.lang);
  return out;
}

std::string FacetList() {
  std::string out;
  for (const auto& f : kFacets) out.append(out.empty() ? "" : ", ").append(f.name);
  return out;
}

Xapian::Query Filtered(const Xapian::Query& query, const Xapian::Query& filter) {
  return filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

// The words of an analysed query as the pages write them (economie ->
// économie), syntax untouched.
std::string AsWritten(const Xapian::Database& db, const std::string& query) {
  auto is_syntax = [](char c) {
    return c == ' ' || c == '"' || c == '(' || c == ')' || c == '+' || c == '-' || c == '*' ||
           c == ':';
  };
  std::string out;
  for (std::size_t i = 0; i < query.size();) {
    if (is_syntax(query[i])) {
      out += query[i++];
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && !is_syntax(query[end])) ++end;
    std::string word = query.substr(i, end - i);
    std::string written = db.get_metadata(DisplayFormKey(word));
    out += written.empty() ? word : written;
    i = end;
  }
  return out;
}

// "Did you mean": the spelling-corrected query of the first language whose
// correction finds something. Only asked when nothing was found: Xapian
// also "corrects" known words to more frequent ones (and -> an).
std::optional<std::string> Suggest(const std::vector<Searcher::LanguageQuery>& queries,
                                   const Xapian::Query& filter) {
  for (const auto& q : queries) {
    std::string corrected = q.language->builder->Correct(q.analyzed);
    if (corrected.empty()) continue;
    AnalyzedQuery analyzed = AnalyzeQuery(q.language->analyzer.get(), corrected);
    QueryBuilder::Result parsed;
    std::string unused;
    if (!CheckQueryLimits(analyzed).empty() ||
        !q.language->builder->Build(analyzed, &parsed, &unused) || parsed.query.empty()) {
      continue;
    }
    Xapian::Enquire enquire(q.language->db);
    enquire.set_query(Filtered(parsed.query, filter));
    enquire.set_weighting_scheme(CoordinationWeight());
    if (enquire.get_mset(0, 1).size() > 0) return AsWritten(q.language->db, corrected);
  }
  return std::nullopt;
}

}  // namespace

Searcher::Searcher(std::filesystem::path index_dir) : index_dir_(std::move(index_dir)) {}
Searcher::~Searcher() = default;

std::unique_ptr<Searcher> Searcher::Open(const std::filesystem::path& site_dir, std::string* error) {
  std::filesystem::path dir = site_dir / kIndexFolder;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    *error = dir.string() + ": no search index here (build the site first)";
    return nullptr;
  }
  return std::unique_ptr<Searcher>(new Searcher(dir));
}

Searcher::Language* Searcher::Get(std::size_t lang_index, std::string* error) {
  if (languages_[lang_index]) return languages_[lang_index].get();
  const LanguageSpec& spec = kLanguageSpecs[lang_index];
  const std::filesystem::path stub = index_dir_ / std::string(spec.lang) / kStubFile;
  auto l = std::make_unique<Language>();
  l->spec = &spec;
  l->stub = stub.string();
  // Taken before opening: if the stub is replaced meanwhile, the next
  // ReloadIfChanged opens it again.
  l->identity = IdentityOf(l->stub);
  try {
    std::error_code ec;
    if (!std::filesystem::exists(stub, ec)) {
      *error = stub.string() + ": no search index for language '" + std::string(spec.lang) + "'";
      return nullptr;
    }
    l->db = Xapian::Database(stub.string(), Xapian::DB_BACKEND_STUB);
    std::string schema = l->db.get_metadata(std::string(kMetaSchema));
    if (schema != kSchemaVersion) {
      *error = stub.string() + ": search index of another version of kbgen (schema '" + schema +
               "', expected '" + std::string(kSchemaVersion) + "'); rebuild the site";
      return nullptr;
    }
    if (!FacetIndex::Load(l->db, &l->facets)) {
      *error = stub.string() + ": damaged facet data; rebuild the site";
      return nullptr;
    }
  } catch (const Xapian::Error& e) {
    *error = stub.string() + ": cannot open the search index: " + e.get_msg();
    return nullptr;
  }
  l->analyzer = Analyzer::Create(spec.lang, error);
  if (!l->analyzer) return nullptr;
  l->builder = std::make_unique<QueryBuilder>(l->analyzer.get(), l->db);
  l->stems = std::make_unique<StemTable>(l->db);
  languages_[lang_index] = std::move(l);
  return languages_[lang_index].get();
}

int Searcher::ReloadIfChanged() {
  int dropped = 0;
  for (auto& l : languages_) {
    if (l && !(IdentityOf(l->stub) == l->identity)) {
      l.reset();
      ++dropped;
    }
  }
  return dropped;
}

bool Searcher::Search(const SearchRequest& request, SearchResponse* response, SearchError* err) {
  *response = SearchResponse();
  *err = SearchError();
  err->bad_request = true;
  std::string* error = &err->message;
  // --- the request ---
  std::vector<std::string> lang_filter;
  for (const auto& [name, value] : request.filters) {
    if (name == "lang") lang_filter.push_back(value);
  }
  std::vector<std::size_t> langs;
  for (std::size_t i = 0; i < kLanguageSpecs.size(); ++i) {
    if (request.lang == "all" || kLanguageSpecs[i].lang == request.lang) langs.push_back(i);
  }
  if (langs.empty()) {
    *error = "unknown language '" + request.lang + "' (expected one of " + LanguageList() +
             ", or all)";
    return false;
  }
  for (const auto& l : lang_filter) {
    if (FindLanguage(l) == nullptr) {
      *error = "unknown language filter 'lang=" + l + "' (expected one of " + LanguageList() + ")";
      return false;
    }
  }
  if (!lang_filter.empty()) {
    // Filters within one facet are OR'd: any of the languages named.
    std::erase_if(langs, [&](std::size_t i) {
      return std::find(lang_filter.begin(), lang_filter.end(), kLanguageSpecs[i].lang) ==
             lang_filter.end();
    });
  }
  if (request.limit < 1 || request.limit > kMaxLimit) {
    *error = "the number of results per page must be between 1 and " + std::to_string(kMaxLimit);
    return false;
  }
  if (request.offset < 0 || request.offset > kMaxResultDepth - request.limit) {
    *error = "only the first " + std::to_string(kMaxResultDepth) + " results can be shown";
    return false;
  }
  std::map<int, std::vector<std::string>> filter_terms;
  for (const auto& [name, value] : request.filters) {
    if (name == "lang") continue;
    int facet = FindFacet(name);
    if (facet < 0) {
      *error = "unknown filter '" + name + "' (expected one of " + FacetList() + ", lang)";
      return false;
    }
    filter_terms[facet].push_back(FacetTerm(facet, value));
  }
  if (std::string e = CheckQueryBytes(request.query); !e.empty()) {
    *error = e;
    return false;
  }
  // Filters: OR within a facet, AND across facets.
  Xapian::Query filter;
  for (const auto& [facet, terms] : filter_terms) {
    Xapian::Query any(Xapian::Query::OP_OR, terms.begin(), terms.end());
    filter = filter.empty() ? any : Xapian::Query(Xapian::Query::OP_AND, filter, any);
  }

  try {
    std::vector<LanguageQuery> queries;
    // One language corrects unknown words at once; across languages a
    // word one language lacks is often another's, so only when nothing
    // was found.
    const bool several = langs.size() > 1;
    if (!Run(langs, request.query, request, filter, request.correct && !several, &queries,
             response, err)) {
      return false;
    }
    if (response->total > 0 || !request.correct) return true;
    if (several) {
      if (!Run(langs, request.query, request, filter, true, &queries, response, err)) return false;
      if (response->total > 0) return true;
    }
    // Nothing found: the spelling correction of the whole query, searched
    // at once when it finds something.
    std::optional<std::string> suggestion = Suggest(queries, filter);
    if (!suggestion) return true;
    SearchResponse corrected;
    std::vector<LanguageQuery> unused;
    if (!Run(langs, *suggestion, request, filter, false, &unused, &corrected, err)) return false;
    if (corrected.total == 0) {
      response->suggestion = suggestion;
      return true;
    }
    *response = std::move(corrected);
    response->corrected = std::move(suggestion);
    return true;
  } catch (const Xapian::Error& e) {
    err->bad_request = false;
    *error = index_dir_.string() + ": search failed: " + e.get_description();
    return false;
  }
}

bool Searcher::Run(const std::vector<std::size_t>& langs, const std::string& query_text,
                   const SearchRequest& request, const Xapian::Query& filter, bool correct,
                   std::vector<LanguageQuery>* queries_out, SearchResponse* response,
                   SearchError* err) {
  std::string* error = &err->message;
  *response = SearchResponse();
  if (request.facets) {
    response->facets = EmptyFacetCounts();
    response->facets["lang"];
  }
  std::vector<LanguageQuery>& queries = *queries_out;
  queries.clear();
  // --- one query per language, analysed as that language's index ---
  for (std::size_t li : langs) {
    LanguageQuery q;
    q.language = Get(li, error);
    if (q.language == nullptr) {
      err->bad_request = false;
      return false;
    }
    q.analyzed = AnalyzeQuery(q.language->analyzer.get(), query_text);
    if (std::string e = CheckQueryLimits(q.analyzed); !e.empty()) {
      *error = e;
      return false;
    }
    if (!q.language->builder->Build(q.analyzed, &q.parsed, error, correct)) return false;
    queries.push_back(std::move(q));
  }

  // --- match each language in its own database ---
  // One language: the page asked for. Several: each one's best
  // offset + limit, merged by weight below.
  const bool several = queries.size() > 1;
  for (auto& q : queries) {
    if (q.parsed.query.empty()) continue;  // no words: nothing to find
    Xapian::Enquire enquire(q.language->db);
    enquire.set_query(Filtered(q.parsed.query, filter));
    enquire.set_weighting_scheme(CoordinationWeight());
    enquire.set_time_limit(kMatchTimeLimitSeconds);
    // A plain query's matches and facets are counted from posting lists
    // (match_counter.h), so the match only looks for the pages shown and
    // skips the rest; other queries count what the match visits.
    std::uint64_t counted = 0;
    const bool exact = request.facets &&
                       q.language->counter.Count(q.language->db, q.parsed.query, filter,
                                                 q.language->facets, &counted, &response->facets);
    FacetSpy spy(&q.language->facets);
    if (request.facets && !exact) enquire.add_matchspy(&spy);
    const auto first = static_cast<Xapian::doccount>(several ? 0 : request.offset);
    const auto count = static_cast<Xapian::doccount>(several ? request.offset + request.limit
                                                             : request.limit);
    q.mset = enquire.get_mset(first, count,
                              request.facets && !exact ? q.language->db.get_doccount() : 0);
    const std::uint64_t matches = exact ? counted : q.mset.get_matches_estimated();
    response->total += matches;
    if (request.facets) {
      if (!exact) spy.AddTo(&response->facets);
      if (matches > 0) response->facets["lang"][std::string(q.language->spec->lang)] = matches;
    }
    if (!q.parsed.corrected.empty() && matches > 0 && !response->corrected) {
      response->corrected = AsWritten(q.language->db, q.parsed.corrected);
    }
  }
  if (response->total == 0) return true;
  // --- the hits of the page asked for ---
  struct Ranked {
    double weight;
    std::size_t query;  // in language order: ties go to the earlier language
    Xapian::MSetIterator it;
  };
  std::vector<Ranked> ranked;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    for (auto it = queries[i].mset.begin(); it != queries[i].mset.end(); ++it) {
      ranked.push_back({it.get_weight(), i, it});
    }
  }
  if (several) {
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
      return a.weight != b.weight ? a.weight > b.weight : a.query < b.query;
    });
    const auto begin = std::min(ranked.size(), static_cast<std::size_t>(request.offset));
    const auto end = std::min(ranked.size(), begin + static_cast<std::size_t>(request.limit));
    ranked = std::vector<Ranked>(ranked.begin() + static_cast<long>(begin),
                                 ranked.begin() + static_cast<long>(end));
  }
  for (const Ranked& r : ranked) {
    LanguageQuery& q = queries[r.query];
    StoredPage page;
    Xapian::Document doc = r.it.get_document();
    if (!DecodePageFields(doc.get_value(kSlotFields), &page) ||
        (request.snippets && !DecodePageTexts(doc.get_value(kSlotText), &page))) {
      err->bad_request = false;
      *error = index_dir_.string() + ": damaged search index (" +
               std::string(q.language->spec->lang) + " document " + std::to_string(*r.it) +
               "); rebuild the site";
      return false;
    }
    SearchHit hit;
    if (request.snippets) {
      if (!q.highlighter) {
        q.highlighter = std::make_unique<Highlighter>(q.language->db, q.language->analyzer.get(),
                                                      q.language->stems.get(), q.parsed.query,
                                                      q.analyzed.wildcard_prefixes);
      }
      hit.snippet = q.highlighter->Make(*r.it, page);
    }
    hit.url = std::move(page.url);
    hit.title = std::move(page.title);
    hit.lang = std::move(page.lang);
    hit.section = std::move(page.section);
    hit.section_title = std::move(page.section_title);
    hit.summary = std::move(page.summary.text);
    hit.date = std::move(page.date);
    hit.score = std::round(r.weight * 10000.0) / 10000.0;
    response->hits.push_back(std::move(hit));
  }
  return true;
}

}  // namespace kbgen::search
