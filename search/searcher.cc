#include "search/searcher.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <xapian.h>

#include "search/analyzer.h"
#include "search/query.h"
#include "search/schema.h"
#include "search/stored_page.h"

namespace kbgen::search {

struct Searcher::Language {
  const LanguageSpec* spec = nullptr;
  Xapian::Database db;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<QueryBuilder> builder;
  FacetTable facets;
};

namespace {

// One searched language's share of a request.
struct LanguageQuery {
  std::size_t lang_index = 0;
  const Xapian::Database* db = nullptr;
  Analyzer* analyzer = nullptr;
  QueryBuilder* builder = nullptr;
  AnalyzedQuery analyzed;
  QueryBuilder::Result parsed;
  std::vector<std::string> highlight;  // terms to find in a page's text
  std::vector<int> highlight_word;     // which query word each one is
};

std::string LanguageList() {
  std::string out;
  for (const auto& spec : kLanguageSpecs) out += (out.empty() ? "" : " ") + std::string(spec.lang);
  return out;
}

std::string FacetList() {
  std::string out;
  for (const auto& f : kFacets) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

// Groups a term with its stem so that "economie" and "Zeconomi" count as
// one query word when choosing a snippet.
void NumberHighlightWords(Analyzer* analyzer, LanguageQuery* q) {
  std::map<std::string, int> ids;
  for (const auto& term : q->highlight) {
    std::string key;
    if (term.compare(0, kPrefixSynonym.size(), kPrefixSynonym) == 0) {
      key = term;
    } else if (term[0] == 'Z') {
      key = term.substr(1);
    } else {
      key = analyzer->Stem(term);
      if (key.empty()) key = term;
    }
    auto it = ids.try_emplace(key, static_cast<int>(ids.size())).first;
    q->highlight_word.push_back(it->second);
  }
}

// The snippet of one hit: matched positions from the index, words from the
// stored text.
Snippet PageSnippet(const Xapian::Database& db, Xapian::docid did, const LanguageQuery& q,
                    const StoredPage& page) {
  std::vector<SnippetMatch> body, summary;
  auto add = [&](Xapian::termpos pos, int word) {
    if (pos >= page.body.first_position && pos - page.body.first_position < page.body.spans.size()) {
      body.push_back({pos - page.body.first_position, word});
    } else if (pos >= page.summary.first_position &&
               pos - page.summary.first_position < page.summary.spans.size()) {
      summary.push_back({pos - page.summary.first_position, word});
    }
  };
  for (std::size_t i = 0; i < q.highlight.size(); ++i) {
    for (auto p = db.positionlist_begin(did, q.highlight[i]); p != db.positionlist_end(did, q.highlight[i]); ++p) {
      add(*p, q.highlight_word[i]);
    }
  }
  // Wildcards: the page's own words that start with the prefix.
  int word = q.highlight_word.empty() ? 0 : *std::max_element(q.highlight_word.begin(), q.highlight_word.end()) + 1;
  for (const auto& prefix : q.analyzed.wildcard_prefixes) {
    auto t = db.termlist_begin(did);
    t.skip_to(prefix);
    for (; t != db.termlist_end(did) && (*t).compare(0, prefix.size(), prefix) == 0; ++t) {
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) add(*p, word);
    }
    ++word;
  }
  if (!body.empty()) return MakeSnippet(page.body, std::move(body), kSnippetChars);
  if (!summary.empty()) return MakeSnippet(page.summary, std::move(summary), kSnippetChars);
  return MakeSnippet(page.body.text.empty() ? page.summary : page.body, {}, kSnippetChars);
}


// The query of one language, restricted to its pages when several
// languages are searched together, and to the facet filters.
Xapian::Query LanguagePart(const Xapian::Query& query, std::string_view lang, bool several,
                           const Xapian::Query& filter) {
  Xapian::Query part = query;
  if (several) {
    // Each language's terms are only meant for its own pages.
    part = Xapian::Query(Xapian::Query::OP_FILTER, part,
                         Xapian::Query(std::string(kPrefixLang) + std::string(lang)));
  }
  if (!filter.empty()) part = Xapian::Query(Xapian::Query::OP_FILTER, part, filter);
  return part;
}

// "Did you mean": the spelling-corrected query of the first language whose
// correction finds something. Only asked when nothing was found: Xapian
// also "corrects" known words to more frequent ones (and -> an).
std::optional<std::string> Suggest(const std::vector<LanguageQuery>& queries,
                                   const Xapian::Query& filter) {
  for (const auto& q : queries) {
    const std::string& corrected = q.parsed.corrected;
    if (corrected.empty() || corrected == q.analyzed.text) continue;
    AnalyzedQuery analyzed = AnalyzeQuery(q.analyzer, corrected);
    QueryBuilder::Result parsed;
    std::string unused;
    if (!CheckQueryLimits(analyzed).empty() || !q.builder->Build(analyzed, &parsed, &unused) ||
        parsed.query.empty()) {
      continue;
    }
    Xapian::Enquire enquire(*q.db);
    enquire.set_query(LanguagePart(parsed.query, "", false, filter));
    if (enquire.get_mset(0, 1).size() > 0) return corrected;
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
    if (!FacetTable::Parse(l->db.get_metadata(std::string(kMetaFacets)), &l->facets)) {
      *error = stub.string() + ": damaged facet table; rebuild the site";
      return nullptr;
    }
  } catch (const Xapian::Error& e) {
    *error = stub.string() + ": cannot open the search index: " + e.get_msg();
    return nullptr;
  }
  l->analyzer = Analyzer::Create(spec.lang, error);
  if (!l->analyzer) return nullptr;
  l->builder = std::make_unique<QueryBuilder>(l->analyzer.get(), l->db);
  languages_[lang_index] = std::move(l);
  return languages_[lang_index].get();
}

bool Searcher::Search(const SearchRequest& request, SearchResponse* response, SearchError* err) {
  *response = SearchResponse();
  *err = SearchError();
  err->bad_request = true;
  std::string* error = &err->message;
  // --- the request ---
  std::vector<std::size_t> langs;
  if (request.lang == "all") {
    for (std::size_t i = 0; i < kLanguageSpecs.size(); ++i) langs.push_back(i);
  } else {
    for (std::size_t i = 0; i < kLanguageSpecs.size(); ++i) {
      if (kLanguageSpecs[i].lang == request.lang) langs.push_back(i);
    }
    if (langs.empty()) {
      *error = "unknown language '" + request.lang + "' (expected one of " + LanguageList() +
               ", or all)";
      return false;
    }
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
    int facet = FindFacet(name);
    if (facet < 0) {
      *error = "unknown filter '" + name + "' (expected one of " + FacetList() + ")";
      return false;
    }
    filter_terms[facet].push_back(FacetTerm(facet, value));
  }
  if (std::string e = CheckQueryBytes(request.query); !e.empty()) {
    *error = e;
    return false;
  }

  try {
    // --- one query per language, analysed as that language's index ---
    std::vector<LanguageQuery> queries;
    std::vector<const FacetTable*> tables(kLanguageSpecs.size(), nullptr);
    for (std::size_t li : langs) {
      Language* l = Get(li, error);
      if (l == nullptr) {
        err->bad_request = false;
        return false;
      }
      tables[li] = &l->facets;
      LanguageQuery q;
      q.lang_index = li;
      q.db = &l->db;
      q.analyzer = l->analyzer.get();
      q.builder = l->builder.get();
      q.analyzed = AnalyzeQuery(l->analyzer.get(), request.query);
      if (std::string e = CheckQueryLimits(q.analyzed); !e.empty()) {
        *error = e;
        return false;
      }
      if (!l->builder->Build(q.analyzed, &q.parsed, error)) return false;  // a bad request
      q.highlight = HighlightTerms(q.parsed.query);
      NumberHighlightWords(l->analyzer.get(), &q);
      queries.push_back(std::move(q));
    }

    // Filters: OR within a facet, AND across facets.
    Xapian::Query filter;
    for (const auto& [facet, terms] : filter_terms) {
      Xapian::Query any(Xapian::Query::OP_OR, terms.begin(), terms.end());
      filter = filter.empty() ? any : Xapian::Query(Xapian::Query::OP_AND, filter, any);
    }
    Xapian::Database db;
    std::vector<Xapian::Query> parts;
    for (const auto& q : queries) {
      db.add_database(*q.db);
      if (q.parsed.query.empty()) continue;
      parts.push_back(LanguagePart(q.parsed.query, kLanguageSpecs[q.lang_index].lang,
                                   langs.size() > 1, filter));
    }
    if (parts.empty()) {
      if (request.facets) response->facets = FacetSpy(tables).Counts();
      return true;  // nothing to look for: an empty list
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    enquire.set_time_limit(kMatchTimeLimitSeconds);
    FacetSpy spy(tables);
    if (request.facets) enquire.add_matchspy(&spy);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                         static_cast<Xapian::doccount>(request.limit),
                                         request.facets ? db.get_doccount() : 0);
    response->total = mset.get_matches_estimated();
    if (request.facets) response->facets = spy.Counts();
    if (response->total == 0) response->suggestion = Suggest(queries, filter);

    // --- the hits ---
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      StoredPage page;
      if (!DecodeStoredPage(it.get_document().get_data(), &page)) {
        err->bad_request = false;
        *error = index_dir_.string() + ": damaged search index (document " +
                 std::to_string(*it) + "); rebuild the site";
        return false;
      }
      SearchHit hit;
      if (request.snippets) {
        const LanguageQuery* q = &queries[0];
        for (const auto& candidate : queries) {
          if (kLanguageSpecs[candidate.lang_index].lang == page.lang) q = &candidate;
        }
        hit.snippet = PageSnippet(db, *it, *q, page);
      }
      hit.url = std::move(page.url);
      hit.title = std::move(page.title);
      hit.lang = std::move(page.lang);
      hit.section = std::move(page.section);
      hit.section_title = std::move(page.section_title);
      hit.summary = std::move(page.summary.text);
      hit.date = std::move(page.date);
      hit.score = std::round(it.get_weight() * 10000.0) / 10000.0;
      response->hits.push_back(std::move(hit));
    }
    return true;
  } catch (const Xapian::Error& e) {
    err->bad_request = false;
    *error = index_dir_.string() + ": search failed: " + e.get_description();
    return false;
  }
}

}  // namespace kbgen::search
