#include "search/searcher.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include <sys/stat.h>

#include <xapian.h>

#include "search/analyzer.h"
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
  FacetIndex facets;
  // The stem table entries read so far (schema.h).
  std::unordered_map<std::string, std::vector<std::string>> stem_words;

  const std::vector<std::string>& StemWords(const std::string& stem) {
    auto [it, inserted] = stem_words.try_emplace(stem);
    if (inserted) {
      if (stem_words.size() > 100000) {  // bound the cache; start afresh
        stem_words.clear();
        it = stem_words.try_emplace(stem).first;
      }
      std::string list = db.get_metadata(StemTableKey(stem));
      for (std::size_t b = 0; b < list.size();) {
        std::size_t e = std::min(list.find(' ', b), list.size());
        it->second.push_back(list.substr(b, e - b));
        b = e + 1;
      }
    }
    return it->second;
  }
};

namespace {

// One searched language's share of a request.
struct LanguageQuery {
  Searcher::Language* language = nullptr;
  AnalyzedQuery analyzed;
  QueryBuilder::Result parsed;
  Xapian::MSet mset;
  // Where to look for matches in a page's text: positional terms, and for
  // each the query word it stands for (a word and its stem's other forms
  // count as one).
  bool highlight_ready = false;
  bool han_characters = false;  // Chinese: single characters are searched in the text
  std::vector<std::string> highlight;
  std::vector<int> highlight_word;
};

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

// The indexed words of the query terms, for snippets. A stem (Z term, no
// positions) stands for the words of the stem table.
void FindHighlightTerms(LanguageQuery* q) {
  q->highlight_ready = true;
  q->han_characters = q->language->spec->lang == "zh";
  std::map<std::string, int> word_ids;
  std::map<std::string, bool> seen;
  auto add = [&](const std::string& term, const std::string& word_key) {
    if (!seen.emplace(term, true).second) return;
    auto id = word_ids.try_emplace(word_key, static_cast<int>(word_ids.size())).first->second;
    q->highlight.push_back(term);
    q->highlight_word.push_back(id);
  };
  for (const auto& term : HighlightTerms(q->parsed.query)) {
    if (term.compare(0, kPrefixSynonym.size(), kPrefixSynonym) == 0) {
      add(term, term);
    } else if (term[0] == kPrefixStem[0]) {
      std::string stem = term.substr(1);
      for (const auto& word : q->language->StemWords(stem)) add(word, stem);
    } else {
      std::string stem = q->language->analyzer->Stem(term);
      add(term, stem.empty() ? term : stem);
    }
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
    const std::string& term = q.highlight[i];
    for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p) {
      add(*p, q.highlight_word[i]);
    }
  }
  // Wildcards: the page's own words that start with the prefix.
  int word = 1 + (q.highlight_word.empty() ? 0 : *std::max_element(q.highlight_word.begin(),
                                                                     q.highlight_word.end()));
  for (const auto& prefix : q.analyzed.wildcard_prefixes) {
    auto t = db.termlist_begin(did);
    t.skip_to(prefix);
    for (; t != db.termlist_end(did) && (*t).compare(0, prefix.size(), prefix) == 0; ++t) {
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) add(*p, word);
    }
    ++word;
  }
  // A Chinese character searched alone matches the words that contain it,
  // which its term has no positions for (document_maker.h): find it in
  // the text itself.
  for (std::size_t i = 0; i < q.highlight.size(); ++i) {
    if (!q.han_characters || !IsHanCharacter(q.highlight[i])) continue;
    auto scan = [&](const StoredText& t, std::vector<SnippetMatch>* out) {
      const std::string& c = q.highlight[i];
      for (auto at = t.text.find(c); at != std::string::npos; at = t.text.find(c, at + c.size())) {
        auto span = std::upper_bound(t.spans.begin(), t.spans.end(), at,
                                     [](std::size_t v, const Span& s) { return v < s.begin; });
        if (span == t.spans.begin() || at >= (--span)->end) continue;
        out->push_back({static_cast<std::size_t>(span - t.spans.begin()), q.highlight_word[i]});
      }
    };
    scan(page.body, &body);
    scan(page.summary, &summary);
  }
  const std::size_t chars = q.language->spec->snippet_chars;
  if (!body.empty()) return MakeSnippet(page.body, std::move(body), chars);
  if (!summary.empty()) return MakeSnippet(page.summary, std::move(summary), chars);
  return MakeSnippet(page.body.text.empty() ? page.summary : page.body, {}, chars);
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
std::optional<std::string> Suggest(const std::vector<LanguageQuery>& queries,
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
  std::vector<std::size_t> langs;
  for (std::size_t i = 0; i < kLanguageSpecs.size(); ++i) {
    if (request.lang == "all" || kLanguageSpecs[i].lang == request.lang) langs.push_back(i);
  }
  if (langs.empty()) {
    *error = "unknown language '" + request.lang + "' (expected one of " + LanguageList() +
             ", or all)";
    return false;
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
  // Filters: OR within a facet, AND across facets.
  Xapian::Query filter;
  for (const auto& [facet, terms] : filter_terms) {
    Xapian::Query any(Xapian::Query::OP_OR, terms.begin(), terms.end());
    filter = filter.empty() ? any : Xapian::Query(Xapian::Query::OP_AND, filter, any);
  }
  if (request.facets) response->facets = EmptyFacetCounts();

  try {
    // --- one query per language, analysed as that language's index ---
    std::vector<LanguageQuery> queries;
    for (std::size_t li : langs) {
      LanguageQuery q;
      q.language = Get(li, error);
      if (q.language == nullptr) {
        err->bad_request = false;
        return false;
      }
      q.analyzed = AnalyzeQuery(q.language->analyzer.get(), request.query);
      if (std::string e = CheckQueryLimits(q.analyzed); !e.empty()) {
        *error = e;
        return false;
      }
      if (!q.language->builder->Build(q.analyzed, &q.parsed, error)) return false;
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
      enquire.set_time_limit(kMatchTimeLimitSeconds);
      FacetSpy spy(&q.language->facets);
      if (request.facets) enquire.add_matchspy(&spy);
      const auto first = static_cast<Xapian::doccount>(several ? 0 : request.offset);
      const auto count = static_cast<Xapian::doccount>(several ? request.offset + request.limit
                                                               : request.limit);
      q.mset = enquire.get_mset(first, count, request.facets ? q.language->db.get_doccount() : 0);
      response->total += q.mset.get_matches_estimated();
      if (request.facets) spy.AddTo(&response->facets);
    }
    if (response->total == 0) {
      response->suggestion = Suggest(queries, filter);
      return true;
    }

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
        if (!q.highlight_ready) FindHighlightTerms(&q);
        hit.snippet = PageSnippet(q.language->db, *r.it, q, page);
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
  } catch (const Xapian::Error& e) {
    err->bad_request = false;
    *error = index_dir_.string() + ": search failed: " + e.get_description();
    return false;
  }
}

}  // namespace kbgen::search
